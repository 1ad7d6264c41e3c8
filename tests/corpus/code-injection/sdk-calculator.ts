// Official SDK: a calculator and scripting server that evaluates expressions in several ways.
import vm from 'node:vm';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';

const limiter = new RateLimiterMemory({ points: 30, duration: 60 });
const FORMULAS: Record<string, string> = { area: 'w * h', perimeter: '2 * (w + h)' };
const FORMULA_NAMES = new Set(Object.keys(FORMULAS));
const server = new McpServer({ name: 'calculator', version: '1.2.0' });

const OPERATIONS = {
  add: (a: number, b: number) => a + b,
  multiply: (a: number, b: number) => a * b,
};

server.registerTool(
  'calculate',
  { description: 'Evaluate an arithmetic expression.', inputSchema: { expression: z.string().max(200) } },
  async ({ expression }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-code-injection
    const result: unknown = eval(expression);
    return { content: [{ type: 'text', text: String(result) }] };
  },
);

server.registerTool(
  'calculate_fixed',
  { description: 'Apply an arithmetic operation to two numbers.', inputSchema: { operation: z.enum(['add', 'multiply']), a: z.number(), b: z.number() } },
  async ({ operation, a, b }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-code-injection
    const result = OPERATIONS[operation](a, b);
    return { content: [{ type: 'text', text: String(result) }] };
  },
);

server.registerTool(
  'calculate_sandboxed',
  { description: 'Evaluate an expression with Math.', inputSchema: { expression: z.string().max(200) } },
  async ({ expression }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // vm is not a sandbox: this.constructor.constructor('return process')() escapes it.
    // ruleid: no-code-injection
    const result: unknown = vm.runInNewContext(expression, { Math }, { timeout: 50 });
    return { content: [{ type: 'text', text: String(result) }] };
  },
);

server.registerTool(
  'calculate_context',
  { description: 'Evaluate an expression in a shared context.', inputSchema: { expression: z.string().max(200) } },
  async ({ expression }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const context = vm.createContext({ Math });
    // ruleid: no-code-injection
    const result: unknown = vm.runInContext(expression, context);
    return { content: [{ type: 'text', text: String(result) }] };
  },
);

server.registerTool(
  'calculate_script',
  { description: 'Compile and run an expression.', inputSchema: { expression: z.string().max(200) } },
  async ({ expression }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-code-injection
    const script = new vm.Script(`(${expression})`);
    const result: unknown = script.runInNewContext({});
    return { content: [{ type: 'text', text: String(result) }] };
  },
);

server.registerTool(
  'formula',
  { description: 'Evaluate a named formula.', inputSchema: { name: z.string().max(40), w: z.number(), h: z.number() } },
  async ({ name, w, h }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    if (!FORMULA_NAMES.has(name)) return { content: [{ type: 'text', text: 'Unknown formula.' }], isError: true };
    // ok: no-code-injection
    const result: unknown = vm.runInNewContext(FORMULAS[name] ?? '0', { w, h });
    return { content: [{ type: 'text', text: String(result) }] };
  },
);

server.registerTool(
  'formula_inputs',
  { description: 'Evaluate the area formula.', inputSchema: { w: z.string().max(20), h: z.string().max(20) } },
  async ({ w, h }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // The inputs are data in the context, not code.
    // ok: no-code-injection
    const result: unknown = vm.runInNewContext('Number(w) * Number(h)', { w, h });
    return { content: [{ type: 'text', text: String(result) }] };
  },
);

server.registerTool(
  'make_function',
  { description: 'Build a function of x.', inputSchema: { body: z.string().max(200), x: z.number() } },
  async ({ body, x }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-code-injection
    const fn = new Function('x', `return ${body};`) as (x: number) => number;
    return { content: [{ type: 'text', text: String(fn(x)) }] };
  },
);

server.registerTool(
  'make_function_call',
  { description: 'Build a function without new.', inputSchema: { body: z.string().max(200) } },
  async ({ body }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-code-injection
    const fn = Function(body) as () => unknown;
    return { content: [{ type: 'text', text: String(fn()) }] };
  },
);

server.registerTool(
  'scale',
  { description: 'Scale a number.', inputSchema: { factor: z.string().max(20) } },
  async ({ factor }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const n = Number(factor);
    // ok: no-code-injection
    const fn = new Function('x', `return x * ${n};`) as (x: number) => number;
    return { content: [{ type: 'text', text: String(fn(2)) }] };
  },
);

server.registerTool(
  'parse_json',
  { description: 'Pretty-print a JSON document.', inputSchema: { json: z.string().max(10000) } },
  async ({ json }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-code-injection
    const value: unknown = JSON.parse(json);
    return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }] };
  },
);

server.registerTool(
  'schedule',
  { description: 'Schedule a reminder.', inputSchema: { action: z.string().max(200), seconds: z.number().int().max(3600) } },
  async ({ action, seconds }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-code-injection
    setTimeout(action, seconds * 1000);
    return { content: [{ type: 'text', text: 'scheduled' }] };
  },
);

server.registerTool(
  'schedule_safe',
  { description: 'Schedule a log message.', inputSchema: { message: z.string().max(200), seconds: z.number().int().max(3600) } },
  async ({ message, seconds }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-code-injection
    setTimeout(() => console.log(message), seconds * 1000);
    return { content: [{ type: 'text', text: 'scheduled' }] };
  },
);

server.registerTool(
  'repeat',
  { description: 'Repeat an action.', inputSchema: { action: z.string().max(200) } },
  async ({ action }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-code-injection
    const timer = setInterval(`${action}`, 1000);
    clearInterval(timer);
    return { content: [{ type: 'text', text: 'done' }] };
  },
);

server.registerTool(
  'filtered_eval',
  { description: 'Evaluate a filtered expression.', inputSchema: { expression: z.string().max(200) } },
  async ({ expression }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // A denylist is not a sanitizer: globalThis['pro' + 'cess'] passes.
    if (expression.includes('process') || expression.includes('require')) throw new Error('Forbidden.');
    // ruleid: no-code-injection
    const result: unknown = eval(expression);
    return { content: [{ type: 'text', text: String(result) }] };
  },
);

server.registerTool(
  'constant_eval',
  { description: 'Show the version expression.', inputSchema: {} },
  async (_args, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-code-injection
    const result: unknown = eval('1 + 1');
    return { content: [{ type: 'text', text: String(result) }] };
  },
);
