// Path helpers of the notes server, in their own module: the analysis follows tool input into them.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

export const NOTES_ROOT = '/srv/notes';

/** Reads a note with no containment check. */
export async function readNote(name: string): Promise<string> {
  return readFile(path.join(NOTES_ROOT, name), 'utf8');
}

/** Resolves a path inside the notes root (symbolic links resolved), or throws. */
export async function resolveInside(requested: string): Promise<string> {
  const real = await realpath(path.resolve(NOTES_ROOT, requested));
  if (real !== NOTES_ROOT && !real.startsWith(NOTES_ROOT + path.sep)) throw new Error('Path outside the notes directory.');
  return real;
}

/** A prefix check with no separator: `/srv/notes-private` passes for `/srv/notes`. */
export function isAllowed(requested: string): boolean {
  // todook: no-path-traversal
  return path.resolve(NOTES_ROOT, requested).startsWith(NOTES_ROOT);
}

/** Throws unless the symbolic-link-free path is inside the notes root. */
export async function assertInside(requested: string): Promise<void> {
  const real = await realpath(path.resolve(NOTES_ROOT, requested));
  const relative = path.relative(NOTES_ROOT, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error('Path outside the notes directory.');
}
