import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, resolveValue, unwrapExpression } from '../util/ast.js';
import { getModuleRef } from '../util/module-refs.js';
import type { SourceUnit } from '../util/source-unit.js';
import type { FieldConstraint, InputSchema } from './types.js';

/** Zod (and Valibot) builders that limit a value to a fixed set or a non-string type. */
const CONSTRAINING_BUILDERS: Readonly<Record<string, FieldConstraint>> = {
  enum: 'enum',
  nativeEnum: 'enum',
  picklist: 'enum',
  literal: 'literal',
  number: 'number',
  int: 'number',
  bigint: 'number',
  boolean: 'boolean',
};

/** Modifiers that keep the constraint of the schema they wrap. */
const TRANSPARENT_MODIFIERS = new Set(['optional', 'nullable', 'nullish', 'default', 'describe', 'min', 'max', 'int', 'positive', 'nonnegative', 'negative', 'finite', 'safe', 'step', 'multipleOf', 'gt', 'gte', 'lt', 'lte', 'catch', 'readonly', 'brand', 'meta']);

/**
 * Summarises a schema: which top-level fields are constrained. Understands raw zod shapes
 * (`{ a: z.string() }`), `z.object({...})` (and `.strict()`, `.describe()` …), `X.shape`, and JSON
 * Schema objects (`{ type: 'object', properties: { a: { enum: [...] } } }`).
 */
export function summarizeSchema(unit: SourceUnit, node: TSESTree.Node, validated: boolean, resolve: Resolve = unitResolver(unit)): InputSchema {
  return { node, validated, fields: readFields(resolve, node) };
}

/**
 * How schema code follows a name to its value: `resolveValue` within one unit by default; a
 * recognizer passes its lens (`lens.value`), which also follows relative imports, member access on
 * object literals and loop bindings.
 */
export type Resolve = (node: TSESTree.Node) => TSESTree.Node;

function unitResolver(unit: SourceUnit): Resolve {
  return (node) => resolveValue(unit, node);
}

function readFields(resolve: Resolve, node: TSESTree.Node): Map<string, FieldConstraint> {
  const fields = new Map<string, FieldConstraint>();
  const shape = findShapeObject(resolve, node);
  if (!shape) return fields;
  const properties = getJsonSchemaProperties(resolve, shape);
  const source = properties ?? shape;
  for (const property of source.properties) {
    if (property.type !== 'Property') continue;
    const name = getKeyName(property);
    if (name === null) continue;
    fields.set(name, properties ? classifyJsonSchema(resolve, property.value) : classifyShapeField(resolve, property.value));
  }
  return fields;
}

/** A raw-shape field: a zod/valibot expression, or mcp-framework's legacy `{ type: z.string(), description }`. */
function classifyShapeField(resolve: Resolve, node: TSESTree.Node): FieldConstraint {
  const value = resolve(node);
  if (value.type === 'ObjectExpression') {
    const type = value.properties.find((p): p is TSESTree.Property => p.type === 'Property' && getKeyName(p) === 'type');
    return type ? classifyZod(resolve, type.value) : 'unknown';
  }
  return classifyZod(resolve, value);
}

/**
 * Summarises an argument list such as FastMCP's prompt `arguments`, easy-mcp's `inputs` or
 * mcp-use's legacy `inputs`: `[{ name, type?, enum?, description, required }]`.
 */
export function summarizeArgumentList(unit: SourceUnit, node: TSESTree.Node, validated: boolean, resolve: Resolve = unitResolver(unit)): InputSchema {
  const fields = new Map<string, FieldConstraint>();
  const list = resolve(node);
  if (list.type === 'ArrayExpression') {
    for (const element of list.elements) {
      if (!element || element.type === 'SpreadElement') continue;
      const entry = resolve(element);
      if (entry.type !== 'ObjectExpression') continue;
      const nameProperty = entry.properties.find((p): p is TSESTree.Property => p.type === 'Property' && getKeyName(p) === 'name');
      const nameValue = nameProperty && unwrapExpression(nameProperty.value);
      if (nameValue?.type !== 'Literal' || typeof nameValue.value !== 'string') continue;
      fields.set(nameValue.value, classifyJsonSchema(resolve, entry));
    }
  }
  return { node, validated, fields };
}

