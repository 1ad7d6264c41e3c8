import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, unitOf } from './helpers.js';

describe('the tool-definition object heuristic', () => {
  it('definition objects in an MCP file (a low-level server dispatching through a table)', () => {
    const unit = unitOf(`import { Server } from '@modelcontextprotocol/sdk/server/index.js';
      import { z } from 'zod';
      const tools = [
        { name: 'read', description: 'Read a file', inputSchema: { type: 'object', properties: { path: { type: 'string', description: 'Path' } } }, handler: async (args) => readFile(args.path) },
        { name: 'mode', description: 'Set mode', schema: z.object({ mode: z.enum(['a', 'b']) }), run: setMode },
      ];
      function setMode({ mode }) { return mode; }`);
    const [read, mode] = getToolHandlers(unit);
    expect(read?.framework).toBe('generic');
    expect(read?.kind).toBe('tool');
    expect(read?.name).toBe('read');
    expect(read?.registration.type).toBe('ObjectExpression');
    expect(read?.handler?.type).toBe('ArrowFunctionExpression');
    expect(argumentInputs(read)).toEqual(['0']);
    expect(read?.inputSchema?.validated).toBe(false);
    expect(fieldsOf(read)).toEqual([['path', 'string']]);
    expect(describeSites(unit, read?.descriptions ?? [])).toEqual(["tool: 'Read a file'", "parameter: 'Path'"]);
    expect(read?.resultStyle).toBe('raw-value');
    expect(mode?.handler?.type).toBe('FunctionDeclaration');
    expect(fieldsOf(mode)).toEqual([['mode', 'enum']]);
  });

  it('without an MCP import: a definition with MCP tool annotations (a compiled factory’s execute) counts', () => {
    const unit = unitOf(`import * as z from 'zod';
      const READ_ONLY = { readOnlyHint: true, destructiveHint: false };
      export function createReadNoteTool(runtime) {
        return { name: 'read_note', title: 'Read', description: 'Read a note', inputSchema: z.object({ path: z.string() }).strict(), annotations: READ_ONLY,
          execute: async ({ path }) => runtime.read(path) };
      }`);
    const [read] = getToolHandlers(unit);
    expect(read?.framework).toBe('generic');
    expect(read?.name).toBe('read_note');
    expect(argumentInputs(read)).toEqual(['0']);
    expect(fieldsOf(read)).toEqual([['path', 'string']]);
    // No MCP hint in the annotations, or no inputSchema (the AI SDK's and OpenAI agents' shapes): not a tool.
    expect(handlersOf(`import * as z from 'zod';
      export const t = { name: 'read_note', description: 'Read a note', inputSchema: z.object({ path: z.string() }), annotations: { audience: ['user'] }, execute: async ({ path }) => read(path) };
      export const u = { name: 'read_note', description: 'Read a note', parameters: z.object({ path: z.string() }), annotations: { readOnlyHint: true }, execute: async ({ path }) => read(path) };`)).toEqual([]);
  });

  it('without an MCP import: the MCP-wire shape (inputSchema + handler) counts, and so does a registration helper argument', () => {
    expect(handlersOf("export const echo = { name: 'echo', description: 'Echo', inputSchema: { type: 'object' }, handler: async (a) => a };")).toHaveLength(1);
    expect(handlersOf("createMcpTool(server, { name: 'x', description: 'X', parameters: s, execute: async (a) => a });")).toHaveLength(1);
    expect(handlersOf("registerTools(server, [{ name: 'x', description: 'X', schema: s, fn: async (a) => a }]);")).toHaveLength(1);
  });

  it('non-MCP tool objects are not tools: AI SDK, OpenAI agents, LangChain, plain data', () => {
    expect(handlersOf("import { tool } from '@openai/agents';\nexport const t = tool({ name: 'x', description: 'X', parameters: s, execute: async (a) => a });")).toEqual([]);
    expect(handlersOf("import { DynamicStructuredTool } from '@langchain/core/tools';\nnew DynamicStructuredTool({ name: 'x', description: 'X', schema: s, func: async (a) => a });")).toEqual([]);
    expect(handlersOf("const openAiFunctions = [{ name: 'x', description: 'X', parameters: { type: 'object' }, strict: true }];")).toEqual([]);
    expect(handlersOf("const route = { name: 'x', description: 'X', schema: s, handler: 'not a function' };")).toEqual([]);
  });
});
