// MCP-Nest: tools are methods decorated @Tool; the throttler guard of @nestjs/throttler covers the class.
import { readFile } from 'node:fs/promises';

import { Injectable, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';

const REPORTS = { jan: '/srv/reports/jan.md', feb: '/srv/reports/feb.md', mar: '/srv/reports/mar.md' } as const;

@Injectable()
@UseGuards(ThrottlerGuard)
export class ReportTools {
  // ok: require-rate-limit
  @Tool({ name: 'monthly_report', description: 'Show a monthly report.', parameters: z.object({ month: z.enum(['jan', 'feb', 'mar']) }) })
  async monthlyReport({ month }: { month: 'jan' | 'feb' | 'mar' }) {
    return { content: [{ type: 'text', text: await readFile(REPORTS[month], 'utf8') }] };
  }
}
