import path from 'node:path';

import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/no-path-traversal.js';
import { createRuleTester } from '../rule-tester.js';
import { repoRoot } from '../support/lint.js';

const SDK = "import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";
const SERVER = "const server = new McpServer({ name: 'files', version: '1.0.0' });\nconst ROOT = '/srv/data';\n";
const FS = "import fs from 'node:fs/promises';\nimport path from 'node:path';";
const tool = (imports: string, schema: string, body: string, params = 'args') =>
  `${imports}\n${SDK}${SERVER}server.registerTool('read_file', { description: 'Read a file.', inputSchema: { ${schema} } }, async (${params}) => {\n${body}\n  return { content: [{ type: 'text', text: 'ok' }] };\n});\n`;
const P = 'path: z.string()';

const invalid: InvalidTestCase<MessageId, Options>[] = [
  { name: 'a helper checks against the root it is passed, and the caller passes tool input as the root', code: tool(FS, `${P}, root: z.string()`, "  function inside(base: string, requested: string) {\n    const lexical = path.resolve(base, requested);\n    if (lexical !== base && !lexical.startsWith(base + path.sep)) throw new Error('outside');\n    return lexical;\n  }\n  await fs.readFile(inside(args.root, args.path), 'utf8');"),
    errors: [
      { messageId: 'unsanitizedPath', line: 13, column: 21, endLine: 13, endColumn: 49 },
    ],
  },
  { name: 'seed: readFile(path.join(BASE, args.path))', code: tool(FS, P, "  await fs.readFile(path.join(ROOT, args.path), 'utf8');"),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 21, endLine: 8, endColumn: 47 },
    ],
  },
  { name: 'the input as the path', code: tool(FS, P, "  await fs.readFile(args.path, 'utf8');"),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 21, endLine: 8, endColumn: 30 },
    ],
  },
  { name: 'path.resolve alone', code: tool(FS, P, '  await fs.readFile(path.resolve(args.path));'),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 21, endLine: 8, endColumn: 44 },
    ],
  },
  { name: 'a template path', code: tool(FS, P, '  await fs.writeFile(`${ROOT}/${args.path}`, "");'),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 22, endLine: 8, endColumn: 44 },
    ],
  },
  { name: 'named imports: rm, readdir, mkdir', code: tool("import { mkdir, readdir, rm } from 'node:fs/promises';\nimport path from 'node:path';", P, "  await readdir(path.join(ROOT, args.path));\n  await mkdir(path.join(ROOT, args.path), { recursive: true });\n  await rm(path.join(ROOT, args.path), { recursive: true });"),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 17, endLine: 8, endColumn: 43 },
      { messageId: 'unsanitizedPath', line: 9, column: 15, endLine: 9, endColumn: 41 },
      { messageId: 'unsanitizedPath', line: 10, column: 12, endLine: 10, endColumn: 38 },
    ],
  },
  { name: 'both paths of rename', code: tool(FS, 'from: z.string(), to: z.string()', '  await fs.rename(args.from, args.to);'),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 19, endLine: 8, endColumn: 28 },
      { messageId: 'unsanitizedPath', line: 8, column: 30, endLine: 8, endColumn: 37 },
    ],
  },
  { name: 'sync API and streams', code: tool("import fs from 'node:fs';\nimport path from 'node:path';", P, "  fs.createReadStream(path.join(ROOT, args.path));\n  fs.existsSync(args.path);"),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 23, endLine: 8, endColumn: 49 },
      { messageId: 'unsanitizedPath', line: 9, column: 17, endLine: 9, endColumn: 26 },
    ],
  },
  { name: "require('fs').promises", code: tool("const { readFile } = require('fs').promises;\nimport path from 'node:path';", P, '  await readFile(path.join(ROOT, args.path));'),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 18, endLine: 8, endColumn: 44 },
    ],
  },
  { name: 'fs-extra', code: tool("import fse from 'fs-extra';\nimport path from 'node:path';", P, "  await fse.outputFile(path.join(ROOT, args.path), 'x');\n  await fse.remove(path.join(ROOT, args.path));"),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 24, endLine: 8, endColumn: 50 },
      { messageId: 'unsanitizedPath', line: 9, column: 20, endLine: 9, endColumn: 46 },
    ],
  },
  { name: 'prefix bypass: startsWith(root) without a separator', code: tool(FS, P, "  const full = path.resolve(ROOT, args.path);\n  if (!full.startsWith(ROOT)) throw new Error('Outside the root.');\n  await fs.readFile(full);"),
    errors: [
      { messageId: 'prefixBypass', line: 9, column: 8, endLine: 9, endColumn: 29 },
    ],
  },
  { name: 'prefix bypass: allowedDirectories.some(startsWith)', code: tool(FS + "\nconst allowedDirectories = ['/srv/data', '/srv/shared'];", P, "  const absolute = path.resolve(args.path);\n  const normalized = path.normalize(absolute);\n  const allowed = allowedDirectories.some((dir) => normalized.startsWith(dir));\n  if (!allowed) throw new Error('Access denied.');\n  await fs.readFile(normalized, 'utf8');"),
    errors: [
      { messageId: 'prefixBypass', line: 11, column: 52, endLine: 11, endColumn: 78 },
    ],
  },
  { name: 'symlink escape (option): containment without realpath', options: [{ checkSymlinks: true }], code: tool(FS, P, "  const full = path.resolve(ROOT, args.path);\n  if (!full.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');\n  await fs.readFile(full);"),
    errors: [
      { messageId: 'symlinkEscape', line: 10, column: 21, endLine: 10, endColumn: 25 },
    ],
  },
  { name: "replace('..', '') is not a sanitizer", code: tool(FS, P, "  await fs.readFile(path.join(ROOT, args.path.replace('..', '')));"),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 21, endLine: 8, endColumn: 65 },
    ],
  },
  { name: 'a global replace of ../ is not a sanitizer', code: tool(FS, P, "  const cleaned = args.path.replace(/\\.\\.\\//g, '');\n  await fs.readFile(path.join(ROOT, cleaned));"),
    errors: [
      { messageId: 'unsanitizedPath', line: 9, column: 21, endLine: 9, endColumn: 45 },
    ],
  },
  { name: 'a function merely named sanitize', code: `${FS}\n${SDK}${SERVER}function sanitizePath(p: string): string {\n  return path.normalize(p).replace(/^\\/+/, '');\n}\nserver.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async ({ path: requested }) => {\n  const text = await fs.readFile(path.join(ROOT, sanitizePath(requested)), 'utf8');\n  return { content: [{ type: 'text', text }] };\n});\n`,
    errors: [
      { messageId: 'unsanitizedPath', line: 11, column: 34, endLine: 11, endColumn: 74 },
    ],
  },
  { name: 'path.normalize alone', code: tool(FS, P, '  await fs.readFile(path.join(ROOT, path.normalize(args.path)));'),
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 21, endLine: 8, endColumn: 63 },
    ],
  },
  { name: "includes('..') does not stop an absolute path in resolve", code: tool(FS, P, "  if (args.path.includes('..')) throw new Error('No parent segments.');\n  await fs.readFile(path.resolve(ROOT, args.path));"),
    errors: [
      { messageId: 'unsanitizedPath', line: 9, column: 21, endLine: 9, endColumn: 50 },
    ],
  },
  { name: 'startsWith on the raw path', code: tool(FS, P, "  if (!args.path.startsWith(ROOT + '/')) throw new Error('Outside the root.');\n  await fs.readFile(args.path);"),
    errors: [
      { messageId: 'unsanitizedPath', line: 9, column: 21, endLine: 9, endColumn: 30 },
    ],
  },
  { name: 'basename still allows .. for directory operations', code: tool(FS, P, '  await fs.rm(path.join(ROOT, path.basename(args.path)), { recursive: true });'),
    errors: [
      { messageId: 'segmentDirectory', line: 8, column: 15, endLine: 8, endColumn: 56 },
    ],
  },
  { name: 'resource template variable', code: `${FS}\n${SDK}${SERVER}server.registerResource('file', new ResourceTemplate('file:///{name}', { list: undefined }), { description: 'A file.' }, async (uri, { name }) => {\n  const text = await fs.readFile(path.join(ROOT, String(name)), 'utf8');\n  return { contents: [{ uri: uri.href, text }] };\n});\n`,
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 34, endLine: 8, endColumn: 63 },
    ],
  },
  { name: 'resource URI pathname', code: `${FS}\n${SDK}${SERVER}server.registerResource('file', new ResourceTemplate('file:///{+path}', { list: undefined }), { description: 'A file.' }, async (uri) => {\n  const text = await fs.readFile(decodeURIComponent(uri.pathname), 'utf8');\n  return { contents: [{ uri: uri.href, text }] };\n});\n`,
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 34, endLine: 8, endColumn: 66 },
    ],
  },
  { name: 'low-level handler', code: `${FS}\nimport { Server } from '@modelcontextprotocol/sdk/server/index.js';\nimport { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';\nconst server = new Server({ name: 'files', version: '1' }, { capabilities: { tools: {} } });\nserver.setRequestHandler(CallToolRequestSchema, async (request) => {\n  const args = request.params.arguments as { path: string };\n  const text = await fs.readFile(args.path, 'utf8');\n  return { content: [{ type: 'text', text }] };\n});\n`,
    errors: [
      { messageId: 'unsanitizedPath', line: 8, column: 34, endLine: 8, endColumn: 43 },
    ],
  },
  { name: 'zod parse in a low-level handler keeps string fields tainted', code: `${FS}\nimport { Server } from '@modelcontextprotocol/sdk/server/index.js';\nimport { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';\nimport { z } from 'zod';\nconst ReadArgs = z.object({ path: z.string(), encoding: z.enum(['utf8', 'base64']) });\nconst server = new Server({ name: 'files', version: '1' }, { capabilities: { tools: {} } });\nserver.setRequestHandler(CallToolRequestSchema, async (request) => {\n  const { path: file, encoding } = ReadArgs.parse(request.params.arguments);\n  const text = await fs.readFile(file, encoding);\n  return { content: [{ type: 'text', text }] };\n});\n`,
    errors: [
      { messageId: 'unsanitizedPath', line: 10, column: 34, endLine: 10, endColumn: 38 },
    ],
  },
  { name: 'the cwd of a process', code: tool("import { execFile } from 'node:child_process';", 'repo: z.string()', "  execFile('git', ['status'], { cwd: args.repo });"),
    errors: [
      { messageId: 'unsanitizedPath', line: 7, column: 38, endLine: 7, endColumn: 47 },
    ],
  },
  { name: 'cross-module: an imported reader', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import { readNote } from './notes.js';", 'name: z.string()', '  await readNote(args.name);'),
    errors: [
      { messageId: 'crossModule', line: 7, column: 9, endLine: 7, endColumn: 28 },
    ],
  },
  { name: 'cross-module: a prefix check in a helper, reported at the call', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import fs from 'node:fs/promises';\nimport { isAllowed } from './notes.js';", 'name: z.string()', "  if (!isAllowed(args.name)) throw new Error('Access denied.');\n  await fs.readFile(args.name, 'utf8');"),
    errors: [
      { messageId: 'prefixBypass', line: 8, column: 8, endLine: 8, endColumn: 28 },
    ],
  },
  { name: 'same-file helper with a prefix bypass: reported at the check', code: `${FS}\n${SDK}${SERVER}async function validatePath(requested: string): Promise<string> {\n  const absolute = path.resolve(ROOT, requested);\n  if (!absolute.startsWith(ROOT)) throw new Error('Access denied.');\n  return absolute;\n}\nserver.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async ({ path: requested }) => {\n  const text = await fs.readFile(await validatePath(requested), 'utf8');\n  return { content: [{ type: 'text', text }] };\n});\n`,
    errors: [
      { messageId: 'prefixBypass', line: 9, column: 8, endLine: 9, endColumn: 33 },
    ],
  },
];

