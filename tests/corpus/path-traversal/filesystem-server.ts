// A file-system server in the style of the reference server, before its 2025 fixes: allowed
// directories checked with a bare `startsWith(dir)` (a sibling such as `/srv/projects-old` passes for
// `/srv/projects`) and never through `realpath`.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const allowedDirectories = ['/srv/projects', '/srv/shared'].map((dir) => path.normalize(path.resolve(dir)));
const server = new McpServer({ name: 'filesystem', version: '0.6.2' });

function expandHome(filepath: string): string {
  return filepath.startsWith('~/') || filepath === '~' ? path.join(os.homedir(), filepath.slice(1)) : filepath;
}

async function validatePath(requestedPath: string): Promise<string> {
  const expandedPath = expandHome(requestedPath);
  const absolute = path.isAbsolute(expandedPath) ? path.resolve(expandedPath) : path.resolve(process.cwd(), expandedPath);
  const normalizedRequested = path.normalize(absolute);
  // ruleid: no-path-traversal
  const isAllowed = allowedDirectories.some((dir) => normalizedRequested.startsWith(dir));
  if (!isAllowed) throw new Error(`Access denied - path outside allowed directories: ${absolute}`);
  return absolute;
}

server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const validPath = await validatePath(args.path);
  const content = await fs.readFile(validPath, 'utf-8');
  return { content: [{ type: 'text', text: content }] };
});

server.registerTool('write_file', { description: 'Write a file.', inputSchema: { path: z.string(), content: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const validPath = await validatePath(args.path);
  await fs.writeFile(validPath, args.content, 'utf-8');
  return { content: [{ type: 'text', text: `Wrote ${args.content.length} characters.` }] };
});

server.registerTool('move_file', { description: 'Move a file.', inputSchema: { source: z.string(), destination: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const from = await validatePath(args.source);
  const to = await validatePath(args.destination);
  await fs.rename(from, to);
  return { content: [{ type: 'text', text: 'Moved.' }] };
});

server.registerTool('list_directory', { description: 'List a directory.', inputSchema: { path: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // todoruleid: no-path-traversal
  const entries = await fs.readdir(expandHome(args.path), { withFileTypes: true });
  return { content: [{ type: 'text', text: entries.map((e) => (e.isDirectory() ? `[DIR] ${e.name}` : e.name)).join('\n') }] };
});
