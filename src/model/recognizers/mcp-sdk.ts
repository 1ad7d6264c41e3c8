import type { TSESTree } from '@typescript-eslint/utils';

import { findProperty, getKeyName, getStaticString, unwrapExpression } from '../../util/ast.js';
import { getSingleInit, getVariable } from '../../util/source-unit.js';
import { getConfigDescriptions } from '../descriptions.js';
import { getReceiver, isMcpCode } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { plainLens, type Lens } from '../lens.js';
import { isRawShape, isZodShape } from '../schema.js';
import type { DescriptionSite, InputBinding, InputSchema, ToolHandler, ToolKind } from '../types.js';
import { argumentsBinding, plainArguments, readName, readSchema, resolverOf } from './common.js';
import type { Recognizer } from './types.js';

export { getParameterDescriptions } from '../descriptions.js';

/**
 * Client-controlled values on the SDK's `extra` (v1) / `ctx` (v2) argument, besides the tool
 * arguments: v1 `extra._meta` and `extra.requestInfo.headers`; v2 `ctx.mcpReq._meta`,
 * `ctx.mcpReq.inputResponses` (the user's answers to `inputRequired`) and `ctx.http.req` (the HTTP
 * request).
 */
export const SECONDARY_EXTRA_PATHS: readonly (readonly string[])[] = [
  ['_meta'],
  ['requestInfo', 'headers'],
  ['mcpReq', '_meta'],
  ['mcpReq', 'inputResponses'],
  ['http', 'req'],
];

function extraBindings(param: number): InputBinding[] {
  return SECONDARY_EXTRA_PATHS.map((path) => ({ param, path, origin: 'secondary' as const }));
}

/**
 * The official SDK's `McpServer` (v1 `@modelcontextprotocol/sdk`, v2 `@modelcontextprotocol/server`,
 * and the same calls inside mcp-handler, `@vercel/mcp-adapter`, Cloudflare `agents`):
 * `registerTool(name, config, cb)`, the deprecated variadic `tool(name, [description], [shape],
 * [annotations], cb)`, the prompt and resource equivalents, `experimental.tasks.registerToolTask(name,
 * config, { createTask })` and `registered.update({ callback })` on the value `registerTool`
 * returned. ext-apps' `registerAppTool(server, name, config, cb)` has the registerTool shape after
 * its first argument. Other frameworks' `.tool()` shapes (an object first, or a config object with a
 * `handler` last) are left to their recognizers.
 */
export const recognizeMcpSdk: Recognizer = (node, unit) =>
  node.type === 'CallExpression' ? recognizeMcpSdkCall(node, plainLens(unit)) : null;

/** The SDK's registration methods, each with the reading of its arguments. */
type Form = (lens: Lens, call: TSESTree.CallExpression, args: readonly TSESTree.Expression[]) => ToolHandler | null;
const FORMS: ReadonlyMap<string, Form> = new Map<string, Form>([
  ['registerTool', (lens, call, args) => registerForm(lens, call, args, 'tool')],
  ['registerToolTask', (lens, call, args) => registerForm(lens, call, args, 'tool', 'createTask')],
  ['registerPrompt', (lens, call, args) => registerForm(lens, call, args, 'prompt')],
  ['tool', (lens, call, args) => variadicToolForm(lens, call, args, 'tool')],
  ['prompt', (lens, call, args) => variadicToolForm(lens, call, args, 'prompt')],
  ['registerResource', resourceForm],
  ['resource', resourceForm],
  ['update', updateForm],
]);
/** ext-apps' function: `registerAppTool(server, name, config, cb)`. */
const APP_TOOL = 'registerAppTool';

/** The callee names this recognizer reads (see `recognizers/calls.ts`). */
export const MCP_SDK_CALL_NAMES: readonly string[] = [...FORMS.keys(), APP_TOOL];

export function recognizeMcpSdkCall(call: TSESTree.CallExpression, lens: Lens): readonly ToolHandler[] | null {
  const callee = unwrapExpression(call.callee);
  let args = plainArguments(call);
  if (!args) return null;
  let form: Form | undefined;
  if (callee.type === 'MemberExpression') {
    const method = getKeyName(callee);
    form = method === null ? undefined : FORMS.get(method);
  } else if (callee.type === 'Identifier' && callee.name === APP_TOOL) {
    form = FORMS.get('registerTool');
    args = args.slice(1);
  }
  return form ? single(form(lens, call, args)) : null;
}

function single(handler: ToolHandler | null): readonly ToolHandler[] | null {
  return handler ? [handler] : null;
}

