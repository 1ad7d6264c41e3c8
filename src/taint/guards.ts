import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingClassBody, enclosingFunction, getKeyName, getStaticString, isFunctionNode, resolveValue, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { memoize } from '../util/memo.js';
import { GLOBAL_MODULE, getModuleRef } from '../util/module-refs.js';
import { nodesWithin, ownReturns } from '../util/node-index.js';
import { getSingleInit, getUnitOfNode, getVariable, writeReferences, type SourceUnit } from '../util/source-unit.js';
import { enclosingLoop, reachingWrites, STATEMENT_LISTS } from './flow-order.js';
import type { Analysis } from './propagation.js';
import {
  analyzeWholeStringRegex,
  endsWithSeparator,
  getKnownFunction,
  getPathFunction,
  getRegexLiteral,
  isSeparator,
  regexVerdict,
} from './sanitizers.js';
import { resolveCallee } from './summaries.js';
import type { FlowState, Origin, ParamRef } from './types.js';
import { idOf } from './values.js';

type Variable = TSESLint.Scope.Variable;

/*
 * Sanitizer guards: the checks that dominate a read (the unsafe branch returns or throws first,
 * the read sits in the safe branch, or after `&&`), classified into facts about access paths.
 */

/** A variable (or `this` of a class) and a property path below it: `args.path`. */
export interface AccessPath {
  readonly base: string;
  readonly path: readonly string[];
}

export function apKey(ap: AccessPath): string {
  return `${ap.base}.${ap.path.join('.')}`;
}

/**
 * What a check proves about an access path:
 * - `clean`: harmless for the kind (allowlist membership, equality with a constant, a number, a
 *   regex whose characters are safe for the kind);
 * - `contained`: a normalised path checked against `root + sep` (or `path.relative`);
 * - `bypass`: checked with `startsWith(root)` and no trailing separator;
 * - `noDotDot`, `notAbsolute`, `safeSegment`: partial path facts that a later `join(ROOT, …)` completes;
 * - `leadingSafe`: cannot start with `-`.
 */
export type Effect = 'clean' | 'contained' | 'bypass' | 'noDotDot' | 'notAbsolute' | 'leadingSafe' | 'safeSegment';

export interface Fact {
  readonly ap: AccessPath;
  readonly effect: Effect;
  /** The check only holds for a value that was normalised before it (`startsWith` on a raw path proves nothing). */
  readonly needsNormalized?: boolean;
  /** The checked value had been through `realpath`. */
  readonly realpath?: boolean;
  /** The check itself (the `startsWith` call of a prefix bypass). */
  readonly guard: TSESTree.Node;
  /** Where a check made inside a helper is applied (the helper call), when it differs from `guard`. */
  readonly site?: TSESTree.Node;
  /** The root checked against is built from these parameters of the enclosing function (see `FlowState.containedIf`). */
  readonly rootParams?: readonly ParamRef[];
}

/** The access path an expression reads, or `null` (a call result, a literal, …). */
export function accessPathOf(unit: SourceUnit, node: TSESTree.Node): AccessPath | null {
  const value = unwrapExpression(node);
  if (value.type === 'Identifier') {
    const variable = getVariable(unit, value);
    return variable && variable.defs.length > 0 ? { base: `v${idOf(variable)}`, path: [] } : null;
  }
  if (value.type === 'MemberExpression') {
    const name = value.computed ? getStaticString(unit, value.property) : value.property.type === 'Identifier' ? value.property.name : null;
    if (name === null) return null;
    const object = unwrapExpression(value.object);
    if (object.type === 'ThisExpression') {
      const classBody = enclosingClassBody(value);
      return classBody ? { base: `t${idOf(classBody)}`, path: [name] } : null;
    }
    const base = accessPathOf(unit, object);
    return base ? { base: base.base, path: [...base.path, name] } : null;
  }
  return null;
}

/** The position after which a check on the read's variable is still valid (its last reaching write). */
export function writeBarrier(unit: SourceUnit, node: TSESTree.Node): number {
  let base = unwrapExpression(node);
  while (base.type === 'MemberExpression') base = unwrapExpression(base.object);
  if (base.type !== 'Identifier') return 0;
  const variable = getVariable(unit, base);
  if (!variable) return 0;
  const writes = writeReferences(variable);
  // `let x;` written once later: a check made before that write was on `undefined`.
  const [only] = writes;
  if (writes.length === 1 && only && !only.init && only.identifier.range[1] <= node.range[0]) return only.identifier.range[1];
  if (writes.length <= 1) return 0;
  let barrier = 0;
  for (const write of reachingWrites(writes, node)) if (write.identifier.range[1] <= node.range[0]) barrier = Math.max(barrier, write.identifier.range[1]);
  return barrier;
}

/**
 * The one value a variable holds wherever it is read, for following a checked value back to what it
 * was made of: a `const`-like initialiser ({@link getSingleInit}), or, for a variable declared
 * without one (`let p;`), the right side of its only write `p = e;` when that write is a statement
 * of the declaring function, in no loop the declaration is not in, and runs before every read on
 * every path to it: the reads follow it in its statement list, or follow a `try` whose block holds
 * it and whose `catch` never completes (`try { p = resolve(x); } catch { return false; }`). A second
 * write, a write in a branch (`if (c) p = e;`) or in a loop, a compound assignment, or a read that
 * can come first: `undefined`.
 */
export function getSingleValue(variable: Variable): TSESTree.Expression | undefined {
  const init = getSingleInit(variable);
  if (init) return init;
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.node.type !== 'VariableDeclarator' || def.node.init != null || def.node.id.type !== 'Identifier') return undefined;
  const declaration = def.node.parent;
  if (!STATEMENT_LISTS.has(declaration.parent.type)) return undefined;
  const writes = writeReferences(variable);
  const write = writes[0];
  if (writes.length !== 1 || !write) return undefined;
  const assignment = write.identifier.parent;
  if (assignment.type !== 'AssignmentExpression' || assignment.left !== write.identifier || assignment.operator !== '=') return undefined;
  const statement = assignment.parent;
  if (statement.type !== 'ExpressionStatement' || !STATEMENT_LISTS.has(statement.parent.type)) return undefined;
  if (enclosingFunction(statement) !== enclosingFunction(declaration)) return undefined;
  const loop = enclosingLoop(statement);
  if (loop && !(loop.range[0] <= declaration.range[0] && declaration.range[1] <= loop.range[1])) return undefined;
  // The statements after which the write has run on every path: its own, then each `try` around it whose `catch` exits.
  const anchors: TSESTree.Node[] = [statement];
  for (let current: TSESTree.Node = statement; ;) {
    const block: TSESTree.Node = current.parent;
    if (block.type !== 'BlockStatement') break;
    const attempt: TSESTree.Node = block.parent;
    if (attempt.type !== 'TryStatement' || attempt.block !== block) break;
    if (attempt.handler && !exits(attempt.handler.body)) break;
    if (!STATEMENT_LISTS.has(attempt.parent.type)) break;
    anchors.push(attempt);
    current = attempt;
  }
  const dominated = (read: TSESTree.Node): boolean => anchors.some((anchor) => {
    for (let node: TSESTree.Node | undefined = read; node; node = node.parent) {
      if (node.parent === anchor.parent) return node !== anchor && node.range[0] >= anchor.range[1];
    }
    return false;
  });
  if (!variable.references.every((r) => r.isWrite() || dominated(r.identifier))) return undefined;
  return assignment.right;
}

