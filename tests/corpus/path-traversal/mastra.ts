// Mastra createTool: a report agent's file tools.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { createTool } from '@mastra/core/tools';
import { MCPServer } from '@mastra/mcp';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const REPORTS = '/srv/reports';

export const saveReport = createTool({
  id: 'save-report',
  description: 'Save a report.',
  inputSchema: z.object({ title: z.string(), body: z.string() }),
  execute: async ({ title, body }) => {
    await limiter.consume('save-report');
    // ruleid: no-path-traversal
    await writeFile(path.join(REPORTS, title + '.md'), body);
    return { saved: true };
  },
});

export const loadReport = createTool({
  id: 'load-report',
  description: 'Load a report.',
  inputSchema: z.object({ title: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _-]*$/) }),
  execute: async ({ title }) => {
    await limiter.consume('load-report');
    // One safe segment under the root, but never realpath'ed (strict).
    // todoruleid: no-path-traversal
    return { body: await readFile(path.join(REPORTS, `${title}.md`), 'utf8') };
  },
});

export const server = new MCPServer({ name: 'reports', version: '1.0.0', tools: { saveReport, loadReport } });