/** Strong enough evidence that this call registers an MCP tool in this file. */
function isMcpContext(lens: Lens, call: TSESTree.CallExpression, config: TSESTree.Node | null): boolean {
  if (isMcpCode(lens.unit, getReceiver(call))) return true;
  // No MCP import (an injected server): accept the unmistakable config shape.
  return config?.type === 'ObjectExpression' && findProperty(config, 'description') !== undefined &&
    (findProperty(config, 'inputSchema') !== undefined || findProperty(config, 'argsSchema') !== undefined);
}

function registerForm(
  lens: Lens,
  call: TSESTree.CallExpression,
  args: readonly TSESTree.Expression[],
  kind: ToolKind,
  taskHandler?: string,
): ToolHandler | null {
  if (args.length < 3) return null;
  const { name, ok } = readName(lens, args[0]);
  if (!ok) return null;
  const config = lens.value(args[1] as TSESTree.Expression);
  if (!isMcpContext(lens, call, config)) return null;
  let callback: TSESTree.Node = args[args.length - 1] as TSESTree.Expression;
  if (taskHandler) {
    // registerToolTask(name, config, { createTask(args, extra), getTask, getTaskResult })
    const handlers = lens.value(callback);
    const createTask = handlers.type === 'ObjectExpression' ? lens.property(handlers, taskHandler) : undefined;
    if (!createTask) return null;
    callback = createTask.value;
  }
  const { handler, wrappers } = resolveHandler(lens.unit, callback, lens);
  const schemaKey = kind === 'prompt' ? 'argsSchema' : 'inputSchema';
  const descriptions: DescriptionSite[] = [];
  let inputSchema: InputSchema | null = null;
  // An unresolvable config is assumed to carry a schema: missing an input is worse than a false one.
  let hasSchema = config.type !== 'ObjectExpression';
  if (config.type === 'ObjectExpression') {
    descriptions.push(...getConfigDescriptions(lens, config, kind === 'prompt' ? 'prompt' : 'tool'));
    const schema = lens.property(config, schemaKey);
    if (schema) {
      hasSchema = true;
      const read = readSchema(lens, schema.value, true);
      inputSchema = read.inputSchema;
      descriptions.push(...read.descriptions);
    }
  }
  return {
    framework: 'mcp-sdk',
    kind,
    registration: call,
    name,
    nameNode: lens.site(args[0] as TSESTree.Expression),
    descriptions,
    inputSchema,
    handler,
    inputs: hasSchema ? [argumentsBinding(0), ...extraBindings(1)] : extraBindings(0),
    wrappers,
    resultStyle: 'call-tool-result',
  };
}

