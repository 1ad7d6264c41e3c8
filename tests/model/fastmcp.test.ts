import { describe, expect, it } from 'vitest';

import { argumentInputs, describeSites, fieldsOf, handlersOf, onlyHandler, textOf, unitOf } from './helpers.js';
import { getToolHandlers } from '../../src/model/index.js';

const IMPORTS = "import { FastMCP, UserError } from 'fastmcp';\nimport { z } from 'zod';\nconst server = new FastMCP({ name: 'x', version: '1.0.0' });\n";

describe('FastMCP', () => {
  it('addTool: execute param 0 carries the validated parameters; the result is a raw value', () => {
    const unit = unitOf(`${IMPORTS}
      server.addTool({
        name: 'fetch',
        description: 'Fetch a URL',
        parameters: z.object({ url: z.string().describe('The URL'), mode: z.enum(['text', 'html']) }),
        annotations: { title: 'Fetcher', readOnlyHint: true },
        execute: async (args, context) => {
          if (!args.url.startsWith('https:')) throw new UserError('blocked');
          return await fetch(args.url).then((r) => r.text());
        },
      });`);
    const [tool] = getToolHandlers(unit);
    expect(tool?.framework).toBe('fastmcp');
    expect(tool?.kind).toBe('tool');
    expect(tool?.name).toBe('fetch');
    expect(textOf(unit, tool?.nameNode)).toBe("'fetch'");
    expect(tool?.handler?.type).toBe('ArrowFunctionExpression');
    expect(tool?.inputs).toEqual([{ param: 0, path: [], origin: 'arguments' }]);
    expect(tool?.inputSchema?.validated).toBe(true);
    expect(fieldsOf(tool)).toEqual([['url', 'string'], ['mode', 'enum']]);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Fetch a URL'", "title: 'Fetcher'", "parameter: 'The URL'"]);
    expect(tool?.resultStyle).toBe('raw-value');
    expect(tool?.registration.type).toBe('CallExpression');
  });

  it('addTool without parameters: FastMCP passes no arguments', () => {
    const tool = onlyHandler(`${IMPORTS} server.addTool({ name: 'now', description: 'Current time', execute: async () => new Date().toISOString() });`);
    expect(tool.inputs).toEqual([]);
    expect(tool.inputSchema).toBeNull();
  });

  it.each([
    ["import { FastMCP } from 'firecrawl-fastmcp';", 'new FastMCP({ name: "x", version: "1" })'],
    ["import { EdgeFastMCP } from 'fastmcp/edge';", 'new EdgeFastMCP({ name: "x", version: "1" })'],
    ["import { LiteMCP } from 'litemcp';", 'new LiteMCP("x", "1")'],
  ])('the same shape with %s', (imports, construct) => {
    const tool = onlyHandler(`${imports}
      const server = ${construct};
      server.addTool({ name: 'add', description: 'Add', parameters: z.object({ a: z.number() }), execute: async (args) => String(args.a) });`);
    expect(tool.framework).toBe('fastmcp');
    expect(argumentInputs(tool)).toEqual(['0']);
    expect(fieldsOf(tool)).toEqual([['a', 'number']]);
  });

  it('addTools([...]): one handler per element, registered at the element', () => {
    const unit = unitOf(`${IMPORTS}
      const read = { name: 'read', description: 'Read', parameters: z.object({ path: z.string() }), execute: async ({ path }) => path };
      server.addTools([
        read,
        { name: 'write', description: 'Write', parameters: z.object({ path: z.string() }), execute: writeFile },
      ]);
      async function writeFile(args) { return 'ok'; }`);
    const tools = getToolHandlers(unit);
    expect(tools.map((t) => t.name)).toEqual(['read', 'write']);
    expect(tools.map((t) => t.registration.type)).toEqual(['ObjectExpression', 'ObjectExpression']);
    expect(tools.map((t) => t.handler?.type)).toEqual(['ArrowFunctionExpression', 'FunctionDeclaration']);
    expect(tools.every((t) => t.framework === 'fastmcp')).toBe(true);
  });

  it('addPrompt: load param 0 is the arguments; argument descriptions are parameters', () => {
    const unit = unitOf(`${IMPORTS}
      server.addPrompt({
        name: 'git-commit',
        description: 'Write a commit message',
        arguments: [{ name: 'changes', description: 'Git diff', required: true }, { name: 'style', enum: ['short', 'long'] }],
        load: async (args) => \`Write a commit message for \${args.changes}\`,
      });`);
    const [prompt] = getToolHandlers(unit);
    expect(prompt?.kind).toBe('prompt');
    expect(argumentInputs(prompt)).toEqual(['0']);
    expect(describeSites(unit, prompt?.descriptions ?? [])).toEqual(["prompt: 'Write a commit message'", "parameter: 'Git diff'"]);
    expect(fieldsOf(prompt)).toEqual([['changes', 'unknown'], ['style', 'enum']]);
  });

  it('addResourceTemplate: load param 0 holds the URI variables; addResource has no input', () => {
    const [template, resource] = handlersOf(`${IMPORTS}
      server.addResourceTemplate({
        uriTemplate: 'file:///logs/{name}.log', name: 'Logs', description: 'Application logs',
        arguments: [{ name: 'name', description: 'Log name', required: true }],
        load: async ({ name }) => ({ text: await readLog(name) }),
      });
      server.addResource({ uri: 'file:///logs/app.log', name: 'App log', mimeType: 'text/plain', load: async () => ({ text: 'x' }) });`);
    expect(template?.kind).toBe('resource-template');
    expect(template?.name).toBe('Logs');
    expect(argumentInputs(template)).toEqual(['0']);
    expect(template?.handler?.params[0]?.type).toBe('ObjectPattern');
    expect(resource?.kind).toBe('resource');
    expect(resource?.inputs).toEqual([]);
  });

  it('a definition object passed to addTool is reported once, by FastMCP (ownership)', () => {
    const handlers = handlersOf(`${IMPORTS}
      const fetchTool = { name: 'fetch', description: 'Fetch', parameters: z.object({ url: z.string() }), execute: async (a) => a.url };
      server.addTool(fetchTool);`);
    expect(handlers.map((h) => h.framework)).toEqual(['fastmcp']);
  });

  it('without a FastMCP import, only the unmistakable addTool shape counts', () => {
    expect(onlyHandler(`server.addTool({ name: 'x', description: 'X', execute: async (args) => args.q });`).framework).toBe('fastmcp');
    expect(handlersOf("cart.addTool({ name: 'hammer', price: 3 }); toolbox.addPrompt({ name: 'p', load: () => 1 });")).toEqual([]);
  });
});
