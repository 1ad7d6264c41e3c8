import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, onlyHandler, unitOf } from './helpers.js';

const IMPORTS = `import { McpServer } from 'tmcp';
import { ZodJsonSchemaAdapter } from '@tmcp/adapter-zod';
import { tool } from 'tmcp/utils';
import { z } from 'zod';
const server = new McpServer({ name: 's', version: '1' }, { adapter: new ZodJsonSchemaAdapter(), capabilities: { tools: {} } });
`;

describe('tmcp', () => {
  it('server.tool({ name, description, schema }, execute): param 0 is the validated input', () => {
    const unit = unitOf(`${IMPORTS}
      server.tool(
        { name: 'calc', description: 'Do math', schema: z.object({ op: z.enum(['add', 'sub']), a: z.number(), b: z.number().describe('Second operand') }) },
        async ({ op, a, b }) => tool.text(String(op === 'add' ? a + b : a - b)),
      );`);
    const [calc] = getToolHandlers(unit);
    expect(calc?.framework).toBe('tmcp');
    expect(calc?.kind).toBe('tool');
    expect(calc?.name).toBe('calc');
    expect(calc?.handler?.type).toBe('ArrowFunctionExpression');
    expect(argumentInputs(calc)).toEqual(['0']);
    expect(fieldsOf(calc)).toEqual([['op', 'enum'], ['a', 'number'], ['b', 'number']]);
    expect(describeSites(unit, calc?.descriptions ?? [])).toEqual(["tool: 'Do math'", "parameter: 'Second operand'"]);
    expect(calc?.resultStyle).toBe('call-tool-result');
  });

  it('a tool without a schema gets no input', () => {
    expect(onlyHandler(`${IMPORTS} server.tool({ name: 'ping', description: 'Ping' }, () => tool.text('pong'));`).inputs).toEqual([]);
  });

  it('defineTool(...) is the registration; server.tool(def) and server.tools([...]) add nothing', () => {
    const handlers = handlersOf(`import { defineTool } from 'tmcp/tool';
      import { McpServer } from 'tmcp';
      import * as v from 'valibot';
      export const validate = defineTool(
        { name: 'validate', description: 'Validate a config', schema: v.object({ config: v.optional(v.string(), './x.json'), level: v.picklist(['a', 'b']) }) },
        async ({ config }) => ({ content: [{ type: 'text', text: config }] }),
      );
      server.tool(validate);
      server.tools([validate]);`);
    expect(handlers).toHaveLength(1);
    expect(handlers[0]?.registration.type).toBe('CallExpression');
    expect(handlers[0]?.name).toBe('validate');
    expect(fieldsOf(handlers[0])).toEqual([['config', 'string'], ['level', 'enum']]);
  });

  it('template(cfg, (uri, params) => …): the URI and params are input; resource(cfg, (uri) => …) has none', () => {
    const [template, resource, prompt] = handlersOf(`${IMPORTS}
      server.template({ name: 'user', description: 'A user', uri: 'users/{id}', complete: { id: () => [] } }, async (uri, params) => ({ contents: [] }));
      server.resource({ name: 'readme', description: 'Readme', uri: 'file:///readme' }, async (uri) => ({ contents: [] }));
      server.prompt({ name: 'review', description: 'Review', schema: z.object({ code: z.string() }) }, async ({ code }) => ({ messages: [] }));`);
    expect(template?.kind).toBe('resource-template');
    expect(argumentInputs(template)).toEqual(['0', '1']);
    expect(template?.descriptions.map((d) => d.role)).toEqual(['resource']);
    expect(resource?.kind).toBe('resource');
    expect(resource?.inputs).toEqual([]);
    expect(prompt?.kind).toBe('prompt');
    expect(argumentInputs(prompt)).toEqual(['0']);
  });

  it('defineTool from another package, and tool({...}, fn) in a file with no MCP import and a non-tool shape, are ignored', () => {
    expect(handlersOf("import { defineTool } from 'genkit';\ndefineTool({ name: 'x', description: 'y' }, async (i) => i);")).toEqual([]);
    expect(handlersOf("router.tool({ path: '/x' }, (req) => req.body);")).toEqual([]);
  });

  it('the object-first shape without a tmcp import, in an MCP file, is reported as generic', () => {
    const tool = onlyHandler("import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nexport function register(server: any) { server.tool({ name: 'x', description: 'X', schema: s }, async (input) => input); }");
    expect(tool.framework).toBe('generic');
    expect(argumentInputs(tool)).toEqual(['0']);
  });
});
