import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, findProperty, getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from './ast.js';
import { memoize } from './memo.js';
import { findExport, findRelativeImport, isRequireDefinition } from './module-loader.js';
import { getModuleRef } from './module-refs.js';
import { ownReturns } from './node-index.js';
import { getSingleInit, getUnitOfNode, getVariable, type SourceUnit } from './source-unit.js';

/** One text a description can have (a conditional or a loop gives several). */
export interface TextVariant {
  readonly text: string;
  /** Where the text came from when that is not the description expression itself, e.g. "`./text.ts`". */
  readonly origin: string | null;
}

/** Why a description is not known before run time. */
export type DynamicReason = 'call' | 'parameter' | 'environment' | 'file' | 'import' | 'variable' | 'unknown';

export type DescriptionText =
  /** Known statically: every text the expression can evaluate to. */
  | { readonly kind: 'static'; readonly variants: readonly TextVariant[] }
  /**
   * Computed at run time: `source` is the part that is not constant, as written; `key` the
   * innermost expression that is not (the same for every description that uses it, e.g. through a
   * shared constant or helper function).
   */
  | { readonly kind: 'dynamic'; readonly reason: DynamicReason; readonly source: string; readonly origin: string | null; readonly key: TSESTree.Node }
  /** No text at all (`undefined`, `null`). */
  | { readonly kind: 'none' };

/** Texts a description may have at most; beyond this the first ones are kept. */
const MAX_VARIANTS = 32;
const MAX_DEPTH = 24;
const MAX_CALL_SITES = 16;

type Variable = TSESLint.Scope.Variable;
type Primitive = string | number | boolean | bigint;
interface Value {
  readonly value: Primitive;
  readonly origin: string | null;
}
type Result =
  | { readonly kind: 'values'; readonly values: readonly Value[] }
  | { readonly kind: 'dynamic'; readonly reason: DynamicReason; readonly source: string; readonly origin: string | null; readonly key: TSESTree.Node }
  | { readonly kind: 'none' };

const NONE: Result = { kind: 'none' };

/**
 * The text of an LLM-visible description, as the model will see it: string literals, templates
 * (plain, `String.raw`, `dedent`-style tags) and `+`/`concat`/`join` over constants, `const`
 * bindings, properties of constant objects, constants exported by relative modules (followed
 * through `loadRelativeModule`), the arguments a local factory function is called with, the
 * elements of a constant array a loop registers, a `let` built by `+=` in straight-line code and
 * `if`/`else`, and the return values of a function of the file or of a relative module. Anything
 * else (another call's result, an environment variable, a file read, a parameter of an exported
 * function) makes the description `dynamic`.
 */
export const resolveDescriptionText = memoize((node: TSESTree.Node): DescriptionText => {
  const unit = getUnitOfNode(node);
  if (!unit) return { kind: 'dynamic', reason: 'unknown', source: '…', origin: null, key: node };
  const result = evaluate({ unit, origin: null }, node, 0, new Set());
  if (result.kind === 'none') return NONE;
  if (result.kind === 'dynamic') return result;
  const variants = result.values.map(({ value, origin }) => ({ text: String(value), origin }));
  return { kind: 'static', variants };
});

/**
 * How messages name a description site of a role (the model's `DescriptionRole`), with where its
 * text came from when that is elsewhere: "tool description (from `./text.ts`)".
 */
export function describeSite(role: string, origin: string | null): string {
  const label = SITE_LABELS[role] ?? 'description';
  return origin === null ? label : `${label} (from ${origin})`;
}

const SITE_LABELS: Readonly<Record<string, string>> = {
  tool: 'tool description',
  'tool-list': 'tool description',
  title: 'title',
  parameter: 'parameter description',
  prompt: 'prompt description',
  resource: 'resource description',
  instructions: 'server `instructions` text',
};

/**
 * Characters as the model receives them: Unicode code points. UTF-16 length would count an emoji
 * or a tag character twice; grapheme clusters would hide a whole run of invisible tag characters
 * inside one visible character.
 */
export function countCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

interface Context {
  readonly unit: SourceUnit;
  /** Set once evaluation has left the description's own file or expression. */
  readonly origin: string | null;
}

type Dynamic = Extract<Result, { kind: 'dynamic' }>;

function dynamicResult(ctx: Context, reason: DynamicReason, node: TSESTree.Node): Dynamic {
  return { kind: 'dynamic', reason, source: sourceExcerpt(ctx.unit, node), origin: ctx.origin, key: node };
}

