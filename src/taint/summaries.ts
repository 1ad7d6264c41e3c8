import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingClassBody, findProperty, getKeyName, isFunctionNode, resolveValue, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { findExport, isRelativeSpecifier, isRequireDefinition, loadRelativeModule } from '../util/module-loader.js';
import { getModuleRef, getPatternPath } from '../util/module-refs.js';
import { nodesWithin } from '../util/node-index.js';
import { getSingleInit, getUnitOfNode, getVariable, isReassigned, type SourceUnit } from '../util/source-unit.js';
import type { Analysis } from './propagation.js';
import { getConditionalSinkCall, getSinkCall, instanceSinkRow, type ConditionalSinkCall } from './sinks.js';
import { settleRootParams } from './guards.js';
import type { FlowState, FlowStep, Origin, SinkCall, SinkKind, SinkPoint, SinkSpec, TaintValue } from './types.js';
import { CLEAN, idOf, mapOrigins, mergeStates, normalizeValue, originKey, unionValues, withoutPathFacts } from './values.js';

/*
 * Function summaries: which parameters flow to a function's return value, and which reach sinks.
 * Calls are resolved to local functions, object-literal methods, class methods (`this.m`,
 * `new C().m()`, `C.m()`), functions exported by relative modules (parsed once per file and
 * mtime) and, for a call through a table of handlers, the functions of the table. Summaries are
 * memoised per function node and cycle-safe; modules are followed to a depth of
 * {@link MAX_MODULE_DEPTH} from the linted file.
 */

export const MAX_MODULE_DEPTH = 3;

/** A call resolved to the function it runs. */
export interface ResolvedCallee {
  readonly fn: FunctionNode;
  readonly unit: SourceUnit;
  /** The callee as written, for messages: `toMarkdown`, `converter.run`. */
  readonly name: string;
  /** For `new C(a).m()`: the constructor and the `new` arguments (class fields set from them). */
  readonly constructorCall?: { readonly fn: FunctionNode; readonly args: readonly TSESTree.CallExpressionArgument[] };
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * How many module hops from a linted file each followed unit is (the linted file is 0). Shared by
 * every analysis: it only bounds how far imports are followed.
 */
export const MODULE_DEPTH = new WeakMap<SourceUnit, number>();

function loadFrom(_analysis: Analysis | null, fromUnit: SourceUnit, specifier: string): SourceUnit | null {
  if (!isRelativeSpecifier(specifier)) return null;
  const depth = MODULE_DEPTH.get(fromUnit) ?? 0;
  if (depth >= MAX_MODULE_DEPTH) return null;
  // Resolved once per importing unit by the loader.
  const target = loadRelativeModule(fromUnit, specifier);
  if (target) {
    const targetDepth = MODULE_DEPTH.get(target);
    if (targetDepth === undefined || targetDepth > depth + 1) MODULE_DEPTH.set(target, depth + 1);
  }
  return target;
}

/** The function (or class) an expression names, following consts, imports and relative modules. */
function resolveTarget(analysis: Analysis | null, unit: SourceUnit, expression: TSESTree.Node, depth = 0): { node: TSESTree.Node; unit: SourceUnit } | null {
  if (depth > 6) return null;
  const value = unwrapExpression(expression);
  if (isFunctionNode(value) || value.type === 'ClassDeclaration' || value.type === 'ClassExpression') return { node: value, unit };
  if (value.type === 'Identifier') {
    const variable = getVariable(unit, value);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1) return null;
    if (def.type === 'FunctionName' || def.type === 'ClassName') return { node: def.node, unit };
    // `const { f } = require('./x')`, `const f = require('./x')`: like an import.
    if (isRequireDefinition(def)) return resolveImported(analysis, unit, value);
    if (def.type === 'Variable') {
      const init = getSingleInit(variable);
      if (!init) return null;
      const inner = unwrapExpression(init);
      // const f = g.bind(this)
      if (inner.type === 'CallExpression' && inner.callee.type === 'MemberExpression' && getKeyName(inner.callee) === 'bind') return resolveTarget(analysis, unit, inner.callee.object, depth + 1);
      return resolveTarget(analysis, unit, inner, depth + 1);
    }
    if (def.type === 'ImportBinding') return resolveImported(analysis, unit, value);
    return null;
  }
  if (value.type === 'MemberExpression') {
    const imported = resolveImported(analysis, unit, value);
    if (imported) return imported;
    const name = getKeyName(value);
    if (name === null) return null;
    const object = unwrapExpression(value.object);
    if (object.type === 'ThisExpression') {
      const owner = enclosingClass(value);
      const method = owner ? findMethod(owner, name, false) : null;
      return method ? { node: method, unit } : null;
    }
    const target = resolveTarget(analysis, unit, object, depth + 1);
    if (target && (target.node.type === 'ClassDeclaration' || target.node.type === 'ClassExpression')) {
      const method = findMethod(target.node, name, true);
      return method ? { node: method, unit: target.unit } : null;
    }
    const holder = resolveValue(unit, object);
    if (holder.type === 'ObjectExpression') {
      for (const property of holder.properties) {
        if (property.type === 'Property' && getKeyName(property) === name) return resolveTarget(analysis, unit, property.value, depth + 1);
      }
    }
    return null;
  }
  return null;
}

