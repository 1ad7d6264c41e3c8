import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getResultSites, isCaughtWithin, isVisibleResultPath, type ResultSite } from '../model/result-sites.js';
import type { ToolHandler } from '../model/types.js';
import { enclosingFunction, getKeyName, getStaticString, isFunctionNode, resolveValue, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { memoize } from '../util/memo.js';
import { GLOBAL_MODULE, getModuleRef, getPatternPath } from '../util/module-refs.js';
import { nodesWithin } from '../util/node-index.js';
import { getSingleInit, getUnitOfNode, getVariable, walk, type SourceUnit } from '../util/source-unit.js';
import { resolveBinding, resolveFunction } from './instances.js';
import { getAnalysis, type Analysis } from './propagation.js';
import { resolveCallee } from './summaries.js';
import type { Origin, SinkKind, SourceModel, TaintRoot } from './types.js';

/**
 * Caught errors as a taint source, for `no-error-leak`: where raw error text (a message, a stack,
 * the error object) comes from, which of its fields are harmless, and where it reaches what the
 * model sees (result sites, `model/result-sites.ts`). Propagation is the taint engine's
 * (`getAnalysis` with the {@link CAUGHT_ERRORS} source model).
 */

/**
 * Error fields that hold a fixed token or a number, never free text: reading them is how a
 * handler maps an error to a generic message (`if (err.code === 'ENOENT') …`). Any other field
 * (`message`, `stack`, `cause`, `path`, `address`, `stderr`, `sql`, `response`, `config`) can carry
 * paths, hosts, SQL, output or secrets.
 */
export const TOKEN_ERROR_FIELDS: ReadonlySet<string> = new Set(['code', 'name', 'errno', 'status', 'statusCode', 'syscall', 'exitCode', 'signal', 'killed']);

/**
 * Error classes whose messages were written to be shown: narrowing a caught error to one of them
 * (`if (err instanceof UserError) throw err`) makes it safe to pass on. Besides these, a class of
 * the project whose constructor calls `super` with constant arguments only counts too.
 */
export const USER_FACING_ERROR_CLASSES: readonly { readonly module: string; readonly name: string }[] = [
  { module: 'fastmcp', name: 'UserError' },
];

/** How messages describe each source. */
export const ERROR_SOURCE_DESCRIPTIONS = {
  caught: 'a caught error',
  rejection: 'a rejection reason',
  settled: 'a rejected `Promise.allSettled` result',
  callback: 'the error of a Node callback',
} as const;

/**
 * Node core modules whose asynchronous functions take an error-first callback as their last argument
 * (`fs.readFile(file, (err, data) => …)`, `exec(command, (error, stdout, stderr) => …)`).
 */
const ERROR_FIRST_CALLBACK_MODULES: ReadonlySet<string> = new Set(['fs', 'child_process', 'dns', 'zlib', 'crypto', 'stream']);
/** Functions of those modules whose callback is not error-first: `fs.watch((event, file) => …)`, `fs.exists((exists) => …)`. */
const NOT_ERROR_FIRST: ReadonlySet<string> = new Set(['watch', 'watchFile', 'unwatchFile', 'exists']);

const DESCRIPTIONS: ReadonlySet<string> = new Set(Object.values(ERROR_SOURCE_DESCRIPTIONS));

/** Array methods whose callback receives the elements of the receiver (first parameter). */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'filter', 'flatMap', 'find', 'findLast', 'some', 'every']);
/** Array methods that return (some of) the elements of the receiver. */
const ELEMENT_PRESERVING = new Set(['filter', 'slice', 'toSorted', 'toReversed', 'concat']);

/**
 * The source model: catch-clause parameters, the parameter of a `.catch(cb)` / `.then(_, cb)`
 * rejection callback, the error parameter of a Node core module's error-first callback, and
 * `reason` of a `Promise.allSettled` result. A catch parameter whose `try`
 * block can only throw errors the code built itself with a constant message is not a source (see
 * {@link throwsOnlyOwnConstants}).
 */
export const CAUGHT_ERRORS: SourceModel = {
  toolInput: false,
  variableRoot(variable, unit) {
    // Asked for every variable the analysis reads: one answer (and one root object) per variable.
    if (variableRoots.has(variable)) return variableRoots.get(variable) ?? null;
    const found = variableSource(variable, unit);
    variableRoots.set(variable, found);
    return found;
  },
  isClean(node, unit) {
    return isZodIssueText(unit, node);
  },
  expressionRoot(node, unit) {
    if (node.type !== 'MemberExpression' || getKeyName(node) !== 'reason') return null;
    return isSettledResult(unit, node.object, 0) ? root(node, 'reason', ERROR_SOURCE_DESCRIPTIONS.settled) : null;
  },
};

