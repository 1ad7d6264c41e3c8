// A git server: the repository directory is the `cwd` of the child process.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const run = promisify(execFile);
const REPOS = '/srv/repos';
const server = new McpServer({ name: 'git', version: '0.4.0' });

server.registerTool('git_status', { description: 'Show the status of a repository.', inputSchema: { repo_path: z.string() } }, async ({ repo_path }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // todoruleid: no-path-traversal
  const { stdout } = await run('git', ['status', '--short'], { cwd: repo_path, timeout: 10_000 });
  return { content: [{ type: 'text', text: stdout }] };
});

server.registerTool('git_status_safe', { description: 'Show the status of a repository.', inputSchema: { repo: z.string() } }, async ({ repo }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const dir = realpathSync(path.join(REPOS, repo));
  if (!dir.startsWith(REPOS + path.sep)) return { content: [{ type: 'text', text: 'Unknown repository.' }], isError: true };
  // ok: no-path-traversal
  const { stdout } = await run('git', ['status', '--short'], { cwd: dir, timeout: 10_000 });
  return { content: [{ type: 'text', text: stdout }] };
});
