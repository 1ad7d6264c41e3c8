// FastMCP: an uploads server.
import fs from 'node:fs';
import path from 'node:path';

import { FastMCP } from 'fastmcp';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const UPLOADS = '/var/uploads';
const server = new FastMCP({ name: 'uploads', version: '1.5.0' });

server.addTool({
  name: 'read_upload',
  description: 'Read an uploaded file.',
  parameters: z.object({ file: z.string() }),
  execute: async ({ file }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-path-traversal
    return fs.readFileSync(`${UPLOADS}/${file}`, 'utf8');
  },
});

server.addTool({
  name: 'read_upload_safe',
  description: 'Read an uploaded file.',
  parameters: z.object({ file: z.string() }),
  execute: async ({ file }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    const real = fs.realpathSync(path.resolve(UPLOADS, file));
    const relative = path.relative(UPLOADS, real);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error('Not an upload.');
    // ok: no-path-traversal
    return fs.readFileSync(real, 'utf8');
  },
});

server.addTool({
  name: 'stream_upload',
  description: 'Stream an uploaded file.',
  parameters: z.object({ file: z.string() }),
  execute: async ({ file }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-path-traversal
    const stream = fs.createReadStream(path.resolve(UPLOADS, file));
    stream.destroy();
    return 'Streamed.';
  },
});

server.start({ transportType: 'stdio' });
