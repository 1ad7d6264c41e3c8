// Official SDK, registerTool: the ways a caught error reaches the result text, and the ways a
// handler answers with a message of its own.
import { readdir, readFile, stat } from 'node:fs/promises';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const DOC_FILES = { intro: '/srv/docs/intro.md', install: '/srv/docs/install.md', faq: '/srv/docs/faq.md' } as const;
const DOC = z.enum(['intro', 'install', 'faq']);

const server = new McpServer({ name: 'docs', version: '1.2.0' });

server.registerTool('read_doc', { description: 'Read a document.', inputSchema: { doc: DOC } }, async ({ doc }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    return { content: [{ type: 'text', text: await readFile(DOC_FILES[doc], 'utf8') }] };
  } catch (e) {
    // ruleid: no-error-leak
    return { content: [{ type: 'text', text: String(e) }], isError: true };
  }
});

server.registerTool('doc_size', { description: 'Show the size of a document.', inputSchema: { doc: DOC } }, async ({ doc }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const info = await stat(DOC_FILES[doc]);
    return { content: [{ type: 'text', text: `${info.size} bytes` }] };
  } catch (e) {
    return {
      // ruleid: no-error-leak
      content: [{ type: 'text', text: `Could not stat ${doc}: ${(e as Error).message}` }],
      isError: true,
    };
  }
});

server.registerTool('list_docs', { description: 'List the documents.', inputSchema: {} }, async (extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    return { content: [{ type: 'text', text: (await readdir('/srv/docs')).join('\n') }] };
  } catch (e) {
    console.error('list_docs failed', e);
    // ok: no-error-leak
    return { content: [{ type: 'text', text: 'The documents could not be listed.' }], isError: true };
  }
});

server.registerTool('doc_lines', { description: 'Count the lines of a document.', inputSchema: { doc: DOC } }, async ({ doc }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const text = await readFile(DOC_FILES[doc], 'utf8');
    return { content: [{ type: 'text', text: String(text.split('\n').length) }] };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ok: no-error-leak
    if (code === 'ENOENT') return { content: [{ type: 'text', text: `No document called ${doc}.` }], isError: true };
    // ok: no-error-leak
    return { content: [{ type: 'text', text: `Reading failed (${code ?? 'unknown error'}).` }], isError: true };
  }
});

server.registerTool('doc_outline', { description: 'Show the headings of a document.', inputSchema: { doc: DOC } }, async ({ doc }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const text = await readFile(DOC_FILES[doc], 'utf8');
    const headings = text.split('\n').filter((line) => line.startsWith('#'));
    return { content: [{ type: 'text', text: headings.join('\n') }], structuredContent: { headings } };
  } catch (e) {
    return {
      content: [{ type: 'text', text: 'The outline is unavailable.' }],
      // ruleid: no-error-leak
      structuredContent: { headings: [], error: e instanceof Error ? e.stack : 'unknown' },
      isError: true,
    };
  }
});

server.registerTool('doc_meta', { description: 'Show the metadata of a document.', inputSchema: { doc: DOC } }, async ({ doc }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const info = await stat(DOC_FILES[doc]);
    return { content: [{ type: 'text', text: JSON.stringify({ size: info.size, modified: info.mtime }) }] };
  } catch (error) {
    // ruleid: no-error-leak
    return { content: [{ type: 'text', text: JSON.stringify(error) }], isError: true };
  }
});

server.registerTool('doc_words', { description: 'Count the words of a document.', inputSchema: { doc: DOC } }, async ({ doc }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const text = await readFile(DOC_FILES[doc], 'utf8');
    return { content: [{ type: 'text', text: String(text.split(/\s+/).filter(Boolean).length) }] };
  } catch (error) {
    // The SDK turns a thrown error's message into the result text.
    // ruleid: no-error-leak
    throw error;
  }
});

server.registerTool('doc_head', { description: 'Show the start of a document.', inputSchema: { doc: DOC } }, async ({ doc }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    return { content: [{ type: 'text', text: (await readFile(DOC_FILES[doc], 'utf8')).slice(0, 500) }] };
  } catch (error) {
    // ruleid: no-error-leak
    throw new McpError(ErrorCode.InternalError, `Reading ${doc} failed: ${(error as Error).message}`);
  }
});

server.registerTool('doc_tail', { description: 'Show the end of a document.', inputSchema: { doc: DOC } }, async ({ doc }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    return { content: [{ type: 'text', text: (await readFile(DOC_FILES[doc], 'utf8')).slice(-500) }] };
  } catch (error) {
    // The cause stays on the server; the message is fixed.
    // ok: no-error-leak
    throw new Error('The document could not be read.', { cause: error });
  }
});

export { server };