/** A condition that holds where a node runs. */
type Condition =
  | { readonly type: 'test'; readonly test: TSESTree.Node; readonly polarity: boolean }
  /** Inside `case 'a': case 'b':` of a switch. */
  | { readonly type: 'case'; readonly switchCase: TSESTree.SwitchCase }
  /** After a switch whose default exits. */
  | { readonly type: 'switch'; readonly statement: TSESTree.SwitchStatement }
  /** After a statement calling an assertion (`assert(x)`, a helper that throws). */
  | { readonly type: 'call'; readonly call: TSESTree.CallExpression };

/** True when a statement never completes normally (return, throw, break, continue, process.exit). */
export function exits(statement: TSESTree.Node | null | undefined): boolean {
  if (!statement) return false;
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return true;
    case 'BlockStatement':
      return statement.body.some((s) => exits(s));
    case 'IfStatement':
      return exits(statement.consequent) && exits(statement.alternate);
    case 'TryStatement':
      return exits(statement.block) && (!statement.handler || exits(statement.handler.body));
    case 'ExpressionStatement': {
      const expression = unwrapExpression(statement.expression);
      if (expression.type !== 'CallExpression') return false;
      const ref = getModuleRef(expression.callee);
      return ref?.module === 'process' && ref.path.join('.') === 'exit';
    }
    default:
      return false;
  }
}

function statementsOf(owner: TSESTree.Node): readonly TSESTree.Node[] {
  if (owner.type === 'SwitchCase') return owner.consequent;
  if (owner.type === 'BlockStatement' || owner.type === 'Program' || owner.type === 'StaticBlock') return owner.body;
  return [];
}

/** The checks each statement of a list establishes for the statements after it. */
const exitGuards = memoize((owner: TSESTree.Node): readonly { index: number; condition: Condition }[] => {
  const out: { index: number; condition: Condition }[] = [];
  statementsOf(owner).forEach((statement, index) => {
    if (statement.type === 'IfStatement') {
      const consequentExits = exits(statement.consequent);
      const alternateExits = exits(statement.alternate);
      if (consequentExits && !alternateExits) out.push({ index, condition: { type: 'test', test: statement.test, polarity: false } });
      else if (alternateExits && !consequentExits) out.push({ index, condition: { type: 'test', test: statement.test, polarity: true } });
      return;
    }
    if (statement.type === 'SwitchStatement') {
      out.push({ index, condition: { type: 'switch', statement } });
      return;
    }
    // A call can only prove something about what it is given: skip calls with no variable argument.
    const call = statementCall(statement);
    if (call && call.arguments.some((a) => hasAccessPathShape(a))) out.push({ index, condition: { type: 'call', call } });
  });
  return out;
});

function hasAccessPathShape(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === 'Identifier') return true;
  if (value.type === 'MemberExpression') return hasAccessPathShape(value.object) || value.object.type === 'ThisExpression';
  // assert(check): the check itself names what it is about.
  return value.type === 'CallExpression' || value.type === 'BinaryExpression' || value.type === 'LogicalExpression' || value.type === 'UnaryExpression';
}

/** Each statement's index in its list, for the lists guards are looked up in. */
const statementIndex = memoize((owner: TSESTree.Node): ReadonlyMap<TSESTree.Node, number> => {
  const map = new Map<TSESTree.Node, number>();
  statementsOf(owner).forEach((statement, index) => map.set(statement, index));
  return map;
});

/** `f(x);`, `await f(x);`, `const r = await f(x);`: a call whose throwing stops what follows. */
function statementCall(statement: TSESTree.Node): TSESTree.CallExpression | null {
  let expression: TSESTree.Node | null = null;
  if (statement.type === 'ExpressionStatement') expression = statement.expression;
  else if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) expression = statement.declarations[0].init;
  if (!expression) return null;
  const value = unwrapExpression(expression.type === 'AwaitExpression' ? expression.argument : expression);
  return value.type === 'CallExpression' ? value : null;
}

/**
 * Walks the conditions that hold where `node` runs, innermost first: `onCondition` for a test or case
 * the node sits under, `onList` for each statement list it is in, with the index of the statement
 * holding it (the exit guards of the statements before that one hold too: {@link exitGuards}).
 */
function forEachDominating(
  node: TSESTree.Node,
  onCondition: (condition: Condition, position: number) => void,
  onList: (owner: TSESTree.Node, index: number) => void,
): void {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child === parent.consequent) onCondition({ type: 'test', test: parent.test, polarity: true }, parent.test.range[1]);
        else if (child === parent.alternate) onCondition({ type: 'test', test: parent.test, polarity: false }, parent.test.range[1]);
        break;
      case 'LogicalExpression':
        if (child === parent.right && parent.operator !== '??') onCondition({ type: 'test', test: parent.left, polarity: parent.operator === '&&' }, parent.left.range[1]);
        break;
      case 'WhileStatement':
      case 'ForStatement':
        if (child === parent.body && parent.test) onCondition({ type: 'test', test: parent.test, polarity: true }, parent.test.range[1]);
        break;
      case 'SwitchCase':
        if (parent.consequent.includes(child as TSESTree.Statement)) onCondition({ type: 'case', switchCase: parent }, parent.range[0]);
        break;
      default:
        break;
    }
    if (STATEMENT_LISTS.has(parent.type)) {
      const index = statementIndex(parent).get(child) ?? -1;
      if (index > 0) onList(parent, index);
    }
  }
}

/** Every condition that holds where `node` runs, innermost first, with the position it is checked at. */
function dominatingConditions(node: TSESTree.Node): { condition: Condition; position: number }[] {
  const out: { condition: Condition; position: number }[] = [];
  forEachDominating(
    node,
    (condition, position) => out.push({ condition, position }),
    (owner, index) => {
      const statements = statementsOf(owner);
      for (const guard of exitGuards(owner)) {
        if (guard.index >= index) break;
        const statement = statements[guard.index];
        if (statement) out.push({ condition: guard.condition, position: statement.range[1] });
      }
    },
  );
  return out;
}

/** A fact an exit guard of a statement list establishes, with the guard's statement index and end. */
interface ListFact {
  readonly index: number;
  readonly position: number;
  readonly fact: Fact;
}

/**
 * The facts of a statement list's exit guards, by access path, for the guards before `index`; filled
 * in statement order as later statements ask, so a guard's facts are computed no earlier than before
 * (as the statements after it are reached). Per analysis and list: a read then looks only at facts
 * about its own access path, where walking every earlier guard for every read would be quadratic in
 * the statements of a long function body.
 */
function listFactsBefore(analysis: Analysis, owner: TSESTree.Node, index: number, key: string): readonly ListFact[] {
  const cache = analysis.cache<TSESTree.Node, { next: number; byPath: Map<string, ListFact[]> }>('list-facts');
  let entry = cache.get(owner);
  if (!entry) {
    entry = { next: 0, byPath: new Map() };
    cache.set(owner, entry);
  }
  const guards = exitGuards(owner);
  const statements = statementsOf(owner);
  while (entry.next < guards.length && (guards[entry.next]?.index ?? Infinity) < index) {
    const guard = guards[entry.next] as { index: number; condition: Condition };
    entry.next += 1;
    const position = statements[guard.index]?.range[1] ?? 0;
    for (const fact of conditionFacts(analysis, guard.condition)) {
      const factKey = apKey(fact.ap);
      let list = entry.byPath.get(factKey);
      if (!list) {
        list = [];
        entry.byPath.set(factKey, list);
      }
      list.push({ index: guard.index, position, fact });
    }
  }
  return entry.byPath.get(key) ?? NO_LIST_FACTS;
}

