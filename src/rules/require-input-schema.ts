import type { TSESTree } from '@typescript-eslint/utils';

import { getToolHandlers, type InputBinding, type ToolHandler } from '../model/index.js';
import { plainLens, type Lens } from '../model/lens.js';
import { findProperty, getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { getSourceUnit, getUnitOfNode, getVariable, type SourceUnit } from '../util/source-unit.js';

export type Options = [{ validators: string[] }];
export type MessageId = 'missingSchema' | 'unvalidatedArguments' | 'permissiveSchema';

export default createRule<Options, MessageId>({
  name: 'require-input-schema',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require tools that read their arguments to validate them with a schema that constrains every field',
      recommended: false,
      cwe: ['CWE-20'],
      owasp: ['MCP05'],
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/require-input-schema.md',
    },
    messages: {
      missingSchema:
        'Tool {{tool}} reads its arguments (`{{read}}`) but registers no input schema, so nothing validates them. Declare an input schema that types and bounds every argument.',
      unvalidatedArguments:
        'Arguments of {{tool}} are read (`{{read}}`) without being validated: {{why}}. Parse them with a schema first (`Schema.safeParse(args)`) and use only the parsed result.',
      permissiveSchema:
        'The input schema of tool {{tool}} accepts {{what}} (`{{construct}}`), so those values reach the handler unchecked. Declare every field with its type, and reject unknown keys.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          validators: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Project functions that validate the arguments passed to them, besides the built-in names (`parse`, `safeParse`, `validate…`, `assert…`, `is…`): a function name (`checkInput`) or a method path (`validator.check`), matched against the end of the callee.',
          },
        },
      },
    ],
    defaultOptions: [{ validators: [] }],
  },
  create(context, [{ validators }]) {
    const userValidators = validators.map((name) => name.split('.'));
    return {
      'Program:exit'() {
        const unit = getSourceUnit(context);
        for (const tool of getToolHandlers(unit)) {
          if (tool.kind !== 'tool' || getUnitOfNode(tool.registration) !== unit) continue;
          const name = tool.name === null ? 'this tool' : `\`${tool.name}\``;
          const unchecked = tool.inputSchema === null || !tool.inputSchema.validated;
          const read = unchecked && !isSchemaUnknown(unit, tool) ? findUnvalidatedRead(tool, userValidators) : null;
          if (read) {
            if (tool.framework === 'mcp-sdk-low-level') {
              context.report({ node: tool.registration, messageId: 'unvalidatedArguments', data: { tool: 'the `tools/call` handler', read, why: 'the low-level server passes `request.params.arguments` on as the client sent them' } });
            } else if (tool.inputSchema) {
              context.report({ node: tool.registration, messageId: 'unvalidatedArguments', data: { tool: `tool ${name}`, read, why: 'its schema is only advertised to the client, the framework does not enforce it' } });
            } else {
              context.report({ node: tool.registration, messageId: 'missingSchema', data: { tool: name, read } });
            }
            continue;
          }
          const permissive = tool.inputSchema ? findPermissive(plainLens(unit), tool.inputSchema.node) : null;
          if (permissive) context.report({ node: tool.registration, messageId: 'permissiveSchema', data: { tool: name, what: permissive.what, construct: permissive.construct } });
        }
      },
    };
  },
});

/**
 * The SDK's `registerTool(name, config, cb)` with a config the model cannot see (imported from a
 * package, built by a call): whether it has a schema is unknown, so its absence is not a finding.
 */
function isSchemaUnknown(unit: SourceUnit, tool: ToolHandler): boolean {
  if (tool.framework !== 'mcp-sdk' || tool.inputSchema !== null || tool.registration.type !== 'CallExpression') return false;
  const callee = unwrapExpression(tool.registration.callee);
  if (callee.type !== 'MemberExpression' || getKeyName(callee) !== 'registerTool') return false;
  const config = tool.registration.arguments[1];
  return config !== undefined && plainLens(unit).value(config).type !== 'ObjectExpression';
}

/** Functions that validate what they are given: `Schema.parse(args)`, `validate(args)`, `isReadArgs(args)`, … */
function isValidatorName(name: string): boolean {
  return /^(?:safeParse|parse|parseAsync|safeParseAsync|spa|decode|create|check|Check|Parse|Decode|is)$/.test(name) ||
    /^(?:validate|assert|is[A-Z]|parse[A-Z]|guard)/.test(name);
}

const MAX_FOLLOW = 3;