const variableRoots = new WeakMap<TSESLint.Scope.Variable, TaintRoot | null>();

function variableSource(variable: TSESLint.Scope.Variable, unit: SourceUnit): TaintRoot | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0] as TSESLint.Scope.Definition;
  if (def.type === 'CatchClause') {
    const clause = def.node;
    if (!clause.param) return null;
    const path = getPatternPath(clause.param, def.name) ?? [];
    if (isTokenField(path)) return null;
    if (throwsOnlyOwnConstants(unit, clause.parent.block)) return null;
    return root(def.name, variable.name, ERROR_SOURCE_DESCRIPTIONS.caught);
  }
  if (def.type === 'Parameter' && isFunctionNode(def.node) && def.node.params[0] === def.name) {
    if (isRejectionCallback(def.node)) return root(def.name, variable.name, ERROR_SOURCE_DESCRIPTIONS.rejection);
    if (isErrorFirstCallback(def.node)) return root(def.name, variable.name, ERROR_SOURCE_DESCRIPTIONS.callback);
  }
  return null;
}

/**
 * The last argument of a call of a Node core module function that calls back error-first
 * (`execFile('git', args, (error, stdout) => …)`), resolved by import like a sink.
 */
function isErrorFirstCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call.type !== 'CallExpression' || call.arguments[call.arguments.length - 1] !== fn || fn.params.length === 0) return false;
  const ref = getModuleRef(call.callee);
  const name = ref?.path[ref.path.length - 1];
  return ref !== null && name !== undefined && ERROR_FIRST_CALLBACK_MODULES.has(ref.module) && !NOT_ERROR_FIRST.has(name);
}

function root(node: TSESTree.Node, label: string, description: string): TaintRoot {
  return { type: 'custom', node, label, description };
}

/** True when the last field read is one of {@link TOKEN_ERROR_FIELDS}. */
export function isTokenField(path: readonly string[]): boolean {
  const last = path[path.length - 1];
  return last !== undefined && TOKEN_ERROR_FIELDS.has(last);
}

/**
 * Fields of an HTTP client error's `response` (axios, got, Octokit, gaxios, ky) that hold what the
 * upstream server answered: its status line and its body. That is the remote API's payload, as
 * trusted as `res.data` on the success path, not the server's insides. The rest of the response
 * (`headers`, and axios' `config` and `request`, which hold the URL and the credentials sent) stays
 * error text, and so does the response as a whole.
 */
const UPSTREAM_RESPONSE_FIELDS: ReadonlySet<string> = new Set(['data', 'body', 'status', 'statusText', 'statusCode', 'statusMessage']);

/** `err.response.data`, `err.response.statusText`, … (see {@link UPSTREAM_RESPONSE_FIELDS}). */
export function isUpstreamResponse(path: readonly string[]): boolean {
  return path.length >= 2 && path[0] === 'response' && UPSTREAM_RESPONSE_FIELDS.has(path[1] as string);
}

/** An origin that carries error text (not a token field, not the upstream answer) from this model's sources. */
export function isErrorText(origin: Origin): boolean {
  return origin.root.type === 'custom' && DESCRIPTIONS.has(origin.root.description) && !isTokenField(origin.path) && !isUpstreamResponse(origin.path);
}

/** `p.catch((err) => …)` or `p.then(ok, (err) => …)`. */
function isRejectionCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call.type !== 'CallExpression') return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return false;
  const method = getKeyName(callee);
  return (method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn);
}