function variadicToolForm(lens: Lens, call: TSESTree.CallExpression, args: readonly TSESTree.Expression[], kind: ToolKind): ToolHandler | null {
  if (args.length < 2) return null;
  const { name, ok } = readName(lens, args[0]);
  if (!ok) return null;
  if (!isMcpCode(lens.unit, getReceiver(call)) && !isCompiledVariadicRegistration(lens, args)) return null;
  const callback = args[args.length - 1] as TSESTree.Expression;
  const { handler, wrappers } = resolveHandler(lens.unit, callback, lens);
  if (!handler && wrappers.length === 0) {
    const value = lens.value(callback);
    if (value.type === 'ObjectExpression') return null; // mcp-lite's tool(name, { handler })
    // `registry.tool(req.body.name, req.body)`: with nothing between name and callback, an
    // unresolvable callback must at least be a plain identifier (an imported or injected function).
    if (args.length === 2 && value.type !== 'Identifier') return null;
  }
  const rest = args.slice(1, -1);
  const descriptions: DescriptionSite[] = [];
  let index = 0;
  const first = rest[0];
  if (first && isStringExpression(lens, first)) {
    descriptions.push({ node: lens.site(first), role: kind === 'prompt' ? 'prompt' : 'tool' });
    index = 1;
  }
  let inputSchema: InputSchema | null = null;
  const shape = rest[index];
  // The SDK's own rule: with two or more arguments left, a raw zod shape there is the params schema.
  if (shape && isRawShape(lens.unitOf(lens.value(shape)), lens.value(shape), resolverOf(lens))) {
    const read = readSchema(lens, shape, true);
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  return {
    framework: 'mcp-sdk',
    kind,
    registration: call,
    name,
    nameNode: lens.site(args[0] as TSESTree.Expression),
    descriptions,
    inputSchema,
    handler,
    inputs: inputSchema ? [argumentsBinding(0), ...extraBindings(1)] : extraBindings(0),
    wrappers,
    resultStyle: 'call-tool-result',
  };
}

/**
 * `server.tool('name', 'description', { a: z.string() }, async (args) => …)` in a file with no MCP
 * import: compiled JavaScript of `export function registerX(server: McpServer)` (TypeScript erases
 * `import type`). Accepted only on the SDK's whole signature: a static name (checked by the
 * caller), a static description, a zod shape (every value a schema of a zod this file or the
 * schema's module imports, or `Schema.shape` of one), optional annotations, and a function last. A
 * CLI builder's `cmd.tool('build', 'Build', { watch: { type: 'boolean' } }, fn)` has no zod shape.
 */
function isCompiledVariadicRegistration(lens: Lens, args: readonly TSESTree.Expression[]): boolean {
  if (args.length !== 4 && args.length !== 5) return false;
  const [nameArg, description, shape] = args as [TSESTree.Expression, TSESTree.Expression, TSESTree.Expression];
  const name = lens.value(nameArg);
  if (getStaticString(lens.unitOf(name), name) === null) return false;
  const text = lens.value(description);
  if (getStaticString(lens.unitOf(text), text) === null) return false;
  if (args.length === 5 && lens.value(args[3] as TSESTree.Expression).type !== 'ObjectExpression') return false;
  if (!isZodShape(resolverOf(lens), shape)) return false;
  const { handler } = resolveHandler(lens.unit, args[args.length - 1] as TSESTree.Expression, lens);
  return handler !== null;
}

function resourceForm(lens: Lens, call: TSESTree.CallExpression, args: readonly TSESTree.Expression[]): ToolHandler | null {
  if (args.length < 3 || !isMcpCode(lens.unit, getReceiver(call))) return null;
  const { name, ok } = readName(lens, args[0]);
  if (!ok) return null;
  const target = lens.value(args[1] as TSESTree.Expression);
  // mcp-lite's resource(uriTemplate, { description }, cb) has metadata, not a URI, second.
  if (target.type === 'ObjectExpression') return null;
  const isTemplate = target.type === 'NewExpression' && target.callee.type === 'Identifier' && target.callee.name === 'ResourceTemplate';
  const callback = args[args.length - 1] as TSESTree.Expression;
  const { handler, wrappers } = resolveHandler(lens.unit, callback, lens);
  const metadata = args.length >= 4 ? lens.value(args[2] as TSESTree.Expression) : null;
  const descriptions = metadata?.type === 'ObjectExpression' ? getConfigDescriptions(lens, metadata, 'resource') : [];
  return {
    framework: 'mcp-sdk',
    kind: isTemplate ? 'resource-template' : 'resource',
    registration: call,
    name,
    nameNode: lens.site(args[0] as TSESTree.Expression),
    descriptions,
    inputSchema: null,
    handler,
    // A template's URI and variables come from the client; a fixed resource's URI is the server's own.
    inputs: isTemplate ? [argumentsBinding(0), argumentsBinding(1), ...extraBindings(2)] : extraBindings(1),
    wrappers,
    resultStyle: 'call-tool-result',
  };
}

/**
 * `const registered = server.registerTool(…); registered.update({ callback, description })`: a
 * second place where a tool's handler and description are set. The input follows the original
 * registration (or the update's `paramsSchema`).
 */
function updateForm(lens: Lens, call: TSESTree.CallExpression, args: readonly TSESTree.Expression[]): ToolHandler | null {
  const receiver = getReceiver(call);
  if (args.length !== 1 || receiver?.type !== 'Identifier') return null;
  const variable = getVariable(lens.unit, receiver);
  const init = variable && getSingleInit(variable);
  const original = init && unwrapExpression(init);
  if (original?.type !== 'CallExpression' || original === call) return null;
  const [registered] = recognizeMcpSdkCall(original, lens) ?? [];
  const update = lens.value(args[0] as TSESTree.Expression);
  if (!registered || update.type !== 'ObjectExpression') return null;
  const callback = lens.property(update, 'callback');
  const descriptions = getConfigDescriptions(lens, update, registered.kind === 'prompt' ? 'prompt' : 'tool');
  if (!callback && descriptions.length === 0) return null;
  const { handler, wrappers } = callback ? resolveHandler(lens.unit, callback.value, lens) : { handler: null, wrappers: [] };
  const params = lens.property(update, 'paramsSchema');
  const schema = params ? readSchema(lens, params.value, true) : null;
  if (schema) descriptions.push(...schema.descriptions);
  return {
    ...registered,
    registration: call,
    descriptions,
    inputSchema: schema ? schema.inputSchema : registered.inputSchema,
    handler,
    inputs: schema ? [argumentsBinding(0), ...extraBindings(1)] : registered.inputs,
    wrappers,
  };
}

function isStringExpression(lens: Lens, node: TSESTree.Expression): boolean {
  const value = lens.value(node);
  if (value.type === 'Literal') return typeof value.value === 'string';
  if (value.type === 'TemplateLiteral') return true;
  if (value.type === 'BinaryExpression' && value.operator === '+') return true;
  return getStaticString(lens.unitOf(value), value) !== null;
}