/** An imported name (`import { f } from './x.js'`, `import * as x`, `require('./x')`) in a relative module. */
function resolveImported(analysis: Analysis | null, unit: SourceUnit, node: TSESTree.Node): { node: TSESTree.Node; unit: SourceUnit } | null {
  const current = importedNode(analysis, unit, node);
  if (current?.node.type === 'Identifier') return resolveTarget(analysis, current.unit, current.node);
  return current;
}

/**
 * The node a relative module exports under an imported name, down the property path of the
 * reference (`ns.tools.run`: classes' static methods, object literals' properties); an identifier
 * the export leaves is returned as it is.
 */
function importedNode(analysis: Analysis | null, unit: SourceUnit, node: TSESTree.Node): { node: TSESTree.Node; unit: SourceUnit } | null {
  const ref = getModuleRef(node);
  if (!ref || !isRelativeSpecifier(ref.module)) return null;
  const target = loadFrom(analysis, unit, ref.module);
  if (!target) return null;
  const [head = 'default', ...rest] = ref.path;
  let found = findExport(target, head);
  if (!found && ref.path.length === 0) found = findExport(target, 'default');
  if (!found) return null;
  let current: { node: TSESTree.Node; unit: SourceUnit } = found;
  for (const name of rest) {
    const node = current.node;
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
      const method = findMethod(node, name, true);
      if (!method) return null;
      current = { node: method, unit: current.unit };
    } else if (node.type === 'ObjectExpression') {
      const property = node.properties.find((p): p is TSESTree.Property => p.type === 'Property' && getKeyName(p) === name);
      if (!property) return null;
      current = { node: unwrapExpression(property.value), unit: current.unit };
    } else return null;
  }
  return current;
}

function enclosingClass(node: TSESTree.Node): ClassNode | null {
  return enclosingClassBody(node)?.parent ?? null;
}

function findMethod(owner: ClassNode, name: string, isStatic: boolean): FunctionNode | null {
  for (const element of owner.body.body) {
    if ((element.type === 'MethodDefinition' || element.type === 'PropertyDefinition') && element.static === isStatic && getKeyName(element) === name) {
      const value = element.value ? unwrapExpression(element.value) : null;
      return isFunctionNode(value) ? value : null;
    }
  }
  return null;
}

function findConstructor(owner: ClassNode): FunctionNode | null {
  for (const element of owner.body.body) {
    if (element.type === 'MethodDefinition' && element.kind === 'constructor' && element.value.type === 'FunctionExpression') return element.value;
  }
  return null;
}

function calleeName(unit: SourceUnit, callee: TSESTree.Node): string {
  // new Converter(format).convert(): the method name reads better than the expression.
  if (callee.type === 'MemberExpression' && (unwrapExpression(callee.object).type === 'NewExpression' || unwrapExpression(callee.object).type === 'CallExpression')) {
    return getKeyName(callee) ?? 'function';
  }
  const text = unit.text.slice(callee.range[0], callee.range[1]);
  if (text.length <= 40 && !text.includes('\n')) return text;
  return callee.type === 'MemberExpression' ? (getKeyName(callee) ?? 'function') : 'function';
}

/**
 * The function a call runs, or `null` when it cannot be known statically (a parameter, a
 * package function, a dynamic property). Class instances are followed through `new C(…).m()` and
 * `const c = new C(…); c.m()`.
 */
export function resolveCallee(analysis: Analysis | null, call: TSESTree.CallExpression | TSESTree.NewExpression): ResolvedCallee | null {
  if (call.type !== 'CallExpression') return null;
  const unit = getUnitOfNode(call);
  if (!unit) return null;
  const callee = unwrapExpression(call.callee);
  const name = calleeName(unit, callee);
  // new C(…).m() / const c = new C(…); c.m()
  if (callee.type === 'MemberExpression') {
    const method = getKeyName(callee);
    const instance = resolveValue(unit, callee.object);
    const created = instance.type === 'AwaitExpression' ? unwrapExpression(instance.argument) : instance;
    if (method !== null && created.type === 'NewExpression') {
      const owner = resolveTarget(analysis, unit, created.callee);
      if (owner && (owner.node.type === 'ClassDeclaration' || owner.node.type === 'ClassExpression')) {
        const fn = findMethod(owner.node, method, false);
        if (!fn) return null;
        const ctor = findConstructor(owner.node);
        return { fn, unit: owner.unit, name, ...(ctor ? { constructorCall: { fn: ctor, args: created.arguments } } : {}) };
      }
    }
  }
  const target = resolveTarget(analysis, unit, callee);
  if (target && isFunctionNode(target.node)) return { fn: target.node, unit: target.unit, name };
  // service.m() with `service: Service` (a parameter, a field, a constructor parameter property).
  if (callee.type === 'MemberExpression') {
    const method = getKeyName(callee);
    const typeName = method === null ? null : declaredClassName(unit, unwrapExpression(callee.object));
    const owner = typeName ? resolveTarget(analysis, unit, typeName) : null;
    if (method !== null && owner && (owner.node.type === 'ClassDeclaration' || owner.node.type === 'ClassExpression')) {
      const fn = findMethod(owner.node, method, false);
      if (fn) return { fn, unit: owner.unit, name };
    }
  }
  return null;
}