/** An element of `await Promise.allSettled([...])`: a callback parameter, a `for…of` variable, `results[i]`. */
function isSettledResult(unit: SourceUnit, node: TSESTree.Node, depth: number): boolean {
  if (depth > 4) return false;
  const expression = unwrapExpression(node);
  if (expression.type === 'MemberExpression') return isSettledArray(unit, expression.object, depth + 1);
  if (expression.type !== 'Identifier') return false;
  const variable = getVariable(unit, expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return false;
  if (def.type === 'Parameter' && isFunctionNode(def.node) && def.node.params[0] === def.name) {
    const call = def.node.parent;
    if (call.type !== 'CallExpression' || call.arguments[0] !== def.node) return false;
    const callee = unwrapExpression(call.callee);
    return callee.type === 'MemberExpression' && ELEMENT_CALLBACKS.has(getKeyName(callee) ?? '') && isSettledArray(unit, callee.object, depth + 1);
  }
  if (def.type === 'Variable') {
    const loop = def.parent.parent;
    if (loop.type === 'ForOfStatement' && loop.left === def.parent) return isSettledArray(unit, loop.right, depth + 1);
    const init = variable && getSingleInit(variable);
    return init !== undefined && isSettledResult(unit, init, depth + 1);
  }
  return false;
}

/** `await Promise.allSettled(…)`, through `const` bindings and `filter`/`slice`. */
function isSettledArray(unit: SourceUnit, node: TSESTree.Node, depth: number): boolean {
  if (depth > 4) return false;
  let value = resolveValue(unit, node);
  while (value.type === 'AwaitExpression') value = unwrapExpression(value.argument);
  if (value.type !== 'CallExpression') return false;
  const callee = unwrapExpression(value.callee);
  const ref = getModuleRef(callee);
  if (ref?.module === GLOBAL_MODULE && ref.path.join('.') === 'Promise.allSettled') return true;
  return callee.type === 'MemberExpression' && ELEMENT_PRESERVING.has(getKeyName(callee) ?? '') && isSettledArray(unit, callee.object, depth + 1);
}

// -----------------------------------------------------------------------------------------------
// Validation errors: a ZodError's issues

/** Fields of a `ZodError` that hold its issues (input paths and schema-written messages) and nothing else. */
const ZOD_ISSUE_FIELDS: ReadonlySet<string> = new Set(['issues', 'errors', 'message']);
/** Methods of a `ZodError` that return its issues, reshaped. */
const ZOD_ISSUE_METHODS: ReadonlySet<string> = new Set(['format', 'flatten']);
/** Functions of zod 4 that render an error's issues (`z.prettifyError(err)`). */
const ZOD_ISSUE_FUNCTIONS: ReadonlySet<string> = new Set(['prettifyError', 'flattenError', 'treeifyError', 'formatError']);

/**
 * Text of a `ZodError` read where the error is narrowed to that class by `instanceof` (`if (err
 * instanceof z.ZodError) throw new Error(err.issues.map(…).join())`): its issues, `errors`,
 * `message`, `format()`, `flatten()`, zod 4's `prettifyError(err)`, and the error stringified
 * (`${err}`, `String(err)`, `'…' + err`, `throw err`: name and message). A ZodError holds the paths
 * of the value that failed validation and the messages its schema wrote; `McpServer` itself sends
 * them back when a tool's arguments do not parse. Its `stack`, and the error read anywhere the
 * `instanceof` test does not guard, stay error text.
 */
function isZodIssueText(unit: SourceUnit, node: TSESTree.Node): boolean {
  switch (node.type) {
    case 'MemberExpression':
      return !node.computed && ZOD_ISSUE_FIELDS.has(getKeyName(node) ?? '') && isNarrowedZodError(unit, node.object, node);
    case 'CallExpression': {
      const callee = unwrapExpression(node.callee);
      if (callee.type === 'MemberExpression' && !callee.computed && ZOD_ISSUE_METHODS.has(getKeyName(callee) ?? '')) return isNarrowedZodError(unit, callee.object, node);
      const [arg] = node.arguments;
      if (!arg || arg.type === 'SpreadElement') return false;
      const ref = getModuleRef(callee);
      const name = ref?.path[ref.path.length - 1];
      if (ref?.module === GLOBAL_MODULE && ref.path.join('.') === 'String') return isNarrowedZodError(unit, arg, node);
      return ref !== null && isZodModule(ref.module) && name !== undefined && ZOD_ISSUE_FUNCTIONS.has(name) && isNarrowedZodError(unit, arg, node);
    }
    case 'Identifier': {
      // Stringified: `${err}`, 'Invalid: ' + err, throw err (the client receives the message).
      const parent = node.parent;
      const stringified = parent.type === 'TemplateLiteral' || parent.type === 'ThrowStatement' || (parent.type === 'BinaryExpression' && parent.operator === '+');
      return stringified && isNarrowedZodError(unit, node, node);
    }
    default:
      return false;
  }
}

function isZodModule(module: string): boolean {
  return module === 'zod' || module.startsWith('zod/');
}

/**
 * `subject` is a variable that is never reassigned, and `at` sits in the branch of an `if`, `?:` or
 * `&&` (in the same function) whose test is `subject instanceof ZodError`.
 */
function isNarrowedZodError(unit: SourceUnit, subject: TSESTree.Node, at: TSESTree.Node): boolean {
  const expression = unwrapExpression(subject);
  if (expression.type !== 'Identifier') return false;
  const variable = getVariable(unit, expression);
  if (!variable || variable.defs.length !== 1) return false;
  const def = variable.defs[0] as TSESLint.Scope.Definition;
  // The value the test saw is the value read: no write but the declaration's own initialiser.
  if (variable.references.some((r) => r.isWrite() && !(def.type === 'Variable' && r.init === true))) return false;
  return inBranchWhere(at, (test) => testsZodError(unit, test, variable));
}

/** `v instanceof ZodError` (or a `&&` conjunct of it), with `ZodError` imported from zod (`ZodError`, `z.ZodError`). */
function testsZodError(unit: SourceUnit, test: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  const expression = unwrapExpression(test);
  if (expression.type === 'LogicalExpression' && expression.operator === '&&') {
    return testsZodError(unit, expression.left, variable) || testsZodError(unit, expression.right, variable);
  }
  if (expression.type !== 'BinaryExpression' || expression.operator !== 'instanceof') return false;
  const subject = unwrapExpression(expression.left);
  if (subject.type !== 'Identifier' || getVariable(unit, subject) !== variable) return false;
  const ref = getModuleRef(expression.right);
  if (!ref || !isZodModule(ref.module) || ref.path[ref.path.length - 1] !== 'ZodError') return false;
  return ref.path.slice(0, -1).every((part) => part === 'z' || part === 'default');
}

/**
 * The heuristic for `catch (e) { throw e }` and friends: when the `try` block calls nothing (no
 * call, `new`, `await` or tagged template outside the `throw` statements) and every `throw` in it
 * builds an error with a constant message (`throw new UserError('Not found')`), the caught error
 * can only be one of those, and its text is the code's own. Any call may throw a library error
 * whose message carries paths, SQL or hosts, so then the parameter is a source.
 */
export function throwsOnlyOwnConstants(unit: SourceUnit, block: TSESTree.BlockStatement): boolean {
  // Depth-first, stopping at the first call or non-constant throw.
  const stack: TSESTree.Node[] = [block];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    switch (node.type) {
      case 'ThrowStatement':
        if (!isConstantError(unit, node.argument)) return false;
        continue; // its argument constructs the error: not a call that can throw
      case 'CallExpression':
      case 'NewExpression':
      case 'AwaitExpression':
      case 'TaggedTemplateExpression':
      case 'ImportExpression':
      case 'YieldExpression':
        return false;
      default:
        break;
    }
    for (const key of unit.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (typeof c === 'object' && c !== null && typeof (c as { type?: unknown }).type === 'string') stack.push(c as TSESTree.Node);
      }
    }
  }
  return true;
}