const NO_LIST_FACTS: readonly ListFact[] = [];

/** The facts about `ap` that hold where `node` runs (checks made after `minPosition` only). */
export function factsAt(analysis: Analysis, node: TSESTree.Node, ap: AccessPath, minPosition: number): Fact[] {
  const key = apKey(ap);
  const out: Fact[] = [];
  forEachDominating(
    node,
    (condition, position) => {
      if (position < minPosition) return;
      for (const fact of conditionFacts(analysis, condition)) if (apKey(fact.ap) === key) out.push(fact);
    },
    (owner, index) => {
      for (const listFact of listFactsBefore(analysis, owner, index, key)) {
        // Filled in statement order, except when a guard's facts ask (through a helper) for later ones.
        if (listFact.index < index && listFact.position >= minPosition) out.push(listFact.fact);
      }
    },
  );
  return out;
}

/** Every fact (about any access path) that holds where `node` runs. */
function allFactsAt(analysis: Analysis, node: TSESTree.Node): Fact[] {
  return dominatingConditions(node).flatMap(({ condition }) => conditionFacts(analysis, condition));
}

/** Applies facts to one origin: `null` when a fact makes it harmless. */
export function applyFacts(origin: Origin, facts: readonly Fact[]): Origin | null {
  const state: { -readonly [K in keyof FlowState]: FlowState[K] } = { ...origin.state };
  for (const fact of facts) {
    if (fact.needsNormalized && !state.normalized) continue;
    switch (fact.effect) {
      case 'clean':
        return null;
      case 'contained':
        if (fact.rootParams?.length) {
          // Conditional on the caller's root: never weakens an unconditional containment.
          if (!state.contained) state.containedIf = fact.rootParams;
        } else {
          delete state.containedIf;
        }
        state.contained = true;
        if (fact.realpath) state.realpath = true;
        delete state.bypass;
        delete state.bypassSite;
        break;
      case 'bypass':
        if (!state.contained) {
          state.bypass = fact.guard;
          if (fact.site) state.bypassSite = fact.site;
        }
        break;
      case 'noDotDot':
        state.noDotDot = true;
        break;
      case 'notAbsolute':
        state.notAbsolute = true;
        break;
      case 'leadingSafe':
        state.leadingSafe = true;
        break;
      case 'safeSegment':
        state.segment = 'safe-segment';
        break;
    }
  }
  if (state.noDotDot && state.notAbsolute) state.contained = true;
  return { ...origin, state };
}

// ---- classification of conditions ------------------------------------------------------------

function conditionFacts(analysis: Analysis, condition: Condition): readonly Fact[] {
  if (condition.type === 'test') return testFacts(analysis, condition.test, condition.polarity);
  const cache = analysis.cache<Condition, readonly Fact[]>('condition-facts');
  const cached = cache.get(condition);
  if (cached) return cached;
  cache.set(condition, []);
  const facts = computeConditionFacts(analysis, condition);
  cache.set(condition, facts);
  return facts;
}

function computeConditionFacts(analysis: Analysis, condition: Condition): readonly Fact[] {
  switch (condition.type) {
    case 'test':
      return testFacts(analysis, condition.test, condition.polarity);
    case 'case':
      return caseFacts(condition.switchCase);
    case 'switch':
      return switchFacts(condition.statement);
    case 'call':
      return assertionFacts(analysis, condition.call);
  }
}

const TYPEOF_HARMLESS = new Set(['number', 'boolean', 'bigint', 'undefined']);

/** Facts that hold when `test` evaluates to `polarity`. Memoised per node and polarity. */
export function testFacts(analysis: Analysis, test: TSESTree.Node, polarity: boolean, depth = 0): readonly Fact[] {
  const cache = analysis.cache<TSESTree.Node, readonly Fact[]>(polarity ? 'facts-true' : 'facts-false');
  const cached = cache.get(test);
  if (cached) return cached;
  cache.set(test, []); // cycle guard
  const unit = getUnitOfNode(test);
  const classified = unit && depth < 8 ? classifyTest(analysis, unit, test, polarity, depth) : [];
  const facts = unit && analysis.kind === 'network-url' ? [...classified, ...urlHostFacts(unit, test, classified)] : classified;
  cache.set(test, facts);
  return facts;
}

const HOST_PROPERTIES = new Set(['hostname', 'host', 'origin']);

/**
 * For requests: an allowlist check on `u.hostname` / `u.host` / `u.origin` (or a `hostname`
 * destructured from it) makes `u` safe to request, and with `u = new URL(x)` (or `new URL(x, BASE)`)
 * also `x`: the check is on the host the request will use.
 */
function urlHostFacts(unit: SourceUnit, test: TSESTree.Node, facts: readonly Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) {
    if (f.effect !== 'clean') continue;
    const last = f.ap.path[f.ap.path.length - 1];
    let urlNode: TSESTree.Node | null = null;
    if (last !== undefined && HOST_PROPERTIES.has(last)) {
      out.push({ ...f, ap: { base: f.ap.base, path: f.ap.path.slice(0, -1) } });
      if (f.ap.path.length === 1) urlNode = variableInit(unit, test, f.ap.base, false);
    } else if (f.ap.path.length === 0) urlNode = variableInit(unit, test, f.ap.base, true);
    const made = urlNode ? unwrapExpression(urlNode) : null;
    if (made?.type !== 'NewExpression') continue;
    const ref = getModuleRef(made.callee);
    if (!ref || !(ref.module === GLOBAL_MODULE || ref.module === 'url') || ref.path.join('.') !== 'URL') continue;
    const input = made.arguments[0];
    if (!input || input.type === 'SpreadElement') continue;
    const ap = accessPathOf(unit, input);
    if (ap) out.push({ ...f, ap });
    if (!ap && made.parent.type === 'VariableDeclarator' && made.parent.id.type === 'Identifier') {
      const own = accessPathOf(unit, made.parent.id);
      if (own) out.push({ ...f, ap: own });
    }
  }
  return out;
}

/**
 * The initialiser of the variable behind an access-path base, found among the identifiers of
 * `test`: `u` of `u.hostname` (`hostProperty` false), or `hostname` of `const { hostname } =
 * new URL(x)` (`hostProperty` true, the destructured property must be a host property).
 */
function variableInit(unit: SourceUnit, test: TSESTree.Node, base: string, hostProperty: boolean): TSESTree.Node | null {
  let found: TSESTree.Node | null = null;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === 'Identifier') {
      const ap = accessPathOf(unit, node);
      if (ap?.base !== base) return;
      const variable = getVariable(unit, node);
      const def = variable?.defs[0];
      if (!variable || !def || def.type !== 'Variable' || !def.node.init) return;
      if (!hostProperty) {
        found = getSingleInit(variable) ?? null;
        return;
      }
      const property = def.name.parent;
      if (def.node.id.type === 'ObjectPattern' && property.type === 'Property' && HOST_PROPERTIES.has(getKeyName(property) ?? '')) found = def.node.init;
      return;
    }
    for (const key of unit.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const c of child) { if (c && typeof c === 'object' && 'type' in c) visit(c as TSESTree.Node); }
      else if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
    }
  };
  visit(test);
  return found;
}