function dynamic(ctx: Context, reason: DynamicReason, node: TSESTree.Node): Result {
  return dynamicResult(ctx, reason, node);
}

function values(list: readonly Value[]): Result {
  return { kind: 'values', values: list.slice(0, MAX_VARIANTS) };
}

function single(value: Primitive, ctx: Context): Result {
  return { kind: 'values', values: [{ value, origin: ctx.origin }] };
}

/** Every combination of two results, combined by `join` (a `+`, a template part). */
function combine(left: Result, right: Result, join: (a: Primitive, b: Primitive) => Primitive): Result {
  if (left.kind === 'dynamic') return left;
  if (right.kind === 'dynamic') return right;
  const lefts = left.kind === 'none' ? [{ value: '', origin: null }] : left.values;
  const rights = right.kind === 'none' ? [{ value: '', origin: null }] : right.values;
  const out: Value[] = [];
  for (const a of lefts) {
    for (const b of rights) {
      if (out.length >= MAX_VARIANTS) break;
      out.push({ value: join(a.value, b.value), origin: a.origin ?? b.origin });
    }
  }
  return values(out);
}

function plus(a: Primitive, b: Primitive): Primitive {
  if (typeof a === 'string' || typeof b === 'string') return String(a) + String(b);
  if (typeof a === 'bigint' || typeof b === 'bigint') return typeof a === 'bigint' && typeof b === 'bigint' ? a + b : String(a) + String(b);
  return Number(a) + Number(b);
}

function concatText(a: Primitive, b: Primitive): Primitive {
  return String(a) + String(b);
}

function union(results: readonly Result[]): Result {
  const out: Value[] = [];
  for (const result of results) {
    if (result.kind === 'dynamic') return result;
    if (result.kind === 'values') out.push(...result.values);
  }
  return out.length === 0 ? NONE : values(out);
}

function mapValues(result: Result, map: (value: string) => Primitive): Result {
  if (result.kind !== 'values') return result;
  return values(result.values.map((v) => ({ value: map(String(v.value)), origin: v.origin })));
}

function evaluate(ctx: Context, raw: TSESTree.Node, depth: number, visiting: Set<TSESTree.Node>): Result {
  const node = unwrapExpression(raw);
  if (depth > MAX_DEPTH || visiting.has(node)) return dynamic(ctx, 'unknown', node);
  visiting.add(node);
  try {
    return evaluateNode(ctx, node, depth + 1, visiting);
  } finally {
    visiting.delete(node);
  }
}

function evaluateNode(ctx: Context, node: TSESTree.Node, depth: number, visiting: Set<TSESTree.Node>): Result {
  const next = (child: TSESTree.Node, nextCtx: Context = ctx): Result => evaluate(nextCtx, child, depth, visiting);
  switch (node.type) {
    case 'Literal':
      if (node.value === null) return 'regex' in node ? dynamic(ctx, 'unknown', node) : NONE;
      return typeof node.value === 'object' ? dynamic(ctx, 'unknown', node) : single(node.value, ctx);
    case 'TemplateLiteral':
      return evaluateTemplate(ctx, node, (quasi) => quasi.value.cooked ?? quasi.value.raw, next);
    case 'TaggedTemplateExpression':
      return evaluateTaggedTemplate(ctx, node, next);
    case 'BinaryExpression':
      if (node.operator !== '+') return dynamic(ctx, 'unknown', node);
      return combine(next(node.left), next(node.right), plus);
    case 'LogicalExpression':
    case 'ConditionalExpression': {
      // Either branch can be the text: check them all.
      const branches = node.type === 'LogicalExpression' ? [node.left, node.right] : [node.consequent, node.alternate];
      return union(branches.map((branch) => next(branch)));
    }
    case 'Identifier':
      return evaluateIdentifier(ctx, node, next);
    case 'MemberExpression':
      return evaluateMember(ctx, node, next);
    case 'CallExpression':
      return evaluateCall(ctx, node, next);
    case 'AwaitExpression':
      return next(node.argument);
    default:
      return dynamic(ctx, 'unknown', node);
  }
}

type Next = (child: TSESTree.Node, nextCtx?: Context) => Result;

