// mcp-framework: the same tool family, answering with a fixed message and logging the error.
import { readdir } from 'node:fs/promises';

import { MCPTool } from 'mcp-framework';

import { limiter } from '../../lib/limits.js';

export default class BackupListTool extends MCPTool<Record<string, never>> {
  name = 'backup_list';
  description = 'List the stored backups.';
  schema = {};

  async execute() {
    await limiter.consume('backup_list');
    try {
      return (await readdir('/var/lib/backup/archives')).join('\n');
    } catch (e) {
      console.error('backup_list failed', e);
      // ok: no-error-leak
      return 'The backups could not be listed.';
    }
  }
}
