// Handlers that pass input to path helpers of another module (lib/paths.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';
import { assertInside, isAllowed, NOTES_ROOT, readNote, resolveInside } from './lib/paths.js';

const server = new McpServer({ name: 'notes-api', version: '1.0.0' });

server.registerTool('note', { description: 'Read a note.', inputSchema: { name: z.string() } }, async ({ name }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // todoruleid: no-path-traversal
  const text = await readNote(name);
  return { content: [{ type: 'text', text }] };
});

server.registerTool('note_checked', { description: 'Read a note.', inputSchema: { name: z.string() } }, async ({ name }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-path-traversal
  const text = await readFile(await resolveInside(name), 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.registerTool('note_prefix', { description: 'Read a note.', inputSchema: { name: z.string() } }, async ({ name }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // The helper's startsWith has no separator: reported at the call, where the check is applied.
  // todoruleid: no-path-traversal
  if (!isAllowed(name)) return { content: [{ type: 'text', text: 'Access denied.' }], isError: true };
  // todook: no-path-traversal
  const text = await readFile(path.resolve(NOTES_ROOT, name), 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.registerTool('note_asserted', { description: 'Read a note.', inputSchema: { name: z.string() } }, async ({ name }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  await assertInside(name);
  // todook: no-path-traversal
  const text = await readFile(path.resolve(NOTES_ROOT, name), 'utf8');
  return { content: [{ type: 'text', text }] };
});
