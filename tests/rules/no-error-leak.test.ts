import rule from '../../src/rules/no-error-leak.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const SDK = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\nimport { readFile } from 'node:fs/promises';\n\nconst server = new McpServer({ name: 'files', version: '1.0.0' });\n";

/** A `read_file` tool whose catch block is `handler` (the caught error is `err`). */
function readTool(handler: string, prefix = ''): string {
  return `${SDK}${prefix}
server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async (args) => {
  try {
    return { content: [{ text: await readFile(args.path, 'utf8'), type: 'text' }] };
  } catch (err) {
${handler}
  }
});
`;
}

/** Line and columns of the first occurrence of `text` after `after` (1-based, as ESLint reports). */
function at(code: string, text: string, after = 'catch ('): { line: number; column: number; endLine: number; endColumn: number } {
  const anchor = code.indexOf(after);
  const start = code.indexOf(text, anchor < 0 ? 0 : anchor + after.length);
  if (start < 0) throw new Error(`${text} not found`);
  const position = (offset: number): { line: number; column: number } => {
    const lines = code.slice(0, offset).split('\n');
    return { line: lines.length, column: (lines[lines.length - 1] as string).length + 1 };
  };
  const from = position(start);
  const to = position(start + text.length);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

type MessageId = 'leak' | 'leakThroughHelper';

/** One report on `text`, with the suggestion that rewrites `text` (or `range`) to `replacement`. */
function leak(code: string, text: string, data: Record<string, string>, replacement: string | null, options: { messageId?: MessageId; after?: string; range?: string } = {}) {
  const place = at(code, text, options.after);
  const target = options.range ?? text;
  const anchor = code.indexOf(options.after ?? 'catch (');
  const index = options.range === undefined
    ? code.indexOf(text, anchor < 0 ? 0 : anchor + (options.after ?? 'catch (').length)
    : code.indexOf(options.range, Math.max(0, anchor));
  if (index < 0) throw new Error(`${target} not found`);
  return {
    code,
    errors: [
      {
        messageId: options.messageId ?? 'leak',
        data,
        ...place,
        suggestions: replacement === null ? [] : [
          {
            messageId: 'replaceWithGeneric' as const,
            data: { expression: text },
            output: code.slice(0, index) + replacement + code.slice(index + target.length),
          },
        ],
      },
    ],
  };
}

const RESULT = { source: 'a caught error', place: 'the tool result' };
const THROWN_ERROR = { source: 'a caught error', place: 'an error thrown out of the handler, whose message the client receives as the result', expression: 'error' };
const THROWN = { source: 'a caught error', place: 'an error thrown out of the handler, whose message the client receives as the result' };

/** A wrapper that registers a definition object; `call` is how its function calls `definition.execute`. */
const definitionWrapper = (call: string) => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { readFile } from 'node:fs/promises';
import * as z from 'zod';

const server = new McpServer({ name: 'notes', version: '1.0.0' });

function registerTool(definition) {
  server.registerTool(definition.name, { description: definition.description, inputSchema: definition.inputSchema }, async (input) => {
${call}
  });
}

registerTool({
  name: 'read_note',
  description: 'Read a note.',
  inputSchema: { name: z.enum(['a', 'b']) },
  execute: async ({ name }) => {
    try {
      return await readFile(\`/srv/notes/\${name}.md\`, 'utf8');
    } catch (error) {
      throw error;
    }
  },
});
`;
const callInTry = definitionWrapper(`    try {
      return { content: [{ type: 'text', text: await definition.execute(input) }] };
    } catch (error) {
      console.error(error);
      return { content: [{ type: 'text', text: 'The tool failed.' }], isError: true };
    }`);
const callOutsideTry = definitionWrapper("    return { content: [{ type: 'text', text: await definition.execute(input) }] };");

/** A local registration wrapper (the @mobilenext/mobile-mcp shape) whose catch is `handler`, and two tools registered through it. */
function wrapped(handler: string, callback = "async ({ path }) => readFile(path, 'utf8')"): string {
  return `${SDK}
const tool = (name, title, description, paramsSchema, annotations, cb) => {
  server.registerTool(name, { title, description, inputSchema: paramsSchema, annotations }, async (args) => {
    try {
      const response = await cb(args);
      return { content: [{ type: 'text', text: response }] };
    } catch (error) {
${handler}
    }
  });
};
tool('read_file', 'Read', 'Read a file.', { path: z.string() }, {}, ${callback});
tool('list_dir', 'List', 'List a directory.', { dir: z.string() }, {}, async ({ dir }) => dir);
`;
}
const GENERIC_CATCH = "      console.error(error);\n      return { content: [{ type: 'text', text: 'The tool failed.' }], isError: true };";

ruleTester.run('no-error-leak', rule, {
  valid: [
    // The wrapper's function calls the callback inside a try whose catch answers with a fixed message:
    // what the callback throws never reaches the client.
    { code: callInTry, filename: 'notes.js' },
    // A homegrown definition object (MCP annotations, no framework import): its caller is not in sight
    // and may map what it throws (obsidian-mcp's registerTool does), so only returned values are checked.
    { code: `import * as z from 'zod';
import { readFile } from 'node:fs/promises';

export const readNote = {
  name: 'read_note',
  description: 'Read a note.',
  inputSchema: { path: z.string() },
  annotations: { readOnlyHint: true },
  execute: async ({ path }) => {
    try {
      return { content: [{ type: 'text', text: await readFile(path, 'utf8') }] };
    } catch (error) {
      throw error;
    }
  },
};
`, filename: 'read-note.js' },
    // A Node callback's error mapped to a generic message by its code, and logged.
    `${SDK}import { readFile as readFileCb } from 'node:fs';
server.registerTool('read_notes', { description: 'Read the notes.', inputSchema: {} }, async () => new Promise((resolve) => {
  readFileCb('/srv/notes.txt', 'utf8', (err, data) => {
    if (err) {
      console.error('read_notes failed', err);
      resolve({ content: [{ type: 'text', text: err.code === 'ENOENT' ? 'No notes yet.' : 'The notes could not be read.' }], isError: true });
    } else resolve({ content: [{ type: 'text', text: data }] });
  });
}));
`,
    // Callbacks of fs functions that are not error-first: `watch` hands on an event name, `exists` a boolean.
    `${SDK}import fs from 'node:fs';
server.registerTool('watch_once', { description: 'Wait for one change.', inputSchema: {} }, async () => new Promise((resolve) => {
  const watcher = fs.watch('/srv/inbox', (event, file) => {
    watcher.close();
    resolve({ content: [{ type: 'text', text: \`\${event}: \${file}\` }] });
  });
}));
server.registerTool('has_inbox', { description: 'Is there an inbox?', inputSchema: {} }, async () => new Promise((resolve) => {
  fs.exists('/srv/inbox', (exists) => resolve({ content: [{ type: 'text', text: String(exists) }] }));
}));
`,
    // The first parameter of a callback that is not Node's error-first convention.
    `${SDK}server.registerTool('list', { description: 'List the items.', inputSchema: {} }, async () => {
  const names: string[] = [];
  ['a', 'b'].forEach((name) => names.push(name));
  return { content: [{ type: 'text', text: names.join(', ') }] };
});
`,
    // A generic message, the details logged.
    readTool("    console.error('read_file failed', err);\n    return { content: [{ type: 'text', text: 'The file could not be read.' }], isError: true };"),
    // A message chosen by the error's code or type.
    readTool("    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { content: [{ type: 'text', text: 'Not found.' }], isError: true };\n    return { content: [{ type: 'text', text: 'The file could not be read.' }], isError: true };"),
    readTool("    const message = err instanceof SyntaxError ? 'The file is not valid JSON.' : 'The file could not be read.';\n    return { content: [{ type: 'text', text: message }], isError: true };"),
    // The code itself is a fixed token, not free text.
    readTool("    const code = (err as { code?: string }).code ?? 'EUNKNOWN';\n    return { content: [{ type: 'text', text: `Read failed (${code}).` }], isError: true };"),
    readTool('    const { code, name } = err as { code: string; name: string };\n    return { content: [{ type: \'text\', text: `${name}: ${code}` }], isError: true };'),
    // Error text that does not reach the model: logs, _meta, isError, a value that is not returned.
    readTool("    logger.warn({ err }, 'read failed');\n    return { content: [{ type: 'text', text: 'Failed.' }], isError: true, _meta: { trace: String(err) } };", 'declare const logger: { warn(o: object, m: string): void };\n'),
    readTool("    const details = String(err);\n    console.error(details);\n    return { content: [{ type: 'text', text: 'Failed.' }], isError: details.length > 0 };"),
    // A helper that maps errors to generic messages (the secure server's toolError).
    readTool("    return toolError(err);", "function toolError(error: unknown) {\n  console.error(error);\n  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;\n  return { content: [{ type: 'text' as const, text: code === 'ENOENT' ? 'Not found.' : 'The operation failed.' }], isError: true };\n}\n"),
    // Errors the code throws itself with a constant message, re-thrown.
    `${SDK}import { UserError } from 'fastmcp';
server.registerTool('pick', { description: 'Pick a colour.', inputSchema: { colour: z.string() } }, async ({ colour }) => {
  try {
    if (colour !== 'red' && colour !== 'blue') throw new UserError('Unknown colour.');
    return { content: [{ type: 'text', text: colour }] };
  } catch (error) {
    throw error;
  }
});
`,
    // A catch without a parameter.
    readTool("    return { content: [{ type: 'text', text: 'Failed.' }], isError: true };").replace('catch (err)', 'catch'),
    // A constant error thrown from the catch, with the caught error as its cause (not in the message).
    readTool("    throw new Error('The file could not be read.', { cause: err });"),
    // Not a handler: error text in an HTTP response is another rule's business.
    "export async function load(path: string): Promise<string> {\n  try {\n    return await (await import('node:fs/promises')).readFile(path, 'utf8');\n  } catch (err) {\n    return String(err);\n  }\n}\n",
    // Narrowed to a class of the project whose message is constant.
    readTool(
      "    if (err instanceof OutsideError) return { content: [{ type: 'text', text: err.message }], isError: true };\n    return { content: [{ type: 'text', text: 'Failed.' }], isError: true };",
      "class OutsideError extends Error {\n  constructor() {\n    super('That path is outside the workspace.');\n  }\n}\n",
    ),
    // An error class the project declares user-facing.
    {
      code: readTool('    if (err instanceof ToolError) throw err;\n    throw new Error(\'The file could not be read.\');', "import { ToolError } from '@acme/mcp-kit';\n"),
      options: [{ userFacingErrors: ['ToolError'] }],
    },
    // Numbers and booleans derived from the error carry no text.
    readTool("    const size = String(err).length;\n    return { content: [{ type: 'text', text: `Failed (${size}).` }], isError: err instanceof Error };"),
    // A rejection handled inside the handler, not returned.
    `${SDK}server.registerTool('warm', { description: 'Warm the cache.' }, async () => {
  void readFile('/srv/cache/index.json', 'utf8').catch((error: Error) => console.error('warm failed', error.message));
  return { content: [{ type: 'text', text: 'Warming.' }] };
});
`,
    // Caught inside the handler again: the inner throw does not leave it.
    readTool("    try {\n      throw new Error(String(err));\n    } catch {\n      return { content: [{ type: 'text', text: 'Failed.' }], isError: true };\n    }"),
    // A registration wrapper whose catch returns a generic message, around callbacks that leak nothing.
    wrapped(GENERIC_CATCH),
    // What the upstream API answered (an HTTP client error's response status and body) is its payload, as on the success path.
    readTool(
      "    if (axios.isAxiosError(err) && err.response) return { content: [{ type: 'text', text: `API error ${err.response.status} ${err.response.statusText}: ${JSON.stringify(err.response.data)}` }], isError: true };\n    return { content: [{ type: 'text', text: 'Request failed.' }], isError: true };",
      "import axios from 'axios';\n",
    ),
    readTool("    const { data } = (err as { response: { data: { message: string } } }).response;\n    return { content: [{ type: 'text', text: data.message }], isError: true };"),
    readTool("    const body = (err as { response?: { body?: string } }).response?.body ?? 'No answer.';\n    return { content: [{ type: 'text', text: body }], isError: true };"),
    // A ZodError, narrowed by instanceof: the paths and schema messages of the value that failed validation.
    readTool("    if (err instanceof z.ZodError) throw new Error(`Invalid arguments: ${err.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join(', ')}`);\n    throw new Error('The file could not be read.');"),
    readTool(
      "    if (err instanceof ZodError && err.issues.length > 0) {\n      return { content: [{ type: 'text', text: JSON.stringify(err.flatten().fieldErrors) }], structuredContent: { issues: err.issues, tree: err.format(), text: prettifyError(err) }, isError: true };\n    }\n    return { content: [{ type: 'text', text: 'Failed.' }], isError: true };",
      "import { ZodError, prettifyError } from 'zod';\n",
    ),
    readTool("    return { content: [{ type: 'text', text: err instanceof z.ZodError ? `Invalid: ${err.message} (${err})` : 'Failed.' }], isError: true };"),
    readTool("    if (err instanceof z.ZodError) throw err;\n    throw new Error('The file could not be read.');"),
  ],
  invalid: [
    // A registration wrapper's catch: reported once, where it is written, not once per tool.
    leak(wrapped('      return { content: [{ type: \'text\', text: `Error: ${error.message}` }], isError: true };'), 'error.message', { ...RESULT, expression: 'error.message' }, 'Internal error', { range: '${error.message}' }),
    // A callback passed to the wrapper is a handler: the text it returns becomes the result.
    leak(
      wrapped(GENERIC_CATCH, "async ({ path }) => {\n  try {\n    return await readFile(path, 'utf8');\n  } catch (err) {\n    return `Could not read: ${err}`;\n  }\n}"),
      'err',
      { ...RESULT, expression: 'err' },
      'Internal error',
      { after: 'Could not read: ${', range: '${err}' },
    ),
    leak(readTool("    return { content: [{ type: 'text', text: String(err) }], isError: true };"), 'String(err)', { ...RESULT, expression: 'String(err)' }, "'Internal error'"),
    leak(readTool("    return { content: [{ type: 'text', text: (err as Error).message }], isError: true };"), '(err as Error).message', { ...RESULT, expression: '(err as Error).message' }, "'Internal error'"),
    leak(readTool("    return { content: [{ type: 'text', text: err instanceof Error ? err.stack ?? 'No stack.' : 'Failed.' }], isError: true };"), 'err.stack', { ...RESULT, expression: 'err.stack' }, "'Internal error'"),
    // In a template: the substitution becomes text.
    leak(
      readTool('    return { content: [{ type: \'text\', text: `Could not read ${args.path}: ${err}` }], isError: true };'),
      'err',
      { ...RESULT, expression: 'err' },
      'Internal error',
      { after: '${args.path}: ', range: '${err}' },
    ),
    leak(readTool("    return { content: [{ type: 'text', text: 'Error: ' + JSON.stringify(err) }], isError: true };"), 'JSON.stringify(err)', { ...RESULT, expression: 'JSON.stringify(err)' }, "'Internal error'"),
    leak(readTool("    return { content: [{ type: 'text', text: (err as Error).toString() }], isError: true };"), '(err as Error).toString()', { ...RESULT, expression: '(err as Error).toString()' }, "'Internal error'"),
    // structuredContent, and a spread of the error.
    leak(readTool("    return { content: [], structuredContent: { ok: false, error: { ...(err as object) } }, isError: true };"), '...(err as object)', { ...RESULT, expression: '...(err as object)' }, "error: 'Internal error'"),
    // Through a const of the catch block.
    leak(readTool("    const reason = err instanceof Error ? err.message : 'unknown';\n    return { content: [{ type: 'text', text: reason }], isError: true };"), 'reason', { ...RESULT, expression: 'reason' }, "'Internal error'", { after: "type: 'text', text: " }),
    // Re-thrown: the SDK turns the message into result text.
    leak(readTool('    throw err;'), 'err', { ...THROWN, expression: 'err' }, "new Error('Internal error')", { after: 'throw ' }),
    // The wrapper calls the callback outside any try: what the callback throws leaves the handler.
    { ...leak(callOutsideTry, 'error', { ...THROWN, expression: 'error' }, "new Error('Internal error')", { after: 'throw ' }), filename: 'notes.js' },
    leak(readTool('    throw new Error((err as Error).message);'), '(err as Error).message', { ...THROWN, expression: '(err as Error).message' }, "'Internal error'"),
    leak(
      readTool('    throw new McpError(ErrorCode.InternalError, `Read failed: ${(err as Error).message}`);', "import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';\n"),
      '(err as Error).message',
      { ...THROWN, expression: '(err as Error).message' },
      'Internal error',
      { range: '${(err as Error).message}' },
    ),
    // A helper of the same file that puts the text into the result: reported at the call, no suggestion.
    leak(
      readTool('    return toolError(err);', "function toolError(error: unknown) {\n  return { content: [{ type: 'text' as const, text: `Error: ${String(error)}` }], isError: true };\n}\n"),
      'toolError(err)',
      { ...RESULT, expression: 'toolError(err)' },
      null,
      { messageId: 'leakThroughHelper' },
    ),
    // A helper whose own catch turns the error into text.
    leak(
      `${SDK}async function safeRead(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    return \`Could not read \${path}: \${(error as Error).message}\`;
  }
}
server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async (args) => ({
  content: [{ type: 'text', text: await safeRead(args.path) }],
}));
`,
      'safeRead(args.path)',
      { ...RESULT, expression: 'safeRead(args.path)' },
      null,
      { messageId: 'leakThroughHelper', after: 'registerTool(' },
    ),
    // A promise chain returned from the handler: its rejection callback builds the result.
    leak(
      `${SDK}server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, (args) =>
  readFile(args.path, 'utf8')
    .then((text) => ({ content: [{ type: 'text' as const, text }] }))
    .catch((error: Error) => ({ content: [{ type: 'text' as const, text: error.message }], isError: true })),
);
`,
      'error.message',
      { source: 'a rejection reason', place: 'the tool result', expression: 'error.message' },
      "'Internal error'",
      { after: '.catch(' },
    ),
    // A Node callback's error, in a `new Promise` the handler returns.
    leak(
      `${SDK}import { execFile } from 'node:child_process';
server.registerTool('git_status', { description: 'Show the working tree status.', inputSchema: {} }, async () => new Promise((resolve) => {
  execFile('git', ['status'], (error, stdout) => {
    if (error) resolve({ content: [{ type: 'text', text: \`git failed: \${error.message}\` }], isError: true });
    else resolve({ content: [{ type: 'text', text: stdout }] });
  });
}));
`,
      'error.message',
      { source: 'the error of a Node callback', place: 'the tool result', expression: 'error.message' },
      'Internal error',
      { after: "text: `git failed: ", range: '${error.message}' },
    ),
    // The callback's error rejects the promise: thrown out of the handler.
    leak(
      `${SDK}import fs from 'fs';
server.registerTool('read_notes', { description: 'Read the notes.', inputSchema: {} }, async () => new Promise((resolve, reject) => {
  fs.readFile('/srv/notes.txt', 'utf8', (err, data) => {
    if (err) reject(err);
    else resolve({ content: [{ type: 'text', text: data }] });
  });
}));
`,
      'err',
      { source: 'the error of a Node callback', place: 'an error thrown out of the handler, whose message the client receives as the result', expression: 'err' },
      "new Error('Internal error')",
      { after: 'reject(' },
    ),
    // Promise.allSettled: the reason of a rejected result.
    leak(
      `${SDK}server.registerTool('read_files', { description: 'Read two files.', inputSchema: { a: z.string(), b: z.string() } }, async ({ a, b }) => {
  const results = await Promise.allSettled([readFile(a, 'utf8'), readFile(b, 'utf8')]);
  const first = results[0];
  if (first.status === 'rejected') return { content: [{ type: 'text', text: \`First file: \${first.reason}\` }], isError: true };
  return { content: [{ type: 'text', text: first.value }] };
});
`,
      'first.reason',
      { source: 'a rejected `Promise.allSettled` result', place: 'the tool result', expression: 'first.reason' },
      'Internal error',
      { after: 'First file: ', range: '${first.reason}' },
    ),
    // A homegrown definition object (no framework import; MCP annotations): what it returns is shown.
    leak(
      `import { readFile } from 'node:fs/promises';
import * as z from 'zod';

export const readNote = {
  name: 'read_note',
  description: 'Read a note.',
  inputSchema: { path: z.string() },
  annotations: { readOnlyHint: true },
  execute: async ({ path }) => {
    try {
      return { content: [{ type: 'text', text: await readFile(path, 'utf8') }] };
    } catch (error) {
      return { content: [{ type: 'text', text: String(error) }], isError: true };
    }
  },
};
`,
      'String(error)',
      { source: 'a caught error', place: 'the tool result', expression: 'String(error)' },
      "'Internal error'",
    ),
    // FastMCP: UserError messages become result text; any returned value is shown.
    leak(
      `import { FastMCP, UserError } from 'fastmcp';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';

const server = new FastMCP({ name: 'files', version: '1.0.0' });
server.addTool({
  name: 'read_file',
  description: 'Read a file.',
  parameters: z.object({ path: z.string() }),
  execute: async (args) => {
    try {
      return await readFile(args.path, 'utf8');
    } catch (error) {
      throw new UserError(\`Could not read the file: \${error}\`);
    }
  },
});
`,
      'error',
      THROWN_ERROR,
      'Internal error',
      { after: 'file: ', range: '${error}' },
    ),
    leak(
      `import { FastMCP } from 'fastmcp';
import { readFile } from 'node:fs/promises';

const server = new FastMCP({ name: 'files', version: '1.0.0' });
server.addTool({
  name: 'changelog',
  description: 'Show the changelog.',
  execute: async () => {
    try {
      return await readFile('CHANGELOG.md', 'utf8');
    } catch (error) {
      return (error as Error).message;
    }
  },
});
`,
      '(error as Error).message',
      { source: 'a caught error', place: 'the tool result', expression: '(error as Error).message' },
      "'Internal error'",
    ),
    // mcp-framework: the returned object is serialised into the result.
    leak(
      `import { MCPTool } from 'mcp-framework';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';

export default class ReadTool extends MCPTool<{ path: string }> {
  name = 'read_file';
  description = 'Read a file.';
  schema = { path: { type: z.string(), description: 'File path' } };
  async execute(input: { path: string }) {
    try {
      return { text: await readFile(input.path, 'utf8') };
    } catch (e) {
      return { error: String(e) };
    }
  }
}
`,
      'String(e)',
      { source: 'a caught error', place: 'the tool result', expression: 'String(e)' },
      "'Internal error'",
    ),
    // The low-level Server: a JSON-RPC error carries the message to the client.
    leak(
      `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { readFile } from 'node:fs/promises';

const server = new Server({ name: 'files', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  try {
    return { content: [{ type: 'text', text: await readFile(String(request.params.arguments?.path), 'utf8') }] };
  } catch (error) {
    throw new McpError(ErrorCode.InternalError, String(error));
  }
});
`,
      'String(error)',
      { ...THROWN_ERROR, expression: 'String(error)' },
      "'Internal error'",
      { after: 'InternalError, ' },
    ),
    // A prompt: the messages go to the model.
    leak(
      `${SDK}server.registerPrompt('summarise', { description: 'Summarise the changelog.' }, async () => {
  let text: string;
  try {
    text = await readFile('CHANGELOG.md', 'utf8');
  } catch (err) {
    text = \`(unavailable: \${(err as Error).message})\`;
  }
  return { messages: [{ role: 'user', content: { type: 'text', text } }] };
});
`,
      'text',
      { source: 'a caught error', place: 'the prompt messages', expression: 'text' },
      "text: 'Internal error'",
      { after: "content: { type: 'text', " },
    ),
    // Narrowing to a class whose messages are not the project's does not help.
    leak(
      readTool("    if (err instanceof SyntaxError) return { content: [{ type: 'text', text: err.message }], isError: true };\n    return { content: [{ type: 'text', text: 'Failed.' }], isError: true };"),
      'err.message',
      { ...RESULT, expression: 'err.message' },
      "'Internal error'",
    ),
    // Without the option, the class is not known to be user-facing.
    leak(
      readTool('    if (err instanceof ToolError) throw err;\n    throw new Error(\'The file could not be read.\');', "import { ToolError } from '@acme/mcp-kit';\n"),
      'err',
      { ...THROWN, expression: 'err' },
      "new Error('Internal error')",
      { after: 'ToolError) throw ' },
    ),
    // The rest of an HTTP client error's response, and the response as a whole, carry the request (URL, headers, tokens).
    leak(
      readTool("    return { content: [{ type: 'text', text: JSON.stringify(err.response.headers) }], isError: true };"),
      'JSON.stringify(err.response.headers)',
      { ...RESULT, expression: 'JSON.stringify(err.response.headers)' },
      "'Internal error'",
    ),
    leak(
      readTool("    return { content: [{ type: 'text', text: `Failed: ${JSON.stringify(err.response)}` }], isError: true };"),
      'JSON.stringify(err.response)',
      { ...RESULT, expression: 'JSON.stringify(err.response)' },
      'Internal error',
      { range: '${JSON.stringify(err.response)}' },
    ),
    leak(
      readTool("    const { config } = (err as { response: { config: { url: string } } }).response;\n    return { content: [{ type: 'text', text: config.url }], isError: true };"),
      'config.url',
      { ...RESULT, expression: 'config.url' },
      "'Internal error'",
    ),
    leak(
      readTool("    const e = err as { config: { headers: Record<string, string> }; response?: { data: unknown } };\n    return { content: [{ type: 'text', text: e.response ? JSON.stringify(e.response.data) : e.config.headers.Authorization }], isError: true };"),
      'e.config.headers.Authorization',
      { ...RESULT, expression: 'e.config.headers.Authorization' },
      "'Internal error'",
    ),
    // A ZodError's text outside the instanceof branch, its stack, and errors narrowed otherwise stay error text.
    leak(
      readTool("    if (err instanceof z.ZodError) console.error(err.issues);\n    return { content: [{ type: 'text', text: (err as Error).message }], isError: true };"),
      '(err as Error).message',
      { ...RESULT, expression: '(err as Error).message' },
      "'Internal error'",
    ),
    leak(
      readTool("    if (err instanceof z.ZodError) return { content: [{ type: 'text', text: err.stack ?? 'Invalid.' }], isError: true };\n    return { content: [{ type: 'text', text: 'Failed.' }], isError: true };"),
      'err.stack',
      { ...RESULT, expression: 'err.stack' },
      "'Internal error'",
    ),
    leak(
      readTool("    if ((err as Error).name === 'ZodError') return { content: [{ type: 'text', text: (err as Error).message }], isError: true };\n    return { content: [{ type: 'text', text: 'Failed.' }], isError: true };"),
      '(err as Error).message',
      { ...RESULT, expression: '(err as Error).message' },
      "'Internal error'",
      { after: "text: " },
    ),
    leak(
      readTool(
        "    if (err instanceof ZodError) return { content: [{ type: 'text', text: err.message }], isError: true };\n    return { content: [{ type: 'text', text: 'Failed.' }], isError: true };",
        "class ZodError extends Error {\n  constructor(message: string) {\n    super(message);\n  }\n}\n",
      ),
      'err.message',
      { ...RESULT, expression: 'err.message' },
      "'Internal error'",
    ),
    leak(
      readTool("    let e = err;\n    if (e instanceof z.ZodError) {\n      e = (err as { cause: Error }).cause;\n      return { content: [{ type: 'text', text: e.message }], isError: true };\n    }\n    return { content: [{ type: 'text', text: 'Failed.' }], isError: true };"),
      'e.message',
      { ...RESULT, expression: 'e.message' },
      "'Internal error'",
    ),
  ],
});
