import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';

function handlersOf(code: string) {
  return getToolHandlers(parseSourceUnit('/virtual/server.ts', code));
}

const IMPORTS = "import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";

describe('official SDK McpServer', () => {
  it('registerTool with an input schema: param 0 carries the arguments', () => {
    const [tool] = handlersOf(`${IMPORTS}
      const server = new McpServer({ name: 'x', version: '1' });
      server.registerTool('read', { description: 'Read a file', inputSchema: { path: z.string().describe('File path'), mode: z.enum(['a', 'b']) } },
        async ({ path }) => ({ content: [{ type: 'text', text: path }] }));`);
    expect(tool?.framework).toBe('mcp-sdk');
    expect(tool?.name).toBe('read');
    expect(tool?.inputs[0]).toEqual({ param: 0, path: [], origin: 'arguments' });
    expect(tool?.handler?.type).toBe('ArrowFunctionExpression');
    expect([...(tool?.inputSchema?.fields ?? [])]).toEqual([['path', 'string'], ['mode', 'enum']]);
    expect(tool?.descriptions.map((d) => d.role)).toEqual(['tool', 'parameter']);
  });

  it('secondary input on extra (v1) and ctx (v2): _meta, headers, inputResponses, the HTTP request', () => {
    const [tool] = handlersOf(`${IMPORTS} server.registerTool('x', { description: 'X', inputSchema: { a: z.string() } }, async ({ a }, ctx) => ({ content: [] }));`);
    expect(tool?.inputs.filter((b) => b.origin === 'secondary').map((b) => `${b.param}.${b.path.join('.')}`))
      .toEqual(['1._meta', '1.requestInfo.headers', '1.mcpReq._meta', '1.mcpReq.inputResponses', '1.http.req']);
  });

  it('registerTool without an input schema: param 0 is extra, no arguments', () => {
    const [tool] = handlersOf(`${IMPORTS} server.registerTool('ping', { description: 'Ping' }, async (extra) => ({ content: [] }));`);
    expect(tool?.inputs.filter((b) => b.origin === 'arguments')).toEqual([]);
    expect(tool?.inputSchema).toBeNull();
  });

  it('variadic tool(): description string, raw shape, handler by reference through a wrapper', () => {
    const [tool] = handlersOf(`${IMPORTS}
      async function run({ cmd }: { cmd: string }) { return { content: [] }; }
      server.tool('run', 'Run a command', { cmd: z.string() }, withRateLimit(run));`);
    expect(tool?.handler?.type).toBe('FunctionDeclaration');
    expect(tool?.wrappers).toHaveLength(1);
    expect(tool?.descriptions[0]?.role).toBe('tool');
    expect(tool?.inputs[0]?.origin).toBe('arguments');
  });

  it('variadic tool() with only a description: no arguments', () => {
    const [tool] = handlersOf(`${IMPORTS} server.tool('now', 'Current time', async (extra) => ({ content: [] }));`);
    expect(tool?.inputSchema).toBeNull();
    expect(tool?.inputs.every((b) => b.origin === 'secondary')).toBe(true);
  });

  it('resource templates: the URI and the variables are input', () => {
    const [resource] = handlersOf(`${IMPORTS}
      server.registerResource('file', new ResourceTemplate('file:///{name}', { list: undefined }), { description: 'A file' },
        async (uri, { name }) => ({ contents: [] }));`);
    expect(resource?.kind).toBe('resource-template');
    expect(resource?.inputs.filter((b) => b.origin === 'arguments').map((b) => b.param)).toEqual([0, 1]);
  });

  it('ignores .tool() calls in files that import no MCP framework', () => {
    expect(handlersOf("ai.tool('x', 'y', () => 1);")).toEqual([]);
  });

  it('low-level setRequestHandler(CallToolRequestSchema)', () => {
    const [tool] = handlersOf(`import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
      server.setRequestHandler(CallToolRequestSchema, async (request) => ({ content: [] }));`);
    expect(tool?.framework).toBe('mcp-sdk-low-level');
    expect(tool?.inputs[0]).toEqual({ param: 0, path: ['params', 'arguments'], origin: 'arguments' });
  });

  it("low-level v2 setRequestHandler('tools/call')", () => {
    const [tool] = handlersOf("server.setRequestHandler('tools/call', async (request, ctx) => ({ content: [] }));");
    expect(tool?.kind).toBe('tool');
  });

  it('experimental tasks: registerToolTask(name, config, { createTask })', () => {
    const [tool] = handlersOf(`${IMPORTS}
      server.experimental.tasks.registerToolTask('build', { description: 'Build', inputSchema: { target: z.string() } }, {
        createTask: async ({ target }, extra) => ({ task: start(target) }), getTask: async () => ({}), getTaskResult: async () => ({}),
      });`);
    expect(tool?.name).toBe('build');
    expect(tool?.handler?.type).toBe('ArrowFunctionExpression');
    expect(tool?.inputs[0]).toEqual({ param: 0, path: [], origin: 'arguments' });
  });

  it('registered.update({ callback, description }): a second handler and description for the tool', () => {
    const handlers = handlersOf(`${IMPORTS}
      const registered = server.registerTool('run', { description: 'Run', inputSchema: { cmd: z.string() } }, async ({ cmd }) => ({ content: [] }));
      registered.update({ description: 'Run a command', callback: async ({ cmd }) => ({ content: [{ type: 'text', text: cmd }] }) });
      registered.update({ enabled: false });
      db.update({ callback: 1 });`);
    expect(handlers).toHaveLength(2);
    expect(handlers[1]?.name).toBe('run');
    expect(handlers[1]?.registration).not.toBe(handlers[0]?.registration);
    expect(handlers[1]?.inputs[0]?.origin).toBe('arguments');
    expect(handlers[1]?.handler).not.toBe(handlers[0]?.handler);
  });

  it('ext-apps registerAppTool(server, name, config, cb)', () => {
    const [tool] = handlersOf(`import { registerAppTool } from '@modelcontextprotocol/ext-apps/server';
      registerAppTool(server, 'chart', { description: 'Draw a chart', inputSchema: { data: z.string() }, _meta: { ui: { resourceUri: 'ui://chart' } } }, async ({ data }) => ({ content: [] }));`);
    expect(tool?.name).toBe('chart');
    expect(tool?.inputs[0]?.origin).toBe('arguments');
  });

  it('config by reference, with a spread base and the title in annotations', () => {
    const [tool] = handlersOf(`${IMPORTS}
      const base = { annotations: { title: 'Reader', readOnlyHint: true } };
      const config = { ...base, description: 'Read', inputSchema: ReadArgs.shape };
      const ReadArgs = z.object({ path: z.string().regex(/^[a-z]+$/) });
      server.registerTool('read', config, readTextFileHandler);
      server.registerTool('read_text', config, readTextFileHandler);
      async function readTextFileHandler({ path }) { return { content: [] }; }`);
    expect(tool?.descriptions.map((d) => d.role)).toEqual(['tool', 'title']);
    expect([...(tool?.inputSchema?.fields ?? [])]).toEqual([['path', 'anchored-regex']]);
    expect(handlersOf(`${IMPORTS}
      const config = { description: 'Read', inputSchema: {} };
      server.registerTool('a', config, h); server.registerTool('b', config, h);
      function h() { return { content: [] }; }`).map((t) => t.handler?.type)).toEqual(['FunctionDeclaration', 'FunctionDeclaration']);
  });

  it('leaves the other frameworks’ .tool()/.resource() shapes alone', () => {
    expect(handlersOf(`${IMPORTS} server.resource('github://repos/{owner}', { description: 'Repo' }, async (uri, vars) => ({ contents: [] }));`)
      .map((h) => h.framework)).toEqual([]);
    expect(handlersOf(`${IMPORTS} server.tool({ name: 'x', description: 'y' }, async () => ({ content: [] }));`).map((h) => h.framework)).toEqual(['generic']);
  });

  it('no ToolHandler for non-MCP code: Express routes, LangChain tools, AI SDK chat tools', () => {
    expect(handlersOf(`import express from 'express';
      const app = express();
      app.get('/files/:name', (req, res) => res.sendFile(req.params.name));
      app.post('/tool', async (req, res) => res.json(await run(req.body)));`)).toEqual([]);
    expect(handlersOf(`import { tool } from '@langchain/core/tools';
      const search = tool(async ({ q }) => find(q), { name: 'search', description: 'Search', schema: z.object({ q: z.string() }) });`)).toEqual([]);
    expect(handlersOf(`import { tool, generateText } from 'ai';
      await generateText({ model, tools: { weather: tool({ description: 'Weather', inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => get(city) }) } });`)).toEqual([]);
  });

  it('inside mcp-handler initialisers and Cloudflare McpAgent.init(), with this.method.bind(this)', () => {
    const [roll] = handlersOf(`import { createMcpHandler } from 'mcp-handler';
      const handler = createMcpHandler((server) => {
        server.tool('roll', 'Roll a die', { sides: z.number().int().min(2) }, async ({ sides }) => ({ content: [] }));
      }, {}, { basePath: '/api' });`);
    expect(roll?.name).toBe('roll');
    expect([...(roll?.inputSchema?.fields ?? [])]).toEqual([['sides', 'number']]);
    const [add] = handlersOf(`import { McpAgent } from 'agents/mcp';
      export class MyMCP extends McpAgent {
        server = new McpServer({ name: 'demo', version: '1.0.0' });
        async init() { this.server.registerTool('add', { description: 'Add', inputSchema: { a: z.number() } }, this.add.bind(this)); }
        async add({ a }) { return { content: [{ type: 'text', text: String(a) }] }; }
      }`);
    expect(add?.handler?.type).toBe('FunctionExpression');
    expect(add?.handler?.parent.type).toBe('MethodDefinition');
  });
});

