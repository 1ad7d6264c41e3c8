import type { TSESTree } from '@typescript-eslint/utils';

import { getModuleRef } from '../../util/module-refs.js';
import { getConfigDescriptions } from '../descriptions.js';
import { getReceiver, importsAny, isMcpCode } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { plainLens, type Lens } from '../lens.js';
import type { Framework, InputBinding, InputSchema, ToolHandler, ToolKind } from '../types.js';
import { argumentsBinding, getCalleeName, isFunctionValue, plainArguments, readNameProperty, readSchema } from './common.js';
import type { Recognizer } from './types.js';

const METHOD_KINDS: Readonly<Record<string, ToolKind>> = { tool: 'tool', prompt: 'prompt', resource: 'resource', template: 'resource-template' };
const DEFINE_KINDS: Readonly<Record<string, ToolKind>> = { defineTool: 'tool', definePrompt: 'prompt', defineResource: 'resource', defineTemplate: 'resource-template' };

/**
 * tmcp: `server.tool({ name, description, schema }, execute)`, `server.prompt(…)`,
 * `server.resource({ name, description, uri }, (uri) => …)` (fixed URI: no input) and
 * `server.template({ name, description, uri, complete }, (uri, params) => …)` (the URI and `params`
 * are input), and the same four as `defineTool(…)`/`definePrompt`/`defineResource`/`defineTemplate`
 * from `tmcp/*`. A definition is reported where `define*` is called; `server.tool(def)` and
 * `server.tools([...])` add nothing (the definition is often in another file, reported there).
 *
 * Input: param 0 when a `schema` is set (tmcp calls `execute()` with nothing otherwise). The
 * object-first `tool({...}, fn)` shape is shared with mcp-use (left to its recognizer in files that
 * import mcp-use); in a file importing neither, with an MCP import or the unmistakable shape
 * `{ name, description }` + a function, it is reported as `'generic'` with param 0 as input.
 */
export const recognizeTmcp: Recognizer = (node, unit) =>
  node.type === 'CallExpression' ? recognizeTmcpCall(node, plainLens(unit)) : null;

/** The callee names this recognizer reads (see `recognizers/calls.ts`). */
export const TMCP_CALL_NAMES: readonly string[] = [...Object.keys(METHOD_KINDS), ...Object.keys(DEFINE_KINDS)];

export function recognizeTmcpCall(call: TSESTree.CallExpression, lens: Lens): readonly ToolHandler[] | null {
  const name = getCalleeName(call);
  if (name === null) return null;
  const receiver = getReceiver(call);
  let kind: ToolKind | undefined;
  let framework: Framework;
  if (receiver && name in METHOD_KINDS) {
    kind = METHOD_KINDS[name];
    if (importsAny(lens.unit, ['tmcp', '@tmcp/'])) framework = 'tmcp';
    else if (importsAny(lens.unit, ['mcp-use'])) return null;
    else framework = 'generic';
  } else if (name in DEFINE_KINDS) {
    kind = DEFINE_KINDS[name];
    if (!getModuleRef(call.callee)?.module.startsWith('tmcp')) return null;
    framework = 'tmcp';
  } else {
    return null;
  }
  const args = plainArguments(call);
  if (!kind || args?.length !== 2) return null;
  const config = lens.value(args[0] as TSESTree.Expression);
  const callback = args[1] as TSESTree.Expression;
  if (config.type !== 'ObjectExpression' || !isFunctionValue(lens, callback)) return null;
  if (framework === 'generic' && !isMcpCode(lens.unit, receiver) &&
    !(kind === 'tool' && lens.property(config, 'name') && lens.property(config, 'description'))) return null;
  const { handler, wrappers } = resolveHandler(lens.unit, callback, lens);
  const role = kind === 'tool' ? 'tool' : kind === 'prompt' ? 'prompt' : 'resource';
  const descriptions = getConfigDescriptions(lens, config, role);
  let inputSchema: InputSchema | null = null;
  const schema = lens.property(config, 'schema');
  if (schema) {
    const read = readSchema(lens, schema.value, true);
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  const { name: toolName, nameNode } = readNameProperty(lens, config, 'name');
  let inputs: InputBinding[];
  if (kind === 'resource') inputs = [];
  else if (kind === 'resource-template') inputs = [argumentsBinding(0), argumentsBinding(1)];
  else inputs = schema || framework === 'generic' ? [argumentsBinding(0)] : [];
  return [{
    framework,
    kind,
    registration: call,
    name: toolName,
    nameNode,
    descriptions,
    inputSchema,
    handler,
    inputs,
    wrappers,
    resultStyle: 'call-tool-result',
  }];
}