/**
 * The class a receiver is declared as (`x: Service`, `private service: Service`), or, for an
 * unannotated parameter (plain JavaScript), the class every call of its function in the file
 * passes an instance of (`getData(args, new Api())`); `null` when unknown.
 */
function declaredClassName(unit: SourceUnit, receiver: TSESTree.Node): TSESTree.Node | null {
  const fromAnnotation = (annotation: TSESTree.TSTypeAnnotation | undefined): TSESTree.Identifier | null => {
    const type = annotation?.typeAnnotation;
    return type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' ? type.typeName : null;
  };
  if (receiver.type === 'Identifier') {
    const variable = getVariable(unit, receiver);
    const def = variable?.defs[0];
    if (!variable || !def) return null;
    if (def.type === 'Parameter' || def.type === 'Variable') {
      const declared = def.name.type === 'Identifier' ? fromAnnotation(def.name.typeAnnotation) : null;
      if (declared || def.type !== 'Parameter' || variable.defs.length !== 1) return declared;
      return passedClass(unit, variable);
    }
    return null;
  }
  if (receiver.type === 'MemberExpression' && unwrapExpression(receiver.object).type === 'ThisExpression') {
    const field = getKeyName(receiver);
    const owner = enclosingClass(receiver);
    if (field === null || !owner) return null;
    for (const element of owner.body.body) {
      if (element.type === 'PropertyDefinition' && getKeyName(element) === field) return fromAnnotation(element.typeAnnotation);
      if (element.type === 'MethodDefinition' && element.kind === 'constructor') {
        for (const param of element.value.params) {
          if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && param.parameter.name === field) return fromAnnotation(param.parameter.typeAnnotation);
        }
      }
    }
  }
  return null;
}

/**
 * The class of the instances every call in the file passes for a parameter: `new C(…)`, directly,
 * through a `const`, or through a parameter of the caller that is itself such a parameter
 * (`bt(server, new Api())` registering `(args) => tool.handler(args, api)`). The calls are the
 * direct calls of the function's name and, for a function stored in a `const` object
 * (`const tool = { handler: fn }`), the calls `tool.handler(…)`. `null` when the parameter is
 * reassigned, its function is passed on as a value any other way (a handler, a callback: callers
 * out of sight), is never called here, or the calls disagree.
 */
function passedClass(unit: SourceUnit, parameter: TSESLint.Scope.Variable, depth = 0): TSESTree.Node | null {
  const def = parameter.defs[0];
  if (depth > 3 || def?.type !== 'Parameter' || parameter.references.some((reference) => reference.isWrite())) return null;
  const fn = def.node;
  if (!isFunctionNode(fn)) return null;
  const index = fn.params.indexOf(def.name);
  const calls = index < 0 ? null : callsOf(unit, fn);
  if (!calls || calls.length === 0) return null;
  let found: TSESTree.Node | null = null;
  for (const call of calls) {
    const argument = call.arguments[index];
    if (!argument || argument.type === 'SpreadElement') return null;
    const value = resolveValue(unit, argument);
    let owner: TSESTree.Node | null = null;
    if (value.type === 'NewExpression') owner = unwrapExpression(value.callee);
    else if (value.type === 'Identifier') {
      const variable = getVariable(unit, value);
      owner = variable && variable !== parameter ? passedClass(unit, variable, depth + 1) : null;
    }
    if (owner === null) return null;
    if (found !== null && unit.text.slice(found.range[0], found.range[1]) !== unit.text.slice(owner.range[0], owner.range[1])) return null;
    found = owner;
  }
  return found;
}

/**
 * Every call of a function in its file: calls of its name, and `obj.key(…)` for a function that is
 * the `key` property of a `const` object literal `obj`. `null` when it (or that object) is used any
 * other way, so that some callers are out of sight.
 */
function callsOf(unit: SourceUnit, fn: FunctionNode): TSESTree.CallExpression[] | null {
  const parent = fn.parent;
  if (fn.type === 'FunctionDeclaration' || (parent.type === 'VariableDeclarator' && parent.init === fn)) {
    const name = fn.type === 'FunctionDeclaration' ? fn.id : (parent as TSESTree.VariableDeclarator).id;
    return name?.type === 'Identifier' ? callsOfName(unit, name) : null;
  }
  return null;
}