/** What the read search needs: the unit of the handler, and the project's validators (as name paths). */
interface ReadScope {
  readonly unit: SourceUnit;
  readonly validators: readonly (readonly string[])[];
}

function isValidatorCall(call: TSESTree.CallExpression, validators: readonly (readonly string[])[]): boolean {
  const name = getCalleeName(call);
  if (name !== null && isValidatorName(name)) return true;
  const path = getCalleePath(call.callee);
  return validators.some((validator) => validator.length <= path.length && validator.every((segment, i) => segment === path[path.length - validator.length + i]));
}

/** `a.b.c(…)` gives `['a', 'b', 'c']`; anything that is not a name path gives what it can. */
function getCalleePath(node: TSESTree.Node): string[] {
  const callee = unwrapExpression(node);
  if (callee.type === 'Identifier') return [callee.name];
  if (callee.type === 'ThisExpression') return ['this'];
  if (callee.type !== 'MemberExpression') return [];
  const name = getKeyName(callee);
  return name === null ? [] : [...getCalleePath(callee.object), name];
}

/**
 * The first place the handler reads its client arguments other than by handing them to a
 * validator, as source text (`args.path`), or `null` when it never does.
 */
function findUnvalidatedRead(tool: ToolHandler, validators: readonly (readonly string[])[]): string | null {
  const fn = tool.handler;
  if (!fn) return null;
  const unit = getUnitOfNode(fn);
  if (!unit) return null;
  for (const binding of tool.inputs) {
    if (binding.origin !== 'arguments') continue;
    const read = readsOfParameter({ unit, validators }, fn, binding, 0);
    if (read) return excerpt(unit, read);
  }
  return null;
}

function readsOfParameter(scope: ReadScope, fn: FunctionNode, binding: Pick<InputBinding, 'param' | 'path'>, depth: number): TSESTree.Node | null {
  const param = fn.params[binding.param];
  if (!param) return null;
  return readsOfPattern(scope, param, binding.path, depth);
}

/** A binding pattern receives a value whose `path` is the arguments. */
function readsOfPattern(scope: ReadScope, pattern: TSESTree.Node, path: readonly string[], depth: number): TSESTree.Node | null {
  switch (pattern.type) {
    case 'Identifier':
      return readsOfVariable(scope, pattern, path, depth);
    case 'AssignmentPattern':
      return readsOfPattern(scope, pattern.left, path, depth);
    case 'TSParameterProperty':
      return readsOfPattern(scope, pattern.parameter, path, depth);
    case 'ObjectPattern': {
      if (path.length === 0) return pattern.properties.length > 0 ? pattern : null;
      for (const property of pattern.properties) {
        if (property.type === 'RestElement') return property; // `...rest` copies the arguments along
        if (getKeyName(property) === path[0]) return readsOfPattern(scope, property.value, path.slice(1), depth);
      }
      return null;
    }
    default:
      return path.length === 0 ? pattern : null;
  }
}

function readsOfVariable(scope: ReadScope, identifier: TSESTree.Identifier, path: readonly string[], depth: number): TSESTree.Node | null {
  const variable = getVariable(scope.unit, identifier);
  if (!variable) return null;
  for (const reference of variable.references) {
    if (reference.init === true || reference.isWrite()) continue;
    const read = readsOfValue(scope, reference.identifier, path, depth);
    if (read) return read;
  }
  return null;
}

/** `node` evaluates to a value whose `path` is the arguments: find a read of them. */
function readsOfValue(scope: ReadScope, node: TSESTree.Node, path: readonly string[], depth: number): TSESTree.Node | null {
  let use = outermost(node);
  let rest = path;
  // Step down `request.params.arguments`.
  while (rest.length > 0 && use.parent?.type === 'MemberExpression' && use.parent.object === use) {
    if (getKeyName(use.parent) !== rest[0]) return null; // `request.params.name`: not the arguments
    use = outermost(use.parent);
    rest = rest.slice(1);
  }
  const parent = use.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'MemberExpression':
      return rest.length === 0 ? parent : null;
    case 'VariableDeclarator':
      // `const { name, arguments: args } = request.params`, `const args = request.params.arguments`
      return parent.init === use ? readsOfPattern(scope, parent.id, rest, depth) : null;
    case 'LogicalExpression':
      // `args ?? {}` is the arguments again.
      return parent.left === use && (parent.operator === '??' || parent.operator === '||') ? readsOfValue(scope, parent, rest, depth) : null;
    case 'CallExpression': {
      if (parent.callee === use) return null;
      if (rest.length === 0 && isValidatorCall(parent, scope.validators)) return null;
      const index = parent.arguments.indexOf(use as TSESTree.CallExpressionArgument);
      const local = depth < MAX_FOLLOW ? getLocalFunction(scope.unit, parent) : null;
      if (local) return readsOfParameter(scope, local, { param: index, path: rest }, depth + 1);
      return rest.length === 0 ? use : null;
    }
    case 'UnaryExpression':
      return null; // `!args`, `typeof args`
    case 'BinaryExpression':
      // `args == null` is a presence test; `'x' in args` reads a key.
      return parent.operator === 'in' && parent.right === use && rest.length === 0 ? parent : null;
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'WhileStatement':
      return null; // a presence test
    default:
      return rest.length === 0 ? use : null;
  }
}

