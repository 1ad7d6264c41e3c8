import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { ToolHandler } from '../model/types.js';
import { getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { findExport, isRelativeSpecifier, loadModule, resolveRelativeModule } from '../util/module-loader.js';
import { getModuleRef, type ModuleRef } from '../util/module-refs.js';
import { nodesOfType, nodesWithin, ownReturns } from '../util/node-index.js';
import { getUnitOfNode, getVariable, walk, type SourceUnit } from '../util/source-unit.js';
import { resolveBinding, resolveFunction, trailingNames, unwrapAwait } from './instances.js';
import {
  CLOUDFLARE_BINDING,
  FASTIFY_PLUGINS,
  GENERIC_LIMITER_METHODS,
  LIMITER_INSTANCE_NAME,
  LIMITER_LIBRARIES,
  MIDDLEWARE_FACTORIES,
  MIDDLEWARE_INSTANCE_PROPERTIES,
  MIDDLEWARE_METHODS,
  NEST_THROTTLER,
  RATE_LIMIT_NAME,
  THROTTLE_FACTORIES,
  XMCP_MIDDLEWARE_FILES,
  type GuardKind,
  type LimiterLibrary,
} from './rate-limiters.js';

/**
 * Rate-guard recognition for `require-rate-limit`: which calls, wrappers and middleware limit how
 * often a tool handler runs, and whether a guard inside a handler runs before its work on every
 * path. The catalogue of libraries is data (`rate-limiters.ts`); this module reads it.
 */

/** The user's `guards` option, parsed: function/method names and module specifiers. */
export interface UserGuards {
  /** `checkQuota` is `['checkQuota']`; `rateLimiter.consume` is `['rateLimiter', 'consume']`. */
  readonly names: readonly (readonly string[])[];
  readonly modules: readonly string[];
}

const NAME_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * A guard that is a plain identifier or a dotted path of identifiers (`checkQuota`,
 * `rateLimiter.consume`) names a function or method; anything else (`./lib/rate-limit.js`,
 * `@acme/quota`, `p-limit`) is a module specifier.
 */
export function parseUserGuards(guards: readonly string[]): UserGuards {
  const names: string[][] = [];
  const modules: string[] = [];
  for (const guard of guards) {
    if (NAME_PATH.test(guard)) names.push(guard.split('.'));
    else modules.push(guard);
  }
  return { names, modules };
}

/** A recognised guard: the node that guards, and how messages name it. */
export interface GuardInfo {
  readonly node: TSESTree.Node;
  /** `rateLimiter.consume`, `withRateLimit`, `express-rate-limit`. */
  readonly label: string;
}

/**
 * A guard call that runs whenever the handler runs, before the code in `[start, end)` (source
 * offsets in the handler's unit): a blocking call covers what follows it, a checking call covers
 * what follows the branch that leaves the handler when it says no.
 */
export interface GuardPoint extends GuardInfo {
  readonly node: TSESTree.CallExpression;
  readonly start: number;
  readonly end: number;
  /** Blocking guards that take the work as an argument (`limiter.schedule(() => work())`) also cover it. */
  readonly coversArguments: boolean;
}

export interface HandlerGuards {
  /** Guards on the handler's straight-line path (they run on every call). */
  readonly points: readonly GuardPoint[];
  /** Checking guards on the straight-line path whose answer no branch acts on. */
  readonly unchecked: readonly GuardInfo[];
  /** Guard calls elsewhere in the handler: inside a branch, a loop or a callback. */
  readonly conditional: readonly GuardInfo[];
}

/** The statements after the one being scanned: `statements[from…]` (an index, not a copy, so a long body stays linear). */
interface Following {
  readonly statements: readonly TSESTree.Statement[];
  readonly from: number;
}

const NO_FOLLOWING: Following = { statements: [], from: 0 };

interface Scan {
  readonly points: GuardPoint[];
  readonly unchecked: GuardInfo[];
}

/** The answer for a guard call: how it guards and how to name it. */
interface CallMatch {
  readonly kind: GuardKind;
  readonly label: string;
}

/** What a receiver value is, as far as rate limiting goes. */
type LimiterValue =
  | { readonly type: 'library'; readonly library: LimiterLibrary }
  | { readonly type: 'generic' }
  | { readonly type: 'user'; readonly module: string }
  | { readonly type: 'throttle'; readonly label: string }
  | { readonly type: 'unknown'; readonly name: string | null };

const MAX_DEPTH = 4;

/** Every method name a limiter instance can guard with (the receiver is resolved only for these). */
const LIMITER_METHODS: ReadonlySet<string> = new Set([
  ...GENERIC_LIMITER_METHODS,
  ...LIMITER_LIBRARIES.flatMap((library) => Object.keys(library.methods)),
  CLOUDFLARE_BINDING.method,
]);

export interface RateGuardFinder {
  /** Rate-limiting middleware on an HTTP app, router or MCP server in the file (covers every tool in it). */
  transportGuard(unit: SourceUnit): GuardInfo | null;
  /** A wrapper around the handler at registration that limits it (`withRateLimit(fn)`, `limiter.wrap(fn)`). */
  wrapperGuard(handler: ToolHandler): GuardInfo | null;
  /** xmcp: a rate guard in the project's middleware file, which every tool call passes through. */
  frameworkGuard(handler: ToolHandler): GuardInfo | null;
  /** Guard calls inside the handler, and which of them run on every path. */
  handlerGuards(fn: FunctionNode): HandlerGuards;
}

/**
 * A finder for one file's lint (its caches live as long as it does). `user` is the `guards`
 * option.
 */
export function createRateGuardFinder(user: UserGuards): RateGuardFinder {
  const callCache = new WeakMap<TSESTree.CallExpression, CallMatch | null>();
  const entryCache = new WeakMap<FunctionNode, GuardInfo | null>();
  const transportCache = new WeakMap<SourceUnit, GuardInfo | null>();
  const inProgress = new Set<FunctionNode>();
  /** What a file must contain to mention one of the user's guards: a name's last part, a module's base name. */
  const userWords = [
    ...user.names.map((name) => name[name.length - 1] ?? ''),
    ...user.modules.map((module) => stripModuleSuffix(module).split('/').pop() ?? module),
  ].filter((word) => word !== '');

  // ---------------------------------------------------------------------------------------------
  // Names and modules

  function matchesUserName(callee: TSESTree.Node): string | null {
    const segments = trailingNames(callee);
    for (const name of user.names) {
      if (name.length > segments.length) continue;
      const tail = segments.slice(segments.length - name.length);
      if (tail.every((segment, i) => segment === name[i])) return name.join('.');
    }
    return null;
  }

  function matchesUserModule(ref: ModuleRef | null, from: TSESTree.Node): string | null {
    if (ref === null || user.modules.length === 0) return null;
    const file = getUnitOfNode(from)?.filename ?? '';
    for (const guard of user.modules) {
      if (moduleMatches(ref.module, file, guard)) return guard;
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Values: what a receiver or a callee is

  function limiterValue(node: TSESTree.Node, depth = 0): LimiterValue {
    const expression = unwrapExpression(node);
    const name = lastName(expression);
    if (depth > MAX_DEPTH) return { type: 'unknown', name };
    const resolved = resolveBinding(expression);
    if (resolved.kind === 'value') return constructedValue(resolved.node, depth) ?? { type: 'unknown', name };
    if (resolved.kind === 'type') return typedValue(resolved.node) ?? { type: 'unknown', name };
    return { type: 'unknown', name };
  }

  /** `new X(…)`, `X(…)`, `X.create(…)`: what `X` makes. */
  function constructedValue(node: TSESTree.Node, depth: number): LimiterValue | null {
    const value = unwrapAwait(node);
    if (value.type !== 'NewExpression' && value.type !== 'CallExpression') {
      return value.type === 'Identifier' || value.type === 'MemberExpression' ? limiterValue(value, depth + 1) : null;
    }
    const callee = unwrapExpression(value.callee);
    const ref = getModuleRef(callee);
    const library = ref && findLibrary(ref);
    if (library) return { type: 'library', library };
    const userModule = matchesUserModule(ref, callee);
    if (userModule) return { type: 'user', module: userModule };
    if (ref && THROTTLE_FACTORIES.some((t) => t.module === ref.module && samePath(t.path, ref.path))) {
      return { type: 'throttle', label: 'p-throttle' };
    }
    if (value.type === 'CallExpression') {
      // throttle(fn) where throttle = pThrottle(…): a throttled function.
      const inner = limiterValue(callee, depth + 1);
      if (inner.type === 'throttle') return inner;
    }
    const className = constructedClassName(callee);
    if (value.type === 'NewExpression' && className !== null && RATE_LIMIT_NAME.test(className)) return { type: 'generic' };
    return null;
  }

  /** A declared type (`limiter: RateLimiterMemory`, `private readonly limiter: RateLimiter`). */
  function typedValue(type: TSESTree.TypeNode): LimiterValue | null {
    if (type.type !== 'TSTypeReference') return null;
    const typeName = type.typeName;
    const ref = typeName.type === 'Identifier' ? getModuleRef(typeName) : null;
    const library = ref && findLibrary(ref);
    if (library) return { type: 'library', library };
    const userModule = matchesUserModule(ref, typeName);
    if (userModule) return { type: 'user', module: userModule };
    const name = typeName.type === 'Identifier' ? typeName.name : typeName.type === 'TSQualifiedName' ? typeName.right.name : '';
    return RATE_LIMIT_NAME.test(name) ? { type: 'generic' } : null;
  }

  function findLibrary(ref: ModuleRef): LimiterLibrary | null {
    for (const library of LIMITER_LIBRARIES) {
      if (!library.modules.includes(ref.module)) continue;
      const exported = ref.path[0] ?? 'default';
      if (library.constructors.includes('*') || library.constructors.includes(exported)) return library;
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Calls

  function matchCall(call: TSESTree.CallExpression, depth = 0): CallMatch | null {
    if (depth === 0 && callCache.has(call)) return callCache.get(call) ?? null;
    const match = computeCallMatch(call, depth, true);
    if (depth === 0) callCache.set(call, match);
    return match;
  }

  /** A guard call by itself, without reading the functions it calls (for the calls off the straight-line path). */
  function matchDirectCall(call: TSESTree.CallExpression): CallMatch | null {
    return callCache.has(call) ? (callCache.get(call) ?? null) : computeCallMatch(call, 0, false);
  }

  function computeCallMatch(call: TSESTree.CallExpression, depth: number, followHelpers: boolean): CallMatch | null {
    const callee = unwrapExpression(call.callee);
    const userName = matchesUserName(callee);
    if (userName !== null) return { kind: 'either', label: userName };
    const ref = getModuleRef(callee);
    const userModule = matchesUserModule(ref, callee);
    if (userModule !== null) return { kind: 'either', label: calleeText(callee) };
    if (callee.type === 'MemberExpression') {
      const method = getKeyName(callee);
      if (method === null) return null;
      if (isCloudflareLimit(call, callee, method)) return { kind: 'checking', label: calleeText(callee) };
      // Only a limiter method can make the receiver matter: skip resolving it for every other call.
      const receiver: LimiterValue = LIMITER_METHODS.has(method) || user.modules.length > 0 ? limiterValue(callee.object, depth) : { type: 'unknown', name: null };
      switch (receiver.type) {
        case 'library': {
          const kind = receiver.library.methods[method];
          return kind ? { kind, label: calleeText(callee) } : null;
        }
        case 'user':
          return { kind: 'either', label: calleeText(callee) };
        case 'generic':
          return GENERIC_LIMITER_METHODS.has(method) ? { kind: 'either', label: calleeText(callee) } : null;
        case 'unknown':
          if (GENERIC_LIMITER_METHODS.has(method) && receiver.name !== null && LIMITER_INSTANCE_NAME.test(receiver.name)) {
            return { kind: 'either', label: calleeText(callee) };
          }
          break;
        default:
          break;
      }
      // this.checkRateLimit(extra), limits.throttle(key)
      if (RATE_LIMIT_NAME.test(method) && !isMiddlewareFactory(ref)) return { kind: 'either', label: calleeText(callee) };
      return followHelpers ? helperMatch(callee, depth) : null;
    }
    if (callee.type === 'Identifier') {
      const value = limiterValue(callee, depth);
      if (value.type === 'throttle') return { kind: 'blocking', label: callee.name };
      if (value.type === 'user') return { kind: 'either', label: callee.name };
      if (RATE_LIMIT_NAME.test(callee.name) && !isMiddlewareFactory(ref)) return { kind: 'either', label: callee.name };
      return followHelpers ? helperMatch(callee, depth) : null;
    }
    return null;
  }

  /** A call of a local (or relative-module) function that itself guards on entry. */
  function helperMatch(callee: TSESTree.Node, depth: number): CallMatch | null {
    if (depth >= MAX_DEPTH) return null;
    const fn = resolveFunction(callee);
    if (!fn) return null;
    const guard = guardOnEntry(fn, depth + 1);
    return guard ? { kind: 'either', label: `${calleeText(callee)} → ${guard.label}` } : null;
  }

  /** The first guard on a function's straight-line path, or `null` (memoised). */
  function guardOnEntry(fn: FunctionNode, depth: number): GuardInfo | null {
    if (entryCache.has(fn)) return entryCache.get(fn) ?? null;
    if (inProgress.has(fn)) return null;
    inProgress.add(fn);
    const { points } = straightLineGuards(fn, depth);
    inProgress.delete(fn);
    const first = points[0] ?? null;
    const guard = first ? { node: first.node, label: first.label } : null;
    entryCache.set(fn, guard);
    return guard;
  }

  function isCloudflareLimit(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): boolean {
    if (method !== CLOUDFLARE_BINDING.method) return false;
    const [first] = call.arguments;
    if (first?.type !== 'ObjectExpression') return false;
    const hasKey = first.properties.some((p) => p.type === 'Property' && getKeyName(p) === CLOUDFLARE_BINDING.argumentKey);
    if (!hasKey) return false;
    const binding = unwrapExpression(callee.object);
    if (binding.type !== 'MemberExpression') return false;
    return lastName(unwrapExpression(binding.object)) === CLOUDFLARE_BINDING.envName;
  }

  // ---------------------------------------------------------------------------------------------
  // Handlers: guards on the straight-line path

  function straightLineGuards(fn: FunctionNode, depth: number): Scan {
    const found: Scan = { points: [], unchecked: [] };
    const end = fn.body.range[1];
    if (fn.body.type === 'BlockStatement') scanStatements(fn.body.body, end, found, depth);
    else collectExpressionGuards(fn.body, null, NO_FOLLOWING, end, found, depth);
    return found;
  }

  /** Walks a statement list that runs in order, collecting guards that run whenever it does. */
  function scanStatements(statements: readonly TSESTree.Statement[], end: number, found: Scan, depth: number): boolean {
    for (const [index, statement] of statements.entries()) {
      for (const expression of unconditionalExpressions(statement)) {
        collectExpressionGuards(expression, statement, { statements, from: index + 1 }, end, found, depth);
      }
      if (statement.type === 'BlockStatement') {
        if (scanStatements(statement.body, end, found, depth)) return true;
      } else if (statement.type === 'TryStatement') {
        // A guard inside `try` covers the rest of the block; it covers what follows the `try` only
        // when the `catch` leaves the function (a rejected guard must not fall through to the work).
        const catchLeaves = statement.handler === null || exits(statement.handler.body);
        if (scanStatements(statement.block.body, catchLeaves ? end : statement.block.range[1], found, depth)) return true;
      }
      if (exits(statement)) return true;
    }
    return false;
  }

  function collectExpressionGuards(
    expression: TSESTree.Node,
    statement: TSESTree.Statement | null,
    following: Following,
    end: number,
    found: Scan,
    depth: number,
  ): void {
    for (const call of unconditionalCalls(expression)) {
      const match = matchCall(call, depth);
      if (!match) continue;
      if (match.kind !== 'checking') {
        found.points.push({ node: call, label: match.label, start: call.range[1], end, coversArguments: true });
        continue;
      }
      const decision = decisionBranch(call, statement, following);
      if (decision) found.points.push({ node: call, label: match.label, start: decision.range[1], end, coversArguments: false });
      else found.unchecked.push({ node: call, label: match.label });
    }
  }

  /**
   * For a checking call: the `if` that leaves the function when the answer is no. Either the call
   * sits in that `if`'s test, or its result is bound by this statement and a later statement of the
   * same list tests it.
   */
  function decisionBranch(
    call: TSESTree.CallExpression,
    statement: TSESTree.Statement | null,
    following: Following,
  ): TSESTree.Node | null {
    if (statement?.type === 'IfStatement' && contains(statement.test, call)) return branchLeaves(statement) ? statement.test : null;
    if (statement?.type !== 'VariableDeclaration') return null;
    const declarator = statement.declarations.find((d) => d.init !== null && contains(d.init, call));
    if (!declarator) return null;
    const unit = getUnitOfNode(call);
    if (!unit) return null;
    const variables = declaredVariables(unit, declarator.id);
    for (let i = following.from; i < following.statements.length; i++) {
      const next = following.statements[i] as TSESTree.Statement;
      if (next.type === 'IfStatement' && branchLeaves(next) && variables.some((v) => v.references.some((r) => contains(next.test, r.identifier)))) {
        return next.test;
      }
      if (exits(next)) return null;
    }
    return null;
  }

  function handlerGuards(fn: FunctionNode): HandlerGuards {
    const { points, unchecked } = straightLineGuards(fn, 0);
    const onPath = new Set<TSESTree.Node>([...points, ...unchecked].map((p) => p.node));
    const conditional: GuardInfo[] = [];
    const unit = getUnitOfNode(fn);
    if (unit) {
      for (const node of nodesWithin(unit, fn.body, ['CallExpression'])) {
        if (onPath.has(node)) continue;
        const match = matchDirectCall(node);
        if (match) conditional.push({ node, label: match.label });
      }
    }
    return { points, unchecked, conditional };
  }

  // ---------------------------------------------------------------------------------------------
  // Wrappers at registration

  function frameworkGuard(handler: ToolHandler): GuardInfo | null {
    if (handler.framework !== 'xmcp') return null;
    const unit = getUnitOfNode(handler.registration);
    const segments = unit?.filename.split(/[\\/]/) ?? [];
    const index = segments.lastIndexOf('tools');
    if (index <= 0) return null;
    const dir = segments.slice(0, index).join(path.sep);
    for (const name of XMCP_MIDDLEWARE_FILES) {
      const middleware = loadModule(path.join(dir, name), unit?.root);
      if (!middleware) continue;
      const guard = transportGuard(middleware) ?? defaultExportGuard(middleware);
      if (guard) return { node: handler.registration, label: `${name} → ${guard.label}` };
    }
    return null;
  }

  /** A guard call anywhere in the module's default export (a middleware function or an array of them). */
  function defaultExportGuard(unit: SourceUnit): GuardInfo | null {
    const exported = findExport(unit, 'default');
    if (!exported) return null;
    const label = middlewareValue(exported.node, 0);
    return label ? { node: exported.node, label } : null;
  }

  function wrapperGuard(handler: ToolHandler): GuardInfo | null {
    for (const wrapper of handler.wrappers) {
      const guard = wrapperMatch(wrapper);
      if (guard) return guard;
    }
    return null;
  }

  function wrapperMatch(wrapper: TSESTree.CallExpression): GuardInfo | null {
    const match = matchCall(wrapper);
    if (match && match.kind !== 'checking') return { node: wrapper, label: match.label };
    const callee = unwrapExpression(wrapper.callee);
    // pThrottle({ … })(fn): the factory called in place.
    if (callee.type === 'CallExpression') {
      const value = constructedValue(callee, 0);
      if (value?.type === 'throttle' || value?.type === 'user') return { node: wrapper, label: calleeText(callee.callee) };
      return null;
    }
    const name = lastName(callee);
    if (name !== null && RATE_LIMIT_NAME.test(name)) return { node: wrapper, label: calleeText(callee) };
    // A wrapper of the project: the function it returns guards on entry.
    const fn = resolveFunction(callee);
    if (!fn) return null;
    for (const inner of returnedFunctions(fn)) {
      const guard = guardOnEntry(inner, 1);
      if (guard) return { node: wrapper, label: `${calleeText(callee)} → ${guard.label}` };
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Middleware in front of the transport

  function transportGuard(unit: SourceUnit): GuardInfo | null {
    if (transportCache.has(unit)) return transportCache.get(unit) ?? null;
    // Every transport guard names a limiter somewhere in the file: skip the walk where none does.
    if (!mentionsLimiting(unit.text)) {
      transportCache.set(unit, null);
      return null;
    }
    let found: GuardInfo | null = nestThrottler(unit);
    for (const node of nodesOfType(unit, 'CallExpression')) {
      if (found) break;
      found = middlewareCall(node);
    }
    transportCache.set(unit, found);
    return found;
  }

  function middlewareCall(call: TSESTree.CallExpression): GuardInfo | null {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression') return null;
    const method = getKeyName(callee);
    if (method === 'register') {
      // fastify.register(rateLimit, { max, timeWindow }), fastify.register(import('@fastify/rate-limit'))
      const [plugin] = call.arguments;
      if (!plugin || plugin.type === 'SpreadElement') return null;
      const ref = getModuleRef(unwrapAwait(plugin));
      const known = ref && ref.path.length === 0 ? FASTIFY_PLUGINS.find((p) => p.module === ref.module) : undefined;
      if (known) return { node: call, label: known.label };
      return namedMiddleware(plugin);
    }
    if (method === null || !MIDDLEWARE_METHODS.has(method)) return null;
    const args = call.arguments;
    // Route methods take a path first and a handler last; `use` takes middleware anywhere.
    const candidates = method === 'use' ? args : args.length >= 2 ? args.slice(1, -1) : [];
    for (const arg of candidates) {
      if (arg.type === 'SpreadElement') continue;
      const guard = middlewareValue(arg, 0);
      if (guard) return { node: call, label: guard };
    }
    return null;
  }

  /** The label of a rate-limiting middleware value, or `null`. */
  function middlewareValue(node: TSESTree.Node, depth: number): string | null {
    if (depth > MAX_DEPTH) return null;
    const expression = unwrapExpression(node);
    if (expression.type === 'ArrayExpression') {
      for (const element of expression.elements) {
        const guard = element && element.type !== 'SpreadElement' ? middlewareValue(element, depth + 1) : null;
        if (guard) return guard;
      }
      return null;
    }
    if (expression.type === 'Literal' || expression.type === 'TemplateLiteral') return null;
    const named = namedMiddleware(expression);
    if (named) return named.label;
    const resolved = resolveBinding(expression);
    const value = resolved.kind === 'value' ? unwrapAwait(resolved.node) : expression;
    if (value !== expression && (value.type === 'Identifier' || value.type === 'MemberExpression')) return middlewareValue(value, depth + 1);
    if (value.type === 'CallExpression') {
      const callee = unwrapExpression(value.callee);
      const ref = getModuleRef(callee);
      const factory = ref && MIDDLEWARE_FACTORIES.find((f) => f.module === ref.module && f.paths.some((p) => samePath(p, ref.path)));
      if (factory) return factory.label;
      const userModule = matchesUserModule(ref, callee);
      if (userModule) return calleeText(callee);
      const calleeName = lastName(callee);
      if (calleeName !== null && RATE_LIMIT_NAME.test(calleeName)) return calleeText(callee);
      return null;
    }
    if (value.type === 'MemberExpression') {
      // new ExpressBrute(store).prevent
      const property = getKeyName(value);
      const instance = resolveBinding(unwrapExpression(value.object));
      const made = instance.kind === 'value' ? unwrapAwait(instance.node) : null;
      if (made?.type === 'NewExpression') {
        const ref = getModuleRef(unwrapExpression(made.callee));
        const known = MIDDLEWARE_INSTANCE_PROPERTIES.find((m) => ref?.module === m.module && m.property === property);
        if (known) return known.label;
      }
      return null;
    }
    if (isFunctionNode(value)) {
      // An inline (or local) middleware that calls a limiter.
      let label: string | null = null;
      const unit = getUnitOfNode(value);
      if (!unit) return null;
      for (const inner of nodesWithin(unit, value.body, ['CallExpression'])) {
        label = matchCall(inner)?.label ?? null;
        if (label !== null) break;
      }
      return label;
    }
    return null;
  }

  /** Middleware named like a rate limiter or in the user's guards (`app.use(rateLimiter)`). */
  function namedMiddleware(node: TSESTree.Node): GuardInfo | null {
    const expression = unwrapExpression(node);
    if (expression.type !== 'Identifier' && expression.type !== 'MemberExpression') return null;
    const userName = matchesUserName(expression);
    if (userName !== null) return { node: expression, label: userName };
    const userModule = matchesUserModule(getModuleRef(expression), expression);
    if (userModule !== null) return { node: expression, label: calleeText(expression) };
    const name = lastName(expression);
    return name !== null && RATE_LIMIT_NAME.test(name) ? { node: expression, label: calleeText(expression) } : null;
  }

  /** `@UseGuards(ThrottlerGuard)`, `{ provide: APP_GUARD, useClass: ThrottlerGuard }`, `@Throttle(…)`. */
  function nestThrottler(unit: SourceUnit): GuardInfo | null {
    for (const statement of unit.ast.body) {
      if (statement.type !== 'ImportDeclaration' || statement.source.value !== NEST_THROTTLER.module) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type !== 'ImportSpecifier') continue;
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        if (!(NEST_THROTTLER.exports as readonly string[]).includes(imported)) continue;
        const variable = getVariable(unit, specifier.local);
        const use = variable?.references.find((r) => r.identifier !== specifier.local);
        if (use) return { node: use.identifier, label: `${NEST_THROTTLER.label} ${imported}` };
      }
    }
    return null;
  }

  /** The file's text names a limiter library, a rate-limit-like name, or one of the user's guards. */
  function mentionsLimiting(text: string): boolean {
    if (LIMITING_WORDS.test(text)) return true;
    return userWords.some((word) => text.includes(word));
  }

  return { transportGuard, wrapperGuard, frameworkGuard, handlerGuards };
}

/** Words one of the recognised transport guards always brings into the file (a module or a name). */
const LIMITING_WORDS = /rate.?limit|throttl|limiter|slow.?down|brute|bottleneck/i;

// -----------------------------------------------------------------------------------------------
// Helpers (pure)

function isMiddlewareFactory(ref: ModuleRef | null): boolean {
  return ref !== null && MIDDLEWARE_FACTORIES.some((f) => f.module === ref.module);
}

/** True when `module` (as imported from `file`) is the module `guard` names. */
export function moduleMatches(module: string, file: string, guard: string): boolean {
  const isPathGuard = guard.startsWith('.') || guard.startsWith('/') || SOURCE_EXTENSION.test(guard);
  if (!isPathGuard) return module === guard || module.startsWith(`${guard}/`);
  if (!isRelativeSpecifier(module)) return false;
  const resolved = (path.isAbsolute(file) && resolveRelativeModule(file, module)) || path.resolve(path.dirname(file || '/'), module);
  const target = stripModuleSuffix(resolved.split(path.sep).join('/'));
  const wanted = stripModuleSuffix(guard.replace(/^(?:\.{1,2}\/)+/, '').replace(/^\/+/, ''));
  return wanted !== '' && (target === wanted || target.endsWith(`/${wanted}`));
}

const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

function stripModuleSuffix(file: string): string {
  return file.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '');
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

function lastName(node: TSESTree.Node): string | null {
  const names = trailingNames(node);
  const last = names[names.length - 1];
  return last === undefined || last === 'this' ? null : last;
}

function calleeText(node: TSESTree.Node): string {
  const names = trailingNames(node);
  return names.length > 0 ? names.join('.') : '…';
}

function constructedClassName(callee: TSESTree.Node): string | null {
  const expression = unwrapExpression(callee);
  if (expression.type === 'Identifier') return expression.name;
  if (expression.type === 'MemberExpression') return getKeyName(expression);
  return null;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1] && getUnitOfNode(outer) === getUnitOfNode(inner);
}

/** True when running `statement` always leaves the function (return or throw on every path). */
export function exits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
      return true;
    case 'BlockStatement':
      return statement.body.some((s) => exits(s));
    case 'IfStatement':
      return statement.alternate !== null && exits(statement.consequent) && exits(statement.alternate);
    case 'TryStatement':
      return exits(statement.block) && (statement.handler === null || exits(statement.handler.body));
    default:
      return false;
  }
}

/** `if (!ok) return …` / `if (ok) … else throw …`: one branch leaves the function. */
function branchLeaves(statement: TSESTree.IfStatement): boolean {
  return exits(statement.consequent) || (statement.alternate !== null && exits(statement.alternate));
}

/** The parts of a statement evaluated whenever the statement runs (not its nested blocks). */
function unconditionalExpressions(statement: TSESTree.Statement): TSESTree.Node[] {
  switch (statement.type) {
    case 'ExpressionStatement':
      return [statement.expression];
    case 'VariableDeclaration':
      return statement.declarations.flatMap((d) => (d.init ? [d.init] : []));
    case 'ReturnStatement':
      return statement.argument ? [statement.argument] : [];
    case 'IfStatement':
      return [statement.test];
    case 'SwitchStatement':
      return [statement.discriminant];
    case 'ForOfStatement':
    case 'ForInStatement':
      return [statement.right];
    default:
      return [];
  }
}

/**
 * Calls inside `expression` that run whenever it is evaluated: not inside a nested function, the
 * right operand of `&&`/`||`/`??`, or a branch of `?:`. In source order.
 */
function unconditionalCalls(expression: TSESTree.Node): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const keys = getUnitOfNode(expression)?.visitorKeys;
  if (!keys) return calls;
  const visit = (node: TSESTree.Node): void => {
    switch (node.type) {
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'FunctionDeclaration':
      case 'ClassExpression':
      case 'Literal':
      case 'Identifier':
      case 'ThisExpression':
        return;
      case 'LogicalExpression':
        visit(node.left);
        return;
      case 'ConditionalExpression':
        visit(node.test);
        return;
      case 'CallExpression':
        visit(node.callee);
        for (const arg of node.arguments) visit(arg);
        calls.push(node);
        return;
      default:
        break;
    }
    for (const key of keys[node.type] ?? []) {
      if (key === 'typeAnnotation' || key === 'typeArguments' || key === 'typeParameters') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item);
      } else if (isNode(child)) {
        visit(child);
      }
    }
  };
  visit(expression);
  return calls.sort((a, b) => a.range[0] - b.range[0]);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function declaredVariables(unit: SourceUnit, pattern: TSESTree.Node): TSESLint.Scope.Variable[] {
  const variables: TSESLint.Scope.Variable[] = [];
  walk(pattern, unit.visitorKeys, (node) => {
    if (node.type !== 'Identifier') return;
    const variable = getVariable(unit, node);
    if (variable && variable.identifiers.includes(node)) variables.push(variable);
  });
  return variables;
}

/** The functions a wrapper returns: `(fn) => async (…) => …`, `function w(fn) { return async (…) => {…} }`. */
function returnedFunctions(fn: FunctionNode): FunctionNode[] {
  if (fn.body.type !== 'BlockStatement') {
    const body = unwrapExpression(fn.body);
    return isFunctionNode(body) ? [body] : [];
  }
  const found: FunctionNode[] = [];
  const unit = getUnitOfNode(fn);
  if (!unit) return found;
  for (const node of ownReturns(unit, fn)) {
    if (node.argument && isFunctionNode(unwrapExpression(node.argument))) {
      found.push(unwrapExpression(node.argument) as FunctionNode);
    }
  }
  return found;
}
