import type { ToolHandler } from '../model/index.js';
import type { SourceUnit } from '../util/source-unit.js';

/**
 * Whether a handler passes a rate guard before doing work, for the scan's tool inventory:
 * `true` / `false` once the detection exists, `null` (shown as `?`) until then.
 *
 * HOOK: the `require-rate-limit` rule has not landed yet. When it does, its guard detection
 * (per-call limiters, wrappers around the handler, transport middleware covering the server)
 * should live below `rules/` as a function of `(unit, handler)`, so that the rule and the scan
 * share it; call that function here. The inventory, the JSON format (`rateGuard`) and the
 * stylish table already carry the answer.
 */
export const detectRateGuard: (unit: SourceUnit, handler: ToolHandler) => boolean | null = () => null;