function evaluateTemplate(ctx: Context, node: TSESTree.TemplateLiteral, quasiText: (quasi: TSESTree.TemplateElement) => string, next: Next): Result {
  let result: Result = single('', ctx);
  node.quasis.forEach((quasi, index) => {
    result = combine(result, single(quasiText(quasi), ctx), concatText);
    const expression = node.expressions[index];
    if (expression) result = combine(result, next(expression), concatText);
  });
  return result;
}

/** Tags that only re-indent their template (`dedent`, `outdent`, common-tags' `stripIndent`, `oneLine`). */
const DEDENT_TAGS = new Set(['dedent', 'outdent', 'stripIndent', 'stripIndents', 'endent']);
const ONE_LINE_TAGS = new Set(['oneLine', 'oneLineTrim']);

function evaluateTaggedTemplate(ctx: Context, node: TSESTree.TaggedTemplateExpression, next: Next): Result {
  const tag = unwrapExpression(node.tag);
  const tagName = tag.type === 'Identifier' ? tag.name : tag.type === 'MemberExpression' ? `${sourceExcerpt(ctx.unit, tag.object)}.${getKeyName(tag) ?? ''}` : null;
  if (tagName === 'String.raw') return evaluateTemplate(ctx, node.quasi, (quasi) => quasi.value.raw, next);
  const base = tagName === null ? null : tagName.slice(tagName.lastIndexOf('.') + 1);
  if (base !== null && DEDENT_TAGS.has(base)) return mapValues(evaluateTemplate(ctx, node.quasi, (q) => q.value.cooked ?? q.value.raw, next), dedent);
  if (base !== null && ONE_LINE_TAGS.has(base)) return mapValues(evaluateTemplate(ctx, node.quasi, (q) => q.value.cooked ?? q.value.raw, next), oneLine);
  return dynamic(ctx, 'call', node);
}

/** Removes the indentation common to all non-blank lines, and a leading and trailing blank line. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  if (lines.length > 0 && (lines[0] as string).trim() === '') lines.shift();
  if (lines.length > 0 && (lines[lines.length - 1] as string).trim() === '') lines.pop();
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    let width = 0;
    while (width < line.length && (line[width] === ' ' || line[width] === '\t')) width++;
    indent = Math.min(indent, width);
  }
  const cut = indent === Infinity ? 0 : indent;
  return lines.map((line) => line.slice(Math.min(cut, line.length - line.trimStart().length))).join('\n');
}

function oneLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
}

function evaluateIdentifier(ctx: Context, node: TSESTree.Identifier, next: Next): Result {
  const variable = getVariable(ctx.unit, node);
  if (!variable || variable.defs.length === 0) {
    return node.name === 'undefined' ? NONE : dynamic(ctx, 'unknown', node);
  }
  if (variable.defs.length !== 1) return dynamic(ctx, 'variable', node);
  const iterated = getIteratedArray(ctx, node, next);
  if (iterated) return union(iterated.node.elements.map((element) => next(element as TSESTree.Node, iterated.ctx)));
  const def = variable.defs[0] as TSESLint.Scope.Definition;
  switch (def.type) {
    case 'ImportBinding':
      return evaluateImport(ctx, node, variable, next);
    case 'Parameter':
      return evaluateParameter(ctx, node, variable, next);
    case 'Variable': {
      if (isRequireDefinition(def)) {
        const required = resolveImportBinding(ctx, variable);
        if (required) return required.kind === 'export' ? next(required.node, required.ctx) : dynamic(ctx, 'import', node);
      }
      const init = getSingleInit(variable);
      if (init) return next(init);
      // One variable, however many descriptions read it: one run-time text.
      return evaluateAppended(ctx, node, variable, next) ?? { ...dynamicResult(ctx, 'variable', node), key: def.name };
    }
    default:
      return dynamic(ctx, 'unknown', node);
  }
}

/** `import { TEXT } from './text.js'`: the exported constant of a relative module. */
function evaluateImport(ctx: Context, node: TSESTree.Identifier, variable: Variable, next: Next): Result {
  const resolved = resolveImportBinding(ctx, variable);
  if (!resolved) return dynamic(ctx, 'import', node);
  if (resolved.kind === 'namespace') return dynamic(ctx, 'import', node);
  return next(resolved.node, resolved.ctx);
}

type ImportTarget =
  | { readonly kind: 'export'; readonly node: TSESTree.Node; readonly ctx: Context }
  | { readonly kind: 'namespace'; readonly unit: SourceUnit; readonly ctx: Context };

