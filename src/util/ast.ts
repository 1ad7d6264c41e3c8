import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getSingleInit, getVariable, isReassigned, type SourceUnit } from './source-unit.js';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === 'ArrowFunctionExpression' ||
    node?.type === 'FunctionExpression' ||
    node?.type === 'FunctionDeclaration'
  );
}

/** The body of the innermost class around `node`, or `null` outside any class. */
export function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return current;
  }
  return null;
}

/** The innermost function around `node` (not `node` itself), or `null` at module level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/**
 * Strips what does not change a value at run time: type assertions, `!`, `satisfies`, `?.` wrappers,
 * and the `(0, f)` of compiled CommonJS.
 */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        current = current.expression;
        break;
      case 'ChainExpression':
        current = current.expression;
        break;
      case 'SequenceExpression': {
        // `(0, cp.exec)(cmd)`: how tsc, esbuild and Babel call an imported function in CommonJS
        // output (without `cp` as `this`). Only that shape: a sequence with side effects before its
        // value is not the value alone.
        const { expressions } = current;
        const last = expressions[expressions.length - 1];
        if (!last || !expressions.slice(0, -1).every((expression) => expression.type === 'Literal')) return current;
        current = last;
        break;
      }
      default:
        return current;
    }
  }
}

/**
 * Module interop helpers of compiled CommonJS, whose result is the required module (its namespace,
 * or `{ default: module }`, whose leading `default` a module reference drops): tsc and tslib
 * (`__importDefault(require('fs'))`, `__importStar`), esbuild (`__toESM`), Babel
 * (`_interopRequireDefault`, `_interopRequireWildcard`).
 */
const INTEROP_HELPERS: ReadonlySet<string> = new Set(['__importDefault', '__importStar', '__toESM', '_interopRequireDefault', '_interopRequireWildcard']);

/** The `require(…)` call an interop helper wraps (`__importDefault(require('./x'))`, `tslib.__importStar(…)`); otherwise `node`. */
export function unwrapInterop(node: TSESTree.Node): TSESTree.Node {
  if (node.type !== 'CallExpression') return node;
  const callee = unwrapExpression(node.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? getKeyName(callee) : null;
  const [first] = node.arguments;
  if (name === null || !INTEROP_HELPERS.has(name) || first?.type !== 'CallExpression') return node;
  const inner = unwrapExpression(first.callee);
  return inner.type === 'Identifier' && inner.name === 'require' ? first : node;
}

/** The static name of a property key (`a`, `'a'`, `[\`a\`]`), or `null` when computed. */
export function getKeyName(
  node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition | TSESTree.MemberExpression,
): string | null {
  return ASTUtils.getPropertyName(node);
}

/**
 * The value of property `name` in an object literal: the last one wins, as at run time. Returns
 * `undefined` when absent, or when a later spread may override it.
 */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i] as TSESTree.ObjectLiteralElement;
    if (property.type === 'SpreadElement') return undefined;
    if (getKeyName(property) === name) return property;
  }
  return undefined;
}

/** The value node of property `name` in an object literal (see {@link findProperty}). */
export function getPropertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  return findProperty(object, name)?.value;
}

/**
 * Follows `const` identifiers (and `as`/`!` wrappers) to the expression they are bound to:
 * `const cfg = {...}; register(cfg)` gives the object literal. Stops after a few hops and at
 * anything that is not a single-assignment binding.
 */
export function resolveValue(unit: SourceUnit, node: TSESTree.Node, maxHops = 5): TSESTree.Node {
  let current = unwrapExpression(node);
  for (let hop = 0; hop < maxHops && current.type === 'Identifier'; hop++) {
    const variable = getVariable(unit, current);
    const init = variable && getSingleInit(variable);
    if (!init) break;
    current = unwrapExpression(init);
  }
  return current;
}

/** The innermost scope containing `node`. */
export function getScope(unit: SourceUnit, node: TSESTree.Node): TSESLint.Scope.Scope {
  // The nearest enclosing node that opens a scope: a map lookup per ancestor, where a descent from
  // the global scope (ASTUtils.getInnermostScope) scans every child scope on the way, which made a
  // file of thousands of functions quadratic.
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = unit.scopeManager.acquire(current, true);
    if (scope) return scope;
  }
  const globalScope = unit.scopeManager.globalScope;
  if (!globalScope) throw new Error('eslint-plugin-mcp-security: no global scope');
  return globalScope;
}

/**
 * The string a node evaluates to when that is knowable statically: literals, templates and `+`
 * over constants, `const` bindings in the same file. `null` otherwise.
 */
export function getStaticString(unit: SourceUnit, node: TSESTree.Node): string | null {
  // A variable written more than once has no static value; answered here because getStaticValue
  // finds that out by scanning all of the variable's references, at every read.
  if (node.type === 'Identifier') {
    const variable = getVariable(unit, node);
    if (variable && isReassigned(variable)) return null;
  }
  const result = ASTUtils.getStaticValue(node, getScope(unit, node));
  return result && typeof result.value === 'string' ? result.value : null;
}
