import path from 'node:path';

import type { Flow } from './types.js';

/*
 * Wording shared by the taint rules' messages: how a source is qualified, where a sink in another
 * module is, and which function the flow goes through.
 */

/** `''` for tool arguments, else ` (client-controlled \`_meta\`)`, ` (a resource template variable)`, … */
export function originSuffix(flow: Flow): string {
  return flow.source.description === '' ? '' : ` (${flow.source.description})`;
}

/** `src/convert.ts:31`: the sink's file relative to the working directory, with `/` separators. */
export function sinkLocation(flow: Flow, cwd: string): string {
  const relative = path.relative(cwd, flow.sink.file);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(flow.sink.file) : relative;
  return `${shown.split(path.sep).join('/')}:${flow.sink.line}`;
}

/** The function a cross-module flow leaves the linted file through (`toMarkdown`). */
export function viaName(flow: Flow): string {
  return flow.via[0]?.name ?? '';
}

/** ` at src/x.ts:3 through \`helper()\`` for a flow that leaves the file, else `''`. */
export function viaSuffix(flow: Flow, cwd: string): string {
  return flow.via.length === 0 ? '' : ` at ${sinkLocation(flow, cwd)} through \`${viaName(flow)}()\``;
}

/** The placeholders every taint rule's messages share: `source`, `origin`, `sink`, `location`, `via`. */
export function flowMessageData(flow: Flow, cwd: string): Record<'source' | 'origin' | 'sink' | 'location' | 'via', string> {
  return {
    source: flow.source.label,
    origin: originSuffix(flow),
    sink: flow.sink.label,
    location: sinkLocation(flow, cwd),
    via: viaName(flow),
  };
}
