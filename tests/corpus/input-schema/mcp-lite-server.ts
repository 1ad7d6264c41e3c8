/** mcp-lite: a Standard Schema is validated; a plain JSON Schema literal is only advertised. */
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { McpServer } from 'mcp-lite';
import { z } from 'zod';

const server = new McpServer({ name: 'echo', version: '1.0.0', schemaAdapter: (schema) => z.toJSONSchema(schema as z.ZodType) });

// ok: require-input-schema
server.tool('echo', {
  description: 'Echo text back',
  inputSchema: z.object({ message: z.string().max(1000) }),
  handler: (args) => ({ content: [{ type: 'text', text: args.message }] }),
});

// ruleid: require-input-schema
server.tool('shout', {
  description: 'Echo text back in capitals',
  inputSchema: { type: 'object', properties: { message: { type: 'string', maxLength: 1000 } }, required: ['message'] },
  handler: (args) => ({ content: [{ type: 'text', text: String(args.message).toUpperCase() }] }),
});

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