const valid: ValidTestCase<Options>[] = [
  { name: 'a helper checks against the root it is passed, and the caller passes a constant root', code: tool(FS, P, "  function inside(base: string, requested: string) {\n    const lexical = path.resolve(base, requested);\n    if (lexical !== base && !lexical.startsWith(base + path.sep)) throw new Error('outside');\n    return lexical;\n  }\n  await fs.readFile(inside(ROOT, args.path), 'utf8');") },
  { name: 'the root passed on through two helpers is still the constant', code: tool(FS, P, "  function inside(base: string, requested: string) {\n    const lexical = path.resolve(base, requested);\n    if (lexical !== base && !lexical.startsWith(base + path.sep)) throw new Error('outside');\n    return lexical;\n  }\n  const within = (base: string, p: string) => inside(base, p);\n  await fs.readFile(within(ROOT, args.path), 'utf8');") },
  { name: 'seed: realpath(resolve(BASE, p)) checked against BASE + sep (symlinks on)', options: [{ checkSymlinks: true }], code: tool(FS, P, "  const real = await fs.realpath(path.resolve(ROOT, args.path));\n  if (!real.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');\n  await fs.readFile(real, 'utf8');") },
  { name: 'resolve + startsWith(root + sep) (default options)', code: tool(FS, P, "  const full = path.resolve(ROOT, args.path);\n  if (!full.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');\n  await fs.readFile(full);") },
  { name: 'template separator and root === or startsWith', code: tool(FS, P, "  const full = path.resolve(ROOT, args.path);\n  if (full === ROOT || full.startsWith(`${ROOT}${path.sep}`)) {\n    await fs.readdir(full);\n  }") },
  { name: 'a root constant that ends with a separator', code: tool(FS + "\nconst ROOT_DIR = '/srv/data/';", P, "  const full = path.join(ROOT_DIR, args.path);\n  if (!full.startsWith(ROOT_DIR)) throw new Error('Outside the root.');\n  await fs.readFile(full);") },
  { name: 'path.relative check', code: tool(FS, P, "  const target = path.resolve(ROOT, args.path);\n  const relative = path.relative(ROOT, target);\n  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error('Outside the root.');\n  await fs.writeFile(target, 'x');") },
  { name: 'a same-file helper that returns a checked path', code: `${FS}\n${SDK}${SERVER}function resolveInside(requested: string): string {\n  const full = path.resolve(ROOT, requested);\n  if (!full.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');\n  return full;\n}\nserver.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async ({ path: requested }) => {\n  const text = await fs.readFile(resolveInside(requested), 'utf8');\n  return { content: [{ type: 'text', text }] };\n});\n` },
  { name: 'a same-file predicate', code: `${FS}\n${SDK}${SERVER}const isInside = (candidate: string) => candidate.startsWith(ROOT + path.sep);\nserver.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async ({ path: requested }) => {\n  const full = path.resolve(ROOT, requested);\n  if (!isInside(full)) throw new Error('Outside the root.');\n  const text = await fs.readFile(full, 'utf8');\n  return { content: [{ type: 'text', text }] };\n});\n` },
  { name: 'cross-module: a checking helper', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import fs from 'node:fs/promises';\nimport { resolveInside } from './notes.js';", 'name: z.string()', "  await fs.readFile(await resolveInside(args.name), 'utf8');") },
  { name: 'cross-module: an asserting helper', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import fs from 'node:fs/promises';\nimport path from 'node:path';\nimport { assertInside, NOTES_ROOT } from './notes.js';", 'name: z.string()', "  assertInside(args.name);\n  await fs.readFile(path.resolve(NOTES_ROOT, args.name), 'utf8');") },
  { name: 'basename for a file operation', code: tool(FS, P, "  await fs.readFile(path.join(ROOT, path.basename(args.path)), 'utf8');") },
  { name: "includes('..') before join", code: tool(FS, P, "  if (args.path.includes('..')) throw new Error('No parent segments.');\n  await fs.readFile(path.join(ROOT, args.path));") },
  { name: 'allowlist of names', code: tool(FS + "\nconst FILES = ['README.md', 'CHANGELOG.md'];", P, "  if (!FILES.includes(args.path)) throw new Error('Unknown file.');\n  await fs.readFile(path.join(ROOT, args.path));") },
  { name: 'z.enum field', code: tool(FS, "path: z.enum(['a.txt', 'b.txt'])", '  await fs.readFile(path.join(ROOT, args.path));') },
  { name: 'anchored regex without separators or a leading dot', code: tool(FS, P, "  if (!/^[\\w-][\\w.-]*$/.test(args.path)) throw new Error('Bad name.');\n  await fs.readFile(path.join(ROOT, args.path));") },
  { name: 'a stripping replace that keeps word characters', code: tool(FS, P, "  const name = args.path.replace(/[^\\w-]/g, '_');\n  await fs.readFile(path.join(ROOT, `${name}.json`));") },
  { name: 'sanitize-filename', code: tool(FS + "\nimport sanitize from 'sanitize-filename';", P, '  await fs.readFile(path.join(ROOT, sanitize(args.path)));') },
  { name: 'is-path-inside', code: tool(FS + "\nimport isPathInside from 'is-path-inside';", P, "  const full = path.resolve(ROOT, args.path);\n  if (!isPathInside(full, ROOT)) throw new Error('Outside the root.');\n  await fs.readFile(full);") },
  { name: 'static paths', code: tool(FS, P, "  await fs.readFile(path.join(__dirname, 'templates', 'page.html'), 'utf8');") },
  { name: 'a readFile method of another object', code: tool(FS + "\nconst storage = { readFile: async (key: string) => key };", P, '  await storage.readFile(args.path);') },
  { name: 'a number in the path', code: tool(FS, 'page: z.number().int()', '  await fs.readFile(path.join(ROOT, `page-${args.page}.json`));') },
];

createRuleTester().run('no-path-traversal', rule, { valid, invalid });

/** With type information, a value typed number carries no path text. */
const TYPED = `import { readFile } from 'node:fs/promises';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
const server = new Server({ name: 'pages', version: '1' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { page } = request.params.arguments as { page: TYPE };
  const text = await readFile(\`/srv/pages/\${page}\`, 'utf8');
  return { content: [{ type: 'text', text }] };
});
`;

createRuleTester({ typed: true }).run('no-path-traversal (typed)', rule, {
  valid: [{ name: 'a number', code: TYPED.replace('TYPE', 'number') }],
  invalid: [
    { name: 'a string', code: TYPED.replace('TYPE', 'string'), errors: [{ messageId: 'unsanitizedPath', line: 7, column: 31, endLine: 7, endColumn: 51 }] },
  ],
});

/** Exclusive creation (`flag: 'wx'`) of one file name under the root cannot follow a symbolic link. */
const saveNote = (options: string): string => `import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
server.registerTool('save_note', { description: 'Save a note.', inputSchema: { title: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _-]*$/), body: z.string() } }, async ({ title, body }) => {
  await writeFile(path.join('/srv/notes', \`\${title}.md\`), body${options});
  return { content: [] };
});
`;

createRuleTester().run('no-path-traversal (exclusive creation)', rule, {
  valid: [{ name: "one file name created with flag 'wx'", options: [{ checkSymlinks: true }], code: saveNote(", { encoding: 'utf8', flag: 'wx' }") }],
  invalid: [
    {
      name: 'the same without the exclusive flag',
      options: [{ checkSymlinks: true }],
      code: saveNote(", 'utf8'"),
      errors: [{ messageId: 'symlinkEscape', line: 7, column: 19, endLine: 7, endColumn: 57 }],
    },
  ],
});

/**
 * A containment check on the result of a user-written wrapper that only normalises covers the value
 * it was given (@modelcontextprotocol/server-filesystem, CVE-2025-53110: `normalizePath(abs)`).
 */
const wrapped = (wrapper: string, check: string, canonical = 'const real = abs;') => `${FS}
${SDK}${SERVER}const allowed = ['/srv/notes', '/srv/shared'];
function normalizePath(p: string): string {
  ${wrapper}
}
async function validatePath(requested: string): Promise<string> {
  const abs = path.resolve(requested);
  ${canonical}
  const normalized = normalizePath(real);
  if (!allowed.some((dir) => ${check})) throw new Error('Access denied.');
  return real;
}
server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string() } }, async (args) => {
  const text = await fs.readFile(await validatePath(args.path), 'utf8');
  return { content: [{ type: 'text', text }] };
});
`;
const NORMALIZE = 'return path.normalize(p);';
const REALPATH = 'const real = await fs.realpath(abs);';

/** `dirs.some(…)` with a block-bodied callback. */
const someBlock = (callback: string) => tool(FS + "\nconst DIRS = ['/srv/notes', '/srv/shared'];", P, `  const full = path.resolve(ROOT, args.path);\n  const ok = DIRS.some((dir) => {\n${callback}\n  });\n  if (!ok) throw new Error('Outside the allowed directories.');\n  await fs.readFile(full, 'utf8');`);

/** A fixed suffix after a contained path. */
const suffixed = (suffix: string, canonical = 'path.resolve(ROOT, args.path)') => tool(FS, `${P}, suffix: z.string()`, `  const full = ${canonical};\n  if (!full.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');\n  await fs.copyFile(full, \`\${full}${suffix}\`);`);

createRuleTester().run('no-path-traversal (containment precision)', rule, {
  valid: [
    { name: 'a normalising wrapper, checked against the root plus a separator', code: wrapped(NORMALIZE, 'normalized.startsWith(dir + path.sep)') },
    { name: 'a wrapper of a wrapper that resolves', code: wrapped('return inner(p);\n}\nfunction inner(p: string): string {\n  return path.resolve(p);', 'normalized.startsWith(dir + path.sep)') },
    { name: 'the fixed server-filesystem: realpath, a normalising wrapper, root plus separator (symlinks on)', options: [{ checkSymlinks: true }], code: wrapped(NORMALIZE, 'normalized.startsWith(dir + path.sep)', REALPATH) },
    { name: 'a block-bodied callback resolving the root', code: someBlock('    const root = path.resolve(dir);\n    return full.startsWith(root + path.sep);') },
    { name: 'a block-bodied callback with the root itself', code: someBlock('    if (full === dir) return true;\n    return full.startsWith(dir + path.sep);') },
    { name: 'a block-bodied callback with a false return', code: someBlock('    if (dir.length === 0) return false;\n    return full.startsWith(dir + path.sep);') },
    { name: 'a timestamp suffix on a contained path', code: suffixed('.backup.${Date.now()}') },
    { name: 'a number and an ISO date suffix on a contained path', code: suffixed('-${new Date().toISOString()}.${Math.floor(Math.random() * 1000)}.bak') },
    { name: 'a suffix on a realpath-ed contained path (symlinks on)', options: [{ checkSymlinks: true }], code: suffixed('.backup.${Date.now()}', 'await fs.realpath(path.resolve(ROOT, args.path))') },
  ],
  invalid: [
    { name: 'CVE-2025-53110: a prefix check without a separator through a normalising wrapper', code: wrapped(NORMALIZE, 'normalized.startsWith(dir)'),
      errors: [{ messageId: 'prefixBypass', line: 15, column: 30, endLine: 15, endColumn: 56 }],
    },
    { name: 'a normalising wrapper without realpath (symlinks on)', options: [{ checkSymlinks: true }], code: wrapped(NORMALIZE, 'normalized.startsWith(dir + path.sep)'),
      errors: [{ messageId: 'symlinkEscape', line: 19, column: 34, endLine: 19, endColumn: 63 }],
    },
    { name: 'a wrapper that changes the value (case) covers nothing', code: wrapped('return path.normalize(p).toLowerCase();', 'normalized.startsWith(dir + path.sep)'),
      errors: [{ messageId: 'unsanitizedPath', line: 19, column: 34, endLine: 19, endColumn: 63 }],
    },
    { name: 'a wrapper that returns something else on one branch covers nothing', code: wrapped("if (p.startsWith('~')) return path.join('/home/user', p.slice(1));\n  return path.normalize(p);", 'normalized.startsWith(dir + path.sep)'),
      errors: [{ messageId: 'unsanitizedPath', line: 20, column: 34, endLine: 20, endColumn: 63 }],
    },
    { name: 'a block-bodied callback with a prefix bypass', code: someBlock('    const root = path.resolve(dir);\n    return full.startsWith(root);'),
      errors: [{ messageId: 'prefixBypass', line: 12, column: 12, endLine: 12, endColumn: 33 }],
    },
    { name: 'a block-bodied callback with another truthy return', code: someBlock("    if (dir === '*') return true;\n    return full.startsWith(dir + path.sep);"),
      errors: [{ messageId: 'unsanitizedPath', line: 15, column: 21, endLine: 15, endColumn: 25 }],
    },
    { name: 'a block-bodied callback returning a non-boolean', code: someBlock('    const root = path.resolve(dir);\n    return full.startsWith(root + path.sep) || root;'),
      errors: [{ messageId: 'unsanitizedPath', line: 15, column: 21, endLine: 15, endColumn: 25 }],
    },
    { name: 'an async callback returns a promise, truthy whatever it checks', code: tool(FS + "\nconst DIRS = ['/srv/notes', '/srv/shared'];", P, "  const full = path.resolve(ROOT, args.path);\n  if (!DIRS.some(async (dir) => full.startsWith(dir + path.sep))) throw new Error('Outside.');\n  await fs.readFile(full, 'utf8');"),
      errors: [{ messageId: 'unsanitizedPath', line: 11, column: 21, endLine: 11, endColumn: 25 }],
    },
    { name: 'an input-derived suffix', code: suffixed('.${args.suffix}'),
      errors: [{ messageId: 'unsanitizedPath', line: 10, column: 27, endLine: 10, endColumn: 51 }],
    },
    { name: 'a suffix that can hold a separator (a locale date)', code: suffixed('.${new Date().toLocaleDateString()}'),
      errors: [{ messageId: 'unsanitizedPath', line: 10, column: 27, endLine: 10, endColumn: 71 }],
    },
    { name: "a suffix that makes a '..' segment", code: suffixed('/..'),
      errors: [{ messageId: 'unsanitizedPath', line: 10, column: 27, endLine: 10, endColumn: 39 }],
    },
    { name: 'a suffix on a contained path without realpath (symlinks on)', options: [{ checkSymlinks: true }], code: suffixed('.backup.${Date.now()}'),
      errors: [
        { messageId: 'symlinkEscape', line: 10, column: 21, endLine: 10, endColumn: 25 },
        { messageId: 'symlinkEscape', line: 10, column: 27, endLine: 10, endColumn: 57 },
      ],
    },
  ],
});

/** A path normalised into a variable declared without a value and written once (`let p; try { p = … } catch { … }`). */
const writtenOnce = (declare: string, check = "if (!normalized.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');") =>
  tool(FS, P, `  const full = path.join(ROOT, args.path);\n  let normalized: string | undefined;\n${declare}\n  ${check}\n  await fs.readFile(full, 'utf8');`);

/** A predicate helper in the shape of server-filesystem's path validation (own reduction): the root may be `/`. */
const withinRoots = (callback: string, caller = 'roots') => `${FS}
${SDK}${SERVER}const roots = ['/srv/notes', '/'];
function isWithin(candidate: string, dirs: string[]): boolean {
  let resolved: string;
  try {
    resolved = path.resolve(path.normalize(candidate));
  } catch {
    return false;
  }
  return dirs.some((dir) => {
${callback}
  });
}
server.registerTool('read_file', { description: 'Read a file.', inputSchema: { path: z.string(), root: z.string() } }, async (args) => {
  const absolute = path.isAbsolute(args.path) ? path.resolve(args.path) : path.resolve(process.cwd(), args.path);
  if (!isWithin(absolute, ${caller})) throw new Error('Access denied.');
  const text = await fs.readFile(absolute, 'utf8');
  return { content: [{ type: 'text', text }] };
});
`;
const ROOT_CALLBACK = "    const base = path.resolve(dir);\n    if (resolved === base) return true;\n    if (base === path.sep) return resolved.startsWith(path.sep);\n    return resolved.startsWith(base + path.sep);";

/** A check on a conditional whose branches both resolve the same input. */
const eitherResolve = (absolute: string) => tool(FS, P, `  const requested = args.path;\n  const absolute = ${absolute};\n  if (!absolute.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');\n  await fs.readFile(path.resolve(ROOT, requested), 'utf8');`);

const RANDOM = FS + "\nimport { randomBytes } from 'node:crypto';";
const tempCopy = (encoding: string) => tool(RANDOM, P, `  const full = path.resolve(ROOT, args.path);\n  if (!full.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');\n  await fs.writeFile(\`\${full}.\${randomBytes(16).toString('${encoding}')}.tmp\`, 'x');`);

createRuleTester().run('no-path-traversal (single writes, a root that is the file system, either-branch normalisation)', rule, {
  valid: [
    { name: 'a let written once inside a try whose catch leaves', code: writtenOnce("  try {\n    normalized = path.normalize(full);\n  } catch {\n    throw new Error('Bad path.');\n  }") },
    { name: 'a let written once by a later statement', code: writtenOnce('  normalized = path.normalize(full);') },
    { name: 'a block-bodied callback whose root may be the file-system root (path.sep)', code: someBlock('    const root = path.resolve(dir);\n    if (root === path.sep) return full.startsWith(path.sep);\n    return full.startsWith(root + path.sep);') },
    { name: "a block-bodied callback returning true for the root '/' (absolute by an isAbsolute check)", code: tool(FS + "\nconst DIRS = ['/srv/notes', '/'];", P, "  const full = path.normalize(args.path);\n  if (!path.isAbsolute(full)) throw new Error('Absolute paths only.');\n  const ok = DIRS.some((dir) => {\n    if (dir === '/') return true;\n    return full.startsWith(dir + path.sep);\n  });\n  if (!ok) throw new Error('Outside the allowed directories.');\n  await fs.readFile(full, 'utf8');") },
    { name: 'a predicate helper: let in try, root special case, a conditional that resolves either way', code: withinRoots(ROOT_CALLBACK) },
    { name: 'a conditional whose branches both resolve the same value', code: eitherResolve('path.isAbsolute(requested) ? path.resolve(requested) : path.resolve(ROOT, requested)') },
    { name: "a random hex suffix on a contained path", code: tempCopy('hex') },
  ],
  invalid: [
    { name: 'a let written twice covers nothing', code: writtenOnce("  normalized = path.normalize(full);\n  normalized = path.join(ROOT, 'index.md');"),
      errors: [{ messageId: 'unsanitizedPath', line: 13, column: 21, endLine: 13, endColumn: 25 }],
    },
    { name: 'a let written in a branch covers nothing', code: writtenOnce("  if (args.path.endsWith('.md')) {\n    normalized = path.normalize(full);\n  }", "if (normalized !== undefined && !normalized.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');"),
      errors: [{ messageId: 'unsanitizedPath', line: 14, column: 21, endLine: 14, endColumn: 25 }],
    },
    { name: 'a let written in a try whose catch goes on covers nothing', code: writtenOnce("  try {\n    normalized = path.normalize(full);\n  } catch {\n    console.error('Bad path.');\n  }", "if (normalized !== undefined && !normalized.startsWith(ROOT + path.sep)) throw new Error('Outside the root.');"),
      errors: [{ messageId: 'unsanitizedPath', line: 16, column: 21, endLine: 16, endColumn: 25 }],
    },
    { name: 'startsWith(path.sep) is no root check', code: tool(FS, P, "  const full = path.resolve(ROOT, args.path);\n  if (!full.startsWith(path.sep)) throw new Error('Absolute paths only.');\n  await fs.readFile(full, 'utf8');"),
      errors: [{ messageId: 'unsanitizedPath', line: 10, column: 21, endLine: 10, endColumn: 25 }],
    },
    { name: 'a root-is-separator branch on a path not known absolute', code: tool(FS + "\nconst DIRS = ['/srv/notes', '/'];", P, "  const full = args.path;\n  const ok = DIRS.some((dir) => {\n    if (dir === path.sep) return true;\n    return path.resolve(full).startsWith(dir + path.sep);\n  });\n  if (!ok) throw new Error('Outside the allowed directories.');\n  await fs.readFile(full, 'utf8');"),
      errors: [{ messageId: 'unsanitizedPath', line: 15, column: 21, endLine: 15, endColumn: 25 }],
    },
    { name: 'a root-is-separator branch on a root from the input', code: tool(FS, `${P}, root: z.string()`, "  const full = path.resolve(ROOT, args.path);\n  const ok = [ROOT].some((dir) => {\n    if (args.root === path.sep) return true;\n    return full.startsWith(dir + path.sep);\n  });\n  if (!ok) throw new Error('Outside the allowed directories.');\n  await fs.readFile(full, 'utf8');"),
      errors: [{ messageId: 'unsanitizedPath', line: 14, column: 21, endLine: 14, endColumn: 25 }],
    },
    { name: 'the predicate helper given a root list from the input', code: withinRoots(ROOT_CALLBACK, '[args.root]'),
      errors: [{ messageId: 'unsanitizedPath', line: 25, column: 34, endLine: 25, endColumn: 42 }],
    },
    { name: 'a predicate helper given the root by the input', code: tool(FS, `${P}, root: z.string()`, "  const inside = (p: string, root: string) => p.startsWith(root + path.sep);\n  const full = path.resolve(ROOT, args.path);\n  if (!inside(full, args.root)) throw new Error('Outside the root.');\n  await fs.readFile(full, 'utf8');"),
      errors: [{ messageId: 'unsanitizedPath', line: 11, column: 21, endLine: 11, endColumn: 25 }],
    },
    { name: 'a conditional with one branch that does not normalise', code: eitherResolve('path.isAbsolute(requested) ? requested : path.resolve(ROOT, requested)'),
      errors: [{ messageId: 'unsanitizedPath', line: 11, column: 21, endLine: 11, endColumn: 50 }],
    },
    { name: 'a conditional whose branches resolve different values', code: eitherResolve("path.isAbsolute(requested) ? path.resolve(ROOT, requested) : path.resolve(ROOT, 'index.md')"),
      errors: [{ messageId: 'unsanitizedPath', line: 11, column: 21, endLine: 11, endColumn: 50 }],
    },
    { name: 'a random base64 suffix (it can hold a separator)', code: tempCopy('base64'),
      errors: [{ messageId: 'unsanitizedPath', line: 11, column: 22, endLine: 11, endColumn: 73 }],
    },
  ],
});

/** A checked path rebuilt after the check, inline or in a helper it is passed to. */
const rebuilt = (helpers: string, use: string): string => `import fs from 'node:fs/promises';
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'files', version: '1.0.0' });
const ROOT = '/srv/data';
${helpers}
server.registerTool('read', { description: 'Read a file.', inputSchema: { path: z.string() } }, async (args) => {
  const full = await fs.realpath(path.resolve(ROOT, args.path));
  if (!full.startsWith(ROOT + path.sep)) throw new Error('Outside the data directory.');
  return { content: [{ type: 'text', text: String(${use}) }] };
});
`;

createRuleTester().run('no-path-traversal (a checked path rebuilt)', rule, {
  valid: [
    { name: 'passed to a helper as it is', code: rebuilt('function read(p: string) { return fs.readFile(p, "utf8"); }', 'await read(full)') },
    { name: 'a helper appends a plain suffix', code: rebuilt('function backup(p: string) { return fs.copyFile(p, `${p}.bak`); }', 'await backup(full)') },
    { name: 'a helper joins a file name under it', code: rebuilt("function index(p: string) { return fs.readFile(path.join(p, 'index.md'), 'utf8'); }", 'await index(full)') },
    { name: 'a helper lists its directory', code: rebuilt('function siblings(p: string) { return fs.readdir(path.dirname(p)); }', 'await siblings(full)') },
    { name: 'joined with a safe file name', code: rebuilt('', "await fs.readFile(path.join(full, path.basename(args.path) + '.md'), 'utf8')") },
  ],
  invalid: [
    {
      name: 'a helper climbs out of it',
      code: rebuilt("function readAbove(p: string) { return fs.readFile(p + '/../../etc/passwd', 'utf8'); }", 'await readAbove(full)'),
      errors: [{ messageId: 'unsanitizedPath', line: 7, column: 52, endLine: 7, endColumn: 75 }],
    },
    {
      name: "join with '..' after it",
      code: rebuilt('', "await fs.readFile(path.join(full, '..', '..', 'etc', 'passwd'), 'utf8')"),
      errors: [{ messageId: 'unsanitizedPath', line: 11, column: 69, endLine: 11, endColumn: 113 }],
    },
    {
      name: 'resolve of an absolute path after it',
      code: rebuilt('', "await fs.readFile(path.resolve(full, '/etc/passwd'), 'utf8')"),
      errors: [{ messageId: 'unsanitizedPath', line: 11, column: 69, endLine: 11, endColumn: 102 }],
    },
  ],
});
