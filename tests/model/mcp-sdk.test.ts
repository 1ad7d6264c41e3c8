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
});
