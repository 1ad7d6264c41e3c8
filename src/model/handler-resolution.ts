import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, isFunctionNode, resolveValue, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { getVariable, type SourceUnit } from '../util/source-unit.js';

export interface ResolvedHandler {
  readonly handler: FunctionNode | null;
  /** Calls found wrapped around the function, outermost first (`withRateLimit(fn)`). */
  readonly wrappers: readonly TSESTree.CallExpression[];
}

const MAX_HOPS = 6;

/**
 * Finds the function a registration passes as its handler, through the ways real servers pass
 * one: inline, an identifier bound to a function (declaration or `const`), `this.method` /
 * `obj.method`, `.bind(…)`, and wrapper calls such as `withRateLimit(fn)` (the wrapper is recorded:
 * it may be a rate guard).
 */
export function resolveHandler(unit: SourceUnit, expression: TSESTree.Node): ResolvedHandler {
  const wrappers: TSESTree.CallExpression[] = [];
  let current: TSESTree.Node = expression;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    current = resolveValue(unit, current);
    if (isFunctionNode(current)) return { handler: current, wrappers };
    if (current.type === 'Identifier') {
      const declaration = getFunctionDeclaration(unit, current);
      return { handler: declaration, wrappers };
    }
    if (current.type === 'CallExpression') {
      // fn.bind(this)
      if (current.callee.type === 'MemberExpression' && getKeyName(current.callee) === 'bind') {
        current = current.callee.object;
        continue;
      }
      // wrapper(fn, options): the first function-valued argument is the handler.
      const inner = current.arguments.find((arg) => arg.type !== 'SpreadElement' && looksLikeFunction(unit, arg));
      if (!inner) return { handler: null, wrappers };
      wrappers.push(current);
      current = inner;
      continue;
    }
    if (current.type === 'MemberExpression') {
      const method = resolveMethod(unit, current);
      return { handler: method, wrappers };
    }
    return { handler: null, wrappers };
  }
  return { handler: null, wrappers };
}

function looksLikeFunction(unit: SourceUnit, node: TSESTree.Node): boolean {
  const value = resolveValue(unit, node);
  if (isFunctionNode(value)) return true;
  if (value.type === 'Identifier') return getFunctionDeclaration(unit, value) !== null;
  if (value.type === 'MemberExpression') return true; // this.handle, handlers.search
  return value.type === 'CallExpression';
}

function getFunctionDeclaration(unit: SourceUnit, identifier: TSESTree.Identifier): FunctionNode | null {
  const variable = getVariable(unit, identifier);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || !def) return null;
  return def.node.type === 'FunctionDeclaration' ? def.node : null;
}

/**
 * `this.handleSearch` inside a class, or `handlers.search` with `const handlers = { search() {} }`:
 * the method or function-valued property it names.
 */
function resolveMethod(unit: SourceUnit, member: TSESTree.MemberExpression): FunctionNode | null {
  const name = getKeyName(member);
  if (name === null) return null;
  const object = unwrapExpression(member.object);
  if (object.type === 'ThisExpression') {
    const classBody = findEnclosingClassBody(member);
    if (!classBody) return null;
    for (const element of classBody.body) {
      if ((element.type === 'MethodDefinition' || element.type === 'PropertyDefinition') && getKeyName(element) === name) {
        const value = element.value ? unwrapExpression(element.value) : null;
        return isFunctionNode(value) ? value : null;
      }
    }
    return null;
  }
  const target = resolveValue(unit, object);
  if (target.type !== 'ObjectExpression') return null;
  for (const property of target.properties) {
    if (property.type === 'Property' && getKeyName(property) === name) {
      const value = resolveValue(unit, property.value);
      return isFunctionNode(value) ? value : null;
    }
  }
  return null;
}

function findEnclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return current;
  }
  return null;
}
