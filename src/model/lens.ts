import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression } from '../util/ast.js';
import { memoizeByUnit } from '../util/memo.js';
import { findExport, findRelativeImport, isRequireDefinition } from '../util/module-loader.js';
import { getPatternPath } from '../util/module-refs.js';
import { getSingleInit, getUnitOfNode, getVariable, isReassigned, type SourceUnit } from '../util/source-unit.js';

type Variable = TSESLint.Scope.Variable;

const MAX_HOPS = 12;
const MAX_NESTING = 24;
/** Loops over more elements than this are cut (generated tables are not hand-written tools). */
export const MAX_ELEMENTS = 200;

/**
 * One element a loop iterates: an array element (or object value), or an `Object.entries` pair
 * (`key` is the property key node, `value` its value). `arguments` is not a loop's: it binds the
 * parameters of a registration wrapper to the arguments of one call of it (path `['2', 'name']` is
 * property `name` of the third argument; see `recognizers/wrappers.ts`).
 */
export type LoopElement =
  | { readonly kind: 'value'; readonly node: TSESTree.Node }
  | { readonly kind: 'entry'; readonly key: TSESTree.Node; readonly value: TSESTree.Node }
  | { readonly kind: 'arguments'; readonly args: readonly TSESTree.Node[] };

/**
 * The element bound to a loop variable (or a destructuring of it) while one element is analysed;
 * or the arguments of one call bound to a registration wrapper's parameters.
 */
export interface LoopBinding {
  /** Every variable the loop's binding pattern declares, with its property path into the element. */
  readonly paths: ReadonlyMap<Variable, readonly string[]>;
  readonly element: LoopElement;
}

/**
 * How a recognizer reads values. A lens follows an expression to the node it evaluates to: `const`
 * bindings, destructuring of a known object, member access on object literals, relative imports
 * (through the module loader, so the node can live in another unit), and, inside a registration
 * loop, the loop variable bound to one element. Recognizers never call `resolveValue` directly, so
 * the same code reads a registration written out once and one written inside
 * `for (const t of TOOLS)`.
 */
