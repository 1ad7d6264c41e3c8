import type { TSESTree } from '@typescript-eslint/utils';

import { findProperty, getKeyName, getStaticString, resolveValue, unwrapExpression } from '../../util/ast.js';
import type { SourceUnit } from '../../util/source-unit.js';
import { importsMcpFramework } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { isRawShape, summarizeSchema } from '../schema.js';
import type { DescriptionSite, InputBinding, InputSchema, ToolHandler, ToolKind } from '../types.js';
import type { Recognizer } from './types.js';

/** Client-controlled values on the SDK's `extra` (v1) argument, besides the tool arguments. */
const SECONDARY_EXTRA_PATHS: readonly (readonly string[])[] = [['_meta'], ['requestInfo', 'headers']];

function extraBindings(param: number): InputBinding[] {
  return SECONDARY_EXTRA_PATHS.map((path) => ({ param, path, origin: 'secondary' as const }));
}

function argumentsBinding(param: number): InputBinding {
  return { param, path: [], origin: 'arguments' };
}

/**
 * The official SDK's `McpServer` (v1 `@modelcontextprotocol/sdk`, v2 `@modelcontextprotocol/server`,
 * and the same calls inside mcp-handler, `@vercel/mcp-adapter`, Cloudflare `agents`):
 * `registerTool(name, config, cb)`, the deprecated variadic `tool(name, [description], [shape],
 * [annotations], cb)`, and the prompt and resource equivalents. ext-apps' `registerAppTool(server,
 * name, config, cb)` has the registerTool shape after its first argument.
 */
export const recognizeMcpSdk: Recognizer = (node, unit) => {
  if (node.type !== 'CallExpression') return null;
  const callee = unwrapExpression(node.callee);
  let method: string | null = null;
  let args: readonly TSESTree.CallExpressionArgument[] = node.arguments;
  if (callee.type === 'MemberExpression') method = getKeyName(callee);
  else if (callee.type === 'Identifier' && callee.name === 'registerAppTool') {
    method = 'registerTool';
    args = node.arguments.slice(1);
  }
  if (method === null || args.some((a) => a.type === 'SpreadElement')) return null;
  const plain = args as readonly TSESTree.Expression[];
  switch (method) {
    case 'registerTool':
      return single(registerForm(unit, node, plain, 'tool'));
    case 'registerPrompt':
      return single(registerForm(unit, node, plain, 'prompt'));
    case 'tool':
      return single(variadicToolForm(unit, node, plain, 'tool'));
    case 'prompt':
      return single(variadicToolForm(unit, node, plain, 'prompt'));
    case 'registerResource':
    case 'resource':
      return single(resourceForm(unit, node, plain));
    default:
      return null;
  }
};

function single(handler: ToolHandler | null): readonly ToolHandler[] | null {
  return handler ? [handler] : null;
}

/** The name argument: a string expression (a literal, a template, or an identifier). */
function readName(unit: SourceUnit, node: TSESTree.Expression | undefined): { name: string | null; ok: boolean } {
  if (!node) return { name: null, ok: false };
  const value = unwrapExpression(node);
  if (value.type === 'Literal') return { name: typeof value.value === 'string' ? value.value : null, ok: typeof value.value === 'string' };
  if (value.type === 'TemplateLiteral' || value.type === 'Identifier' || value.type === 'MemberExpression' || value.type === 'BinaryExpression') {
    const resolved = resolveValue(unit, value);
    if (resolved.type === 'ObjectExpression' || resolved.type === 'ArrowFunctionExpression' || resolved.type === 'FunctionExpression') return { name: null, ok: false };
    return { name: getStaticString(unit, value), ok: true };
  }
  return { name: null, ok: false };
}

