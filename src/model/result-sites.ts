import type { TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { memoize } from '../util/memo.js';
import { nodesWithin } from '../util/node-index.js';
import { getUnitOfNode, getVariable } from '../util/source-unit.js';
import type { ToolHandler } from './types.js';

/**
 * Result sites: where a handler hands the model something to read (research/mcp-frameworks.md
 * §16.4). A value reaches the model when the handler returns it (a `return`, an arrow's expression
 * body, a promise it returns resolving with it) at a position the framework shows, or when it is
 * thrown out of the handler: McpServer, FastMCP and mcp-framework turn a thrown error's message
 * into result text, the low-level Server into a JSON-RPC error message.
 */
export interface ResultSite {
  readonly type: 'return' | 'throw';
  /** The returned, resolved, thrown or rejected expression. */
  readonly node: TSESTree.Node;
}

/**
 * Positions inside a returned value the model reads, as property paths (`'*'` is any array index
 * or key; `'**'` as the last element is any path below). A raw-value framework shows everything.
 */
export const VISIBLE_RESULT_PATHS: Readonly<Record<ToolHandler['kind'], readonly (readonly string[])[]>> = {
  tool: [['content', '*', 'text'], ['content', '*', 'resource', 'text'], ['structuredContent', '**']],
  prompt: [['messages', '*', 'content', 'text'], ['messages', '*', 'content', 'resource', 'text']],
  resource: [['contents', '*', 'text']],
  'resource-template': [['contents', '*', 'text']],
};

/** True when a value placed at `at` inside a returned value is read by the model. */
export function isVisibleResultPath(handler: ToolHandler, at: readonly string[]): boolean {
  if (handler.resultStyle === 'raw-value') return true;
  return VISIBLE_RESULT_PATHS[handler.kind].some((pattern) => matchesPattern(pattern, at));
}

function matchesPattern(pattern: readonly string[], at: readonly string[]): boolean {
  // The returned value itself is the result object, not text in it.
  if (at.length === 0) return false;
  for (const [i, segment] of pattern.entries()) {
    if (segment === '**') return true;
    const actual = at[i];
    // A value whose position is unknown (`*`) may be anywhere; a shorter path holds the position inside it.
    if (actual === undefined) return true;
    if (segment !== '*' && actual !== '*' && segment !== actual) return false;
  }
  return at.length === pattern.length;
}

/** Promise methods whose callbacks settle the promise they return. */
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/** Every result site of a handler (memoised per handler). */
export const getResultSites = memoize((handler: ToolHandler): readonly ResultSite[] => {
  const fn = handler.handler;
  if (!fn) return [];
  const sites: ResultSite[] = [];
  collectFunction(fn, sites, 0);
  return sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
});

const MAX_DEPTH = 4;

/** Returns and escaping throws of `fn` (not of functions nested in it), and the promises it returns. */
function collectFunction(fn: FunctionNode, sites: ResultSite[], depth: number): void {
  if (fn.body.type !== 'BlockStatement') {
    addReturned(fn.body, sites, depth);
    return;
  }
  const unit = getUnitOfNode(fn);
  if (!unit) return;
  for (const node of nodesWithin(unit, fn.body, EXITS)) {
    if (enclosingFunction(node) !== fn) continue;
    if (node.type === 'ReturnStatement') {
      if (node.argument) addReturned(node.argument, sites, depth);
    } else if (!isCaughtWithin(node, fn)) {
      sites.push({ type: 'throw', node: node.argument });
    }
  }
}

const EXITS = ['ReturnStatement', 'ThrowStatement'] as const;

/** A returned expression, and the callbacks of a promise chain or `new Promise` it returns. */
function addReturned(expression: TSESTree.Node, sites: ResultSite[], depth: number): void {
  sites.push({ type: 'return', node: expression });
  if (depth >= MAX_DEPTH) return;
  let current = unwrapAwait(expression);
  for (let hop = 0; hop < 8 && current.type === 'CallExpression'; hop++) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== 'MemberExpression' || !CHAIN_METHODS.has(getKeyName(callee) ?? '')) break;
    for (const arg of current.arguments) if (isFunctionNode(arg)) collectFunction(arg, sites, depth + 1);
    current = unwrapAwait(callee.object);
  }
  if (current.type === 'NewExpression' && current.callee.type === 'Identifier' && current.callee.name === 'Promise') {
    const executor = current.arguments[0];
    if (executor && isFunctionNode(executor)) addExecutor(executor, sites);
  }
}

/** `new Promise((resolve, reject) => …)`: arguments of `resolve` are returned, of `reject` thrown. */
function addExecutor(executor: FunctionNode, sites: ResultSite[]): void {
  const unit = getUnitOfNode(executor);
  if (!unit) return;
  executor.params.slice(0, 2).forEach((param, index) => {
    if (param.type !== 'Identifier') return;
    const variable = getVariable(unit, param);
    for (const reference of variable?.references ?? []) {
      const call = reference.identifier.parent;
      const [argument] = call.type === 'CallExpression' && call.callee === reference.identifier ? call.arguments : [];
      if (argument && argument.type !== 'SpreadElement') sites.push({ type: index === 0 ? 'return' : 'throw', node: argument });
    }
  });
}

/**
 * A `throw` (or a call whose callee may throw) inside a `try` block with a `catch`, below `fn` (or
 * anywhere above, for `null`), does not leave `fn`: the `catch` receives it.
 */
export function isCaughtWithin(node: TSESTree.Node, fn: FunctionNode | null): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === 'TryStatement' && current.block === child && current.handler) return true;
    child = current;
  }
  return false;
}

function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === 'AwaitExpression') current = unwrapExpression(current.argument);
  return current;
}

