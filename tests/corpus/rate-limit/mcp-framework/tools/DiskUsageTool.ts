// mcp-framework: a tool class whose execute() runs `du` with no rate guard.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { MCPTool } from 'mcp-framework';
import { z } from 'zod';

const run = promisify(execFile);

interface DiskUsageInput {
  volume: 'data' | 'logs';
}

// ruleid: require-rate-limit
export default class DiskUsageTool extends MCPTool<DiskUsageInput> {
  name = 'disk_usage';
  description = 'Show how much space a volume uses.';
  schema = { volume: { type: z.enum(['data', 'logs']), description: 'Volume to measure' } };

  async execute(input: DiskUsageInput) {
    const { stdout } = await run('du', ['-sh', `/srv/${input.volume}`], { timeout: 30_000 });
    return stdout.trim();
  }
}