/** Strong enough evidence that this call registers an MCP tool in this file. */
function isMcpContext(unit: SourceUnit, config: TSESTree.Node | null): boolean {
  if (importsMcpFramework(unit)) return true;
  // No MCP import (an injected server): accept the unmistakable config shape.
  return config?.type === 'ObjectExpression' && findProperty(config, 'description') !== undefined &&
    (findProperty(config, 'inputSchema') !== undefined || findProperty(config, 'argsSchema') !== undefined);
}

function registerForm(unit: SourceUnit, call: TSESTree.CallExpression, args: readonly TSESTree.Expression[], kind: ToolKind): ToolHandler | null {
  if (args.length < 3) return null;
  const { name, ok } = readName(unit, args[0]);
  if (!ok) return null;
  const callback = args[args.length - 1] as TSESTree.Expression;
  const config = resolveValue(unit, args[1] as TSESTree.Expression);
  if (!isMcpContext(unit, config)) return null;
  const { handler, wrappers } = resolveHandler(unit, callback);
  const schemaKey = kind === 'prompt' ? 'argsSchema' : 'inputSchema';
  const descriptions: DescriptionSite[] = [];
  let inputSchema: InputSchema | null = null;
  // An unresolvable config is assumed to carry a schema: missing an input is worse than a false one.
  let hasSchema = config.type !== 'ObjectExpression';
  if (config.type === 'ObjectExpression') {
    const description = findProperty(config, 'description');
    if (description) descriptions.push({ node: description.value, role: kind === 'prompt' ? 'prompt' : 'tool' });
    const title = findProperty(config, 'title');
    if (title) descriptions.push({ node: title.value, role: 'title' });
    const annotations = findProperty(config, 'annotations');
    const annotationsValue = annotations && resolveValue(unit, annotations.value);
    const annotationTitle = annotationsValue?.type === 'ObjectExpression' ? findProperty(annotationsValue, 'title') : undefined;
    if (annotationTitle) descriptions.push({ node: annotationTitle.value, role: 'title' });
    const schema = findProperty(config, schemaKey);
    if (schema) {
      hasSchema = true;
      inputSchema = summarizeSchema(unit, schema.value, true);
      descriptions.push(...getParameterDescriptions(unit, schema.value));
    }
  }
  return {
    framework: 'mcp-sdk',
    kind,
    registration: call,
    name,
    nameNode: args[0] ?? null,
    descriptions,
    inputSchema,
    handler,
    inputs: hasSchema ? [argumentsBinding(0), ...extraBindings(1)] : extraBindings(0),
    wrappers,
    resultStyle: 'call-tool-result',
  };
}

function variadicToolForm(unit: SourceUnit, call: TSESTree.CallExpression, args: readonly TSESTree.Expression[], kind: ToolKind): ToolHandler | null {
  if (args.length < 2) return null;
  const { name, ok } = readName(unit, args[0]);
  if (!ok || !importsMcpFramework(unit)) return null;
  const callback = args[args.length - 1] as TSESTree.Expression;
  const { handler, wrappers } = resolveHandler(unit, callback);
  if (!handler && wrappers.length === 0 && resolveValue(unit, callback).type === 'ObjectExpression') return null; // tmcp/mcp-lite shapes
  const rest = args.slice(1, -1);
  const descriptions: DescriptionSite[] = [];
  let index = 0;
  const first = rest[0];
  if (first && isStringExpression(unit, first)) {
    descriptions.push({ node: first, role: kind === 'prompt' ? 'prompt' : 'tool' });
    index = 1;
  }
  let inputSchema: InputSchema | null = null;
  const shape = rest[index];
  // The SDK's own rule: with two or more arguments left, a raw zod shape there is the params schema.
  if (shape && isRawShape(unit, shape)) {
    inputSchema = summarizeSchema(unit, shape, true);
    descriptions.push(...getParameterDescriptions(unit, shape));
  }
  return {
    framework: 'mcp-sdk',
    kind,
    registration: call,
    name,
    nameNode: args[0] ?? null,
    descriptions,
    inputSchema,
    handler,
    inputs: inputSchema ? [argumentsBinding(0), ...extraBindings(1)] : extraBindings(0),
    wrappers,
    resultStyle: 'call-tool-result',
  };
}

