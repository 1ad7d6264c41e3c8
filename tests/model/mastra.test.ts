import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, onlyHandler, unitOf } from './helpers.js';

const IMPORTS = "import { createTool } from '@mastra/core/tools';\nimport { z } from 'zod';\n";

describe('Mastra createTool', () => {
  it('v1: execute(inputData, context): param 0 is the input', () => {
    const unit = unitOf(`${IMPORTS}
      export const weather = createTool({
        id: 'get-weather',
        description: 'Current weather for a city',
        inputSchema: z.object({ city: z.string().describe('City name') }),
        outputSchema: z.object({ temp: z.number() }),
        execute: async (inputData, context) => getTemp(inputData.city),
      });`);
    const [tool] = getToolHandlers(unit);
    expect(tool?.framework).toBe('mastra');
    expect(tool?.kind).toBe('tool');
    expect(tool?.name).toBe('get-weather');
    expect(tool?.handler?.type).toBe('ArrowFunctionExpression');
    expect(tool?.inputs).toEqual([{ param: 0, path: [], origin: 'arguments' }]);
    expect(fieldsOf(tool)).toEqual([['city', 'string']]);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Current weather for a city'", "parameter: 'City name'"]);
    expect(tool?.resultStyle).toBe('raw-value');
  });

  it('pre-v1: execute({ context }): the input is the context property of param 0', () => {
    const tool = onlyHandler(`import { createTool } from '@mastra/core';
      const t = createTool({ id: 'w', description: 'W', inputSchema: s, execute: async ({ context, runtimeContext }) => getTemp(context.city) });`);
    expect(argumentInputs(tool)).toEqual(['0.context']);
  });

  it('pre-v1 read through the parameter (args.context), and a v1 destructured input', () => {
    const [old, v1] = handlersOf(`${IMPORTS}
      createTool({ id: 'a', description: 'A', inputSchema: s, execute: async (args) => run(args.context.cmd) });
      createTool({ id: 'b', description: 'B', inputSchema: s, execute: async ({ cmd }, { mastra }) => run(cmd) });`);
    expect(argumentInputs(old)).toEqual(['0.context']);
    expect(argumentInputs(v1)).toEqual(['0']);
  });

  it('createTool from another package is not Mastra', () => {
    expect(handlersOf("import { createTool } from './my-tools';\ncreateTool({ id: 'x', description: 'y', execute: async (a) => a });")).toEqual([]);
  });
});

describe('Vercel AI SDK tool()', () => {
  const TOOL = "tool({ description: 'Run a query', inputSchema: z.object({ sql: z.string() }), execute: async ({ sql }) => db.query(sql) })";

  it('is an MCP tool in a Mastra MCPServer file (named by its key)', () => {
    const tool = onlyHandler(`import { tool } from 'ai';
      import { MCPServer } from '@mastra/mcp';
      export const mcp = new MCPServer({ name: 'db', version: '1.0.0', tools: { query: ${TOOL} } });`);
    expect(tool.framework).toBe('mastra');
    expect(tool.name).toBe('query');
    expect(argumentInputs(tool)).toEqual(['0']);
  });

  it('is generic in another MCP server file', () => {
    expect(onlyHandler(`import { tool } from 'ai';\nimport { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nconst t = ${TOOL};`).framework).toBe('generic');
  });

  it('is not an MCP tool in a chat app, even one that uses an MCP client', () => {
    expect(handlersOf(`import { tool, streamText } from 'ai';\nconst tools = { query: ${TOOL} };`)).toEqual([]);
    expect(handlersOf(`import { tool } from 'ai';\nimport { Client } from '@modelcontextprotocol/sdk/client/index.js';\nconst tools = { query: ${TOOL} };`)).toEqual([]);
    expect(handlersOf(`import { tool } from 'ai';\nimport { MCPClient } from '@mastra/mcp';\nconst tools = { query: ${TOOL} };`)).toEqual([]);
  });
});
