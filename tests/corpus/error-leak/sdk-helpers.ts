// Official SDK, tool(): error results built by helper functions, in this file and in lib/errors.ts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

import { describeFailure, toolError } from './lib/errors.js';
import { limiter } from './lib/limits.js';

const run = promisify(execFile);
const server = new McpServer({ name: 'ci', version: '0.4.0' });

/** Builds the error result of this file: the error text goes in as it is. */
function errorResult(err: unknown): CallToolResult {
  return { content: [{ type: 'text', text: `Error: ${err instanceof Error ? err.message : String(err)}` }], isError: true };
}

/** Runs a check and answers with its output, or with a message of its own when it fails. */
async function runCheck(check: 'lint' | 'test'): Promise<string> {
  try {
    const { stdout } = await run('npm', ['run', check], { timeout: 120_000 });
    return stdout;
  } catch (err) {
    return `The ${check} run failed: ${String(err)}`;
  }
}

server.tool('lint', 'Run the linter.', async (extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const { stdout } = await run('npm', ['run', 'lint'], { timeout: 120_000 });
    return { content: [{ type: 'text', text: stdout }] };
  } catch (err) {
    // todoruleid: no-error-leak
    return errorResult(err);
  }
});

server.tool('test', 'Run the test suite.', async (extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const { stdout } = await run('npm', ['test'], { timeout: 300_000 });
    return { content: [{ type: 'text', text: stdout }] };
  } catch (err) {
    // Maps known codes to fixed messages and logs the error (lib/errors.ts).
    // ok: no-error-leak
    return toolError('test', err);
  }
});

server.tool('build', 'Build the project.', async (extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const { stdout } = await run('npm', ['run', 'build'], { timeout: 300_000 });
    return { content: [{ type: 'text', text: stdout }] };
  } catch (err) {
    // Pastes the message into the result (lib/errors.ts).
    // todoruleid: no-error-leak
    return describeFailure('The build', err);
  }
});

server.tool('check', 'Run one check.', { check: z.enum(['lint', 'test']) }, async ({ check }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // The helper's own catch puts the error text into its answer.
  // todoruleid: no-error-leak
  return { content: [{ type: 'text', text: await runCheck(check) }] };
});

export { server };
