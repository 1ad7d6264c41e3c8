import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { summarizeSchema } from '../model/schema.js';
import type { InputSchema } from '../model/types.js';
import { getKeyName, getStaticString, isFunctionNode, resolveValue, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { memoize } from '../util/memo.js';
import { GLOBAL_MODULE, getModuleRef, getPatternPath } from '../util/module-refs.js';
import { getSingleInit, getUnitOfNode, getVariable, writeReferences, type SourceUnit } from '../util/source-unit.js';
import { accessPathOf, applyFacts, factsAt, writeBarrier } from './guards.js';
import { reachingWrites } from './flow-order.js';
import {
  analyzeStrippingReplace,
  analyzeWholeStringRegex,
  getKnownFunction,
  getPathFunction,
  getRegexLiteral,
  isPlainText,
  isSeparator,
  sqlEscapeOf,
  regexVerdict,
  type RegexShape,
} from './sanitizers.js';
import { findBinding, handlerRoot, TOOL_INPUT_SOURCES } from './sources.js';
import { instantiateReturn, MODULE_DEPTH, resolveCallee } from './summaries.js';
import type { FlowState, Origin, SinkKind, SourceModel, TaintRoot, TaintValue } from './types.js';
import { CLEAN, derive, makeOrigin, mapOrigins, normalizeValue, resetState, unionValues, withState } from './values.js';

type Variable = TSESLint.Scope.Variable;

/** Methods whose result carries no text of the receiver (booleans, numbers, positions). */
const NON_TEXT_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'search', 'test', 'localeCompare', 'charCodeAt',
  'codePointAt', 'some', 'every', 'findIndex', 'findLastIndex', 'has', 'isWellFormed', 'digest', 'push', 'unshift',
  'forEach', 'size', 'getTime', 'valueOf_number', 'hasOwnProperty', 'equals', 'compare',
]);
/** Methods that keep the characters (so path facts survive). */
const KEEPING_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'trimLeft', 'trimRight', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'normalize', 'toString', 'valueOf', 'toWellFormed']);
/** Methods that return elements of the receiver. */
const ELEMENT_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift', 'get', 'getAll']);
/** Array methods whose callback's first parameter is an element of the receiver. */
const CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'some', 'every', 'find', 'findLast', 'findIndex', 'flatMap', 'sort', 'toSorted']);
/** Global functions whose result carries no text of their arguments. */
const NON_TEXT_GLOBALS = new Set([
  'Number', 'parseInt', 'parseFloat', 'Boolean', 'BigInt', 'isNaN', 'isFinite', 'Date', 'Symbol', 'setTimeout',
  'setInterval', 'clearTimeout', 'fetch', 'require', 'structuredClone_', 'Array.isArray', 'Number.parseInt',
  'Number.parseFloat', 'Number.isInteger', 'Number.isFinite', 'Number.isSafeInteger', 'Number.isNaN', 'Date.now',
  'Date.parse', 'Object.is', 'Object.hasOwn',
]);
/** Methods that store their arguments in the receiver. */
const MUTATING_METHODS = new Set(['push', 'unshift', 'splice', 'add', 'set', 'append']);
/**
 * How many evaluations may be in progress at once (each waits on the next: a variable on its value,
 * a call on its callee's return). Real code stays far below; a chain of generated helpers deeper than
 * this is cut (its value counts as clean) where it would otherwise overflow the stack.
 */
const MAX_EVALUATION_DEPTH = 300;
/** Properties that are numbers whatever the receiver. */
const NUMBER_PROPERTIES = new Set(['length', 'size', 'byteLength']);

/**
 * The demand-driven taint analysis for one sink kind and one source model: `evaluate(node)` says
 * which inputs the value of an expression carries and what has been checked about them. Results
 * are memoised per node; the same analysis object serves every file of a run.
 */
export class Analysis {
  private readonly values = new WeakMap<TSESTree.Node, TaintValue>();
  private readonly active = new Set<TSESTree.Node>();
  /** Per-analysis caches other modules keep (facts, summaries), by name. */
  readonly caches = new Map<string, WeakMap<object, unknown>>();
  /** How many module hops from a linted file each followed unit is. */
  readonly moduleDepth: WeakMap<SourceUnit, number> = MODULE_DEPTH;

  constructor(readonly kind: SinkKind, readonly model: SourceModel) {}

