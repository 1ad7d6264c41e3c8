import { describe, expect, it } from 'vitest';

import { getDescriptionSites, getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, textOf, unitOf } from './helpers.js';

const IMPORTS = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";
const TOOLS = `const TOOLS = [
  { name: 'read', description: 'Read a file', schema: { path: z.string().describe('File path') }, handler: async ({ path }) => ({ content: [] }) },
  { name: 'mode', description: 'Set the mode', schema: { mode: z.enum(['a', 'b']) }, handler: setMode },
];
async function setMode({ mode }) { return { content: [] }; }
`;

describe('registries and loops', () => {
  it('for…of over a const array: one handler per element, from the element', () => {
    const unit = unitOf(`${IMPORTS}${TOOLS}
      for (const t of TOOLS) server.registerTool(t.name, { description: t.description, inputSchema: t.schema }, t.handler);`);
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => `${h.framework}:${h.name}`)).toEqual(['mcp-sdk:read', 'mcp-sdk:mode']);
    const [read, mode] = handlers;
    expect(read?.registration.type).toBe('ObjectExpression');
    expect(textOf(unit, read?.registration)).toContain("name: 'read'");
    expect(textOf(unit, read?.nameNode)).toBe("'read'");
    expect(read?.handler?.type).toBe('ArrowFunctionExpression');
    expect(mode?.handler?.type).toBe('FunctionDeclaration');
    expect(argumentInputs(read)).toEqual(['0']);
    expect(fieldsOf(read)).toEqual([['path', 'string']]);
    expect(fieldsOf(mode)).toEqual([['mode', 'enum']]);
    expect(describeSites(unit, read?.descriptions ?? [])).toEqual(["tool: 'Read a file'", "parameter: 'File path'"]);
    // The elements are also definition objects: owned by the loop, so not reported a second time.
    expect(describeSites(unit, getDescriptionSites(unit))).toEqual(["tool: 'Read a file'", "parameter: 'File path'", "tool: 'Set the mode'"]);
  });

  it('TOOLS.forEach((t) => server.tool(t.name, t.description, t.schema, t.handler))', () => {
    const handlers = handlersOf(`${IMPORTS}${TOOLS}
      TOOLS.forEach((t) => server.tool(t.name, t.description, t.schema, t.handler));`);
    expect(handlers.map((h) => h.name)).toEqual(['read', 'mode']);
    expect(handlers.every((h) => h.inputSchema !== null && h.descriptions[0]?.role === 'tool')).toBe(true);
  });

  it('Object.entries(map) with a destructured pair: the key is the name', () => {
    const unit = unitOf(`${IMPORTS}
      const handlers = {
        search: { description: 'Search', schema: { q: z.string() }, run: async ({ q }) => ({ content: [] }) },
        'fetch-page': { description: 'Fetch', schema: { url: z.string() }, run: fetchPage },
      };
      function fetchPage({ url }) { return { content: [] }; }
      Object.entries(handlers).forEach(([name, def]) => {
        server.registerTool(name, { description: def.description, inputSchema: def.schema }, def.run);
      });`);
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => h.name)).toEqual(['search', 'fetch-page']);
    expect(handlers.map((h) => textOf(unit, h.nameNode))).toEqual(['search', "'fetch-page'"]);
    expect(handlers.map((h) => h.handler?.type)).toEqual(['ArrowFunctionExpression', 'FunctionDeclaration']);
  });

  it('destructuring inside the loop body, spreads, and for…of over Object.values', () => {
    const unit = unitOf(`${IMPORTS}
      const BASE = [{ name: 'a', description: 'A', schema: { x: z.string() }, handler: async () => ({ content: [] }) }];
      const ALL = [...BASE, { name: 'b', description: 'B', schema: { y: z.number() }, handler: async () => ({ content: [] }) }];
      for (const tool of ALL) {
        const { name, description, schema, handler } = tool;
        server.registerTool(name, { description, inputSchema: schema }, handler);
      }
      const MAP = { c: { name: 'c', description: 'C', schema: {}, handler: async () => ({ content: [] }) } };
      for (const def of Object.values(MAP)) server.registerTool(def.name, { description: def.description, inputSchema: def.schema }, def.handler);`);
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => h.name)).toEqual(['a', 'b', 'c']);
    expect(handlers.map((h) => describeSites(unit, h.descriptions)[0])).toEqual(["tool: 'A'", "tool: 'B'", "tool: 'C'"]);
    expect(handlers.map((h) => fieldsOf(h).map(([f]) => f).join())).toEqual(['x', 'y', '']);
  });

  it('for…of over Object.entries with a destructured pair', () => {
    const handlers = handlersOf(`${IMPORTS}
      const MAP = { alpha: { d: 'Alpha', h: async () => ({ content: [] }) }, beta: { d: 'Beta', h: async () => ({ content: [] }) } };
      for (const [key, { d, h }] of Object.entries(MAP)) server.tool(key, d, h);`);
    expect(handlers.map((h) => `${h.name}:${h.handler?.type}:${h.inputSchema === null}`)).toEqual(['alpha:ArrowFunctionExpression:true', 'beta:ArrowFunctionExpression:true']);
  });

  it('an iterable that cannot be resolved: the call is recognised once, as written', () => {
    const [tool, ...rest] = handlersOf(`${IMPORTS}
      export function registerAll(server, tools) {
        for (const t of tools) server.registerTool(t.name, t.config, t.handler);
      }`);
    expect(rest).toEqual([]);
    expect(tool?.name).toBeNull();
    expect(tool?.handler).toBeNull();
    expect(argumentInputs(tool)).toEqual(['0']);
  });

  it('a loop whose variable the registration does not read is not a registry', () => {
    const handlers = handlersOf(`${IMPORTS}
      for (const server of [a, b]) server.registerTool('ping', { description: 'Ping' }, async () => ({ content: [] }));`);
    expect(handlers).toHaveLength(1);
    expect(handlers[0]?.registration.type).toBe('CallExpression');
  });

  it('FastMCP addTool(t) in a loop', () => {
    const handlers = handlersOf(`import { FastMCP } from 'fastmcp';
      const defs = [{ name: 'x', description: 'X', parameters: p, execute: async (a) => a }, { name: 'y', description: 'Y', execute: async () => 'y' }];
      for (const d of defs) server.addTool(d);`);
    expect(handlers.map((h) => `${h.framework}:${h.name}:${argumentInputs(h).join()}`)).toEqual(['fastmcp:x:0', 'fastmcp:y:']);
  });

  it('any registration name of a recognizer counts inside a loop: tmcp defineTool in a map over definitions', () => {
    const handlers = handlersOf(`import { defineTool } from 'tmcp/tool';
      import * as v from 'valibot';
      const DEFS = [
        { name: 'read', description: 'Read a file', schema: v.object({ path: v.string() }), run: async ({ path }) => ({ content: [] }) },
        { name: 'list', description: 'List a folder', schema: v.object({ dir: v.string() }), run: async ({ dir }) => ({ content: [] }) },
      ];
      export const tools = DEFS.map((d) => defineTool({ name: d.name, description: d.description, schema: d.schema }, d.run));`);
    expect(handlers.map((h) => `${h.framework}:${h.name}`)).toEqual(['tmcp:read', 'tmcp:list']);
    expect(handlers.map((h) => fieldsOf(h))).toEqual([[['path', 'string']], [['dir', 'string']]]);
  });
});
