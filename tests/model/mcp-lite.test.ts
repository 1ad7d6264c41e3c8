import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, onlyHandler, unitOf } from './helpers.js';

const IMPORTS = "import { McpServer } from 'mcp-lite';\nimport { z } from 'zod';\nconst server = new McpServer({ name: 'x', version: '1.0.0', schemaAdapter: (s) => z.toJSONSchema(s) });\n";

describe('mcp-lite', () => {
  it("tool('echo', { description, inputSchema, handler }): handler param 0 is the input", () => {
    const unit = unitOf(`${IMPORTS}
      server.tool('echo', {
        description: 'Echo text',
        inputSchema: z.object({ msg: z.string().describe('Message') }),
        handler: (args, ctx) => ({ content: [{ type: 'text', text: args.msg }] }),
      });`);
    const [tool] = getToolHandlers(unit);
    expect(tool?.framework).toBe('mcp-lite');
    expect(tool?.kind).toBe('tool');
    expect(tool?.name).toBe('echo');
    expect(tool?.handler?.type).toBe('ArrowFunctionExpression');
    expect(argumentInputs(tool)).toEqual(['0']);
    expect(tool?.inputSchema?.validated).toBe(true);
    expect(fieldsOf(tool)).toEqual([['msg', 'string']]);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Echo text'", "parameter: 'Message'"]);
  });

  it('a plain JSON Schema is advertised, not validated', () => {
    const tool = onlyHandler(`${IMPORTS}
      server.tool('add', { description: 'Add', inputSchema: { type: 'object', properties: { a: { type: 'number', description: 'First' } } }, handler: (args) => ({ content: [] }) });`);
    expect(tool.inputSchema?.validated).toBe(false);
    expect(fieldsOf(tool)).toEqual([['a', 'number']]);
  });

  it('resource(uri, meta, cb): a template when the URI has {…}; the URI and variables are input', () => {
    const [template, fixed] = handlersOf(`${IMPORTS}
      server.resource('github://repos/{owner}/{repo}', { description: 'Repo' }, async (uri, { owner, repo }) => ({ contents: [{ uri: uri.href, text: owner + '/' + repo }] }));
      server.resource('config://app', { description: 'Config', mimeType: 'application/json' }, async (uri) => ({ contents: [] }));`);
    expect(template?.framework).toBe('mcp-lite');
    expect(template?.kind).toBe('resource-template');
    expect(template?.name).toBe('github://repos/{owner}/{repo}');
    expect(argumentInputs(template)).toEqual(['0', '1']);
    expect(fixed?.kind).toBe('resource');
    expect(fixed?.inputs).toEqual([]);
  });

  it('chained registrations are each recognised', () => {
    const handlers = handlersOf(`${IMPORTS}
      server.tool('a', { description: 'A', handler: () => ({ content: [] }) }).tool('b', { description: 'B', handler: () => ({ content: [] }) });`);
    expect(handlers.map((h) => h.name).sort()).toEqual(['a', 'b']);
  });

  it('not the SDK: the same .tool() in an SDK file stays with mcp-lite only for the { handler } shape', () => {
    const handlers = handlersOf(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
      server.tool('sdk', 'SDK tool', { q: z.string() }, async ({ q }) => ({ content: [] }));
      server.tool('lite', { description: 'Lite', inputSchema: s, handler: async (args) => ({ content: [] }) });`);
    expect(handlers.map((h) => `${h.name}:${h.framework}`)).toEqual(['sdk:mcp-sdk', 'lite:mcp-lite']);
  });
});
