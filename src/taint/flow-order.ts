import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, unwrapExpression } from '../util/ast.js';

/*
 * Statement order within a function: which write of a variable reaches a read, and whether one
 * statement runs before another on every path. Approximate (AST-based), conservative where it
 * matters: when in doubt, more writes reach and fewer checks dominate.
 */

/**
 * The writes of a variable that can reach `use`: the last one before it that runs unconditionally
 * on the way (and any conditional ones after that), plus writes later in the same loop. `writes`
 * must be in source order (`writeReferences` in util/source-unit gives them so): the writes before `use` are found
 * by a binary search, so a variable written at every step of a long function stays linear.
 */
export function reachingWrites(writes: readonly TSESLint.Scope.Reference[], use: TSESTree.Node): TSESLint.Scope.Reference[] {
  // How many writes end before `use` starts (writes do not overlap: by end is by start).
  let low = 0;
  let high = writes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((writes[mid] as TSESLint.Scope.Reference).identifier.range[1] <= use.range[0]) low = mid + 1;
    else high = mid;
  }
  const before = low;
  if (before === 0) return [...writes];
  const result: TSESLint.Scope.Reference[] = [];
  for (let i = before - 1; i >= 0; i--) {
    const write = writes[i] as TSESLint.Scope.Reference;
    result.push(write);
    if (dominates(write.identifier, use)) break;
  }
  const loop = enclosingLoop(use);
  if (loop) {
    for (let i = before; i < writes.length; i++) {
      const write = writes[i] as TSESLint.Scope.Reference;
      if (write.identifier.range[0] >= loop.range[1]) break;
      if (write.identifier.range[0] > use.range[1] && loop.range[0] <= write.identifier.range[0] && write.identifier.range[1] <= loop.range[1]) result.push(write);
    }
  }
  return result;
}

export const STATEMENT_LISTS = new Set(['BlockStatement', 'Program', 'StaticBlock', 'SwitchCase']);

/** The statement holding `node` directly in a statement list, and that list's owner. */
export function statementOf(node: TSESTree.Node): TSESTree.Node | null {
  let current: TSESTree.Node = node;
  while (current.parent && !STATEMENT_LISTS.has(current.parent.type)) {
    if (isFunctionNode(current.parent)) return null;
    current = current.parent;
  }
  return current.parent ? current : null;
}

/** True when the write `id` runs, unconditionally, before `use` on every path to it. */
export function dominates(id: TSESTree.Node, use: TSESTree.Node): boolean {
  const statement = statementOf(id);
  if (!statement) return false;
  // The write must be the statement itself (`x = e;`, `let x = e;`), not inside a condition.
  const direct = statement.type === 'VariableDeclaration' ||
    (statement.type === 'ExpressionStatement' && unwrapExpression(statement.expression).type === 'AssignmentExpression' && id.parent === unwrapExpression(statement.expression));
  if (!direct) return false;
  const list = statement.parent;
  for (let current: TSESTree.Node | undefined = use; current; current = current.parent) {
    if (current.parent === list) return current.range[0] > statement.range[0];
  }
  return false;
}

export function enclosingLoop(node: TSESTree.Node): TSESTree.Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return null;
    if (current.type === 'ForStatement' || current.type === 'ForOfStatement' || current.type === 'ForInStatement' || current.type === 'WhileStatement' || current.type === 'DoWhileStatement') return current;
  }
  return null;
}

