import type { Rule } from 'eslint';

import { getToolHandlers, type Framework, type ToolHandler, type ToolKind } from '../model/index.js';
import { getStaticString } from '../util/ast.js';
import { getSourceUnit, type SourceUnit } from '../util/source-unit.js';
import { createRateGuardDetector, type RateGuardDetector } from './rate-guard.js';

/** One tool, prompt or resource the scanned server registers. */
export interface ToolEntry {
  /** The registered name, `null` when it is computed at run time. */
  readonly name: string | null;
  readonly kind: ToolKind;
  readonly framework: Framework;
  /** Relative to the scanned directory, `/`-separated. */
  readonly file: string;
  /** Where the registration starts (1-based line and column). */
  readonly line: number;
  readonly column: number;
  /** `'static'`: the text is known (see `descriptionLength`); `'dynamic'`: built at run time; `'none'`. */
  readonly description: 'static' | 'dynamic' | 'none';
  /** Characters of the tool's own description (not its parameters'), when static. */
  readonly descriptionLength: number | null;
  /** The registration passes an input schema. */
  readonly inputSchema: boolean;
  /** A rate guard covers every call of the handler (see rate-guard.ts); `null`: the handler is not resolved. */
  readonly rateGuard: boolean | null;
}

type Collected = Omit<ToolEntry, 'file'>;

/**
 * The scan's private rule: it reports nothing and hands each file's tool handlers to `collect`.
 * It reads the same memoised model as the plugin's rules (one parse, one model per file), so the
 * inventory costs only the model walk when no other rule has asked for it yet.
 */
export function createInventoryRule(collect: (filename: string, tools: Collected[]) => void): Rule.RuleModule {
  return {
    meta: { type: 'suggestion', schema: [], docs: { description: 'Collects the MCP tools a file registers (scan command only)' } },
    create(context) {
      return {
        'Program:exit'() {
          // ESLint's and typescript-eslint's context types describe the same object.
          const unit = getSourceUnit(context as unknown as Parameters<typeof getSourceUnit>[0]);
          const detectRateGuard = createRateGuardDetector();
          collect(context.filename, getToolHandlers(unit).map((handler) => describeHandler(unit, handler, detectRateGuard)));
        },
      };
    },
  };
}

const DESCRIPTION_ROLE: Readonly<Record<ToolKind, string>> = {
  tool: 'tool',
  prompt: 'prompt',
  resource: 'resource',
  'resource-template': 'resource',
};

export function describeHandler(unit: SourceUnit, handler: ToolHandler, detectRateGuard: RateGuardDetector): Collected {
  const site = handler.descriptions.find((d) => d.role === DESCRIPTION_ROLE[handler.kind]);
  const text = site ? getStaticString(unit, site.node) : null;
  const { start } = handler.registration.loc;
  return {
    name: handler.name,
    kind: handler.kind,
    framework: handler.framework,
    line: start.line,
    column: start.column + 1,
    description: site ? (text === null ? 'dynamic' : 'static') : 'none',
    descriptionLength: text === null ? null : text.length,
    inputSchema: handler.inputSchema !== null,
    rateGuard: detectRateGuard(unit, handler),
  };
}