  /** A per-analysis WeakMap cache named `name` (used by guards and summaries). */
  cache<K extends object, V>(name: string): WeakMap<K, V> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new WeakMap<object, unknown>();
      this.caches.set(name, cache);
    }
    return cache as WeakMap<K, V>;
  }

  /** The inputs the value of `node` carries (empty when it carries none, or only sanitised ones). */
  evaluate(node: TSESTree.Node): TaintValue {
    const cached = this.values.get(node);
    if (cached) return cached;
    if (this.active.has(node)) return CLEAN; // a cycle (recursion, loop-carried variable): no new facts
    // Every evaluation in progress is a frame on the stack: a value built through hundreds of nested
    // helpers or variables (generated code) is cut here, as a cycle is, rather than overflow the stack.
    if (this.active.size >= MAX_EVALUATION_DEPTH) return CLEAN;
    this.active.add(node);
    let value: TaintValue;
    try {
      const unit = getUnitOfNode(node);
      value = unit ? this.compute(node, unit) : CLEAN;
    } finally {
      this.active.delete(node);
    }
    this.values.set(node, value);
    return value;
  }

  private compute(node: TSESTree.Node, unit: SourceUnit): TaintValue {
    if (this.model.isClean?.(node, unit)) return CLEAN;
    const fromModel = this.model.expressionRoot?.(node, unit);
    if (fromModel) return [makeOrigin(fromModel)];
    switch (node.type) {
      case 'Identifier':
        return this.sharpen(node, unit, this.identifier(node, unit));
      case 'MemberExpression':
        return this.sharpen(node, unit, this.member(node, unit));
      case 'TemplateLiteral':
        return this.concat(unit, templateParts(unit, node));
      case 'BinaryExpression':
        if (node.operator !== '+') return CLEAN;
        return this.concat(unit, plusParts(unit, node));
      case 'LogicalExpression':
        return node.operator === '&&' ? this.evaluate(node.right) : unionValues(this.evaluate(node.left), this.evaluate(node.right));
      case 'ConditionalExpression':
        return unionValues(this.evaluate(node.consequent), this.evaluate(node.alternate));
      case 'AwaitExpression':
        return this.evaluate(node.argument);
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
      case 'ChainExpression':
        return this.evaluate(node.expression);
      case 'SpreadElement':
        return this.evaluate(node.argument);
      case 'SequenceExpression':
        return node.expressions.length > 0 ? this.evaluate(node.expressions[node.expressions.length - 1] as TSESTree.Expression) : CLEAN;
      case 'AssignmentExpression':
        if (node.operator === '=') return this.evaluate(node.right);
        if (node.operator === '+=' || node.operator === '||=' || node.operator === '??=') return unionValues(this.evaluate(node.left), this.evaluate(node.right));
        return CLEAN;
      case 'ArrayExpression':
        return unionValues(...node.elements.map((e) => (e ? this.placeAt(this.evaluate(e), '*') : CLEAN)));
      case 'ObjectExpression':
        return this.object(node);
      case 'CallExpression':
        return this.call(node, unit);
      case 'NewExpression':
        return this.construct(node);
      case 'TaggedTemplateExpression': {
        // String.raw`…` is a string; other tags (sql``, zx $``) produce objects.
        const ref = getModuleRef(node.tag);
        return ref?.module === GLOBAL_MODULE && ref.path.join('.') === 'String.raw' ? this.concat(unit, templateParts(unit, node.quasi)) : CLEAN;
      }
      default:
        return CLEAN;
    }
  }

  // ---- identifiers and variables -------------------------------------------------------------

  private identifier(node: TSESTree.Identifier, unit: SourceUnit): TaintValue {
    const variable = getVariable(unit, node);
    if (!variable || variable.defs.length === 0) return CLEAN;
    const value = this.variableValue(variable, node, unit);
    return this.guard(node, value, unit);
  }

  private variableValue(variable: Variable, use: TSESTree.Node, unit: SourceUnit): TaintValue {
    const fromModel = this.model.variableRoot?.(variable, unit);
    if (fromModel) return [makeOrigin(fromModel)];
    const def = variable.defs[0];
    if (!def) return CLEAN;
    if (def.type === 'Parameter') return this.parameter(def.node as FunctionNode, def.name);
    if (def.type !== 'Variable') return CLEAN;
    const declaration = def.parent;
    const loop = declaration.parent;
    if ((loop.type === 'ForOfStatement' || loop.type === 'ForInStatement') && loop.left === declaration) {
      const collection = this.evaluate(loop.right);
      const element = loop.type === 'ForOfStatement' ? this.project(collection, '*') : derive(collection);
      return this.projectPath(element, getPatternPath(def.node.id, def.name) ?? []);
    }
    const writes = writeReferences(variable);
    const mutations = this.mutations(variable, use);
    if (writes.length === 0) {
      const init = def.node.init;
      return unionValues(init ? this.projectPath(this.evaluate(init), getPatternPath(def.node.id, def.name) ?? []) : CLEAN, mutations);
    }
    const reaching = writes.length === 1 ? writes : reachingWrites(writes, use);
    return unionValues(...reaching.map((w) => this.writeValue(w)), mutations);
  }

  /** What earlier in-place changes put into a variable's value: `parts.push(x)`, `opts.cmd = x`, `Object.assign(o, x)`. */
  private mutations(variable: Variable, use: TSESTree.Node): TaintValue {
    const parts: TaintValue[] = [];
    let searchParams: boolean | undefined;
    for (const site of mutationSites(variable)) {
      if (site.at >= use.range[0]) break; // sites are in source order
      if (site.type === 'call') {
        const added = unionValues(...site.added.map((a) => this.evaluate(a)));
        // `params.append(k, v)` / `.set(k, v)` on a URLSearchParams: its text holds them percent-encoded (`k=v`), as the constructor's does.
        const encodes = (site.method === 'append' || site.method === 'set') && this.kind === 'network-url' && (searchParams ??= isSearchParams(variable));
        parts.push(encodes ? derive(added, () => ({ urlEncoded: true })) : this.placeAt(added, '*'));
      } else if (site.type === 'assignment') {
        parts.push(this.placeAt(this.evaluate(site.value), site.key));
      } else {
        parts.push(unionValues(...site.sources.map((a) => this.evaluate(a))));
      }
    }
    return unionValues(...parts);
  }

  /** The value one write reference stores: `x = e`, `const { a: x } = e`, a default value. */
  private writeValue(reference: TSESLint.Scope.Reference): TaintValue {
    const id = reference.identifier as TSESTree.Identifier;
    const parent = id.parent;
    if (parent.type === 'VariableDeclarator' && parent.id === id) return parent.init ? this.evaluate(parent.init) : CLEAN;
    if (parent.type === 'AssignmentExpression' && parent.left === id) return parent.operator === '=' ? this.evaluate(parent.right) : this.evaluate(parent);
    // Inside a destructuring pattern: find its top and the path to the identifier.
    let top: TSESTree.Node = id;
    let defaultValue: TSESTree.Node | null = null;
    while ((top.parent.type === 'Property' || top.parent.type === 'ObjectPattern' || top.parent.type === 'ArrayPattern' || top.parent.type === 'AssignmentPattern' || top.parent.type === 'RestElement')) {
      if (top.parent.type === 'AssignmentPattern' && top.parent.left === top && defaultValue === null) defaultValue = top.parent.right;
      top = top.parent;
    }
    const holder = top.parent;
    let source: TaintValue = CLEAN;
    if (holder.type === 'VariableDeclarator' && holder.id === top && holder.init) source = this.evaluate(holder.init);
    else if (holder.type === 'AssignmentExpression' && holder.left === top) source = this.evaluate(holder.right);
    else if (holder.type === 'ForOfStatement' && holder.left === top) source = this.project(this.evaluate(holder.right), '*');
    const projected = this.projectPath(source, getPatternPath(top, id) ?? []);
    return defaultValue ? unionValues(projected, this.evaluate(defaultValue)) : projected;
  }

  private parameter(fn: FunctionNode, name: TSESTree.BindingName): TaintValue {
    const index = fn.params.findIndex((p) => p.range[0] <= name.range[0] && name.range[1] <= p.range[1]);
    if (index < 0) return CLEAN;
    const param = fn.params[index] as TSESTree.Parameter;
    const pattern = param.type === 'TSParameterProperty' ? param.parameter : param;
    const path = name.type === 'Identifier' ? (getPatternPath(pattern, name) ?? []) : [];
    let defaultValue: TaintValue = CLEAN;
    if (pattern.type === 'AssignmentPattern' && pattern.left === name) defaultValue = this.evaluate(pattern.right);
    // The element parameter of `items.map((x) => …)` carries the elements of `items`.
    const callback = this.callbackElement(fn, index);
    if (callback) return unionValues(this.projectPath(callback, path), defaultValue);
    let root: TaintRoot | null = null;
    if (this.model.toolInput !== false) root = handlerRoot(fn, index);
    root ??= { type: 'param', fn, index };
    const base = this.rootValue(root);
    return unionValues(this.projectPath(base, path), defaultValue);
  }

  /** The value of a whole root (a handler parameter starts with its schema attached). */
  private rootValue(root: TaintRoot): TaintValue {
    const origin = makeOrigin(root);
    if (root.type === 'handler') {
      const binding = findBinding(root.handler, root.index, []);
      if (binding?.path.length === 0 && binding.origin === 'arguments' && root.handler.inputSchema?.validated) {
        return [{ ...origin, schema: root.handler.inputSchema }];
      }
    }
    // A parameter starts as what the caller passes: its containment holds until the path is rebuilt.
    if (root.type === 'param' && this.kind === 'path') return [withState(origin, { fromCaller: true })];
    return [origin];
  }

  private callbackElement(fn: FunctionNode, index: number): TaintValue | null {
    const call = fn.parent;
    if (call.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.Expression)) return null;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression') return null;
    const method = getKeyName(callee);
    if (method === null) return null;
    if (method === 'then' && index === 0) return this.evaluate(callee.object);
    if (method === 'reduce' && index === 1) return this.project(this.evaluate(callee.object), '*');
    if (CALLBACK_METHODS.has(method) && index === 0) return this.project(this.evaluate(callee.object), '*');
    return null;
  }

  // ---- member access -------------------------------------------------------------------------

  private member(node: TSESTree.MemberExpression, unit: SourceUnit): TaintValue {
    const object = unwrapExpression(node.object);
    const name = node.computed ? staticKey(unit, node.property) : node.property.type === 'Identifier' ? node.property.name : null;
    if (name !== null && NUMBER_PROPERTIES.has(name)) return CLEAN;
    let value: TaintValue;
    if (object.type === 'ThisExpression') value = this.thisField(node, name);
    else {
      const base = this.evaluate(object);
      // path.parse(p).base / .name is one segment.
      if ((name === 'base' || name === 'name') && object.type === 'CallExpression' && getPathFunction(object.callee) === 'parse') {
        value = mapOrigins(base, (o) => ({ ...o, state: { segment: 'segment' } }));
      } else value = this.project(base, name ?? '*');
    }
    return this.guard(node, value, unit);
  }

  /** Reads property `name` (`'*'`: unknown) of every origin. */
  project(value: TaintValue, name: string): TaintValue {
    return mapOrigins(value, (o) => this.projectOrigin(o, name));
  }

  projectPath(value: TaintValue, path: readonly string[]): TaintValue {
    let current = value;
    for (const name of path) current = this.project(current, name);
    return current;
  }

  private projectOrigin(origin: Origin, name: string): Origin | null {
    if (origin.at.length > 0) {
      const [head, ...rest] = origin.at;
      if (head === name || head === '*' || name === '*') return { ...origin, at: rest };
      return null;
    }
    // An element read out of encoded text or a URLSearchParams (`params.get('q')`, its entries) is decoded again.
    if (origin.derived) return origin.state.urlEncoded ? { ...origin, state: { ...origin.state, urlEncoded: undefined } } : origin;
    const path = [...origin.path, name];
    if (origin.root.type === 'handler') {
      const { handler, index } = origin.root;
      const binding = findBinding(handler, index, path);
      if (!binding && !handler.inputs.some((b) => b.param === index && b.path.length > path.length && b.path.slice(0, path.length).every((p, i) => p === path[i]))) return null;
      // The arguments object of a low-level handler: a schema is attached once the binding path is reached.
      if (binding && binding.path.length === path.length && binding.origin === 'arguments' && handler.inputSchema?.validated) {
        return { ...origin, path, schema: handler.inputSchema };
      }
    }
    const schema = origin.schema;
    const next: Origin = { ...origin, path, schema: undefined };
    if (!schema) return next;
    return this.applyFieldConstraint(next, schema, name);
  }

  /** A validated schema field: enum/literal/number/boolean are harmless; an anchored regex is judged per kind (`null`: harmless). */
  applyFieldConstraint(origin: Origin, schema: InputSchema, field: string): Origin | null {
    if (field === '*') {
      const all = [...schema.fields.values()];
      return all.length > 0 && all.every((c) => c === 'enum' || c === 'literal' || c === 'number' || c === 'boolean') ? null : origin;
    }
    const constraint = schema.fields.get(field);
    if (constraint === 'enum' || constraint === 'literal' || constraint === 'number' || constraint === 'boolean') return null;
    if (constraint === 'anchored-regex') {
      const unit = getUnitOfNode(schema.node);
      const regex = unit ? findFieldRegex(unit, schema.node, field) : null;
      const shape = regex ? analyzeWholeString(regex) : null;
      return shape ? this.applyRegexShape(origin, shape) : origin;
    }
    return origin;
  }

  /** What a whole-string regex proves about a value, for this analysis' kind. */
  applyRegexShape(origin: Origin, shape: RegexShape): Origin | null {
    const verdict = regexVerdict(shape, this.kind);
    if (verdict.clean) return null;
    if (this.kind === 'path') {
      if (verdict.safeSegment) return withState(origin, { segment: 'safe-segment' });
      return withState(origin, { ...(verdict.noDotDot ? { noDotDot: true } : {}), ...(verdict.notAbsolute ? { notAbsolute: true } : {}) });
    }
    return verdict.leadingSafe ? withState(origin, { leadingSafe: true }) : origin;
  }

  private thisField(node: TSESTree.MemberExpression, name: string | null): TaintValue {
    if (name === null) return CLEAN;
    const classBody = enclosingClassBody(node);
    if (!classBody) return CLEAN;
    const assigned = classFieldWrites(this, classBody).get(name) ?? [];
    return unionValues(...assigned.map((e) => this.evaluate(e)));
  }

  // ---- sanitizer guards and types ------------------------------------------------------------

  /** Applies the checks that dominate `node` to the value read there. */
  private guard(node: TSESTree.Node, value: TaintValue, unit: SourceUnit): TaintValue {
    if (value.length === 0) return value;
    const ap = accessPathOf(unit, node);
    if (!ap) return value;
    const facts = factsAt(this, node, ap, writeBarrier(unit, node));
    return facts.length === 0 ? value : mapOrigins(value, (o) => applyFacts(o, facts));
  }

  /** With type information: a value typed number, boolean or a union of literals carries no text. */
  private sharpen(node: TSESTree.Node, unit: SourceUnit, value: TaintValue): TaintValue {
    if (value.length === 0 || !unit.typeServices) return value;
    return isHarmlessType(unit, node) ? CLEAN : value;
  }

  // ---- strings -------------------------------------------------------------------------------

  /** A string built from parts (template, `+`): which inputs it carries, and what survives of their checks. */
  private concat(unit: SourceUnit, parts: readonly Part[]): TaintValue {
    const out: Origin[] = [];
    parts.forEach((part, i) => {
      if (part.node === undefined) return;
      const value = this.evaluate(part.node);
      if (value.length === 0) return;
      const before = parts.slice(0, i);
      const after = parts.slice(i + 1);
      for (const origin of value) out.push({ ...origin, derived: true, at: [], schema: undefined, state: this.concatState(unit, origin.state, before, after) });
    });
    return normalizeValue(out);
  }

  private concatState(unit: SourceUnit, state: FlowState, before: readonly Part[], after: readonly Part[]): FlowState {
    const mark = this.kind === 'network-url' ? (node: TSESTree.Node): string => this.urlPartMark(unit, node, 0) : (node: TSESTree.Node): string => this.partMark(unit, node);
    const prefix = before.map((p) => p.text ?? mark(p.node as TSESTree.Node)).join('');
    const suffix = after.map((p) => p.text ?? '\uE002').join('');
    const leadingSafe = state.leadingSafe === true || (prefix !== '' && !/^-*$/.test(prefix) && !prefix.includes('\uE002'));
    const base: FlowState = leadingSafe ? { leadingSafe: true } : {};
    if (this.kind === 'network-url') return urlConcatState(state, prefix);
    if (this.kind !== 'path') return base;
    const keeps = (state.contained === true || state.fromCaller === true) && this.keepsContainment(unit, state, after);
    const caller: FlowState = keeps && state.fromCaller ? { fromCaller: true } : {};
    if (state.contained && keeps) return { ...base, ...caller, contained: true, ...(state.realpath ? { realpath: true } : {}) };
    return { ...this.rebuiltPathState(state, base, prefix, suffix), ...caller };
  }

  /** The path facts of text built around a value that was not contained (or stops being so). */
  private rebuiltPathState(state: FlowState, base: FlowState, prefix: string, suffix: string): FlowState {
    // `${ROOT}/${x}`: a non-empty root, then a separator, right before the value.
    const rooted = /[^\\/][\\/]$/.test(prefix.replace(/\uE001/g, 'r')) && !prefix.includes('\uE002');
    const suffixHasSeparator = /[\\/]/.test(suffix);
    if (rooted && (state.noDotDot || state.segment === 'safe-segment')) return { ...base, contained: true, ...(state.segment === 'safe-segment' && !suffixHasSeparator ? { oneSegment: true } : {}) };
    if (rooted && state.segment === 'segment' && !suffixHasSeparator) return { ...base, parentOnly: suffix === '' };
    if (state.segment !== undefined && !/[\\/]/.test(prefix + suffix) && (prefix.replace(/\uE001/g, '') !== '' || suffix !== '')) {
      // `${name}.json`, `note-${name}`: still one segment, and no longer `.` or `..`.
      return { ...base, segment: 'safe-segment' };
    }
    // Fixed text without `..` keeps a value free of `..`; anything before it keeps it relative.
    const staticText = (prefix + suffix).replace(/[\uE001\uE002]/g, '/');
    const noDotDot = state.noDotDot === true && !staticText.includes('..') && !prefix.includes('\uE002') && !suffix.includes('\uE002');
    const notAbsolute = state.notAbsolute === true && prefix === '';
    return { ...base, ...(noDotDot ? { noDotDot: true } : {}), ...(noDotDot && notAbsolute ? { notAbsolute: true } : {}) };
  }

  /**
   * Whether what follows a contained path keeps it inside: no `..` segment, and text that cannot
   * make one with the end of the path (a normalised absolute path never ends in `.`, another may).
   * Static text and plain values (numbers, a timestamp: `${p}.backup.${Date.now()}`) count, never
   * input or a value that can hold a separator.
   */
  private keepsContainment(unit: SourceUnit, state: FlowState, after: readonly Part[]): boolean {
    let suffix = '';
    for (const part of after) {
      if (part.text !== undefined) suffix += part.text;
      else if (isSeparator(unit, part.node as TSESTree.Node)) suffix += '/';
      else if (isPlainText(unit, part.node as TSESTree.Node)) suffix += 'x';
      else return false;
    }
    if (/(^|[\\/])\.\.([\\/]|$)/.test(suffix)) return false;
    return !/^\.([\\/]|$)/.test(suffix) || (state.normalized === true && state.absolute === true);
  }

  /** How a non-static part reads in a prefix: a separator, a clean value (`\uE001`), or input (`\uE002`). */
  private partMark(unit: SourceUnit, node: TSESTree.Node): string {
    if (isSeparator(unit, node)) return '/';
    return this.evaluate(node).every((o) => o.state.contained === true) ? '\uE001' : '\uE002';
  }

  /**
   * How a non-static part reads in a URL prefix: a `const` URL built by a template or `+`
   * (`const url = \`${BASE}/projects/${id}/fork\``) that carries input reads as its own parts, so
   * what is appended to it (`url + \`?ns=${ns}\``) sits after that origin and its `/`.
   */
  private urlPartMark(unit: SourceUnit, node: TSESTree.Node, depth: number): string {
    const mark = this.partMark(unit, node);
    if (mark !== '\uE002' || depth >= 4) return mark;
    const value = resolveValue(unit, node);
    const parts = value.type === 'TemplateLiteral' ? templateParts(unit, value) : value.type === 'BinaryExpression' && value.operator === '+' ? plusParts(unit, value) : null;
    return parts ? parts.map((p) => p.text ?? this.urlPartMark(unit, p.node as TSESTree.Node, depth + 1)).join('') : mark;
  }

  // ---- objects -------------------------------------------------------------------------------

  private object(node: TSESTree.ObjectExpression): TaintValue {
    const parts: TaintValue[] = [];
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        parts.push(this.evaluate(property.argument));
        continue;
      }
      if (property.value.type === 'AssignmentPattern' || isFunctionNode(property.value)) continue;
      const key = property.computed ? '*' : getKeyName(property) ?? '*';
      parts.push(this.placeAt(this.evaluate(property.value), key));
    }
    return unionValues(...parts);
  }

  private placeAt(value: TaintValue, key: string): TaintValue {
    return mapOrigins(value, (o) => ({ ...o, at: [key, ...o.at] }));
  }

  // ---- calls ---------------------------------------------------------------------------------

  private call(node: TSESTree.CallExpression, unit: SourceUnit): TaintValue {
    const callee = unwrapExpression(node.callee);
    const args = node.arguments;
    const arg = (i: number): TaintValue => {
      const a = args[i];
      return a ? this.evaluate(a) : CLEAN;
    };
    const allArgs = (): TaintValue => unionValues(...args.map((a) => this.evaluate(a)));

    const known = getKnownFunction(callee);
    if (known) return this.knownFunction(known, arg(0));
    const pathFunction = getPathFunction(callee);
    if (pathFunction) return this.pathCall(pathFunction, node);
    const ref = getModuleRef(callee);
    if (ref) {
      const dotted = ref.path.join('.');
      if (isRealpath(ref.module, ref.path)) return mapOrigins(arg(0), (o) => ({ ...o, derived: true, at: [], state: { ...o.state, normalized: true, absolute: true, realpath: true } }));
      if (ref.module === GLOBAL_MODULE) return this.globalCall(dotted, arg, allArgs);
      if (ref.module === 'buffer' && dotted.startsWith('Buffer.')) return derive(allArgs(), (o) => resetState(o.state));
      if (ref.module === 'url' && (dotted === 'fileURLToPath' || dotted === 'pathToFileURL' || dotted === 'parse' || dotted === 'format')) return derive(arg(0), (o) => resetState(o.state));
      if (ref.module === 'querystring' || ref.module === 'util') return dotted === 'format' || dotted === 'unescape' || dotted === 'parse' || dotted === 'escape' ? derive(allArgs(), () => ({})) : CLEAN;
      if (ref.module === 'process' || ref.module === 'os' || ref.module === 'crypto') return CLEAN;
    }
    const sqlEscape = this.kind === 'sql' ? sqlEscapeOf(unit, node) : null;
    if (sqlEscape === 'escaped') return CLEAN;
    if (sqlEscape === 'text') return derive(allArgs(), () => ({}));
    const resolved = resolveCallee(this, node);
    if (resolved) return instantiateReturn(this, node, resolved);
    if (callee.type !== 'MemberExpression') return CLEAN;
    const method = getKeyName(callee);
    if (method === null) return CLEAN;
    // Schema.parse(input): the output is the input, with the schema's field constraints.
    if ((method === 'parse' || method === 'parseAsync' || method === 'safeParse' || method === 'safeParseAsync') && args[0]) {
      const schema = readSchema(unit, callee.object);
      // A schema this file cannot read (imported from another module, built at run time) proves
      // nothing about the fields: the input comes out as it went in.
      const parsed = schema ? mapOrigins(arg(0), (o) => (o.derived || o.at.length > 0 ? o : { ...o, schema })) : arg(0);
      return method.startsWith('safeParse') ? this.placeAt(parsed, 'data') : parsed;
    }
    const receiver = this.evaluate(callee.object);
    if (receiver.length === 0) {
      if (method === 'concat' || method === 'join') return derive(allArgs(), () => ({}));
      if (method === 'replace' || method === 'replaceAll') return derive(arg(1), () => ({}));
      return CLEAN;
    }
    if (NON_TEXT_METHODS.has(method)) return CLEAN;
    if (method === 'toString' && args[0]) return this.encoded(unit, args[0], receiver);
    if (KEEPING_METHODS.has(method)) return derive(receiver);
    if (method === 'replace' || method === 'replaceAll') return this.replaced(unit, node, receiver, arg(1));
    if (ELEMENT_METHODS.has(method)) return this.project(receiver, '*');
    if (method === 'concat' || method === 'join') return derive(unionValues(receiver, allArgs()), (o) => resetState(o.state));
    // Split on a separator, each piece is one segment (possibly `..`).
    if (method === 'split') return derive(receiver, () => (this.kind === 'path' && args[0] && isSeparatorPattern(unit, args[0]) ? { segment: 'segment' } : {}));
    // slice, substring, padStart, map, filter, flat, …: the text survives, the checks do not.
    return derive(receiver, (o) => resetState(o.state));
  }

  private globalCall(name: string, arg: (i: number) => TaintValue, allArgs: () => TaintValue): TaintValue {
    if (NON_TEXT_GLOBALS.has(name) || name.startsWith('Math.')) return CLEAN;
    switch (name) {
      case 'String':
        return derive(arg(0));
      case 'JSON.parse':
      case 'Object.fromEntries':
        return derive(arg(0), () => ({}));
      case 'JSON.stringify':
        return derive(arg(0), () => ({}));
      case 'Object.values':
      case 'Object.entries':
        return derive(this.project(arg(0), '*'), () => ({}));
      case 'Object.keys':
        // Keys of a validated object are the schema's; of an unvalidated one, the client's.
        return derive(mapOrigins(arg(0), (o) => (o.schema ? null : o)), () => ({}));
      case 'Object.assign':
      case 'Array.from':
      case 'Array.of':
      case 'Promise.resolve':
      case 'Promise.all':
      case 'Promise.allSettled':
      case 'Promise.race':
      case 'Promise.any':
      case 'structuredClone':
        return allArgs();
      case 'decodeURIComponent':
      case 'decodeURI':
      case 'unescape':
        return derive(arg(0), () => ({}));
      case 'encodeURIComponent':
        // No separator survives, but `..` does.
        return derive(arg(0), () => (this.kind === 'path' ? { segment: 'segment' } : this.kind === 'network-url' ? { urlEncoded: true } : {}));
      case 'encodeURI':
      case 'escape':
        return derive(arg(0), () => ({}));
      default:
        return CLEAN;
    }
  }

  private knownFunction(known: ReturnType<typeof getKnownFunction>, value: TaintValue): TaintValue {
    switch (known) {
      case 'shell-escape':
        return this.kind === 'command' ? CLEAN : derive(value, () => ({}));
      case 'safe-segment':
        return this.kind === 'path' ? derive(value, () => ({ segment: 'safe-segment' })) : derive(value, () => ({}));
      case 'contain':
        return this.kind === 'path' ? derive(value, () => ({ contained: true, normalized: true, absolute: true })) : derive(value, () => ({}));
      default:
        return CLEAN;
    }
  }

  /** `buf.toString('hex')` carries no text a sink could misread; base64 has no shell characters and no `..`. */
  private encoded(unit: SourceUnit, encodingNode: TSESTree.Node, receiver: TaintValue): TaintValue {
    const encoding = getStaticString(unit, encodingNode);
    if (encoding === 'hex') return CLEAN;
    if (encoding === 'base64') {
      if (this.kind === 'command' || this.kind === 'argument') return CLEAN;
      return derive(receiver, () => ({ noDotDot: true }));
    }
    return derive(receiver);
  }

  /**
   * `.replace()` propagates: `replace('..', '')` and `/\.\.\//g` leave `....//` → `../`. The one
   * credited form strips every character outside an allowlist: `s.replace(/[^\w-]/g, '')`.
   */
  private replaced(unit: SourceUnit, node: TSESTree.CallExpression, receiver: TaintValue, replacement: TaintValue): TaintValue {
    const [pattern, replaceWith] = node.arguments;
    const regex = pattern && pattern.type !== 'SpreadElement' ? getRegexLiteral(unit, pattern) : null;
    const replacementText = replaceWith && replaceWith.type !== 'SpreadElement' ? getStaticString(unit, replaceWith) : null;
    if (regex && replacementText !== null) {
      const shape = analyzeStrippingReplace(regex.pattern, regex.flags, replacementText);
      if (shape) return mapOrigins(derive(receiver, () => ({})), (o) => this.applyRegexShape(o, shape));
    }
    return derive(unionValues(receiver, replacement), () => ({}));
  }

  /** `path.join`, `path.resolve`, `path.basename`, … as transfer functions on path facts. */
  private pathCall(name: string, node: TSESTree.CallExpression): TaintValue {
    const args = node.arguments;
    if (args.some((a) => a.type === 'SpreadElement')) return derive(unionValues(...args.map((a) => this.evaluate(a))), () => ({}));
    const values = args.map((a) => this.evaluate(a));
    const first = values.findIndex((v) => v.length > 0);
    if (first < 0) return CLEAN;
    const path = this.kind === 'path';
    switch (name) {
      case 'join':
      case 'resolve': {
        const out: Origin[] = [];
        const unit = getUnitOfNode(node);
        values.forEach((value, k) => {
          if (value.length === 0) return;
          // Everything before is the server's, or a directory already checked to be inside a root.
          const rooted = k > 0 && values.slice(0, k).every((v) => v.every((o) => o.state.contained === true));
          const last = k === values.length - 1;
          const tailKeeps = !path || !unit || joinTailKeeps(unit, name, args.slice(k + 1), values.slice(k + 1));
          for (const origin of value) {
            const state = path ? joinState(name, origin.state, rooted, last, tailKeeps) : { leadingSafe: origin.state.leadingSafe === true || rooted || name === 'resolve' };
            out.push({ ...origin, derived: true, at: [], schema: undefined, state });
          }
        });
        return normalizeValue(out);
      }
      case 'normalize':
      case 'toNamespacedPath':
        return derive(values[0] ?? CLEAN, (o) => ({ ...o.state, normalized: true }));
      case 'relative':
        return derive(unionValues(...values), () => ({ normalized: true }));
      case 'basename':
      case 'extname':
        return derive(values[0] ?? CLEAN, () => (path ? { segment: 'segment' } : {}));
      case 'dirname':
        return derive(values[0] ?? CLEAN, (o) => resetState(o.state));
      case 'parse':
      case 'format':
        return derive(unionValues(...values), () => ({}));
      default:
        return CLEAN;
    }
  }

  /**
   * `new URL(x)`: x is the whole URL. `new URL(rel, BASE)`: `rel` keeps the position it had in its
   * own template (a relative `/items/${id}` stays in the path); an absolute or bare input replaces
   * the base, and a tainted base is the whole URL.
   */
  private urlConstruct(node: TSESTree.NewExpression): TaintValue {
    const [input, base] = node.arguments.map((a) => this.evaluate(a));
    const relative = derive(input ?? CLEAN, (o) => (base && base.length === 0 && o.state.urlPart ? { urlPart: o.state.urlPart, ...(o.state.urlEncoded ? { urlEncoded: true } : {}) } : {}));
    return unionValues(relative, derive(base ?? CLEAN, () => ({})));
  }

  private construct(node: TSESTree.NewExpression): TaintValue {
    const ref = getModuleRef(node.callee);
    const name = ref?.module === GLOBAL_MODULE || ref?.module === 'url' || ref?.module === 'buffer' ? ref.path.join('.') : null;
    const all = (): TaintValue => unionValues(...node.arguments.map((a) => this.evaluate(a)));
    if (name === 'URL' && this.kind === 'network-url') return this.urlConstruct(node);
    // The text of `new URLSearchParams({ q })` is percent-encoded.
    if (name === 'URLSearchParams' && this.kind === 'network-url') return derive(all(), () => ({ urlEncoded: true }));
    switch (name) {
      case 'URL':
      case 'URLSearchParams':
      case 'String':
      case 'Buffer':
        return derive(all(), () => ({}));
      case 'Set':
      case 'Map':
      case 'Array':
        return all();
      default:
        return CLEAN;
    }
  }
}

