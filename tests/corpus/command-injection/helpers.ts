// Same-file helpers, class fields, client-controlled `_meta`, elicitation answers, and lookups.
import { exec, execSync } from 'node:child_process';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const server = new McpServer({ name: 'helpers', version: '1.0.0' });
const TASKS: Record<string, string> = { clean: 'rm -rf ./dist', build: 'tsc -p .' };

function runGit(args: string): string {
  // todoruleid: no-command-injection
  return execSync('git ' + args, { encoding: 'utf8', timeout: 10_000 });
}

// A function merely named "sanitize" proves nothing.
function sanitizeBranch(branch: string): string {
  return branch.trim().toLowerCase();
}

server.registerTool('git', { description: 'Run git.', inputSchema: { args: z.string() } }, async (input, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const text = runGit(input.args);
  return { content: [{ type: 'text', text }] };
});

server.registerTool('checkout', { description: 'Check out a branch.', inputSchema: { branch: z.string() } }, async ({ branch }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  exec(`git checkout ${sanitizeBranch(branch)}`, { timeout: 10_000 });
  return { content: [{ type: 'text', text: 'Checked out.' }] };
});

server.registerTool('task', { description: 'Run a predefined task.', inputSchema: { name: z.string() } }, async ({ name }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const command = TASKS[name];
  if (command === undefined) return { content: [{ type: 'text', text: 'Unknown task.' }], isError: true };
  // ok: no-command-injection
  exec(command, { timeout: 60_000 });
  return { content: [{ type: 'text', text: 'Started.' }] };
});

server.registerTool('notify', { description: 'Send a desktop notification.', inputSchema: { text: z.enum(['done', 'failed']) } }, async ({ text }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const label = String(extra._meta?.label ?? 'task');
  // ruleid: no-command-injection
  exec(`notify-send "${label}" ${text}`, { timeout: 5_000 });
  return { content: [{ type: 'text', text: 'Sent.' }] };
});

server.registerTool('switch_branch', { description: 'Switch to a branch the user picks.', inputSchema: {} }, async (extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const answer = await server.server.elicitInput({
    message: 'Which branch?',
    requestedSchema: { type: 'object', properties: { branch: { type: 'string' } }, required: ['branch'] },
  });
  const branch = String(answer.content?.branch ?? 'main');
  // todoruleid: no-command-injection
  exec(`git switch ${branch}`, { timeout: 10_000 });
  return { content: [{ type: 'text', text: 'Switched.' }] };
});

class Builder {
  private target = 'all';

  register(mcp: McpServer): void {
    mcp.registerTool('build', { description: 'Build a target.', inputSchema: { target: z.string() } }, async ({ target }, extra) => {
      await limiter.consume(extra.sessionId ?? 'local');
      this.target = target;
      this.build();
      return { content: [{ type: 'text', text: 'Built.' }] };
    });
  }

  private build(): void {
    // todoruleid: no-command-injection
    execSync(`make ${this.target}`, { timeout: 120_000 });
  }
}

new Builder().register(server);
