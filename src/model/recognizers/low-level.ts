import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression } from '../../util/ast.js';
import { getModuleRef } from '../../util/module-refs.js';
import { resolveHandler } from '../handler-resolution.js';
import { SECONDARY_EXTRA_PATHS } from './mcp-sdk.js';
import type { InputBinding, ToolKind } from '../types.js';
import type { Recognizer } from './types.js';

/** Request schemas (v1 constants) and method strings (v2) of the requests that carry client input. */
const REQUESTS: readonly { schema: string; method: string; kind: ToolKind; input: readonly string[] }[] = [
  { schema: 'CallToolRequestSchema', method: 'tools/call', kind: 'tool', input: ['params', 'arguments'] },
  { schema: 'GetPromptRequestSchema', method: 'prompts/get', kind: 'prompt', input: ['params', 'arguments'] },
  { schema: 'ReadResourceRequestSchema', method: 'resources/read', kind: 'resource-template', input: ['params', 'uri'] },
];

/**
 * The low-level `Server` (and `mcpServer.server`): `setRequestHandler(CallToolRequestSchema |
 * 'tools/call', (request, extra) => …)`. The input is `request.params.arguments`; nothing validates
 * it, so there is no schema.
 */
export const recognizeLowLevel: Recognizer = (node, unit) => {
  if (node.type !== 'CallExpression') return null;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== 'MemberExpression' || getKeyName(callee) !== 'setRequestHandler') return null;
  const [first, second] = node.arguments;
  if (!first || !second || first.type === 'SpreadElement' || second.type === 'SpreadElement') return null;
  const request = findRequest(first);
  if (!request) return null;
  const { handler, wrappers } = resolveHandler(unit, second);
  const inputs: InputBinding[] = [
    { param: 0, path: request.input, origin: 'arguments' },
    { param: 0, path: ['params', '_meta'], origin: 'secondary' },
    ...SECONDARY_EXTRA_PATHS.filter((path) => path[0] !== '_meta').map((path) => ({ param: 1, path, origin: 'secondary' as const })),
  ];
  return [{
    framework: 'mcp-sdk-low-level',
    kind: request.kind,
    registration: node,
    name: null,
    nameNode: null,
    descriptions: [],
    inputSchema: null,
    handler,
    inputs,
    wrappers,
    resultStyle: 'call-tool-result',
  }];
};

function findRequest(node: TSESTree.Expression): (typeof REQUESTS)[number] | undefined {
  const value = unwrapExpression(node);
  if (value.type === 'Literal' && typeof value.value === 'string') return REQUESTS.find((r) => r.method === value.value);
  const ref = getModuleRef(value);
  // Imported from the SDK (`@modelcontextprotocol/sdk/types.js`, `@modelcontextprotocol/core`, …).
  if (ref?.module.startsWith('@modelcontextprotocol/')) return REQUESTS.find((r) => r.schema === ref.path[ref.path.length - 1]);
  return undefined;
}
