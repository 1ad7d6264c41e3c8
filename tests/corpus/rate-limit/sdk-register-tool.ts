// Official SDK, registerTool: guards at the top of the handler, in a branch, after the work, and
// checking limiters whose answer is or is not acted on.
import { readdir, readFile, stat } from 'node:fs/promises';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import Bottleneck from 'bottleneck';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';

const NOTES_DIR = '/srv/notes';
const NOTE_NAMES = ['todo', 'ideas', 'journal'] as const;
const NOTE_FILES = { todo: '/srv/notes/todo.md', ideas: '/srv/notes/ideas.md', journal: '/srv/notes/journal.md' } as const;

const limiter = new RateLimiterMemory({ points: 20, duration: 60 });
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(20, '1 m') });
const scheduler = new Bottleneck({ maxConcurrent: 2, minTime: 250 });

const server = new McpServer({ name: 'notes', version: '1.4.0' });

// ruleid: require-rate-limit
server.registerTool(
  'list_notes',
  { description: 'List the notes.', inputSchema: {} },
  async () => ({ content: [{ type: 'text', text: (await readdir(NOTES_DIR)).join('\n') }] }),
);

// ok: require-rate-limit
server.registerTool(
  'read_note',
  { description: 'Read a note.', inputSchema: { name: z.enum(NOTE_NAMES) } },
  async ({ name }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const text = await readFile(NOTE_FILES[name], 'utf8');
    return { content: [{ type: 'text', text }] };
  },
);

// A session-less client skips the guard.
// ruleid: require-rate-limit
server.registerTool(
  'note_size',
  { description: 'Show the size of a note.', inputSchema: { name: z.enum(NOTE_NAMES) } },
  async ({ name }, extra) => {
    if (extra.sessionId !== undefined) await limiter.consume(extra.sessionId);
    const info = await stat(NOTE_FILES[name]);
    return { content: [{ type: 'text', text: `${info.size} bytes` }] };
  },
);

// The file is read before the guard runs.
// ruleid: require-rate-limit
server.registerTool(
  'note_lines',
  { description: 'Count the lines of a note.', inputSchema: { name: z.enum(NOTE_NAMES) } },
  async ({ name }, extra) => {
    const text = await readFile(NOTE_FILES[name], 'utf8');
    await limiter.consume(extra.sessionId ?? 'local');
    return { content: [{ type: 'text', text: String(text.split('\n').length) }] };
  },
);

// ok: require-rate-limit
server.registerTool(
  'first_line',
  { description: 'Show the first line of a note.', inputSchema: { name: z.enum(NOTE_NAMES) } },
  async ({ name }, extra) => {
    const { success } = await ratelimit.limit(extra.sessionId ?? 'anonymous');
    if (!success) return { content: [{ type: 'text', text: 'Too many requests. Try again in a minute.' }], isError: true };
    const text = await readFile(NOTE_FILES[name], 'utf8');
    return { content: [{ type: 'text', text: text.split('\n')[0] ?? '' }] };
  },
);

// The answer of a checking limiter is ignored.
// ruleid: require-rate-limit
server.registerTool(
  'last_line',
  { description: 'Show the last line of a note.', inputSchema: { name: z.enum(NOTE_NAMES) } },
  async ({ name }, extra) => {
    await ratelimit.limit(extra.sessionId ?? 'anonymous');
    const lines = (await readFile(NOTE_FILES[name], 'utf8')).trimEnd().split('\n');
    return { content: [{ type: 'text', text: lines[lines.length - 1] ?? '' }] };
  },
);

// ok: require-rate-limit
server.registerTool(
  'word_count',
  { description: 'Count the words of a note.', inputSchema: { name: z.enum(NOTE_NAMES) } },
  async ({ name }) => {
    const text = await scheduler.schedule(() => readFile(NOTE_FILES[name], 'utf8'));
    return { content: [{ type: 'text', text: String(text.split(/\s+/).filter(Boolean).length) }] };
  },
);

// No expensive work, but the strict preset asks every tool for a guard.
// ruleid: require-rate-limit
server.registerTool(
  'note_names',
  { description: 'List the note names the server knows.', inputSchema: {} },
  async () => ({ content: [{ type: 'text', text: NOTE_NAMES.join(', ') }] }),
);

// ok: require-rate-limit
server.registerTool(
  'echo',
  { description: 'Echo a short text.', inputSchema: { text: z.string().max(200) } },
  async ({ text }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    return { content: [{ type: 'text', text }] };
  },
);

export { server };