/** The node itself, or the `as`/`!`/`satisfies`/`await`/`?.` wrapper around it. */
function outermost(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTransparent(current.parent)) current = current.parent;
  return current;
}

function isTransparent(node: TSESTree.Node): boolean {
  return node.type === 'TSAsExpression' || node.type === 'TSNonNullExpression' || node.type === 'TSSatisfiesExpression' ||
    node.type === 'TSTypeAssertion' || node.type === 'AwaitExpression' || node.type === 'ChainExpression';
}

function getCalleeName(call: TSESTree.CallExpression): string | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  return callee.type === 'MemberExpression' ? getKeyName(callee) : null;
}

/** A function of the same file called directly by name (`handleCall(request)`). */
function getLocalFunction(unit: SourceUnit, call: TSESTree.CallExpression): FunctionNode | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'Identifier') return null;
  const variable = getVariable(unit, callee);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || !def) return null;
  if (def.node.type === 'FunctionDeclaration') return def.node;
  if (def.node.type === 'VariableDeclarator' && def.node.init && isFunctionNode(def.node.init)) return def.node.init;
  return null;
}

function excerpt(unit: SourceUnit, node: TSESTree.Node): string {
  const text = unit.text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}

interface Permissive {
  readonly what: string;
  readonly construct: string;
}

/** Builder methods that accept any value. */
const ANY_BUILDERS = new Set(['any', 'unknown', 'Any', 'Unknown']);
/** Wrappers that convert a schema without changing what it accepts. */
const CONVERTERS = new Set(['fromJsonSchema', 'zodToJsonSchema', 'toJsonSchema', 'toJSONSchema', 'jsonSchema']);
/** JSON Schema keys that constrain a value (a field with none of them accepts anything). */
const JSON_SCHEMA_CONSTRAINTS = new Set(['type', 'enum', 'const', '$ref', 'anyOf', 'oneOf', 'allOf', 'not', 'properties', 'items', 'pattern', 'format']);

/**
 * The first construct in a schema that lets anything through: `z.any()`, `z.unknown()`,
 * `z.custom()` without a check, `.passthrough()`, `.loose()`, `.catchall(…)`, `z.looseObject`,
 * `z.record(…, z.any())`, valibot's `v.objectWithRest(…, v.unknown())`, a JSON Schema object with
 * `additionalProperties: true` and no properties, or a JSON Schema field with no constraint.
 */
