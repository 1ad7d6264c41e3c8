// The low-level Server: one CallTool handler serves every tool. The first server checks a limiter
// before it dispatches; the second does not.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { RateLimiter } from 'limiter';
import { z } from 'zod';

const run = promisify(execFile);
const Args = z.object({ target: z.enum(['test', 'lint', 'build']) });
const tokens = new RateLimiter({ tokensPerInterval: 5, interval: 'minute' });

export const guarded = new Server({ name: 'tasks', version: '1.0.0' }, { capabilities: { tools: {} } });

// ok: require-rate-limit
guarded.setRequestHandler(CallToolRequestSchema, async (request) => {
  if (!tokens.tryRemoveTokens(1)) {
    return { content: [{ type: 'text', text: 'Too many task runs. Try again in a minute.' }], isError: true };
  }
  const { target } = Args.parse(request.params.arguments);
  const { stdout } = await run('npm', ['run', target], { timeout: 300_000 });
  return { content: [{ type: 'text', text: stdout }] };
});

export const unguarded = new Server({ name: 'tasks-legacy', version: '0.1.0' }, { capabilities: { tools: {} } });

// ruleid: require-rate-limit
unguarded.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { target } = Args.parse(request.params.arguments);
  const { stdout } = await run('npm', ['run', target], { timeout: 300_000 });
  return { content: [{ type: 'text', text: stdout }] };
});