function resourceForm(unit: SourceUnit, call: TSESTree.CallExpression, args: readonly TSESTree.Expression[]): ToolHandler | null {
  if (args.length < 3 || !importsMcpFramework(unit)) return null;
  const { name, ok } = readName(unit, args[0]);
  if (!ok) return null;
  const target = resolveValue(unit, args[1] as TSESTree.Expression);
  const isTemplate = target.type === 'NewExpression' && target.callee.type === 'Identifier' && target.callee.name === 'ResourceTemplate';
  const callback = args[args.length - 1] as TSESTree.Expression;
  const { handler, wrappers } = resolveHandler(unit, callback);
  const descriptions: DescriptionSite[] = [];
  const metadata = args.length >= 4 ? resolveValue(unit, args[2] as TSESTree.Expression) : null;
  if (metadata?.type === 'ObjectExpression') {
    const description = findProperty(metadata, 'description');
    if (description) descriptions.push({ node: description.value, role: 'resource' });
    const title = findProperty(metadata, 'title');
    if (title) descriptions.push({ node: title.value, role: 'title' });
  }
  return {
    framework: 'mcp-sdk',
    kind: isTemplate ? 'resource-template' : 'resource',
    registration: call,
    name,
    nameNode: args[0] ?? null,
    descriptions,
    inputSchema: null,
    handler,
    // A template's URI and variables come from the client; a fixed resource's URI is the server's own.
    inputs: isTemplate ? [argumentsBinding(0), argumentsBinding(1), ...extraBindings(2)] : extraBindings(1),
    wrappers,
    resultStyle: 'call-tool-result',
  };
}

function isTextValue(unit: SourceUnit, node: TSESTree.Node): boolean {
  const value = resolveValue(unit, node);
  return (value.type === 'Literal' && typeof value.value === 'string') || value.type === 'TemplateLiteral' ||
    (value.type === 'BinaryExpression' && value.operator === '+');
}

function isStringExpression(unit: SourceUnit, node: TSESTree.Expression): boolean {
  const value = resolveValue(unit, node);
  if (value.type === 'Literal') return typeof value.value === 'string';
  if (value.type === 'TemplateLiteral') return true;
  if (value.type === 'BinaryExpression' && value.operator === '+') return true;
  return getStaticString(unit, node) !== null;
}

/** `.describe('…')` calls and JSON Schema `description` keys inside a schema: LLM-visible too. */
export function getParameterDescriptions(unit: SourceUnit, schema: TSESTree.Node): DescriptionSite[] {
  const sites: DescriptionSite[] = [];
  const seen = new Set<TSESTree.Node>();
  const visit = (raw: TSESTree.Node, depth: number): void => {
    if (depth > 8) return;
    const node = resolveValue(unit, raw);
    if (seen.has(node)) return;
    seen.add(node);
    if (node.type === 'CallExpression') {
      const callee = unwrapExpression(node.callee);
      if (callee.type === 'MemberExpression') {
        if (getKeyName(callee) === 'describe' && node.arguments[0]) sites.push({ node: node.arguments[0], role: 'parameter' });
        visit(callee.object, depth + 1);
      }
      for (const arg of node.arguments) if (arg.type !== 'SpreadElement') visit(arg, depth + 1);
    } else if (node.type === 'ObjectExpression') {
      for (const property of node.properties) {
        if (property.type !== 'Property') continue;
        // A JSON Schema `description` holds text; a field *named* description holds a schema.
        if (getKeyName(property) === 'description' && isTextValue(unit, property.value)) sites.push({ node: property.value, role: 'parameter' });
        else visit(property.value, depth + 1);
      }
    } else if (node.type === 'ArrayExpression') {
      for (const element of node.elements) if (element && element.type !== 'SpreadElement') visit(element, depth + 1);
    }
  };
  visit(schema, 0);
  return sites;
}
