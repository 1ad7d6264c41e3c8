import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/require-rate-limit.js';
import { createRuleTester } from '../rule-tester.js';
import { lintWithRule } from '../support/lint.js';

const ruleTester = createRuleTester();

const SDK = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\nimport { readFile } from 'node:fs/promises';\n\nconst server = new McpServer({ name: 'files', version: '1.0.0' });\n";

/**
 * The location of the registration call that starts at `marker` (the node the rule reports): from
 * the marker to the parenthesis that closes its argument list.
 */
function registrationAt(code: string, marker = 'server.registerTool('): { line: number; column: number; endLine: number; endColumn: number } {
  const start = code.indexOf(marker);
  if (start < 0) throw new Error(`marker ${marker} not found`);
  let depth = 0;
  let end = -1;
  for (let i = code.indexOf('(', start + marker.length - 1); i < code.length; i++) {
    const char = code[i];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) {
      end = i + 1;
      break;
    }
  }
  const position = (offset: number): { line: number; column: number } => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
  };
  const from = position(start);
  const to = position(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** A `read_file` tool whose handler body is `body` (it receives `args` and `extra`). */
function readTool(body: string, prefix = ''): string {
  return `${SDK}${prefix}
server.registerTool(
  'read_file',
  { description: 'Read a file.', inputSchema: { path: z.string() } },
  async (args, extra) => {
${body}
  },
);
`;
}

const READ = "    const text = await readFile(args.path, 'utf8');\n    return { content: [{ type: 'text', text }] };";
const RLF = "import { RateLimiterMemory } from 'rate-limiter-flexible';\nconst limiter = new RateLimiterMemory({ points: 10, duration: 60 });\n";
const DENIED = "{ content: [{ type: 'text', text: 'Too many requests.' }], isError: true }";

const MISSING = 'Tool `read_file` reads the file system (`readFile()`) with no rate guard. A model, a test or a bug can call it in a loop: check a per-client limit at the top of the handler (`await limiter.consume(key)`), wrap the handler in a limiter, or put rate-limiting middleware in front of the transport.';

/** A local registration wrapper (the @mobilenext/mobile-mcp shape) whose function runs `before` ahead of the callback; a tool that reads a file and one that does no work, registered through it. */
function wrapped(before = '', prefix = ''): string {
  return `${SDK}${prefix}
const tool = (name, description, paramsSchema, cb) => {
  server.registerTool(name, { description, inputSchema: paramsSchema }, async (args) => {
${before}    return { content: [{ type: 'text', text: await cb(args) }] };
  });
};
tool('read_file', 'Read a file.', { path: z.string() }, async ({ path }) => readFile(path, 'utf8'));
tool('echo', 'Echo the text.', { text: z.string() }, async ({ text }) => text);
`;
}

ruleTester.run('require-rate-limit', rule, {
  valid: [
    // A helper's untyped parameter given an in-memory map: its `query` is no database work.
    `${SDK}const cache = { query: (sql: string, values: unknown[]) => ({ rows: [sql, ...values] }) };
function findUser(db, id: number) { return db.query('SELECT name FROM users WHERE id = $1', [id]); }
server.registerTool('find_user', { description: 'Find a user.', inputSchema: { id: z.number() } }, async ({ id }) => {
  const { rows } = findUser(cache, id);
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});
`,
    // rate-limiter-flexible: consume rejects when the key is over its budget.
    readTool(`    await limiter.consume(extra.sessionId ?? 'local');\n${READ}`, RLF),
    // A RateLimiterRedis through a namespace import and a class field.
    `${SDK}import * as rlf from 'rate-limiter-flexible';
export class Tools {
  private readonly limits = new rlf.RateLimiterRedis({ storeClient: {}, points: 5, duration: 1 });
  register(): void {
    server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async (args) => {
      await this.limits.consume('global');
      return { content: [{ type: 'text', text: await readFile(args.path, 'utf8') }] };
    });
  }
}
`,
    // A limiter class of the project (named like one), as in examples/secure-server.
    readTool(`    await rateLimiter.consume(extra.sessionId ?? 'local');\n${READ}`, "class RateLimiter { async consume(key: string): Promise<void> { void key; } }\nconst rateLimiter = new RateLimiter();\n"),
    // An injected limiter the analysis cannot follow, named like one.
    readTool(`    await deps.rateLimiter.consume(String(extra.sessionId));\n${READ}`, 'declare const deps: { rateLimiter: { consume(key: string): Promise<void> } };\n'),
    // bottleneck: the work runs inside schedule().
    readTool(`    const text = await limiter.schedule(() => readFile(args.path, 'utf8'));\n    return { content: [{ type: 'text', text }] };`, "import Bottleneck from 'bottleneck';\nconst limiter = new Bottleneck({ minTime: 200 });\n"),
    // bottleneck: wrap() around the handler at registration.
    `${SDK}import Bottleneck from 'bottleneck';
const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 100 });
server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, limiter.wrap(async (args: { path: string }) => ({
  content: [{ type: 'text' as const, text: await readFile(args.path, 'utf8') }],
})));
`,
    // @upstash/ratelimit: limit() and a branch on success that leaves the handler.
    readTool(`    const { success } = await ratelimit.limit(extra.sessionId ?? 'anonymous');\n    if (!success) return ${DENIED};\n${READ}`, "import { Ratelimit } from '@upstash/ratelimit';\nimport { Redis } from '@upstash/redis';\nconst ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '10 s') });\n"),
    readTool(`    if (!(await ratelimit.limit('global')).success) throw new Error('Too many requests.');\n${READ}`, "import { Ratelimit } from '@upstash/ratelimit';\ndeclare const ratelimit: Ratelimit;\n"),
    readTool(`    const result = await ratelimit.limit('global');\n    if (result.success) {\n      console.log('allowed');\n    } else {\n      return ${DENIED};\n    }\n${READ}`, "import { Ratelimit } from '@upstash/ratelimit';\nconst ratelimit = new Ratelimit({ redis: {} as never, limiter: Ratelimit.fixedWindow(5, '1 m') });\n"),
    // limiter: removeTokens waits; tryRemoveTokens answers and is tested.
    readTool(`    await limiter.removeTokens(1);\n${READ}`, "import { RateLimiter } from 'limiter';\nconst limiter = new RateLimiter({ tokensPerInterval: 5, interval: 'second' });\n"),
    readTool(`    if (!limiter.tryRemoveTokens(1)) return ${DENIED};\n${READ}`, "import { RateLimiter } from 'limiter';\nconst limiter = new RateLimiter({ tokensPerInterval: 5, interval: 'second' });\n"),
    // p-throttle around the handler.
    `${SDK}import pThrottle from 'p-throttle';
const throttle = pThrottle({ limit: 2, interval: 1000 });
server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, throttle(async (args: { path: string }) => ({
  content: [{ type: 'text' as const, text: await readFile(args.path, 'utf8') }],
})));
`,
    // A throttled function does the work.
    readTool(`    const text = await throttledRead(args.path, 'utf8');\n    return { content: [{ type: 'text', text }] };`, "import pThrottle from 'p-throttle';\nconst throttledRead = pThrottle({ limit: 1, interval: 500 })(readFile);\n"),
    // Cloudflare's rate limiting binding.
    readTool(`    const { success } = await env.TOOL_LIMITER.limit({ key: extra.sessionId ?? 'anonymous' });\n    if (!success) return ${DENIED};\n${READ}`, 'declare const env: { TOOL_LIMITER: { limit(o: { key: string }): Promise<{ success: boolean }> } };\n'),
    // A wrapper named like a rate limiter.
    `${SDK}import { withRateLimit } from '@acme/mcp-tools';
server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, withRateLimit(async (args: { path: string }) => ({
  content: [{ type: 'text' as const, text: await readFile(args.path, 'utf8') }],
})));
`,
    // A wrapper of the project: the function it returns consumes a token first.
    `${SDK}import { RateLimiterMemory } from 'rate-limiter-flexible';
const limiter = new RateLimiterMemory({ points: 10, duration: 60 });
function limited<A, R>(fn: (args: A) => Promise<R>): (args: A) => Promise<R> {
  return async (args: A) => {
    await limiter.consume('tools');
    return fn(args);
  };
}
server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, limited(async (args: { path: string }) => ({
  content: [{ type: 'text' as const, text: await readFile(args.path, 'utf8') }],
})));
`,
    // A local helper that guards, called first.
    readTool(`    await enforceQuota(extra.sessionId);\n${READ}`, "import { RateLimiterMemory } from 'rate-limiter-flexible';\nconst limiter = new RateLimiterMemory({ points: 10, duration: 60 });\nasync function enforceQuota(session: string | undefined): Promise<void> {\n  await limiter.consume(session ?? 'local');\n}\n"),
    // The guard inside try, with a catch that leaves the handler.
    readTool(`    try {\n      await limiter.consume('global');\n    } catch {\n      return ${DENIED};\n    }\n${READ}`, RLF),
    // Cheap validation before the guard is fine.
    readTool(`    if (args.path === '') return { content: [{ type: 'text', text: 'No path.' }], isError: true };\n    await limiter.consume('global');\n${READ}`, RLF),
    // express-rate-limit in front of the transport covers every tool of the file.
    readTool(READ, "import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nconst app = express();\napp.use(rateLimit({ windowMs: 60_000, limit: 60 }));\n"),
    readTool(READ, "import express from 'express';\nimport rateLimit from 'express-rate-limit';\nconst app = express();\nconst limiter = rateLimit({ windowMs: 60_000, limit: 60 });\napp.post('/mcp', limiter, (req, res) => { res.end(); });\n"),
    // @fastify/rate-limit, hono-rate-limiter.
    readTool(READ, "import Fastify from 'fastify';\nimport rateLimit from '@fastify/rate-limit';\nconst fastify = Fastify();\nawait fastify.register(rateLimit, { max: 100, timeWindow: '1 minute' });\n"),
    readTool(READ, "import { Hono } from 'hono';\nimport { rateLimiter } from 'hono-rate-limiter';\nconst app = new Hono();\napp.use('/mcp/*', rateLimiter({ windowMs: 60_000, limit: 60, keyGenerator: (c) => c.req.header('mcp-session-id') ?? '' }));\n"),
    // Middleware of the project that calls a limiter (mcp-lite's server.use, Express).
    readTool(READ, "import { RateLimiterMemory } from 'rate-limiter-flexible';\nconst limiter = new RateLimiterMemory({ points: 10, duration: 60 });\ndeclare const app: { use(mw: unknown): void };\napp.use(async (ctx: { session: string }, next: () => Promise<void>) => {\n  await limiter.consume(ctx.session);\n  await next();\n});\n"),
    // User guards: a function name, a method path, a module.
    { code: readTool(`    await checkQuota(extra);\n${READ}`, "import { checkQuota } from '@acme/quota';\n"), options: [{ guards: ['checkQuota'] }] },
    { code: readTool(`    if (!(await this_.quota.allow('read'))) return ${DENIED};\n${READ}`, 'declare const this_: { quota: { allow(op: string): Promise<boolean> } };\n'), options: [{ guards: ['quota.allow'] }] },
    { code: readTool(`    await spend(extra.sessionId);\n${READ}`, "import { spend } from './lib/budget.js';\n"), options: [{ guards: ['./lib/budget.js'] }] },
    { code: readTool(`    await spend(extra.sessionId);\n${READ}`, "import { spend } from '../lib/budget.js';\n"), options: [{ guards: ['tests/lib/budget.ts'] }] },
    // p-limit counts only when the user says so.
    { code: readTool(`    const text = await limit(() => readFile(args.path, 'utf8'));\n    return { content: [{ type: 'text', text }] };`, "import pLimit from 'p-limit';\nconst limit = pLimit(2);\n"), options: [{ guards: ['p-limit'] }] },
    // Default scope: a tool that does no expensive work needs no guard.
    `${SDK}server.registerTool('add', { description: 'Add two numbers.', inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => ({
  content: [{ type: 'text', text: String(a + b) }],
}));
`,
    // A method named goto on something no browser package made is no work.
    `${SDK}import { createRouter } from 'tiny-router';
const router = createRouter();
server.registerTool('open_view', { description: 'Open a view.', inputSchema: { view: z.string() } }, async ({ view }) => {
  await router.goto(view);
  return { content: [{ type: 'text', text: 'ok' }] };
});
`,
    // axios' helpers send nothing: a type check of an error, a cancel check, an instance's interceptors and getUri.
    `${SDK}import axios from 'axios';
const client = axios.create({ baseURL: 'https://api.example.com' });
server.registerTool('classify', { description: 'Classify an error.', inputSchema: { json: z.string() } }, async ({ json }) => {
  const error: unknown = JSON.parse(json);
  client.interceptors.request.use((config) => config);
  const kind = axios.isAxiosError(error) ? 'axios' : axios.isCancel(error) ? 'cancel' : 'other';
  return { content: [{ type: 'text', text: \`\${kind} \${client.getUri({ url: '/items' })}\` }] };
});
`,
    // Prompts and resources are not tools.
    `${SDK}server.registerPrompt('summarise', { description: 'Summarise a file.', argsSchema: { path: z.string() } }, async ({ path }) => ({
  messages: [{ role: 'user', content: { type: 'text', text: await readFile(path, 'utf8') } }],
}));
`,
    // Scope all: a guard on every path.
    {
      code: `${SDK}import { RateLimiterMemory } from 'rate-limiter-flexible';
const limiter = new RateLimiterMemory({ points: 10, duration: 60 });
server.registerTool('add', { description: 'Add two numbers.', inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => {
  await limiter.consume('add');
  return { content: [{ type: 'text', text: String(a + b) }] };
});
`,
      options: [{ scope: 'all' }],
    },
    // A registration wrapper that guards before it calls the callback guards every tool registered through it.
    wrapped("    await limiter.consume(name);\n", RLF),
  ],
  invalid: [
    invalid(readTool(READ), 'missingGuard'),
    // Each call of a registration wrapper is a tool: the one that reads a file is reported at its call.
    invalid(wrapped(), 'missingGuard', { tool: '`read_file`', work: 'reads the file system (`readFile()`)' }, undefined, 'tool('),
    // Scope all reports expensive tools as the default does.
    invalid(readTool(READ), 'missingGuard', { tool: '`read_file`', work: 'reads the file system (`readFile()`)' }, [{ scope: 'all' }]),
    // A guard in a branch does not run on every path.
    invalid(
      readTool(`    if (extra.sessionId) await limiter.consume(extra.sessionId);\n${READ}`, RLF),
      'guardConditional',
      { tool: '`read_file`', guard: 'limiter.consume' },
    ),
    // The guard runs after the work.
    invalid(
      readTool(`    const text = await readFile(args.path, 'utf8');\n    await limiter.consume('global');\n    return { content: [{ type: 'text', text }] };`, RLF),
      'guardNotFirst',
      { tool: '`read_file`', work: 'reads the file system (`readFile()`)', guard: 'limiter.consume' },
    ),
    // Every kind of work the guard does not cover is named.
    invalid(
      `${SDK}import { execFile } from 'node:child_process';
${RLF}server.tool('build', 'Build the project and read its log.', { target: z.enum(['dev', 'prod']) }, async ({ target }) => {
  execFile('make', [target]);
  const log = await readFile('build.log', 'utf8');
  await limiter.consume('build');
  return { content: [{ type: 'text', text: log }] };
});
`,
      'guardNotFirst',
      { tool: '`build`', work: 'runs a process (`execFile()`) and reads the file system (`readFile()`)', guard: 'limiter.consume' },
      undefined,
      'server.tool(',
    ),
    // A catch that swallows the refusal lets the work run anyway.
    invalid(
      readTool(`    try {\n      await limiter.consume('global');\n    } catch (error) {\n      console.warn('rate limit', error);\n    }\n${READ}`, RLF),
      'guardNotFirst',
      { tool: '`read_file`', work: 'reads the file system (`readFile()`)', guard: 'limiter.consume' },
    ),
    // The answer of a checking guard is ignored.
    invalid(
      readTool(`    await ratelimit.limit(extra.sessionId ?? 'anonymous');\n${READ}`, "import { Ratelimit } from '@upstash/ratelimit';\nconst ratelimit = new Ratelimit({ redis: {} as never, limiter: Ratelimit.fixedWindow(5, '1 m') });\n"),
      'guardUnchecked',
      { tool: '`read_file`', guard: 'ratelimit.limit' },
    ),
    // A branch on the answer that does not leave the handler.
    invalid(
      readTool(`    const { success } = await ratelimit.limit('global');\n    if (!success) console.warn('over the limit');\n${READ}`, "import { Ratelimit } from '@upstash/ratelimit';\nconst ratelimit = new Ratelimit({ redis: {} as never, limiter: Ratelimit.fixedWindow(5, '1 m') });\n"),
      'guardUnchecked',
      { tool: '`read_file`', guard: 'ratelimit.limit' },
    ),
    // p-limit caps concurrency, not rate.
    invalid(
      readTool(`    const text = await limit(() => readFile(args.path, 'utf8'));\n    return { content: [{ type: 'text', text }] };`, "import pLimit from 'p-limit';\nconst limit = pLimit(2);\n"),
      'missingGuard',
      { tool: '`read_file`', work: 'reads the file system (`readFile()`)' },
    ),
    // A wrapper that is not a limiter.
    invalid(
      `${SDK}import { withLogging } from '@acme/mcp-tools';
server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, withLogging(async (args: { path: string }) => ({
  content: [{ type: 'text' as const, text: await readFile(args.path, 'utf8') }],
})));
`,
      'missingGuard',
    ),
    // Middleware that is not a limiter.
    invalid(readTool(READ, "import express from 'express';\nconst app = express();\napp.use(express.json());\napp.post('/mcp', (req, res) => { res.end(); });\n"), 'missingGuard'),
    // Scope all: a tool with no expensive work still needs a guard.
    invalid(
      `${SDK}server.registerTool('add', { description: 'Add two numbers.', inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => ({
  content: [{ type: 'text', text: String(a + b) }],
}));
`,
      'missingGuardAll',
      { tool: '`add`' },
      [{ scope: 'all' }],
    ),
    // The first piece of work is named; the deprecated tool() form.
    invalid(
      `${SDK}import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(execFile);
server.tool('build', 'Build the project and read its log.', { target: z.enum(['dev', 'prod']) }, async ({ target }) => {
  await run('make', [target]);
  const log = await readFile('build.log', 'utf8');
  return { content: [{ type: 'text', text: log }] };
});
`,
      'missingGuard',
      { tool: '`build`', work: 'runs a process (`execFile()`)' },
      undefined,
      'server.tool(',
    ),
    // Network and database work.
    invalid(
      `${SDK}import pg from 'pg';
const pool = new pg.Pool();
server.registerTool('lookup', { description: 'Look up a user.', inputSchema: { id: z.number() } }, async ({ id }) => {
  const { rows } = await pool.query('SELECT name FROM users WHERE id = $1', [id]);
  const response = await fetch('https://api.example.com/users/' + String(id));
  return { content: [{ type: 'text', text: JSON.stringify({ rows, remote: await response.json() }) }] };
});
`,
      'missingGuard',
      { tool: '`lookup`', work: 'queries a database (`pool.query()`)' },
    ),
    // A helper's untyped parameter: the pool the handler passes makes its query database work.
    invalid(
      `${SDK}import pg from 'pg';
const pool = new pg.Pool();
function findUser(db, id: number) { return db.query('SELECT name FROM users WHERE id = $1', [id]); }
server.registerTool('find_user', { description: 'Find a user.', inputSchema: { id: z.number() } }, async ({ id }) => {
  const { rows } = await findUser(pool, id);
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});
`,
      'missingGuard',
      { tool: '`find_user`', work: 'queries a database (`findUser() → pool.query()`)' },
    ),
    // A request of an axios.create() instance is still network work, next to axios' helpers.
    invalid(
      `${SDK}import axios from 'axios';
const client = axios.create({ baseURL: 'https://api.example.com' });
server.registerTool('get_item', { description: 'Get an item.', inputSchema: { id: z.string() } }, async ({ id }) => {
  try {
    const { data } = await client.get(\`/items/\${encodeURIComponent(id)}\`);
    return { content: [{ type: 'text', text: JSON.stringify(data) }] };
  } catch (error) {
    return { content: [{ type: 'text', text: axios.isAxiosError(error) ? 'request failed' : 'failed' }], isError: true };
  }
});
`,
      'missingGuard',
      { tool: '`get_item`', work: 'makes network requests (`axiosInstance.get()`)' },
    ),
    // Headless-browser navigation is network work (the no-ssrf sink, category network).
    invalid(
      `${SDK}import { chromium } from 'playwright';
server.registerTool('render', { description: 'Render a page.', inputSchema: { url: z.string() } }, async ({ url }) => {
  const browser = await chromium.launch();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return { content: [{ type: 'text', text: await page.content() }] };
});
`,
      'missingGuard',
      { tool: '`render`', work: 'makes network requests (`page.goto()`)' },
    ),
    invalid(
      `${SDK}import puppeteer from 'puppeteer';
server.registerTool('screenshot', { description: 'Take a screenshot.', inputSchema: { path: z.enum(['/', '/pricing']) } }, async ({ path }) => {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto(\`https://www.example.com\${path}\`);
  return { content: [{ type: 'image', data: await page.screenshot({ encoding: 'base64' }), mimeType: 'image/png' }] };
});
`,
      'missingGuard',
      { tool: '`screenshot`', work: 'makes network requests (`page.goto()`)' },
    ),
    // Work in a local helper.
    invalid(
      `${SDK}async function loadConfig(name: string): Promise<string> {
  return readFile(\`config/\${name}.json\`, 'utf8');
}
server.registerTool('config', { description: 'Show a config file.', inputSchema: { name: z.enum(['app', 'db']) } }, async ({ name }) => ({
  content: [{ type: 'text', text: await loadConfig(name) }],
}));
`,
      'missingGuard',
      { tool: '`config`', work: 'reads the file system (`loadConfig() → readFile()`)' },
    ),
    // The low-level Server: one handler for every tool.
    invalid(
      `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { exec } from 'node:child_process';
const server = new Server({ name: 'x', version: '1' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async () => {
  exec('make');
  return { content: [] };
});
`,
      'missingGuard',
      { tool: 'handler `tools/call`', work: 'runs a process (`exec()`)' },
      undefined,
      'server.setRequestHandler(',
    ),
    // Two tools: only the unguarded one is reported.
    invalid(
      `${SDK}${RLF}server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async (args) => {
  await limiter.consume('read');
  return { content: [{ type: 'text', text: await readFile(args.path, 'utf8') }] };
});
server.tool('peek', { path: z.string() }, async (args) => ({ content: [{ type: 'text', text: await readFile(args.path, 'utf8') }] }));
`,
      'missingGuard',
      { tool: '`peek`', work: 'reads the file system (`readFile()`)' },
      undefined,
      'server.tool(',
    ),
  ],
});

type MessageId = 'missingGuard' | 'missingGuardAll' | 'guardNotFirst' | 'guardConditional' | 'guardUnchecked';

/** An invalid case with one report on the registration that starts at `marker`. */
function invalid(code: string, messageId: MessageId, data?: Record<string, string>, options?: [{ scope?: 'expensive' | 'all'; guards?: string[] }], marker?: string) {
  return {
    code,
    ...(options ? { options } : {}),
    errors: [{ messageId, ...(data ? { data } : {}), ...registrationAt(code, marker) }],
  };
}

describe('require-rate-limit messages', () => {
  it('name the tool and the work it does', () => {
    expect(lintWithRule('require-rate-limit', readTool(READ)).map((m) => m.message)).toEqual([MISSING]);
  });
});
