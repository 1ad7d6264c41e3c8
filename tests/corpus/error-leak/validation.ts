// Validation errors: a ZodError narrowed by instanceof holds the paths and schema messages of the arguments.
import { readFile } from 'node:fs/promises';

import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const NOTES = { todo: '/srv/notes/todo.md', ideas: '/srv/notes/ideas.md' } as const;
const ReadArgs = z.object({ name: z.enum(['todo', 'ideas']), lines: z.number().int().positive().max(500).optional() });
const server = new Server({ name: 'notes', version: '1.0.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const args = ReadArgs.parse(request.params.arguments);
    const text = await readFile(NOTES[args.name], 'utf8');
    return { content: [{ type: 'text', text: text.split('\n').slice(0, args.lines ?? 100).join('\n') }] };
  } catch (error) {
    if (error instanceof z.ZodError) {
      // ok: no-error-leak
      throw new Error(`Invalid arguments: ${error.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join(', ')}`);
    }
    if (error instanceof z.ZodError || error instanceof SyntaxError) {
      // Narrowed to either class: a SyntaxError's message quotes the text that failed to parse.
      // ruleid: no-error-leak
      return { content: [{ type: 'text', text: `Invalid: ${error.message}` }], isError: true };
    }
    // The file system's error: its message names the path.
    // ruleid: no-error-leak
    throw error;
  }
});

export { server };
