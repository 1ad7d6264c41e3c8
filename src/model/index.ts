import type { TSESTree } from '@typescript-eslint/utils';

import { memoizeByUnit } from '../util/memo.js';
import { nodesOfType, type NodeType } from '../util/node-index.js';
import { getUnitOfNode, type SourceUnit } from '../util/source-unit.js';
import { recognizeInstructions, recognizeListHandler, type SiteRecognizer } from './description-sites.js';
import { plainLens } from './lens.js';
import { recognizeRegistrationCall } from './recognizers/calls.js';
import { recognizeEasyMcp } from './recognizers/easy-mcp.js';
import { recognizeGenericDefinition } from './recognizers/generic.js';
import { recognizeLoopRegistration } from './recognizers/loops.js';
import { recognizeLowLevel } from './recognizers/low-level.js';
import { recognizeMcpFramework } from './recognizers/mcp-framework.js';
import { recognizeMcpNest } from './recognizers/mcp-nest.js';
import type { Recognizer } from './recognizers/types.js';
import { getWrapperClaims, recognizeWrapperRegistration } from './recognizers/wrappers.js';
import { recognizeXmcp } from './recognizers/xmcp.js';
import type { DescriptionSite, ToolHandler } from './types.js';

export type * from './types.js';
export type { RegistrationWrapper, WrappedRegistration } from './recognizers/wrappers.js';
export { getRegistrationWrappers } from './recognizers/wrappers.js';

/** Registration calls, written out or inside a loop (see `recognizers/calls.ts` for the order). */
const recognizeCall: Recognizer = (node, unit) =>
  node.type === 'CallExpression' ? recognizeRegistrationCall(node, plainLens(unit)) : null;

/**
 * Every recognizer, by the node type it looks at, tried in order; the first that answers wins.
 * Dispatching on the node type first means only nodes of these types are looked at (from the node index).
 */
const RECOGNIZERS: Readonly<Partial<Record<TSESTree.Node['type'], readonly Recognizer[]>>> = {
  // A call of a registration wrapper first (and the registration inside a wrapper, which it
  // claims); then a registration inside a loop: it yields one handler per element of the loop.
  CallExpression: [recognizeWrapperRegistration, recognizeLoopRegistration, recognizeCall, recognizeLowLevel],
  ClassDeclaration: [recognizeMcpFramework],
  ClassExpression: [recognizeMcpFramework],
  MethodDefinition: [recognizeMcpNest, recognizeEasyMcp],
  ExportDefaultDeclaration: [recognizeXmcp],
  ObjectExpression: [recognizeGenericDefinition],
};

/** Description sites that belong to no handler (server instructions, low-level list results). */
const SITE_RECOGNIZERS: Readonly<Partial<Record<TSESTree.Node['type'], readonly SiteRecognizer[]>>> = {
  NewExpression: [recognizeInstructions],
  CallExpression: [recognizeInstructions, recognizeListHandler],
};

/** The node types some recognizer looks at, read from the file's node index. */
const RECOGNIZED_TYPES = [...new Set([...Object.keys(RECOGNIZERS), ...Object.keys(SITE_RECOGNIZERS)])] as NodeType[];

const NO_RECOGNIZERS: readonly Recognizer[] = [];
const NO_SITE_RECOGNIZERS: readonly SiteRecognizer[] = [];

interface Analysis {
  readonly handlers: readonly ToolHandler[];
  readonly sites: readonly DescriptionSite[];
}

