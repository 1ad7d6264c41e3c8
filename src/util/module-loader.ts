import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression, unwrapInterop } from './ast.js';
import { parseSourceUnit } from './parse-unit.js';
import { isInside, isReassigned, type SourceUnit } from './source-unit.js';

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

/** What a variable imports from a relative module: the module, and the export's name (`null`: the whole module). */
export interface RelativeImport {
  readonly module: SourceUnit;
  readonly name: string | null;
}

/**
 * The relative module a variable of `unit` is imported from, in either module system:
 * `import { a } from './m'` (`a`), `import a from './m'` (`default`), `import * as m from './m'` and
 * `import m = require('./m')` (the whole module), `const m = require('./m')` (the whole module: its
 * `module.exports`), `const { a: b } = require('./m')` and `const b = require('./m').a` (`a`).
 * `null` for anything else, and for a module that is not relative or cannot be loaded.
 */
export function findRelativeImport(unit: SourceUnit, variable: TSESLint.Scope.Variable): RelativeImport | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0] as TSESLint.Scope.Definition;
  let specifier: string | null = null;
  let name: string | null = null;
  if (def.type === 'ImportBinding') {
    const node = def.node;
    if (node.type === 'TSImportEqualsDeclaration') {
      const reference = node.moduleReference;
      if (reference.type === 'TSExternalModuleReference') specifier = reference.expression.value;
    } else {
      specifier = (def.parent as TSESTree.ImportDeclaration).source.value;
      if (node.type === 'ImportDefaultSpecifier') name = 'default';
      else if (node.type === 'ImportSpecifier') name = node.imported.type === 'Identifier' ? node.imported.name : node.imported.value;
    }
  } else if (def.type === 'Variable' && def.node.init != null) {
    const { id, init } = def.node;
    const value = unwrapInterop(unwrapExpression(init));
    if (id.type === 'Identifier') {
      // `require('./m')` or `require('./m').a`
      const member = value.type === 'MemberExpression' ? getKeyName(value) : null;
      specifier = requiredSpecifier(member === null ? value : (value as TSESTree.MemberExpression).object);
      name = member;
    } else if (id.type === 'ObjectPattern') {
      // `const { a, b: c } = require('./m')`: one level of destructuring
      const property = id.properties.find((p): p is TSESTree.Property => p.type === 'Property' && p.value === def.name);
      const key = property ? getKeyName(property) : null;
      if (key !== null) {
        specifier = requiredSpecifier(value);
        name = key;
      }
    }
  }
  if (specifier === null || !isRelativeSpecifier(specifier)) return null;
  // A `let` assigned again later may hold anything.
  if (def.type === 'Variable' && isReassigned(variable)) return null;
  const module = loadRelativeModule(unit, specifier);
  return module ? { module, name } : null;
}

/** `const x = require('./m')`, `const { a } = require('./m')`, `const a = require('./m').a`. */
export function isRequireDefinition(def: TSESLint.Scope.Definition): boolean {
  if (def.type !== 'Variable' || def.node.init == null) return false;
  const init = unwrapInterop(unwrapExpression(def.node.init));
  return isRequireCall(init.type === 'MemberExpression' ? unwrapInterop(unwrapExpression(init.object)) : init);
}

function isRequireCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require';
}

/** `'./m'` for `require('./m')`; `null` for anything else. */
function requiredSpecifier(node: TSESTree.Node): string | null {
  if (!isRequireCall(node)) return null;
  const [argument] = node.arguments;
  return node.arguments.length === 1 && argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : null;
}

/**
 * The declaration node a module exports under `name` (`'default'` for the default export):
 * the function of `export function f`, the init of `export const f = …`, the class of
 * `export class C`, following `export { a as b }` to the local binding. Re-exports from other
 * modules (`export { x } from './y'`) are followed up to a small depth. A CommonJS module's
 * exports count too: `module.exports = …` is its `default` (the value `require` returns), and
 * `exports.a = …`, `module.exports.a = …` and the properties of `module.exports = { a, b: … }`
 * are its named exports.
 */
