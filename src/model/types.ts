import type { TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from '../util/ast.js';

/** The MCP framework (or registration family) a tool was recognised from. */
export type Framework =
  /** `McpServer` of `@modelcontextprotocol/sdk` v1 or `@modelcontextprotocol/server` v2, also inside mcp-handler, `@vercel/mcp-adapter`, Cloudflare `agents`, ext-apps `registerAppTool`. */
  | 'mcp-sdk'
  /** Low-level `Server#setRequestHandler(CallToolRequestSchema | 'tools/call', …)`. */
  | 'mcp-sdk-low-level'
  | 'fastmcp'
  | 'mcp-framework'
  | 'xmcp'
  | 'tmcp'
  | 'mcp-lite'
  | 'mcp-use'
  | 'mastra'
  | 'easy-mcp'
  /** `@rekog/mcp-nest`: methods decorated `@Tool`, `@Prompt`, `@Resource`, `@ResourceTemplate`. */
  | 'mcp-nest'
  /** A `{ name, description, inputSchema|parameters|schema, handler|execute|cb }` object of any origin. */
  | 'generic';

export type ToolKind = 'tool' | 'prompt' | 'resource' | 'resource-template';

/**
 * Where client-controlled input enters a handler: parameter `param`, narrowed to the property
 * `path` inside it (`[]` is the whole parameter; the low-level handler's input is
 * `request.params.arguments`, i.e. `{ param: 0, path: ['params', 'arguments'] }`).
 */
export interface InputBinding {
  readonly param: number;
  readonly path: readonly string[];
  /** `'arguments'`: the tool/prompt arguments or template variables; `'secondary'`: `_meta`, headers, elicitation and sampling results. */
  readonly origin: 'arguments' | 'secondary';
}

/** Which LLM-visible text a description node is. */
export type DescriptionRole =
  | 'tool' // a tool's description
  | 'title' // a tool's title / annotations.title
  | 'parameter' // .describe('…') or a JSON Schema `description` of an input field
  | 'prompt'
  | 'resource'
  | 'instructions' // server-level `instructions`
  | 'tool-list'; // an entry of the tool list a low-level ListTools handler returns

export interface DescriptionSite {
  /** The expression that evaluates to the description text. */
  readonly node: TSESTree.Node;
  readonly role: DescriptionRole;
}

/**
 * How tightly the validated schema constrains one input field. Only the first four make a string
 * harmless: they limit it to a fixed set or a non-string type.
 */
export type FieldConstraint = 'enum' | 'literal' | 'number' | 'boolean' | 'anchored-regex' | 'string' | 'unknown';

export interface InputSchema {
  /** The schema expression as written (zod shape or object, JSON Schema, …). */
  readonly node: TSESTree.Node;
  /** The framework validates input against it before the handler runs (so field constraints hold). */
  readonly validated: boolean;
  /** Constraint per top-level field, where the schema can be read statically. */
  readonly fields: ReadonlyMap<string, FieldConstraint>;
}

/** One tool (or prompt/resource) handler, as plain data. Recognizers build it; rules only read it. */
export interface ToolHandler {
  readonly framework: Framework;
  readonly kind: ToolKind;
  /** Where findings about the tool as a whole (no schema, no rate guard) are reported. */
  readonly registration: TSESTree.Node;
  /** The tool name when static, else `null`. */
  readonly name: string | null;
  readonly nameNode: TSESTree.Node | null;
  /**
   * Every LLM-visible text of this registration (tool description, title, parameter descriptions).
   * A node may belong to another unit (a relative module the definition was imported from): check
   * `getUnitOfNode(node)` before reporting; `getDescriptionSites(unit)` lists only the unit's own.
   */
  readonly descriptions: readonly DescriptionSite[];
  /** `null` when the registration has no input schema. */
  readonly inputSchema: InputSchema | null;
  /**
   * The handler function, resolved through references, `.bind`, wrappers and relative imports (then
   * it belongs to the imported module's unit: `getUnitOfNode`); `null` when unresolvable.
   */
  readonly handler: FunctionNode | null;
  readonly inputs: readonly InputBinding[];
  /** Calls wrapped around the handler at registration (`withRateLimit(fn)`), outermost first. */
  readonly wrappers: readonly TSESTree.CallExpression[];
  /**
   * How the framework turns the handler's outcome into what the model sees: `'call-tool-result'`
   * (the handler returns `{ content, structuredContent }`), `'raw-value'` (any returned value is
   * serialised into the result: FastMCP, mcp-framework, xmcp, Mastra). In every framework a thrown
   * error's message reaches the model.
   */
  readonly resultStyle: 'call-tool-result' | 'raw-value';
  /**
   * Set when the tool is registered by a call of a registration wrapper of the project (`tool(name,
   * description, schema, cb)` whose body calls `server.registerTool(name, …)`): then `registration`
   * is that call, `handler` the callback passed to it, and `via` says what the wrapper does around it.
   */
  readonly via?: WrapperRegistration;
}

/** How a call of a registration wrapper registers its tool (`ToolHandler.via`). */
export interface WrapperRegistration {
  /** The wrapper function (it may belong to another unit: a wrapper imported from a relative module). */
  readonly wrapper: FunctionNode;
  /**
   * The registration the wrapper makes, read as written (no name, no descriptions: they are the
   * wrapper's parameters), when it registers a function of its own that calls the callback
   * (`async (args) => { try { return ok(await cb(args)); } catch (e) { … } }`): what that function
   * does (catches, guards) applies to every tool registered through the wrapper. `null` when the
   * wrapper registers the callback itself.
   */
  readonly inner: ToolHandler | null;
  /** The call of the callback inside the wrapper's function (`cb(args)`), when there is one. */
  readonly invoke: TSESTree.CallExpression | null;
}
