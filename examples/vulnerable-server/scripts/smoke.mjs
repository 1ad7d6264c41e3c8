// Smoke test: start the built server over stdio and list its tools (`node scripts/smoke.mjs`).
// Plain JavaScript on purpose: many MCP servers and their scripts are not TypeScript.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const transport = new StdioClientTransport({
  command: 'node',
  args: ['dist/index.js'],
  // ruleid: no-env-outside-config
  env: { WORKSPACE_ROOT: process.env.WORKSPACE_ROOT ?? process.cwd() },
});
const client = new Client({ name: 'smoke', version: '1.0.0' });
await client.connect(transport);
const { tools } = await client.listTools();
console.log(tools.map((tool) => tool.name).join('\n'));
await client.close();