/**
 * Where a value appended to `prefix` lands in a URL (`\uE001` stands for server text, `\uE002` for
 * input): after `scheme://host/` or a relative `/segment/`, in the path (it cannot move the request
 * to another host, though `../` can change the path); after a `?` or `#`, in the query; anywhere else
 * (`https://host` with no `/`, `https://`, nothing, `/` alone, which makes `//host`) it can reach the
 * authority. A server value right before a `/` is taken to be an origin (`${BASE}/${x}`).
 */
export function urlPartAfter(prefix: string): 'path' | 'query' | null {
  // Input earlier in the URL: once the text before it has reached the path, the host is fixed.
  const input = prefix.indexOf('\uE002');
  const text = input >= 0 ? prefix.slice(0, input) : prefix;
  if (input >= 0 && text === '') return null;
  if (/[?#]/.test(text)) return 'query';
  if (/^[a-z][a-z\d+.-]*:\/\/[^/?#\uE001]*$/i.test(text) || /^\/\/[^/]*$/.test(text)) return null;
  if (/^[a-z][a-z\d+.-]*:\/\/[^/]+\//i.test(text)) return 'path';
  if (/^\/\/[^/]+\//.test(text)) return 'path';
  if (/^\uE001+\//.test(text) || /^\/[^/]/.test(text)) return 'path';
  return null;
}

function urlConcatState(state: FlowState, prefix: string): FlowState {
  const encoded = state.urlEncoded ? { urlEncoded: true } : {};
  // Built in two steps (`/users/${x}` then `${BASE}${rel}`): the inner position stands when server text precedes it.
  if (state.urlPart && !prefix.includes('\uE002')) return { ...encoded, urlPart: state.urlPart };
  const part = urlPartAfter(prefix);
  return part ? { ...encoded, urlPart: part } : encoded;
}

/** `path.join(ROOT, x)` / `path.resolve(ROOT, x)`: what the result is, given what was known about x. */
function joinState(name: string, state: FlowState, rooted: boolean, last: boolean, tailKeeps: boolean): FlowState {
  const normalized: FlowState = { normalized: true, ...(name === 'resolve' ? { absolute: true, leadingSafe: true } : rooted ? { leadingSafe: true } : {}) };
  // A contained path (the caller's, in a helper) stays inside when nothing after it climbs out.
  const caller: FlowState = state.fromCaller && tailKeeps ? { fromCaller: true } : {};
  if (state.contained && tailKeeps) return { ...normalized, ...caller, contained: true, ...(state.realpath ? { realpath: true } : {}) };
  if (state.contained) return normalized;
  return { ...uncontainedJoinState(name, state, rooted, last, normalized), ...caller };
}

/**
 * Whether the arguments after a contained path in `join`/`resolve` keep it inside: no static `..`
 * segment (`join(dir, '..', '..')` climbs out), no absolute static path for `resolve` (it replaces
 * what comes before), and no input that can climb ({@link cannotClimb}). Other server values are trusted
 * (a directory entry's `name`), as everywhere in this analysis.
 */
function joinTailKeeps(unit: SourceUnit, name: string, args: readonly TSESTree.CallExpressionArgument[], values: readonly TaintValue[]): boolean {
  return args.every((arg, i) => {
    const text = getStaticString(unit, arg);
    if (text !== null) return !/(^|[\\/])\.\.([\\/]|$)/.test(text) && !(name === 'resolve' && /^([\\/]|[A-Za-z]:)/.test(text));
    return (values[i] ?? CLEAN).every((o) => cannotClimb(name, o.state));
  });
}

/** Input that cannot climb out of the directory it is joined to: contained, one safe segment, or free of `..` (and relative, for `resolve`). */
function cannotClimb(name: string, state: FlowState): boolean {
  return state.contained === true || state.segment === 'safe-segment' || (state.noDotDot === true && (name === 'join' || state.notAbsolute === true));
}

/** What `join`/`resolve` make of a value not yet contained: contained when joined under a root and it cannot climb out. */
function uncontainedJoinState(name: string, state: FlowState, rooted: boolean, last: boolean, normalized: FlowState): FlowState {
  if (rooted) {
    // join appends an absolute x under the root; resolve lets it replace the root.
    if (cannotClimb(name, state)) return { ...normalized, contained: true, ...(state.segment === 'safe-segment' && last ? { oneSegment: true } : {}) };
    if (state.segment === 'segment' && last) return { ...normalized, parentOnly: true };
  }
  return { ...normalized, ...(state.noDotDot ? { noDotDot: true } : {}), ...(state.bypass ? { bypass: state.bypass, ...(state.bypassSite ? { bypassSite: state.bypassSite } : {}) } : {}) };
}

/** An in-place change of a variable's value, at the offset of the variable's reference. */
type MutationSite =
  | { readonly type: 'call'; readonly at: number; readonly method: string; readonly added: readonly TSESTree.Node[] }
  | { readonly type: 'assignment'; readonly at: number; readonly key: string; readonly value: TSESTree.Node }
  | { readonly type: 'assign-object'; readonly at: number; readonly sources: readonly TSESTree.Node[] };

/**
 * The in-place changes of a variable (`v.push(x)`, `v.k = x`, `Object.assign(v, x)`), in source order.
 * Syntactic, so one list per variable serves every analysis and every use of the variable (each use
 * takes the ones before it): a walk of all references per use would be quadratic in the references.
 */
const mutationSites = memoize((variable: Variable): readonly MutationSite[] => {
  const sites: MutationSite[] = [];
  for (const reference of variable.references) {
    if (reference.isWrite()) continue;
    const id = reference.identifier;
    const parent = id.parent;
    if (parent.type === 'MemberExpression' && parent.object === id) {
      const holder = parent.parent;
      const method = getKeyName(parent);
      if (holder.type === 'CallExpression' && holder.callee === parent && method !== null && MUTATING_METHODS.has(method)) {
        sites.push({ type: 'call', at: id.range[0], method, added: method === 'splice' ? holder.arguments.slice(2) : holder.arguments });
      } else if (holder.type === 'AssignmentExpression' && holder.left === parent) {
        sites.push({ type: 'assignment', at: id.range[0], key: method ?? '*', value: holder.right });
      }
    } else if (parent.type === 'CallExpression' && parent.arguments[0] === id) {
      const ref = getModuleRef(parent.callee);
      if (ref?.module === GLOBAL_MODULE && ref.path.join('.') === 'Object.assign') sites.push({ type: 'assign-object', at: id.range[0], sources: parent.arguments.slice(1) });
    }
  }
  return sites.sort((a, b) => a.at - b.at);
});

/**
 * A variable that holds a URLSearchParams for its whole life: `const params = new URLSearchParams(…)`,
 * or the `searchParams` of a `new URL(…)`.
 */
function isSearchParams(variable: Variable): boolean {
  const init = getSingleInit(variable);
  const unit = init ? getUnitOfNode(init) : null;
  if (!init || !unit) return false;
  const value = unwrapExpression(init);
  const constructs = (node: TSESTree.Node, name: string): boolean => {
    if (node.type !== 'NewExpression') return false;
    const ref = getModuleRef(node.callee);
    return (ref?.module === GLOBAL_MODULE || ref?.module === 'url') && ref.path.join('.') === name;
  };
  if (constructs(value, 'URLSearchParams')) return true;
  return value.type === 'MemberExpression' && getKeyName(value) === 'searchParams' && constructs(resolveValue(unit, value.object), 'URL');
}

function isRealpath(module: string, path: readonly string[]): boolean {
  if (!['fs', 'fs/promises', 'fs-extra', 'graceful-fs'].includes(module)) return false;
  const parts = path[0] === 'promises' ? path.slice(1) : path;
  const [head, tail] = parts;
  return (head === 'realpath' || head === 'realpathSync') && (tail === undefined || tail === 'native') && parts.length <= 2;
}

/** `'/'`, `path.sep`, `/[\\/]/`: a split on these leaves no separator in the pieces. */
function isSeparatorPattern(unit: SourceUnit, node: TSESTree.Node): boolean {
  if (isSeparator(unit, node)) return true;
  const regex = getRegexLiteral(unit, node);
  return regex !== null && ['/', '\\/', '[\\/\\\\]', '[\\\\/]', '[/\\\\]'].includes(regex.pattern);
}

/** One part of a string being built: static text, or an expression. */
export interface Part {
  readonly text?: string;
  readonly node?: TSESTree.Node;
}

function templateParts(unit: SourceUnit, node: TSESTree.TemplateLiteral): Part[] {
  const parts: Part[] = [];
  node.quasis.forEach((quasi, i) => {
    parts.push({ text: quasi.value.cooked ?? quasi.value.raw });
    const expression = node.expressions[i];
    if (expression) {
      const known = getStaticString(unit, expression);
      parts.push(known === null ? { node: expression } : { text: known });
    }
  });
  return parts;
}

function plusParts(unit: SourceUnit, node: TSESTree.Node): Part[] {
  const value = unwrapExpression(node);
  if (value.type === 'BinaryExpression' && value.operator === '+') {
    return [...plusParts(unit, value.left), ...plusParts(unit, value.right)];
  }
  if (value.type === 'TemplateLiteral') return templateParts(unit, value);
  const known = getStaticString(unit, value);
  return [known === null ? { node: value } : { text: known }];
}

function staticKey(unit: SourceUnit, node: TSESTree.Node): string | null {
  const value = unwrapExpression(node);
  if (value.type === 'Literal' && (typeof value.value === 'string' || typeof value.value === 'number')) return String(value.value);
  return getStaticString(unit, value);
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return current;
    // A non-arrow function that is not a class member has its own `this`.
    if ((current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') && current.parent.type !== 'MethodDefinition' && current.parent.type !== 'PropertyDefinition') return null;
  }
  return null;
}

/** `this.x = e` anywhere in a class, and field initialisers: the expressions each field is given. */
function classFieldWrites(analysis: Analysis, classBody: TSESTree.ClassBody): ReadonlyMap<string, TSESTree.Node[]> {
  const cache = analysis.cache<TSESTree.ClassBody, ReadonlyMap<string, TSESTree.Node[]>>('class-fields');
  const cached = cache.get(classBody);
  if (cached) return cached;
  const writes = new Map<string, TSESTree.Node[]>();
  const add = (name: string, value: TSESTree.Node): void => {
    const list = writes.get(name) ?? [];
    list.push(value);
    writes.set(name, list);
  };
  const unit = getUnitOfNode(classBody);
  for (const element of classBody.body) {
    if (element.type === 'PropertyDefinition' && element.value && !element.static) {
      const name = getKeyName(element);
      if (name !== null && !isFunctionNode(element.value)) add(name, element.value);
    }
  }
  if (unit) {
    const stack: TSESTree.Node[] = [classBody];
    while (stack.length > 0) {
      const node = stack.pop() as TSESTree.Node;
      if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
        const name = getKeyName(node.left);
        if (name !== null) add(name, node.operator === '=' ? node.right : node);
      }
      for (const key of unit.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(child) ? child : [child]) {
          if (c && typeof c === 'object' && typeof (c as { type?: unknown }).type === 'string' && (c as TSESTree.Node).type !== 'ClassBody') stack.push(c as TSESTree.Node);
        }
      }
    }
  }
  cache.set(classBody, writes);
  return writes;
}

/** The schema a `X.parse(…)` receiver is, when X is a zod object schema the file defines. */
function readSchema(unit: SourceUnit, node: TSESTree.Node): InputSchema | null {
  const value = resolveValue(unit, node);
  if (value.type !== 'CallExpression' && value.type !== 'ObjectExpression') return null;
  const schema = summarizeSchema(unit, node, true);
  return schema.fields.size > 0 ? schema : null;
}

/** The regex of an `anchored-regex` field: `z.string().regex(/…/)` or a JSON Schema `pattern`. */
function findFieldRegex(unit: SourceUnit, schemaNode: TSESTree.Node, field: string): { pattern: string; flags: string } | null {
  let value = resolveValue(unit, schemaNode);
  for (let hop = 0; hop < 6 && value.type === 'CallExpression' && value.callee.type === 'MemberExpression'; hop++) {
    const method = getKeyName(value.callee);
    const first = value.arguments[0];
    value = (method === 'object' || method === 'strictObject' || method === 'looseObject') && first && first.type !== 'SpreadElement'
      ? resolveValue(unit, first)
      : resolveValue(unit, value.callee.object);
  }
  if (value.type !== 'ObjectExpression') return null;
  const properties = value.properties.find((p): p is TSESTree.Property => p.type === 'Property' && getKeyName(p) === 'properties');
  const holder = properties ? resolveValue(unit, properties.value) : value;
  if (holder.type !== 'ObjectExpression') return null;
  const property = holder.properties.find((p): p is TSESTree.Property => p.type === 'Property' && getKeyName(p) === field);
  if (!property) return null;
  let fieldValue = resolveValue(unit, property.value);
  if (fieldValue.type === 'ObjectExpression') {
    const pattern = fieldValue.properties.find((p): p is TSESTree.Property => p.type === 'Property' && getKeyName(p) === 'pattern');
    const text = pattern ? getStaticString(unit, pattern.value) : null;
    return text === null ? null : { pattern: text, flags: 'u' };
  }
  for (let hop = 0; hop < 12 && fieldValue.type === 'CallExpression' && fieldValue.callee.type === 'MemberExpression'; hop++) {
    if (getKeyName(fieldValue.callee) === 'regex' && fieldValue.arguments[0] && fieldValue.arguments[0].type !== 'SpreadElement') {
      return getRegexLiteral(unit, fieldValue.arguments[0]);
    }
    fieldValue = unwrapExpression(fieldValue.callee.object);
  }
  return null;
}

function analyzeWholeString(regex: { pattern: string; flags: string }): RegexShape | null {
  return analyzeWholeStringRegex(regex.pattern, regex.flags);
}

/** number, boolean, bigint, a string literal, or a union of those (never `any`/`unknown`/`string`). */
function isHarmlessType(unit: SourceUnit, node: TSESTree.Node): boolean {
  const services = unit.typeServices;
  if (!services) return false;
  try {
    const checker = services.program.getTypeChecker() as unknown as TypeCheckerLike;
    const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
    const type = checker.getTypeAtLocation(tsNode) as TypeLike;
    return harmless(checker, type, 0);
  } catch {
    return false;
  }
}

interface TypeLike {
  isUnion(): boolean;
  isStringLiteral(): boolean;
  types?: TypeLike[];
}

interface TypeCheckerLike {
  getTypeAtLocation(node: unknown): unknown;
  getStringType?(): unknown;
  getNumberType?(): unknown;
  getBooleanType?(): unknown;
  getBigIntType?(): unknown;
  getUndefinedType?(): unknown;
  getNullType?(): unknown;
  isTypeAssignableTo?(source: unknown, target: unknown): boolean;
}

function harmless(checker: TypeCheckerLike, type: TypeLike, depth: number): boolean {
  if (depth > 4) return false;
  if (type.isUnion()) return (type.types ?? []).length > 0 && (type.types ?? []).every((t) => harmless(checker, t, depth + 1));
  if (type.isStringLiteral()) return true;
  const assignable = checker.isTypeAssignableTo?.bind(checker);
  const stringType = checker.getStringType?.();
  if (!assignable || stringType === undefined) return false;
  // `any` and `unknown` accept a string; a harmless type does not.
  if (assignable(stringType, type)) return false;
  const targets = [checker.getNumberType?.(), checker.getBooleanType?.(), checker.getBigIntType?.(), checker.getUndefinedType?.(), checker.getNullType?.()];
  return targets.some((target) => target !== undefined && assignable(type, target));
}

/** The default analyses (tool input as the source), one per kind, shared by every file of a run. */
const DEFAULT_ANALYSES = new Map<SinkKind, Analysis>();
const CUSTOM_ANALYSES = new WeakMap<SourceModel, Map<SinkKind, Analysis>>();

/**
 * The analysis of `kind` for a source model (default: tool input). Analyses hold only WeakMaps
 * keyed by AST nodes, so nothing outlives the files it describes.
 */
export function getAnalysis(kind: SinkKind, model: SourceModel = TOOL_INPUT_SOURCES): Analysis {
  const map = model === TOOL_INPUT_SOURCES ? DEFAULT_ANALYSES : (CUSTOM_ANALYSES.get(model) ?? new Map<SinkKind, Analysis>());
  if (model !== TOOL_INPUT_SOURCES) CUSTOM_ANALYSES.set(model, map);
  let analysis = map.get(kind);
  if (!analysis) {
    analysis = new Analysis(kind, model);
    map.set(kind, analysis);
  }
  return analysis;
}

export type { Variable };
