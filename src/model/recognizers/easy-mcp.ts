import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression } from '../../util/ast.js';
import { getConfigDescriptions } from '../descriptions.js';
import { hasMcpServerType, importsAny } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { plainLens, type Lens } from '../lens.js';
import type { InputBinding, InputSchema, ToolHandler, ToolKind } from '../types.js';
import { argumentsBinding, plainArguments, readName, readNameProperty, readSchema } from './common.js';
import { getFrameworkDecorators } from './decorators.js';
import type { Recognizer } from './types.js';

const EASY_MCP = ['easy-mcp'];

const OBJECT_SHAPES: Readonly<Record<string, { kind: ToolKind; schemaKey: string | null }>> = {
  tool: { kind: 'tool', schemaKey: 'inputs' },
  prompt: { kind: 'prompt', schemaKey: 'args' },
  resource: { kind: 'resource', schemaKey: null },
  template: { kind: 'resource-template', schemaKey: null },
};

const DECORATORS = new Set(['Tool', 'Prompt', 'Resource']);

/**
 * easy-mcp (zcaceres), both APIs, in files that import `easy-mcp`:
 * - objects: `mcp.tool({ name, description, inputs, fn })`, `mcp.prompt({ name, description, args,
 *   fn })`, `mcp.template({ uriTemplate, name, description, fn })` (param 0: the variables) and
 *   `mcp.resource({ uri, name, description, fn })` (fixed: no input); input is `fn` param 0.
 * - decorators on methods of an `EasyMCP` subclass: `@Tool({ description })`, `@Prompt()`,
 *   `@Resource('greeting/{name}')`: **every** positional parameter is a tool argument, except one
 *   typed `Context` (the framework's context object); a `@Resource` without `{…}` in its URI has none.
 *
 * easy-mcp does not validate arguments against `inputs`, so the summary is `validated: false`.
 */
export const recognizeEasyMcp: Recognizer = (node, unit) => {
  if (node.type === 'CallExpression') return recognizeEasyMcpCall(node, plainLens(unit));
  if (node.type === 'MethodDefinition' && node.decorators.length > 0) return recognizeEasyMcpMethod(node, plainLens(unit));
  return null;
};

/** The callee names this recognizer reads (see `recognizers/calls.ts`). */
export const EASY_MCP_CALL_NAMES: readonly string[] = Object.keys(OBJECT_SHAPES);

export function recognizeEasyMcpCall(call: TSESTree.CallExpression, lens: Lens): readonly ToolHandler[] | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  const method = getKeyName(callee);
  const shape = method === null ? undefined : OBJECT_SHAPES[method];
  const args = plainArguments(call);
  if (!shape || args?.length !== 1) return null;
  if (!importsAny(lens.unit, EASY_MCP) && !hasMcpServerType(lens.unit, callee.object)) return null;
  const config = lens.value(args[0] as TSESTree.Expression);
  if (config.type !== 'ObjectExpression') return null;
  const fn = lens.property(config, 'fn');
  if (!fn) return null;
  const { handler, wrappers } = resolveHandler(lens.unit, fn.value, lens);
  const role = shape.kind === 'tool' ? 'tool' : shape.kind === 'prompt' ? 'prompt' : 'resource';
  const descriptions = getConfigDescriptions(lens, config, role);
  let inputSchema: InputSchema | null = null;
  const schema = shape.schemaKey === null ? undefined : lens.property(config, shape.schemaKey);
  if (schema) {
    const read = readSchema(lens, schema.value, false);
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  const { name, nameNode } = readNameProperty(lens, config, 'name');
  return [{
    framework: 'easy-mcp',
    kind: shape.kind,
    registration: call,
    name,
    nameNode,
    descriptions,
    inputSchema,
    handler,
    inputs: shape.kind === 'resource' ? [] : [argumentsBinding(0)],
    wrappers,
    resultStyle: 'raw-value',
  }];
}

function recognizeEasyMcpMethod(method: TSESTree.MethodDefinition, lens: Lens): readonly ToolHandler[] | null {
  const [decorator] = getFrameworkDecorators(method, EASY_MCP, DECORATORS, lens.unit);
  const fn = method.value;
  if (!decorator || fn.type !== 'FunctionExpression') return null;
  const [option] = decorator.call.arguments;
  const config = option && option.type !== 'SpreadElement' ? lens.value(option) : null;
  let kind: ToolKind = decorator.name === 'Tool' ? 'tool' : decorator.name === 'Prompt' ? 'prompt' : 'resource';
  let hasInput = true;
  if (kind === 'resource') {
    const uri = option && option.type !== 'SpreadElement' ? readName(lens, option).name : null;
    hasInput = uri === null || /\{[^}]+\}/.test(uri);
    if (hasInput) kind = 'resource-template';
  }
  const role = kind === 'tool' ? 'tool' : kind === 'prompt' ? 'prompt' : 'resource';
  const descriptions = config?.type === 'ObjectExpression' ? getConfigDescriptions(lens, config, role) : [];
  let inputSchema: InputSchema | null = null;
  const schema = config?.type === 'ObjectExpression' ? lens.property(config, 'parameters') ?? lens.property(config, 'args') : undefined;
  if (schema) {
    const read = readSchema(lens, schema.value, false);
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  const configName = config?.type === 'ObjectExpression' ? readNameProperty(lens, config, 'name') : null;
  const inputs: InputBinding[] = hasInput
    ? fn.params.flatMap((param, index) => (isContextParam(param) ? [] : [argumentsBinding(index)]))
    : [];
  return [{
    framework: 'easy-mcp',
    kind,
    registration: method,
    name: configName?.name ?? getKeyName(method),
    nameNode: configName?.nameNode ?? method.key,
    descriptions,
    inputSchema,
    handler: fn,
    inputs,
    wrappers: [],
    resultStyle: 'raw-value',
  }];
}

/** A parameter typed `Context` (easy-mcp passes its context object there, not an argument). */
function isContextParam(param: TSESTree.Parameter): boolean {
  const annotation = 'typeAnnotation' in param ? param.typeAnnotation?.typeAnnotation : undefined;
  return annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' && annotation.typeName.name === 'Context';
}
