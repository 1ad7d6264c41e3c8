// mcp-framework: whatever execute() returns is serialised into the result.
import { readFile } from 'node:fs/promises';

import { MCPTool } from 'mcp-framework';
import { z } from 'zod';

import { limiter } from '../../lib/limits.js';

const STATUS_FILES = { nightly: '/var/lib/backup/nightly.json', weekly: '/var/lib/backup/weekly.json' } as const;

interface BackupStatusInput {
  job: 'nightly' | 'weekly';
}

export default class BackupStatusTool extends MCPTool<BackupStatusInput> {
  name = 'backup_status';
  description = 'Show the status of a backup job.';
  schema = { job: { type: z.enum(['nightly', 'weekly']), description: 'Backup job' } };

  async execute(input: BackupStatusInput) {
    await limiter.consume(`backup_status:${input.job}`);
    try {
      const status = JSON.parse(await readFile(STATUS_FILES[input.job], 'utf8')) as { state: string };
      return { job: input.job, state: status.state };
    } catch (e) {
      // ruleid: no-error-leak
      return { job: input.job, state: 'unknown', error: String(e) };
    }
  }
}
