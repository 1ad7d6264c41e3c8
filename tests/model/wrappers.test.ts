import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDescriptionSites, getRegistrationWrappers, getToolHandlers } from '../../src/model/index.js';
import { getUnitOfNode } from '../../src/util/source-unit.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, textOf, unitOf } from './helpers.js';

const SDK = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\nimport fs from 'node:fs';\nconst server = new McpServer({ name: 'm', version: '1' });\n";

/** The @mobilenext/mobile-mcp shape: positional parameters, an inner function that calls `cb` in a try/catch. */
const MOBILE_WRAPPER = `const tool = (name, title, description, paramsSchema, annotations, cb) => {
  server.registerTool(name, { title, description, inputSchema: paramsSchema, annotations }, async (args) => {
    try {
      const response = await cb(args);
      return { content: [{ type: 'text', text: response }] };
    } catch (error) {
      return { content: [{ type: 'text', text: \`Error: \${error.message}\` }], isError: true };
    }
  });
};
`;

describe('local registration wrappers', () => {
  it('a const arrow wrapper around registerTool: each call is a tool, read from its arguments', () => {
    const unit = unitOf(`${SDK}${MOBILE_WRAPPER}
const SAVE = 'Save a screenshot of the mobile device to a file';
tool('mobile_save_screenshot', 'Save Screenshot', SAVE, { saveTo: z.string().describe('Where to save') }, {}, async ({ saveTo }) => {
  fs.writeFileSync(saveTo, 'x');
  return 'ok';
});
tool('mobile_list_apps', 'List Apps', 'List the installed apps', { kind: z.enum(['user', 'system']) }, { readOnlyHint: true }, listApps);
async function listApps({ kind }) { return kind; }
`);
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => `${h.framework}:${h.kind}:${h.name}`)).toEqual(['mcp-sdk:tool:mobile_save_screenshot', 'mcp-sdk:tool:mobile_list_apps']);
    const [save, list] = handlers;
    expect(textOf(unit, save?.registration)).toMatch(/^tool\('mobile_save_screenshot'/);
    expect(textOf(unit, save?.nameNode)).toBe("'mobile_save_screenshot'");
    expect(textOf(unit, save?.handler)).toMatch(/^async \(\{ saveTo \}\) =>/);
    expect(list?.handler?.type).toBe('FunctionDeclaration');
    expect(argumentInputs(save)).toEqual(['0']);
    expect(fieldsOf(save)).toEqual([['saveTo', 'string']]);
    expect(fieldsOf(list)).toEqual([['kind', 'enum']]);
    expect(save?.inputSchema?.validated).toBe(true);
    // The inner function wraps the callback's value into the result: whatever it returns reaches the model.
    expect(save?.resultStyle).toBe('raw-value');
    expect(describeSites(unit, save?.descriptions ?? [])).toEqual(["tool: SAVE", "title: 'Save Screenshot'", "parameter: 'Where to save'"]);
    // The wrapper's own parameters are no description sites; the calls' arguments are.
    expect(describeSites(unit, getDescriptionSites(unit))).toEqual([
      'tool: SAVE',
      "title: 'Save Screenshot'",
      "parameter: 'Where to save'",
      "tool: 'List the installed apps'",
      "title: 'List Apps'",
    ]);
    // The wrapper itself: its registration, read as written, with the function it registers.
    const [wrapper] = getRegistrationWrappers(unit);
    expect(wrapper?.name).toBe('tool');
    expect(wrapper?.inner.map((h) => `${h.name}:${h.handler?.type}:${h.descriptions.length}`)).toEqual(['null:ArrowFunctionExpression:0']);
    expect(save?.via?.wrapper).toBe(wrapper?.fn);
    expect(save?.via?.inner).toBe(wrapper?.inner[0]);
  });

  it('a function declaration around server.tool that passes cb on as the handler', () => {
    const unit = unitOf(`${SDK}
function addTool(name, description, shape, cb) {
  return server.tool(name, description, shape, cb);
}
addTool('read', 'Read a file', { path: z.string() }, async ({ path }, extra) => ({ content: [{ type: 'text', text: fs.readFileSync(path, 'utf8') }] }));
addTool('ping', 'Ping', {}, async () => ({ content: [] }));
`);
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => h.name)).toEqual(['read', 'ping']);
    const [read] = handlers;
    expect(read?.handler?.type).toBe('ArrowFunctionExpression');
    expect(read?.inputs.map((b) => `${b.param}:${b.origin}:${b.path.join('.')}`)).toContain('0:arguments:');
    expect(read?.inputs.some((b) => b.param === 1 && b.origin === 'secondary')).toBe(true);
    expect(read?.resultStyle).toBe('call-tool-result');
    expect(read?.via?.inner).toBeNull();
    expect(describeSites(unit, getDescriptionSites(unit))).toEqual(["tool: 'Read a file'", "tool: 'Ping'"]);
  });

  it('registerTool(name, cfg, cb) inside a function declaration, with the callback called with (args, extra)', () => {
    const unit = unitOf(`${SDK}
function register(name: string, description: string, inputSchema: any, handler: (a: any, e: any) => Promise<string>) {
  server.registerTool(name, { description, inputSchema }, async (input, extra) => ({ content: [{ type: 'text', text: await handler(input, extra) }] }));
}
register('run', 'Run a query', { sql: z.string() }, async ({ sql }, extra) => sql + extra._meta);
`);
    const [run] = getToolHandlers(unit);
    expect(run?.name).toBe('run');
    expect(textOf(unit, run?.handler)).toMatch(/^async \(\{ sql \}, extra\)/);
    expect(argumentInputs(run)).toEqual(['0']);
    expect(run?.inputs.filter((b) => b.origin === 'secondary').map((b) => `${b.param}.${b.path.join('.')}`)).toContain('1._meta');
  });

  it('FastMCP addTool inside the wrapper', () => {
    const unit = unitOf(`import { FastMCP } from 'fastmcp';
import { z } from 'zod';
const server = new FastMCP({ name: 'x', version: '1.0.0' });
const defineTool = (name, description, parameters, execute) => {
  server.addTool({ name, description, parameters, execute: async (args, context) => {
    try { return await execute(args); } catch (e) { return 'failed: ' + e.message; }
  } });
};
defineTool('fetch', 'Fetch a URL', z.object({ url: z.string() }), async ({ url }) => (await fetch(url)).text());
`);
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => `${h.framework}:${h.name}`)).toEqual(['fastmcp:fetch']);
    expect(textOf(unit, handlers[0]?.handler)).toMatch(/^async \(\{ url \}\)/);
    expect(argumentInputs(handlers[0])).toEqual(['0']);
    // The definition object inside the wrapper is no tool of its own (the generic heuristic would take it).
    expect(describeSites(unit, getDescriptionSites(unit))).toEqual(["tool: 'Fetch a URL'"]);
  });

  it('a wrapper taking an options object (destructured, or read by member)', () => {
    const unit = unitOf(`${SDK}
function defineTool({ name, description, schema, handler }) {
  server.registerTool(name, { description, inputSchema: schema }, handler);
}
const defineOther = (def) => server.registerTool(def.name, { description: def.description, inputSchema: def.schema }, async (a) => def.handler(a));
defineTool({ name: 'list', description: 'List a directory', schema: { dir: z.string() }, handler: async ({ dir }) => ({ content: [] }) });
defineOther({ name: 'stat', description: 'Stat a file', schema: { file: z.string() }, handler: async ({ file }) => ({ content: [] }) });
`);
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => `${h.framework}:${h.name}`)).toEqual(['mcp-sdk:list', 'mcp-sdk:stat']);
    expect(handlers.map((h) => textOf(unit, h.handler))).toEqual(['async ({ dir }) => ({ content: [] })', 'async ({ file }) => ({ content: [] })']);
    expect(handlers.map((h) => argumentInputs(h).join())).toEqual(['0', '0']);
    expect(handlers.map((h) => fieldsOf(h).map(([f]) => f).join())).toEqual(['dir', 'file']);
    expect(describeSites(unit, getDescriptionSites(unit))).toEqual(["tool: 'List a directory'", "tool: 'Stat a file'"]);
  });

  it('a non-constant description at a call stays a site (at the call); a composite one in the wrapper is replaced by the arguments', () => {
    const unit = unitOf(`${SDK}
const tool = (name, description, cb) => server.registerTool(name, { description: \`\${description} (mobile)\`, inputSchema: {} }, cb);
tool('a', loadDescription('a'), async () => ({ content: [] }));
tool('b', 'Plain text', async () => ({ content: [] }));
`);
    expect(getToolHandlers(unit).map((h) => h.name)).toEqual(['a', 'b']);
    expect(describeSites(unit, getDescriptionSites(unit))).toEqual(["tool: loadDescription('a')", "tool: 'Plain text'"]);
  });

  it('not a wrapper: a register function whose tool name is fixed; a wrapper nobody calls registers nothing', () => {
    expect(handlersOf(`${SDK}
export function registerRead(server, root) {
  server.registerTool('read', { description: 'Read', inputSchema: { p: z.string() } }, async ({ p }) => ({ content: [{ type: 'text', text: root + p }] }));
}`).map((h) => h.name)).toEqual(['read']);
    const unit = unitOf(`${SDK}
export const tool = (name, description, cb) => server.registerTool(name, { description, inputSchema: {} }, async (args) => {
  try { return await cb(args); } catch (e) { return { content: [{ type: 'text', text: e.message }] }; }
});`);
    expect(getToolHandlers(unit)).toEqual([]);
    expect(getDescriptionSites(unit)).toEqual([]);
    expect(getRegistrationWrappers(unit).map((w) => w.inner.length)).toEqual([1]);
  });

  it('a shadowing local of the same name is not the wrapper', () => {
    const handlers = handlersOf(`${SDK}
const tool = (name, description, cb) => server.registerTool(name, { description, inputSchema: {} }, cb);
function other(tool) { tool('x', 'y', async () => ({ content: [] })); }
tool('real', 'Real', async () => ({ content: [] }));
`);
    expect(handlers.map((h) => h.name)).toEqual(['real']);
  });
});

