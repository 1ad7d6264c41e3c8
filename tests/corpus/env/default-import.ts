/**
 * A low-level `Server` whose author imports `process` explicitly, plus a helper that copies the
 * environment for a child process.
 */
import { spawn } from 'node:child_process';
import process from 'node:process';

import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { RateLimiterMemory } from 'rate-limiter-flexible';

const limiter = new RateLimiterMemory({ points: 20, duration: 60 });
const server = new Server({ name: 'builds', version: '0.3.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    {
      name: 'start_build',
      description: 'Start a build of the main branch.',
      inputSchema: { type: 'object', properties: {}, additionalProperties: false },
    },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  await limiter.consume(extra.sessionId ?? 'stdio');
  if (request.params.name !== 'start_build') {
    return { content: [{ type: 'text', text: 'Unknown tool.' }], isError: true };
  }
  // ruleid: no-env-outside-config
  const child = spawn('npm', ['run', 'build'], { env: process.env, stdio: 'ignore', timeout: 600_000 });
  child.unref();
  return { content: [{ type: 'text', text: 'Build started.' }] };
});

// ruleid: no-env-outside-config
export const buildEnvironment = Object.keys(process.env).filter((name) => name.startsWith('BUILD_'));

// ok: no-env-outside-config
export const argv = process.argv.slice(2);

// ruleid: no-env-outside-config
if ('CI' in process.env) console.error('builds: running in CI');
