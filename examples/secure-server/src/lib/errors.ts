import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

import { OutsideWorkspaceError } from './workspace.js';

/** A tool error result with a message written for the model (never built from an error object). */
export function fail(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/**
 * Turns a caught error into a tool result: the details (paths, SQL, hosts, stack) go to stderr for
 * the operator; the model gets a generic message chosen from the error's code.
 */
export function toolError(tool: string, err: unknown): CallToolResult {
  console.error(`workspace-assistant: ${tool} failed:`, err);
  return fail(publicMessage(err));
}

function publicMessage(err: unknown): string {
  if (err instanceof OutsideWorkspaceError) return 'That path is outside the workspace.';
  switch (errorCode(err)) {
    case 'ENOENT':
      return 'Not found.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied.';
    case 'EISDIR':
      return 'That path is a directory.';
    case 'ENOTDIR':
      return 'That path is not a directory.';
    case 'ETIMEDOUT':
    case 'ABORT_ERR':
      return 'The operation timed out.';
    default:
      return 'The operation failed. The details were logged on the server.';
  }
}

function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
}
