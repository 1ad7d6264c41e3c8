import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { config } from '../config.js';
import { searchNotes } from '../lib/notes.js';

export function registerNoteTools(server: McpServer): void {
  // ruleid: require-rate-limit
  server.registerTool(
    'search_notes',
    {
      title: 'Search notes',
      // ruleid: max-description-length
      description: `Searches the Markdown notes in the notes folder and returns the matching lines, each with its file name and line number.

Query syntax:
- Plain words match notes that contain all of them, in any order; matching is case-insensitive.
- Text in double quotes matches an exact phrase, for example "release checklist".
- tag:name matches notes that contain the tag #name anywhere in their text.
- A word prefixed with a minus sign leaves out notes that contain it, for example -draft.
- Terms can be combined, for example: tag:meeting "action items" -cancelled.

Results come from the newest notes first, by modification time. Each result line has the form
"standup.md:12: text of the line". At most limit lines are returned (default 20, maximum 100);
when there are more, the last line says how many were left out.

Notes are plain Markdown files directly inside the notes folder; sub-folders are not searched.
Front matter between the --- lines is searched like any other text. Binary files and files larger
than one megabyte are skipped. Matching happens after Unicode normalisation (NFC), so accented
characters match whether they were typed as one code point or as a letter and a combining mark.`,
      inputSchema: {
        query: z.string().min(1).describe('Words, "phrases", tag:name and -excluded terms'),
        limit: z.number().int().min(1).max(100).default(20).describe('Maximum number of lines to return'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ query, limit }) => {
      const { lines, omitted } = await searchNotes(config.notesDir, query, limit);
      if (omitted > 0) lines.push(`(${omitted} more lines left out)`);
      return { content: [{ type: 'text', text: lines.join('\n') || 'No matching notes.' }] };
    },
  );

  // ruleid: require-rate-limit, require-input-schema
  server.registerTool(
    'save_note',
    {
      title: 'Save note',
      description: 'Save a Markdown note under the given title in the notes folder.',
      inputSchema: z.object({ title: z.string(), body: z.string() }).passthrough(),
    },
    async (args) => {
      // ruleid: no-path-traversal
      await writeFile(path.join(config.notesDir, `${args.title}.md`), args.body, 'utf8');
      return { content: [{ type: 'text', text: `Saved ${args.title}.md` }] };
    },
  );
}
