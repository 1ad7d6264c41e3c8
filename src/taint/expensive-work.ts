import type { TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, getKeyName, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { memoize } from '../util/memo.js';
import { getModuleRef, type ModuleRef } from '../util/module-refs.js';
import { nodesWithin } from '../util/node-index.js';
import { getUnitOfNode } from '../util/source-unit.js';
import { resolveBinding, resolveFunction, unwrapAwait } from './instances.js';
import { getSinkCall } from './sinks.js';
import { reachableSinks, resolveCallee, settleReached } from './summaries.js';
import type { SinkCategory } from './types.js';
import { FS_READ_NAME, WORK_MODULES, WORK_TEXT, type WorkCategory, type WorkModule } from './work-calls.js';

/**
 * "Does this tool handler do expensive work?" for `require-rate-limit`: calls that reach the file
 * system or a process (the sink table), the network or a database (`work-calls.ts`), directly or
 * through helper functions of the same file or of relative modules.
 */
export interface ExpensiveWork {
  /** The call in the handler that does the work or leads to it. */
  readonly node: TSESTree.Node;
  /** `readFile()`, `searchNotes() → readdir()`. */
  readonly label: string;
  /** How a message says what it does: `reads the file system`. */
  readonly text: string;
}

const MAX_DEPTH = 3;

/** A call-like node: a call, a `new`, or a tagged template. */
export type CallSite = TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression;

/** Every call, `new` and tagged template in a function, nested callbacks included, in source order (memoised). */
export const functionCalls = memoize((fn: FunctionNode): readonly CallSite[] => {
  const unit = getUnitOfNode(fn);
  return unit ? nodesWithin(unit, fn.body, CALL_SITES) : [];
});

const CALL_SITES = ['CallExpression', 'NewExpression', 'TaggedTemplateExpression'] as const;

/**
 * The work a call does itself (memoised): a sink-table row other than code evaluation (file
 * system, process, network, SQL), or a work-table row (any database or network client call).
 */
export const directWork = memoize((node: CallSite): ExpensiveWork | null => {
  const sink = getSinkCall(node);
  if (sink && sink.spec.category !== 'code') return { node, label: sink.spec.label, text: sinkText(sink.spec.category, sink.spec.label) };
  return tableWork(node);
});

/**
 * The first work a call of a project function leads to (memoised): the sink calls the taint
 * engine finds the function reaching (`reachableSinks`, through the functions it calls, in this
 * file and in relative modules), then work-table calls. `null` for calls of anything else.
 */
export const helperWork = memoize((node: CallSite): ExpensiveWork | null => {
  if (node.type !== 'CallExpression') return null;
  const callee = resolveCallee(null, node);
  if (!callee) return null;
  const name = calleeLabel(node.callee);
  const caller = enclosingFunction(node);
  for (const found of reachableSinks(callee.fn)) {
    // `run(pool, sql)` with `run(db, q) { return db.query(q); }`: the receiver this call passes decides.
    const reached = settleReached(found, caller, callee, node.arguments);
    if (!reached || reached.condition) continue;
    const { spec } = reached.call;
    if (spec.category === 'code') continue;
    const steps = reached.steps.map((step) => `${step.name}()`);
    return { node, label: [name, ...steps, spec.label].join(' → '), text: sinkText(spec.category, spec.label) };
  }
  const inner = helperTableWork(callee.fn);
  return inner ? { node, label: `${name} → ${inner.label}`, text: inner.text } : null;
});

function sinkText(category: SinkCategory, label: string): string {
  if (category === 'filesystem') return FS_READ_NAME.test(label.replace(/^\w+\./, '')) ? WORK_TEXT['filesystem-read'] : WORK_TEXT['filesystem-write'];
  return category === 'process' ? WORK_TEXT.process : category === 'network' ? WORK_TEXT.network : WORK_TEXT.database;
}

/** The first work-table call a helper function makes (memoised per function). */
const helperTableWork = memoize((fn: FunctionNode): ExpensiveWork | null => tableWorkIn(fn, 1, new Set([fn]))[0] ?? null);

/** Work-table calls (network, databases) in a function, directly or through helpers. */
function tableWorkIn(fn: FunctionNode, depth: number, visiting: Set<FunctionNode>): ExpensiveWork[] {
  const found: ExpensiveWork[] = [];
  for (const node of functionCalls(fn)) {
    const direct = tableWork(node);
    if (direct) {
      found.push(direct);
      continue;
    }
    if (node.type === 'TaggedTemplateExpression' || depth >= MAX_DEPTH) continue;
    const callee = resolveFunction(node.callee);
    if (!callee || callee === fn || visiting.has(callee)) continue;
    const inner = depth === 0 ? helperTableWork(callee) : nestedWork(callee, depth, visiting);
    if (inner) found.push({ node, label: `${calleeLabel(node.callee)} → ${inner.label}`, text: inner.text });
  }
  return found;
}

function nestedWork(fn: FunctionNode, depth: number, visiting: Set<FunctionNode>): ExpensiveWork | null {
  visiting.add(fn);
  const [first] = tableWorkIn(fn, depth + 1, visiting);
  visiting.delete(fn);
  return first ?? null;
}

/** A call of the work table (memoised). */
const tableWork = memoize((node: CallSite): ExpensiveWork | null => {
  const callee = node.type === 'TaggedTemplateExpression' ? node.tag : node.callee;
  const category = workCategory(callee);
  return category ? { node, label: calleeLabel(callee), text: WORK_TEXT[category] } : null;
});

/** The work-table category of a callee: an export of a listed module, or a method of a value made by one. */
function workCategory(callee: TSESTree.Node): WorkCategory | null {
  const ref = getModuleRef(callee);
  if (ref && excepted(ref)) return null;
  const direct = tableRow(ref);
  if (direct) return direct.category;
  // Down the chain to its root value: `db.prepare(sql).all` → `db`; `member` is the name read from it.
  let current = unwrapExpression(callee);
  for (let hop = 0; hop < 8; hop++) {
    let member: string | null = null;
    if (current.type === 'MemberExpression') {
      const base = unwrapExpression(current.object);
      if (base.type === 'ThisExpression') break;
      member = getKeyName(current);
      current = base;
    } else if (current.type === 'CallExpression') {
      current = unwrapExpression(current.callee);
    } else {
      break;
    }
    const made = madeBy(current);
    if (made) return member !== null && made.except?.includes(member) ? null : made.category;
  }
  if (current.type === 'MemberExpression') return madeBy(current)?.category ?? null;
  return null;
}

/** The row of a value made by a listed module: `new Database(…)`, `postgres(url)`, `axios.create()`. */
function madeBy(node: TSESTree.Node): WorkModule | null {
  const expression = unwrapExpression(node);
  if (expression.type === 'Identifier' || expression.type === 'MemberExpression') {
    const row = tableRow(getModuleRef(expression));
    if (row) return row;
    const binding = resolveBinding(expression);
    if (binding.kind !== 'value') return null;
    const value = unwrapAwait(binding.node);
    if (value.type === 'NewExpression' || value.type === 'CallExpression') return tableRow(getModuleRef(value.callee));
    return null;
  }
  if (expression.type === 'NewExpression') return tableRow(getModuleRef(expression.callee));
  return null;
}

/** The row listing the module (`'x/'` in a row: every module under `x/`). */
function listsModule(row: WorkModule, module: string): boolean {
  return row.modules.some((m) => (m.endsWith('/') ? module.startsWith(m) : module === m));
}

function rowOf(ref: ModuleRef): WorkModule | null {
  return WORK_MODULES.find((row) => listsModule(row, ref.module)) ?? null;
}

/** A helper of a listed module that sends nothing (`axios.isAxiosError`), or something read from one. */
function excepted(ref: ModuleRef): boolean {
  const first = ref.path[0];
  return first !== undefined && (rowOf(ref)?.except?.includes(first) ?? false);
}

function tableRow(ref: ModuleRef | null): WorkModule | null {
  if (!ref || excepted(ref)) return null;
  for (const row of WORK_MODULES) {
    if (!listsModule(row, ref.module)) continue;
    // Every export, or one of the listed ones (a method of it included: `http.get(…).on`).
    if (!row.exports || row.exports.some((path) => path.length <= ref.path.length && path.every((segment, i) => segment === ref.path[i]))) {
      return row;
    }
  }
  return null;
}

/** `fetch()`, `db.prepare().all()`, `this.client.get()` → `client.get()`. */
function calleeLabel(callee: TSESTree.Node): string {
  return `${chainText(callee, 0).replace(/^this\./, '')}()`;
}

function chainText(node: TSESTree.Node, depth: number): string {
  const expression = unwrapExpression(node);
  if (depth > 6) return '…';
  switch (expression.type) {
    case 'Identifier':
      return expression.name;
    case 'ThisExpression':
      return 'this';
    case 'MemberExpression': {
      const key = expression.computed ? null : expression.property.type === 'Identifier' ? expression.property.name : null;
      return `${chainText(expression.object, depth + 1)}.${key ?? '[…]'}`;
    }
    case 'CallExpression':
      return `${chainText(expression.callee, depth + 1)}()`;
    case 'AwaitExpression':
      return chainText(expression.argument, depth + 1);
    default:
      return '…';
  }
}
