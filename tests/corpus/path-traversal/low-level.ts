// The low-level Server: arguments arrive unvalidated; a zod parse keeps string fields tainted and
// makes enum fields safe.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const EXPORT_DIR = '/var/exports';
const ExportArgs = z.object({ name: z.string(), format: z.enum(['csv', 'json']) });
const server = new Server({ name: 'exports', version: '0.3.0' }, { capabilities: { tools: {} } });

// ruleid: require-input-schema
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  if (request.params.name === 'read_export') {
    const { name, format } = ExportArgs.parse(request.params.arguments);
    // ruleid: no-path-traversal
    const text = await readFile(path.join(EXPORT_DIR, `${name}.${format}`), 'utf8');
    return { content: [{ type: 'text', text }] };
  }
  if (request.params.name === 'latest_export') {
    const { format } = ExportArgs.pick({ format: true }).parse(request.params.arguments);
    // todook: no-path-traversal
    const text = await readFile(path.join(EXPORT_DIR, `latest.${format}`), 'utf8');
    return { content: [{ type: 'text', text }] };
  }
  if (request.params.name === 'save_export') {
    const target = String(request.params.arguments?.target);
    // ruleid: no-path-traversal
    await writeFile(target, 'id,name\n');
    return { content: [{ type: 'text', text: 'Saved.' }] };
  }
  return { content: [{ type: 'text', text: 'Unknown tool.' }], isError: true };
});
