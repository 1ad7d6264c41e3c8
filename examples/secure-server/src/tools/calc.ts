import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { evaluateArithmetic } from '../lib/arithmetic.js';
import { fail } from '../lib/errors.js';
import { RateLimiter, rateKey } from '../lib/rate-limit.js';

const rateLimiter = new RateLimiter({ points: 120, durationMs: 60_000 });

export function registerCalcTools(server: McpServer): void {
  server.registerTool(
    'calculate',
    {
      title: 'Calculate',
      description: 'Evaluate an arithmetic expression with + - * / % and parentheses.',
      inputSchema: { expression: z.string().min(1).max(200).describe('For example (2 + 3) * 4') },
      annotations: { readOnlyHint: true },
    },
    async ({ expression }, extra) => {
      await rateLimiter.consume(rateKey('calculate', extra));
      const result = evaluateArithmetic(expression);
      if (result.ok) return { content: [{ type: 'text', text: String(result.value) }] };
      switch (result.reason) {
        case 'syntax':
          return fail('That is not an arithmetic expression: use numbers, + - * / % and parentheses.');
        case 'too-deep':
          return fail('That expression is nested too deeply.');
        case 'not-finite':
          return fail('The result is not a finite number.');
      }
    },
  );
}
