import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression } from '../../util/ast.js';
import { getConfigDescriptions } from '../descriptions.js';
import { hasMcpServerType, importsAny } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { plainLens, type Lens } from '../lens.js';
import type { InputSchema, ToolHandler } from '../types.js';
import { argumentsBinding, isFunctionValue, plainArguments, readName, readNameProperty, readSchema } from './common.js';
import type { Recognizer } from './types.js';

/**
 * mcp-lite (Fiberplane): `server.tool('echo', { description, inputSchema, handler })`,
 * `server.prompt('name', { description, arguments, handler })` and
 * `server.resource('github://repos/{owner}/{repo}', { description }, async (uri, vars) => …)` (a
 * template when the URI has `{…}`: the URI and the variables are input; a fixed URI is not).
 *
 * Told apart from the SDK's `tool(name, …, cb)` by shape: the second argument is a config object
 * holding the handler (tools, prompts), or metadata followed by the callback (resources). Accepted
 * in files that import `mcp-lite`, or (tools) when the config is unmistakable: a function-valued
 * `handler` next to `inputSchema` or `description`.
 */
export const recognizeMcpLite: Recognizer = (node, unit) =>
  node.type === 'CallExpression' ? recognizeMcpLiteCall(node, plainLens(unit)) : null;

/** The callee names this recognizer reads (see `recognizers/calls.ts`). */
export const MCP_LITE_CALL_NAMES: readonly string[] = ['tool', 'prompt', 'resource'];

export function recognizeMcpLiteCall(call: TSESTree.CallExpression, lens: Lens): readonly ToolHandler[] | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  const method = getKeyName(callee);
  if (method === null || !MCP_LITE_CALL_NAMES.includes(method)) return null;
  const args = plainArguments(call);
  if (!args || args.length < 2) return null;
  const { name, ok } = readName(lens, args[0]);
  if (!ok) return null;
  const isMcpLite = importsAny(lens.unit, ['mcp-lite']) || hasMcpServerType(lens.unit, callee.object);
  const config = lens.value(args[1] as TSESTree.Expression);
  if (config.type !== 'ObjectExpression') return null;
  if (method === 'resource') return args.length === 3 && isMcpLite ? [resource(lens, call, args, config)] : null;
  if (args.length !== 2) return null;
  const handlerProperty = lens.property(config, 'handler');
  if (!handlerProperty || !isFunctionValue(lens, handlerProperty.value)) return null;
  if (!isMcpLite && !(method === 'tool' && (lens.property(config, 'inputSchema') || lens.property(config, 'description')))) return null;
  const { handler, wrappers } = resolveHandler(lens.unit, handlerProperty.value, lens);
  const kind = method === 'tool' ? 'tool' : 'prompt';
  const descriptions = getConfigDescriptions(lens, config, kind);
  let inputSchema: InputSchema | null = null;
  const schema = lens.property(config, kind === 'tool' ? 'inputSchema' : 'arguments') ?? lens.property(config, 'inputSchema');
  if (schema) {
    // A Standard Schema (zod, valibot, …) is validated; a plain JSON Schema literal is only advertised.
    const read = readSchema(lens, schema.value, lens.value(schema.value).type === 'CallExpression');
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  return [{
    framework: 'mcp-lite',
    kind,
    registration: call,
    name,
    nameNode: lens.site(args[0] as TSESTree.Expression),
    descriptions,
    inputSchema,
    handler,
    inputs: [argumentsBinding(0)],
    wrappers,
    resultStyle: 'call-tool-result',
  }];
}

function resource(lens: Lens, call: TSESTree.CallExpression, args: readonly TSESTree.Expression[], metadata: TSESTree.ObjectExpression): ToolHandler {
  const uri = readName(lens, args[0]);
  const isTemplate = uri.name === null || /\{[^}]+\}/.test(uri.name);
  const { handler, wrappers } = resolveHandler(lens.unit, args[2] as TSESTree.Expression, lens);
  const named = readNameProperty(lens, metadata, 'name');
  return {
    framework: 'mcp-lite',
    kind: isTemplate ? 'resource-template' : 'resource',
    registration: call,
    name: named.name ?? uri.name,
    nameNode: named.nameNode ?? lens.site(args[0] as TSESTree.Expression),
    descriptions: getConfigDescriptions(lens, metadata, 'resource'),
    inputSchema: null,
    handler,
    inputs: isTemplate ? [argumentsBinding(0), argumentsBinding(1)] : [],
    wrappers,
    resultStyle: 'call-tool-result',
  };
}