/**
 * What a variable imported from a relative module stands for: an export, or the whole module
 * (`import * as text`, `const text = require('./text')`, whose members are the module's exports).
 */
function resolveImportBinding(ctx: Context, variable: Variable): ImportTarget | null {
  const imported = findRelativeImport(ctx.unit, variable);
  if (!imported) return null;
  const targetCtx: Context = { unit: imported.module, origin: describeFile(ctx.unit, imported.module) };
  if (imported.name === null) return { kind: 'namespace', unit: imported.module, ctx: targetCtx };
  const found = findExport(imported.module, imported.name);
  if (!found) return null;
  return { kind: 'export', node: found.node, ctx: { unit: found.unit, origin: describeFile(ctx.unit, found.unit) } };
}

/** "`./text.ts`": a followed module, relative to the file that imports it. */
function describeFile(from: SourceUnit, to: SourceUnit): string {
  const relative = path.relative(path.dirname(from.filename), to.filename).split(path.sep).join('/');
  return `\`${relative.startsWith('.') ? relative : `./${relative}`}\``;
}

/**
 * A parameter of a function the file calls directly and never hands out (not exported, not passed
 * as a value): its texts are the arguments of every call. Anything else is only known at run time.
 */
function evaluateParameter(ctx: Context, node: TSESTree.Identifier, variable: TSESLint.Scope.Variable, next: Next): Result {
  const def = variable.defs[0] as TSESLint.Scope.Definition;
  const fn = def.node;
  if (!isFunctionNode(fn)) return dynamic(ctx, 'parameter', node);
  const index = fn.params.findIndex((param) => param === def.name || (param.type === 'AssignmentPattern' && param.left === def.name));
  const calls = index < 0 ? null : findLocalCalls(ctx.unit, fn);
  if (!calls || calls.length === 0) return dynamic(ctx, 'parameter', node);
  const results: Result[] = [];
  for (const call of calls) {
    const argument = call.arguments[index];
    if (argument?.type === 'SpreadElement') return dynamic(ctx, 'parameter', node);
    const line = call.loc.start.line;
    const callCtx: Context = { unit: ctx.unit, origin: ctx.origin ?? `the call at line ${line}` };
    const param = fn.params[index];
    // A missing argument takes the parameter's default.
    const value = argument ?? (param?.type === 'AssignmentPattern' ? param.right : undefined);
    results.push(value ? next(value, callCtx) : NONE);
  }
  return union(results);
}

/** The calls of a function the file never lets out of its sight, or `null`. */
function findLocalCalls(unit: SourceUnit, fn: TSESTree.Node): TSESTree.CallExpression[] | null {
  let variable: TSESLint.Scope.Variable | undefined;
  if (fn.type === 'FunctionDeclaration' && fn.id) {
    if (fn.parent.type === 'ExportNamedDeclaration' || fn.parent.type === 'ExportDefaultDeclaration') return null;
    variable = getVariable(unit, fn.id);
  } else if ((fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') && fn.parent.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier') {
    const declaration = fn.parent.parent;
    if (declaration.parent.type === 'ExportNamedDeclaration') return null;
    variable = getVariable(unit, fn.parent.id);
  }
  if (!variable) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (parent.type !== 'CallExpression' || parent.callee !== identifier) return null;
    calls.push(parent);
    if (calls.length > MAX_CALL_SITES) return null;
  }
  return calls;
}

/** A function that returns its value (not a generator). */
function isPlainFunction(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return isFunctionNode(node) && !node.generator;
}

/** The function a called identifier names: declared or `const`-bound in the file, or exported by a relative module. */
function resolveFunction(ctx: Context, callee: TSESTree.Identifier): { node: FunctionNode; ctx: Context } | null {
  const variable = getVariable(ctx.unit, callee);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !def) return null;
  if (def.type === 'FunctionName') return isPlainFunction(def.node) ? { node: def.node, ctx } : null;
  if (def.type === 'ImportBinding' || (def.type === 'Variable' && isRequireDefinition(def))) {
    const target = resolveImportBinding(ctx, variable);
    if (target?.kind !== 'export') return null;
    const node = unwrapExpression(target.node);
    return isPlainFunction(node) ? { node, ctx: target.ctx } : null;
  }
  if (def.type !== 'Variable') return null;
  const init = getSingleInit(variable);
  const node = init ? unwrapExpression(init) : null;
  return isPlainFunction(node) ? { node, ctx } : null;
}


