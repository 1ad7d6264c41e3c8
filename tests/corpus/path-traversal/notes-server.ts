// Official SDK, registerTool: a notes server. The seed's vulnerable and secure patterns, the checks
// that only look like containment, and the partial checks that need the right join.
import fs from 'node:fs/promises';
import path from 'node:path';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const BASE = '/srv/notes';
const TEMPLATES = ['daily.md', 'weekly.md', 'meeting.md'];
const server = new McpServer({ name: 'notes', version: '1.8.0' });

// A function merely named "sanitize": normalising and trimming a leading slash keeps `../`.
function sanitizePath(requested: string): string {
  return path.normalize(requested).replace(/^\/+/, '');
}

server.registerTool('read_note', { description: 'Read a note.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-path-traversal
  const text = await fs.readFile(path.join(BASE, args.path), 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.registerTool('read_note_safe', { description: 'Read a note.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const real = await fs.realpath(path.resolve(BASE, args.path));
  if (!real.startsWith(BASE + path.sep)) return { content: [{ type: 'text', text: 'That note is outside the notes directory.' }], isError: true };
  // ok: no-path-traversal
  const text = await fs.readFile(real, 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.registerTool('append_note', { description: 'Append to a note.', inputSchema: { path: z.string(), text: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const target = path.resolve(BASE, args.path);
  if (!target.startsWith(`${BASE}${path.sep}`)) return { content: [{ type: 'text', text: 'Outside the notes directory.' }], isError: true };
  // Contained, but never realpath'ed: a symbolic link inside BASE leads anywhere (strict).
  // ruleid: no-path-traversal
  await fs.appendFile(target, args.text);
  return { content: [{ type: 'text', text: 'Appended.' }] };
});

server.registerTool('delete_note', { description: 'Delete a note.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const target = path.resolve(BASE, args.path);
  // ruleid: no-path-traversal
  if (!target.startsWith(BASE)) return { content: [{ type: 'text', text: 'Outside the notes directory.' }], isError: true };
  // ok: no-path-traversal
  await fs.unlink(target);
  return { content: [{ type: 'text', text: 'Deleted.' }] };
});

server.registerTool('rename_note', { description: 'Rename a note.', inputSchema: { from: z.string(), to: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // `....//` becomes `../` once the inner `../` is removed.
  const from = args.from.replace(/\.\.\//g, '');
  const to = args.to.replace('..', '');
  // ruleid: no-path-traversal
  await fs.rename(path.join(BASE, from), path.join(BASE, to));
  return { content: [{ type: 'text', text: 'Renamed.' }] };
});

server.registerTool('note_size', { description: 'Show the size of a note.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-path-traversal
  const info = await fs.stat(path.join(BASE, sanitizePath(args.path)));
  return { content: [{ type: 'text', text: `${info.size} bytes` }] };
});

server.registerTool('copy_note', { description: 'Copy a note.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // A check on the raw input: `/srv/notes/../../etc/passwd` starts with the root.
  if (!args.path.startsWith(BASE + '/')) return { content: [{ type: 'text', text: 'Outside the notes directory.' }], isError: true };
  // ruleid: no-path-traversal
  await fs.copyFile(args.path, path.join(BASE, 'copy.md'));
  return { content: [{ type: 'text', text: 'Copied.' }] };
});

server.registerTool('open_note', { description: 'Open a note.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  if (args.path.includes('..')) return { content: [{ type: 'text', text: 'No parent directories.' }], isError: true };
  // Without `..`, join keeps the path under BASE even when it is absolute; resolve would not.
  // ruleid: no-path-traversal
  const joined = await fs.readFile(path.join(BASE, args.path), 'utf8');
  // ruleid: no-path-traversal
  const resolved = await fs.readFile(path.resolve(BASE, args.path), 'utf8');
  return { content: [{ type: 'text', text: joined + resolved }] };
});

server.registerTool('from_template', { description: 'Create a note from a template.', inputSchema: { template: z.string(), name: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  if (!TEMPLATES.includes(args.template)) return { content: [{ type: 'text', text: 'Unknown template.' }], isError: true };
  // ok: no-path-traversal
  const body = await fs.readFile(path.join(BASE, 'templates', args.template), 'utf8');
  const name = args.name.replace(/[^\w-]/g, '_');
  // One safe segment under the root, but never realpath'ed (strict).
  // ruleid: no-path-traversal
  await fs.writeFile(path.join(BASE, `${name}.md`), body);
  return { content: [{ type: 'text', text: 'Created.' }] };
});

server.registerTool('daily', { description: 'Read a daily note.', inputSchema: { day: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']) } }, async ({ day }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-path-traversal
  const text = await fs.readFile(path.join(BASE, 'daily', `${day}.md`), 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.registerTool('archive', { description: 'Archive a folder of notes.', inputSchema: { folder: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // basename('..') is '..': a directory operation on the root's parent.
  // ruleid: no-path-traversal
  await fs.rm(path.join(BASE, path.basename(args.folder)), { recursive: true, force: true });
  return { content: [{ type: 'text', text: 'Archived.' }] };
});

server.registerTool('page', { description: 'Read a page of the journal.', inputSchema: { page: z.number().int().min(1) } }, async ({ page }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-path-traversal
  const text = await fs.readFile(`${BASE}/journal/page-${page}.md`, 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.registerTool('write_in_folder', { description: 'Write a note into a folder.', inputSchema: { folder: z.string(), text: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const dir = await fs.realpath(path.resolve(BASE, args.folder));
  const relative = path.relative(BASE, dir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { content: [{ type: 'text', text: 'Outside the notes directory.' }], isError: true };
  // todook: no-path-traversal
  await fs.writeFile(path.join(dir, 'index.md'), args.text);
  return { content: [{ type: 'text', text: 'Written.' }] };
});