export interface Lens {
  /** The unit being analysed (the one whose walk found the registration). */
  readonly unit: SourceUnit;
  /** Set while one element of a registration loop is analysed. */
  readonly loop: LoopBinding | null;
  /** The node `node` evaluates to, as far as it can be followed statically. */
  value(node: TSESTree.Node): TSESTree.Node;
  /**
   * The node that holds the text of `node`, for reporting: loop variables and member accesses on
   * object literals of the same unit are substituted, identifiers of constants are kept (a rule
   * resolves and reports them where they are used).
   */
  site(node: TSESTree.Node): TSESTree.Node;
  /** Property `name` of an object literal, looking into spreads the lens can follow. */
  property(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined;
  /** The unit a node belongs to (a node reached through an import lives in another unit). */
  unitOf(node: TSESTree.Node): SourceUnit;
}

/** The plain lens of a unit: no loop binding. */
export const plainLens = memoizeByUnit((unit: SourceUnit): Lens => createLens(unit, null));

export function loopLens(unit: SourceUnit, loop: LoopBinding): Lens {
  return createLens(unit, loop);
}

function createLens(unit: SourceUnit, loop: LoopBinding | null): Lens {
  const unitOf = (node: TSESTree.Node): SourceUnit => getUnitOfNode(node) ?? unit;

  /** The loop path of an identifier bound by the loop pattern. */
  const loopPath = (variable: Variable | undefined): readonly string[] | undefined =>
    variable && loop ? loop.paths.get(variable) : undefined;

  const property = (object: TSESTree.ObjectExpression, name: string, depth = 0): TSESTree.Property | undefined => {
    for (let i = object.properties.length - 1; i >= 0; i--) {
      const element = object.properties[i] as TSESTree.ObjectLiteralElement;
      if (element.type === 'SpreadElement') {
        if (depth > 3) return undefined;
        const spread = value(element.argument);
        if (spread.type !== 'ObjectExpression') return undefined;
        const found = property(spread, name, depth + 1);
        if (found) return found;
        continue;
      }
      if (getKeyName(element) === name) return element;
    }
    return undefined;
  };

  /** `base[key]` when `base` is an object/array literal or a namespace import of a relative module. */
  const member = (base: TSESTree.Node, key: string): TSESTree.Node | undefined => {
    if (base.type === 'ObjectExpression') return property(base, key)?.value;
    if (base.type === 'ArrayExpression' && /^\d+$/.test(key)) {
      const element = base.elements[Number(key)];
      return element && element.type !== 'SpreadElement' ? element : undefined;
    }
    if (base.type === 'Identifier') {
      const namespace = getNamespaceModule(unitOf(base), base);
      if (namespace) return findExport(namespace, key)?.node;
    }
    return undefined;
  };

  const follow = (start: TSESTree.Node, path: readonly string[]): TSESTree.Node | undefined => {
    let current: TSESTree.Node | undefined = start;
    for (const key of path) {
      if (!current) return undefined;
      current = member(value(current), key);
    }
    return current;
  };

  const fromLoop = (path: readonly string[]): TSESTree.Node | undefined => {
    if (!loop) return undefined;
    const { element } = loop;
    if (element.kind === 'value') return follow(element.node, path);
    const [head, ...rest] = path;
    if (head === undefined) return undefined; // the [key, value] pair itself: no node
    if (element.kind === 'arguments') {
      const arg = /^\d+$/.test(head) ? element.args[Number(head)] : undefined;
      return arg && arg.type !== 'SpreadElement' ? follow(arg, rest) : undefined;
    }
    if (head === '0') return rest.length === 0 ? element.key : undefined;
    return head === '1' ? follow(element.value, rest) : undefined;
  };

  // value() recurses through destructuring, member bases and imports; cyclic code (`const { a } =
  // b; const { b } = a;`, modules importing each other) must end, so the nesting is bounded.
  let nesting = 0;
  const value = (node: TSESTree.Node): TSESTree.Node => {
    if (nesting > MAX_NESTING) return unwrapExpression(node);
    nesting++;
    try {
      return valueOf(node);
    } finally {
      nesting--;
    }
  };

  const valueOf = (node: TSESTree.Node): TSESTree.Node => {
    let current = unwrapExpression(node);
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (current.type === 'Identifier') {
        if (isPropertyKey(current)) return current;
        const variable = getVariable(unitOf(current), current);
        const bound = loopPath(variable);
        const next = bound ? fromLoop(bound) : variable ? followVariable(variable) : undefined;
        if (!next) return current;
        current = unwrapExpression(next);
        continue;
      }
      if (current.type === 'MemberExpression') {
        const key = getKeyName(current);
        const next = key === null ? undefined : member(value(current.object), key);
        if (!next) return current;
        current = unwrapExpression(next);
        continue;
      }
      return current;
    }
    return current;
  };

  /** What a (non-loop) variable is bound to: its single `const` init, a destructured part, an import. */
  const followVariable = (variable: Variable): TSESTree.Node | undefined => {
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0] as TSESLint.Scope.Definition;
    if (def.type === 'ImportBinding') return followImport(unitOf(def.name), variable);
    // `require('./m')` of a relative module; any other `require` is a value like any other.
    const required = isRequireDefinition(def) ? followImport(unitOf(def.name), variable) : undefined;
    if (required) return required;
    if (def.type === 'Variable') {
      const single = getSingleInit(variable);
      if (single) return single;
      const declarator = def.node;
      if (declarator.init == null || declarator.id.type === 'Identifier') return undefined;
      if (isReassigned(variable)) return undefined;
      const path = getPatternPath(declarator.id, def.name);
      return path ? follow(declarator.init, path) : undefined;
    }
    return undefined;
  };

  const site = (node: TSESTree.Node): TSESTree.Node => {
    let current = unwrapExpression(node);
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (current.type === 'Identifier') {
        const variable = getVariable(unitOf(current), current);
        const bound = loopPath(variable);
        let next = bound && fromLoop(bound);
        // const { description } = t; inside the loop: the element's description.
        if (!next && variable && isDestructuredFromLoop(variable)) next = followVariable(variable);
        if (!next) return current;
        current = unwrapExpression(next);
        continue;
      }
      if (current.type === 'MemberExpression') {
        const key = getKeyName(current);
        const base = value(current.object);
        const next = key === null ? undefined : member(base, key);
        // Keep `CONSTS.x` of another module as written: its text is reported where it is used.
        if (!next || (!isLoopRooted(current.object) && unitOf(next) !== unitOf(current))) return current;
        current = unwrapExpression(next);
        continue;
      }
      return current;
    }
    return current;
  };

  const isDestructuredFromLoop = (variable: Variable): boolean => {
    const def = variable.defs[0];
    return variable.defs.length === 1 && def?.type === 'Variable' && def.node.id.type !== 'Identifier' && def.node.init != null && isLoopRooted(def.node.init);
  };

  const isLoopRooted = (node: TSESTree.Node): boolean => {
    if (!loop) return false;
    let current = unwrapExpression(node);
    while (current.type === 'MemberExpression') current = unwrapExpression(current.object);
    return current.type === 'Identifier' && loopPath(getVariable(unitOf(current), current)) !== undefined;
  };

  return { unit, loop, value, site, property: (object, name) => property(object, name), unitOf };
}

