#!/usr/bin/env node
/**
 * An issue-tracker MCP server (SDK v1 `McpServer`) that reads the environment wherever it needs a
 * value, instead of importing it from its config module.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';

const run = promisify(execFile);
const limiter = new RateLimiterMemory({ points: 30, duration: 60 });

// ok: no-env-outside-config
process.env.TZ = 'UTC';

// ruleid: no-env-outside-config
const { TRACKER_DEBUG, LOG_LEVEL = 'info' } = process.env;

// ok: no-env-outside-config
const production = process.env.NODE_ENV === 'production';

function log(message: string): void {
  if (TRACKER_DEBUG === '1' || (!production && LOG_LEVEL === 'debug')) console.error(message);
}

const server = new McpServer({ name: 'tracker', version: '1.4.0' });

server.registerTool(
  'get_issue',
  {
    title: 'Get issue',
    description: 'Fetch one issue of the tracker by its number.',
    inputSchema: { number: z.number().int().positive() },
  },
  async ({ number }, extra) => {
    await limiter.consume(extra.sessionId ?? 'stdio');
    // ruleid: no-env-outside-config
    const url = new URL(`/issues/${number}`, process.env['TRACKER_API_URL']);
    const response = await fetch(url, {
      // ruleid: no-env-outside-config
      headers: { authorization: `Bearer ${process.env.TRACKER_API_TOKEN}` },
    });
    log(`GET ${url.pathname} -> ${response.status}`);
    if (!response.ok) return { content: [{ type: 'text', text: 'The issue could not be loaded.' }], isError: true };
    return { content: [{ type: 'text', text: await response.text() }] };
  },
);

server.registerTool(
  'repo_status',
  {
    title: 'Repository status',
    description: 'Show the git status of the tracker checkout.',
    inputSchema: { short: z.boolean().default(true) },
  },
  async ({ short }, extra) => {
    await limiter.consume(extra.sessionId ?? 'stdio');
    const { stdout } = await run('git', short ? ['status', '--short'] : ['status'], {
      timeout: 10_000,
      // ruleid: no-env-outside-config
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    return { content: [{ type: 'text', text: stdout }] };
  },
);

server.registerTool(
  'debug_info',
  {
    title: 'Debug info',
    description: 'Report the server version and its runtime settings.',
    inputSchema: { verbose: z.boolean().default(false) },
  },
  async ({ verbose }, extra) => {
    await limiter.consume(extra.sessionId ?? 'stdio');
    const details = verbose
      // ruleid: no-env-outside-config
      ? JSON.stringify(process.env)
      : `tracker 1.4.0, node ${process.version}`;
    return { content: [{ type: 'text', text: details }] };
  },
);

await server.connect(new StdioServerTransport());
