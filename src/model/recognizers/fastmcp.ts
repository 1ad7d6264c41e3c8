import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression } from '../../util/ast.js';
import { getConfigDescriptions } from '../descriptions.js';
import { hasMcpServerType, importsAny } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { iterateElements, plainLens, type Lens } from '../lens.js';
import type { DescriptionSite, InputSchema, ToolHandler, ToolKind } from '../types.js';
import { argumentsBinding, isFunctionValue, plainArguments, readNameProperty, readSchema } from './common.js';
import type { Recognizer } from './types.js';

/** FastMCP, its fork, its edge build (`fastmcp/edge`) and its deprecated precursor LiteMCP. */
const FASTMCP_MODULES = ['fastmcp', 'firecrawl-fastmcp', 'litemcp'];

interface Shape {
  readonly kind: ToolKind;
  /** The handler property. */
  readonly handler: string;
  /** The property holding the input schema (`parameters`) or argument list (`arguments`). */
  readonly schema: string;
  readonly role: DescriptionSite['role'];
  /** The handler receives client input only when the schema property is present. */
  readonly inputNeedsSchema: boolean;
  readonly hasInput: boolean;
}

const SHAPES: Readonly<Record<string, Shape>> = {
  addTool: { kind: 'tool', handler: 'execute', schema: 'parameters', role: 'tool', inputNeedsSchema: true, hasInput: true },
  addPrompt: { kind: 'prompt', handler: 'load', schema: 'arguments', role: 'prompt', inputNeedsSchema: false, hasInput: true },
  addResourceTemplate: { kind: 'resource-template', handler: 'load', schema: 'arguments', role: 'resource', inputNeedsSchema: false, hasInput: true },
  addResource: { kind: 'resource', handler: 'load', schema: 'arguments', role: 'resource', inputNeedsSchema: false, hasInput: false },
};

/**
 * FastMCP (`fastmcp`, `firecrawl-fastmcp`, `fastmcp/edge` `EdgeFastMCP`) and LiteMCP (`litemcp`):
 * `server.addTool({ name, description, parameters, execute })`, `addTools([...])` (one handler per
 * element; registration = the element object when it is written in this file, else the call),
 * `addPrompt({ name, description, arguments, load })`, `addResourceTemplate({ uriTemplate, name,
 * description, arguments, load })` and `addResource({ uri, name, load })`.
 *
 * Input: `execute` param 0 when `parameters` is set (FastMCP passes `undefined` otherwise); `load`
 * param 0 for prompts (the arguments) and templates (the URI variables); none for a fixed
 * resource. `execute` param 1 (`context`: session, logging, progress) is server-side; what
 * `context.elicit()` returns is user text, but a call result is not a parameter path, so it is not
 * modelled here. Every value the handler returns reaches the model (`'raw-value'`).
 */
export const recognizeFastMcp: Recognizer = (node, unit) =>
  node.type === 'CallExpression' ? recognizeFastMcpCall(node, plainLens(unit)) : null;

/** The callee names this recognizer reads (see `recognizers/calls.ts`). */
export const FASTMCP_CALL_NAMES: readonly string[] = [...Object.keys(SHAPES), 'addTools'];

export function recognizeFastMcpCall(call: TSESTree.CallExpression, lens: Lens): readonly ToolHandler[] | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  const method = getKeyName(callee);
  if (method === null || !FASTMCP_CALL_NAMES.includes(method)) return null;
  const args = plainArguments(call);
  if (args?.length !== 1) return null;
  const [arg] = args as [TSESTree.Expression];
  const shape = SHAPES[method === 'addTools' ? 'addTool' : method] as Shape;
  const isFastMcp = importsAny(lens.unit, FASTMCP_MODULES) || hasMcpServerType(lens.unit, callee.object);
  if (method !== 'addTools') {
    const definition = lens.value(arg);
    if (definition.type !== 'ObjectExpression' || !(isFastMcp || isUnmistakable(lens, definition, shape))) return null;
    const handler = fromDefinition(lens, definition, shape, call);
    return handler ? [handler] : null;
  }
  const handlers: ToolHandler[] = [];
  for (const element of iterateElements(lens, arg)) {
    if (element.kind !== 'value') continue;
    const definition = lens.value(element.node);
    if (definition.type !== 'ObjectExpression' || !(isFastMcp || isUnmistakable(lens, definition, shape))) continue;
    const registration = lens.unitOf(definition) === lens.unit ? definition : call;
    const handler = fromDefinition(lens, definition, shape, registration);
    if (handler) handlers.push(handler);
  }
  return handlers.length > 0 ? handlers : null;
}

/** Without a FastMCP import: `addTool({ name, parameters | description, execute: fn })` is still FastMCP's. */
function isUnmistakable(lens: Lens, definition: TSESTree.ObjectExpression, shape: Shape): boolean {
  if (shape.kind !== 'tool') return false;
  const execute = lens.property(definition, 'execute');
  return lens.property(definition, 'name') !== undefined && execute !== undefined && isFunctionValue(lens, execute.value) &&
    (lens.property(definition, 'parameters') !== undefined || lens.property(definition, 'description') !== undefined);
}

function fromDefinition(lens: Lens, definition: TSESTree.ObjectExpression, shape: Shape, registration: TSESTree.Node): ToolHandler | null {
  const handlerProperty = lens.property(definition, shape.handler);
  if (!handlerProperty) return null;
  const { handler, wrappers } = resolveHandler(lens.unit, handlerProperty.value, lens);
  const { name, nameNode } = readNameProperty(lens, definition, 'name');
  const descriptions = getConfigDescriptions(lens, definition, shape.role);
  let inputSchema: InputSchema | null = null;
  const schema = lens.property(definition, shape.schema);
  if (schema) {
    // `parameters` is validated (Standard Schema) before execute; prompt `arguments` only for presence.
    const read = readSchema(lens, schema.value, shape.kind === 'tool');
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  const hasInput = shape.hasInput && (!shape.inputNeedsSchema || schema !== undefined);
  return {
    framework: 'fastmcp',
    kind: shape.kind,
    registration,
    name,
    nameNode,
    descriptions,
    inputSchema,
    handler,
    inputs: hasInput ? [argumentsBinding(0)] : [],
    wrappers,
    resultStyle: 'raw-value',
  };
}
