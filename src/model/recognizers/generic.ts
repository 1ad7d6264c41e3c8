import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName } from '../../util/ast.js';
import { getConfigDescriptions } from '../descriptions.js';
import { importsMcpFramework } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { plainLens, type Lens } from '../lens.js';
import type { InputSchema } from '../types.js';
import { argumentsBinding, getCalleeName, readNameProperty, readSchema } from './common.js';
import type { Recognizer } from './types.js';

const SCHEMA_KEYS = ['inputSchema', 'schema', 'parameters', 'inputs', 'argsSchema'] as const;
const HANDLER_KEYS = ['handler', 'execute', 'cb', 'callback', 'run', 'fn'] as const;
/** Handler keys no non-MCP tool library uses (the AI SDK, LangChain and OpenAI's agents use `execute`/`func`/`invoke`). */
const MCP_STYLE_HANDLER_KEYS = new Set(['handler', 'cb', 'callback']);
/** Helpers a homegrown server passes definitions to: `registerTool(server, def)`, `createMcpTool(def)`. */
const REGISTRATION_CALLEE = /^(?:register\w*Tools?|add\w*Tools?|create\w*Mcp\w*Tool|define\w*Mcp\w*Tool|\w*McpTools?)$/i;

/**
 * The tool-definition object heuristic: an object literal with `name`, `description`, one of
 * `inputSchema`/`schema`/`parameters`/`inputs`/`argsSchema`, and a function-valued
 * `handler`/`execute`/`cb`/`callback`/`run`/`fn` is a tool definition (homegrown `createMcpTool(server,
 * {…})`, `defineTool` helpers, arrays of definitions dispatched by a low-level server). The
 * registration is the object; input is the handler's param 0; the schema is not assumed to be
 * validated (nothing says who calls the handler) and any returned value is taken to reach the model.
 *
 * Gate: the file imports an MCP framework; or the object (or an array literal holding it) is
 * passed to a registration-like helper (`registerTool(s)`, `addTool(s)`, `createMcpTool`…); or it
 * is MCP-wire shaped: `inputSchema` (the protocol's own spelling) with a `handler`/`cb`/`callback`,
 * or with MCP tool `annotations` (`readOnlyHint`, `destructiveHint`, …).
 * Non-MCP tool objects (AI SDK, LangChain, OpenAI agents) in files without an MCP import fail all
 * three.
 *
 * Ownership: another recognizer may read the same object (FastMCP `addTool`'s argument, an element
 * of a registration loop). `getToolHandlers` then drops this heuristic's handler: see
 * `ownedByFramework` in `../index.ts`.
 */
export const recognizeGenericDefinition: Recognizer = (node, unit) => {
  if (node.type !== 'ObjectExpression' || node.properties.length < 4) return null;
  let hasName = false;
  let hasDescription = false;
  let schemaKey: string | undefined;
  let handlerProperty: TSESTree.Property | undefined;
  for (const property of node.properties) {
    if (property.type !== 'Property') continue;
    const key = getKeyName(property);
    if (key === 'name') hasName = true;
    else if (key === 'description') hasDescription = true;
    else if (key !== null && (SCHEMA_KEYS as readonly string[]).includes(key)) schemaKey ??= key;
    else if (key !== null && (HANDLER_KEYS as readonly string[]).includes(key)) handlerProperty ??= property;
  }
  if (!hasName || !hasDescription || !schemaKey || !handlerProperty) return null;
  const handlerKey = getKeyName(handlerProperty) ?? '';
  const lens = plainLens(unit);
  const accepted = importsMcpFramework(unit) || isPassedToRegistration(node) ||
    (schemaKey === 'inputSchema' && MCP_STYLE_HANDLER_KEYS.has(handlerKey)) ||
    (schemaKey === 'inputSchema' && hasMcpToolAnnotations(lens, node));
  if (!accepted) return null;
  const { handler, wrappers } = resolveHandler(unit, handlerProperty.value, lens);
  if (!handler && wrappers.length === 0) return null;
  const kind = schemaKey === 'argsSchema' ? 'prompt' : 'tool';
  const descriptions = getConfigDescriptions(lens, node, kind);
  let inputSchema: InputSchema | null = null;
  const schema = lens.property(node, schemaKey);
  if (schema) {
    const read = readSchema(lens, schema.value, false);
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  const { name, nameNode } = readNameProperty(lens, node, 'name');
  return [{
    framework: 'generic',
    kind,
    registration: node,
    name,
    nameNode,
    descriptions,
    inputSchema,
    handler,
    inputs: [argumentsBinding(0)],
    wrappers,
    resultStyle: 'raw-value',
  }];
};

/** MCP's own tool annotation hints: no other tool library has them. */
const MCP_ANNOTATION_HINTS = new Set(['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);

/**
 * `annotations: { readOnlyHint: true, … }` (or a constant of this or a relative module): the
 * definition object of a compiled factory (`createReadNoteTool(runtime)` returning `{ name, title,
 * description, inputSchema, annotations: READ_ONLY, execute }`) whose module imports nothing of MCP.
 */
function hasMcpToolAnnotations(lens: Lens, object: TSESTree.ObjectExpression): boolean {
  const annotations = lens.property(object, 'annotations');
  const value = annotations && lens.value(annotations.value);
  if (value?.type !== 'ObjectExpression') return false;
  return value.properties.some((p) => p.type === 'Property' && MCP_ANNOTATION_HINTS.has(getKeyName(p) ?? ''));
}

/** `helper(server, {…})`, `helper([{…}, …])`, `helper({…} as Def)`: the object reaches a registration-like call. */
function isPassedToRegistration(object: TSESTree.ObjectExpression): boolean {
  let current: TSESTree.Node = object;
  for (let depth = 0; depth < 4; depth++) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === 'CallExpression') {
      if (!parent.arguments.includes(current)) return false;
      const name = getCalleeName(parent);
      return name !== null && REGISTRATION_CALLEE.test(name);
    }
    if (parent.type !== 'ArrayExpression' && parent.type !== 'TSAsExpression' && parent.type !== 'TSSatisfiesExpression') return false;
    current = parent;
  }
  return false;
}