function findPermissive(lens: Lens, schema: TSESTree.Node): Permissive | null {
  const seen = new Set<TSESTree.Node>();
  const visit = (raw: TSESTree.Node, field: string | null, depth: number, jsonSchema: boolean): Permissive | null => {
    if (depth > 12) return null;
    const node = lens.value(raw);
    if (seen.has(node)) return null;
    seen.add(node);
    const unit = lens.unitOf(node);
    const anyValue = field === null ? 'any value' : `any value for \`${field}\``;
    const unknownKeys = field === null ? 'unknown keys' : `unknown keys in \`${field}\``;
    if (node.type === 'CallExpression') {
      const callee = unwrapExpression(node.callee);
      const method = callee.type === 'MemberExpression' ? getKeyName(callee) : callee.type === 'Identifier' ? callee.name : null;
      const args = node.arguments.filter((a): a is TSESTree.Expression => a.type !== 'SpreadElement');
      if (method === null) return null;
      if (CONVERTERS.has(method)) return args[0] ? visit(args[0], field, depth + 1, method === 'fromJsonSchema' || method === 'jsonSchema') : null;
      const isBuilder = callee.type === 'Identifier' || (callee.type === 'MemberExpression' && isBuilderReceiver(callee.object));
      if (isBuilder) {
        if (ANY_BUILDERS.has(method)) return { what: anyValue, construct: excerpt(unit, node) };
        if (method === 'custom' && args.length === 0) return { what: anyValue, construct: excerpt(unit, node) };
        if (method === 'looseObject') return { what: unknownKeys, construct: excerpt(unit, node) };
        if (method === 'record' || method === 'objectWithRest') {
          const valueSchema = args[args.length - 1];
          if (valueSchema && isAnyValue(lens, valueSchema)) return { what: method === 'record' ? `${anyValue} under any key` : unknownKeys, construct: excerpt(unit, node) };
        }
      } else if (callee.type === 'MemberExpression') {
        if (method === 'passthrough' || method === 'loose') return { what: unknownKeys, construct: `.${method}()` };
        if (method === 'catchall' && !(args[0] && isNever(lens, args[0]))) return { what: unknownKeys, construct: `.catchall(${args[0] ? excerpt(unit, args[0]) : ''})` };
        const receiver = visit(callee.object, field, depth + 1, false);
        if (receiver) return receiver;
      }
      for (const arg of args) {
        const found = visit(arg, field, depth + 1, false);
        if (found) return found;
      }
      return null;
    }
    if (node.type !== 'ObjectExpression') return null;
    const keys = new Set(node.properties.map((p) => (p.type === 'Property' ? getKeyName(p) : null)));
    const looksLikeJsonSchema = jsonSchema || keys.has('type') || keys.has('properties') || keys.has('additionalProperties') || keys.has('$schema');
    if (!looksLikeJsonSchema) {
      // A raw zod shape: each property is a field.
      for (const property of node.properties) {
        if (property.type !== 'Property') continue;
        const key = getKeyName(property);
        const found = visit(property.value, key === null ? field : join(field, key), depth + 1, false);
        if (found) return found;
      }
      return null;
    }
    const type = findProperty(node, 'type');
    // mcp-framework's legacy shape: `{ path: { type: z.string(), description } }`.
    if (type && lens.value(type.value).type === 'CallExpression') return visit(type.value, field, depth + 1, false);
    const properties = findProperty(node, 'properties');
    const propertiesValue = properties ? lens.value(properties.value) : null;
    const additional = findProperty(node, 'additionalProperties');
    const additionalValue = additional ? lens.value(additional.value) : null;
    const hasProperties = propertiesValue?.type === 'ObjectExpression' && propertiesValue.properties.length > 0;
    if (additional && !hasProperties && (isTrue(additionalValue) || (additionalValue?.type === 'ObjectExpression' && additionalValue.properties.length === 0))) {
      return { what: field === null ? 'any object' : `any object for \`${field}\``, construct: excerpt(lens.unitOf(additional), additional) };
    }
    if (field !== null && ![...keys].some((key) => key !== null && JSON_SCHEMA_CONSTRAINTS.has(key)) && !additional) {
      return { what: anyValue, construct: excerpt(unit, node) };
    }
    if (propertiesValue?.type === 'ObjectExpression') {
      for (const property of propertiesValue.properties) {
        if (property.type !== 'Property') continue;
        const key = getKeyName(property);
        const found = visit(property.value, key === null ? field : join(field, key), depth + 1, true);
        if (found) return found;
      }
    }
    const items = findProperty(node, 'items');
    return items ? visit(items.value, field === null ? '[]' : `${field}[]`, depth + 1, true) : null;
  };
  return visit(schema, null, 0, false);
}

function join(field: string | null, key: string): string {
  return field === null ? key : `${field}.${key}`;
}

/** `z`, `v`, `Type`, `s` … or `z.coerce`: a namespace the schema builders hang off. */
function isBuilderReceiver(node: TSESTree.Node): boolean {
  const receiver = unwrapExpression(node);
  return receiver.type === 'Identifier' || (receiver.type === 'MemberExpression' && unwrapExpression(receiver.object).type === 'Identifier');
}

function builderMethod(lens: Lens, node: TSESTree.Node): string | null {
  const value = lens.value(node);
  if (value.type !== 'CallExpression') return null;
  const callee = unwrapExpression(value.callee);
  if (callee.type !== 'MemberExpression' || !isBuilderReceiver(callee.object)) return null;
  return getKeyName(callee);
}

function isAnyValue(lens: Lens, node: TSESTree.Node): boolean {
  return ANY_BUILDERS.has(builderMethod(lens, node) ?? '');
}

function isNever(lens: Lens, node: TSESTree.Node): boolean {
  return builderMethod(lens, node) === 'never';
}

function isTrue(node: TSESTree.Node | null): boolean {
  return node?.type === 'Literal' && node.value === true;
}
