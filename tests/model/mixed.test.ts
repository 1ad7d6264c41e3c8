import { describe, expect, it } from 'vitest';

import { getDescriptionSites, getToolHandlers } from '../../src/model/index.js';
import { describeSites, unitOf } from './helpers.js';

/** One large file mixing every registration style the model knows, plus non-MCP code that looks similar. */
const MIXED = `
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { FastMCP } from 'fastmcp';
import { createTool } from '@mastra/core/tools';
import { tool as aiTool } from 'ai';
import { tool as lcTool } from '@langchain/core/tools';
import express from 'express';
import { z } from 'zod';

const mcp = new McpServer({ name: 'kitchen-sink', version: '1.0.0' }, { instructions: 'Prefer read-only tools.' });

mcp.registerTool('read_file', { description: 'Read a file', inputSchema: { path: z.string().describe('Path') } },
  async ({ path }) => ({ content: [{ type: 'text', text: await fs.readFile(path, 'utf8') }] }));

mcp.tool('now', 'Current time', async () => ({ content: [{ type: 'text', text: new Date().toISOString() }] }));

mcp.registerResource('user', new ResourceTemplate('users://{id}', { list: undefined }), { description: 'A user' },
  async (uri, { id }) => ({ contents: [] }));

mcp.registerPrompt('review', { description: 'Review code', argsSchema: { code: z.string() } },
  ({ code }) => ({ messages: [] }));

const REGISTRY = [
  { name: 'grep', description: 'Search files', inputSchema: { pattern: z.string() }, handler: async ({ pattern }) => ({ content: [] }) },
  { name: 'ls', description: 'List files', inputSchema: { dir: z.string() }, handler: listFiles },
];
async function listFiles({ dir }) { return { content: [] }; }
for (const t of REGISTRY) mcp.registerTool(t.name, { description: t.description, inputSchema: t.inputSchema }, t.handler);

const low = new Server({ name: 'low', version: '1' }, { capabilities: { tools: {} } });
low.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [{ name: 'exec', description: 'Run a command', inputSchema: { type: 'object' } }] }));
low.setRequestHandler(CallToolRequestSchema, async (request) => ({ content: [] }));

const fast = new FastMCP({ name: 'fast', version: '1.0.0' });
fast.addTool({ name: 'fetch', description: 'Fetch a URL', parameters: z.object({ url: z.string() }), execute: async (args) => fetch(args.url) });

export const weather = createTool({ id: 'weather', description: 'Weather', inputSchema: z.object({ city: z.string() }), execute: async (input) => input.city });

export const homegrown = { name: 'stat', description: 'Stat a file', inputSchema: { file: z.string() }, handler: async ({ file }) => ({ content: [] }) };

const chatTool = aiTool({ description: 'Chat-side tool', inputSchema: z.object({ q: z.string() }), execute: async ({ q }) => q });

const lc = lcTool(async ({ q }) => q, { name: 'lc', description: 'LangChain tool', schema: z.object({ q: z.string() }) });
const app = express();
app.get('/tool', (req, res) => res.send(req.query.q));
app.post('/register', (req, res) => registry.tool(req.body.name, req.body));
const cart = { name: 'cart', description: 'A cart', items: [], total: () => 0 };
`;

describe('a file mixing every style', () => {
  it('yields exactly the expected handlers', () => {
    const unit = unitOf(MIXED, '/srv/src/server.ts');
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => `${h.framework}:${h.kind}:${h.name ?? '?'}`)).toEqual([
      'mcp-sdk:tool:read_file',
      'mcp-sdk:tool:now',
      'mcp-sdk:resource-template:user',
      'mcp-sdk:prompt:review',
      'mcp-sdk:tool:grep',
      'mcp-sdk:tool:ls',
      'mcp-sdk-low-level:tool:?',
      'fastmcp:tool:fetch',
      'mastra:tool:weather',
      'generic:tool:stat',
      // An AI SDK tool() in an MCP server file is taken to be served by it (see mastra.ts).
      'generic:tool:?',
    ]);
    expect(handlers.every((h) => h.handler !== null)).toBe(true);
  });

  it('lists every description once, including the instructions and the low-level tool list', () => {
    const unit = unitOf(MIXED, '/srv/src/server2.ts');
    expect(describeSites(unit, getDescriptionSites(unit))).toEqual([
      "tool: 'Read a file'",
      "parameter: 'Path'",
      "tool: 'Current time'",
      "resource: 'A user'",
      "prompt: 'Review code'",
      "tool: 'Search files'",
      "tool: 'List files'",
      "tool: 'Fetch a URL'",
      "tool: 'Weather'",
      "tool: 'Stat a file'",
      "tool: 'Chat-side tool'",
      "instructions: 'Prefer read-only tools.'",
      "tool-list: 'Run a command'",
    ]);
  });
});