function callsOfName(unit: SourceUnit, name: TSESTree.Identifier): TSESTree.CallExpression[] | null {
  const variable = getVariable(unit, name);
  if (!variable) return null;
  const out: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    const id = reference.identifier;
    const parent = id.parent;
    if (parent.type === 'CallExpression' && parent.callee === id) {
      out.push(parent);
      continue;
    }
    // `const tool = { name, handler: fn }`: its calls are `tool.handler(…)`.
    const holder = parent.type === 'Property' && parent.value === id && !parent.computed ? parent.parent : null;
    const declarator = holder?.type === 'ObjectExpression' ? holder.parent : null;
    const key = parent.type === 'Property' ? getKeyName(parent) : null;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== holder || declarator.id.type !== 'Identifier' || key === null) return null;
    const methodCalls = callsOfMethod(unit, declarator.id, key);
    if (!methodCalls) return null;
    out.push(...methodCalls);
  }
  return out;
}

/** The calls `obj.key(…)` of a `const` object; `null` when `obj` or its `key` escapes (read as a value, spread, passed on). */
function callsOfMethod(unit: SourceUnit, object: TSESTree.Identifier, key: string): TSESTree.CallExpression[] | null {
  const variable = getVariable(unit, object);
  if (!variable || isReassigned(variable)) return null;
  const out: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    const member = reference.identifier.parent;
    if (member.type !== 'MemberExpression' || member.object !== reference.identifier) return null;
    const name = getKeyName(member);
    if (name === null) return null;
    if (name !== key) continue;
    if (member.parent.type !== 'CallExpression' || member.parent.callee !== member) return null;
    out.push(member.parent);
  }
  return out;
}

/** How many functions of a dispatch table one call is taken to run (the rest are not followed). */
const MAX_TABLE_CALLEES = 32;

/**
 * The functions a call can run: the one {@link resolveCallee} finds, or, for a dispatch through a
 * table of handlers, every function of the table (see {@link dispatchOf} for the shapes of the call
 * and {@link resolveTable} for where the table may be), at most {@link MAX_TABLE_CALLEES}. The key
 * is not read: whatever checks it, any entry can run.
 */
export function resolveCallees(analysis: Analysis | null, call: TSESTree.CallExpression | TSESTree.NewExpression): ResolvedCallee[] {
  const single = resolveCallee(analysis, call);
  if (single) return [single];
  if (call.type !== 'CallExpression') return [];
  const unit = getUnitOfNode(call);
  const dispatch = unit ? dispatchOf(unit, call.callee) : null;
  if (!unit || !dispatch) return [];
  const table = resolveTable(analysis, unit, dispatch.table);
  return table ? tableCallees(analysis, table, dispatch.method) : [];
}

/** A call through a table: the table expression, and the property of the entry that is called (`null`: the entry itself). */
interface Dispatch {
  readonly table: TSESTree.Node;
  readonly method: string | null;
}

/**
 * How a call dispatches through a table, or `null`: `table[key](…)`; through a variable never
 * reassigned, `const handler = table[key]; … handler(…)`; and on records of the table,
 * `table[key].handler(…)`, `const tool = table[key]; tool.handler(…)` and
 * `const { handler } = table[key]; handler(…)`. The key must be computed (a fixed key names one
 * entry, which {@link resolveCallee} follows on its own).
 */
function dispatchOf(unit: SourceUnit, rawCallee: TSESTree.Node): Dispatch | null {
  const callee = unwrapExpression(rawCallee);
  if (callee.type === 'MemberExpression') {
    const lookup = dynamicLookup(callee);
    if (lookup) return { table: lookup, method: null };
    const method = getKeyName(callee);
    const object = unwrapExpression(callee.object);
    const table = method === null ? null : (dynamicLookup(object) ?? (object.type === 'Identifier' ? aliasedLookup(unit, object) : null));
    return table ? { table, method } : null;
  }
  if (callee.type !== 'Identifier') return null;
  const variable = getVariable(unit, callee);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return null;
  if (def.node.id.type === 'Identifier') {
    const table = aliasedLookup(unit, callee);
    return table ? { table, method: null } : null;
  }
  // const { handler } = table[key]
  if (def.node.init == null || isReassigned(variable)) return null;
  const table = dynamicLookup(unwrapExpression(def.node.init));
  const path = table ? getPatternPath(def.node.id, def.name) : null;
  return table && path?.length === 1 && path[0] !== undefined ? { table, method: path[0] } : null;
}

/** The table of `table[key]` with a computed key; `null` for anything else. */
function dynamicLookup(node: TSESTree.Node): TSESTree.Node | null {
  return node.type === 'MemberExpression' && node.computed && getKeyName(node) === null ? node.object : null;
}

/** The table of `const x = table[key]` (a variable written once), for a reference to `x`. */
function aliasedLookup(unit: SourceUnit, identifier: TSESTree.Identifier): TSESTree.Node | null {
  const variable = getVariable(unit, identifier);
  const init = variable ? getSingleInit(variable) : undefined;
  return init ? dynamicLookup(unwrapExpression(init)) : null;
}

/** An object literal and the unit it is written in. */
interface UnitObject {
  readonly object: TSESTree.ObjectExpression;
  readonly unit: SourceUnit;
}

/**
 * The object literal an expression evaluates to: through `const`s, a property of such an object
 * (`registry.handlers`), and imports of relative modules (ESM, `require`, compiled CommonJS: the
 * table may be exported by another module, as `export const toolHandlers = { … }` or
 * `exports.toolHandlers = { … }`), within the module depth of the analysis.
 */
