import type { TSESTree } from '@typescript-eslint/utils';

import { enclosingClassBody, getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { getVariable, type SourceUnit } from '../util/source-unit.js';
import { plainLens, type Lens } from './lens.js';

export interface ResolvedHandler {
  /** The function; it may live in another unit (a relative module the handler was imported from). */
  readonly handler: FunctionNode | null;
  /** Calls found wrapped around the function, outermost first (`withRateLimit(fn)`). */
  readonly wrappers: readonly TSESTree.CallExpression[];
}

const MAX_HOPS = 8;

/**
 * Finds the function a registration passes as its handler, through the ways real servers pass
 * one: inline, an identifier bound to a function (declaration or `const`), an import from a
 * relative module (followed with the module loader: the function then belongs to that module's
 * unit, see `getUnitOfNode`), `this.method` / `obj.method` / `ns.method`, `.bind(…)`, and wrapper
 * calls such as `withRateLimit(fn)` (the wrapper is recorded: it may be a rate guard). `lens`
 * (default: the plain lens of `unit`) decides how identifiers are read, e.g. a loop variable.
 */
export function resolveHandler(unit: SourceUnit, expression: TSESTree.Node, lens: Lens = plainLens(unit)): ResolvedHandler {
  const wrappers: TSESTree.CallExpression[] = [];
  let current: TSESTree.Node = expression;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    current = lens.value(current);
    if (isFunctionNode(current)) return { handler: current, wrappers };
    if (current.type === 'Identifier') return { handler: getFunctionDeclaration(lens.unitOf(current), current), wrappers };
    if (current.type === 'CallExpression') {
      const callee = unwrapExpression(current.callee);
      // fn.bind(this)
      if (callee.type === 'MemberExpression' && getKeyName(callee) === 'bind') {
        current = callee.object;
        continue;
      }
      // wrapper(fn, options): the first function-valued argument is the handler.
      const inner = current.arguments.find((arg) => arg.type !== 'SpreadElement' && looksLikeFunction(lens, arg));
      if (!inner) return { handler: null, wrappers };
      wrappers.push(current);
      current = inner;
      continue;
    }
    if (current.type === 'MemberExpression') {
      const method = resolveThisMember(current);
      if (!method) return { handler: null, wrappers };
      current = method;
      continue;
    }
    return { handler: null, wrappers };
  }
  return { handler: null, wrappers };
}

function looksLikeFunction(lens: Lens, node: TSESTree.Node): boolean {
  const value = lens.value(node);
  if (isFunctionNode(value)) return true;
  if (value.type === 'Identifier') return getFunctionDeclaration(lens.unitOf(value), value) !== null;
  if (value.type === 'MemberExpression') return true; // this.handle, handlers.search
  return value.type === 'CallExpression';
}

function getFunctionDeclaration(unit: SourceUnit, identifier: TSESTree.Identifier): FunctionNode | null {
  const variable = getVariable(unit, identifier);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || !def) return null;
  // A parameter's definition node is its function too: only the function's own name names it.
  return def.type === 'FunctionName' && def.node.type === 'FunctionDeclaration' ? def.node : null;
}

/**
 * `this.handleSearch` inside a class: the method, or the value of the class field, it names.
 * (`obj.method` on an object literal is already followed by the lens.)
 */
function resolveThisMember(member: TSESTree.MemberExpression): TSESTree.Node | null {
  const name = getKeyName(member);
  if (name === null || unwrapExpression(member.object).type !== 'ThisExpression') return null;
  const classBody = enclosingClassBody(member);
  if (!classBody) return null;
  for (const element of classBody.body) {
    if ((element.type === 'MethodDefinition' || element.type === 'PropertyDefinition') && !element.static && getKeyName(element) === name) {
      return element.value ?? null;
    }
  }
  return null;
}
