import type { TSESTree } from '@typescript-eslint/utils';

import type { Lens } from '../lens.js';
import type { ToolHandler } from '../types.js';
import { recognizeEasyMcpCall } from './easy-mcp.js';
import { recognizeFastMcpCall } from './fastmcp.js';
import { recognizeMastraCall } from './mastra.js';
import { recognizeMcpLiteCall } from './mcp-lite.js';
import { recognizeMcpSdkCall } from './mcp-sdk.js';
import { recognizeMcpUseCall } from './mcp-use.js';
import { recognizeTmcpCall } from './tmcp.js';

/** A recognizer of registration calls that reads values through a lens (so it also works inside a loop). */
export type CallRecognizer = (call: TSESTree.CallExpression, lens: Lens) => readonly ToolHandler[] | null;

/**
 * The registration-call recognizers, in the order `.tool()` shapes are told apart: the SDK's
 * `tool(name, …, fn)`, mcp-lite's `tool(name, { handler })`, mcp-use's and tmcp's
 * `tool({ … }, fn)`, easy-mcp's `tool({ …, fn })`. Each also checks the file's imports, so the
 * order only matters for files that import several frameworks.
 */
export const CALL_RECOGNIZERS: readonly CallRecognizer[] = [
  recognizeMcpSdkCall,
  recognizeMcpLiteCall,
  recognizeMcpUseCall,
  recognizeTmcpCall,
  recognizeEasyMcpCall,
  recognizeFastMcpCall,
  recognizeMastraCall,
];

/** The first answer of the call recognizers. */
export function recognizeRegistrationCall(call: TSESTree.CallExpression, lens: Lens): readonly ToolHandler[] | null {
  for (const recognize of CALL_RECOGNIZERS) {
    const found = recognize(call, lens);
    if (found) return found;
  }
  return null;
}