function resolveTable(analysis: Analysis | null, unit: SourceUnit, expression: TSESTree.Node, depth = 0): UnitObject | null {
  if (depth > 6) return null;
  const value = resolveValue(unit, expression);
  if (value.type === 'ObjectExpression') return { object: value, unit };
  const imported = importedNode(analysis, unit, value);
  if (imported) return resolveTable(analysis, imported.unit, imported.node, depth + 1);
  if (value.type !== 'MemberExpression') return null;
  const name = getKeyName(value);
  const holder = name === null ? null : resolveTable(analysis, unit, value.object, depth + 1);
  const property = holder && name !== null ? findProperty(holder.object, name) : undefined;
  return holder && property ? resolveTable(analysis, holder.unit, property.value, depth + 1) : null;
}

/** The callees of each table, per called property of its entries (`''`: the entries themselves). */
const tableCache = new WeakMap<TSESTree.ObjectExpression, Map<string, readonly ResolvedCallee[]>>();

/**
 * The functions of a table: each entry that is a function (inline, a method, a `const`, an import),
 * or, with `method`, the function each entry (a record) holds under that name. Spreads of other
 * tables are followed. Memoised per table node.
 */
function tableCallees(analysis: Analysis | null, table: UnitObject, method: string | null): ResolvedCallee[] {
  let byMethod = tableCache.get(table.object);
  if (!byMethod) {
    byMethod = new Map();
    tableCache.set(table.object, byMethod);
  }
  let callees = byMethod.get(method ?? '');
  if (!callees) {
    const out: ResolvedCallee[] = [];
    collectTableCallees(analysis, table, method, out, 0);
    callees = out;
    byMethod.set(method ?? '', callees);
  }
  return [...callees];
}

function collectTableCallees(analysis: Analysis | null, table: UnitObject, method: string | null, out: ResolvedCallee[], depth: number): void {
  const { unit } = table;
  for (const property of table.object.properties) {
    if (out.length >= MAX_TABLE_CALLEES) return;
    if (property.type === 'SpreadElement') {
      // { ...fileTools, ...gitTools }
      const spread = depth < 4 ? resolveTable(analysis, unit, property.argument) : null;
      if (spread && spread.object !== table.object) collectTableCallees(analysis, spread, method, out, depth + 1);
      continue;
    }
    let value: TSESTree.Node = property.value;
    let valueUnit = unit;
    if (method !== null) {
      const record = resolveTable(analysis, unit, value);
      const held = record ? findProperty(record.object, method) : undefined;
      if (!record || !held) continue;
      value = held.value;
      valueUnit = record.unit;
    }
    const target = resolveTarget(analysis, valueUnit, value);
    if (!target || !isFunctionNode(target.node) || out.some((callee) => callee.fn === target.node)) continue;
    out.push({ fn: target.node, unit: target.unit, name: entryName(property, method) });
  }
}

/** How a step through a table entry is named: the function it holds (`fetchUrl`), else its key (`ping`, `read.handler`). */
function entryName(property: TSESTree.Property, method: string | null): string {
  const value = unwrapExpression(property.value);
  const key = getKeyName(property);
  if (method === null && (value.type === 'Identifier' || value.type === 'MemberExpression')) {
    const text = value.type === 'Identifier' ? value.name : getKeyName(value);
    if (text !== null) return text;
  }
  const base = key ?? (value.type === 'Identifier' ? value.name : 'handler');
  return method === null ? base : `${base}.${method}`;
}

/** What a function returns, in terms of its parameters (and any input it closes over). */
function returnValue(analysis: Analysis, fn: FunctionNode): TaintValue {
  const cache = analysis.cache<FunctionNode, TaintValue>('returns');
  const cached = cache.get(fn);
  if (cached) return cached;
  cache.set(fn, CLEAN);
  let value: TaintValue;
  if (fn.body.type !== 'BlockStatement') value = analysis.evaluate(fn.body);
  else {
    const parts: TaintValue[] = [];
    forEachOwnNode(fn, (node) => {
      if (node.type === 'ReturnStatement' && node.argument) parts.push(analysis.evaluate(node.argument));
    });
    value = unionValues(...parts);
  }
  cache.set(fn, value);
  return value;
}

/** Visits the nodes of a function body, not entering nested functions. */
function forEachOwnNode(fn: FunctionNode, visit: (node: TSESTree.Node) => void): void {
  const unit = getUnitOfNode(fn);
  if (!unit) return;
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    visit(node);
    for (const key of unit.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (c && typeof c === 'object' && typeof (c as { type?: unknown }).type === 'string' && !isFunctionNode(c as TSESTree.Node)) stack.push(c as TSESTree.Node);
      }
    }
  }
}

