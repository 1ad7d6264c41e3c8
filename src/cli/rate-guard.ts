import type { ToolHandler } from '../model/index.js';
import { createRateGuardFinder, parseUserGuards } from '../taint/rate-guards.js';
import type { SourceUnit } from '../util/source-unit.js';

/** Answers whether a handler of the file passes a rate guard before doing work. */
export type RateGuardDetector = (unit: SourceUnit, handler: ToolHandler) => boolean | null;

/**
 * A detector for one file, with the require-rate-limit rule's recognition (the rate-guard finder in
 * `taint/rate-guards.ts`, default options: the known limiter libraries and names, no project guards):
 * `true` when rate-limiting middleware covers the server in the file, a wrapper around the handler
 * limits it, or a guard runs on every path through the handler; `false` otherwise (a guard only in a
 * branch or a callback does not count); `null` when the handler function could not be resolved.
 */
export function createRateGuardDetector(): RateGuardDetector {
  const finder = createRateGuardFinder(parseUserGuards([]));
  return (unit, handler) => {
    if (finder.transportGuard(unit) !== null || finder.wrapperGuard(handler) !== null) return true;
    if (handler.handler === null) return null;
    return finder.handlerGuards(handler.handler).points.length > 0;
  };
}
