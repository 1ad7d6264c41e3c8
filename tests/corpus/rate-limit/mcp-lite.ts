// mcp-lite on Hono: a limiter middleware installed with server.use() covers every tool of the server.
import { readFile } from 'node:fs/promises';

import { Hono } from 'hono';
import { McpServer, StreamableHttpTransport } from 'mcp-lite';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';

const sessions = new RateLimiterMemory({ points: 60, duration: 60 });

const mcp = new McpServer({ name: 'glossary', version: '1.0.0', schemaAdapter: (schema) => z.toJSONSchema(schema as z.ZodType) });

mcp.use(async (ctx, next) => {
  await sessions.consume(ctx.session?.id ?? 'anonymous');
  await next();
});

// ok: require-rate-limit
mcp.tool('define', {
  description: 'Look up a term in the glossary.',
  inputSchema: z.object({ term: z.enum(['latency', 'throughput', 'backpressure']) }),
  handler: async ({ term }) => {
    const glossary = JSON.parse(await readFile('glossary.json', 'utf8')) as Record<string, string>;
    return { content: [{ type: 'text', text: glossary[term] ?? 'Not in the glossary.' }] };
  },
});

const transport = new StreamableHttpTransport();
const httpHandler = transport.bind(mcp);
const app = new Hono();
app.all('/mcp', (c) => httpHandler(c.req.raw));

export default app;
