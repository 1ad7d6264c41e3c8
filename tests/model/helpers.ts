import { getDescriptionSites, getToolHandlers } from '../../src/model/index.js';
import type { DescriptionSite, ToolHandler } from '../../src/model/types.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';
import type { SourceUnit } from '../../src/util/source-unit.js';

let counter = 0;

/** Parses `code` as a fresh file (a new unit each time, so memoised results never leak between tests). */
export function unitOf(code: string, filename = `/virtual/server-${++counter}.ts`): SourceUnit {
  return parseSourceUnit(filename, code);
}

export function handlersOf(code: string, filename?: string): readonly ToolHandler[] {
  return getToolHandlers(unitOf(code, filename));
}

/** The one handler a snippet registers (fails the test when there are several or none). */
export function onlyHandler(code: string, filename?: string): ToolHandler {
  const handlers = handlersOf(code, filename);
  if (handlers.length !== 1) throw new Error(`expected one handler, got ${handlers.length}`);
  return handlers[0] as ToolHandler;
}

/** The source text of a node of `unit`. */
export function textOf(unit: SourceUnit, node: { range: [number, number] } | null | undefined): string | null {
  return node ? unit.text.slice(node.range[0], node.range[1]) : null;
}

/** `role: text` for each description site, in order. */
export function describeSites(unit: SourceUnit, sites: readonly DescriptionSite[]): string[] {
  return sites.map((site) => `${site.role}: ${textOf(unit, site.node)}`);
}

export function sitesOf(code: string, filename?: string): { unit: SourceUnit; sites: string[] } {
  const unit = unitOf(code, filename);
  return { unit, sites: describeSites(unit, getDescriptionSites(unit)) };
}

/** `[field, constraint]` pairs of a handler's schema summary. */
export function fieldsOf(handler: ToolHandler | undefined): [string, string][] {
  return [...(handler?.inputSchema?.fields ?? [])];
}

/** The argument bindings (not the secondary ones) as `param:path`. */
export function argumentInputs(handler: ToolHandler | undefined): string[] {
  return (handler?.inputs ?? []).filter((b) => b.origin === 'arguments').map((b) => [b.param, ...b.path].join('.'));
}
