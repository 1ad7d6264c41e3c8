import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { config } from '../config.js';

export function registerFileTools(server: McpServer): void {
  // ruleid: require-rate-limit
  server.registerTool(
    'read_file',
    {
      title: 'Read file',
      description: 'Read a text file from the workspace and return its contents.',
      inputSchema: { path: z.string().describe('File path, relative to the workspace root') },
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      try {
        // ruleid: no-path-traversal
        const text = await readFile(path.join(config.workspaceRoot, args.path), 'utf8');
        return { content: [{ type: 'text', text }] };
      } catch (e) {
        // ruleid: no-error-leak
        return { content: [{ type: 'text', text: String(e) }], isError: true };
      }
    },
  );

  // ruleid: require-rate-limit
  server.registerTool(
    'list_directory',
    {
      title: 'List directory',
      description: 'List the files and folders in a workspace directory.',
      inputSchema: { path: z.string().default('.').describe('Directory, relative to the workspace root') },
      annotations: { readOnlyHint: true },
    },
    async ({ path: dir }) => {
      const target = path.resolve(config.workspaceRoot, dir);
      // Keep the model inside the workspace.
      // ruleid: no-path-traversal
      if (!target.startsWith(config.workspaceRoot)) {
        return { content: [{ type: 'text', text: 'Access denied: path is outside the workspace.' }], isError: true };
      }
      const entries = await readdir(target, { withFileTypes: true });
      const listing = entries.map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name)).join('\n');
      return { content: [{ type: 'text', text: listing }] };
    },
  );
}
