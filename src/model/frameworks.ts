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
export function importsMcpFramework(unit: SourceUnit): boolean {
  for (const module of getImportedModules(unit)) {
    if (MCP_MODULE_PREFIXES.some((prefix) => matchesPrefix(module, prefix))) return true;
  }
  return false;
}

/** True when the file imports a module matching one of `prefixes` (same matching as above). */
export function importsAny(unit: SourceUnit, prefixes: readonly string[]): boolean {
  for (const module of getImportedModules(unit)) {
    if (prefixes.some((prefix) => matchesPrefix(module, prefix))) return true;
  }
  return false;
}
