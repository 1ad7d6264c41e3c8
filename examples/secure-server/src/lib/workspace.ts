import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** The requested path leads outside the workspace. */
export class OutsideWorkspaceError extends Error {
  constructor() {
    super('Path is outside the workspace.');
    this.name = 'OutsideWorkspaceError';
  }
}

/**
 * Resolves a client-supplied path against `root` (a canonical directory, see config.ts) and returns
 * its canonical form, or throws `OutsideWorkspaceError` when it leads outside `root`.
 *
 * 1. Lexical check before touching the disk: `..` segments and absolute paths elsewhere are refused
 *    without a `realpath`, so the tool cannot even probe whether a file outside exists.
 * 2. Canonical check: `realpath` follows symlinks (a link inside the workspace may point outside)
 *    and the result is checked again. Both checks compare against `root + path.sep`, so a sibling
 *    such as `/srv/workspace-secrets` does not pass as inside `/srv/workspace`.
 */
export async function resolveInWorkspace(root: string, requested: string): Promise<string> {
  const lexical = path.resolve(root, requested);
  if (lexical !== root && !lexical.startsWith(root + path.sep)) throw new OutsideWorkspaceError();
  const real = await realpath(lexical);
  if (real !== root && !real.startsWith(root + path.sep)) throw new OutsideWorkspaceError();
  return real;
}
