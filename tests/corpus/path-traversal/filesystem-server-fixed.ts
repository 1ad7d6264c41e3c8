// The same server after the fixes: symbolic links resolved with realpath, and every allowed
// directory compared with a trailing separator.
import fs from 'node:fs/promises';
import path from 'node:path';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const allowedDirectories = ['/srv/projects', '/srv/shared'].map((dir) => path.normalize(path.resolve(dir)));
const server = new McpServer({ name: 'filesystem', version: '0.6.3' });

function isPathWithinAllowedDirectories(absolutePath: string): boolean {
  const normalized = path.normalize(absolutePath);
  return allowedDirectories.some((dir) => normalized === dir || normalized.startsWith(dir + path.sep));
}

async function validatePath(requestedPath: string): Promise<string> {
  const absolute = path.resolve(requestedPath);
  const realPath = await fs.realpath(absolute);
  if (!isPathWithinAllowedDirectories(realPath)) throw new Error('Access denied - path outside allowed directories.');
  return realPath;
}

server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const validPath = await validatePath(args.path);
  // ok: no-path-traversal
  const content = await fs.readFile(validPath, 'utf-8');
  return { content: [{ type: 'text', text: content }] };
});

server.registerTool('list_directory', { description: 'List a directory.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-path-traversal
  const entries = await fs.readdir(await validatePath(args.path), { withFileTypes: true });
  return { content: [{ type: 'text', text: entries.map((e) => e.name).join('\n') }] };
});

server.registerTool('file_info', { description: 'Show file metadata.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const absolute = path.resolve(args.path);
  // The check runs on a path that was never realpath'ed: a link inside an allowed directory escapes (strict).
  if (!isPathWithinAllowedDirectories(absolute)) throw new Error('Access denied - path outside allowed directories.');
  // ruleid: no-path-traversal
  const info = await fs.stat(absolute);
  return { content: [{ type: 'text', text: `${info.size} bytes` }] };
});
