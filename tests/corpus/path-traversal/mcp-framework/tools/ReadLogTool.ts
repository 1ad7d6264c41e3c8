// mcp-framework: a log reader with a prefix check that forgets the separator.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { MCPTool } from 'mcp-framework';
import { z } from 'zod';

import { limiter } from '../../lib/limits.js';

const LOG_DIR = '/var/log/widgets';

interface ReadLogInput {
  file: string;
}

export default class ReadLogTool extends MCPTool<ReadLogInput> {
  name = 'read_log';
  description = 'Read a log file.';
  schema = { file: { type: z.string(), description: 'Log file name' } };

  async execute(input: ReadLogInput) {
    await limiter.consume(this.name);
    const full = path.resolve(LOG_DIR, input.file);
    // ruleid: no-path-traversal
    if (!full.startsWith(LOG_DIR)) return 'Not a log file.';
    // ok: no-path-traversal
    return readFile(full, 'utf8');
  }
}
