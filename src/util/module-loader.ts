import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';

import { parseSourceUnit } from './parse-unit.js';
import { isInside, type SourceUnit } from './source-unit.js';

/** Extensions tried for an extensionless relative import, in TypeScript's order. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** `./x.js` in TypeScript source (NodeNext style) names `./x.ts` on disk. */
const SOURCE_FOR_OUTPUT: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
  '.jsx': ['.tsx'],
};
/** Followed files larger than this are not analysed (generated bundles, vendored code). */
const MAX_FILE_BYTES = 512 * 1024;

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly unit: SourceUnit | null;
}

/**
 * Parsed modules by absolute path (and root). The one cache that outlives a single file's lint: a followed
 * module is parsed once per run (and again only when its mtime or size changes), however many
 * handlers import it.
 */
const cache = new Map<string, CacheEntry>();

/** True for `./x`, `../x` (imports the analysis may follow); packages are never followed. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** The file a relative import in `fromFile` names, or `null` when there is none on disk. */
export function resolveRelativeModule(fromFile: string, specifier: string): string | null {
  return resolveWithStats(fromFile, specifier)?.file ?? null;
}

interface Resolved {
  readonly file: string;
  readonly stats: Stats;
}

function resolveWithStats(fromFile: string, specifier: string): Resolved | null {
  if (!isRelativeSpecifier(specifier) || !path.isAbsolute(fromFile)) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const extension = path.extname(base);
  const candidates = [
    ...(SOURCE_FOR_OUTPUT[extension] ?? []).map((ext) => base.slice(0, -extension.length) + ext),
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  for (const file of candidates) {
    const stats = statRecently(file);
    if (stats?.isFile() === true) return { file, stats };
  }
  return null;
}

/**
 * How long a stat result is reused. Every linted file resolves the same few imports (`../config`,
 * `../lib/db`), and a stat costs far more than a lookup; a short lifetime keeps a long-lived
 * process (an editor) from seeing a changed or new file late by more than this.
 */
const STAT_LIFETIME_MS = 1000;
const MAX_CACHED_STATS = 10_000;
const statCache = new Map<string, { readonly at: number; readonly stats: Stats | null }>();

/** `statSync`, or its result from less than {@link STAT_LIFETIME_MS} ago; `null` when there is no such file. */
function statRecently(file: string): Stats | null {
  const now = performance.now();
  const cached = statCache.get(file);
  if (cached && now - cached.at < STAT_LIFETIME_MS) return cached.stats;
  let stats: Stats | null;
  try {
    // No exception for a path that does not exist (most candidates): throwing is the slow path.
    stats = statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    stats = null; // ENOTDIR (`base` is a file, so `base/index.ts` is not), EACCES
  }
  if (statCache.size >= MAX_CACHED_STATS) statCache.clear();
  statCache.set(file, { at: now, stats });
  return stats;
}

/**
 * Parses (or returns the cached parse of) a file; `null` when unreadable, too large, unparsable or
 * outside `root` (see {@link SourceUnit.root}; the unit's own imports stay inside it too).
 */
export function loadModule(file: string, root?: string): SourceUnit | null {
  const stats = statRecently(file);
  return stats?.isFile() === true ? loadWithStats(file, stats, root) : null;
}

/** `loadModule` with the file's stats already read (by the resolution that found it); the one place the root is enforced. */
function loadWithStats(file: string, stats: Stats, root: string | undefined): SourceUnit | null {
  if (root !== undefined && !isInside(root, file)) return null;
  // One entry per root: a unit carries the root its own imports are followed within.
  const key = root === undefined ? file : `${root}\0${file}`;
  const cached = cache.get(key);
  if (cached?.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.unit;
  let unit: SourceUnit | null = null;
  // A symbolic link inside the root may point out of it: the real path must be inside the real root.
  if (stats.size <= MAX_FILE_BYTES && (root === undefined || isReallyInside(root, file))) {
    try {
      unit = parseSourceUnit(file, readFileSync(file, 'utf8'), root);
    } catch {
      unit = null; // A file we cannot parse is a file we do not follow.
    }
  }
  cache.set(key, { mtimeMs: stats.mtimeMs, size: stats.size, unit });
  return unit;
}

function isReallyInside(root: string, file: string): boolean {
  try {
    return isInside(realpathSync.native(root), realpathSync.native(file));
  } catch {
    return false;
  }
}

/**
 * What each unit's relative imports resolved to. Per importing unit, so it lives as long as one
 * file's lint (a new parse is a new unit): the model, the taint summaries and the instance lookups
 * all follow the same few imports of a file, and each would otherwise stat the disk again.
 */
const importsOfUnit = new WeakMap<SourceUnit, Map<string, SourceUnit | null>>();

/** Resolves and loads a relative import of `from`. */
export function loadRelativeModule(from: SourceUnit, specifier: string): SourceUnit | null {
  let imports = importsOfUnit.get(from);
  if (!imports) {
    imports = new Map();
    importsOfUnit.set(from, imports);
  }
  if (imports.has(specifier)) return imports.get(specifier) ?? null;
  const resolved = resolveWithStats(from.filename, specifier);
  const target = resolved === null ? null : loadWithStats(resolved.file, resolved.stats, from.root);
  imports.set(specifier, target);
  return target;
}

/**
 * The declaration node a module exports under `name` (`'default'` for the default export):
 * the function of `export function f`, the init of `export const f = …`, the class of
 * `export class C`, following `export { a as b }` to the local binding. Re-exports from other
 * modules (`export { x } from './y'`) are followed up to a small depth.
 */
export function findExport(unit: SourceUnit, name: string, depth = 0): { unit: SourceUnit; node: TSESTree.Node } | null {
  if (depth > 4) return null;
  for (const statement of unit.ast.body) {
    if (statement.type === 'ExportDefaultDeclaration' && name === 'default') {
      const declaration = statement.declaration;
      return declaration.type === 'Identifier' ? findLocal(unit, declaration.name) : { unit, node: declaration };
    }
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const { declaration } = statement;
    if (declaration) {
      if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id?.name === name) {
        return { unit, node: declaration };
      }
      if (declaration.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init) return { unit, node: declarator.init };
        }
      }
      continue;
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
      if (exported !== name) continue;
      const local = specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
      if (statement.source) {
        const target = loadRelativeModule(unit, statement.source.value);
        return target ? findExport(target, local, depth + 1) : null;
      }
      return findLocal(unit, local);
    }
  }
  for (const statement of unit.ast.body) {
    if (statement.type === 'ExportAllDeclaration' && statement.exported === null) {
      const target = loadRelativeModule(unit, statement.source.value);
      const found = target ? findExport(target, name, depth + 1) : null;
      if (found) return found;
    }
  }
  return null;
}

/** A top-level function, class or `const` of the module by name. */
function findLocal(unit: SourceUnit, name: string): { unit: SourceUnit; node: TSESTree.Node } | null {
  for (const statement of unit.ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement;
    if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id?.name === name) {
      return { unit, node: declaration };
    }
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init) return { unit, node: declarator.init };
      }
    }
  }
  return null;
}