function classifyTest(analysis: Analysis, unit: SourceUnit, raw: TSESTree.Node, polarity: boolean, depth: number): Fact[] {
  let test = unwrapExpression(raw);
  if (test.type === 'AwaitExpression') test = unwrapExpression(test.argument);
  switch (test.type) {
    case 'UnaryExpression':
      return test.operator === '!' ? [...testFacts(analysis, test.argument, !polarity, depth + 1)] : [];
    case 'LogicalExpression': {
      if (test.operator === '??') return [];
      const left = testFacts(analysis, test.left, polarity, depth + 1);
      const right = testFacts(analysis, test.right, polarity, depth + 1);
      // a && b true: both hold; a || b false: neither holds. Otherwise only what both sides prove.
      const both = (test.operator === '&&') === polarity;
      return both ? [...left, ...right] : meetFacts(left, right);
    }
    case 'Identifier': {
      // const ok = dirs.some(…); if (!ok) throw …
      const variable = getVariable(unit, test);
      const init = variable ? getSingleValue(variable) : undefined;
      return init ? [...testFacts(analysis, init, polarity, depth + 1)] : [];
    }
    case 'BinaryExpression':
      return compareFacts(analysis, unit, test, polarity);
    case 'CallExpression':
      return callFacts(analysis, unit, test, polarity, depth);
    default:
      return [];
  }
}

function fact(ap: AccessPath | null, effect: Effect, guard: TSESTree.Node, extra: Partial<Fact> = {}): Fact[] {
  return ap ? [{ ap, effect, guard, ...extra }] : [];
}

/** True when `node` is a value the server controls (a literal, a constant, any untainted expression). */
function isServerValue(analysis: Analysis, node: TSESTree.Node): boolean {
  return analysis.evaluate(node).length === 0;
}

/**
 * The parameters a value is built from when it is built from nothing but parameters of the
 * function being summarised (`root + path.sep` with `root` a parameter): `[]` for a server value,
 * `null` when it carries input. A containment check against such a root holds where the callers
 * pass a server value; `settleContainment` in summaries.ts checks that at each call.
 */
export function serverValueParams(analysis: Analysis, node: TSESTree.Node): readonly ParamRef[] | null {
  const params: ParamRef[] = [];
  for (const origin of analysis.evaluate(node)) {
    if (origin.root.type !== 'param') return null;
    params.push({ fn: origin.root.fn, index: origin.root.index });
  }
  return params;
}

function withRootParams(facts: readonly Fact[], rootParams: readonly ParamRef[]): Fact[] {
  return rootParams.length === 0 ? [...facts] : facts.map((f) => ({ ...f, rootParams }));
}

function compareFacts(analysis: Analysis, unit: SourceUnit, test: TSESTree.BinaryExpression, polarity: boolean): Fact[] {
  const { operator } = test;
  if (test.left.type === 'PrivateIdentifier') return [];
  const left: TSESTree.Node = test.left;
  const right: TSESTree.Node = test.right;
  if (operator === '===' || operator === '==' || operator === '!==' || operator === '!=') {
    const equal = (operator === '===' || operator === '==') === polarity;
    const out: Fact[] = [];
    for (const [a, b] of [[left, right], [right, left]] as const) {
      const value = unwrapExpression(a);
      // typeof x === 'number'
      if (equal && value.type === 'UnaryExpression' && value.operator === 'typeof') {
        const type = getStaticString(unit, b);
        if (type !== null && TYPEOF_HARMLESS.has(type)) out.push(...fact(accessPathOf(unit, value.argument), 'clean', test));
        continue;
      }
      // x.indexOf(y) === -1
      const indexOf = indexOfCall(value);
      if (indexOf) {
        const n = numberOf(b);
        if (n === -1) out.push(...membershipFacts(analysis, unit, indexOf, !equal, test));
        else if (n === 0 && equal) out.push(...startsWithFacts(analysis, unit, indexOf.receiver, indexOf.argument, true, test));
        continue;
      }
      // Equal to a server value; for a path built from x (`normalize(x) === root`), x is inside that root.
      if (equal && isServerValue(analysis, b)) out.push(...fact(accessPathOf(unit, a), 'clean', test), ...(analysis.kind === 'path' ? chainFacts(analysis, unit, a, 'contained', test) : []));
      else if (equal && analysis.kind === 'path') {
        // `p === root` with `root` a helper parameter: p is the root the caller passes.
        const rootParams = serverValueParams(analysis, b);
        if (rootParams) out.push(...withRootParams([...fact(accessPathOf(unit, a), 'contained', test), ...chainFacts(analysis, unit, a, 'contained', test)], rootParams));
      }
    }
    return out;
  }
  // x.indexOf(y) >= 0 / > -1 / < 0
  const indexOf = indexOfCall(unwrapExpression(left));
  const n = numberOf(right);
  if (indexOf && n !== null) {
    let found: boolean | null = null;
    if ((operator === '>=' && n === 0) || (operator === '>' && n === -1)) found = true;
    else if ((operator === '<' && n === 0) || (operator === '<=' && n === -1)) found = false;
    if (found !== null) return membershipFacts(analysis, unit, indexOf, found === polarity, test);
  }
  return [];
}

function numberOf(node: TSESTree.Node): number | null {
  const value = unwrapExpression(node);
  if (value.type === 'Literal' && typeof value.value === 'number') return value.value;
  if (value.type === 'UnaryExpression' && value.operator === '-' && value.argument.type === 'Literal' && typeof value.argument.value === 'number') return -value.argument.value;
  return null;
}

interface MethodCall {
  readonly receiver: TSESTree.Node;
  readonly argument: TSESTree.Node;
}

function indexOfCall(node: TSESTree.Node): MethodCall | null {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || getKeyName(node.callee) !== 'indexOf') return null;
  const [argument] = node.arguments;
  return argument && argument.type !== 'SpreadElement' ? { receiver: node.callee.object, argument } : null;
}

/** A collection the server controls that is not a string (whose `includes` is a substring test). */
function isServerCollection(analysis: Analysis, unit: SourceUnit, node: TSESTree.Node): boolean {
  const value = resolveValue(unit, node);
  if ((value.type === 'Literal' && typeof value.value === 'string') || value.type === 'TemplateLiteral') return false;
  if (getStaticString(unit, node) !== null) return false;
  return isServerValue(analysis, node);
}

/**
 * `C.includes(x)` / `C.indexOf(x) !== -1` with C a server collection: x is one of its elements.
 * `s.includes('..')` false: s has no `..` segment.
 */
function membershipFacts(analysis: Analysis, unit: SourceUnit, call: MethodCall, found: boolean, guard: TSESTree.Node): Fact[] {
  const needle = getStaticString(unit, call.argument);
  if (needle !== null && needle.includes('..')) {
    return found ? [] : [...fact(accessPathOf(unit, call.receiver), 'noDotDot', guard), ...relativeContainment(analysis, unit, call.receiver, guard)];
  }
  if (found && isServerCollection(analysis, unit, call.receiver)) return fact(accessPathOf(unit, call.argument), 'clean', guard);
  return [];
}

