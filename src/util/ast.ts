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

/** Strips what does not change a value at run time: type assertions, `!`, `satisfies`, `?.` wrappers. */
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
      default:
        return current;
    }
  }
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
  const globalScope = unit.scopeManager.globalScope;
  if (!globalScope) throw new Error('eslint-plugin-mcp-security: no global scope');
  return ASTUtils.getInnermostScope(globalScope, node);
}

/**
 * The string a node evaluates to when that is knowable statically: literals, templates and `+`
 * over constants, `const` bindings in the same file. `null` otherwise.
 */
export function getStaticString(unit: SourceUnit, node: TSESTree.Node): string | null {
  const result = ASTUtils.getStaticValue(node, getScope(unit, node));
  return result && typeof result.value === 'string' ? result.value : null;
}
