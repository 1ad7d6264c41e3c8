// Handlers that pass input to functions of another module (lib/convert.ts): the finding is at the
// call here, and names the sink's file and line there.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { Archiver, countWords, toHtml, toMarkdown } from './lib/convert.js';
import { limiter } from './lib/limits.js';

const server = new McpServer({ name: 'documents', version: '1.0.0' });
const COUNTERS = new Set(['wc', 'cloc']);

server.registerTool('to_markdown', { description: 'Convert a document to Markdown.', inputSchema: { file: z.string() } }, async ({ file }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // todoruleid: no-command-injection
  const text = await toMarkdown(file);
  return { content: [{ type: 'text', text }] };
});

server.registerTool('to_html', { description: 'Convert a document to HTML.', inputSchema: { file: z.string() } }, async ({ file }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-command-injection
  const text = await toHtml(file);
  return { content: [{ type: 'text', text }] };
});

server.registerTool('count_words', { description: 'Count the words of a document.', inputSchema: { counter: z.string(), file: z.string() } }, async ({ counter, file }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // todoruleid: no-command-injection
  const text = await countWords(counter, file);
  return { content: [{ type: 'text', text }] };
});

server.registerTool('count_words_checked', { description: 'Count the words of a document.', inputSchema: { counter: z.string(), file: z.string() } }, async ({ counter, file }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  if (!COUNTERS.has(counter)) return { content: [{ type: 'text', text: 'Unknown counter.' }], isError: true };
  // The program is checked now, but `file` is still an argument that can start with `-` (strict).
  // todoruleid: no-command-injection
  const text = await countWords(counter, file);
  return { content: [{ type: 'text', text }] };
});

server.registerTool('pack', { description: 'Pack a directory.', inputSchema: { dir: z.string() } }, async ({ dir }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // todoruleid: no-command-injection
  await new Archiver('zip').pack(dir);
  return { content: [{ type: 'text', text: 'Packed.' }] };
});
