import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getSingleInit, getVariable, type SourceUnit } from './source-unit.js';

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
  const result = staticValue(unit, node);
  return result && typeof result.value === 'string' ? result.value : null;
}

/** A value known statically (wrapped, so that `undefined` and `null` can be known too). */
interface StaticValue {
  readonly value: unknown;
}

const staticValues = new WeakMap<TSESTree.Node, StaticValue | null>();
/** How many constants deep a static value is followed (`const a2 = a1 + 'x'`, `a1 = a0 + …`). */
const MAX_STATIC_DEPTH = 200;
let staticDepth = 0;

/**
 * ESLint's getStaticValue, memoised per node for the shapes that chain (constants, `+`, templates):
 * getStaticValue itself re-evaluates a constant's initialiser at every read, so each link of a chain
 * of constants cost the whole chain again (quadratic), and a variable written more than once costs
 * it a scan of all its references to learn that it has no static value. Other expressions are
 * handed to getStaticValue as they are.
 */
function staticValue(unit: SourceUnit, node: TSESTree.Node): StaticValue | null {
  const cached = staticValues.get(node);
  if (cached !== undefined) return cached;
  const result = computeStaticValue(unit, node);
  staticValues.set(node, result);
  return result;
}

/** The static value of a constant's initialiser, one constant deeper; past {@link MAX_STATIC_DEPTH}, unknown. */
function constantValue(unit: SourceUnit, init: TSESTree.Node): StaticValue | null {
  if (staticDepth >= MAX_STATIC_DEPTH) return null;
  staticDepth += 1;
  try {
    return staticValue(unit, init);
  } finally {
    staticDepth -= 1;
  }
}

function computeStaticValue(unit: SourceUnit, node: TSESTree.Node): StaticValue | null {
  switch (node.type) {
    case 'Literal':
      return node.value instanceof RegExp ? null : { value: node.value };
    case 'TemplateLiteral': {
      let text = node.quasis[0]?.value.cooked ?? null;
      for (let i = 0; i < node.expressions.length && text !== null; i++) {
        const part = staticValue(unit, node.expressions[i] as TSESTree.Node);
        const next = node.quasis[i + 1]?.value.cooked;
        text = part && next != null && isPrimitive(part.value) ? text + String(part.value) + next : null;
      }
      return text === null ? null : { value: text };
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') break;
      const left = staticValue(unit, node.left);
      const right = left ? staticValue(unit, node.right) : null;
      if (!left || !right || !isPrimitive(left.value) || !isPrimitive(right.value)) return null;
      // Both primitives: what `+` gives at run time (concatenation if either is a string).
      return { value: (left.value as string) + (right.value as string) };
    }
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return staticValue(unit, node.expression);
    case 'Identifier': {
      const variable = getVariable(unit, node);
      if (!variable) break; // a global (`undefined`): getStaticValue knows them
      if (variable.defs.length === 0) break; // an implicit global of a script
      const init = getSingleInit(variable);
      return init ? constantValue(unit, init) : null;
    }
    default:
      break;
  }
  return ASTUtils.getStaticValue(node, getScope(unit, node));
}

/** Strings, numbers, booleans, `null`, `undefined` (`+` on them cannot run user code). */
function isPrimitive(value: unknown): value is string | number | boolean | null | undefined {
  return value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint');
}
