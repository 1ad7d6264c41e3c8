import rule from '../../src/rules/require-input-schema.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const SDK = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";
const LOW = "import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';\nimport { z } from 'zod';\n";
const FASTMCP = "import { FastMCP } from 'fastmcp';\nimport { z } from 'zod';\nconst server = new FastMCP({ name: 's', version: '1' });\n";
const LOW_LEVEL_WHY = 'the low-level server passes `request.params.arguments` on as the client sent them';

ruleTester.run('require-input-schema', rule, {
  valid: [
    // A schema that types every field.
    `${SDK}server.registerTool('read', { description: 'Read a file', inputSchema: { path: z.string().max(4096), limit: z.number().int().optional() } }, async ({ path }) => ({ content: [{ type: 'text', text: path }] }));`,
    `${SDK}server.registerTool('tag', { description: 'Tag', inputSchema: z.object({ tags: z.record(z.string(), z.string()), extra: z.object({ a: z.string() }).catchall(z.never()) }).strict() }, async ({ tags }) => ({ content: [] }));`,
    // No schema: the SDK passes `extra` as parameter 0, the tool takes no arguments.
    `${SDK}server.registerTool('now', { description: 'Current time' }, async (extra) => ({ content: [{ type: 'text', text: String(extra.requestId) }] }));`,
    `${SDK}server.tool('now', 'Current time', async () => ({ content: [] }));`,
    // An empty raw shape takes no arguments (unknown keys are stripped).
    `${SDK}server.registerTool('ping', { description: 'Ping', inputSchema: {} }, async () => ({ content: [] }));`,
    // A config the rule cannot see: whether it has a schema is unknown.
    `${SDK}import { readConfig } from '@acme/tools';\nserver.registerTool('read', readConfig, async (args) => ({ content: [{ type: 'text', text: args.path }] }));`,
    // Low level: the arguments go through a schema before use.
    `${LOW}const ReadArgs = z.object({ path: z.string() });\nserver.setRequestHandler(CallToolRequestSchema, async (request) => {\n  const { name, arguments: args } = request.params;\n  if (!args) throw new Error('No arguments');\n  const parsed = ReadArgs.safeParse(args);\n  if (!parsed.success) throw new Error('Invalid arguments');\n  return { content: [{ type: 'text', text: name + parsed.data.path }] };\n});`,
    `${LOW}server.setRequestHandler(CallToolRequestSchema, async (request) => handle(request.params.name, validateArgs(request.params.arguments)));`,
    `${LOW}function dispatch(request: { params: { arguments?: unknown } }) {\n  const args = ReadArgs.parse(request.params.arguments ?? {});\n  return { content: [{ type: 'text', text: args.path }] };\n}\nserver.setRequestHandler(CallToolRequestSchema, async (request) => dispatch(request));`,
    // Low level that only dispatches on the name.
    `${LOW}server.setRequestHandler(CallToolRequestSchema, async (request) => {\n  if (request.params.name !== 'now') throw new Error('Unknown tool');\n  return { content: [{ type: 'text', text: new Date().toISOString() }] };\n});`,
    // FastMCP with a typed object schema; a FastMCP tool without parameters gets none.
    `${FASTMCP}server.addTool({ name: 'fetch', description: 'Fetch', parameters: z.object({ url: z.string().url() }), execute: async (args) => args.url });`,
    `${FASTMCP}server.addTool({ name: 'now', description: 'Now', execute: async () => new Date().toISOString() });`,
    // JSON Schema that lists its properties.
    `${SDK}import { fromJsonSchema } from '@modelcontextprotocol/server';\nserver.registerTool('read', { description: 'Read', inputSchema: fromJsonSchema({ type: 'object', properties: { path: { type: 'string' } }, additionalProperties: false }) }, async (args) => ({ content: [] }));`,
    // Project validators named in the option.
    {
      code: `${LOW}server.setRequestHandler(CallToolRequestSchema, async (request) => run(checkInput(request.params.arguments)));`,
      options: [{ validators: ['checkInput'] }],
    },
    {
      code: `${LOW}server.setRequestHandler(CallToolRequestSchema, async (request) => run(schemas.tools.check(request.params.arguments)));`,
      options: [{ validators: ['tools.check'] }],
    },
    // Prompts are out of scope.
    `${SDK}server.registerPrompt('review', { description: 'Review', argsSchema: { code: z.any() } }, ({ code }) => ({ messages: [] }));`,
  ],
  invalid: [
    {
      // The low-level handler reads a field of the raw arguments.
      code: `${LOW}server.setRequestHandler(CallToolRequestSchema, async (request) => {\n  const { name, arguments: args } = request.params;\n  return { content: [{ type: 'text', text: await readFile(String(args?.path), 'utf8') }] };\n});`,
      errors: [{ messageId: 'unvalidatedArguments', data: { tool: 'the `tools/call` handler', read: 'args?.path', why: LOW_LEVEL_WHY }, line: 3, column: 1, endLine: 6, endColumn: 3 }],
    },
    {
      // Read straight off the request; one branch validates, the other does not.
      code: `${LOW}server.setRequestHandler(CallToolRequestSchema, async (request) => {\n  switch (request.params.name) {\n    case 'a': return run(A.parse(request.params.arguments));\n    default: return run(request.params.arguments);\n  }\n});`,
      errors: [{ messageId: 'unvalidatedArguments', data: { tool: 'the `tools/call` handler', read: 'request.params.arguments', why: LOW_LEVEL_WHY }, line: 3, column: 1, endLine: 8, endColumn: 3 }],
    },
    {
      // Through a local function, destructured in its parameter.
      code: `${LOW}async function handleCall({ params: { arguments: input } }: CallToolRequest) {\n  return { content: [{ type: 'text', text: String(input?.query) }] };\n}\nserver.setRequestHandler(CallToolRequestSchema, handleCall);`,
      errors: [{ messageId: 'unvalidatedArguments', data: { tool: 'the `tools/call` handler', read: 'input?.query', why: LOW_LEVEL_WHY }, line: 6, column: 1, endLine: 6, endColumn: 60 }],
    },
    {
      // Not a validator by name, and not in the option.
      code: `${LOW}server.setRequestHandler(CallToolRequestSchema, async (request) => run(checkInput(request.params.arguments)));`,
      options: [{ validators: ['other.checkInput'] }],
      errors: [{ messageId: 'unvalidatedArguments', data: { tool: 'the `tools/call` handler', read: 'request.params.arguments', why: LOW_LEVEL_WHY }, line: 3, column: 1, endLine: 3, endColumn: 110 }],
    },
    {
      // Mastra passes the raw input when a tool has no inputSchema.
      code: "import { createTool } from '@mastra/core/tools';\nexport const weather = createTool({\n  id: 'weather',\n  description: 'Weather for a city',\n  execute: async (input) => fetchWeather(input.city),\n});",
      errors: [{ messageId: 'missingSchema', data: { tool: '`weather`', read: 'input.city' }, line: 2, column: 24, endLine: 6, endColumn: 3 }],
    },
    {
      // mcp-lite with a plain JSON Schema: advertised to the client, not enforced.
      code: "import { McpServer } from 'mcp-lite';\nconst server = new McpServer({ name: 's', version: '1' });\nserver.tool('echo', {\n  description: 'Echo text',\n  inputSchema: { type: 'object', properties: { msg: { type: 'string' } } },\n  handler: (args) => ({ content: [{ type: 'text', text: args.msg }] }),\n});",
      errors: [{ messageId: 'unvalidatedArguments', data: { tool: 'tool `echo`', read: 'args.msg', why: 'its schema is only advertised to the client, the framework does not enforce it' }, line: 3, column: 1, endLine: 7, endColumn: 3 }],
    },
    {
      // Permissive schemas, reported once per tool on the registration.
      code: `${SDK}server.registerTool('store', { description: 'Store', inputSchema: { key: z.string(), value: z.any() } }, async ({ key }) => ({ content: [] }));`,
      errors: [{ messageId: 'permissiveSchema', data: { tool: '`store`', what: 'any value for `value`', construct: 'z.any()' }, line: 3, column: 1, endLine: 3, endColumn: 143 }],
    },
    {
      code: `${SDK}server.registerTool('query', { description: 'Query', inputSchema: z.object({ sql: z.string() }).passthrough() }, async ({ sql }) => ({ content: [] }));`,
      errors: [{ messageId: 'permissiveSchema', data: { tool: '`query`', what: 'unknown keys', construct: '.passthrough()' }, line: 3, column: 1, endLine: 3, endColumn: 151 }],
    },
    {
      code: `${SDK}const Options = z.looseObject({ depth: z.number() });\nserver.registerTool('crawl', { description: 'Crawl', inputSchema: z.object({ url: z.string(), options: Options }) }, async ({ url }) => ({ content: [] }));`,
      errors: [{ messageId: 'permissiveSchema', data: { tool: '`crawl`', what: 'unknown keys in `options`', construct: 'z.looseObject({ depth: z.number() })' }, line: 4, column: 1, endLine: 4, endColumn: 155 }],
    },
    {
      code: `${SDK}server.registerTool('set', { description: 'Set', inputSchema: { values: z.record(z.string(), z.unknown()) } }, async ({ values }) => ({ content: [] }));`,
      errors: [{ messageId: 'permissiveSchema', data: { tool: '`set`', what: 'any value for `values` under any key', construct: 'z.record(z.string(), z.unknown())' }, line: 3, column: 1, endLine: 3, endColumn: 152 }],
    },
    {
      code: `${FASTMCP}server.addTool({ name: 'run', description: 'Run', parameters: z.unknown(), execute: async (args) => String(args) });`,
      errors: [{ messageId: 'permissiveSchema', data: { tool: '`run`', what: 'any value', construct: 'z.unknown()' }, line: 4, column: 1, endLine: 4, endColumn: 116 }],
    },
    {
      code: `${SDK}import { fromJsonSchema } from '@modelcontextprotocol/server';\nserver.registerTool('call', { description: 'Call', inputSchema: fromJsonSchema({ type: 'object', additionalProperties: true }) }, async (args) => ({ content: [] }));`,
      errors: [{ messageId: 'permissiveSchema', data: { tool: '`call`', what: 'any object', construct: 'additionalProperties: true' }, line: 4, column: 1, endLine: 4, endColumn: 165 }],
    },
    {
      code: `${SDK}import { fromJsonSchema } from '@modelcontextprotocol/server';\nserver.registerTool('call', { description: 'Call', inputSchema: fromJsonSchema({ type: 'object', properties: { payload: { description: 'Anything' } } }) }, async (args) => ({ content: [] }));`,
      errors: [{ messageId: 'permissiveSchema', data: { tool: '`call`', what: 'any value for `payload`', construct: "{ description: 'Anything' }" }, line: 4, column: 1, endLine: 4, endColumn: 191 }],
    },
  ],
});