describe('compiled registrations whose SDK import was erased (import type)', () => {
  const ZOD = "import { z } from 'zod';\n";

  it('tool(name, description, zod shape, cb) without an MCP import is a tool', () => {
    const [tool] = handlersOf(`${ZOD}
      export const registerPsTool = (server) => {
        server.tool('heroku_ps', 'List dynos.', { app: z.string().describe('App'), size: z.enum(['basic', 'standard']).optional() }, async ({ app }) => ({ content: [] }));
      };`);
    expect(tool?.framework).toBe('mcp-sdk');
    expect(tool?.name).toBe('heroku_ps');
    expect(tool?.inputs[0]).toEqual({ param: 0, path: [], origin: 'arguments' });
    expect([...(tool?.inputSchema?.fields ?? [])]).toEqual([['app', 'string'], ['size', 'enum']]);
    expect(tool?.descriptions.map((d) => d.role)).toEqual(['tool', 'parameter']);
  });

  it('Schema.shape of a const zod object, a constant description, annotations, a zod namespace import or require', () => {
    const [shape] = handlersOf(`import * as z from 'zod';
      const AppSchema = z.object({ app: z.string(), json: z.boolean().optional() }).strict();
      const HELP = \`Get app info.\`;
      export function register(server) { server.tool('get_app_info', HELP, AppSchema.shape, { readOnlyHint: true }, handle); }
      async function handle(options) { return { content: [] }; }`);
    expect(shape?.name).toBe('get_app_info');
    expect(shape?.handler?.type).toBe('FunctionDeclaration');
    expect([...(shape?.inputSchema?.fields ?? [])]).toEqual([['app', 'string'], ['json', 'boolean']]);
    const [required] = handlersOf(`const { z } = require('zod');
      exports.register = (server) => server.prompt('review', 'Review code.', { code: z.string() }, ({ code }) => ({ messages: [] }));`);
    expect(required?.kind).toBe('prompt');
    expect(required?.name).toBe('review');
  });

  it('lookalikes without an MCP import stay unrecognised', () => {
    const cases = [
      // a CLI builder with a JSON option spec
      `${ZOD} cli.tool('build', 'Build it.', { watch: { type: 'boolean' } }, async (opts) => run(opts));`,
      // zod-looking values of something that is not zod
      "const z = makeBuilder(); cli.tool('build', 'Build it.', { watch: z.boolean() }, async (opts) => run(opts));",
      // a dynamic name or description
      `${ZOD} cli.tool(name, 'Build it.', { watch: z.boolean() }, async (opts) => run(opts));`,
      `${ZOD} cli.tool('build', describe(), { watch: z.boolean() }, async (opts) => run(opts));`,
      // a shape with a non-zod value, an empty shape, no description, no function last
      `${ZOD} cli.tool('build', 'Build it.', { watch: z.boolean(), out: 'dist' }, async (opts) => run(opts));`,
      `${ZOD} cli.tool('build', 'Build it.', {}, async (opts) => run(opts));`,
      `${ZOD} cli.tool('build', { watch: z.boolean() }, async (opts) => run(opts));`,
      `${ZOD} cli.tool('build', 'Build it.', { watch: z.boolean() }, 'build.sh');`,
    ];
    expect(cases.map((code) => handlersOf(code).length)).toEqual(cases.map(() => 0));
  });
});