/** `new XError('constant')`, `new XError()`, `XError('constant')` with static arguments only. */
function isConstantError(unit: SourceUnit, node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== 'NewExpression' && value.type !== 'CallExpression') return false;
  return value.arguments.every((arg) => arg.type !== 'SpreadElement' && (getStaticString(unit, arg) !== null || isStaticLiteral(arg)));
}

function isStaticLiteral(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === 'Literal') return true;
  if (value.type === 'MemberExpression') return !value.computed && value.object.type === 'Identifier'; // ErrorCode.InvalidParams
  if (value.type === 'ObjectExpression') return value.properties.every((p) => p.type === 'Property' && isStaticLiteral(p.value));
  return false;
}

// -----------------------------------------------------------------------------------------------
// A cheap pre-check: can an expression carry error text at all?

/** What an expression reads, as far as the pre-check cares. */
interface Mentions {
  readonly variables: ReadonlySet<TSESLint.Scope.Variable>;
  /** It reads `.reason`, or calls a project function that holds a source itself. */
  readonly direct: boolean;
}

/** The variables of a handler that can hold error text, found in one pass over its body (memoised). */
interface ErrorTaint {
  readonly tainted: ReadonlySet<TSESLint.Scope.Variable>;
  readonly unit: SourceUnit;
}

/**
 * A cheap over-approximation of the propagation, per handler: start from the source variables
 * (catch parameters, rejection and error-first callback parameters), and add every variable written from an
 * expression that reads a tainted variable, a `.reason`, or calls a project function holding a
 * source; callback parameters take what their receiver holds. A result site that mentions none of
 * these cannot carry error text, and the propagation is not run for it.
 */
