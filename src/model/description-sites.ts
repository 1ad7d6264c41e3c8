import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { getModuleRef } from '../util/module-refs.js';
import type { SourceUnit } from '../util/source-unit.js';
import { getParameterDescriptions } from './descriptions.js';
import { importsMcpFramework } from './frameworks.js';
import { resolveHandler } from './handler-resolution.js';
import { iterateElements, plainLens, type Lens } from './lens.js';
import type { DescriptionRole, DescriptionSite } from './types.js';

/** Finds description sites that belong to no handler; like a recognizer, pure and per node. */
export type SiteRecognizer = (node: TSESTree.Node, unit: SourceUnit) => readonly DescriptionSite[] | null;

/** Server classes whose options carry `instructions` (the SDK's, FastMCP's, mcp-lite's, tmcp's, mcp-use's, Mastra's). */
const SERVER_CLASSES = new Set(['McpServer', 'Server', 'FastMCP', 'EdgeFastMCP', 'LiteMCP', 'MCPServer']);

/**
 * Server-level `instructions`: `new McpServer(info, { instructions })`, `new Server(info, {
 * instructions, capabilities })`, `new FastMCP({ name, version, instructions })` (and the other
 * server classes, options in argument 0 or 1), and `createMcpHandler(init, { instructions })`.
 * Accepted when the class comes from an MCP module, or the file imports one.
 */
export const recognizeInstructions: SiteRecognizer = (node, unit) => {
  if (node.type !== 'NewExpression' && node.type !== 'CallExpression') return null;
  const callee = unwrapExpression(node.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? getKeyName(callee) : null;
  let candidates: readonly TSESTree.CallExpressionArgument[];
  if (node.type === 'NewExpression' && name !== null && SERVER_CLASSES.has(name)) candidates = node.arguments.slice(0, 2);
  else if (node.type === 'CallExpression' && name === 'createMcpHandler') candidates = node.arguments.slice(1, 2);
  else return null;
  const module = getModuleRef(callee)?.module;
  if (!(module !== undefined && module !== 'globalThis' && !module.startsWith('.') ? isMcpModule(module) : importsMcpFramework(unit))) return null;
  const lens = plainLens(unit);
  const sites: DescriptionSite[] = [];
  for (const candidate of candidates) {
    if (candidate.type === 'SpreadElement') continue;
    const options = lens.value(candidate);
    const instructions = options.type === 'ObjectExpression' ? lens.property(options, 'instructions') : undefined;
    if (instructions) sites.push({ node: lens.site(instructions.value), role: 'instructions' });
  }
  return sites.length > 0 ? sites : null;
};

function isMcpModule(module: string): boolean {
  return /^(?:@modelcontextprotocol\/|fastmcp|firecrawl-fastmcp|litemcp|mcp-handler|@vercel\/mcp-adapter|agents\/mcp|tmcp|mcp-lite|mcp-use|@mastra\/mcp|xmcp)/.test(module);
}

interface ListRequest {
  readonly schema: string;
  readonly method: string;
  /** The result property holding the list. */
  readonly key: string;
  readonly role: DescriptionRole;
  /** Where an entry's parameter descriptions sit. */
  readonly parameterKeys: readonly string[];
}

const LIST_REQUESTS: readonly ListRequest[] = [
  { schema: 'ListToolsRequestSchema', method: 'tools/list', key: 'tools', role: 'tool-list', parameterKeys: ['inputSchema', 'schema', 'parameters'] },
  { schema: 'ListPromptsRequestSchema', method: 'prompts/list', key: 'prompts', role: 'prompt', parameterKeys: ['arguments', 'argsSchema'] },
  { schema: 'ListResourcesRequestSchema', method: 'resources/list', key: 'resources', role: 'resource', parameterKeys: [] },
  { schema: 'ListResourceTemplatesRequestSchema', method: 'resources/templates/list', key: 'resourceTemplates', role: 'resource', parameterKeys: [] },
];

/**
 * The lists a low-level server returns: `setRequestHandler(ListToolsRequestSchema | 'tools/list',
 * h)` where `h` returns `{ tools: [...] }` (an array literal, a `const TOOLS = [...]` of this or a
 * relative module, spreads, `Object.values(map)`, `.map()`/`.filter()` of those). Each entry's
 * `description` is a `'tool-list'` site, its `title` a `'title'` site, and every `description` in
 * its `inputSchema` (`properties.*.description`, `.describe()` in a `zodToJsonSchema(X)` argument) a
 * `'parameter'` site. Likewise the prompt list (role `'prompt'`, argument descriptions as
 * `'parameter'`) and the resource and resource-template lists (role `'resource'`).
 */
export const recognizeListHandler: SiteRecognizer = (node, unit) => {
  if (node.type !== 'CallExpression') return null;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== 'MemberExpression' || getKeyName(callee) !== 'setRequestHandler') return null;
  const [first, second] = node.arguments;
  if (!first || !second || first.type === 'SpreadElement' || second.type === 'SpreadElement') return null;
  const request = findListRequest(first);
  if (!request) return null;
  const lens = plainLens(unit);
  const { handler } = resolveHandler(unit, second, lens);
  if (!handler) return null;
  const sites: DescriptionSite[] = [];
  for (const returned of returnedExpressions(handler)) {
    let value = lens.value(returned);
    if (value.type === 'AwaitExpression') value = lens.value(value.argument);
    if (value.type !== 'ObjectExpression') continue;
    const list = lens.property(value, request.key);
    if (list) sites.push(...entrySites(lens, list.value, request));
  }
  return sites.length > 0 ? sites : null;
};

