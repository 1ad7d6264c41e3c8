import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { config } from '../config.js';
import { fail, toolError } from '../lib/errors.js';
import { searchNotes } from '../lib/notes.js';
import { RateLimiter, rateKey } from '../lib/rate-limit.js';

const rateLimiter = new RateLimiter({ points: 30, durationMs: 60_000 });

export function registerNoteTools(server: McpServer): void {
  server.registerTool(
    'search_notes',
    {
      title: 'Search notes',
      description: 'Search the Markdown notes and return matching lines with file and line number.',
      inputSchema: {
        query: z.string().min(1).max(200).describe('Words, "phrases", tag:name and -excluded terms'),
        limit: z.number().int().min(1).max(100).default(20).describe('Maximum number of lines to return'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ query, limit }, extra) => {
      await rateLimiter.consume(rateKey('search_notes', extra));
      try {
        const { lines, omitted } = await searchNotes(config.notesDir, query, limit);
        if (omitted > 0) lines.push(`(${omitted} more lines left out)`);
        return { content: [{ type: 'text', text: lines.join('\n') || 'No matching notes.' }] };
      } catch (err) {
        return toolError('search_notes', err);
      }
    },
  );

  server.registerTool(
    'save_note',
    {
      title: 'Save note',
      description: 'Save a new Markdown note under the given title.',
      inputSchema: {
        title: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _-]{0,79}$/, 'Letters, digits, spaces, - and _ only').describe('Note title, also its file name'),
        body: z.string().max(100_000).describe('Markdown text'),
      },
    },
    async ({ title, body }, extra) => {
      await rateLimiter.consume(rateKey('save_note', extra));
      // The schema allows no `/`, `\` or `.` in a title; basename() keeps it one path segment anyway.
      const file = path.join(config.notesDir, `${path.basename(title)}.md`);
      try {
        // 'wx': create only. It never overwrites a note and never follows a symlink planted at that name.
        await writeFile(file, body, { encoding: 'utf8', flag: 'wx' });
        return { content: [{ type: 'text', text: `Saved note "${title}".` }] };
      } catch (err) {
        if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'EEXIST') {
          return fail('A note with that title already exists.');
        }
        return toolError('save_note', err);
      }
    },
  );
}