/**
 * Every value a function can return: its expression body, or the argument of each `return` of its
 * own (a `return;` gives no text). Parameters resolve as elsewhere: to the arguments of the file's
 * calls when the function never leaves the file, else the result is `dynamic`.
 */
function evaluateReturns(fn: { node: FunctionNode; ctx: Context }, next: Next): Result {
  const { node } = fn;
  if (node.body.type !== 'BlockStatement') return next(node.body, fn.ctx);
  const results: Result[] = [];
  for (const statement of ownReturns(fn.ctx.unit, node)) {
    results.push(statement.argument ? next(statement.argument, fn.ctx) : NONE);
    if (results.length > MAX_VARIANTS) break;
  }
  return union(results);
}

/**
 * `let text = 'A'; if (flag) { text += 'B'; } else { text += 'C'; }`: a `let` whose only other
 * writes are `+=` statements, in the declaring block's straight-line code, blocks and `if`/`else`
 * (each runs at most once, in order), every text it can end with (a branch taken or not). The read
 * must come after the last append, or sit in a function nested in the declaring one (a handler
 * that runs once the module is set up). `null` when the variable is not built that way.
 */
function evaluateAppended(ctx: Context, read: TSESTree.Identifier, variable: Variable, next: Next): Result | null {
  const def = variable.defs[0] as TSESLint.Scope.Definition;
  if (def.type !== 'Variable' || def.node.id !== def.name || def.node.init == null) return null;
  const declaration = def.node.parent;
  const block = declaration.parent;
  if (declaration.kind !== 'let') return null;
  if (block.type !== 'Program' && block.type !== 'BlockStatement') return null;
  const deferred = enclosingFunction(read) !== enclosingFunction(declaration);
  const appends = new Set<TSESTree.Node>();
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init === true) continue;
    const assignment = reference.identifier.parent;
    if (assignment.type !== 'AssignmentExpression' || assignment.operator !== '+=' || assignment.left !== reference.identifier) return null;
    if (assignment.parent.type !== 'ExpressionStatement') return null;
    if (!deferred && assignment.range[1] > read.range[0]) return null;
    appends.add(assignment.parent);
  }
  if (appends.size === 0) return null;
  let applied = 0;
  const contains = (statement: TSESTree.Node): boolean => {
    for (const append of appends) if (append.range[0] >= statement.range[0] && append.range[1] <= statement.range[1]) return true;
    return false;
  };
  const apply = (state: Result, statement: TSESTree.Node | null | undefined): Result | null => {
    if (!statement || !contains(statement)) return state;
    if (appends.has(statement) && statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      applied++;
      return combine(state, next(statement.expression.right), plus);
    }
    if (statement.type === 'BlockStatement') {
      let current: Result | null = state;
      for (const inner of statement.body) current = current && apply(current, inner);
      return current;
    }
    if (statement.type === 'IfStatement') {
      const taken = apply(state, statement.consequent);
      const other = apply(state, statement.alternate);
      return taken && other ? union([taken, other]) : null;
    }
    return null;
  };
  let state: Result | null = next(def.node.init);
  for (const statement of block.body.slice(block.body.indexOf(declaration) + 1)) {
    state = state && apply(state, statement);
  }
  return state && applied === appends.size ? state : null;
}

function evaluateMember(ctx: Context, node: TSESTree.MemberExpression, next: Next): Result {
  const ref = getModuleRef(node);
  if (ref?.module === 'process' && ref.path[0] === 'env') return dynamic(ctx, 'environment', node);
  const key = node.computed ? staticKey(ctx, node.property, next) : getKeyName(node);
  if (key === null) return dynamic(ctx, 'unknown', node);
  const namespace = getNamespaceExport(ctx, node.object, key);
  if (namespace) return next(namespace.node, namespace.ctx);
  const elements = getElements(ctx, node.object, next);
  if (elements) {
    // Each element of the array a loop walks over.
    return union(elements.map((element) => readProperty(element.ctx, element.node, key, next) ?? dynamic(element.ctx, 'unknown', node)));
  }
  const object = getObject(ctx, node.object, next);
  if (!object) return dynamic(ctx, rootReason(ctx, node), node);
  const value = readProperty(object.ctx, object.node, key, next);
  return value ?? dynamic(ctx, 'unknown', node);
}

function staticKey(ctx: Context, property: TSESTree.Node, next: Next): string | null {
  const result = next(property);
  return result.kind === 'values' && result.values.length === 1 ? String((result.values[0] as Value).value) : null;
}

