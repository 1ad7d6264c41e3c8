/**
 * Low-level SDK servers: nothing validates `request.params.arguments` unless the handler does.
 * Each factory builds one variant of a small key-value server.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, type CallToolRequest } from '@modelcontextprotocol/sdk/types.js';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';

const store = new Map<string, string>();
const GetArgs = z.object({ key: z.string().regex(/^[a-z0-9_-]{1,64}$/) }).strict();

function text(value: string) {
  return { content: [{ type: 'text' as const, text: value }] };
}

/** Reads a field of the raw arguments. */
export function createUncheckedServer(): Server {
  const server = new Server({ name: 'kv', version: '1.0.0' }, { capabilities: { tools: {} } });
  // ruleid: require-input-schema
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args } = request.params;
    if (name !== 'get') throw new Error('Unknown tool');
    return text(store.get(String(args?.key)) ?? '');
  });
  return server;
}

/** Parses the arguments with a schema and uses only the result. */
export function createValidatedServer(): Server {
  const server = new Server({ name: 'kv', version: '1.0.0' }, { capabilities: { tools: {} } });
  // ok: require-input-schema
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    if (request.params.name !== 'get') throw new Error('Unknown tool');
    const parsed = GetArgs.safeParse(request.params.arguments);
    if (!parsed.success) return { ...text('Invalid arguments.'), isError: true };
    return text(store.get(parsed.data.key) ?? '');
  });
  return server;
}

/** Dispatches to a function that reads the raw arguments. */
async function handleCall({ params }: CallToolRequest) {
  const input = params.arguments ?? {};
  return text(store.get(String(input.key)) ?? '');
}

export function createDispatchingServer(): Server {
  const server = new Server({ name: 'kv', version: '1.0.0' }, { capabilities: { tools: {} } });
  // ruleid: require-input-schema
  server.setRequestHandler(CallToolRequestSchema, handleCall);
  return server;
}

/** Checks by hand: correct here, but not a schema, and easy to get wrong for the next field. */
export function createHandCheckedServer(): Server {
  const server = new Server({ name: 'kv', version: '1.0.0' }, { capabilities: { tools: {} } });
  // ruleid: require-input-schema
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const key = request.params.arguments?.key;
    if (typeof key !== 'string' || !/^[a-z0-9_-]{1,64}$/.test(key)) return { ...text('Invalid key.'), isError: true };
    return text(store.get(key) ?? '');
  });
  return server;
}

/** Validates through a helper of the file, named as a validator. */
function validateGetArgs(value: unknown): { key: string } {
  return GetArgs.parse(value);
}

export function createHelperValidatedServer(): Server {
  const server = new Server({ name: 'kv', version: '1.0.0' }, { capabilities: { tools: {} } });
  // ok: require-input-schema
  server.setRequestHandler(CallToolRequestSchema, async (request) => text(store.get(validateGetArgs(request.params.arguments).key) ?? ''));
  return server;
}

/** Only dispatches on the tool name: its tools take no arguments. */
export function createClockServer(): Server {
  const server = new Server({ name: 'clock', version: '1.0.0' }, { capabilities: { tools: {} } });
  // ok: require-input-schema
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    if (request.params.name !== 'now') throw new Error('Unknown tool');
    return text(new Date().toISOString());
  });
  return server;
}

/** The v2 method string, spreading the raw arguments into a record. */
export function createV2Server(): Server {
  const server = new Server({ name: 'kv', version: '2.0.0' }, { capabilities: { tools: {} } });
  // ruleid: require-input-schema
  server.setRequestHandler('tools/call', async (request) => {
    const entry = { ...request.params.arguments, updatedAt: Date.now() };
    return text(JSON.stringify(entry));
  });
  return server;
}

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