/** Every handler and every free-standing description site of the file. */
const analyze = memoizeByUnit((unit: SourceUnit): Analysis => {
  const handlers: ToolHandler[] = [];
  const definitions: ToolHandler[] = [];
  const siteGroups: { readonly at: number; readonly sites: readonly DescriptionSite[] }[] = [];
  // Type by type (the recognizers of one type never depend on another's answers): each node list is
  // read where the index keeps it, and the recognizer lists are looked up once per type, not per node.
  for (const type of RECOGNIZED_TYPES) {
    const recognizers = RECOGNIZERS[type] ?? NO_RECOGNIZERS;
    const siteRecognizers = SITE_RECOGNIZERS[type] ?? NO_SITE_RECOGNIZERS;
    for (const node of nodesOfType(unit, type)) {
      for (const recognize of recognizers) {
        const found = recognize(node, unit);
        if (found) {
          (recognize === recognizeGenericDefinition ? definitions : handlers).push(...found);
          break;
        }
      }
      for (const recognize of siteRecognizers) {
        const found = recognize(node, unit);
        if (found) siteGroups.push({ at: node.range[0], sites: found });
      }
    }
  }
  const owned = ownedNodes(handlers);
  // What the registrations inside registration wrappers read as written (`addTool({ name, description, … })`).
  for (const node of getWrapperClaims(unit)) owned.add(node);
  const kept = definitions.filter((definition) => !isOwned(definition, owned));
  // In the order of the nodes that hold them (a list result keeps its own order).
  const sites = siteGroups.sort((a, b) => a.at - b.at).flatMap((group) => group.sites);
  return { handlers: sortBySource([...handlers, ...kept]), sites };
});

/**
 * Ownership rule: a definition object found by the generic heuristic belongs to the framework
 * recognizer that also read it (FastMCP `addTool({…})`, a registration loop over an array of such
 * objects, tmcp/mcp-use configs…). The framework's handler is kept and the generic one dropped
 * when they share the registration node, the schema node or a description node. This runs after
 * the walk, so it holds whatever the source order (a `TOOLS` array above the loop that registers it).
 */
function ownedNodes(handlers: readonly ToolHandler[]): Set<TSESTree.Node> {
  const nodes = new Set<TSESTree.Node>();
  for (const handler of handlers) {
    nodes.add(handler.registration);
    if (handler.inputSchema) nodes.add(handler.inputSchema.node);
    for (const site of handler.descriptions) nodes.add(site.node);
  }
  return nodes;
}

function isOwned(definition: ToolHandler, owned: ReadonlySet<TSESTree.Node>): boolean {
  if (owned.has(definition.registration)) return true;
  if (definition.inputSchema && owned.has(definition.inputSchema.node)) return true;
  return definition.descriptions.some((site) => site.role !== 'parameter' && owned.has(site.node));
}

function sortBySource(handlers: ToolHandler[]): ToolHandler[] {
  return handlers.sort((a, b) => a.registration.range[0] - b.registration.range[0]);
}

/**
 * Every tool, prompt and resource handler registered in the file (one pass, memoised per unit).
 * A handler's `handler`, description and schema nodes may belong to another unit (a relative
 * module the registration imports them from): use `getUnitOfNode` before reporting on them.
 */
export const getToolHandlers = memoizeByUnit((unit: SourceUnit): readonly ToolHandler[] => analyze(unit).handlers);

/**
 * Every LLM-visible description in the file: those of the handlers, plus the ones that belong to
 * no handler (server `instructions`, the entries of a low-level ListTools/ListPrompts/ListResources
 * result). Only nodes of this file, each once (a handler's role wins over a list entry's).
 */
export const getDescriptionSites = memoizeByUnit((unit: SourceUnit): readonly DescriptionSite[] => {
  const seen = new Set<TSESTree.Node>();
  const out: DescriptionSite[] = [];
  const { handlers, sites } = analyze(unit);
  for (const site of [...handlers.flatMap((handler) => handler.descriptions), ...sites]) {
    if (seen.has(site.node) || getUnitOfNode(site.node) !== unit) continue;
    seen.add(site.node);
    out.push(site);
  }
  return out;
});

/** The handler (if any) whose function is `fn`. */
export function findHandlerOfFunction(unit: SourceUnit, fn: ToolHandler['handler']): ToolHandler | undefined {
  return getToolHandlers(unit).find((handler) => handler.handler === fn);
}