/** Maps an origin rooted at a callee parameter to what the call passes there. */
function instantiateOrigin(analysis: Analysis, origin: Origin, callee: ResolvedCallee, args: readonly TSESTree.CallExpressionArgument[]): Origin[] {
  const { root } = origin;
  if (root.type !== 'param') return [];
  let argument: TSESTree.Node | undefined;
  if (root.fn === callee.fn) argument = args[root.index];
  else if (callee.constructorCall && root.fn === callee.constructorCall.fn) argument = callee.constructorCall.args[root.index];
  else return [];
  if (!argument) return [];
  const passed = analysis.projectPath(analysis.evaluate(argument), origin.path);
  // A path the function rebuilt (`p + '/..'`) keeps none of what the caller checked about it.
  const { fromCaller, ...calleeState } = origin.state;
  const keepsCaller = analysis.kind !== 'path' || fromCaller === true;
  return passed.map((p) => ({
    ...p,
    derived: p.derived || origin.derived,
    at: [...origin.at, ...p.at],
    state: settleContainment(analysis, mergeStates(keepsCaller ? p.state : withoutPathFacts(p.state), calleeState), callee, args),
    ...(origin.derived ? { schema: undefined } : {}),
  }));
}

/**
 * A helper's containment check against a root it was passed holds only if this call passes a
 * server value there (or a parameter of the caller, which the caller's own callers then settle).
 */
function settleContainment(analysis: Analysis, state: FlowState, callee: ResolvedCallee, args: readonly TSESTree.CallExpressionArgument[]): FlowState {
  if (!state.containedIf) return state;
  const remaining = settleRootParams(analysis, args, callee.fn, state.containedIf);
  // The caller passes input (or nothing) as the root: the check proves nothing.
  if (remaining === null) return { ...state, contained: false, containedIf: undefined };
  return { ...state, containedIf: remaining.length > 0 ? remaining : undefined };
}

/** The value of a call to a resolved function: its return summary with the call's arguments. */
export function instantiateReturn(analysis: Analysis, call: TSESTree.CallExpression, callee: ResolvedCallee): TaintValue {
  const summary = returnValue(analysis, callee.fn);
  if (summary.length === 0) return CLEAN;
  const out: Origin[] = [];
  for (const origin of summary) {
    if (origin.root.type === 'param') out.push(...instantiateOrigin(analysis, origin, callee, call.arguments));
    else out.push(origin);
  }
  return normalizeValue(out);
}

/** A flow found inside a function: an origin reaching a sink position, and the calls on the way. */
export interface SummaryFlow {
  readonly origin: Origin;
  readonly call: SinkCall;
  readonly point: SinkPoint;
  /** The calls followed from the summarised function to the sink, outermost first. */
  readonly steps: readonly FlowStep[];
  /**
   * Set when the call is a sink only if its receiver, a parameter, is an instance of one of `rows`
   * (`page.goto(url)` with `page` a parameter): a caller settles it with the argument it passes.
   */
  readonly condition?: SinkCondition;
}

/** The receiver a conditional sink call needs: parameter `index` of `fn`, an instance of one of `rows`. */
export interface SinkCondition {
  readonly fn: FunctionNode;
  readonly index: number;
  readonly method: string;
  readonly rows: ReadonlySet<SinkSpec>;
}

/** True when an origin matters to the summary of `fn`: client input, or a parameter of fn itself. */
function relevant(origin: Origin, fn: FunctionNode): boolean {
  return origin.root.type !== 'param' || origin.root.fn === fn;
}

/** A call in a function to functions the analysis can see. */
interface CallSite {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly callees: readonly ResolvedCallee[];
}

/** What a function does that the taint rules care about, whatever the data: its sink calls and resolvable calls. */
interface Skeleton {
  readonly sinks: readonly SinkCall[];
  readonly calls: readonly CallSite[];
  /** `p.m(…)` on a parameter `p` of the function whose instance is unknown, `m` a sink row's method. */
  readonly conditional: readonly ConditionalSite[];
}

/** A call `p.m(…)` that is a sink if parameter `index` is an instance of one of the calls' rows. */
interface ConditionalSite {
  readonly index: number;
  readonly method: string;
  readonly calls: readonly ConditionalSinkCall[];
}

/** The index of `node` among `fn`'s parameters: a plain identifier parameter, never reassigned; -1 otherwise. */
function plainParamIndex(unit: SourceUnit, fn: FunctionNode, node: TSESTree.Node): number {
  if (node.type !== 'Identifier') return -1;
  const variable = getVariable(unit, node);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Parameter' || def.node !== fn || isReassigned(variable)) return -1;
  return fn.params.findIndex((param) => param === def.name);
}

/**
 * How many calls deep summaries follow a chain of helpers (a calling b calling c …). Real servers
 * stay far below; a deeper chain (generated code) is cut there, the functions past the cut counting
 * as reaching no sink, rather than overflow the stack.
 */
const MAX_CALL_DEPTH = 64;
let callDepth = 0;

/** `follow()` one call deeper, or `cut` past {@link MAX_CALL_DEPTH}. */
function deeper<T>(cut: T, follow: () => T): T {
  if (callDepth >= MAX_CALL_DEPTH) return cut;
  callDepth += 1;
  try {
    return follow();
  } finally {
    callDepth -= 1;
  }
}

const skeletons = new WeakMap<FunctionNode, Skeleton>();

