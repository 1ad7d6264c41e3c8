// mcp-lite: mcp.tool(name, { description, inputSchema, handler }).
import { execFileSync, execSync } from 'node:child_process';

import { McpServer } from 'mcp-lite';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const mcp = new McpServer({ name: 'images', version: '1.0.0', schemaAdapter: (schema) => z.toJSONSchema(schema as z.ZodType) });

mcp.tool('thumbnail', {
  description: 'Make a thumbnail of an image.',
  inputSchema: z.object({ image: z.string() }),
  handler: async ({ image }) => {
    await limiter.consume('thumbnail');
    // ruleid: no-command-injection
    execSync(`convert ${image} -resize 128x128 thumb.png`, { timeout: 30_000 });
    return { content: [{ type: 'text', text: 'Done.' }] };
  },
});

mcp.tool('identify', {
  description: 'Describe an image.',
  inputSchema: z.object({ image: z.string() }),
  handler: async ({ image }) => {
    await limiter.consume('identify');
    // ok: no-command-injection
    const text = execFileSync('identify', ['--', image], { encoding: 'utf8', timeout: 30_000 });
    return { content: [{ type: 'text', text }] };
  },
});
