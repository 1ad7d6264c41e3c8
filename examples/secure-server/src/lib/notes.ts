import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Notes larger than this are skipped. */
const MAX_NOTE_BYTES = 1_000_000;

export interface NoteQuery {
  /** Words and phrases a note must all contain (lower case). */
  required: string[];
  /** Words a note must not contain (lower case). */
  excluded: string[];
}

export interface NoteSearchResult {
  /** `file.md:12: text of the line`, newest note first. */
  lines: string[];
  /** Matching lines left out because of the limit. */
  omitted: number;
}

/** Parses `tag:meeting "action items" -cancelled` into required and excluded terms. */
export function parseNoteQuery(input: string): NoteQuery {
  const query: NoteQuery = { required: [], excluded: [] };
  for (const [, phrase, word] of input.normalize('NFC').toLowerCase().matchAll(/"([^"]*)"|(\S+)/g)) {
    if (phrase !== undefined) {
      if (phrase.trim() !== '') query.required.push(phrase.trim());
    } else if (word === undefined) {
      continue;
    } else if (word.startsWith('tag:') && word.length > 4) {
      query.required.push(`#${word.slice(4)}`);
    } else if (word.startsWith('-') && word.length > 1) {
      query.excluded.push(word.slice(1));
    } else {
      query.required.push(word);
    }
  }
  return query;
}

/** Searches the Markdown files directly inside `dir` (the configured notes folder). */
export async function searchNotes(dir: string, input: string, limit: number): Promise<NoteSearchResult> {
  const query = parseNoteQuery(input);
  if (query.required.length === 0) return { lines: [], omitted: 0 };

  const matches: { name: string; modified: number; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const file = path.join(dir, entry.name);
    const info = await stat(file);
    if (info.size > MAX_NOTE_BYTES) continue;
    const text = (await readFile(file, 'utf8')).normalize('NFC');
    if (text.includes('\u0000')) continue;
    const lower = text.toLowerCase();
    if (!query.required.every((term) => lower.includes(term))) continue;
    if (query.excluded.some((term) => lower.includes(term))) continue;
    matches.push({ name: entry.name, modified: info.mtimeMs, text });
  }
  matches.sort((a, b) => b.modified - a.modified);

  const lines: string[] = [];
  for (const note of matches) {
    for (const [index, line] of note.text.split('\n').entries()) {
      const lower = line.toLowerCase();
      if (query.required.some((term) => lower.includes(term))) lines.push(`${note.name}:${index + 1}: ${line}`);
    }
  }
  return { lines: lines.slice(0, limit), omitted: Math.max(0, lines.length - limit) };
}
