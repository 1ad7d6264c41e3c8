import { readdir, readFile, stat } from 'node:fs/promises';

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { config } from '../config.js';
import { fail, toolError } from '../lib/errors.js';
import { RateLimiter, rateKey } from '../lib/rate-limit.js';
import { resolveInWorkspace } from '../lib/workspace.js';

const MAX_FILE_BYTES = 1024 * 1024;
const rateLimiter = new RateLimiter({ points: 60, durationMs: 60_000 });

export function registerFileTools(server: McpServer): void {
  server.registerTool(
    'read_file',
    {
      title: 'Read file',
      description: 'Read a UTF-8 text file from the workspace.',
      inputSchema: { path: z.string().min(1).max(4096).describe('File path, relative to the workspace root') },
      annotations: { readOnlyHint: true },
    },
    async (args, extra) => {
      await rateLimiter.consume(rateKey('read_file', extra));
      try {
        const file = await resolveInWorkspace(config.workspaceRoot, args.path);
        const info = await stat(file);
        if (!info.isFile()) return fail('That path is not a regular file.');
        if (info.size > MAX_FILE_BYTES) return fail('That file is larger than 1 MiB.');
        const text = await readFile(file, 'utf8');
        return { content: [{ type: 'text', text }] };
      } catch (err) {
        return toolError('read_file', err);
      }
    },
  );

  server.registerTool(
    'list_directory',
    {
      title: 'List directory',
      description: 'List the files and folders in a workspace directory.',
      inputSchema: { path: z.string().min(1).max(4096).default('.').describe('Directory, relative to the workspace root') },
      annotations: { readOnlyHint: true },
    },
    async (args, extra) => {
      await rateLimiter.consume(rateKey('list_directory', extra));
      try {
        const dir = await resolveInWorkspace(config.workspaceRoot, args.path);
        const entries = await readdir(dir, { withFileTypes: true });
        const listing = entries.map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name)).join('\n');
        return { content: [{ type: 'text', text: listing || '(empty directory)' }] };
      } catch (err) {
        return toolError('list_directory', err);
      }
    },
  );
}
