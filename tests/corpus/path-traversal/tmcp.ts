// tmcp: server.tool({ name, description, schema }, execute), validated by the zod adapter.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ZodJsonSchemaAdapter } from '@tmcp/adapter-zod';
import { McpServer } from 'tmcp';
import { tool } from 'tmcp/utils';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const THEMES = '/srv/themes';
const server = new McpServer({ name: 'themes', version: '1.0.0' }, { adapter: new ZodJsonSchemaAdapter(), capabilities: { tools: {} } });

server.tool({ name: 'read_theme', description: 'Read a theme file.', schema: z.object({ file: z.string() }) }, async ({ file }) => {
  await limiter.consume('read_theme');
  // ruleid: no-path-traversal
  return tool.text(await readFile(path.resolve(THEMES, file), 'utf8'));
});

server.tool({ name: 'read_palette', description: 'Read a palette.', schema: z.object({ palette: z.enum(['light', 'dark']) }) }, async ({ palette }) => {
  await limiter.consume('read_palette');
  // ok: no-path-traversal
  return tool.text(await readFile(path.join(THEMES, 'palettes', `${palette}.json`), 'utf8'));
});
