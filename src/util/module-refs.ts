import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression, unwrapInterop } from './ast.js';
import { memoize, memoizeByUnit } from './memo.js';
import { getSingleInit, getUnitOfNode, getVariable, isReassigned, type SourceUnit } from './source-unit.js';

/**
 * What an expression refers to, as a path into a module: `exec` imported from `child_process`
 * is `{ module: 'child_process', path: ['exec'] }`; `cp.exec` with `import * as cp` is the same.
 * Globals live in the pseudo-module `globalThis` (`fetch` is `{ module: 'globalThis', path: ['fetch'] }`),
 * except `process`, which is its own module so that `process`, `globalThis.process` and
 * `import process from 'node:process'` all read alike.
 */
export interface ModuleRef {
  /** The module specifier, without a `node:` prefix (`fs/promises`, `execa`, `./helpers.js`). */
  readonly module: string;
  /** Property path from the module namespace; a leading `default` is dropped (CJS interop). */
  readonly path: readonly string[];
}

export const GLOBAL_MODULE = 'globalThis';
const GLOBAL_OBJECT_NAMES = new Set(['globalThis', 'global', 'window', 'self']);
/** Builtins that stand for a module of their own when read as globals. */
const GLOBAL_MODULES = new Set(['process', 'Buffer']);
/**
 * Property names after which a reference's path need not end in that name (`makeRef` drops a
 * leading `default` and the global object, and re-heads `process` and `Buffer`): a lookup that
 * goes by the last name of a member expression must not skip these.
 */
export const PATH_NORMALIZING_NAMES: ReadonlySet<string> = new Set(['default', ...GLOBAL_OBJECT_NAMES, ...GLOBAL_MODULES]);
/** Functions that return their argument's behaviour unchanged (for sink purposes). */
const TRANSPARENT_WRAPPERS: readonly ModuleRef[] = [
  { module: 'util', path: ['promisify'] },
];

export function normalizeModuleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

function makeRef(module: string, path: readonly string[]): ModuleRef {
  let normalizedModule = normalizeModuleName(module);
  let normalizedPath = path[0] === 'default' ? path.slice(1) : path;
  // `globalThis.process.env` and `process.env` are one thing.
  if (normalizedModule === GLOBAL_MODULE) {
    while (normalizedPath[0] !== undefined && GLOBAL_OBJECT_NAMES.has(normalizedPath[0])) normalizedPath = normalizedPath.slice(1);
    const head = normalizedPath[0];
    if (head !== undefined && GLOBAL_MODULES.has(head)) {
      normalizedModule = head === 'Buffer' ? 'buffer' : head;
      normalizedPath = head === 'Buffer' ? ['Buffer', ...normalizedPath.slice(1)] : normalizedPath.slice(1);
    }
  }
  return { module: normalizedModule, path: normalizedPath };
}

/** True when `ref` is `module` + `path` exactly. */
export function isRef(ref: ModuleRef | null, module: string, ...path: string[]): boolean {
  return ref !== null && ref.module === module && ref.path.length === path.length && ref.path.every((p, i) => p === path[i]);
}

/** The module reference of an expression, or `null` when it is not (statically) a module member. */
export function getModuleRef(node: TSESTree.Node): ModuleRef | null {
  return computeRef(node);
}

const computeRef = memoize((node: TSESTree.Node): ModuleRef | null => {
  const unit = getUnitOfNode(node);
  return unit ? refOf(unit, node, 0) : null;
});

const MAX_DEPTH = 8;

function refOf(unit: SourceUnit, rawNode: TSESTree.Node, depth: number): ModuleRef | null {
  if (depth > MAX_DEPTH) return null;
  const node = unwrapExpression(rawNode);
  switch (node.type) {
    case 'Identifier':
      return refOfIdentifier(unit, node, depth);
    case 'MemberExpression': {
      const name = getKeyName(node);
      if (name === null) return null;
      const base = refOf(unit, node.object, depth + 1);
      return base ? makeRef(base.module, [...base.path, name]) : null;
    }
    case 'CallExpression': {
      const required = getRequiredModule(unit, node);
      if (required !== null) return makeRef(required, []);
      const wrapped = unwrapInterop(node);
      if (wrapped !== node) return refOf(unit, wrapped, depth + 1);
      // promisify(exec) behaves like exec as far as sinks are concerned.
      const callee = refOf(unit, node.callee, depth + 1);
      const first = node.arguments[0];
      if (callee && first && TRANSPARENT_WRAPPERS.some((w) => isRef(callee, w.module, ...w.path))) {
        return refOf(unit, first, depth + 1);
      }
      return null;
    }
    case 'AwaitExpression':
      // `const fs = await import('node:fs')`
      return node.argument.type === 'ImportExpression' ? refOf(unit, node.argument, depth + 1) : null;
    case 'ImportExpression': {
      const source = node.source;
      return source.type === 'Literal' && typeof source.value === 'string' ? makeRef(source.value, []) : null;
    }
    default:
      return null;
  }
}

