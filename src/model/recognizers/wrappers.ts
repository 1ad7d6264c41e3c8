import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../../util/ast.js';
import { memoizeByUnit } from '../../util/memo.js';
import { getPatternPath } from '../../util/module-refs.js';
import { nodesOfType, nodesWithin } from '../../util/node-index.js';
import { getSingleInit, getUnitOfNode, getVariable, type SourceUnit } from '../../util/source-unit.js';
import { resolveHandler } from '../handler-resolution.js';
import { loopLens, plainLens, type Lens } from '../lens.js';
import type { DescriptionSite, InputBinding, ToolHandler } from '../types.js';
import { recognizeRegistrationCall, REGISTRATION_CALL_NAMES } from './calls.js';
import { getCalleeName, plainArguments } from './common.js';
import type { Recognizer } from './types.js';

type Variable = TSESLint.Scope.Variable;

/** One registration a wrapper's body makes. */
export interface WrappedRegistration {
  /** The registration call in the wrapper's body (`server.registerTool(name, { description }, …)`). */
  readonly call: TSESTree.CallExpression;
  /**
   * The call read as written, when it registers a function of the wrapper that calls the callback:
   * that function as the handler (with the inputs the framework gives it), no name, no descriptions.
   * `null` when the wrapper registers the callback itself.
   */
  readonly inner: ToolHandler | null;
  /** The call of the callback parameter in that function (`cb(args)`). */
  readonly invoke: TSESTree.CallExpression | null;
}

/**
 * A registration wrapper of the project: a named function (declaration or `const` function) whose
 * body makes a recognised registration naming its tool from the wrapper's parameters.
 */
export interface RegistrationWrapper {
  readonly fn: FunctionNode;
  /** The name it is declared under in its module. */
  readonly name: string;
  /** Each parameter (also destructured ones) with its path into the argument list: `['0']`, `['0', 'name']`. */
  readonly params: ReadonlyMap<Variable, readonly string[]>;
  readonly registrations: readonly WrappedRegistration[];
  /** The `inner` handlers of the registrations that have one. */
  readonly inner: readonly ToolHandler[];
}

interface WrapperIndex {
  readonly wrappers: readonly RegistrationWrapper[];
  readonly byName: ReadonlyMap<string, readonly RegistrationWrapper[]>;
  readonly byFunction: ReadonlyMap<FunctionNode, RegistrationWrapper>;
  /** The registration calls inside wrappers: they are the wrappers' calls' (one tool per call), not tools of their own. */
  readonly registrations: ReadonlySet<TSESTree.Node>;
  /** Schema and description nodes those calls read as written: the generic definition heuristic must not take them. */
  readonly claimed: readonly TSESTree.Node[];
  /** Local names bound by imports of relative modules: a call of one may call a wrapper defined there. */
  readonly imported: ReadonlySet<string>;
}

const NONE: readonly ToolHandler[] = [];

/**
 * Local registration wrappers: `const tool = (name, title, description, schema, annotations, cb) =>
 * server.registerTool(name, { title, description, inputSchema: schema, annotations }, async (args) =>
 * …cb(args)…)`, `function addTool(name, description, shape, cb) { server.tool(name, description,
 * shape, cb) }`, `defineTool({ name, description, schema, handler })`, FastMCP `addTool` inside such
 * a function. Found once per file: a named function (a declaration, or a function bound to a
 * `const`) whose body makes a registration (a call the registration recognizers read) whose tool
 * name comes from the function's parameters, and whose handler is a parameter or a function of the
 * wrapper that calls one. A wrapper imported from a relative module counts too.
 *
 * Each call of a wrapper is then a registration: the wrapper's registration is recognised once per
 * call with a lens that reads the wrapper's parameters as the call's arguments, so name,
 * descriptions and schema are the call's, the handler is the callback passed to it (when the
 * wrapper calls it from a function of its own, the callback's parameters get the input that
 * function passes on) and `registration` is the call. `ToolHandler.via` keeps the wrapper's own
 * function (`inner`): its `catch` and rate guard apply to every tool registered through it.
 *
 * The registration inside the wrapper is no tool of its own (its name and descriptions are
 * parameters): this recognizer claims it with an empty answer.
 */
