import type { TSESTree } from '@typescript-eslint/utils';

import type { FlowState, Origin, TaintRoot, TaintValue } from './types.js';

/*
 * Operations on taint values (lists of origins). Values are immutable; every operation returns a
 * new list, deduplicated and capped so that a pathological expression cannot blow up.
 */

export const CLEAN: TaintValue = [];
const MAX_ORIGINS = 12;

const ids = new WeakMap<object, number>();
let nextId = 1;

/** A stable small number for an object (a node, a variable) within this process. */
export function idOf(object: object): number {
  let id = ids.get(object);
  if (id === undefined) {
    id = nextId++;
    ids.set(object, id);
  }
  return id;
}

export function rootKey(root: TaintRoot): string {
  switch (root.type) {
    case 'handler':
      return `h${idOf(root.fn)}:${root.index}`;
    case 'param':
      return `p${idOf(root.fn)}:${root.index}`;
    case 'custom':
      return `c${idOf(root.node)}`;
  }
}

function stateKey(state: FlowState): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === false) continue;
    parts.push(typeof value === 'object' ? `${key}=${idOf(value as object)}` : `${key}=${String(value)}`);
  }
  return parts.sort().join(',');
}

export function originKey(origin: Origin): string {
  return `${rootKey(origin.root)}|${origin.path.join('.')}|${origin.derived ? 'd' : ''}|${origin.at.join('.')}|${stateKey(origin.state)}|${origin.schema ? idOf(origin.schema) : ''}`;
}

export function makeOrigin(root: TaintRoot, path: readonly string[] = []): Origin {
  return { root, path, derived: false, at: [], state: {} };
}

/** Deduplicates and caps a list of origins. */
export function normalizeValue(origins: readonly Origin[]): TaintValue {
  if (origins.length <= 1) return origins;
  const seen = new Set<string>();
  const out: Origin[] = [];
  for (const origin of origins) {
    const key = originKey(origin);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(origin);
    if (out.length >= MAX_ORIGINS) break;
  }
  return out;
}

export function unionValues(...values: readonly TaintValue[]): TaintValue {
  const nonEmpty = values.filter((v) => v.length > 0);
  if (nonEmpty.length === 0) return CLEAN;
  if (nonEmpty.length === 1) return nonEmpty[0] as TaintValue;
  return normalizeValue(nonEmpty.flat());
}

export function mapOrigins(value: TaintValue, f: (origin: Origin) => Origin | null): TaintValue {
  if (value.length === 0) return CLEAN;
  const out: Origin[] = [];
  for (const origin of value) {
    const mapped = f(origin);
    if (mapped) out.push(mapped);
  }
  return normalizeValue(out);
}

/** The value turned into data (a string, an array of strings): reads no longer narrow the access path. */
export function derive(value: TaintValue, state?: (origin: Origin) => FlowState): TaintValue {
  return mapOrigins(value, (o) => ({ ...o, derived: true, at: [], state: state ? state(o) : o.state, schema: undefined }));
}

export function withState(origin: Origin, patch: FlowState): Origin {
  return { ...origin, state: { ...origin.state, ...patch } };
}

/** Path facts that survive an operation that keeps the characters (trim, case changes). */
export function keepPathState(state: FlowState): FlowState {
  return state;
}

/** What survives a string operation that can cut or rebuild the text: only full containment. */
export function resetState(state: FlowState): FlowState {
  const caller: FlowState = state.fromCaller ? { fromCaller: true } : {};
  return state.contained ? { contained: true, ...(state.realpath ? { realpath: true } : {}), normalized: state.normalized, ...caller } : caller;
}

/** The path facts of a state (what `fromCaller` vouches for), dropped when a function rebuilt the path. */
const PATH_FACTS: ReadonlySet<string> = new Set([
  'normalized', 'absolute', 'realpath', 'noDotDot', 'notAbsolute', 'segment', 'parentOnly', 'contained', 'bypass', 'bypassSite', 'oneSegment', 'containedIf', 'fromCaller',
]);

/** A state without its path facts. */
export function withoutPathFacts(state: FlowState): FlowState {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) if (!PATH_FACTS.has(key)) out[key] = value;
  return out;
}

/**
 * Combines what a caller knew about an argument with what a callee did to it (a function summary):
 * flags hold if either side established them.
 */
export function mergeStates(caller: FlowState, callee: FlowState): FlowState {
  const merged: { -readonly [K in keyof FlowState]: FlowState[K] } = { ...caller };
  for (const [key, value] of Object.entries(callee) as [keyof FlowState, FlowState[keyof FlowState]][]) {
    if (value === undefined || value === false) continue;
    (merged as Record<string, unknown>)[key] = value;
  }
  if (merged.contained) delete merged.bypass;
  return merged;
}

export type { TSESTree };