function callFacts(analysis: Analysis, unit: SourceUnit, call: TSESTree.CallExpression, polarity: boolean, depth: number): Fact[] {
  const callee = unwrapExpression(call.callee);
  const [first, second] = call.arguments;
  const arg0 = first && first.type !== 'SpreadElement' ? first : null;
  const arg1 = second && second.type !== 'SpreadElement' ? second : null;
  const known = getKnownFunction(callee);
  if (known === 'inside-predicate' && arg0) return polarity ? [...fact(accessPathOf(unit, arg0), 'contained', call), ...chainFacts(analysis, unit, arg0, 'contained', call)] : [];
  if (known === 'validator' && arg0) return polarity ? fact(accessPathOf(unit, arg0), 'clean', call) : [];
  const pathFunction = getPathFunction(callee);
  if (pathFunction === 'isAbsolute') return !polarity && arg0 ? fact(accessPathOf(unit, arg0), 'notAbsolute', call) : [];
  const ref = getModuleRef(callee);
  if (ref?.module === GLOBAL_MODULE) {
    const name = ref.path.join('.');
    if (['Number.isInteger', 'Number.isFinite', 'Number.isSafeInteger', 'isFinite'].includes(name)) return polarity && arg0 ? fact(accessPathOf(unit, arg0), 'clean', call) : [];
    if (name === 'isNaN' || name === 'Number.isNaN') return !polarity && arg0 ? fact(accessPathOf(unit, arg0), 'clean', call) : [];
    if (name === 'Object.hasOwn' && arg0 && arg1) return polarity && isServerCollection(analysis, unit, arg0) ? fact(accessPathOf(unit, arg1), 'clean', call) : [];
  }
  if (callee.type === 'MemberExpression') {
    const method = getKeyName(callee);
    const receiver = callee.object;
    switch (method) {
      case 'has':
      case 'hasOwnProperty':
        return polarity && arg0 && isServerCollection(analysis, unit, receiver) ? fact(accessPathOf(unit, arg0), 'clean', call) : [];
      case 'includes':
        return arg0 ? membershipFacts(analysis, unit, { receiver, argument: arg0 }, polarity, call) : [];
      case 'startsWith':
        return arg0 ? startsWithFacts(analysis, unit, receiver, arg0, polarity, call) : [];
      case 'test':
      case 'exec': {
        const regex = getRegexLiteral(unit, receiver);
        return regex && arg0 ? regexFacts(analysis, unit, regex, arg0, polarity, call) : [];
      }
      case 'match': {
        const regex = arg0 ? getRegexLiteral(unit, arg0) : null;
        return regex ? regexFacts(analysis, unit, regex, receiver, polarity, call) : [];
      }
      case 'some':
      case 'find':
        return polarity && arg0 ? callbackFacts(analysis, unit, arg0, depth) : [];
      default:
        break;
    }
  }
  const resolved = resolveCallee(analysis, call);
  if (resolved) return mapParamFacts(analysis, unit, call, resolved.fn, functionFacts(analysis, resolved.fn, polarity ? 'true' : 'false'));
  return [];
}

/**
 * `dirs.some((dir) => p.startsWith(dir + sep))`: what the callback proves about outer values when it
 * returns truthy. A block body proves what every return that can be truthy proves (`if (p === dir)
 * return true;` included); an async callback returns a promise, truthy whatever it checks.
 */
function callbackFacts(analysis: Analysis, unit: SourceUnit, callbackNode: TSESTree.Node, depth: number): Fact[] {
  const callback = resolveValue(unit, callbackNode);
  if (!isFunctionNode(callback) || callback.async || callback.generator) return [];
  const facts = callback.body.type !== 'BlockStatement' ? testFacts(analysis, callback.body, true, depth + 1) : truthyReturnFacts(analysis, callback, depth + 1);
  const own = new Set(callback.params.map((p) => (p.type === 'Identifier' ? accessPathOf(unit, p)?.base : undefined)).filter(Boolean));
  return facts.filter((f) => !own.has(f.ap.base));
}

/** The facts that hold wherever a block-bodied function returns a truthy value: the meet over those returns (none: nothing). */
function truthyReturnFacts(analysis: Analysis, fn: FunctionNode, depth: number): Fact[] {
  const points: Fact[][] = [];
  for (const { argument, anchor } of collectReturns(fn)) {
    const literal = argument ? truthiness(argument) : false;
    if (!argument || literal === false) continue;
    const here = allFactsAt(analysis, anchor);
    if (literal === null) here.push(...testFacts(analysis, argument, true, depth));
    here.push(...rootIsSeparatorFacts(analysis, fn, anchor));
    points.push(here);
  }
  return points.length === 0 ? [] : points.reduce((a, b) => meetFacts(a, b));
}

/**
 * A return of a containment callback guarded by `root === path.sep` (or `'/'`, `'\\'`): the allowed
 * root is the whole file system, so every absolute path is inside it whatever the return checks
 * (`if (dir === path.sep) return p.startsWith(path.sep);`). Credited to the outer paths read in the
 * callback that are known absolute there: bound to `path.resolve(…)` or a `realpath` (which also
 * normalise), or checked with `path.isAbsolute(p)` on the way; never a path that may be relative,
 * nor a root that carries input (the root's parameters are settled like any checked root).
 */
function rootIsSeparatorFacts(analysis: Analysis, fn: FunctionNode, anchor: TSESTree.Node): Fact[] {
  if (analysis.kind !== 'path') return [];
  const unit = getUnitOfNode(fn);
  if (!unit) return [];
  const out: Fact[] = [];
  for (const { condition } of dominatingConditions(anchor)) {
    if (condition.type !== 'test') continue;
    const test = unwrapExpression(condition.test);
    if (test.type !== 'BinaryExpression' || test.left.type === 'PrivateIdentifier' || test.range[0] < fn.range[0] || test.range[1] > fn.range[1]) continue;
    const equal = test.operator === '===' || test.operator === '==';
    if (!(equal || test.operator === '!==' || test.operator === '!=') || equal !== condition.polarity) continue;
    const root = isSeparator(unit, test.right) ? test.left : isSeparator(unit, test.left) ? test.right : null;
    if (!root) continue;
    const rootParams = serverValueParams(analysis, root);
    if (rootParams === null) continue;
    const rootAp = accessPathOf(unit, root);
    const seen = new Set<Variable>();
    for (const id of nodesWithin(unit, fn.body, ['Identifier'])) {
      const variable = getVariable(unit, id);
      const def = variable?.defs[0];
      if (!variable || !def || seen.has(variable)) continue;
      seen.add(variable);
      if (def.name.range[0] >= fn.range[0] && def.name.range[1] <= fn.range[1]) continue;
      const ap = accessPathOf(unit, id);
      if (!ap || (rootAp && apKey(rootAp) === apKey(ap)) || !knownAbsolute(analysis, unit, variable, anchor)) continue;
      out.push(...withRootParams([...fact(ap, 'contained', test), ...chainFacts(analysis, unit, id, 'contained', test)], rootParams));
    }
  }
  return out;
}

/** A variable bound to an absolute path (`path.resolve(…)`, `realpath(…)`), or checked with `path.isAbsolute` where `at` runs. */
function knownAbsolute(analysis: Analysis, unit: SourceUnit, variable: Variable, at: TSESTree.Node): boolean {
  const bound = getSingleValue(variable);
  let value = bound ? unwrapExpression(bound) : null;
  if (value?.type === 'AwaitExpression') value = unwrapExpression(value.argument);
  if (value?.type === 'CallExpression') {
    if (getPathFunction(value.callee) === 'resolve') return true;
    if (isRealpathCall(value)) return true;
  }
  // A check on a variable that is written again may be about another value.
  const unchanged = bound !== undefined || (variable.defs[0]?.type === 'Parameter' && !variable.references.some((r) => r.isWrite()));
  return unchanged && dominatingConditions(at).some(({ condition }) => condition.type === 'test' && checksAbsolute(unit, condition.test, condition.polarity, variable));
}

