import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression, type FunctionNode } from '../../util/ast.js';
import { memoizeByUnit } from '../../util/memo.js';
import { getImportedModules, getModuleRef } from '../../util/module-refs.js';
import { getVariable, type SourceUnit } from '../../util/source-unit.js';
import { getConfigDescriptions } from '../descriptions.js';
import { importsAny } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { plainLens, type Lens } from '../lens.js';
import type { Framework, InputSchema, ToolHandler } from '../types.js';
import { argumentsBinding, plainArguments, readName, readNameProperty, readSchema } from './common.js';
import type { Recognizer } from './types.js';

/** Properties of pre-v1 Mastra's single `execute` argument; the tool input is its `context`. */
const PRE_V1_KEYS = new Set(['context', 'runtimeContext', 'mastra', 'threadId', 'resourceId', 'runId', 'suspend', 'resumeData', 'writer', 'tracingContext', 'tracingPolicy']);

/** Where `createTool` (Mastra) and `tool` (the AI SDK) come from. */
const TOOL_FACTORY_MODULES = ['@mastra/', 'ai'];
const importsToolFactory = memoizeByUnit((unit: SourceUnit): boolean => importsAny(unit, TOOL_FACTORY_MODULES));
/** Modules whose import marks a file as an MCP *server* (an AI SDK `tool()` there is an MCP tool). */
const SERVER_MODULES = /^(?:@modelcontextprotocol\/(?:sdk\/server|server)|fastmcp|firecrawl-fastmcp|mcp-handler|@vercel\/mcp-adapter|agents\/mcp|xmcp|tmcp|mcp-lite|mcp-framework|@rekog\/mcp-nest|easy-mcp|mcp-use\/server)/;

/**
 * Mastra: `createTool({ id, description, inputSchema, execute })` from `@mastra/core/tools` (or
 * `@mastra/core`). Every `createTool` call is a handler site, whether or not an `MCPServer` is in
 * sight (tools usually live in their own files). The name is `id` (inside `new MCPServer({ tools:
 * { key: … } })` the MCP name is the key; that is not followed).
 *
 * The input depends on the Mastra version, read from the handler itself:
 * - v1: `execute(inputData, context)`: param 0.
 * - pre-v1 (≤ 0.24): `execute({ context, runtimeContext }, options)`: the input is the `context`
 *   property of param 0. Chosen when param 0 destructures `context` (or another pre-v1 key such as
 *   `runtimeContext`/`mastra`), or when the body reads `param0.context`.
 *
 * Vercel AI SDK `tool({ description, inputSchema | parameters, execute })` from `ai` is an MCP
 * tool only when the file is an MCP server file: it imports `MCPServer` from `@mastra/mcp` (then the
 * framework is `'mastra'`) or a server API of another MCP framework (`'generic'`). In a chat app it
 * is the app's own tool, and it is not reported. Both frameworks validate the schema; any returned
 * value reaches the model (`'raw-value'`).
 */
export const recognizeMastra: Recognizer = (node, unit) =>
  node.type === 'CallExpression' ? recognizeMastraCall(node, plainLens(unit)) : null;

/**
 * The callee names this recognizer reads (see `recognizers/calls.ts`); it also reads a tool factory
 * imported under another name (`import { tool as aiTool } from 'ai'`).
 */
export const MASTRA_CALL_NAMES: readonly string[] = ['createTool', 'tool'];