function findListRequest(node: TSESTree.Expression): ListRequest | undefined {
  const value = unwrapExpression(node);
  if (value.type === 'Literal' && typeof value.value === 'string') return LIST_REQUESTS.find((r) => r.method === value.value);
  const ref = getModuleRef(value);
  if (ref?.module.startsWith('@modelcontextprotocol/')) return LIST_REQUESTS.find((r) => r.schema === ref.path[ref.path.length - 1]);
  return undefined;
}

function entrySites(lens: Lens, list: TSESTree.Node, request: ListRequest): DescriptionSite[] {
  const sites: DescriptionSite[] = [];
  for (const element of iterateElements(lens, list)) {
    if (element.kind !== 'value') continue;
    const entry = lens.value(element.node);
    if (entry.type !== 'ObjectExpression') continue;
    const description = lens.property(entry, 'description');
    if (description) sites.push({ node: lens.site(description.value), role: request.role });
    const title = lens.property(entry, 'title');
    if (title) sites.push({ node: lens.site(title.value), role: 'title' });
    for (const key of request.parameterKeys) {
      const parameters = lens.property(entry, key);
      if (!parameters) continue;
      const value = lens.value(parameters.value);
      sites.push(...getParameterDescriptions(lens.unitOf(value), value));
      break;
    }
  }
  return sites;
}

/** The expressions a function returns: an arrow's expression body, or each `return` (nested functions excluded). */
function returnedExpressions(fn: FunctionNode): TSESTree.Expression[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: TSESTree.Expression[] = [];
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === 'ReturnStatement') {
      if (node.argument) out.push(node.argument);
      continue;
    }
    if (isFunctionNode(node) || node.type === 'ClassBody') continue;
    for (const child of childStatements(node)) stack.push(child);
  }
  return out;
}

/** The statements below a statement (returns only sit in statements, so expressions are skipped). */
function childStatements(node: TSESTree.Node): TSESTree.Node[] {
  switch (node.type) {
    case 'BlockStatement':
      return node.body;
    case 'IfStatement':
      return node.alternate ? [node.consequent, node.alternate] : [node.consequent];
    case 'TryStatement':
      return [node.block, ...(node.handler ? [node.handler.body] : []), ...(node.finalizer ? [node.finalizer] : [])];
    case 'SwitchStatement':
      return node.cases.flatMap((c) => c.consequent);
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
      return [node.body];
    default:
      return [];
  }
}