/** A non-computed key of an object literal property names itself (the key of an `Object.entries` pair). */
function isPropertyKey(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  return parent.type === 'Property' && parent.key === node && !parent.computed;
}

/** The exported node a variable imported from a relative module refers to (a whole CommonJS module: its `module.exports`). */
function followImport(unit: SourceUnit, variable: Variable): TSESTree.Node | undefined {
  const imported = findRelativeImport(unit, variable);
  if (!imported || variable.defs[0]?.node.type === 'ImportNamespaceSpecifier') return undefined;
  return findExport(imported.module, imported.name ?? 'default')?.node;
}

/** The module `identifier` names as a whole: `import * as m from './x.js'`, `const m = require('./x')`. */
function getNamespaceModule(unit: SourceUnit, identifier: TSESTree.Identifier): SourceUnit | null {
  const variable = getVariable(unit, identifier);
  const imported = variable ? findRelativeImport(unit, variable) : null;
  return imported?.name === null ? imported.module : null;
}

/**
 * The elements an iterable expression yields, as far as they are written out: an array literal
 * (spreads flattened), `Object.entries(o)` / `Object.values(o)` of an object literal, and
 * `.filter()`/`.slice()`/`.concat()`/`.map()` of those (the receiver's elements; a `.map` result is
 * approximated by its input). Identifiers and relative imports are followed through the lens.
 */
export function iterateElements(lens: Lens, iterable: TSESTree.Node, depth = 0): LoopElement[] {
  const out: LoopElement[] = [];
  collect(lens, iterable, depth, out);
  return out.slice(0, MAX_ELEMENTS);
}

function collect(lens: Lens, iterable: TSESTree.Node, depth: number, out: LoopElement[]): void {
  if (depth > 4 || out.length >= MAX_ELEMENTS) return;
  const value = lens.value(iterable);
  if (value.type === 'ArrayExpression') {
    for (const element of value.elements) {
      if (!element) continue;
      if (element.type === 'SpreadElement') collect(lens, element.argument, depth + 1, out);
      else out.push({ kind: 'value', node: element });
    }
    return;
  }
  if (value.type !== 'CallExpression' || value.callee.type !== 'MemberExpression') return;
  const method = getKeyName(value.callee);
  const receiver = unwrapExpression(value.callee.object);
  const [first] = value.arguments;
  if (receiver.type === 'Identifier' && receiver.name === 'Object' && first && first.type !== 'SpreadElement') {
    if (method !== 'entries' && method !== 'values') return;
    const object = lens.value(first);
    if (object.type !== 'ObjectExpression') return;
    collectProperties(lens, object, method, depth, out);
    return;
  }
  if (method === 'filter' || method === 'slice' || method === 'map' || method === 'concat' || method === 'toSorted' || method === 'flat') {
    collect(lens, receiver, depth + 1, out);
    if (method === 'concat') for (const arg of value.arguments) if (arg.type !== 'SpreadElement') collect(lens, arg, depth + 1, out);
  }
}

function collectProperties(lens: Lens, object: TSESTree.ObjectExpression, method: 'entries' | 'values', depth: number, out: LoopElement[]): void {
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') {
      const spread = lens.value(property.argument);
      if (spread.type === 'ObjectExpression' && depth < 4) collectProperties(lens, spread, method, depth + 1, out);
      continue;
    }
    if (getKeyName(property) === null) continue;
    if (method === 'values') out.push({ kind: 'value', node: property.value });
    else out.push({ kind: 'entry', key: property.key, value: property.value });
  }
}
