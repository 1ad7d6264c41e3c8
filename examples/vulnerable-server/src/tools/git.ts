import { exec } from 'node:child_process';
import { promisify } from 'node:util';

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { config } from '../config.js';
import { gitLog } from '../lib/git.js';

const execAsync = promisify(exec);

export function registerGitTools(server: McpServer): void {
  // ruleid: require-rate-limit
  server.registerTool(
    'git_log',
    {
      title: 'Git log',
      description: 'Show recent commits of the workspace repository.',
      inputSchema: {
        ref: z.string().default('HEAD').describe('Branch, tag or commit to start from'),
        limit: z.number().int().min(1).max(100).default(20).describe('How many commits to show'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ ref, limit }) => {
      // ruleid: no-command-injection
      const log = await gitLog(config.workspaceRoot, ref, limit);
      return { content: [{ type: 'text', text: log }] };
    },
  );

  // ruleid: require-rate-limit
  server.registerTool(
    'git_show',
    {
      title: 'Git show',
      description: 'Show the author, message and changed files of one commit.',
      inputSchema: { ref: z.string().describe('Commit hash, branch or tag') },
      annotations: { readOnlyHint: true },
    },
    async ({ ref }) => {
      // ruleid: no-command-injection
      const { stdout } = await execAsync(`git show --stat --format=fuller ${ref}`, { cwd: config.workspaceRoot });
      return { content: [{ type: 'text', text: stdout }] };
    },
  );
}