/** `path.isAbsolute(v)` holds when `test` evaluates to `polarity`. */
function checksAbsolute(unit: SourceUnit, raw: TSESTree.Node, polarity: boolean, variable: Variable): boolean {
  const test = unwrapExpression(raw);
  if (test.type === 'UnaryExpression' && test.operator === '!') return checksAbsolute(unit, test.argument, !polarity, variable);
  if (test.type === 'LogicalExpression' && test.operator !== '??' && (test.operator === '&&') === polarity) {
    return checksAbsolute(unit, test.left, polarity, variable) || checksAbsolute(unit, test.right, polarity, variable);
  }
  if (test.type !== 'CallExpression' || !polarity || getPathFunction(test.callee) !== 'isAbsolute') return false;
  const argument = test.arguments[0] ? unwrapExpression(test.arguments[0]) : null;
  return argument?.type === 'Identifier' && getVariable(unit, argument) === variable;
}

/**
 * `s.startsWith(prefix)`, for paths: with `prefix` ending in a separator on a normalised `s`, `s`
 * is contained; without one, `/root-evil` passes (a prefix bypass). `startsWith('..')` false on a
 * normalised relative path rules out `..`; `startsWith('-')` false rules out options.
 */
function startsWithFacts(analysis: Analysis, unit: SourceUnit, subject: TSESTree.Node, prefix: TSESTree.Node, polarity: boolean, guard: TSESTree.Node): Fact[] {
  const text = getStaticString(unit, prefix);
  const ap = accessPathOf(unit, subject);
  if (text === '-' || text === '--') return polarity ? [] : fact(ap, 'leadingSafe', guard);
  if (analysis.kind !== 'path') return [];
  const prefixValue = unwrapExpression(prefix);
  const dotDot = text === '..' || text === '../' || text === '..\\' ||
    (prefixValue.type === 'BinaryExpression' && prefixValue.operator === '+' && getStaticString(unit, prefixValue.left) === '..' && isSeparator(unit, prefixValue.right));
  if (dotDot) return polarity ? [] : [...fact(ap, 'noDotDot', guard, { needsNormalized: true }), ...relativeContainment(analysis, unit, subject, guard)];
  // `startsWith(path.sep)` (or '/'): absolute or not, never inside a directory narrower than the file system.
  if (text === '/' || text === '\\' || isSeparator(unit, prefix)) return polarity ? [] : fact(ap, 'notAbsolute', guard);
  if (!polarity) return [];
  const rootParams = serverValueParams(analysis, prefix);
  if (rootParams === null) return [];
  const effect: Effect = endsWithSeparator(unit, prefix) ? 'contained' : 'bypass';
  return withRootParams([...fact(ap, effect, guard, { needsNormalized: true }), ...chainFacts(analysis, unit, subject, effect, guard)], rootParams);
}

/** `rel = path.relative(ROOT, p)` checked for `..`: p is inside ROOT. */
function relativeContainment(analysis: Analysis, unit: SourceUnit, subject: TSESTree.Node, guard: TSESTree.Node): Fact[] {
  const value = resolveValue(unit, subject);
  if (value.type !== 'CallExpression' || getPathFunction(value.callee) !== 'relative') return [];
  const target = value.arguments[1];
  if (!target || target.type === 'SpreadElement') return [];
  return [...fact(accessPathOf(unit, target), 'contained', guard), ...chainFacts(analysis, unit, target, 'contained', guard)];
}

const DOT_DOT_PATTERNS = new Set(['\\.\\.', '\\.\\.\\/', '\\.\\.[\\/\\\\]', '\\.\\.[\\\\/]', '\\.\\.\\\\', '(\\.\\.)']);

function regexFacts(analysis: Analysis, unit: SourceUnit, regex: { pattern: string; flags: string }, subject: TSESTree.Node, polarity: boolean, guard: TSESTree.Node): Fact[] {
  const ap = accessPathOf(unit, subject);
  const shape = analyzeWholeStringRegex(regex.pattern, regex.flags);
  if (shape) {
    if (!polarity) return [];
    const verdict = regexVerdict(shape, analysis.kind);
    if (verdict.clean) return fact(ap, 'clean', guard);
    if (analysis.kind === 'path') {
      if (verdict.safeSegment) return fact(ap, 'safeSegment', guard);
      return [...(verdict.noDotDot ? fact(ap, 'noDotDot', guard) : []), ...(verdict.notAbsolute ? fact(ap, 'notAbsolute', guard) : [])];
    }
    return verdict.leadingSafe ? fact(ap, 'leadingSafe', guard) : [];
  }
  if (polarity) return [];
  // Unanchored tests whose failure proves something: /\.\./, /^\//, /^-/.
  if (DOT_DOT_PATTERNS.has(regex.pattern)) return analysis.kind === 'path' ? [...fact(ap, 'noDotDot', guard), ...relativeContainment(analysis, unit, subject, guard)] : [];
  if (regex.pattern === '^\\/' || regex.pattern === '^[\\/\\\\]' || regex.pattern === '^[\\\\/]') return fact(ap, 'notAbsolute', guard);
  if (regex.pattern === '^-') return fact(ap, 'leadingSafe', guard);
  return [];
}

/**
 * A containment check on `p = path.resolve(ROOT, x)` (or `realpath`, `join`, `normalize` of x, or a
 * local function that only does those: {@link normalisingWrapper}) also covers x: the check is on
 * the very path the file system will use.
 */
function chainFacts(analysis: Analysis, unit: SourceUnit, subject: TSESTree.Node, effect: Effect, guard: TSESTree.Node): Fact[] {
  const out: Fact[] = [];
  let current: TSESTree.Node = subject;
  let realpath = false;
  for (let hop = 0; hop < 6; hop++) {
    let value = unwrapExpression(current);
    if (value.type === 'AwaitExpression') value = unwrapExpression(value.argument);
    if (value.type === 'Identifier') {
      const variable = getVariable(unit, value);
      const init = variable ? getSingleValue(variable) : undefined;
      if (!init) break;
      current = init;
      continue;
    }
    const step = normalisingStepOf(analysis, unit, value);
    if (!step) break;
    if (step.realpath) realpath = true;
    for (const arg of step.inner) out.push(...fact(accessPathOf(unit, arg), effect, guard, realpath ? { realpath: true } : {}));
    const last = step.inner[step.inner.length - 1];
    if (!last) break;
    current = last;
  }
  return out;
}

const FS_MODULES = ['fs', 'fs/promises', 'fs-extra', 'graceful-fs'];

/** `fs.realpath(…)`, `realpathSync.native(…)`, `fs.promises.realpath(…)`: the path with its links resolved. */
function isRealpathCall(call: TSESTree.CallExpression): boolean {
  const ref = getModuleRef(call.callee);
  return ref !== null && FS_MODULES.includes(ref.module) && ref.path.some((p) => p === 'realpath' || p === 'realpathSync');
}

/**
 * {@link normalisingStep} of a call, or of a conditional whose two branches both normalise the same
 * value (`isAbsolute(a) ? path.resolve(a) : path.resolve(cwd, a)`): whichever runs, the result is
 * that value normalised. Branches that normalise different values, or a branch that does not
 * normalise: `null`.
 */
