import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { config } from '../config.js';
import { CHILD_ENV, CHILD_TIMEOUT_MS, MAX_OUTPUT_BYTES } from '../lib/child-env.js';
import { fail, toolError } from '../lib/errors.js';
import { RateLimiter, rateKey } from '../lib/rate-limit.js';

const execFileAsync = promisify(execFile);
const rateLimiter = new RateLimiter({ points: 30, durationMs: 60_000 });

/**
 * A revision (`main`, `v1.2.0`, `HEAD~3`, `a1b2c3d`, `main..topic`). It cannot start with `-`, so it
 * is never read as an option; `--end-of-options` in the git calls below says the same to git
 * (the usual `--` would make git read it as a path instead of a revision), and the `--` after it
 * ends the revisions.
 */
const revision = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9._/~^-]{0,199}$/, 'Not a revision name');

async function git(args: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-C', config.workspaceRoot, '--no-pager', ...args], {
    env: CHILD_ENV,
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: MAX_OUTPUT_BYTES,
  });
  return stdout;
}

export function registerGitTools(server: McpServer): void {
  server.registerTool(
    'git_log',
    {
      title: 'Git log',
      description: 'Show recent commits of the workspace repository.',
      inputSchema: {
        ref: revision.default('HEAD').describe('Branch, tag or commit to start from'),
        limit: z.number().int().min(1).max(100).default(20).describe('How many commits to show'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ ref, limit }, extra) => {
      await rateLimiter.consume(rateKey('git_log', extra));
      if (ref.startsWith('-')) return fail('That is not a revision name.');
      try {
        const log = await git(['log', `--max-count=${limit}`, '--oneline', '--no-color', '--end-of-options', ref, '--']);
        return { content: [{ type: 'text', text: log || '(no commits)' }] };
      } catch (err) {
        return toolError('git_log', err);
      }
    },
  );

  server.registerTool(
    'git_show',
    {
      title: 'Git show',
      description: 'Show the author, message and changed files of one commit.',
      inputSchema: { ref: revision.describe('Commit hash, branch or tag') },
      annotations: { readOnlyHint: true },
    },
    async ({ ref }, extra) => {
      await rateLimiter.consume(rateKey('git_show', extra));
      if (ref.startsWith('-')) return fail('That is not a revision name.');
      try {
        const text = await git(['show', '--stat', '--format=fuller', '--no-color', '--no-ext-diff', '--no-textconv', '--end-of-options', ref, '--']);
        return { content: [{ type: 'text', text }] };
      } catch (err) {
        return toolError('git_show', err);
      }
    },
  );
}