/** The nodes that can be a sink or a call of a project function. */
const CALL_LIKE = ['CallExpression', 'NewExpression', 'TaggedTemplateExpression', 'ImportExpression'] as const;

/**
 * One walk per function, shared by every kind and analysis: the sink calls in its body (nested
 * functions included, since they close over its values) and the calls whose callee is known.
 */
function skeletonOf(fn: FunctionNode): Skeleton {
  const cached = skeletons.get(fn);
  if (cached) return cached;
  const sinks: SinkCall[] = [];
  const calls: CallSite[] = [];
  const conditional: ConditionalSite[] = [];
  const unit = getUnitOfNode(fn);
  if (unit) {
    for (const node of nodesWithin(unit, fn.body, CALL_LIKE)) {
      const sink = getSinkCall(node);
      if (sink) sinks.push(sink);
      const open = sink ? null : getConditionalSinkCall(node);
      const index = open ? plainParamIndex(unit, fn, open.receiver) : -1;
      if (open && index >= 0) conditional.push({ index, method: open.method, calls: open.calls });
      if (node.type === 'TaggedTemplateExpression' || node.type === 'ImportExpression') continue;
      const callees = resolveCallees(null, node).filter((callee) => callee.fn !== fn);
      if (callees.length > 0) calls.push({ node, callees });
    }
  }
  const skeleton: Skeleton = { sinks, calls, conditional };
  skeletons.set(fn, skeleton);
  return skeleton;
}

const kindsCache = new WeakMap<FunctionNode, ReadonlySet<SinkKind>>();
const NO_KINDS: ReadonlySet<SinkKind> = new Set();

/** The sink kinds a function reaches, itself or through the functions it calls. */
function kindsReached(fn: FunctionNode): ReadonlySet<SinkKind> {
  const cached = kindsCache.get(fn);
  if (cached) return cached;
  const kinds = new Set<SinkKind>();
  kindsCache.set(fn, kinds); // cycle guard: a recursive call adds what is known so far
  const skeleton = skeletonOf(fn);
  for (const sink of skeleton.sinks) for (const point of sink.points) kinds.add(point.kind);
  for (const site of skeleton.conditional) for (const { call } of site.calls) for (const point of call.points) kinds.add(point.kind);
  for (const site of skeleton.calls) for (const callee of site.callees) for (const kind of deeper(NO_KINDS, () => kindsReached(callee.fn))) kinds.add(kind);
  return kinds;
}

const NO_FLOWS: readonly SummaryFlow[] = [];

/**
 * Every flow into a sink of the analysis' kind inside `fn` (including functions it calls): sinks
 * reached by input it closes over, and by its own parameters (the summary callers instantiate).
 * Summaries of followed modules are memoised with their AST, which the module cache keeps per file
 * and mtime.
 */