export const recognizeWrapperRegistration: Recognizer = (node, unit) => {
  if (node.type !== 'CallExpression') return null;
  const index = wrapperIndex(unit);
  if (index.wrappers.length === 0 && index.imported.size === 0) return null;
  if (index.registrations.has(node)) return NONE;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== 'Identifier') return null;
  const local = index.byName.get(callee.name);
  if (local) {
    const variable = getVariable(unit, callee);
    const wrapper = variable && local.find((candidate) => declares(variable, candidate.fn));
    return wrapper ? callHandlers(node, wrapper) : null;
  }
  // An imported function is looked at only when called like a wrapper (an inline callback or a definition object):
  // following every imported helper's module would cost more than the rare wrapper is worth.
  if (!index.imported.has(callee.name) || !looksLikeWrapperCall(node)) return null;
  const value = plainLens(unit).value(callee);
  const other = isFunctionNode(value) ? getUnitOfNode(value) : undefined;
  const wrapper = other && other !== unit ? wrapperIndex(other).byFunction.get(value as FunctionNode) : undefined;
  return wrapper ? callHandlers(node, wrapper) : null;
};

function looksLikeWrapperCall(call: TSESTree.CallExpression): boolean {
  const [first] = call.arguments;
  return first?.type === 'ObjectExpression' || call.arguments.some((arg) => arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression');
}

/** The registration wrappers written in the file (memoised per unit). */
export function getRegistrationWrappers(unit: SourceUnit): readonly RegistrationWrapper[] {
  return wrapperIndex(unit).wrappers;
}

/** Nodes the registrations inside the file's wrappers read as written (for the ownership rule of `getToolHandlers`). */
export function getWrapperClaims(unit: SourceUnit): readonly TSESTree.Node[] {
  return wrapperIndex(unit).claimed;
}

const wrapperIndex = memoizeByUnit((unit: SourceUnit): WrapperIndex => {
  const found = new Map<FunctionNode, { name: string; params: Map<Variable, readonly string[]>; registrations: WrappedRegistration[] }>();
  const registrations = new Set<TSESTree.Node>();
  const claimed: TSESTree.Node[] = [];
  const paramsOf = new Map<FunctionNode, Map<Variable, readonly string[]> | null>();
  for (const call of nodesOfType(unit, 'CallExpression')) {
    const method = getCalleeName(call);
    if (method === null || !REGISTRATION_CALL_NAMES.has(method)) continue;
    const fn = enclosingFunction(call);
    if (!fn || fn.params.length === 0) continue;
    let params = paramsOf.get(fn);
    if (params === undefined) {
      params = wrapperName(fn) === null ? null : parameterPaths(unit, fn);
      paramsOf.set(fn, params);
    }
    if (!params || params.size === 0 || !call.arguments.some((arg) => mentionsShallow(unit, arg, params, 0))) continue;
    const read = readWrapped(unit, fn, call, params);
    if (!read) continue;
    const { registration, handler } = read;
    let entry = found.get(fn);
    if (!entry) {
      entry = { name: wrapperName(fn) as string, params, registrations: [] };
      found.set(fn, entry);
    }
    entry.registrations.push(registration);
    registrations.add(call);
    claimed.push(handler.registration, ...handler.descriptions.map((site) => site.node));
    if (handler.inputSchema) claimed.push(handler.inputSchema.node);
  }
  const wrappers: RegistrationWrapper[] = [];
  const byName = new Map<string, RegistrationWrapper[]>();
  const byFunction = new Map<FunctionNode, RegistrationWrapper>();
  for (const [fn, entry] of found) {
    const inner = entry.registrations.flatMap((r) => (r.inner ? [r.inner] : []));
    const wrapper: RegistrationWrapper = { fn, name: entry.name, params: entry.params, registrations: entry.registrations, inner };
    wrappers.push(wrapper);
    byName.set(wrapper.name, [...(byName.get(wrapper.name) ?? []), wrapper]);
    byFunction.set(fn, wrapper);
  }
  return { wrappers, byName, byFunction, registrations, claimed, imported: relativeImportNames(unit) };
});

/**
 * The registration `call` inside `fn` read as written, when it is a wrapper's: the tool name is
 * built from a parameter, and the handler is a parameter (unresolvable as written) or a function
 * of the wrapper that calls a parameter.
 */
function readWrapped(
  unit: SourceUnit,
  fn: FunctionNode,
  call: TSESTree.CallExpression,
  params: ReadonlyMap<Variable, readonly string[]>,
): { registration: WrappedRegistration; handler: ToolHandler } | null {
  const recognised = recognizeRegistrationCall(call, plainLens(unit));
  const handler = recognised?.length === 1 ? recognised[0] : undefined;
  if (!handler?.nameNode || !mentions(unit, handler.nameNode, params)) return null;
  if (!handler.handler) return { registration: { call, inner: null, invoke: null }, handler };
  if (getUnitOfNode(handler.handler) !== unit || !within(handler.handler, fn)) return null;
  const invoke = findInvoke(unit, handler.handler, params);
  if (!invoke) return null;
  const inner: ToolHandler = { ...handler, name: null, nameNode: null, descriptions: [] };
  return { registration: { call, inner, invoke }, handler };
}

/** The ToolHandlers of one call of a wrapper. */
function callHandlers(call: TSESTree.CallExpression, wrapper: RegistrationWrapper): readonly ToolHandler[] | null {
  const args = plainArguments(call);
  const wrapperUnit = getUnitOfNode(wrapper.fn);
  if (!args || !wrapperUnit) return null;
  const lens = loopLens(wrapperUnit, { paths: wrapper.params, element: { kind: 'arguments', args } });
  const callUnit = getUnitOfNode(call);
  const out: ToolHandler[] = [];
  for (const registration of wrapper.registrations) {
    for (const found of recognizeRegistrationCall(registration.call, lens) ?? NONE) {
      out.push(rebind(found, call, callUnit, registration, wrapper, lens));
    }
  }
  return out.length > 0 ? out : null;
}

function rebind(
  found: ToolHandler,
  call: TSESTree.CallExpression,
  callUnit: SourceUnit | undefined,
  registration: WrappedRegistration,
  wrapper: RegistrationWrapper,
  lens: Lens,
): ToolHandler {
  const { inner, invoke } = registration;
  let { handler, wrappers, inputs, resultStyle } = found;
  if (inner && invoke && found.handler === inner.handler && inner.handler) {
    // The wrapper's function calls the callback: that callback is the tool's handler.
    const target = resolveHandler(lens.unit, invoke.callee, lens);
    handler = target.handler;
    wrappers = [...found.wrappers, ...target.wrappers];
    inputs = passedInputs(lens.unit, found.inputs, inner.handler, invoke);
    if (!returnsDirectly(invoke, inner.handler)) resultStyle = 'raw-value';
  }
  const keepRegistration = found.registration !== registration.call && getUnitOfNode(found.registration) === callUnit;
  return {
    ...found,
    registration: keepRegistration ? found.registration : call,
    descriptions: substituteSites(lens, wrapper, found.descriptions),
    handler,
    inputs,
    wrappers,
    resultStyle,
    via: { wrapper: wrapper.fn, inner, invoke },
  };
}

/**
 * Description sites still inside the wrapper (`` `${description} (beta)` ``) read its parameters:
 * the arguments of the call stand for them (their text is what varies); a parameter the call
 * leaves out is no site. A site without parameters (a fixed title) stays.
 */
function substituteSites(lens: Lens, wrapper: RegistrationWrapper, sites: readonly DescriptionSite[]): DescriptionSite[] {
  const unit = lens.unit;
  const out: DescriptionSite[] = [];
  for (const site of sites) {
    if (getUnitOfNode(site.node) !== unit || !within(site.node, wrapper.fn)) {
      out.push(site);
      continue;
    }
    const references = nodesWithin(unit, site.node, ['Identifier']).filter((id) => isParameter(unit, id, wrapper.params));
    if (references.length === 0) {
      out.push(site);
      continue;
    }
    for (const reference of references) {
      const node = lens.site(reference);
      if (getUnitOfNode(node) !== unit || !within(node, wrapper.fn)) out.push({ node, role: site.role });
    }
  }
  return out;
}

/**
 * The input bindings of the callback, from those of the wrapper's function and the arguments it
 * passes on: `cb(args)`, `cb(args.input, extra)`, `cb(...rest)`.
 */
function passedInputs(unit: SourceUnit, bindings: readonly InputBinding[], fn: FunctionNode, invoke: TSESTree.CallExpression): InputBinding[] {
  const out: InputBinding[] = [];
  const add = (binding: InputBinding): void => {
    if (!out.some((b) => b.param === binding.param && b.origin === binding.origin && b.path.join('.') === binding.path.join('.'))) out.push(binding);
  };
  invoke.arguments.forEach((arg, position) => {
    if (arg.type === 'SpreadElement') {
      // cb(...rest) with (...rest) the function's rest parameter: parameters line up from there.
      const rest = fn.params.findIndex((p) => p.type === 'RestElement' && p.argument.type === 'Identifier' && isIdentifierNamed(arg.argument, p.argument.name));
      if (rest < 0) return;
      for (const b of bindings) if (b.param >= rest) add({ ...b, param: position + b.param - rest });
      return;
    }
    const reference = parameterReference(unit, fn, arg);
    if (!reference) return;
    for (const b of bindings) {
      if (b.param !== reference.param) continue;
      if (isPrefix(b.path, reference.path)) add({ param: position, path: [], origin: b.origin });
      else if (isPrefix(reference.path, b.path)) add({ param: position, path: b.path.slice(reference.path.length), origin: b.origin });
    }
  });
  return out;
}

/** `args` or `args.input.x` with `args` a parameter of `fn`: its index and the property path. */
function parameterReference(unit: SourceUnit, fn: FunctionNode, arg: TSESTree.Node): { param: number; path: string[] } | null {
  const path: string[] = [];
  let node = unwrapExpression(arg);
  while (node.type === 'MemberExpression') {
    const key = getKeyName(node);
    if (key === null) return null;
    path.unshift(key);
    node = unwrapExpression(node.object);
  }
  if (node.type !== 'Identifier') return null;
  const def = getVariable(unit, node)?.defs[0];
  if (def?.type !== 'Parameter' || def.node !== fn) return null;
  const param = fn.params.findIndex((p) => (p.type === 'Identifier' ? p : p.type === 'AssignmentPattern' ? p.left : null) === def.name);
  return param < 0 ? null : { param, path };
}

function isIdentifierNamed(node: TSESTree.Node, name: string): boolean {
  const value = unwrapExpression(node);
  return value.type === 'Identifier' && value.name === name;
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}

/** `return cb(args)`, `return await cb(args)`, `async (args) => cb(args)`: the callback's value is the result as is. */
function returnsDirectly(invoke: TSESTree.CallExpression, fn: FunctionNode): boolean {
  let node: TSESTree.Node = invoke;
  while (node.parent.type === 'AwaitExpression' || node.parent.type === 'TSAsExpression' || node.parent.type === 'ChainExpression') node = node.parent;
  return node.parent.type === 'ReturnStatement' || (node.parent === fn && fn.body === node);
}

/** The first call in `fn` of a wrapper parameter (`cb(args)`, `def.handler(args)`). */
function findInvoke(unit: SourceUnit, fn: FunctionNode, params: ReadonlyMap<Variable, readonly string[]>): TSESTree.CallExpression | null {
  for (const call of nodesWithin(unit, fn, ['CallExpression'])) {
    let callee = unwrapExpression(call.callee);
    while (callee.type === 'MemberExpression') callee = unwrapExpression(callee.object);
    if (callee.type === 'Identifier' && isParameter(unit, callee, params)) return call;
  }
  return null;
}

/**
 * The cheap test before a registration is read: a parameter appears in an argument outside the
 * functions passed (where a tool name sits: the first argument, a `name` property, a template).
 * `export function registerX(server) { server.registerTool('x', …, async (args) => …server…) }` fails it.
 */
function mentionsShallow(unit: SourceUnit, raw: TSESTree.Node, params: ReadonlyMap<Variable, readonly string[]>, depth: number): boolean {
  if (depth > 3) return false;
  let node = unwrapExpression(raw);
  while (node.type === 'MemberExpression') node = unwrapExpression(node.object);
  switch (node.type) {
    case 'Identifier':
      return isParameter(unit, node, params);
    case 'SpreadElement':
      return mentionsShallow(unit, node.argument, params, depth + 1);
    case 'ObjectExpression':
      return node.properties.some((property) => mentionsShallow(unit, property.type === 'Property' ? property.value : property.argument, params, depth + 1));
    case 'TemplateLiteral':
      return node.expressions.some((expression) => mentionsShallow(unit, expression, params, depth + 1));
    case 'BinaryExpression':
    case 'LogicalExpression':
      return mentionsShallow(unit, node.left, params, depth + 1) || mentionsShallow(unit, node.right, params, depth + 1);
    case 'CallExpression':
      return node.arguments.some((arg) => mentionsShallow(unit, arg, params, depth + 1));
    default:
      return false;
  }
}

/** Some identifier inside `node` names a parameter of the wrapper (names first: the lookups only for those). */
function mentions(unit: SourceUnit, node: TSESTree.Node, params: ReadonlyMap<Variable, readonly string[]>): boolean {
  return nodesWithin(unit, node, ['Identifier']).some((id) => isParameter(unit, id, params));
}

function isParameter(unit: SourceUnit, id: TSESTree.Identifier, params: ReadonlyMap<Variable, readonly string[]>): boolean {
  let named = false;
  for (const variable of params.keys()) {
    if (variable.name === id.name) {
      named = true;
      break;
    }
  }
  if (!named) return false;
  const variable = getVariable(unit, id);
  return variable !== undefined && params.has(variable);
}

/** Each variable the function's parameters declare, with its path into the argument list. */
function parameterPaths(unit: SourceUnit, fn: FunctionNode): Map<Variable, readonly string[]> {
  const paths = new Map<Variable, readonly string[]>();
  for (const variable of unit.scopeManager.getDeclaredVariables(fn)) {
    const identifier = variable.identifiers[0];
    if (!identifier) continue;
    const index = fn.params.findIndex((p) => p.range[0] <= identifier.range[0] && identifier.range[1] <= p.range[1]);
    const pattern = fn.params[index];
    if (!pattern || pattern.type === 'TSParameterProperty' || pattern.type === 'RestElement') continue;
    const path = getPatternPath(pattern, identifier);
    if (path) paths.set(variable, [String(index), ...path]);
  }
  return paths;
}

/** The name a function is declared under: `function tool() {}`, `const tool = () => {}`. */
function wrapperName(fn: FunctionNode): string | null {
  if (fn.type === 'FunctionDeclaration') return fn.id?.name ?? null;
  let node: TSESTree.Node = fn;
  while (node.parent.type === 'TSAsExpression' || node.parent.type === 'TSSatisfiesExpression') node = node.parent;
  const parent = node.parent;
  return parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' ? parent.id.name : null;
}

/** The variable is the wrapper: its declaration, or a binding whose one value is it. */
function declares(variable: Variable, fn: FunctionNode): boolean {
  if (variable.defs.length !== 1) return false;
  if (variable.defs[0]?.node === fn) return true;
  const init = getSingleInit(variable);
  return init !== undefined && unwrapExpression(init) === fn;
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return container.range[0] <= node.range[0] && node.range[1] <= container.range[1];
}

/** Local names of the file's top-level imports of relative modules (`import { tool } from './tool.js'`, `const { tool } = require('./tool')`). */
function relativeImportNames(unit: SourceUnit): Set<string> {
  const names = new Set<string>();
  for (const statement of unit.ast.body) {
    if (statement.type === 'ImportDeclaration') {
      if (!statement.source.value.startsWith('.')) continue;
      for (const specifier of statement.specifiers) if (specifier.type !== 'ImportNamespaceSpecifier') names.add(specifier.local.name);
      continue;
    }
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      if (!declarator.init || !isRelativeRequire(declarator.init)) continue;
      if (declarator.id.type === 'Identifier') names.add(declarator.id.name);
      else if (declarator.id.type === 'ObjectPattern') {
        for (const property of declarator.id.properties) if (property.type === 'Property' && property.value.type === 'Identifier') names.add(property.value.name);
      }
    }
  }
  return names;
}

/** `require('./x')` or `require('./x').name`. */
function isRelativeRequire(init: TSESTree.Expression): boolean {
  let node = unwrapExpression(init);
  if (node.type === 'MemberExpression') node = unwrapExpression(node.object);
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return false;
  const [first] = node.arguments;
  return first?.type === 'Literal' && typeof first.value === 'string' && first.value.startsWith('.');
}
