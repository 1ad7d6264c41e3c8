import path from 'node:path';

import rule from '../../src/rules/max-description-length.js';
import { createRuleTester } from '../rule-tester.js';
import { repoRoot } from '../support/lint.js';

const ruleTester = createRuleTester();

/** A file next to the corpus helpers, so `./lib/texts.js` resolves. */
const corpusFile = path.join(repoRoot, 'tests', 'corpus', 'descriptions', 'rule-test.ts');

const SDK = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";
const text = (length: number): string => 'x'.repeat(length);
const TOOL_ADVICE = 'Keep it to one short sentence that says what the tool does';

ruleTester.run('max-description-length', rule, {
  valid: [
    `${SDK}server.registerTool('read', { description: 'Read a file from the workspace.' }, async () => ({ content: [] }));`,
    // Exactly the limit.
    `${SDK}server.registerTool('read', { description: '${text(1024)}' }, async () => ({ content: [] }));`,
    // Code points, not UTF-16 units: 1,024 emoji are 2,048 units.
    `${SDK}server.registerTool('read', { description: '${'😀'.repeat(1024)}' }, async () => ({ content: [] }));`,
    // A description computed at run time is no-description-injection's business.
    `${SDK}import { readFileSync } from 'node:fs';\nserver.registerTool('read', { description: readFileSync('read.md', 'utf8') }, async () => ({ content: [] }));`,
    // Not MCP code: a long string elsewhere.
    `export const help = { description: '${text(2000)}' };`,
    // A higher limit.
    { code: `${SDK}server.registerTool('read', { description: '${text(1500)}' }, async () => ({ content: [] }));`, options: [{ max: 2000 }] },
    // The strict limit leaves 512 alone.
    { code: `${SDK}server.tool('read', '${text(512)}', async () => ({ content: [] }));`, options: [{ max: 512 }] },
    // Imported constants under the limit.
    { code: `${SDK}import { CATALOG_GUIDE } from './lib/texts.js';\nserver.registerTool('search', { description: CATALOG_GUIDE }, async () => ({ content: [] }));`, filename: corpusFile },
  ],
  invalid: [
    {
      code: `${SDK}server.registerTool('read', {\n  description: '${text(1388)}',\n}, async () => ({ content: [] }));`,
      errors: [{
        messageId: 'tooLong',
        data: { what: 'tool description', length: '1,388', max: '1,024', advice: TOOL_ADVICE },
        line: 4, column: 16, endLine: 4, endColumn: 1406,
      }],
    },
    {
      // The variadic tool(), a title, and parameter descriptions, each measured on its own.
      code: `${SDK}server.tool('read', '${text(1100)}', {\n  path: z.string().describe('${text(1030)}'),\n}, async () => ({ content: [] }));`,
      errors: [
        { messageId: 'tooLong', data: { what: 'tool description', length: '1,100', max: '1,024', advice: TOOL_ADVICE }, line: 3, column: 21, endLine: 3, endColumn: 1123 },
        { messageId: 'tooLong', data: { what: 'parameter description', length: '1,030', max: '1,024', advice: 'Say in a short phrase what the value is' }, line: 4, column: 29, endLine: 4, endColumn: 1061 },
      ],
    },
    {
      // Built from constants, a template and a concatenation.
      code: `${SDK}const INTRO = '${text(600)}';\nconst MORE = \`\${INTRO} \${'${text(300)}'}\`;\nserver.registerTool('read', { title: 'Read', description: MORE + '${text(200)}' }, async () => ({ content: [] }));`,
      errors: [{ messageId: 'tooLong', data: { what: 'tool description', length: '1,101', max: '1,024', advice: TOOL_ADVICE }, line: 5, column: 59, endLine: 5, endColumn: 268 }],
    },
    {
      // A constant of a relative module: reported where it is used, and the message says where it lives.
      code: `${SDK}import { CATALOG_MANUAL } from './lib/texts.js';\nserver.registerTool('search', { description: CATALOG_MANUAL }, async () => ({ content: [] }));`,
      filename: corpusFile,
      errors: [{ messageId: 'tooLong', data: { what: 'tool description (from `./lib/texts.ts`)', length: '1,116', max: '1,024', advice: TOOL_ADVICE }, line: 4, column: 46, endLine: 4, endColumn: 60 }],
    },
    {
      // Strict: 525 characters are over 512.
      code: `${SDK}import { CATALOG_GUIDE } from './lib/texts.js';\nserver.registerTool('search', { description: CATALOG_GUIDE }, async () => ({ content: [] }));`,
      filename: corpusFile,
      options: [{ max: 512 }],
      errors: [{ messageId: 'tooLong', data: { what: 'tool description (from `./lib/texts.ts`)', length: '525', max: '512', advice: TOOL_ADVICE }, line: 4, column: 46, endLine: 4, endColumn: 59 }],
    },
    {
      // Either branch of a conditional can be the text: the longer one counts.
      code: `${SDK}const verbose = process.argv.includes('--verbose');\nserver.registerTool('read', { description: verbose ? '${text(1050)}' : 'Read a file.' }, async () => ({ content: [] }));`,
      errors: [{ messageId: 'tooLong', data: { what: 'tool description', length: '1,050', max: '1,024', advice: TOOL_ADVICE }, line: 4, column: 44, endLine: 4, endColumn: 1123 }],
    },
    {
      // Server instructions, prompts and resources.
      code: `${SDK}const server = new McpServer({ name: 'shop', version: '1.0.0' }, { instructions: '${text(1200)}' });\n` +
        `server.registerPrompt('review', { description: '${text(1025)}' }, () => ({ messages: [] }));\n` +
        `server.registerResource('catalog', 'shop://catalog', { description: '${text(1026)}' }, async (uri) => ({ contents: [] }));`,
      errors: [
        { messageId: 'tooLong', data: { what: 'server `instructions` text', length: '1,200', max: '1,024', advice: 'Keep it to a few sentences on how the server’s tools fit together' }, line: 3, column: 82, endLine: 3, endColumn: 1284 },
        { messageId: 'tooLong', data: { what: 'prompt description', length: '1,025', max: '1,024', advice: 'Keep it to one short sentence that says what the prompt is for' }, line: 4, column: 48, endLine: 4, endColumn: 1075 },
        { messageId: 'tooLong', data: { what: 'resource description', length: '1,026', max: '1,024', advice: 'Keep it to one short sentence that says what the resource holds' }, line: 5, column: 69, endLine: 5, endColumn: 1097 },
      ],
    },
    {
      // A low-level tool list: the entry and the JSON Schema property descriptions.
      code: "import { Server } from '@modelcontextprotocol/sdk/server/index.js';\nimport { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';\n" +
        `server.setRequestHandler(ListToolsRequestSchema, async () => ({\n  tools: [{\n    name: 'read',\n    description: '${text(1030)}',\n` +
        `    inputSchema: { type: 'object', properties: { path: { type: 'string', description: '${text(1040)}' } } },\n  }],\n}));`,
      errors: [
        { messageId: 'tooLong', data: { what: 'tool description', length: '1,030', max: '1,024', advice: TOOL_ADVICE }, line: 6, column: 18, endLine: 6, endColumn: 1050 },
        { messageId: 'tooLong', data: { what: 'parameter description', length: '1,040', max: '1,024', advice: 'Say in a short phrase what the value is' }, line: 7, column: 87, endLine: 7, endColumn: 1129 },
      ],
    },
    {
      // FastMCP and a local factory: the factory's description is measured per call.
      code: `import { FastMCP } from 'fastmcp';\nconst server = new FastMCP({ name: 'shop', version: '1.0.0' });\n` +
        `function addEcho(name: string, description: string) {\n  server.addTool({ name, description, execute: async () => 'ok' });\n}\naddEcho('short', 'Echo.');\naddEcho('long', '${text(1027)}');`,
      errors: [{ messageId: 'tooLong', data: { what: 'tool description (from the call at line 7)', length: '1,027', max: '1,024', advice: TOOL_ADVICE }, line: 4, column: 26, endLine: 4, endColumn: 37 }],
    },
  ],
});
