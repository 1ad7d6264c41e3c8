import type { TSESTree } from '@typescript-eslint/utils';

import { memoizeByUnit } from '../util/memo.js';
import { getImportedModules } from '../util/module-refs.js';
import type { SourceUnit } from '../util/source-unit.js';

/**
 * Module specifiers (or prefixes ending in `/`) whose import marks a file as MCP server code.
 * Type-only imports count: `export function registerX(server: McpServer)` modules import nothing else.
 */
const MCP_MODULE_PREFIXES = [
  '@modelcontextprotocol/sdk',
  '@modelcontextprotocol/server',
  '@modelcontextprotocol/ext-apps',
  '@modelcontextprotocol/node',
  '@modelcontextprotocol/express',
  '@modelcontextprotocol/hono',
  '@modelcontextprotocol/fastify',
  'fastmcp',
  'firecrawl-fastmcp',
  'litemcp',
  'mcp-framework',
  'mcp-handler',
  '@vercel/mcp-adapter',
  'agents/mcp',
  'xmcp',
  'tmcp',
  '@tmcp/',
  'mcp-use',
  'mcp-lite',
  '@mastra/',
  '@rekog/mcp-nest',
  'easy-mcp',
];

function matchesPrefix(module: string, prefix: string): boolean {
  return prefix.endsWith('/') ? module.startsWith(prefix) : module === prefix || module.startsWith(`${prefix}/`);
}

/** True when the file imports (or requires) an MCP framework. */
export const importsMcpFramework = memoizeByUnit((unit: SourceUnit): boolean => {
  for (const module of getImportedModules(unit)) {
    if (MCP_MODULE_PREFIXES.some((prefix) => matchesPrefix(module, prefix))) return true;
  }
  return false;
});

/** Answers of {@link importsAny} per unit, by the prefixes asked about (recognizers ask for every call). */
const importAnswers = new WeakMap<SourceUnit, Map<string, boolean>>();

/** True when the file imports a module matching one of `prefixes` (same matching as above). */
export function importsAny(unit: SourceUnit, prefixes: readonly string[]): boolean {
  let answers = importAnswers.get(unit);
  if (!answers) {
    answers = new Map();
    importAnswers.set(unit, answers);
  }
  const key = prefixes.join('\n');
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = [...getImportedModules(unit)].some((module) => prefixes.some((prefix) => matchesPrefix(module, prefix)));
    answers.set(key, answer);
  }
  return answer;
}

/** Class names of MCP servers, for the optional type check of a registration's receiver. */
const SERVER_TYPE_NAMES = new Set(['McpServer', 'Server', 'FastMCP', 'EdgeFastMCP', 'LiteMCP', 'MCPServer', 'EasyMCP']);
/** Where those classes are declared (`Server` alone is also node:http's). */
const SERVER_DECLARATION_PATH = /[\\/]node_modules[\\/](?:@modelcontextprotocol[\\/]|fastmcp|firecrawl-fastmcp|litemcp|tmcp|mcp-lite|mcp-use|@mastra[\\/]mcp|easy-mcp)/;

/**
 * Type sharpening: true when the file was linted with type information and `receiver`'s type is
 * an MCP server class declared by an MCP package (an injected `server: McpServer` in a file that
 * imports nothing from MCP, e.g. it gets the type through a local `Context` interface).
 */
export function hasMcpServerType(unit: SourceUnit, receiver: TSESTree.Node): boolean {
  const services = unit.typeServices;
  if (!services) return false;
  try {
    const type = services.getTypeAtLocation(receiver);
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    if (!symbol || !SERVER_TYPE_NAMES.has(symbol.getName())) return false;
    return (symbol.getDeclarations() ?? []).some((d) => SERVER_DECLARATION_PATH.test(d.getSourceFile().fileName));
  } catch {
    return false; // a node the type checker does not know (e.g. from a followed module)
  }
}

/** The file imports an MCP framework, or (with types) `receiver` is typed as an MCP server. */
export function isMcpCode(unit: SourceUnit, receiver: TSESTree.Node | null): boolean {
  return importsMcpFramework(unit) || (receiver !== null && hasMcpServerType(unit, receiver));
}

/** The receiver of `a.b.method(…)` (`a.b`), or `null` for a plain function call. */
export function getReceiver(call: TSESTree.CallExpression): TSESTree.Node | null {
  const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
  return callee.type === 'MemberExpression' ? callee.object : null;
}
