import { memoize } from '../util/memo.js';
import { walk, type SourceUnit } from '../util/source-unit.js';
import { recognizeLowLevel } from './recognizers/low-level.js';
import { recognizeMcpSdk } from './recognizers/mcp-sdk.js';
import type { Recognizer } from './recognizers/types.js';
import type { DescriptionSite, ToolHandler } from './types.js';

export type * from './types.js';

/** Every recognizer, tried in order on each node; the first that answers wins. */
const RECOGNIZERS: readonly Recognizer[] = [recognizeMcpSdk, recognizeLowLevel];

/** Every tool, prompt and resource handler registered in the file (one pass, memoised per unit). */
export const getToolHandlers = memoize((unit: SourceUnit): readonly ToolHandler[] => {
  const handlers: ToolHandler[] = [];
  walk(unit.ast, unit.visitorKeys, (node) => {
    for (const recognize of RECOGNIZERS) {
      const found = recognize(node, unit);
      if (found) {
        handlers.push(...found);
        break;
      }
    }
  });
  return handlers;
});

/**
 * Every LLM-visible description in the file: those of the handlers, plus the ones that belong to
 * no handler (server `instructions`, the tool list of a low-level ListTools handler).
 */
export const getDescriptionSites = memoize((unit: SourceUnit): readonly DescriptionSite[] =>
  getToolHandlers(unit).flatMap((handler) => handler.descriptions),
);

/** The handler (if any) whose function is `fn`. */
export function findHandlerOfFunction(unit: SourceUnit, fn: ToolHandler['handler']): ToolHandler | undefined {
  return getToolHandlers(unit).find((handler) => handler.handler === fn);
}