const handlerErrorTaint = memoize((fn: FunctionNode): ErrorTaint | null => {
  const unit = getUnitOfNode(fn);
  if (!unit) return null;
  const tainted = new Set<TSESLint.Scope.Variable>();
  const writes: { targets: TSESLint.Scope.Variable[]; value: Mentions }[] = [];
  const scanned = new WeakMap<TSESTree.Node, Mentions>();
  const mentions = (node: TSESTree.Node): Mentions => {
    const cached = scanned.get(node);
    if (cached) return cached;
    const variables = new Set<TSESLint.Scope.Variable>();
    for (const inner of nodesWithin(unit, node, ['Identifier'])) {
      const variable = getVariable(unit, inner);
      if (variable) variables.add(variable);
    }
    const direct = readsSourceDirectly(unit, node);
    const result = { variables, direct };
    scanned.set(node, result);
    return result;
  };
  for (const node of nodesWithin(unit, fn.body, TAINT_SCAN_TYPES)) {
    switch (node.type) {
      case 'CatchClause':
        if (node.param) for (const variable of declaredVariables(unit, node.param)) if (CAUGHT_ERRORS.variableRoot?.(variable, unit)) tainted.add(variable);
        continue;
      case 'VariableDeclarator':
        if (node.init) writes.push({ targets: declaredVariables(unit, node.id), value: mentions(node.init) });
        continue;
      case 'AssignmentExpression':
        writes.push({ targets: declaredVariables(unit, node.left, true), value: mentions(node.right) });
        continue;
      case 'ForOfStatement':
      case 'ForInStatement':
        writes.push({ targets: declaredVariables(unit, node.left), value: mentions(node.right) });
        continue;
      case 'FunctionDeclaration':
        for (const param of node.params) for (const variable of declaredVariables(unit, param)) tainted.add(variable);
        continue;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression': {
        const call = node.parent;
        const isArgument = call.type === 'CallExpression' && call.arguments.includes(node);
        const params = node.params.flatMap((param) => declaredVariables(unit, param));
        if (params.some((variable) => CAUGHT_ERRORS.variableRoot?.(variable, unit))) for (const variable of params) tainted.add(variable);
        if (isArgument) {
          // items.map((x) => …): x holds what the receiver holds.
          const callee = unwrapExpression(call.callee);
          if (callee.type === 'MemberExpression') writes.push({ targets: params, value: mentions(callee.object) });
        } else if (node !== fn) {
          // A function of the handler called from anywhere: its parameters may hold anything.
          for (const variable of params) tainted.add(variable);
        }
      }
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const write of writes) {
      if (write.targets.every((target) => tainted.has(target))) continue;
      if (write.value.direct || [...write.value.variables].some((variable) => tainted.has(variable))) {
        for (const target of write.targets) tainted.add(target);
        changed = true;
      }
    }
  }
  return { tainted, unit };
});

/** Whether a result site of the handler `fn` can carry error text (see {@link handlerErrorTaint}). */
function siteMayCarry(fn: FunctionNode, node: TSESTree.Node): boolean {
  const taint = handlerErrorTaint(fn);
  if (!taint || getUnitOfNode(node) !== taint.unit) return true;
  const { unit, tainted } = taint;
  return nodesWithin(unit, node, ['Identifier']).some((inner) => {
    const variable = getVariable(unit, inner);
    return variable !== undefined && tainted.has(variable);
  }) || readsSourceDirectly(unit, node);
}

/** `node` reads a `.reason`, or calls a project function that holds a source. */
function readsSourceDirectly(unit: SourceUnit, node: TSESTree.Node): boolean {
  return nodesWithin(unit, node, ['MemberExpression']).some((member) => isReasonRead(member))
    || nodesWithin(unit, node, CALLS).some((call) => {
      const target = resolveFunction(call.callee);
      return target !== null && functionHasSource(target);
    });
}

function isReasonRead(member: TSESTree.MemberExpression): boolean {
  return !member.computed && member.property.type === 'Identifier' && member.property.name === 'reason';
}

const CALLS = ['CallExpression', 'NewExpression'] as const;

/** The nodes {@link handlerErrorTaint} reads: where errors are caught, and where values are written. */
const TAINT_SCAN_TYPES = [
  'CatchClause', 'VariableDeclarator', 'AssignmentExpression', 'ForOfStatement', 'ForInStatement',
  'FunctionDeclaration', 'ArrowFunctionExpression', 'FunctionExpression',
] as const;

/** The variables a pattern (or an assignment target) declares or writes. */
function declaredVariables(unit: SourceUnit, pattern: TSESTree.Node, assignment = false): TSESLint.Scope.Variable[] {
  const out: TSESLint.Scope.Variable[] = [];
  walk(pattern, unit.visitorKeys, (node) => {
    if (node.type !== 'Identifier') return;
    const parent = node.parent;
    if (parent.type === 'MemberExpression' && (parent.property === node || !assignment)) return;
    if (parent.type === 'Property' && parent.key === node && !parent.shorthand) return;
    const variable = getVariable(unit, node);
    if (variable) out.push(variable);
  });
  return out;
}

