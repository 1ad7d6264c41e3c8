import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, getStaticString, unwrapExpression } from '../../util/ast.js';
import { getParameterDescriptions } from '../descriptions.js';
import { resolveHandler } from '../handler-resolution.js';
import type { Lens } from '../lens.js';
import { summarizeArgumentList, summarizeSchema, type Resolve } from '../schema.js';
import type { DescriptionSite, InputBinding, InputSchema } from '../types.js';

/** The whole parameter `param` (or the property `path` inside it) carries the client's arguments. */
export function argumentsBinding(param: number, path: readonly string[] = []): InputBinding {
  return { param, path, origin: 'arguments' };
}

/** The method name of `x.method(…)` or the function name of `fn(…)`. */
export function getCalleeName(call: TSESTree.CallExpression): string | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'MemberExpression') return getKeyName(callee);
  return callee.type === 'Identifier' ? callee.name : null;
}

/** The arguments of a call, or `null` when one is a spread (then positions are unknown). */
export function plainArguments(call: TSESTree.CallExpression): readonly TSESTree.Expression[] | null {
  return call.arguments.some((a) => a.type === 'SpreadElement') ? null : (call.arguments as readonly TSESTree.Expression[]);
}

export interface NameRead {
  readonly name: string | null;
  /** The node is a string expression (a literal, a template, a constant), even if not static. */
  readonly ok: boolean;
}

/** A tool/prompt name argument: a string expression (a literal, a template, an identifier, a key). */
export function readName(lens: Lens, node: TSESTree.Node | undefined): NameRead {
  if (!node) return { name: null, ok: false };
  const value = lens.value(node);
  // The key of an Object.entries pair names itself.
  if (value.type === 'Identifier' && value.parent.type === 'Property' && value.parent.key === value && !value.parent.computed) {
    return { name: value.name, ok: true };
  }
  if (value.type === 'Literal') return typeof value.value === 'string' ? { name: value.value, ok: true } : { name: null, ok: false };
  if (value.type === 'TemplateLiteral' || value.type === 'Identifier' || value.type === 'MemberExpression' || value.type === 'BinaryExpression') {
    return { name: getStaticString(lens.unitOf(value), value), ok: true };
  }
  return { name: null, ok: false };
}

/** The static string value of a property of a definition object, with its node. */
export function readNameProperty(lens: Lens, object: TSESTree.ObjectExpression, key: string): { name: string | null; nameNode: TSESTree.Node | null } {
  const property = lens.property(object, key);
  if (!property) return { name: null, nameNode: null };
  return { name: readName(lens, property.value).name, nameNode: lens.site(property.value) };
}

/** True when `node` evaluates to a function (inline, a declaration, a method, an import, or a wrapped one). */
export function isFunctionValue(lens: Lens, node: TSESTree.Node): boolean {
  const { handler, wrappers } = resolveHandler(lens.unit, node, lens);
  return handler !== null || wrappers.length > 0;
}

export interface SchemaRead {
  readonly inputSchema: InputSchema;
  /** `.describe()` / JSON Schema `description` texts inside the schema. */
  readonly descriptions: DescriptionSite[];
}

/**
 * Summarises the schema at `node` (read through the lens, so a loop element's or an imported
 * schema is seen); `InputSchema.node` stays the expression as written at the registration.
 */
export function readSchema(lens: Lens, node: TSESTree.Node, validated: boolean): SchemaRead {
  const site = lens.site(node);
  const resolved = lens.value(site);
  const unit = lens.unitOf(resolved);
  const summary = resolved.type === 'ArrayExpression' ? summarizeArgumentList(unit, resolved, validated, resolverOf(lens)) : summarizeSchema(unit, resolved, validated, resolverOf(lens));
  return { inputSchema: { ...summary, node: site }, descriptions: getParameterDescriptions(unit, resolved) };
}

/** The lens's `value` as a schema resolver (`schema.ts` follows names through it). */
export function resolverOf(lens: Lens): Resolve {
  return (node) => lens.value(node);
}