/** Property `key` of an object literal or element `key` of an array literal. */
function readProperty(ctx: Context, container: TSESTree.Node, key: string, next: Next): Result | null {
  if (container.type === 'ObjectExpression') {
    const property = findProperty(container, key);
    return property ? next(property.value, ctx) : null;
  }
  if (container.type === 'ArrayExpression' && /^\d+$/.test(key)) {
    const element = container.elements[Number(key)];
    return element && element.type !== 'SpreadElement' ? next(element, ctx) : null;
  }
  return null;
}

interface Located {
  readonly node: TSESTree.Node;
  readonly ctx: Context;
}

/** The object or array literal an expression stands for, following constants and imports. */
function getObject(ctx: Context, raw: TSESTree.Node, next: Next, depth = 0): Located | null {
  if (depth > 8) return null;
  const node = unwrapExpression(raw);
  if (node.type === 'ObjectExpression' || node.type === 'ArrayExpression') return { node, ctx };
  if (node.type === 'Identifier') {
    const variable = getVariable(ctx.unit, node);
    if (variable?.defs.length !== 1) return null;
    const def = variable.defs[0] as TSESLint.Scope.Definition;
    if (def.type === 'ImportBinding' || isRequireDefinition(def)) {
      const target = resolveImportBinding(ctx, variable);
      if (target) return target.kind === 'namespace' ? null : getObject(target.ctx, target.node, next, depth + 1);
      if (def.type === 'ImportBinding') return null;
    }
    const init = getSingleInit(variable);
    return init ? getObject(ctx, init, next, depth + 1) : null;
  }
  if (node.type === 'MemberExpression') {
    const key = node.computed ? null : getKeyName(node);
    const namespace = key === null ? null : getNamespaceExport(ctx, node.object, key);
    if (namespace) return getObject(namespace.ctx, namespace.node, next, depth + 1);
    const outer = key === null ? null : getObject(ctx, node.object, next, depth + 1);
    if (outer && key !== null && outer.node.type === 'ObjectExpression') {
      const property = findProperty(outer.node, key);
      return property ? getObject(outer.ctx, property.value, next, depth + 1) : null;
    }
  }
  return null;
}

/**
 * `for (const tool of TOOLS)` and `TOOLS.forEach((tool) => …)` (also `map`, `flatMap`): the loop
 * variable stands for each element of a constant array without holes or spreads.
 */
function getIteratedArray(ctx: Context, raw: TSESTree.Node, next: Next): { node: TSESTree.ArrayExpression; ctx: Context } | null {
  const node = unwrapExpression(raw);
  if (node.type !== 'Identifier') return null;
  const variable = getVariable(ctx.unit, node);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || !def) return null;
  let iterated: TSESTree.Node | null = null;
  if (def.type === 'Variable' && def.node.init == null && def.node.id === def.name) {
    const declaration = def.node.parent;
    const loop = declaration.parent;
    if (loop.type === 'ForOfStatement' && loop.left === declaration) iterated = loop.right;
  } else if (def.type === 'Parameter' && isFunctionNode(def.node) && def.node.params[0] === def.name) {
    const call = def.node.parent;
    if (call.type === 'CallExpression' && call.arguments[0] === def.node && call.callee.type === 'MemberExpression' &&
      ['forEach', 'map', 'flatMap'].includes(getKeyName(call.callee) ?? '')) {
      iterated = call.callee.object;
    }
  }
  if (!iterated) return null;
  const array = getObject(ctx, iterated, next);
  if (array?.node.type !== 'ArrayExpression') return null;
  if (array.node.elements.some((element) => element === null || element.type === 'SpreadElement')) return null;
  return { node: array.node, ctx: array.ctx };
}

/** `import * as text from './text.js'` (or `const text = require('./text')`); `text.READ`: the export `READ` of that module. */
function getNamespaceExport(ctx: Context, object: TSESTree.Node, key: string): Located | null {
  const base = unwrapExpression(object);
  if (base.type !== 'Identifier') return null;
  const variable = getVariable(ctx.unit, base);
  const target = variable ? resolveImportBinding(ctx, variable) : null;
  const found = target?.kind === 'namespace' ? findExport(target.unit, key) : null;
  return found && target ? { node: found.node, ctx: { unit: found.unit, origin: target.ctx.origin } } : null;
}