function refOfIdentifier(unit: SourceUnit, node: TSESTree.Identifier, depth: number): ModuleRef | null {
  const variable = getVariable(unit, node);
  if (!variable || variable.defs.length === 0) {
    // An implicit global (no declaration in the file).
    return makeRef(GLOBAL_MODULE, [node.name]);
  }
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (!def) return null;
  if (def.type === 'ImportBinding') {
    const specifier = def.node;
    if (specifier.type === 'TSImportEqualsDeclaration') {
      // import cp = require('child_process')
      const reference = specifier.moduleReference;
      return reference.type === 'TSExternalModuleReference' ? makeRef(reference.expression.value, []) : null;
    }
    const module = (def.parent as TSESTree.ImportDeclaration).source.value;
    if (specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier') return makeRef(module, []);
    const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
    return makeRef(module, [imported]);
  }
  if (def.type !== 'Variable' || def.node.init == null) return null;
  // Only trust bindings that are never reassigned.
  if (isReassigned(variable)) return null;
  const declarator = def.node;
  const init = declarator.init;
  if (!init) return null;
  if (declarator.id.type === 'Identifier') {
    const single = getSingleInit(variable);
    return single ? refOf(unit, single, depth + 1) : null;
  }
  // const { exec, promises: { readFile: rf } } = require('child_process')
  const base = refOf(unit, init, depth + 1);
  if (!base) return null;
  // The declaring identifier, not the reference: the pattern holds the former.
  const path = getPatternPath(declarator.id, def.name);
  return path ? makeRef(base.module, [...base.path, ...path]) : null;
}

/** The property path that leads from the top of a destructuring pattern to `target`. */
export function getPatternPath(pattern: TSESTree.Node, target: TSESTree.Identifier): string[] | null {
  if (pattern === target) return [];
  if (pattern.type === 'Identifier') return pattern.name === target.name && pattern.range[0] === target.range[0] ? [] : null;
  if (pattern.type === 'AssignmentPattern') return getPatternPath(pattern.left, target);
  if (pattern.type === 'ObjectPattern') {
    for (const property of pattern.properties) {
      if (property.type !== 'Property') continue;
      const inner = getPatternPath(property.value, target);
      if (inner === null) continue;
      const key = getKeyName(property);
      return key === null ? null : [key, ...inner];
    }
  }
  if (pattern.type === 'ArrayPattern') {
    for (const [index, element] of pattern.elements.entries()) {
      if (!element) continue;
      const inner = getPatternPath(element, target);
      if (inner !== null) return [String(index), ...inner];
    }
  }
  return null;
}

/** `require('x')` with the global `require` gives `'x'`; anything else gives `null`. */
export function getRequiredModule(unit: SourceUnit, node: TSESTree.CallExpression): string | null {
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return null;
  const variable = getVariable(unit, node.callee);
  if (variable && variable.defs.length > 0) return null; // a local function named require
  const [argument] = node.arguments;
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : null;
}

/** Every module specifier the unit imports or requires (static imports, `require`, `import()`). */
export const getImportedModules = memoizeByUnit((unit: SourceUnit): ReadonlySet<string> => {
  const modules = new Set<string>();
  for (const statement of unit.ast.body) {
    if (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration' || statement.type === 'ExportNamedDeclaration') {
      if (statement.source) modules.add(normalizeModuleName(statement.source.value));
    }
  }
  // require() and import() can sit anywhere; the scope manager lists every reference to `require`.
  const globalScope = unit.scopeManager.globalScope;
  for (const reference of globalScope?.through ?? []) {
    const parent = reference.identifier.parent;
    if (reference.identifier.name === 'require' && parent.type === 'CallExpression' && parent.callee === reference.identifier) {
      const module = getRequiredModule(unit, parent);
      if (module !== null) modules.add(normalizeModuleName(module));
    }
  }
  return modules;
});
