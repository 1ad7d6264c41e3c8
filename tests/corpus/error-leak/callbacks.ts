// Node callback APIs: the callback's first parameter is an error whose message carries paths and
// command output.
import { execFile } from 'node:child_process';
import fs from 'node:fs';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

import { limiter } from './lib/limits.js';

const server = new McpServer({ name: 'repo', version: '1.0.0' });

server.registerTool('git_status', { description: 'Show the working tree status.', inputSchema: {} }, async (_args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  return new Promise((resolve) => {
    execFile('git', ['status', '--short'], { cwd: '/srv/repo' }, (error, stdout) => {
      // todoruleid: no-error-leak
      if (error) resolve({ content: [{ type: 'text', text: `git status failed: ${error.message}` }], isError: true });
      else resolve({ content: [{ type: 'text', text: stdout }] });
    });
  });
});

server.registerTool('read_changelog', { description: 'Read the changelog.', inputSchema: {} }, async (_args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  return new Promise((resolve, reject) => {
    fs.readFile('/srv/repo/CHANGELOG.md', 'utf8', (err, text) => {
      // todoruleid: no-error-leak
      if (err) reject(err);
      else resolve({ content: [{ type: 'text', text }] });
    });
  });
});

server.registerTool('read_readme', { description: 'Read the readme.', inputSchema: {} }, async (_args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  return new Promise((resolve) => {
    fs.readFile('/srv/repo/README.md', 'utf8', (err, text) => {
      if (err) {
        console.error('read_readme failed', err);
        // ok: no-error-leak
        resolve({ content: [{ type: 'text', text: err.code === 'ENOENT' ? 'There is no readme.' : 'The readme could not be read.' }], isError: true });
        return;
      }
      resolve({ content: [{ type: 'text', text }] });
    });
  });
});
