// The low-level Server: a thrown McpError becomes a JSON-RPC error the client shows.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import pg from 'pg';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const pool = new pg.Pool({ max: 4 });
const Args = z.object({ team: z.enum(['core', 'web', 'ops']) });

export const server = new Server({ name: 'teams', version: '1.0.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const { team } = Args.parse(request.params.arguments);
  try {
    const { rows } = await pool.query('SELECT name FROM members WHERE team = $1 ORDER BY name', [team]);
    return { content: [{ type: 'text', text: rows.map((row: { name: string }) => row.name).join('\n') }] };
  } catch (error) {
    if ((error as { code?: string }).code === '57P01') {
      // ok: no-error-leak
      throw new McpError(ErrorCode.InternalError, 'The database is restarting. Try again shortly.');
    }
    // ruleid: no-error-leak
    throw new McpError(ErrorCode.InternalError, String(error));
  }
});