/** The object literals a loop variable stands for (see {@link getIteratedArray}). */
function getElements(ctx: Context, raw: TSESTree.Node, next: Next): Located[] | null {
  const array = getIteratedArray(ctx, raw, next);
  if (!array) return null;
  const elements: Located[] = [];
  for (const element of array.node.elements) {
    const object = getObject(array.ctx, element as TSESTree.Node, next);
    if (!object) return null;
    elements.push(object);
  }
  return elements;
}

/** Why `object.property` cannot be read: it hangs off a parameter, a call, … */
function rootReason(ctx: Context, node: TSESTree.MemberExpression): DynamicReason {
  let root: TSESTree.Node = node;
  while (root.type === 'MemberExpression') root = unwrapExpression(root.object);
  if (root.type === 'CallExpression') return 'call';
  if (root.type === 'Identifier') {
    const def = getVariable(ctx.unit, root)?.defs[0];
    if (def?.type === 'Parameter') return 'parameter';
    if (def?.type === 'ImportBinding') return 'import';
  }
  return 'unknown';
}

const STRING_METHODS: Readonly<Record<string, (text: string) => string>> = {
  trim: (text) => text.trim(),
  trimStart: (text) => text.trimStart(),
  trimEnd: (text) => text.trimEnd(),
  toLowerCase: (text) => text.toLowerCase(),
  toUpperCase: (text) => text.toUpperCase(),
};

function evaluateCall(ctx: Context, node: TSESTree.CallExpression, next: Next): Result {
  const callee = unwrapExpression(node.callee);
  const ref = getModuleRef(callee);
  if (ref && (ref.module === 'fs' || ref.module === 'fs/promises') && /^readFile(Sync)?$/.test(ref.path[ref.path.length - 1] ?? '')) {
    return dynamic(ctx, 'file', node);
  }
  const args = node.arguments;
  if (args.some((arg) => arg.type === 'SpreadElement')) return dynamic(ctx, 'call', node);
  const plain = args as readonly TSESTree.Expression[];
  if (callee.type === 'Identifier') {
    if (callee.name === 'String' && plain.length === 1 && getVariable(ctx.unit, callee) === undefined) return mapValues(next(plain[0] as TSESTree.Node), String);
    if (DEDENT_TAGS.has(callee.name) && plain.length === 1) return mapValues(next(plain[0] as TSESTree.Node), dedent);
    const fn = resolveFunction(ctx, callee);
    if (!fn) return dynamic(ctx, 'call', node);
    const returned = evaluateReturns(fn, next);
    // Still run-time text: reported as this call, the same finding for every call of the helper.
    return returned.kind === 'dynamic' ? { ...dynamicResult(ctx, 'call', node), key: returned.key } : returned;
  }
  if (callee.type !== 'MemberExpression') return dynamic(ctx, 'call', node);
  const method = getKeyName(callee);
  if (method !== null && method in STRING_METHODS && plain.length === 0) {
    return mapValues(next(callee.object), STRING_METHODS[method] as (text: string) => string);
  }
  if (method === 'concat') {
    return plain.reduce<Result>((result, arg) => combine(result, next(arg), concatText), mapValues(next(callee.object), (text) => text));
  }
  if (method === 'join' && plain.length <= 1) {
    const array = getObject(ctx, callee.object, next);
    if (array?.node.type !== 'ArrayExpression') return dynamic(ctx, 'call', node);
    const separator = plain[0] ? next(plain[0]) : single(',', ctx);
    let result: Result | null = null;
    for (const element of array.node.elements) {
      if (!element || element.type === 'SpreadElement') return dynamic(ctx, 'call', node);
      const item = mapValues(next(element, array.ctx), (text) => text);
      result = result === null ? item : combine(combine(result, separator, concatText), item, concatText);
    }
    return result ?? single('', ctx);
  }
  return dynamic(ctx, 'call', node);
}

/** The source text of a node, shortened to one line. */
function sourceExcerpt(unit: SourceUnit, node: TSESTree.Node): string {
  const text = unit.text.slice(node.range[0], node.range[1]);
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= 40) return flat;
  // Keep the callee of a call: `readFileSync(…)`.
  if (node.type === 'CallExpression') {
    const callee = unit.text.slice(node.callee.range[0], node.callee.range[1]).replace(/\s+/g, ' ');
    if (callee.length <= 36) return `${callee}(…)`;
  }
  return `${flat.slice(0, 39)}…`;
}
