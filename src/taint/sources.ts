import type { TSESTree } from '@typescript-eslint/utils';

import { importsMcpFramework } from '../model/frameworks.js';
import { getToolHandlers } from '../model/index.js';
import type { InputBinding, ToolHandler } from '../model/types.js';
import { getKeyName, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { memoizeByUnit } from '../util/memo.js';
import { getUnitOfNode, type SourceUnit } from '../util/source-unit.js';
import type { Origin, SourceInfo, SourceModel, TaintRoot } from './types.js';

/** Handler function → its handler, for every handler of a unit. */
const handlersByFunction = memoizeByUnit((unit: SourceUnit): ReadonlyMap<FunctionNode, ToolHandler> => {
  const map = new Map<FunctionNode, ToolHandler>();
  for (const handler of getToolHandlers(unit)) if (handler.handler && !map.has(handler.handler)) map.set(handler.handler, handler);
  return map;
});

/** The handler whose function is `fn` (in fn's own file), if any. */
export function getHandlerOfFunction(fn: FunctionNode): ToolHandler | undefined {
  const unit = getUnitOfNode(fn);
  return unit ? handlersByFunction(unit).get(fn) : undefined;
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i] || p === '*' || path[i] === '*');
}

/** The binding of a handler that covers `path` of parameter `index` (the longest match), if any. */
export function findBinding(handler: ToolHandler, index: number, path: readonly string[]): InputBinding | undefined {
  let best: InputBinding | undefined;
  for (const binding of handler.inputs) {
    if (binding.param !== index || !isPrefix(binding.path, path)) continue;
    if (!best || binding.path.length > best.path.length) best = binding;
  }
  return best;
}

/** True when some binding of parameter `index` lies below `path` (so `path` holds input somewhere inside). */
export function containsBinding(handler: ToolHandler, index: number, path: readonly string[]): boolean {
  return handler.inputs.some((b) => b.param === index && isPrefix(path, b.path));
}

/** Whether a handler-rooted origin is (or contains) client input. */
export function isInputOrigin(origin: Origin): boolean {
  const { root } = origin;
  if (root.type === 'custom') return true;
  if (root.type === 'param') return false;
  return findBinding(root.handler, root.index, origin.path) !== undefined || containsBinding(root.handler, root.index, origin.path);
}

/** Names of calls whose result is client-supplied text: elicitation answers and sampled model output. */
const ELICITATION = new Set(['elicitInput', 'elicit']);
const SAMPLING = new Set(['createMessage', 'requestSampling', 'sample']);

/**
 * The tool-input source model: handler input bindings (arguments, template variables, prompt
 * arguments, and the secondary `_meta` / headers paths), plus the results of elicitation and
 * sampling requests in MCP files.
 */
export const TOOL_INPUT_SOURCES: SourceModel = {
  toolInput: true,
  expressionRoot(node, unit) {
    if (node.type !== 'CallExpression') return null;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== 'MemberExpression') return null;
    const name = getKeyName(callee);
    if (name === null || (!ELICITATION.has(name) && !SAMPLING.has(name)) || !importsMcpFramework(unit)) return null;
    const elicitation = ELICITATION.has(name);
    return {
      type: 'custom',
      node,
      label: `${name}()`,
      description: elicitation ? 'an elicitation answer, typed by the user' : 'sampled model output',
    };
  },
};

/** How a message names the parameter a handler-rooted origin starts from. */
function paramLabel(param: TSESTree.Parameter | undefined): string {
  if (!param) return 'input';
  if (param.type === 'Identifier') return param.name;
  if (param.type === 'AssignmentPattern' && param.left.type === 'Identifier') return param.left.name;
  if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier') return param.parameter.name;
  return '';
}

function joinLabel(base: string, path: readonly string[]): string {
  const parts = path.map((p) => (p === '*' ? '[…]' : /^\d+$/.test(p) ? `[${p}]` : p));
  let label = base;
  for (const part of parts) label = label === '' ? part.replace(/^\[…\]$/, '…') : part.startsWith('[') ? `${label}${part}` : `${label}.${part}`;
  if (label === '') label = 'input';
  return label.length > 60 ? `${label.slice(0, 57)}…` : label;
}

/** The handler root of an origin as it appears in a message (`args.path`, `request.params.arguments.cmd`). */
export function describeSource(origin: Origin): SourceInfo | null {
  const { root } = origin;
  if (root.type === 'custom') {
    return { node: root.node, label: root.label, origin: 'custom', description: root.description, handler: null };
  }
  if (root.type === 'param') return null;
  const binding = findBinding(root.handler, root.index, origin.path) ?? root.handler.inputs.find((b) => b.param === root.index && isPrefix(origin.path, b.path));
  if (!binding) return null;
  const param = root.fn.params[root.index];
  const label = joinLabel(paramLabel(param), origin.path);
  return { node: param ?? root.fn, label, origin: binding.origin, description: describeBinding(root.handler, binding), handler: root.handler };
}

function describeBinding(handler: ToolHandler, binding: InputBinding): string {
  if (binding.origin === 'secondary') {
    if (binding.path.includes('_meta')) return 'client-controlled `_meta`';
    if (binding.path.includes('headers')) return 'a client-controlled HTTP header';
    if (binding.path.includes('inputResponses')) return 'an elicitation answer, typed by the user';
    if (binding.path.includes('req')) return "the client's HTTP request";
    return 'client-controlled request data';
  }
  switch (handler.kind) {
    case 'prompt':
      return 'a prompt argument';
    case 'resource-template':
      return binding.param === 0 ? 'the resource URI' : 'a resource template variable';
    case 'resource':
      return 'the resource URI';
    default:
      return '';
  }
}

/** A root for parameter `index` of `fn` when fn is a handler with input on that parameter. */
export function handlerRoot(fn: FunctionNode, index: number): TaintRoot | null {
  const handler = getHandlerOfFunction(fn);
  if (!handler || !handler.inputs.some((b) => b.param === index)) return null;
  return { type: 'handler', handler, fn, index };
}