function normalisingStepOf(analysis: Analysis, unit: SourceUnit, node: TSESTree.Node): { inner: TSESTree.Expression[]; realpath: boolean } | null {
  if (node.type === 'CallExpression') return normalisingStep(analysis, node);
  if (node.type !== 'ConditionalExpression') return null;
  const branch = (b: TSESTree.Node): { inner: TSESTree.Expression[]; realpath: boolean } | null => {
    let value = unwrapExpression(b);
    if (value.type === 'AwaitExpression') value = unwrapExpression(value.argument);
    return value.type === 'CallExpression' ? normalisingStep(analysis, value) : null;
  };
  const consequent = branch(node.consequent);
  const alternate = branch(node.alternate);
  const first = consequent?.inner[consequent.inner.length - 1];
  const second = alternate?.inner[alternate.inner.length - 1];
  if (!consequent || !alternate || !first || !second) return null;
  const ap = accessPathOf(unit, first);
  const other = accessPathOf(unit, second);
  if (!ap || !other || apKey(ap) !== apKey(other)) return null;
  return { inner: [first], realpath: consequent.realpath && alternate.realpath };
}

/**
 * One normalising call on the way from a checked path to what it was made of: `realpath(x)`,
 * `resolve`/`join`/`normalize` (the arguments after the first, or the only one), or a call of a
 * normalising wrapper (its parameter's argument). `null` for any other call.
 */
function normalisingStep(analysis: Analysis, call: TSESTree.CallExpression): { inner: TSESTree.Expression[]; realpath: boolean } | null {
  const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== 'SpreadElement');
  if (isRealpathCall(call)) return { inner: args.slice(0, 1), realpath: true };
  const pathFunction = getPathFunction(call.callee);
  if (pathFunction === 'resolve' || pathFunction === 'join' || pathFunction === 'normalize') return { inner: args.length >= 2 ? args.slice(1) : args, realpath: false };
  if (pathFunction !== null || call.arguments.some((a) => a.type === 'SpreadElement')) return null;
  const resolved = resolveCallee(analysis, call);
  const wrapper = resolved ? normalisingWrapper(analysis, resolved.fn) : null;
  const arg = wrapper ? call.arguments[wrapper.index] : undefined;
  return wrapper && arg && arg.type !== 'SpreadElement' ? { inner: [arg], realpath: wrapper.realpath } : null;
}

/**
 * A user-written function whose every return is a normalisation of the same plain parameter
 * (`function normalizePath(p) { return path.normalize(p); }`, also through `const`s, `await`,
 * `realpath` and other such wrappers): transparent for guard facts, as `path.normalize` is. The
 * parameter's index, and whether every return went through `realpath`. A function that changes
 * the value in any other way (a method call, a concatenation, a branch returning something else)
 * is not one.
 */
function normalisingWrapper(analysis: Analysis, fn: FunctionNode): { index: number; realpath: boolean } | null {
  const cache = analysis.cache<FunctionNode, { index: number; realpath: boolean } | 'none'>('normalising-wrapper');
  const cached = cache.get(fn);
  if (cached) return cached === 'none' ? null : cached;
  cache.set(fn, 'none'); // cycle guard: a recursive wrapper is not one
  const result = computeNormalisingWrapper(analysis, fn);
  cache.set(fn, result ?? 'none');
  return result;
}

function computeNormalisingWrapper(analysis: Analysis, fn: FunctionNode): { index: number; realpath: boolean } | null {
  const unit = getUnitOfNode(fn);
  if (!unit || fn.generator) return null;
  const returns = collectReturns(fn);
  if (returns.length === 0) return null;
  let index: number | null = null;
  let realpath = true;
  for (const { argument } of returns) {
    const reached = argument ? normalisedParam(analysis, unit, fn, argument) : null;
    if (!reached || (index !== null && reached.index !== index)) return null;
    index = reached.index;
    realpath &&= reached.realpath;
  }
  return index === null ? null : { index, realpath };
}

/** The parameter of `fn` an expression normalises (one normalising call at least, nothing else on the way). */
function normalisedParam(analysis: Analysis, unit: SourceUnit, fn: FunctionNode, expression: TSESTree.Node): { index: number; realpath: boolean } | null {
  let current: TSESTree.Node = expression;
  let normalised = false;
  let realpath = false;
  for (let hop = 0; hop < 8; hop++) {
    let value = unwrapExpression(current);
    if (value.type === 'AwaitExpression') value = unwrapExpression(value.argument);
    if (value.type === 'Identifier') {
      const variable = getVariable(unit, value);
      if (!variable) return null;
      const index = fn.params.findIndex((p) => p.type === 'Identifier' && variable.defs.some((d) => d.type === 'Parameter' && d.name === p));
      if (index >= 0) {
        // Reassigned inside the function: it may no longer be what the caller passed.
        if (variable.references.some((r) => r.isWrite())) return null;
        return normalised ? { index, realpath } : null;
      }
      const init = getSingleValue(variable);
      if (!init) return null;
      current = init;
      continue;
    }
    const step = normalisingStepOf(analysis, unit, value);
    const last = step?.inner[step.inner.length - 1];
    if (!step || !last) return null;
    normalised = true;
    if (step.realpath) realpath = true;
    current = last;
  }
  return null;
}

function caseFacts(switchCase: TSESTree.SwitchCase): Fact[] {
  const statement = switchCase.parent;
  const unit = getUnitOfNode(switchCase);
  if (!unit) return [];
  const index = statement.cases.indexOf(switchCase);
  // The cases that fall through into this one.
  let start = index;
  while (start > 0) {
    const previous = statement.cases[start - 1];
    if (!previous || previous.consequent.some((s) => exits(s))) break;
    start--;
  }
  const group = statement.cases.slice(start, index + 1);
  if (group.some((c) => c.test === null || getStaticString(unit, c.test) === null && unwrapExpression(c.test).type !== 'Literal')) return [];
  return fact(accessPathOf(unit, statement.discriminant), 'clean', switchCase);
}

function switchFacts(statement: TSESTree.SwitchStatement): Fact[] {
  const unit = getUnitOfNode(statement);
  if (!unit) return [];
  const defaultCase = statement.cases.find((c) => c.test === null);
  if (!defaultCase || !defaultCase.consequent.some((s) => exits(s) && s.type !== 'BreakStatement')) return [];
  if (statement.cases.some((c) => c.test !== null && getStaticString(unit, c.test) === null && unwrapExpression(c.test).type !== 'Literal')) return [];
  return fact(accessPathOf(unit, statement.discriminant), 'clean', statement);
}

const ASSERT_MODULES = new Set(['assert', 'assert/strict']);

/** `assert(check)`, `invariant(check)`, and helpers that throw unless their argument is safe. */
function assertionFacts(analysis: Analysis, call: TSESTree.CallExpression): readonly Fact[] {
  const unit = getUnitOfNode(call);
  if (!unit) return [];
  const [first] = call.arguments;
  const ref = getModuleRef(call.callee);
  const isAssert = (ref && ASSERT_MODULES.has(ref.module) && (ref.path.length === 0 || ['ok', 'strict'].includes(ref.path.join('.')))) ||
    (call.callee.type === 'Identifier' && call.callee.name === 'invariant');
  if (isAssert) return first && first.type !== 'SpreadElement' ? testFacts(analysis, first, true) : [];
  const resolved = resolveCallee(analysis, call);
  return resolved ? mapParamFacts(analysis, unit, call, resolved.fn, functionFacts(analysis, resolved.fn, 'exit')) : [];
}

// ---- facts of helper functions ----------------------------------------------------------------

