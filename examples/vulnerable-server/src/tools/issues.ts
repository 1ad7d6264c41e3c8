import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { db, type IssueRow } from '../lib/db.js';

export function registerIssueTools(server: McpServer): void {
  // ruleid: require-rate-limit
  server.registerTool(
    'search_issues',
    {
      title: 'Search issues',
      description: 'Search the issue tracker by words in the title and by status.',
      inputSchema: {
        query: z.string().describe('Words to look for in issue titles'),
        status: z.enum(['open', 'closed', 'all']).default('open').describe('Only issues with this status'),
        sort: z.string().default('updated_at').describe('Column to sort by'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ query, status, sort }) => {
      const where = status === 'all' ? '1 = 1' : `status = '${status}'`;
      // ruleid: no-sql-injection
      const rows = db.prepare(`SELECT id, title, status FROM issues WHERE ${where} AND title LIKE '%${query}%' ORDER BY ${sort} DESC LIMIT 50`).all() as IssueRow[];
      const text = rows.map((row) => `#${row.id} [${row.status}] ${row.title}`).join('\n');
      return { content: [{ type: 'text', text: text || 'No matching issues.' }] };
    },
  );
}
