import { describe, expect, it } from 'vitest';

import { sitesOf } from './helpers.js';

describe('getDescriptionSites: server instructions', () => {
  it.each([
    ["import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';", "new McpServer({ name: 'x', version: '1' }, { instructions: INSTRUCTIONS })", 'INSTRUCTIONS'],
    ["import { Server } from '@modelcontextprotocol/sdk/server/index.js';", "new Server({ name: 'x', version: '1' }, { capabilities: { tools: {} }, instructions: 'Use read before write.' })", "'Use read before write.'"],
    ["import { FastMCP } from 'fastmcp';", "new FastMCP({ name: 'x', version: '1.0.0', instructions: `Call ${'search'} first.` })", "`Call ${'search'} first.`"],
    ["import { createMcpHandler } from 'mcp-handler';", "createMcpHandler((server) => {}, { instructions: 'Be brief.' }, { basePath: '/api' })", "'Be brief.'"],
  ])('%s', (imports, construct, text) => {
    expect(sitesOf(`${imports}\nconst INSTRUCTIONS = 'x';\nconst s = ${construct};`).sites).toEqual([`instructions: ${text}`]);
  });

  it('a Server of another module (node:http) has no instructions', () => {
    expect(sitesOf("import { Server } from 'node:http';\nimport { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nnew Server({ instructions: 'x' });").sites).toEqual([]);
  });
});

describe('getDescriptionSites: low-level list results', () => {
  const IMPORTS = "import { Server } from '@modelcontextprotocol/sdk/server/index.js';\nimport { ListToolsRequestSchema, ListPromptsRequestSchema, CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';\n";

  it('tools returned inline, with JSON Schema parameter descriptions', () => {
    const { sites } = sitesOf(`${IMPORTS}
      server.setRequestHandler(ListToolsRequestSchema, async () => ({
        tools: [{
          name: 'read', description: 'Read a file', inputSchema: { type: 'object', properties: { path: { type: 'string', description: 'Path to read' } }, required: ['path'] },
        }],
      }));`);
    expect(sites).toEqual(["tool-list: 'Read a file'", "parameter: 'Path to read'"]);
  });

  it("a TOOLS constant referenced from a block body, v2 'tools/list', zodToJsonSchema arguments", () => {
    const { sites } = sitesOf(`${IMPORTS}
      const ReadArgs = z.object({ path: z.string().describe('File path') });
      const TOOLS = [
        { name: 'read', description: 'Read ' + 'a file', inputSchema: zodToJsonSchema(ReadArgs) },
        { name: 'list', title: 'Lister', description: DESCRIPTIONS.list, inputSchema: { type: 'object', properties: {} } },
      ];
      server.setRequestHandler('tools/list', async (request) => {
        if (!ready) return { tools: [] };
        return { tools: TOOLS };
      });`);
    expect(sites).toEqual(["tool-list: 'Read ' + 'a file'", "parameter: 'File path'", 'tool-list: DESCRIPTIONS.list', "title: 'Lister'"]);
  });

  it('tools built with .map over a list, and the prompt list', () => {
    const { sites } = sitesOf(`${IMPORTS}
      const DEFS = [{ name: 'a', description: 'Tool A', inputSchema: {} }];
      server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: DEFS.map((d) => ({ name: d.name, description: d.description, inputSchema: d.inputSchema })) }));
      server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: [{ name: 'p', description: 'A prompt', arguments: [{ name: 'code', description: 'The code', required: true }] }] }));`);
    expect(sites).toEqual(["tool-list: 'Tool A'", "prompt: 'A prompt'", "parameter: 'The code'"]);
  });

  it('a definition object that is both a handler and a list entry is listed once, as the handler’s', () => {
    const { sites } = sitesOf(`${IMPORTS}
      const TOOLS = [{ name: 'read', description: 'Read', inputSchema: { type: 'object' }, handler: async (args) => ({ content: [] }) }];
      server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: TOOLS.map(({ handler, ...tool }) => tool) }));
      server.setRequestHandler(CallToolRequestSchema, async (request) => TOOLS.find((t) => t.name === request.params.name).handler(request.params.arguments));`);
    expect(sites).toEqual(["tool: 'Read'"]);
  });

  it('setRequestHandler for another request, or with a schema of another package, is not a list', () => {
    expect(sitesOf(`${IMPORTS}
      import { ListToolsRequestSchema as Other } from './schemas.js';
      server.setRequestHandler(Other, async () => ({ tools: [{ name: 'x', description: 'X' }] }));
      server.setRequestHandler('resources/read', async () => ({ tools: [{ name: 'x', description: 'Y' }] }));`).sites).toEqual([]);
  });
});
