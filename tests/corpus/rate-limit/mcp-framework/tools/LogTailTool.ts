// mcp-framework: the limiter (the `limiter` package) is a field of the tool class.
import { readFile } from 'node:fs/promises';

import { RateLimiter } from 'limiter';
import { MCPTool } from 'mcp-framework';
import { z } from 'zod';

interface LogTailInput {
  lines: number;
}

// ok: require-rate-limit
export default class LogTailTool extends MCPTool<LogTailInput> {
  name = 'log_tail';
  description = 'Show the last lines of the service log.';
  schema = { lines: { type: z.number().int().min(1).max(200), description: 'How many lines' } };
  private readonly limiter = new RateLimiter({ tokensPerInterval: 10, interval: 'minute' });

  async execute(input: LogTailInput) {
    await this.limiter.removeTokens(1);
    const text = await readFile('/var/log/widgets/service.log', 'utf8');
    return text.trimEnd().split('\n').slice(-input.lines).join('\n');
  }
}
