import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression } from '../../util/ast.js';
import { getConfigDescriptions } from '../descriptions.js';
import { plainLens } from '../lens.js';
import type { InputBinding, InputSchema, ToolKind } from '../types.js';
import { argumentsBinding, readNameProperty, readSchema } from './common.js';
import { getFrameworkDecorators } from './decorators.js';
import type { Recognizer } from './types.js';

const MCP_NEST = ['@rekog/mcp-nest'];
const KINDS: Readonly<Record<string, ToolKind>> = { Tool: 'tool', Prompt: 'prompt', Resource: 'resource', ResourceTemplate: 'resource-template' };
const DECORATORS = new Set(Object.keys(KINDS));

/** The HTTP request MCP-Nest passes as the third argument of a tool method: client-controlled. */
const REQUEST_PATHS: readonly (readonly string[])[] = [['headers'], ['query'], ['body']];

/**
 * MCP-Nest (`@rekog/mcp-nest`): methods decorated `@Tool({ name, description, parameters })`,
 * `@Prompt({ name, description, parameters })`, `@ResourceTemplate({ uriTemplate, name,
 * description })` (param 0 `{ uri, ...variables }` is input) and `@Resource({ uri, name,
 * description })` (fixed URI: no input). The registration and the handler are the method.
 *
 * Input: param 0 (v1.x); in v2 `@McpController` classes, the parameter decorated `@Payload()`
 * instead. For tools, the HTTP request (param 2 in v1) is secondary input: its headers, query and
 * body. MCP-Nest validates `parameters` before calling the method.
 */
export const recognizeMcpNest: Recognizer = (node, unit) => {
  if (node.type !== 'MethodDefinition' || node.decorators.length === 0 || node.value.type !== 'FunctionExpression') return null;
  const [decorator] = getFrameworkDecorators(node, MCP_NEST, DECORATORS, unit);
  if (!decorator) return null;
  const lens = plainLens(unit);
  const kind = KINDS[decorator.name] as ToolKind;
  const [option] = decorator.call.arguments;
  const config = option && option.type !== 'SpreadElement' ? lens.value(option) : null;
  const role = kind === 'tool' ? 'tool' : kind === 'prompt' ? 'prompt' : 'resource';
  const descriptions = config?.type === 'ObjectExpression' ? getConfigDescriptions(lens, config, role) : [];
  let inputSchema: InputSchema | null = null;
  const schema = config?.type === 'ObjectExpression' ? lens.property(config, 'parameters') : undefined;
  if (schema) {
    const read = readSchema(lens, schema.value, true);
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  const named = config?.type === 'ObjectExpression' ? readNameProperty(lens, config, 'name') : null;
  const fn = node.value;
  const payload = fn.params.findIndex((param) => param.decorators.some((d) => decoratorName(d) === 'Payload'));
  const inputParam = payload >= 0 ? payload : 0;
  let inputs: InputBinding[] = [];
  if (kind !== 'resource') inputs = [argumentsBinding(inputParam)];
  if (kind === 'tool' && payload < 0 && fn.params.length >= 3) {
    inputs.push(...REQUEST_PATHS.map((path) => ({ param: 2, path, origin: 'secondary' as const })));
  }
  return [{
    framework: 'mcp-nest',
    kind,
    registration: node,
    name: named?.name ?? getKeyName(node),
    nameNode: named?.nameNode ?? node.key,
    descriptions,
    inputSchema,
    handler: fn,
    inputs,
    wrappers: [],
    resultStyle: 'raw-value',
  }];
};

function decoratorName(decorator: TSESTree.Decorator): string | null {
  const expression = unwrapExpression(decorator.expression);
  const callee = expression.type === 'CallExpression' ? unwrapExpression(expression.callee) : expression;
  return callee.type === 'Identifier' ? callee.name : null;
}
