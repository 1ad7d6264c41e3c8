// Resource templates: the variables and the URI itself are chosen by the client.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';

import { limiter } from './lib/limits.js';

const DOCS = '/srv/docs';
const server = new McpServer({ name: 'docs', version: '2.0.0' });

server.registerResource('doc', new ResourceTemplate('docs://{name}', { list: undefined }), { description: 'A document.' }, async (uri, { name }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-path-traversal
  const text = await readFile(path.join(DOCS, String(name)), 'utf8');
  return { contents: [{ uri: uri.href, text }] };
});

server.registerResource('file', new ResourceTemplate('file:///{+path}', { list: undefined }), { description: 'A file by URI.' }, async (uri, _variables, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-path-traversal
  const text = await readFile(decodeURIComponent(uri.pathname), 'utf8');
  return { contents: [{ uri: uri.href, text }] };
});

server.registerResource('doc-safe', new ResourceTemplate('safe-docs://{name}', { list: undefined }), { description: 'A document.' }, async (uri, { name }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const real = await realpath(path.join(DOCS, String(name)));
  if (!real.startsWith(DOCS + path.sep)) throw new Error('Not a document.');
  // ok: no-path-traversal
  const text = await readFile(real, 'utf8');
  return { contents: [{ uri: uri.href, text }] };
});
