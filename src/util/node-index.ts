import type { TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, type FunctionNode } from './ast.js';
import { memoizeByUnit } from './memo.js';
import { walk, type SourceUnit } from './source-unit.js';

/** A node type, written as its string (`'CallExpression'`). */
export type NodeType = `${TSESTree.Node['type']}`;
export type NodeOfType<T extends NodeType> = Extract<TSESTree.Node, { type: T }>;

/**
 * Every node of a unit, by type, in source order (pre-order: a node before its descendants). One
 * walk of the file (memoised per unit; ESLint's own walk when it has made one) answers every later
 * "the calls in this function", "the catch clauses in this handler" with a binary search instead of
 * another walk of the body: the model, the taint summaries and the error and rate analyses each
 * asked for the same bodies.
 */
const getIndex = memoizeByUnit((unit: SourceUnit): ReadonlyMap<NodeType, readonly TSESTree.Node[]> => {
  const index = new Map<NodeType, TSESTree.Node[]>();
  const unsorted = new Set<TSESTree.Node[]>();
  const add = (node: TSESTree.Node): void => {
    const list = index.get(node.type);
    if (!list) {
      index.set(node.type, [node]);
      return;
    }
    // Visitor keys are not always in source order (a template's quasis come before its expressions).
    // Of two nodes of one type that start together, pre-order already puts the outer one first.
    if (node.range[0] < (list[list.length - 1] as TSESTree.Node).range[0]) unsorted.add(list);
    list.push(node);
  };
  // The linted file: ESLint has walked it already. A followed module: walk it here.
  if (unit.forEachNode) unit.forEachNode(add);
  else walk(unit.ast, unit.visitorKeys, add);
  for (const list of unsorted) list.sort(bySourceOrder);
  return index;
});

const NONE: readonly never[] = [];

/** Every node of one type in the unit, in source order. */
export function nodesOfType<T extends NodeType>(unit: SourceUnit, type: T): readonly NodeOfType<T>[] {
  return (getIndex(unit).get(type) ?? NONE) as readonly NodeOfType<T>[];
}

/**
 * The nodes of the given types inside `root` (`root` included, nested functions included), in
 * source order; `root` must belong to `unit`.
 */
export function nodesWithin<T extends NodeType>(unit: SourceUnit, root: TSESTree.Node, types: readonly T[]): NodeOfType<T>[] {
  const [start, end] = root.range;
  const out: NodeOfType<T>[] = [];
  for (const type of types) {
    const list = nodesOfType(unit, type);
    for (let i = firstAtOrAfter(list, start); i < list.length; i++) {
      const node = list[i] as NodeOfType<T>;
      if (node.range[0] >= end) break;
      // An ancestor that starts where `root` starts (`a` in `a.b()`) ends after it.
      if (node.range[1] <= end) out.push(node);
    }
  }
  // Pre-order across types: by start, the outer (longer) node first.
  if (types.length > 1) out.sort(bySourceOrder);
  return out;
}

/**
 * The `return` statements of `fn` itself, not of the functions nested in it, in source order
 * (`fn` must belong to `unit`; an expression-bodied arrow has none).
 */
export function ownReturns(unit: SourceUnit, fn: FunctionNode): TSESTree.ReturnStatement[] {
  return nodesWithin(unit, fn.body, ['ReturnStatement']).filter((statement) => enclosingFunction(statement) === fn);
}

/** By start; of two nodes that start together, the outer (longer) one first. */
function bySourceOrder(a: TSESTree.Node, b: TSESTree.Node): number {
  return a.range[0] - b.range[0] || b.range[1] - a.range[1];
}

/** The index of the first node of `list` starting at or after `offset` (nodes are sorted by start). */
function firstAtOrAfter(list: readonly TSESTree.Node[], offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] as TSESTree.Node).range[0] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
