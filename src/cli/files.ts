import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

import { Minimatch } from 'minimatch';

/** Source extensions the scan lints (the presets' `files`). */
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
/** Type declarations carry no code. */
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;
/** Dependencies, version control and build output: never the server's own source. */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', '.next', 'coverage']);
/** Tests and fixtures: skipped unless `--include-tests`. */
export const TEST_DIRS: ReadonlySet<string> = new Set(['test', 'tests', '__tests__', 'fixtures']);
const TEST_FILE = /\.(?:test|spec)\./i;

export interface SourceFile {
  /** Absolute path inside the (real) root, as the tree shows it (through in-root symlinks). */
  readonly path: string;
  /** The file's real path (read from here). */
  readonly realPath: string;
  /** Path relative to the root, `/`-separated: what reports show. */
  readonly relative: string;
}

export type SkipReason = 'symlink-outside' | 'broken-symlink' | 'unreadable';

export interface SkippedPath {
  /** Relative to the root, `/`-separated. */
  readonly path: string;
  readonly reason: SkipReason;
}

export interface FileListing {
  /** The scanned directory's real path. */
  readonly root: string;
  /** Sorted by relative path; each real file once. */
  readonly files: readonly SourceFile[];
  /** Paths left out for a reason the user should know (not the default skips). */
  readonly skipped: readonly SkippedPath[];
}

export interface ListOptions {
  readonly includeTests: boolean;
  /** minimatch globs relative to the root (`dot: true`). */
  readonly ignore: readonly string[];
}

/**
 * Lists the JavaScript/TypeScript sources under `root` with the file system only (nothing is
 * loaded or executed). Symbolic links are followed only while they stay inside the root; each
 * real file and directory is visited once, so link cycles end.
 */
export function listSourceFiles(rootDir: string, options: ListOptions): FileListing {
  const root = realpathSync(rootDir);
  // Globs are relative to the root: `./gen/**` means `gen/**`.
  const ignore = options.ignore.map((glob) => new Minimatch(glob.replace(/^(?:\.\/)+/, ''), { dot: true }));
  const files: SourceFile[] = [];
  const skipped: SkippedPath[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>([root]);

  const isSkippedDir = (name: string): boolean =>
    ALWAYS_SKIPPED_DIRS.has(name) || (!options.includeTests && TEST_DIRS.has(name));
  /** Default skips apply to every segment of the path, both as shown and as resolved. */
  const isExcluded = (relative: string, isDir: boolean): boolean => {
    const segments = relative.split('/');
    const dirs = isDir ? segments : segments.slice(0, -1);
    if (dirs.some(isSkippedDir)) return true;
    if (!isDir && !options.includeTests && TEST_FILE.test(segments.at(-1) ?? '')) return true;
    return ignore.some((glob) => glob.match(relative) || (isDir && glob.match(`${relative}/`)));
  };

  const isSourceName = (name: string): boolean => SOURCE_FILE.test(name) && !DECLARATION_FILE.test(name);

  interface PendingDir {
    /** As the tree shows it. */
    readonly dir: string;
    /** Resolved. */
    readonly real: string;
    readonly relative: string;
  }
  const stack: PendingDir[] = [{ dir: root, real: root, relative: '' }];
  while (stack.length > 0) {
    const { dir, real: dirReal, relative: dirRelative } = stack.pop() as PendingDir;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      if (dirRelative === '') throw new Error(`cannot read directory ${root}`);
      skipped.push({ path: dirRelative, reason: 'unreadable' });
      continue;
    }
    const subdirs: PendingDir[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = dirRelative === '' ? entry.name : `${dirRelative}/${entry.name}`;
      let realPath = path.join(dirReal, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // A link we would skip by its name whatever it points to needs no resolving (nor a mention).
        if (isExcluded(relative, true) && (!isSourceName(entry.name) || isExcluded(relative, false))) continue;
        try {
          realPath = realpathSync(full);
        } catch {
          skipped.push({ path: relative, reason: 'broken-symlink' });
          continue;
        }
        if (!isInside(root, realPath)) {
          skipped.push({ path: relative, reason: 'symlink-outside' });
          continue;
        }
        try {
          const stats = statSync(realPath);
          isDirectory = stats.isDirectory();
          isFile = stats.isFile();
        } catch {
          skipped.push({ path: relative, reason: 'unreadable' });
          continue;
        }
        // Where the link leads must pass the default skips too (a link into node_modules is node_modules).
        if (realPath !== root && isExcluded(toRelative(root, realPath), isDirectory)) continue;
      }
      if (isDirectory) {
        if (isExcluded(relative, true) || seenDirs.has(realPath)) continue;
        seenDirs.add(realPath);
        subdirs.push({ dir: full, real: realPath, relative });
      } else if (isFile) {
        // Sockets, FIFOs and devices are never read: a FIFO would block the scan.
        if (!isSourceName(entry.name) || isExcluded(relative, false) || seenFiles.has(realPath)) continue;
        seenFiles.add(realPath);
        files.push({ path: full, realPath, relative });
      }
    }
    // Depth-first, in name order (the stack pops the last pushed first).
    subdirs.sort((a, b) => compare(b.relative, a.relative));
    stack.push(...subdirs);
  }
  files.sort((a, b) => compare(a.relative, b.relative));
  skipped.sort((a, b) => compare(a.path, b.path));
  return { root, files, skipped };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `true` when `candidate` is `root` or below it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** `path.relative` with `/` separators. */
export function toRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Whether `file` is a lintable source file by its name (for a single file given on the command line). */
export function isSourceFileName(file: string): boolean {
  const name = path.basename(file);
  return SOURCE_FILE.test(name) && !DECLARATION_FILE.test(name);
}

/** `lstat` that answers `undefined` for a missing path. */
export function lstatOrUndefined(file: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
