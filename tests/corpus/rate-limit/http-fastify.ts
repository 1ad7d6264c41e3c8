// Fastify with @fastify/rate-limit registered on the instance: every tool of the file is covered.
import { readFile } from 'node:fs/promises';

import rateLimit from '@fastify/rate-limit';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import Fastify from 'fastify';

const server = new McpServer({ name: 'status', version: '1.0.0' });

// ok: require-rate-limit
server.registerTool('uptime', { description: 'Show the service uptime.', inputSchema: {} }, async () => ({
  content: [{ type: 'text', text: await readFile('/proc/uptime', 'utf8') }],
}));

const fastify = Fastify({ logger: true });
await fastify.register(rateLimit, { max: 100, timeWindow: '1 minute' });
fastify.post('/mcp', async (request, reply) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
});
await fastify.listen({ port: 3001, host: '127.0.0.1' });
