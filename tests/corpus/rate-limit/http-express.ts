// Streamable HTTP with Express: express-rate-limit on the MCP route covers every tool of the file.
import { readFile } from 'node:fs/promises';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express from 'express';
import rateLimit from 'express-rate-limit';
import { z } from 'zod';

const DOCS = { readme: 'README.md', changelog: 'CHANGELOG.md', license: 'LICENSE' } as const;

function buildServer(): McpServer {
  const server = new McpServer({ name: 'docs', version: '2.1.0' });
  // ok: require-rate-limit
  server.registerTool(
    'read_doc',
    { description: 'Read a project document.', inputSchema: { doc: z.enum(['readme', 'changelog', 'license']) } },
    async ({ doc }) => ({ content: [{ type: 'text', text: await readFile(DOCS[doc], 'utf8') }] }),
  );
  // ok: require-rate-limit
  server.registerTool(
    'doc_names',
    { description: 'List the project documents.', inputSchema: {} },
    async () => ({ content: [{ type: 'text', text: Object.keys(DOCS).join('\n') }] }),
  );
  return server;
}

const mcpLimiter = rateLimit({ windowMs: 60_000, limit: 60, standardHeaders: 'draft-7', legacyHeaders: false });

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/mcp', mcpLimiter, async (req, res) => {
  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
