import type { TSESTree } from '@typescript-eslint/utils';

import type { Lens } from '../lens.js';
import type { ToolHandler } from '../types.js';
import { getCalleeName } from './common.js';
import { EASY_MCP_CALL_NAMES, recognizeEasyMcpCall } from './easy-mcp.js';
import { FASTMCP_CALL_NAMES, recognizeFastMcpCall } from './fastmcp.js';
import { MASTRA_CALL_NAMES, recognizeMastraCall } from './mastra.js';
import { MCP_LITE_CALL_NAMES, recognizeMcpLiteCall } from './mcp-lite.js';
import { MCP_SDK_CALL_NAMES, recognizeMcpSdkCall } from './mcp-sdk.js';
import { MCP_USE_CALL_NAMES, recognizeMcpUseCall } from './mcp-use.js';
import { recognizeTmcpCall, TMCP_CALL_NAMES } from './tmcp.js';

/** A recognizer of registration calls that reads values through a lens (so it also works inside a loop). */
export type CallRecognizer = (call: TSESTree.CallExpression, lens: Lens) => readonly ToolHandler[] | null;

/**
 * The registration-call recognizers with the callee names each reads, in the order `.tool()`
 * shapes are told apart: the SDK's `tool(name, …, fn)`, mcp-lite's `tool(name, { handler })`,
 * mcp-use's and tmcp's `tool({ … }, fn)`, easy-mcp's `tool({ …, fn })`. Each also checks the file's
 * imports, so the order only matters for files that import several frameworks.
 */
const CALL_RECOGNIZERS: readonly { readonly names: readonly string[]; readonly recognize: CallRecognizer }[] = [
  { names: MCP_SDK_CALL_NAMES, recognize: recognizeMcpSdkCall },
  { names: MCP_LITE_CALL_NAMES, recognize: recognizeMcpLiteCall },
  { names: MCP_USE_CALL_NAMES, recognize: recognizeMcpUseCall },
  { names: TMCP_CALL_NAMES, recognize: recognizeTmcpCall },
  { names: EASY_MCP_CALL_NAMES, recognize: recognizeEasyMcpCall },
  { names: FASTMCP_CALL_NAMES, recognize: recognizeFastMcpCall },
  { names: MASTRA_CALL_NAMES, recognize: recognizeMastraCall },
];

/**
 * The recognizers to try for a callee name, in order. Most calls of a file (`z.string()`,
 * `path.join(…)`) name none: they cost one lookup instead of a pass through every recognizer.
 */
const RECOGNIZERS_BY_NAME: ReadonlyMap<string, readonly CallRecognizer[]> = (() => {
  const byName = new Map<string, CallRecognizer[]>();
  for (const { names, recognize } of CALL_RECOGNIZERS) {
    for (const name of names) byName.set(name, [...(byName.get(name) ?? []), recognize]);
  }
  return byName;
})();

/** Every callee name some registration recognizer reads (`registerTool`, `addTool`, `defineTool`, …). */
export const REGISTRATION_CALL_NAMES: ReadonlySet<string> = new Set(RECOGNIZERS_BY_NAME.keys());

/** The first answer of the call recognizers. */
export function recognizeRegistrationCall(call: TSESTree.CallExpression, lens: Lens): readonly ToolHandler[] | null {
  const name = getCalleeName(call);
  if (name === null) return null;
  const recognizers = RECOGNIZERS_BY_NAME.get(name);
  if (recognizers) {
    for (const recognize of recognizers) {
      const found = recognize(call, lens);
      if (found) return found;
    }
    return null;
  }
  // A Mastra or AI SDK tool factory imported under another name (`tool as aiTool`): its own checks are cheap.
  return recognizeMastraCall(call, lens);
}