/** The object literal holding the fields: the raw shape, `z.object(shape)`'s argument, `S.shape` target. */
function findShapeObject(resolve: Resolve, node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | null {
  if (depth > 6) return null;
  const value = resolve(node);
  if (value.type === 'ObjectExpression') return value;
  if (value.type === 'MemberExpression' && getKeyName(value) === 'shape') return findShapeObject(resolve, value.object, depth + 1);
  if (value.type === 'CallExpression' && value.callee.type === 'MemberExpression') {
    const method = getKeyName(value.callee);
    const first = value.arguments[0];
    if ((method === 'object' || method === 'strictObject' || method === 'looseObject') && first) return findShapeObject(resolve, first, depth + 1);
    // z.object({...}).strict() / .describe('…') / .extend(…): look at the receiver.
    return findShapeObject(resolve, value.callee.object, depth + 1);
  }
  return null;
}

function getJsonSchemaProperties(resolve: Resolve, object: TSESTree.ObjectExpression): TSESTree.ObjectExpression | null {
  for (const property of object.properties) {
    if (property.type === 'Property' && getKeyName(property) === 'properties') {
      const value = resolve(property.value);
      return value.type === 'ObjectExpression' ? value : null;
    }
  }
  return null;
}

/** How a zod/valibot expression such as `z.enum([...]).optional()` constrains its value. */
export function classifyZod(resolve: Resolve, node: TSESTree.Node, depth = 0): FieldConstraint {
  if (depth > 10) return 'unknown';
  const value = unwrapExpression(node);
  if (value.type !== 'CallExpression') {
    const resolved = resolve(value);
    return resolved === value ? 'unknown' : classifyZod(resolve, resolved, depth + 1);
  }
  const callee = unwrapExpression(value.callee);
  if (callee.type !== 'MemberExpression') return 'unknown';
  const method = getKeyName(callee);
  if (method === null) return 'unknown';
  let receiver = unwrapExpression(callee.object);
  let isBuilder = receiver.type === 'Identifier' || (receiver.type === 'MemberExpression' && receiver.object.type === 'Identifier');
  if (isBuilder) {
    // `Status.optional()` with `const Status = z.enum([…])`: a named schema with a modifier, not a builder.
    const named = resolve(receiver);
    if (named !== receiver && named.type === 'CallExpression' && unwrapExpression(named.callee).type === 'MemberExpression') {
      receiver = named;
      isBuilder = false;
    }
  }
  if (isBuilder) {
    if (method in CONSTRAINING_BUILDERS) return CONSTRAINING_BUILDERS[method] as FieldConstraint;
    const [first] = value.arguments;
    // valibot: v.optional(v.picklist([...])), v.pipe(v.string(), v.regex(/^…$/))
    if (VALIBOT_WRAPPERS.has(method)) return first ? classifyZod(resolve, first, depth + 1) : 'unknown';
    if (method === 'pipe') return classifyPipe(resolve, value.arguments, depth);
    if (method === 'union') return classifyUnion(resolve, value.arguments[0], depth);
    if (method === 'string') return 'string';
    return 'unknown';
  }
  if (method === 'regex') {
    const pattern = value.arguments[0];
    const base = classifyZod(resolve, receiver, depth + 1);
    return base === 'string' && pattern?.type === 'Literal' && 'regex' in pattern && isAnchored(pattern.regex.pattern) ? 'anchored-regex' : base;
  }
  if (TRANSPARENT_MODIFIERS.has(method)) return classifyZod(resolve, receiver, depth + 1);
  // .transform/.refine/.pipe and anything else: the output is no longer known.
  return method === 'trim' || method === 'toLowerCase' || method === 'toUpperCase' ? classifyZod(resolve, receiver, depth + 1) : 'unknown';
}

const VALIBOT_WRAPPERS = new Set(['optional', 'nullable', 'nullish', 'exactOptional', 'undefinedable', 'nonOptional', 'nonNullable', 'nonNullish']);
/** valibot actions that keep a value's type and set: length, size and range checks, metadata. */
const VALIBOT_CHECKS = new Set(['minLength', 'maxLength', 'length', 'nonEmpty', 'minValue', 'maxValue', 'integer', 'finite', 'safeInteger', 'multipleOf', 'description', 'title', 'metadata', 'brand', 'readonly', 'trim', 'toLowerCase', 'toUpperCase']);

function classifyPipe(resolve: Resolve, args: readonly TSESTree.CallExpressionArgument[], depth: number): FieldConstraint {
  const [schema, ...actions] = args;
  if (!schema || schema.type === 'SpreadElement') return 'unknown';
  let result = classifyZod(resolve, schema, depth + 1);
  for (const action of actions) {
    const call = action.type === 'CallExpression' ? action : null;
    const callee = call && unwrapExpression(call.callee);
    const name = callee?.type === 'MemberExpression' ? getKeyName(callee) : callee?.type === 'Identifier' ? callee.name : null;
    if (name === 'regex') {
      const pattern = call?.arguments[0];
      if (result === 'string' && pattern?.type === 'Literal' && 'regex' in pattern && isAnchored(pattern.regex.pattern)) result = 'anchored-regex';
    } else if (name === null || !VALIBOT_CHECKS.has(name)) {
      return 'unknown'; // transform, check, custom actions: the output is no longer known
    }
  }
  return result;
}

function classifyUnion(resolve: Resolve, members: TSESTree.Node | undefined, depth: number): FieldConstraint {
  if (members?.type !== 'ArrayExpression' || members.elements.length === 0) return 'unknown';
  const kinds = members.elements.map((e) => (e && e.type !== 'SpreadElement' ? classifyZod(resolve, e, depth + 1) : 'unknown'));
  return kinds.every((k) => k === 'literal' || k === 'enum') ? 'enum' : 'unknown';
}

/** `^…$` with no top-level alternation: the whole string must match. */
function isAnchored(pattern: string): boolean {
  return pattern.startsWith('^') && pattern.endsWith('$') && !pattern.endsWith('\\$') && !/(^|[^\\])\|/.test(stripGroups(pattern));
}

function stripGroups(pattern: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      if (depth === 0) out += pattern.slice(i, i + 2);
      i++;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

function classifyJsonSchema(resolve: Resolve, node: TSESTree.Node): FieldConstraint {
  const value = resolve(node);
  if (value.type !== 'ObjectExpression') return 'unknown';
  let constraint: FieldConstraint = 'unknown';
  for (const property of value.properties) {
    if (property.type !== 'Property') continue;
    const key = getKeyName(property);
    const v = unwrapExpression(property.value);
    if (key === 'enum') return 'enum';
    if (key === 'const') return 'literal';
    if (key === 'type' && v.type === 'Literal') {
      if (v.value === 'number' || v.value === 'integer') constraint = 'number';
      else if (v.value === 'boolean') constraint = 'boolean';
      else if (v.value === 'string' && constraint === 'unknown') constraint = 'string';
    }
    if (key === 'pattern' && v.type === 'Literal' && typeof v.value === 'string' && isAnchored(v.value)) constraint = 'anchored-regex';
  }
  return constraint;
}

/**
 * A raw zod shape as the SDK's `tool()` tells it apart from annotations: an object literal whose
 * values include a schema builder call, or the empty object.
 */
export function isRawShape(unit: SourceUnit, node: TSESTree.Node, resolve: Resolve = unitResolver(unit)): boolean {
  const value = resolve(node);
  if (value.type !== 'ObjectExpression') {
    // z.object(...) or an identifier we cannot see through: treat as a schema.
    return value.type === 'CallExpression' || (value.type === 'MemberExpression' && getKeyName(value) === 'shape');
  }
  if (value.properties.length === 0) return true;
  return value.properties.some((p) => p.type === 'Property' && unwrapExpression(p.value).type === 'CallExpression');
}

/**
 * A zod raw shape as evidence on its own (no MCP import in the file): an object literal whose every
 * value is a zod schema (see {@link isZodSchema}), `Schema.shape` of one, or a zod schema itself.
 */
export function isZodShape(resolve: Resolve, node: TSESTree.Node): boolean {
  const value = resolve(node);
  if (value.type === 'ObjectExpression') {
    return value.properties.length > 0 && value.properties.every((p) => p.type === 'Property' && !p.computed && isZodSchema(resolve, p.value));
  }
  if (value.type === 'MemberExpression' && getKeyName(value) === 'shape') return isZodSchema(resolve, value.object);
  return isZodSchema(resolve, value);
}

/**
 * A call chain rooted at a builder of the `zod` module (imported or required, under any name):
 * `z.string().optional()`, `Named.describe('…')` with `const Named = z.enum([…])` (in this module
 * or one it imports, as far as `resolve` follows).
 */
export function isZodSchema(resolve: Resolve, node: TSESTree.Node): boolean {
  let value = resolve(node);
  for (let hop = 0; hop < 16 && value.type === 'CallExpression'; hop++) {
    const callee = unwrapExpression(value.callee);
    if (callee.type !== 'MemberExpression') return false;
    const ref = getModuleRef(callee);
    if (ref && (ref.module === 'zod' || ref.module.startsWith('zod/'))) return true;
    value = resolve(callee.object);
  }
  return false;
}