export function functionFlows(analysis: Analysis, fn: FunctionNode): readonly SummaryFlow[] {
  const cache = analysis.cache<FunctionNode, readonly SummaryFlow[]>('flows');
  const cached = cache.get(fn);
  if (cached) return cached;
  cache.set(fn, []);
  const out: SummaryFlow[] = [];
  if (!kindsReached(fn).has(analysis.kind)) return out;
  const seen = new Set<string>();
  const push = (flow: SummaryFlow): void => {
    const condition = flow.condition ? `?${idOf(flow.condition.fn)}:${flow.condition.index}` : '';
    const key = `${flow.point.node.range[0]}:${flow.point.node.range[1]}:${idOf(flow.call.unit)}:${idOf(flow.call.spec)}${condition}|${originKey(flow.origin)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(flow);
  };
  const skeleton = skeletonOf(fn);
  for (const sink of skeleton.sinks) {
    for (const point of sink.points) {
      if (point.kind !== analysis.kind) continue;
      for (const origin of analysis.evaluate(point.node)) if (relevant(origin, fn)) push({ origin, call: sink, point, steps: [] });
    }
  }
  for (const site of skeleton.conditional) {
    for (const { call, rows } of site.calls) {
      const condition: SinkCondition = { fn, index: site.index, method: site.method, rows };
      for (const point of call.points) {
        if (point.kind !== analysis.kind) continue;
        for (const origin of analysis.evaluate(point.node)) if (relevant(origin, fn)) push({ origin, call, point, steps: [], condition });
      }
    }
  }
  for (const site of skeleton.calls) {
    for (const callee of site.callees) {
      if (!kindsReached(callee.fn).has(analysis.kind)) continue;
      const inner = deeper(NO_FLOWS, () => functionFlows(analysis, callee.fn));
      if (inner.length === 0) continue;
      const step: FlowStep = { call: site.node, name: callee.name, fn: callee.fn, unit: callee.unit };
      // One receiver lookup per condition at this call, however many flows share it.
      const settlements = new Map<SinkCondition, Settlement>();
      for (const flow of inner) {
        let settled: { call: SinkCall; condition?: SinkCondition } | null = { call: flow.call };
        if (flow.condition) {
          let settlement = settlements.get(flow.condition);
          if (settlement === undefined) {
            settlement = settleCondition(flow.condition, fn, callee, site.node.arguments);
            settlements.set(flow.condition, settlement);
          }
          settled = applySettlement(settlement, flow.call);
        }
        if (!settled) continue;
        // Input the callee reaches on its own (a class field set from a handler's arguments) stays as it is.
        const origins = flow.origin.root.type === 'param' ? instantiateOrigin(analysis, flow.origin, callee, site.node.arguments) : [flow.origin];
        for (const origin of origins) {
          if (relevant(origin, fn)) push({ origin, call: settled.call, point: flow.point, steps: [step, ...flow.steps], ...(settled.condition ? { condition: settled.condition } : {}) });
        }
      }
    }
  }
  cache.set(fn, out);
  return out;
}

/** How a call settles a callee's condition: the row its argument is, the caller's parameter it passes on, or no sink. */
type Settlement = { readonly row: SinkSpec } | { readonly condition: SinkCondition } | null;

/**
 * A conditional sink call in a callee, seen from a call of it: a sink of the row the argument passed
 * as the receiver is an instance of (one of the condition's rows), still conditional on the
 * caller's own parameter when that argument is one, and no sink (`null`) otherwise.
 */
function settleCondition(condition: SinkCondition, caller: FunctionNode | null, callee: ResolvedCallee, args: readonly TSESTree.CallExpressionArgument[]): Settlement {
  if (condition.fn !== callee.fn) return null;
  const argument = args[condition.index];
  if (!argument || argument.type === 'SpreadElement') return null;
  const row = instanceSinkRow(argument, condition.method);
  if (row !== undefined) return row !== null && condition.rows.has(row) ? { row } : null;
  const unit = getUnitOfNode(argument);
  // A call outside any function (`caller` null) has no parameter to carry the condition up to.
  if (!unit || !caller) return null;
  const index = plainParamIndex(unit, caller, unwrapExpression(argument));
  return index >= 0 ? { condition: { ...condition, fn: caller, index } } : null;
}

/**
 * A sink a callee reaches, seen from a call of it (`caller` holds the call): as it is, or, when it
 * is conditional, settled by the argument the call passes as its receiver; `null` when that
 * argument makes it no sink.
 */
export function settleReached(reached: ReachedSink, caller: FunctionNode | null, callee: ResolvedCallee, args: readonly TSESTree.CallExpressionArgument[]): ReachedSink | null {
  if (!reached.condition) return reached;
  const settled = applySettlement(settleCondition(reached.condition, caller, callee, args), reached.call);
  return settled ? { call: settled.call, steps: reached.steps, ...(settled.condition ? { condition: settled.condition } : {}) } : null;
}

/** The sink call a settled condition leaves (the callee's call, labelled by the row; still conditional when carried up), or `null`. */
function applySettlement(settlement: Settlement, call: SinkCall): { call: SinkCall; condition?: SinkCondition } | null {
  if (!settlement) return null;
  if ('condition' in settlement) return { call, condition: settlement.condition };
  return { call: settlement.row === call.spec ? call : { ...call, spec: settlement.row } };
}

/** A sink call a function reaches, directly or through the functions it calls. */
export interface ReachedSink {
  readonly call: SinkCall;
  readonly steps: readonly FlowStep[];
  /** Set when the call is a sink only if a caller passes the right receiver (see {@link SinkCondition}). */
  readonly condition?: SinkCondition;
}

const reachedSinks = new WeakMap<FunctionNode, readonly ReachedSink[]>();
const NO_REACHED: readonly ReachedSink[] = [];

/** Every sink call `fn` makes, directly or through resolvable calls (no taint involved). */
export function reachableSinks(fn: FunctionNode): readonly ReachedSink[] {
  const cached = reachedSinks.get(fn);
  if (cached) return cached;
  reachedSinks.set(fn, []);
  const skeleton = skeletonOf(fn);
  // In source order: a sink call, or the sinks a call leads to, at the position of the call.
  const entries: { position: number; reached: ReachedSink[] }[] = skeleton.sinks.map((call) => ({ position: call.node.range[0], reached: [{ call, steps: [] }] }));
  for (const site of skeleton.conditional) {
    const reached = site.calls.map(({ call, rows }): ReachedSink => ({ call, steps: [], condition: { fn, index: site.index, method: site.method, rows } }));
    entries.push({ position: reached[0]?.call.node.range[0] ?? 0, reached });
  }
  for (const site of skeleton.calls) {
    const reached: ReachedSink[] = [];
    for (const callee of site.callees) {
      const step: FlowStep = { call: site.node, name: callee.name, fn: callee.fn, unit: callee.unit };
      for (const inner of deeper(NO_REACHED, () => reachableSinks(callee.fn))) {
        const settled = settleReached(inner, fn, callee, site.node.arguments);
        if (settled) reached.push({ ...settled, steps: [step, ...settled.steps] });
      }
    }
    entries.push({ position: site.node.range[0], reached });
  }
  const out = entries.sort((a, b) => a.position - b.position).flatMap((entry) => entry.reached);
  reachedSinks.set(fn, out);
  return out;
}

export { mapOrigins };
