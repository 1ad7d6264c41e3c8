import type { TSESTree } from '@typescript-eslint/utils';

import type { ToolHandler } from '../model/types.js';
import type { FunctionNode } from '../util/ast.js';
import { getUnitOfNode, type SourceUnit } from '../util/source-unit.js';
import { getAnalysis, type Analysis } from './propagation.js';
import { sinkHasKind } from './sinks.js';
import { describeSource, findBinding, getHandlerOfFunction, isInputOrigin, TOOL_INPUT_SOURCES } from './sources.js';
import { functionFlows, reachableSinks, type SummaryFlow } from './summaries.js';
import type { Flow, FlowStep, FlowWeakness, Origin, SinkCall, SinkKind, SinkPoint, SourceModel } from './types.js';

/** How an origin fares at a sink position: unsafe, safe, or safe but for a weakness. */
export function sinkVerdict(kind: SinkKind, origin: Origin, point: SinkPoint): 'unsafe' | 'safe' | FlowWeakness {
  const state = origin.state;
  switch (kind) {
    case 'argument':
      return state.leadingSafe ? 'safe' : 'unsafe';
    case 'path': {
      const contained = state.contained === true || state.segment === 'safe-segment' || (state.noDotDot === true && state.notAbsolute === true) ||
        (state.parentOnly === true && point.target !== 'dir');
      // Exclusive creation of one file name under the root cannot follow a link.
      if (contained) return state.realpath || (point.exclusive === true && (state.oneSegment === true || state.parentOnly === true)) ? 'safe' : { type: 'symlink' };
      if (state.bypass) {
        const guardUnit = getUnitOfNode(state.bypass);
        if (guardUnit) return { type: 'prefix-bypass', guard: state.bypass, guardUnit, ...(state.bypassSite ? { site: state.bypassSite } : {}) };
      }
      return 'unsafe';
    }
    case 'sql':
      // `query({ text, values })`: the values are bound parameters.
      return origin.at.length > 0 && !SQL_CONFIG_KEYS.has(origin.at[0] ?? '') ? 'safe' : 'unsafe';
    case 'network-url':
      // A config object holding input somewhere else (`data`, `params`) does not choose the target.
      if (origin.at.length > 0 && !URL_CONFIG_KEYS.has(origin.at[0] ?? '')) return 'safe';
      // Percent-encoded after a fixed origin: one path segment or query value of that origin.
      if (state.urlEncoded && (state.urlPart !== undefined || point.form === 'url-path')) return 'safe';
      return 'unsafe';
    default:
      return 'unsafe';
  }
}

const SQL_CONFIG_KEYS = new Set(['*', 'text', 'sql', 'query']);
const URL_CONFIG_KEYS = new Set(['*', 'url', 'baseURL', 'baseUrl', 'prefixUrl', 'host', 'hostname', 'origin', 'path']);

function toFlow(unit: SourceUnit, kind: SinkKind, summary: SummaryFlow, weakness: FlowWeakness | null): Flow | null {
  const source = describeSource(summary.origin);
  if (!source) return null;
  const crossIndex = summary.steps.findIndex((step) => step.unit !== unit);
  const via: readonly FlowStep[] = crossIndex >= 0 ? summary.steps.slice(crossIndex) : [];
  let entry: TSESTree.Node = crossIndex >= 0 ? (summary.steps[crossIndex] as FlowStep).call : summary.point.node;
  if (weakness?.type === 'prefix-bypass') {
    const site = weakness.site;
    if (weakness.guardUnit === unit) entry = weakness.guard;
    else if (site && getUnitOfNode(site) === unit) entry = site;
  }
  return {
    kind,
    source,
    sink: {
      call: summary.call,
      point: summary.point,
      label: summary.call.spec.label,
      file: summary.call.unit.filename,
      line: summary.point.node.loc.start.line,
    },
    entry,
    via,
    ...(weakness ? { weakness } : {}),
    origin: summary.origin,
  };
}

/** Options of {@link findFlows}. */
export interface FindFlowsOptions {
  /** Sources besides (or instead of) tool input; default: the handler's input bindings. */
  readonly sources?: SourceModel;
}

