import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { db, type IssueRow } from '../lib/db.js';
import { toolError } from '../lib/errors.js';
import { RateLimiter, rateKey } from '../lib/rate-limit.js';

const rateLimiter = new RateLimiter({ points: 30, durationMs: 60_000 });

// Constant SQL text; every client value is a bound parameter (`?`). The sort order cannot be a
// parameter, so there is one statement per allowed order.
const BY_UPDATED = `SELECT id, title, status FROM issues
  WHERE (? = 'all' OR status = ?) AND title LIKE ? ESCAPE '\\'
  ORDER BY updated_at DESC LIMIT ?`;
const BY_TITLE = `SELECT id, title, status FROM issues
  WHERE (? = 'all' OR status = ?) AND title LIKE ? ESCAPE '\\'
  ORDER BY title COLLATE NOCASE ASC LIMIT ?`;

/** A LIKE pattern that matches `text` literally anywhere (`%` and `_` in it are not wildcards). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function registerIssueTools(server: McpServer): void {
  server.registerTool(
    'search_issues',
    {
      title: 'Search issues',
      description: 'Search the issue tracker by words in the title and by status.',
      inputSchema: {
        query: z.string().max(200).describe('Words to look for in issue titles'),
        status: z.enum(['open', 'closed', 'all']).default('open').describe('Only issues with this status'),
        sort: z.enum(['updated', 'title']).default('updated').describe('Sort order'),
        limit: z.number().int().min(1).max(100).default(50).describe('Maximum number of issues'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ query, status, sort, limit }, extra) => {
      await rateLimiter.consume(rateKey('search_issues', extra));
      try {
        const statement = db.prepare(sort === 'title' ? BY_TITLE : BY_UPDATED);
        const rows = statement.all(status, status, containsPattern(query), limit) as IssueRow[];
        const text = rows.map((row) => `#${row.id} [${row.status}] ${row.title}`).join('\n');
        return { content: [{ type: 'text', text: text || 'No matching issues.' }] };
      } catch (err) {
        return toolError('search_issues', err);
      }
    },
  );
}