export function findExport(unit: SourceUnit, name: string, depth = 0): { unit: SourceUnit; node: TSESTree.Node } | null {
  if (depth > 4) return null;
  return findEsmExport(unit, name, depth) ?? findCommonJsExport(unit, name, depth);
}

function findEsmExport(unit: SourceUnit, name: string, depth: number): { unit: SourceUnit; node: TSESTree.Node } | null {
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

/**
 * `module.exports = …`, `module.exports.a = …`, `exports.a = …` and `Object.assign(module.exports, { … })`
 * at the top level of a module, and the exports of another module it hands on whole
 * (`module.exports = require('./impl')`).
 */
function findCommonJsExport(unit: SourceUnit, name: string, depth: number): { unit: SourceUnit; node: TSESTree.Node } | null {
  let found: TSESTree.Node | null = null;
  // The last write wins, as it does when the module runs.
  for (const statement of unit.ast.body) {
    if (statement.type !== 'ExpressionStatement') continue;
    for (const write of commonJsWrites(statement.expression)) {
      if (write.name !== null) {
        if (write.name === name) found = write.value;
        continue;
      }
      const reexported = requiredSpecifier(write.value);
      if (reexported !== null && isRelativeSpecifier(reexported)) {
        const target = loadRelativeModule(unit, reexported);
        const inner = target ? findExport(target, name, depth + 1) : null;
        if (inner) return inner;
        continue;
      }
      if (name === 'default') {
        found = write.value;
        continue;
      }
      const value = write.value.type === 'Identifier' ? (findLocal(unit, write.value.name)?.node ?? write.value) : write.value;
      const property = value.type === 'ObjectExpression' ? findPlainProperty(value, name) : undefined;
      if (property) found = property.value;
    }
  }
  if (found === null) return null;
  // `module.exports = { run }`, `exports.run = run`: the function declared under that name.
  return found.type === 'Identifier' ? (findLocal(unit, found.name) ?? { unit, node: found }) : { unit, node: found };
}

/**
 * What a top-level expression writes to the module's exports: `name: null` for the whole of
 * `module.exports` (`module.exports = …`, also in a chain `exports = module.exports = …`), a name for
 * one export (`exports.a = …`, `module.exports.a = …`, the properties of `Object.assign(module.exports, { a })`).
 */
function commonJsWrites(expression: TSESTree.Expression): { name: string | null; value: TSESTree.Node }[] {
  if (expression.type === 'CallExpression') {
    const [target, ...sources] = expression.arguments;
    const callee = expression.callee;
    const isAssign = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object' && getKeyName(callee) === 'assign';
    if (!isAssign || !target || !isExportsObject(target)) return [];
    const writes: { name: string; value: TSESTree.Node }[] = [];
    for (const source of sources) {
      if (source.type !== 'ObjectExpression') continue;
      for (const property of source.properties) {
        const key = property.type === 'Property' && !property.computed ? getKeyName(property) : null;
        if (key !== null) writes.push({ name: key, value: (property as TSESTree.Property).value });
      }
    }
    return writes;
  }
  // `a = b = value`: every target of the chain gets the value.
  const targets: TSESTree.Node[] = [];
  let current: TSESTree.Node = expression;
  while (current.type === 'AssignmentExpression' && current.operator === '=') {
    targets.push(current.left);
    current = current.right;
  }
  if (targets.some(isModuleExports)) return [{ name: null, value: current }];
  const [single] = targets;
  if (targets.length !== 1 || single?.type !== 'MemberExpression' || !isExportsObject(single.object)) return [];
  const name = getKeyName(single);
  return name === null ? [] : [{ name, value: current }];
}

/** A non-computed property of an object literal by name. */
function findPlainProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  return object.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && getKeyName(p) === name);
}

/** `module.exports` or `exports`. */
function isExportsObject(node: TSESTree.Node): boolean {
  return isModuleExports(node) || (node.type === 'Identifier' && node.name === 'exports');
}

function isModuleExports(node: TSESTree.Node): boolean {
  return node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && getKeyName(node) === 'exports';
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
