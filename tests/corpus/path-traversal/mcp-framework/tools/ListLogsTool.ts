// mcp-framework: the directory is one of a fixed set.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { MCPTool } from 'mcp-framework';
import { z } from 'zod';

import { limiter } from '../../lib/limits.js';

const LOG_DIR = '/var/log/widgets';

interface ListLogsInput {
  service: 'api' | 'worker';
}

export default class ListLogsTool extends MCPTool<ListLogsInput> {
  name = 'list_logs';
  description = 'List the log files of a service.';
  schema = { service: { type: z.enum(['api', 'worker']), description: 'Service' } };

  async execute(input: ListLogsInput) {
    await limiter.consume(this.name);
    // ok: no-path-traversal
    return (await readdir(path.join(LOG_DIR, input.service))).join('\n');
  }
}