describe('a registration wrapper imported from a relative module', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-wrappers-'));
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'tool.ts'), `import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
export let server: McpServer;
export function tool(name: string, description: string, schema: any, cb: (args: any) => Promise<string>) {
  server.registerTool(name, { description, inputSchema: schema }, async (args) => {
    try { return { content: [{ type: 'text', text: await cb(args) }] }; } catch (e) { return { content: [{ type: 'text', text: String(e) }] }; }
  });
}
`);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('each call in the importing file is a tool, registered at the call', () => {
    const file = path.join(dir, 'src', 'server.ts');
    const unit = unitOf(`import { z } from 'zod';
import { tool as defineTool } from './tool.js';
defineTool('read', 'Read a file', { path: z.string() }, async ({ path }) => path);
`, file);
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => h.name)).toEqual(['read']);
    const [read] = handlers;
    if (!read?.handler || !read.via) throw new Error('no handler');
    expect(getUnitOfNode(read.registration)).toBe(unit);
    expect(getUnitOfNode(read.handler)).toBe(unit);
    expect(argumentInputs(read)).toEqual(['0']);
    expect(getUnitOfNode(read.via.wrapper)?.filename).toBe(path.join(dir, 'src', 'tool.ts'));
    expect(describeSites(unit, getDescriptionSites(unit))).toEqual(["tool: 'Read a file'"]);
    // The importing file has no wrapper of its own.
    expect(getRegistrationWrappers(unit)).toEqual([]);
  });
});
