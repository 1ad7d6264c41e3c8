import { exec } from 'node:child_process';

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

import { config } from '../config.js';

export function registerShellTools(server: McpServer): void {
  // ruleid: require-rate-limit
  server.registerTool(
    'run_command',
    {
      title: 'Run command',
      description: 'Run a shell command in the workspace, such as the test suite or a build, and return its output.',
      inputSchema: { command: z.string().describe('The command line to run, for example "npm test"') },
    },
    (args) =>
      new Promise<CallToolResult>((resolve) => {
        // ruleid: no-command-injection
        exec(args.command, { cwd: config.workspaceRoot, timeout: 120_000 }, (error, stdout, stderr) => {
          const output = [stdout, stderr].filter((part) => part !== '').join('\n');
          resolve({ content: [{ type: 'text', text: output || '(no output)' }], isError: error !== null });
        });
      }),
  );
}