export function recognizeMastraCall(call: TSESTree.CallExpression, lens: Lens): readonly ToolHandler[] | null {
  const callee = unwrapExpression(call.callee);
  const local = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? getKeyName(callee) : null;
  if (local === null || call.arguments.length !== 1) return null;
  // Both tool factories are imports of the call's file: a file that imports neither has none of these calls.
  if (!importsToolFactory(lens.unit) && (lens.loop === null || !importsToolFactory(lens.unitOf(call)))) return null;
  // Cheap first: the usual names, or an identifier imported under another name (`tool as aiTool`).
  if (!MASTRA_CALL_NAMES.includes(local) && !(callee.type === 'Identifier' && isImportBinding(lens, callee))) return null;
  const args = plainArguments(call);
  if (args?.length !== 1) return null;
  const ref = getModuleRef(callee);
  const imported = ref?.path[ref.path.length - 1];
  let framework: Framework;
  if (ref?.module.startsWith('@mastra/') && imported === 'createTool') framework = 'mastra';
  else if (ref?.module === 'ai' && imported === 'tool') {
    const server = getServerKind(lens.unit);
    if (server === null) return null;
    framework = server;
  } else return null;
  const config = lens.value(args[0] as TSESTree.Expression);
  if (config.type !== 'ObjectExpression') return null;
  const execute = lens.property(config, 'execute');
  if (!execute) return null;
  const { handler, wrappers } = resolveHandler(lens.unit, execute.value, lens);
  const descriptions = getConfigDescriptions(lens, config, 'tool');
  let inputSchema: InputSchema | null = null;
  const schema = lens.property(config, 'inputSchema') ?? lens.property(config, 'parameters');
  if (schema) {
    const read = readSchema(lens, schema.value, true);
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  const isCreateTool = framework === 'mastra' && imported === 'createTool';
  const named = isCreateTool ? readNameProperty(lens, config, 'id') : keyName(lens, call);
  return [{
    framework,
    kind: 'tool',
    registration: call,
    name: named.name,
    nameNode: named.nameNode,
    descriptions,
    inputSchema,
    handler,
    inputs: [isCreateTool && handler && isPreV1(lens.unitOf(handler), handler) ? argumentsBinding(0, ['context']) : argumentsBinding(0)],
    wrappers,
    resultStyle: 'raw-value',
  }];
}

function isImportBinding(lens: Lens, identifier: TSESTree.Identifier): boolean {
  return getVariable(lens.unit, identifier)?.defs[0]?.type === 'ImportBinding';
}

/** `{ weather: tool({...}) }`: the key names the tool. */
function keyName(lens: Lens, call: TSESTree.CallExpression): { name: string | null; nameNode: TSESTree.Node | null } {
  const parent = call.parent;
  if (parent.type !== 'Property' || parent.value !== call) return { name: null, nameNode: null };
  return { name: parent.computed ? readName(lens, parent.key).name : getKeyName(parent), nameNode: parent.key };
}

/** Whether the file is an MCP server file, and whose (for an AI SDK `tool()` in it). */
const getServerKind = memoizeByUnit((unit: SourceUnit): Framework | null => {
  for (const statement of unit.ast.body) {
    if (statement.type !== 'ImportDeclaration' || !statement.source.value.startsWith('@mastra/mcp')) continue;
    if (statement.specifiers.some((s) => s.type === 'ImportSpecifier' && s.imported.type === 'Identifier' && s.imported.name === 'MCPServer')) return 'mastra';
  }
  for (const module of getImportedModules(unit)) if (SERVER_MODULES.test(module)) return 'generic';
  return null;
});

/** Pre-v1 `execute({ context })`: param 0 destructures a pre-v1 key, or the body reads `param0.context`. */
function isPreV1(unit: SourceUnit, handler: FunctionNode): boolean {
  const raw = handler.params[0];
  const param = raw?.type === 'AssignmentPattern' ? raw.left : raw;
  if (!param) return false;
  if (param.type === 'ObjectPattern') {
    return param.properties.some((p) => p.type === 'Property' && PRE_V1_KEYS.has(getKeyName(p) ?? ''));
  }
  if (param.type !== 'Identifier') return false;
  const variable = getVariable(unit, param);
  return variable?.references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent.type === 'MemberExpression' && parent.object === reference.identifier && getKeyName(parent) === 'context';
  }) ?? false;
}