/** The function, or one it calls (in this file or a relative module), holds a source construct (memoised). */
const functionHasSource = memoize((fn: FunctionNode): boolean => hasSource(fn, new Set()));

function hasSource(fn: FunctionNode, visiting: Set<FunctionNode>): boolean {
  const unit = getUnitOfNode(fn);
  if (!unit || visiting.size > 4) return visiting.size > 4;
  visiting.add(fn);
  if (nodesWithin(unit, fn.body, ['CatchClause']).some((clause) => clause.param !== null)) return true;
  if (nodesWithin(unit, fn.body, ['MemberExpression']).some((member) => isReasonRead(member))) return true;
  return nodesWithin(unit, fn.body, ['CallExpression']).some((node) => {
    const callee = unwrapExpression(node.callee);
    if (callee.type === 'MemberExpression' && (getKeyName(callee) === 'catch' || (getKeyName(callee) === 'then' && node.arguments.length > 1))) return true;
    const last = node.arguments[node.arguments.length - 1];
    if (last && isFunctionNode(last) && isErrorFirstCallback(last)) return true;
    const target = resolveFunction(node.callee);
    return target !== null && target !== fn && !visiting.has(target) && hasSource(target, visiting);
  });
}

// -----------------------------------------------------------------------------------------------
// Leaks: error text at a result site

/** Where a leak shows up. */
export type LeakPlace = 'result' | 'prompt' | 'resource' | 'thrown';

export interface ErrorLeak {
  /** The expression to report: the error text as it enters the result (or the helper call that puts it there). */
  readonly node: TSESTree.Node;
  readonly place: LeakPlace;
  readonly origin: Origin;
  /** The function the text went through (`toolError`), when it entered the result inside a helper. */
  readonly helper: string | null;
  /** The leak is the thrown expression itself (`throw err`). */
  readonly thrownWhole: boolean;
}

/**
 * The sink kind the analysis runs under. No sink of it is asked for: error text is checked at result
 * sites, not at sink calls. The kind only selects which sanitizer facts apply; for a kind other than
 * `path`, `command` and `argument` that is the generic set (equality with a constant and allowlist
 * membership make a value clean), which is right for error text.
 */
const PROPAGATION_KIND: SinkKind = 'code-eval';

/** The analysis of caught errors (one for the whole run, memoised per node). */
function analysis(): Analysis {
  return getAnalysis(PROPAGATION_KIND, CAUGHT_ERRORS);
}

/** Every leak of caught error text in a handler's results, one per reported node. */
const leakCache = new WeakMap<ToolHandler, Map<string, readonly ErrorLeak[]>>();

/**
 * Every leak of caught error text in a handler's results, one per reported node (memoised per
 * handler and option set). `userFacingErrors` names more error classes whose messages are written
 * for the user (see {@link USER_FACING_ERROR_CLASSES}).
 */
