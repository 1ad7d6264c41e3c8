// Error helpers shared by the corpus servers. `toolError` maps known failures to fixed messages and
// logs the rest; `describeFailure` pastes the error's text into the result.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'Not found.',
  EACCES: 'Permission denied.',
  ETIMEDOUT: 'The operation timed out.',
};

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** A tool error result with a fixed message chosen by the error's code; the details go to stderr. */
export function toolError(tool: string, err: unknown): CallToolResult {
  console.error(`${tool} failed:`, err);
  const code = codeOf(err);
  const text = (code !== undefined ? MESSAGES[code] : undefined) ?? 'The operation failed. The details were logged on the server.';
  return { content: [{ type: 'text', text }], isError: true };
}

/** A tool error result that shows the error as it is. */
export function describeFailure(action: string, err: unknown): CallToolResult {
  const detail = err instanceof Error ? err.message : String(err);
  return { content: [{ type: 'text', text: `${action} failed: ${detail}` }], isError: true };
}