/** A fact about parameter `index` (at `path` inside it) of a helper. */
interface ParamFact extends Omit<Fact, 'ap'> {
  readonly index: number;
  readonly path: readonly string[];
}

/**
 * Translates a helper's facts about its parameters into facts about the call's arguments. A
 * containment checked against a root the helper was passed holds only where this call passes a
 * server value there (or a parameter of the caller, which the caller's callers settle in turn).
 */
function mapParamFacts(analysis: Analysis, unit: SourceUnit, call: TSESTree.CallExpression, fn: FunctionNode, facts: readonly ParamFact[]): Fact[] {
  const out: Fact[] = [];
  for (const pf of facts) {
    const arg = call.arguments[pf.index];
    if (!arg || arg.type === 'SpreadElement') continue;
    const rootParams = settleRootParams(analysis, call.arguments, fn, pf.rootParams);
    if (rootParams === null) continue;
    const base = accessPathOf(unit, arg);
    const extra = { ...(pf.needsNormalized ? { needsNormalized: true } : {}), ...(pf.realpath ? { realpath: true } : {}), site: pf.site ?? call, ...(rootParams.length > 0 ? { rootParams } : {}) };
    if (base) out.push({ ap: { base: base.base, path: [...base.path, ...pf.path] }, effect: pf.effect, guard: pf.guard, ...extra });
    if (pf.path.length === 0 && (pf.effect === 'contained' || pf.effect === 'bypass')) {
      for (const chained of chainFacts(analysis, unit, arg, pf.effect, pf.guard)) out.push({ ...chained, site: pf.site ?? call, ...(rootParams.length > 0 ? { rootParams } : {}) });
    }
  }
  return out;
}

/**
 * The caller's parameters that root conditions on `fn`'s parameters (a containment checked against a
 * root the helper was passed) come down to at a call passing `args`; `null` when the call passes
 * input as a root. Conditions on other functions stay as they are.
 */
export function settleRootParams(analysis: Analysis, args: readonly TSESTree.CallExpressionArgument[], fn: FunctionNode, conditions: readonly ParamRef[] | undefined): readonly ParamRef[] | null {
  if (!conditions?.length) return [];
  const remaining: ParamRef[] = [];
  for (const condition of conditions) {
    if (condition.fn !== fn) {
      remaining.push(condition);
      continue;
    }
    const argument = args[condition.index];
    const params = argument && argument.type !== 'SpreadElement' ? serverValueParams(analysis, argument) : null;
    if (params === null) return null;
    remaining.push(...params);
  }
  return remaining;
}

/**
 * What a helper proves about its parameters when it returns truthy (`'true'`), falsy
 * (`'false'`), or at all (`'exit'`: a helper that throws otherwise). The meet over its exit points.
 */
export function functionFacts(analysis: Analysis, fn: FunctionNode, mode: 'true' | 'false' | 'exit'): readonly ParamFact[] {
  const cache = analysis.cache<FunctionNode, readonly ParamFact[]>(`function-facts-${mode}`);
  const cached = cache.get(fn);
  if (cached) return cached;
  cache.set(fn, []);
  const result = computeFunctionFacts(analysis, fn, mode);
  cache.set(fn, result);
  return result;
}

function computeFunctionFacts(analysis: Analysis, fn: FunctionNode, mode: 'true' | 'false' | 'exit'): ParamFact[] {
  const unit = getUnitOfNode(fn);
  if (!unit) return [];
  // Parameter variables: base key → (index, path inside the parameter).
  const params = new Map<string, { index: number; path: readonly string[] }>();
  fn.params.forEach((param, index) => {
    const pattern = param.type === 'TSParameterProperty' ? param.parameter : param;
    collectPatternVariables(unit, pattern, index, [], params);
  });
  if (params.size === 0) return [];
  const points: Fact[][] = [];
  const returns = collectReturns(fn);
  for (const r of returns) {
    const argument = r.argument;
    const literal = argument ? truthiness(argument) : false;
    if (mode === 'true' && literal === false) continue;
    if (mode === 'false' && literal === true) continue;
    const here = allFactsAt(analysis, r.anchor);
    if (argument && literal === null && mode !== 'exit') here.push(...testFacts(analysis, argument, mode === 'true'));
    points.push(here);
  }
  if (fn.body.type === 'BlockStatement' && !exits(fn.body) && mode !== 'true') {
    points.push(exitGuards(fn.body).flatMap((g) => [...conditionFacts(analysis, g.condition)]));
  }
  if (points.length === 0) return [];
  const met = points.reduce((a, b) => meetFacts(a, b));
  const out: ParamFact[] = [];
  for (const f of met) {
    const param = params.get(f.ap.base);
    if (!param) continue;
    const { ap, ...rest } = f;
    out.push({ ...rest, index: param.index, path: [...param.path, ...ap.path] });
  }
  return out;
}

function collectPatternVariables(unit: SourceUnit, pattern: TSESTree.Node, index: number, path: readonly string[], out: Map<string, { index: number; path: readonly string[] }>): void {
  if (pattern.type === 'Identifier') {
    const ap = accessPathOf(unit, pattern);
    if (ap) out.set(ap.base, { index, path });
  } else if (pattern.type === 'AssignmentPattern') collectPatternVariables(unit, pattern.left, index, path, out);
  else if (pattern.type === 'ObjectPattern') {
    for (const property of pattern.properties) {
      if (property.type !== 'Property') continue;
      const key = getKeyName(property);
      if (key !== null) collectPatternVariables(unit, property.value, index, [...path, key], out);
    }
  }
}

/** The return points of a function (not of functions nested in it); an arrow's expression body is one. */
function collectReturns(fn: FunctionNode): { argument: TSESTree.Node | null; anchor: TSESTree.Node }[] {
  if (fn.body.type !== 'BlockStatement') return [{ argument: fn.body, anchor: fn.body }];
  const unit = getUnitOfNode(fn);
  // Last first: the meet over the returns keeps the first of two equal facts, so the guard a finding
  // names is the one at the function's last return.
  return unit ? ownReturns(unit, fn).reverse().map((statement) => ({ argument: statement.argument, anchor: statement })) : [];
}

/** `true`/`false` for literal truthiness, `null` when it depends. */
function truthiness(node: TSESTree.Node): boolean | null {
  const value = unwrapExpression(node);
  if (value.type === 'Literal') return Boolean(value.value);
  if (value.type === 'Identifier' && value.name === 'undefined') return false;
  return null;
}

/** Facts both lists prove (per access path, the weaker effect). */
function meetFacts(a: readonly Fact[], b: readonly Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const x of a) {
    for (const y of b) {
      if (apKey(x.ap) !== apKey(y.ap)) continue;
      const effect = weaker(x.effect, y.effect);
      if (effect === null) continue;
      const pick = effect === x.effect ? x : y;
      out.push({
        ...pick,
        effect,
        ...(x.needsNormalized || y.needsNormalized ? { needsNormalized: true } : {}),
        ...(x.realpath && y.realpath ? { realpath: true } : { realpath: false }),
      });
    }
  }
  return out;
}

function weaker(a: Effect, b: Effect): Effect | null {
  if (a === b) return a;
  if (a === 'clean') return b;
  if (b === 'clean') return a;
  if ((a === 'contained' && b === 'bypass') || (a === 'bypass' && b === 'contained')) return 'bypass';
  if (a === 'contained' && b !== 'bypass') return b;
  if (b === 'contained' && a !== 'bypass') return a;
  return null;
}