export function findErrorLeaks(handler: ToolHandler, userFacingErrors: readonly string[] = []): readonly ErrorLeak[] {
  const key = userFacingErrors.join('\n');
  let byOptions = leakCache.get(handler);
  if (!byOptions) {
    byOptions = new Map();
    leakCache.set(handler, byOptions);
  }
  const cached = byOptions.get(key);
  if (cached) return cached;
  const safe = new Set(userFacingErrors);
  const leaks = new Map<TSESTree.Node, ErrorLeak>();
  // No catch clause, rejection callback or settled result in reach: no error text to leak.
  const sites = handler.handler && functionHasSource(handler.handler) ? getResultSites(handler) : [];
  for (const site of sites) {
    for (const leak of siteLeaks(handler, site, safe)) if (!leaks.has(leak.node)) leaks.set(leak.node, leak);
  }
  const result = [...leaks.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
  byOptions.set(key, result);
  return result;
}

function placeOf(handler: ToolHandler): LeakPlace {
  if (handler.kind === 'prompt') return 'prompt';
  return handler.kind === 'tool' ? 'result' : 'resource';
}

function siteLeaks(handler: ToolHandler, site: ResultSite, safe: ReadonlySet<string>): ErrorLeak[] {
  const out: ErrorLeak[] = [];
  // Most results are built from data, not errors: skip the analysis where no source can be reached.
  if (handler.handler && !siteMayCarry(handler.handler, site.node)) return out;
  if (site.type === 'return') {
    locate(site.node, [], (at) => isVisibleResultPath(handler, at), placeOf(handler), safe, out);
    return out;
  }
  // A homegrown definition object's caller is unknown: it may catch what the handler throws and map
  // it to a fixed message (obsidian-mcp's registerTool does), so only its returned values count.
  if (handler.framework === 'generic') return out;
  // A callback registered through a wrapper whose own function calls it inside a `try`: the
  // wrapper's `catch` receives what it throws (and is checked as a handler of its own).
  const invoke = handler.via?.invoke;
  if (invoke && isCaughtWithin(invoke, enclosingFunction(invoke))) return out;
  // A thrown error's message is what the client sees.
  const thrown = unwrapExpression(site.node);
  if ((thrown.type === 'NewExpression' || thrown.type === 'CallExpression') && isErrorConstruction(thrown)) {
    // new Error(msg, { cause: err }), new McpError(code, msg, data): the text arguments, not the options.
    for (const arg of thrown.arguments) {
      if (arg.type === 'SpreadElement' || unwrapExpression(arg).type === 'ObjectExpression') continue;
      locate(arg, [], () => true, 'thrown', safe, out);
    }
    return out;
  }
  const [whole] = errorText(site.node).filter((o) => o.at.length === 0 || o.at[0] === 'message');
  if (whole && !narrowedToUserFacing(site.node, safe)) out.push(leakAt(site.node, 'thrown', whole, true));
  return out;
}

/** `new Error(…)`, `new McpError(…)`, `new UserError(…)`, `createError(…)`: a constructor named like an error. */
function isErrorConstruction(node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(node.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? getKeyName(callee) : null;
  return name !== null && /Error$|^createError$|^HttpError$/.test(name);
}

function errorText(node: TSESTree.Node): Origin[] {
  return analysis().evaluate(node).filter(isErrorText);
}

/**
 * Finds the expressions through which error text enters the visible part of `node`'s value:
 * descends through object and array literals (along the visible paths), templates, `+`, `?:`,
 * `&&`/`||`, `await`, and `const` bindings of result objects; stops at anything else.
 */
function locate(
  node: TSESTree.Node,
  prefix: readonly string[],
  visible: (at: readonly string[]) => boolean,
  place: LeakPlace,
  safe: ReadonlySet<string>,
  out: ErrorLeak[],
): void {
  const origins = errorText(node).filter((o) => visible([...prefix, ...o.at]));
  const [first] = origins;
  if (!first) return;
  const before = out.length;
  const expression = unwrapTypes(node);
  switch (expression.type) {
    case 'ObjectExpression':
      for (const property of expression.properties) {
        if (property.type === 'SpreadElement') {
          if (errorText(property.argument).some((o) => visible([...prefix, ...o.at]))) out.push(leakAt(property, place, first, false));
          continue;
        }
        const key = property.computed ? '*' : (getKeyName(property) ?? '*');
        locate(property.value, [...prefix, key], visible, place, safe, out);
      }
      break;
    case 'ArrayExpression':
      for (const element of expression.elements) {
        if (!element) continue;
        if (element.type === 'SpreadElement') locate(element.argument, prefix, visible, place, safe, out);
        else locate(element, [...prefix, '*'], visible, place, safe, out);
      }
      break;
    case 'TemplateLiteral':
      for (const part of expression.expressions) locate(part, prefix, visible, place, safe, out);
      break;
    case 'BinaryExpression':
    case 'LogicalExpression':
      locate(expression.left, prefix, visible, place, safe, out);
      locate(expression.right, prefix, visible, place, safe, out);
      break;
    case 'ConditionalExpression':
      locate(expression.consequent, prefix, visible, place, safe, out);
      locate(expression.alternate, prefix, visible, place, safe, out);
      break;
    case 'AwaitExpression':
      locate(expression.argument, prefix, visible, place, safe, out);
      break;
    case 'SequenceExpression': {
      const last = expression.expressions[expression.expressions.length - 1];
      if (last) locate(last, prefix, visible, place, safe, out);
      break;
    }
    case 'Identifier': {
      // const result = { content: [...] }; return result;
      const unit = getUnitOfNode(expression);
      const variable = unit && getVariable(unit, expression);
      const init = variable && getSingleInit(variable);
      const value = init && unwrapTypes(init);
      if (value && (value.type === 'ObjectExpression' || value.type === 'ArrayExpression')) locate(value, prefix, visible, place, safe, out);
      break;
    }
    default:
      break;
  }
  if (out.length === before && !narrowedToUserFacing(node, safe)) out.push(leakAt(node, place, first, false));
}

/**
 * True when every caught-error variable read in `node` is narrowed there to a user-facing error
 * class: `node` sits in the branch of an `if`, `?:` or `&&` whose test is `err instanceof C`.
 */
function narrowedToUserFacing(node: TSESTree.Node, safe: ReadonlySet<string>): boolean {
  const unit = getUnitOfNode(node);
  if (!unit) return false;
  const variables = new Set<TSESLint.Scope.Variable>();
  for (const inner of nodesWithin(unit, node, ['Identifier'])) {
    const variable = getVariable(unit, inner);
    if (variable && CAUGHT_ERRORS.variableRoot?.(variable, unit)) variables.add(variable);
  }
  if (variables.size === 0) return false;
  return [...variables].every((variable) => isNarrowed(unit, node, variable, safe));
}

function isNarrowed(unit: SourceUnit, node: TSESTree.Node, variable: TSESLint.Scope.Variable, safe: ReadonlySet<string>): boolean {
  return inBranchWhere(node, (test) => testsUserFacing(unit, test, variable, safe));
}

/**
 * True when `node` sits in the branch an `if`, `?:` or `&&` of its own function takes when its test
 * is true, and `holds` accepts that test (the narrowings `instanceof` checks make).
 */
function inBranchWhere(node: TSESTree.Node, holds: (test: TSESTree.Node) => boolean): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunctionNode(current); current = current.parent) {
    const test = current.type === 'IfStatement' && current.consequent === child ? current.test
      : current.type === 'ConditionalExpression' && current.consequent === child ? current.test
        : current.type === 'LogicalExpression' && current.operator === '&&' && current.right === child ? current.left
          : null;
    if (test && holds(test)) return true;
    child = current;
  }
  return false;
}

