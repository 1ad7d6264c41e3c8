// Promise chains and Promise.allSettled: rejection reasons are caught errors too.
import { readFile } from 'node:fs/promises';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const REPORTS = { q1: '/srv/reports/q1.md', q2: '/srv/reports/q2.md' } as const;
const server = new McpServer({ name: 'reports', version: '1.0.0' });

server.registerTool('read_report', { description: 'Read a quarterly report.', inputSchema: { quarter: z.enum(['q1', 'q2']) } }, async ({ quarter }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  return readFile(REPORTS[quarter], 'utf8')
    .then((text) => ({ content: [{ type: 'text' as const, text }] }))
    // ruleid: no-error-leak
    .catch((reason: Error) => ({ content: [{ type: 'text' as const, text: reason.message }], isError: true }));
});

server.registerTool('report_sizes', { description: 'Show the size of both reports.', inputSchema: {} }, async (extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const [q1, q2] = [REPORTS.q1, REPORTS.q2];
  const results = await Promise.allSettled([readFile(q1, 'utf8'), readFile(q2, 'utf8')]);
  const first = results[0];
  if (first.status === 'rejected') {
    // todoruleid: no-error-leak
    return { content: [{ type: 'text', text: `Q1 is unavailable: ${first.reason}` }], isError: true };
  }
  const second = results[1];
  if (second.status === 'rejected') {
    console.error('Q2 report unreadable', second.reason);
    // ok: no-error-leak
    return { content: [{ type: 'text', text: 'Q2 is unavailable.' }], isError: true };
  }
  return { content: [{ type: 'text', text: `Q1: ${first.value.length} characters, Q2: ${second.value.length} characters` }] };
});

export { server };
