import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { config } from '../config.js';
import { CHILD_ENV, CHILD_TIMEOUT_MS, MAX_OUTPUT_BYTES } from '../lib/child-env.js';
import { fail, toolError } from '../lib/errors.js';
import { RateLimiter, rateKey } from '../lib/rate-limit.js';
import { resolveInWorkspace } from '../lib/workspace.js';

const execFileAsync = promisify(execFile);
const rateLimiter = new RateLimiter({ points: 10, durationMs: 60_000 });

/**
 * The programs run_command may start (an allowlist, never a denylist), each with the flags it
 * always gets. Every client-supplied argument is a workspace path, placed after `--`.
 */
const ALLOWED_COMMANDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ls', ['-l']],
  ['wc', ['-l']],
  ['du', ['-s', '-h']],
]);

export function registerShellTools(server: McpServer): void {
  server.registerTool(
    'run_command',
    {
      title: 'Run command',
      description: 'Run ls, wc or du on files in the workspace.',
      inputSchema: {
        command: z.enum(['ls', 'wc', 'du']).describe('Program to run'),
        paths: z.array(z.string().min(1).max(4096)).min(1).max(20).describe('Paths, relative to the workspace root'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ command, paths }, extra) => {
      await rateLimiter.consume(rateKey('run_command', extra));
      if (!ALLOWED_COMMANDS.has(command)) return fail('That command is not allowed.');
      const flags = ALLOWED_COMMANDS.get(command) ?? [];
      try {
        const files = await Promise.all(paths.map((requested) => resolveInWorkspace(config.workspaceRoot, requested)));
        const { stdout } = await execFileAsync(command, [...flags, '--', ...files], {
          cwd: config.workspaceRoot,
          env: CHILD_ENV,
          timeout: CHILD_TIMEOUT_MS,
          maxBuffer: MAX_OUTPUT_BYTES,
        });
        return { content: [{ type: 'text', text: stdout || '(no output)' }] };
      } catch (err) {
        return toolError('run_command', err);
      }
    },
  );
}
