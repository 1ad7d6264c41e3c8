/**
 * The taint engine: does client input reach a dangerous place?
 *
 * - {@link findFlows}`(unit, handler, kinds)`: flows from a handler's input (tool arguments, template
 *   variables, prompt arguments, `_meta`/headers, elicitation and sampling results) into sinks of the
 *   given kinds, with sanitizers applied; each {@link Flow} names its source, sink, the node to
 *   report on (`entry`), the functions it went through in other modules (`via`), and for paths a
 *   `weakness` (prefix bypass, no `realpath`).
 * - {@link findSinkCalls}`(unit, handler, kinds)`: the sink calls a handler reaches, whatever the data.
 * - {@link getAnalysis}`(kind, sources?)`: the lower-level propagation query. `evaluate(node)` gives the
 *   origins an expression's value carries after sanitizers; pass a {@link SourceModel} to use other
 *   sources (a catch parameter for error leaks). `functionFlows(analysis, fn)` lists the flows into
 *   sinks inside one function.
 * - {@link SINKS}: the sink table (module + export path, argument positions, kind, CWE); new kinds are
 *   rows there. {@link getSinkCall}`(node)` matches one call against it.
 */
export { findFlows, findSinkCalls, sinkVerdict, type FindFlowsOptions, type ReachedSinkCall } from './flows.js';
export { Analysis, getAnalysis } from './propagation.js';
export { getSinkCall, lookupSink, SINKS } from './sinks.js';
export { describeSource, TOOL_INPUT_SOURCES } from './sources.js';
export { functionFlows, resolveCallee, type SummaryFlow } from './summaries.js';
export type * from './types.js';
