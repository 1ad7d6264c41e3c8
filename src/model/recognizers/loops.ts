import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression } from '../../util/ast.js';
import { getPatternPath } from '../../util/module-refs.js';
import { getVariable, type SourceUnit } from '../../util/source-unit.js';
import { iterateElements, loopLens, plainLens, type Lens, type LoopElement } from '../lens.js';
import type { ToolHandler } from '../types.js';
import { recognizeRegistrationCall, REGISTRATION_CALL_NAMES } from './calls.js';
import { getCalleeName } from './common.js';
import type { Recognizer } from './types.js';

type Variable = TSESLint.Scope.Variable;

/** Array methods whose callback is the loop body (`TOOLS.forEach((t) => server.tool(…))`). */
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap']);

interface Loop {
  readonly iterable: TSESTree.Node;
  readonly paths: ReadonlyMap<Variable, readonly string[]>;
}

/**
 * Registries and loops: a registration call inside `for (const t of TOOLS)`, `TOOLS.forEach((t) =>
 * …)`, `TOOLS.map(…)` or over `Object.entries(map)` / `Object.values(map)`, whose arguments read the
 * loop variable (`t.name`, `{ description: t.description, inputSchema: t.schema }`, `t.handler`,
 * or a destructuring of it). The iterated array or object literal is resolved (same file, or a
 * relative module through the module loader) and the call is recognised once per element, reading
 * the loop variable as that element: one `ToolHandler` per element, with the element's name,
 * descriptions, schema and handler.
 *
 * Registration: the element's object literal when it is written in this file (so a finding about
 * one tool points at that tool), else the call.
 *
 * When the iterable cannot be resolved, this recognizer declines and the call is recognised once,
 * as written (a handler with the name and handler it can see, schema assumed present).
 */
export const recognizeLoopRegistration: Recognizer = (node, unit) => {
  if (node.type !== 'CallExpression') return null;
  const method = getCalleeName(node);
  if (method === null || !REGISTRATION_CALL_NAMES.has(method)) return null;
  const loop = findLoop(unit, node);
  if (!loop) return null;
  const elements = iterateElements(plainLens(unit), loop.iterable);
  const handlers: ToolHandler[] = [];
  for (const element of elements) {
    const lens = loopLens(unit, { paths: loop.paths, element });
    const found = recognizeRegistrationCall(node, lens);
    if (!found) continue;
    const registration = elementRegistration(lens, element) ?? node;
    for (const handler of found) handlers.push(handler.registration === node ? { ...handler, registration } : handler);
  }
  return handlers.length > 0 ? handlers : null;
};

function elementRegistration(lens: Lens, element: LoopElement): TSESTree.Node | null {
  if (element.kind === 'arguments') return null;
  const value = lens.value(element.kind === 'value' ? element.node : element.value);
  return value.type === 'ObjectExpression' && lens.unitOf(value) === lens.unit ? value : null;
}

/** The loop whose variable the call's arguments read, if any. */
function findLoop(unit: SourceUnit, call: TSESTree.CallExpression): Loop | null {
  const roots: TSESTree.Identifier[] = [];
  for (const arg of call.arguments) collectRoots(arg, 0, roots);
  for (const root of roots) {
    const variable = getVariable(unit, root);
    const loop = variable && loopOf(unit, variable, 0);
    if (loop) return loop;
  }
  return null;
}

/** The identifiers at the root of the expressions an argument is built from (bounded depth). */
function collectRoots(raw: TSESTree.Node, depth: number, out: TSESTree.Identifier[]): void {
  if (depth > 2 || out.length > 16) return;
  let node = unwrapExpression(raw);
  while (node.type === 'MemberExpression') node = unwrapExpression(node.object);
  switch (node.type) {
    case 'Identifier':
      out.push(node);
      return;
    case 'SpreadElement':
      collectRoots(node.argument, depth + 1, out);
      return;
    case 'ObjectExpression':
      for (const property of node.properties) collectRoots(property.type === 'Property' ? property.value : property.argument, depth + 1, out);
      return;
    case 'CallExpression':
      collectRoots(node.callee, depth + 1, out);
      for (const arg of node.arguments) collectRoots(arg, depth + 1, out);
      return;
    case 'TemplateLiteral':
      for (const expression of node.expressions) collectRoots(expression, depth + 1, out);
      return;
    case 'BinaryExpression':
    case 'LogicalExpression':
      collectRoots(node.left, depth + 1, out);
      collectRoots(node.right, depth + 1, out);
      return;
    default:
      return;
  }
}

function loopOf(unit: SourceUnit, variable: Variable, depth: number): Loop | null {
  if (variable.defs.length !== 1 || depth > 2) return null;
  const def = variable.defs[0] as TSESLint.Scope.Definition;
  if (def.type === 'Variable') {
    const declarator = def.node;
    const declaration = def.parent;
    const statement = declaration.parent;
    if (statement.type === 'ForOfStatement' && statement.left === declaration) {
      return { iterable: statement.right, paths: patternPaths(unit, declarator, declarator.id) };
    }
    // const { name, handler } = t; inside the loop body
    if (declarator.init && declarator.id.type !== 'Identifier') {
      let init = unwrapExpression(declarator.init);
      while (init.type === 'MemberExpression') init = unwrapExpression(init.object);
      const inner = init.type === 'Identifier' ? getVariable(unit, init) : undefined;
      return inner ? loopOf(unit, inner, depth + 1) : null;
    }
    return null;
  }
  if (def.type === 'Parameter') {
    const fn = def.node;
    const call = fn.parent;
    if (call.type !== 'CallExpression' || call.arguments[0] !== fn) return null;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression' || !ITERATING_METHODS.has(getKeyName(callee) ?? '')) return null;
    const pattern = fn.params[0];
    if (!pattern || getPatternPath(pattern, def.name as TSESTree.Identifier) === null) return null;
    return { iterable: callee.object, paths: patternPaths(unit, fn, pattern) };
  }
  return null;
}

/** Each variable declared inside `pattern` (by `declarationNode`), with its property path. */
function patternPaths(unit: SourceUnit, declarationNode: TSESTree.Node, pattern: TSESTree.Node): Map<Variable, readonly string[]> {
  const paths = new Map<Variable, readonly string[]>();
  for (const variable of unit.scopeManager.getDeclaredVariables(declarationNode)) {
    const identifier = variable.identifiers[0];
    if (!identifier || identifier.range[0] < pattern.range[0] || identifier.range[1] > pattern.range[1]) continue;
    const path = getPatternPath(pattern, identifier);
    if (path) paths.set(variable, path);
  }
  return paths;
}
