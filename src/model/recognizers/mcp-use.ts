import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression } from '../../util/ast.js';
import { getConfigDescriptions } from '../descriptions.js';
import { hasMcpServerType, importsAny } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { plainLens, type Lens } from '../lens.js';
import type { InputBinding, InputSchema, ToolHandler, ToolKind } from '../types.js';
import { argumentsBinding, plainArguments, readNameProperty, readSchema } from './common.js';
import type { Recognizer } from './types.js';

interface Shape {
  readonly kind: ToolKind;
  /** Where the callback sits when it is not the second argument. */
  readonly callbackKey: string;
  /** Schema properties, first found wins (`schema`, then the legacy `inputs`/`args` list). */
  readonly schemaKeys: readonly string[];
}

const SHAPES: Readonly<Record<string, Shape>> = {
  tool: { kind: 'tool', callbackKey: 'cb', schemaKeys: ['schema', 'inputs'] },
  prompt: { kind: 'prompt', callbackKey: 'cb', schemaKeys: ['schema', 'args'] },
  resource: { kind: 'resource', callbackKey: 'readCallback', schemaKeys: [] },
  resourceTemplate: { kind: 'resource-template', callbackKey: 'readCallback', schemaKeys: ['schema'] },
};

/**
 * mcp-use (`mcp-use/server`): `server.tool({ name, description, schema | inputs, cb? }, cb?)`,
 * `server.prompt({ name, description, schema | args, cb? }, cb?)`, `server.resource({ name, uri,
 * description, readCallback? }, cb?)` (fixed URI: no input) and `server.resourceTemplate({ name,
 * resourceTemplate: { uriTemplate } | uriTemplate, description, readCallback? }, cb?)` (callback
 * `(uri, params, ctx)`: the URI and `params` are input). Only in files that import mcp-use (or whose
 * receiver is typed as its server).
 *
 * Input: the callback's param 0 (the validated arguments; the legacy `inputs` list is advertised
 * and type-checked loosely). Param 1 is `ctx`; `ctx.req` is the HTTP request (client-controlled,
 * secondary).
 */
export const recognizeMcpUse: Recognizer = (node, unit) =>
  node.type === 'CallExpression' ? recognizeMcpUseCall(node, plainLens(unit)) : null;

/** The callee names this recognizer reads (see `recognizers/calls.ts`). */
export const MCP_USE_CALL_NAMES: readonly string[] = Object.keys(SHAPES);

export function recognizeMcpUseCall(call: TSESTree.CallExpression, lens: Lens): readonly ToolHandler[] | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  const method = getKeyName(callee);
  const shape = method === null ? undefined : SHAPES[method];
  const args = plainArguments(call);
  if (!shape || !args || args.length < 1 || args.length > 2) return null;
  if (!importsAny(lens.unit, ['mcp-use']) && !hasMcpServerType(lens.unit, callee.object)) return null;
  const config = lens.value(args[0] as TSESTree.Expression);
  if (config.type !== 'ObjectExpression') return null;
  const callback = args[1] ?? lens.property(config, shape.callbackKey)?.value;
  if (!callback) return null;
  const { handler, wrappers } = resolveHandler(lens.unit, callback, lens);
  const role = shape.kind === 'tool' ? 'tool' : shape.kind === 'prompt' ? 'prompt' : 'resource';
  const descriptions = getConfigDescriptions(lens, config, role);
  const template = lens.property(config, 'resourceTemplate');
  const templateValue = template && lens.value(template.value);
  if (templateValue?.type === 'ObjectExpression') descriptions.push(...getConfigDescriptions(lens, templateValue, 'resource'));
  let inputSchema: InputSchema | null = null;
  for (const key of shape.schemaKeys) {
    const schema = lens.property(config, key);
    if (!schema) continue;
    const read = readSchema(lens, schema.value, key === 'schema');
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
    break;
  }
  const { name, nameNode } = readNameProperty(lens, config, 'name');
  let inputs: InputBinding[];
  if (shape.kind === 'resource') inputs = [];
  else if (shape.kind === 'resource-template') inputs = [argumentsBinding(0), argumentsBinding(1)];
  else inputs = [argumentsBinding(0), { param: 1, path: ['req'], origin: 'secondary' }];
  return [{
    framework: 'mcp-use',
    kind: shape.kind,
    registration: call,
    name,
    nameNode,
    descriptions,
    inputSchema,
    handler,
    inputs,
    wrappers,
    resultStyle: 'call-tool-result',
  }];
}