/** `err instanceof C` (or a `&&` conjunct of it) with C a user-facing error class. */
function testsUserFacing(unit: SourceUnit, test: TSESTree.Node, variable: TSESLint.Scope.Variable, safe: ReadonlySet<string>): boolean {
  const expression = unwrapExpression(test);
  if (expression.type === 'LogicalExpression' && expression.operator === '&&') {
    return testsUserFacing(unit, expression.left, variable, safe) || testsUserFacing(unit, expression.right, variable, safe);
  }
  if (expression.type !== 'BinaryExpression' || expression.operator !== 'instanceof') return false;
  const subject = unwrapExpression(expression.left);
  if (subject.type !== 'Identifier' || getVariable(unit, subject) !== variable) return false;
  return isUserFacingClass(expression.right, safe);
}

function isUserFacingClass(node: TSESTree.Node, safe: ReadonlySet<string>): boolean {
  const written = unwrapExpression(node);
  const name = written.type === 'Identifier' ? written.name : written.type === 'MemberExpression' ? getKeyName(written) : null;
  if (name !== null && safe.has(name)) return true;
  const ref = getModuleRef(node);
  if (ref && USER_FACING_ERROR_CLASSES.some((c) => c.module === ref.module && ref.path.length === 1 && ref.path[0] === c.name)) return true;
  const binding = resolveBinding(node);
  const declaration = binding.kind === 'value' ? unwrapExpression(binding.node) : null;
  if (declaration?.type !== 'ClassDeclaration' && declaration?.type !== 'ClassExpression') return false;
  const constructor = declaration.body.body.find((m): m is TSESTree.MethodDefinition => m.type === 'MethodDefinition' && m.kind === 'constructor');
  const body = constructor?.value.body;
  const unit = getUnitOfNode(declaration);
  if (!body || !unit) return false;
  // Every super(…) call passes constants: each instance carries a message the project wrote.
  let constant = true;
  let calls = 0;
  walk(body, unit.visitorKeys, (inner) => {
    if (inner.type !== 'CallExpression' || inner.callee.type !== 'Super') return;
    calls += 1;
    if (!inner.arguments.every((arg) => arg.type !== 'SpreadElement' && (getStaticString(unit, arg) !== null || isStaticLiteral(arg)))) constant = false;
  });
  return calls > 0 && constant;
}

function leakAt(node: TSESTree.Node, place: LeakPlace, origin: Origin, thrownWhole: boolean): ErrorLeak {
  return { node, place, origin, helper: helperName(node), thrownWhole };
}

/** The name of a resolved function a reported call runs (`toolError`), or `null`. */
function helperName(node: TSESTree.Node): string | null {
  const expression = unwrapTypes(node);
  const call = expression.type === 'AwaitExpression' ? unwrapTypes(expression.argument) : expression;
  if (call.type !== 'CallExpression') return null;
  const resolved = resolveCallee(analysis(), call);
  if (!resolved) return null;
  const callee = unwrapExpression(call.callee);
  return callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? (getKeyName(callee) ?? resolved.name) : resolved.name;
}

function unwrapTypes(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}