/**
 * Every flow from a handler's input into sinks of the given kinds: inside the handler, in
 * functions of the same file it calls (the sink is reported where it is), and in functions of
 * relative modules (reported at the call that leaves the file, with `via` naming the way). Flows
 * that a sanitizer cuts are not returned; path flows that only a weak check stands in front of
 * carry a `weakness` (a prefix bypass, or containment without `realpath`).
 *
 * @example
 *   for (const handler of getToolHandlers(unit))
 *     for (const flow of findFlows(unit, handler, ['command'])) report(flow.entry, flow.source.label, flow.sink.label);
 */
export function findFlows(unit: SourceUnit, handler: ToolHandler, kinds: readonly SinkKind[], options: FindFlowsOptions = {}): Flow[] {
  const fn = handler.handler;
  if (!fn) return [];
  const model = options.sources ?? TOOL_INPUT_SOURCES;
  // A handler imported from another module: when that module registers it too, it reports there;
  // otherwise its parameters are summarised and the flows reported at the registration here.
  const foreign = getUnitOfNode(fn) !== unit;
  if (foreign && getHandlerOfFunction(fn)) return [];
  const flows: Flow[] = [];
  for (const kind of kinds) {
    const analysis = getAnalysis(kind, model);
    analysis.moduleDepth.set(unit, 0);
    const summaries: readonly SummaryFlow[] = foreign ? foreignHandlerFlows(analysis, handler, fn) : functionFlows(analysis, fn);
    for (const summary of summaries) {
      // A call that is a sink only for some receiver the handler never settles: not reported.
      if (summary.condition) continue;
      const root = summary.origin.root;
      if (root.type === 'param') continue;
      if (root.type === 'handler' && root.handler.handler !== fn) continue;
      if (!isInputOrigin(summary.origin)) continue;
      const verdict = sinkVerdict(kind, summary.origin, summary.point);
      if (verdict === 'safe') continue;
      const flow = toFlow(unit, kind, summary, verdict === 'unsafe' ? null : verdict);
      if (flow) flows.push(flow);
    }
  }
  return flows;
}

/**
 * The flows of a handler defined in another module (`registerTool('x', cfg, importedHandler)`): its
 * summary, with its parameters read as the handler's inputs (bindings and schema fields applied),
 * reported at the registration through the handler's name.
 */
function foreignHandlerFlows(analysis: Analysis, handler: ToolHandler, fn: FunctionNode): SummaryFlow[] {
  const fnUnit = getUnitOfNode(fn);
  if (!fnUnit) return [];
  const step: FlowStep = { call: handler.registration, name: functionName(fn) ?? handler.name ?? 'handler', fn, unit: fnUnit };
  const out: SummaryFlow[] = [];
  for (const summary of functionFlows(analysis, fn)) {
    const { root } = summary.origin;
    if (root.type !== 'param' || root.fn !== fn) continue;
    let origin: Origin | null = { ...summary.origin, root: { type: 'handler', handler, fn, index: root.index } };
    const binding = findBinding(handler, root.index, origin.path);
    const schema = handler.inputSchema;
    if (binding?.origin === 'arguments' && schema?.validated) {
      const field = origin.path[binding.path.length];
      if (field !== undefined) origin = analysis.applyFieldConstraint(origin, schema, field);
    }
    if (origin) out.push({ ...summary, origin, steps: [step, ...summary.steps] });
  }
  return out;
}

function functionName(fn: FunctionNode): string | null {
  if (fn.type === 'FunctionDeclaration' && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent.type === 'Property' || parent.type === 'MethodDefinition') && parent.key.type === 'Identifier') return parent.key.name;
  return null;
}

/** A sink call a handler reaches, and the calls on the way (`steps`, empty when it is in the handler). */
export interface ReachedSinkCall {
  readonly call: SinkCall;
  readonly steps: readonly FlowStep[];
}

/**
 * Every sink call of the given kinds a handler reaches, whatever the data: in its body and in the
 * functions it calls (same file and relative modules). For "does this handler do expensive work?"
 * questions (`require-rate-limit`); match by `call.spec.category` for fs / process / network / db.
 */
export function findSinkCalls(unit: SourceUnit, handler: ToolHandler, kinds: readonly SinkKind[]): ReachedSinkCall[] {
  const fn = handler.handler;
  if (!fn) return [];
  // A sink that needs a receiver the handler never passes is no sink.
  return reachableSinks(fn).filter((reached) => !reached.condition && sinkHasKind(reached.call, kinds));
}