describe('named zod schemas', () => {
  it('a const enum is credited through .optional(), .nullable(), .default(), .describe()', () => {
    const [tool] = handlersOf(`${IMPORTS}
      const Status = z.enum(['queued', 'running']);
      const Kind = z.nativeEnum(Kinds);
      const Free = z.string();
      const schemas = { level: z.enum(['a', 'b']) };
      server.registerTool('checks', { description: 'Checks', inputSchema: {
        a: Status.optional(), b: Status.nullable().describe('B'), c: Status.default('queued'), d: Status,
        e: Kind.optional(), f: Free.optional(), g: schemas.level.optional(),
      } }, async ({ a }) => ({ content: [] }));`);
    expect([...(tool?.inputSchema?.fields ?? [])]).toEqual([
      ['a', 'enum'], ['b', 'enum'], ['c', 'enum'], ['d', 'enum'], ['e', 'enum'], ['f', 'string'], ['g', 'enum'],
    ]);
  });

  it('a named schema refined or transformed is no longer known', () => {
    const [tool] = handlersOf(`${IMPORTS}
      const Status = z.enum(['queued', 'running']);
      server.registerTool('checks', { description: 'Checks', inputSchema: { a: Status.transform((s) => s + '/..') } }, async ({ a }) => ({ content: [] }));`);
    expect([...(tool?.inputSchema?.fields ?? [])]).toEqual([['a', 'unknown']]);
  });
});
