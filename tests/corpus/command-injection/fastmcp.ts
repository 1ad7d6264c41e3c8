// FastMCP: addTool({ execute }). A media server that shells out to ffmpeg and ImageMagick.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

import { FastMCP } from 'fastmcp';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const run = promisify(execFile);
const server = new FastMCP({ name: 'media', version: '3.2.0' });
const FORMATS = ['mp3', 'ogg', 'flac'] as const;

server.addTool({
  name: 'transcode',
  description: 'Transcode an audio file.',
  parameters: z.object({ input: z.string(), format: z.enum(FORMATS) }),
  execute: async ({ input, format }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ruleid: no-command-injection
    spawn(`ffmpeg -i ${input} out.${format}`, { shell: true, stdio: 'ignore' });
    return 'Transcoding.';
  },
});

server.addTool({
  name: 'transcode_safe',
  description: 'Transcode an audio file.',
  parameters: z.object({ input: z.string(), format: z.enum(FORMATS) }),
  execute: async ({ input, format }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // ok: no-command-injection
    await run('ffmpeg', ['-i', `./uploads/${input}`, `out.${format}`], { timeout: 120_000 });
    return 'Transcoded.';
  },
});

server.addTool({
  name: 'resize',
  description: 'Resize an image.',
  parameters: z.object({ file: z.string(), size: z.string() }),
  execute: async ({ file, size }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    // `size` follows `-resize`, but nothing stops it from starting with `-`.
    // todoruleid: no-command-injection
    await run('magick', [`./uploads/${file}`, '-resize', size, 'out.png'], { timeout: 60_000 });
    return 'Resized.';
  },
});

server.addTool({
  name: 'resize_checked',
  description: 'Resize an image.',
  parameters: z.object({ file: z.string(), size: z.string() }),
  execute: async ({ file, size }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    if (!/^\d{1,4}x\d{1,4}$/.test(size)) throw new Error('Size must look like 640x480.');
    // ok: no-command-injection
    await run('magick', [`./uploads/${file}`, '-resize', size, 'out.png'], { timeout: 60_000 });
    return 'Resized.';
  },
});

server.start({ transportType: 'stdio' });
