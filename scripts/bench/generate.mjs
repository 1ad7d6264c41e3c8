// Deterministic generator of synthetic MCP server projects for `npm run bench`.
//
// A project is `filesPerProject` files: one entry point, tool modules in every registration style the plugin
// models (SDK v1 `registerTool` / `tool`, the low-level `setRequestHandler`, FastMCP `addTool`), a config module
// and ordinary helper modules that have nothing to do with MCP. Tool handlers do what real ones do: read files
// with path.join, run commands, fetch, query SQL, read process.env, catch errors and hand the message back.
// Everything comes from a seeded PRNG (mulberry32), never Math.random: the same seed gives the same bytes.
import { Buffer } from 'node:buffer';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  /** `weights`: [[value, weight], …]. */
  const weighted = (weights) => {
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    let roll = next() * total;
    for (const [value, w] of weights) {
      roll -= w;
      if (roll < 0) return value;
    }
    return weights[weights.length - 1][0];
  };
  return { next, int, pick, chance, weighted };
}

const NOUNS = ['file', 'issue', 'ticket', 'repo', 'branch', 'commit', 'user', 'order', 'invoice', 'report', 'page', 'record',
  'document', 'image', 'task', 'note', 'event', 'metric', 'log', 'query', 'table', 'bucket', 'secret', 'job', 'build', 'note'];
const VERBS = ['get', 'list', 'read', 'search', 'create', 'update', 'delete', 'fetch', 'sync', 'export', 'import', 'run', 'summarize'];
const WORDS = ['the', 'a', 'current', 'workspace', 'project', 'remote', 'local', 'cached', 'latest', 'matching', 'selected',
  'given', 'returns', 'contents', 'metadata', 'of', 'for', 'from', 'with', 'and', 'optional', 'filter', 'limit', 'results',
  'when', 'path', 'relative', 'to', 'root', 'directory', 'identifier', 'format', 'JSON', 'text', 'only', 'in', 'is', 'used'];
const ENV_VARS = ['API_TOKEN', 'GITHUB_TOKEN', 'DATABASE_URL', 'BASE_URL', 'ROOT_DIR', 'LOG_LEVEL', 'OPENAI_API_KEY', 'REGION', 'PORT'];
const COMMANDS = ['git', 'ls', 'grep', 'convert', 'ffmpeg', 'docker', 'npm', 'kubectl'];

const cap = (word) => word[0].toUpperCase() + word.slice(1);
const camel = (...parts) => parts[0] + parts.slice(1).map(cap).join('');
const snake = (...parts) => parts.join('_');

function sentence(rng, min, max) {
  const words = Array.from({ length: rng.int(min, max) }, () => rng.pick(WORDS));
  return `${cap(words.join(' '))}.`;
}
const description = (rng) => Array.from({ length: rng.int(1, 4) }, () => sentence(rng, 6, 16)).join(' ');

/** The tool input parameters of one tool: [{ name, kind }]. */
function params(rng) {
  const pool = [['path', 'string'], ['query', 'string'], ['id', 'string'], ['name', 'string'], ['ref', 'string'],
    ['url', 'string'], ['limit', 'number'], ['recursive', 'boolean'], ['format', 'enum']];
  const count = rng.int(1, 4);
  // Every tool takes at least one string (the input the handler's operations use).
  const first = rng.pick(pool.filter((p) => p[1] === 'string'));
  const chosen = [{ name: first[0], kind: first[1] }];
  while (chosen.length < count) {
    const p = rng.pick(pool);
    if (!chosen.some((c) => c.name === p[0])) chosen.push({ name: p[0], kind: p[1] });
  }
  return chosen;
}

function zodField(rng, p) {
  const base = p.kind === 'string' ? 'z.string()' : p.kind === 'number' ? 'z.number().int().min(1).max(100)'
    : p.kind === 'boolean' ? 'z.boolean()' : "z.enum(['json', 'text', 'csv'])";
  const optional = p.kind !== 'string' && rng.chance(0.5) ? '.optional()' : '';
  return `${p.name}: ${base}${optional}.describe(${JSON.stringify(sentence(rng, 4, 10))})`;
}

function jsonSchemaField(rng, p) {
  const type = p.kind === 'enum' ? 'string' : p.kind;
  return `${p.name}: { type: '${type}', description: ${JSON.stringify(sentence(rng, 4, 10))} }`;
}

/** One operation in a handler body, reading tool input through `input` (an expression such as `args`). */
function operation(rng, ts, input, p) {
  const str = p.find((x) => x.kind === 'string').name;
  const v = `${input}.${str}`;
  const kind = rng.weighted([['fs', 3], ['exec', 2], ['execFile', 2], ['fetch', 3], ['sql', 2], ['sqlSafe', 1], ['env', 2], ['pure', 3]]);
  const out = rng.pick(['text', 'body', 'output', 'rows', 'result']);
  switch (kind) {
    case 'fs':
      return [`const target = path.join(ROOT, ${v});`, `const ${out} = await fs.readFile(target, 'utf8');`];
    case 'exec':
      return [`const { stdout: ${out} } = await execAsync(\`${rng.pick(COMMANDS)} ${rng.pick(['log', 'show', 'status', '-la'])} \${${v}}\`);`];
    case 'execFile':
      return [`const { stdout: ${out} } = await execFileAsync('${rng.pick(COMMANDS)}', ['${rng.pick(['log', 'show', 'inspect'])}', String(${v})]);`];
    case 'fetch':
      return [`const res = await fetch(\`\${BASE_URL}/${rng.pick(NOUNS)}s/\${encodeURIComponent(${v})}\`, { headers: { authorization: \`Bearer \${TOKEN}\` } });`,
        `const ${out} = await res.text();`];
    case 'sql':
      return [`const ${out} = await db.query(\`SELECT * FROM ${rng.pick(NOUNS)}s WHERE ${str} = '\${${v}}' LIMIT ${rng.int(10, 100)}\`);`];
    case 'sqlSafe':
      return [`const ${out} = await db.query('SELECT * FROM ${rng.pick(NOUNS)}s WHERE ${str} = $1', [${v}]);`];
    case 'env':
      return [`const ${out} = process.env.${rng.pick(ENV_VARS)} ?? '';`];
    default:
      return [`const ${out} = ${ts ? `String(${v})` : v}.split('${rng.pick(['/', ',', ' '])}').map((part${ts ? ': string' : ''}) => part.trim()).filter(Boolean).join('\\n');`];
  }
}

function handlerBody(rng, ts, input, p, indent) {
  const lines = [];
  const ops = rng.int(1, 3);
  const names = new Set();
  for (let i = 0; i < ops; i += 1) {
    const op = operation(rng, ts, input, p);
    // One binding name per handler body: skip an operation that would redeclare.
    const declared = op.map((line) => /^const (?:\{ stdout: )?(\w+)/.exec(line)?.[1]).filter(Boolean);
    if (declared.some((n) => names.has(n))) continue;
    declared.forEach((n) => names.add(n));
    lines.push(...op);
  }
  const last = [...names].filter((n) => n !== 'target' && n !== 'res').pop() ?? 'input';
  const text = last === 'input' ? `JSON.stringify(${input})` : `String(${last})`;
  const body = rng.chance(0.6)
    ? ['try {', ...lines.map((l) => `  ${l}`), `  return { content: [{ type: 'text', text: ${text} }] };`, `} catch (${ts ? 'error' : 'err'}) {`,
      ...(ts ? ['  const err = error as Error;'] : []),
      `  return { content: [{ type: 'text', text: ${rng.pick(['`Error: ${err.message}`', 'err.stack ?? String(err)', "'Request failed'"])} }], isError: true };`, '}']
    : [...lines, `return { content: [{ type: 'text', text: ${text} }] };`];
  return body.map((l) => `${indent}${l}`).join('\n');
}

const HEADER_IMPORTS = () => [
  "import { promises as fs } from 'node:fs';",
  "import path from 'node:path';",
  "import { exec, execFile } from 'node:child_process';",
  "import { promisify } from 'node:util';",
  "import { z } from 'zod';",
  "import { db } from '../lib/db.js';",
  `import { config } from '../config.js';`,
  '',
  'const execAsync = promisify(exec);',
  'const execFileAsync = promisify(execFile);',
  'const ROOT = config.rootDir;',
  'const BASE_URL = config.baseUrl;',
  'const TOKEN = config.token;',
];

function toolModule(rng, ts, style) {
  const tools = Array.from({ length: rng.int(2, 5) }, () => ({ name: snake(rng.pick(VERBS), rng.pick(NOUNS)), params: params(rng) }));
  const seen = new Set();
  for (const t of tools) {
    while (seen.has(t.name)) t.name += '_x';
    seen.add(t.name);
  }
  const lines = [...HEADER_IMPORTS()];
  const argsType = (t) => (ts ? `: { ${t.params.map((p) => `${p.name}${p.kind === 'string' ? '' : '?'}: ${p.kind === 'enum' ? 'string' : p.kind}`).join('; ')} }` : '');
  if (style === 'registerTool' || style === 'tool') {
    lines.splice(0, 0, `import ${ts ? 'type ' : ''}{ McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';`);
    lines.push('', `export function register${cap(rng.pick(NOUNS))}Tools(server${ts ? ': McpServer' : ''}) {`);
    for (const t of tools) {
      const shape = `{\n${t.params.map((p) => `      ${zodField(rng, p)},`).join('\n')}\n    }`;
      if (style === 'registerTool') {
        lines.push(`  server.registerTool(\n    '${t.name}',\n    {\n      title: '${cap(t.name.replace('_', ' '))}',\n      description: ${JSON.stringify(description(rng))},\n      inputSchema: ${shape.replace(/\n {4}/g, '\n      ')},\n    },\n    async (args) => {`);
      } else {
        lines.push(`  server.tool(\n    '${t.name}',\n    ${JSON.stringify(description(rng))},\n    ${shape},\n    async (args) => {`);
      }
      lines.push(handlerBody(rng, ts, 'args', t.params, '      '), '    },', '  );');
    }
    lines.push('}');
  } else if (style === 'lowLevel') {
    lines.splice(0, 0, `import ${ts ? 'type ' : ''}{ Server } from '@modelcontextprotocol/sdk/server/index.js';`,
      "import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';");
    lines.push('', `export function registerHandlers(server${ts ? ': Server' : ''}) {`,
      '  server.setRequestHandler(ListToolsRequestSchema, async () => ({', '    tools: [');
    for (const t of tools) {
      lines.push(`      {\n        name: '${t.name}',\n        description: ${JSON.stringify(description(rng))},\n        inputSchema: {\n          type: 'object',\n          properties: {\n${t.params.map((p) => `            ${jsonSchemaField(rng, p)},`).join('\n')}\n          },\n          required: ['${t.params[0].name}'],\n        },\n      },`);
    }
    lines.push('    ],', '  }));', '', '  server.setRequestHandler(CallToolRequestSchema, async (request) => {',
      `    const args = (request.params.arguments ?? {})${ts ? ' as Record<string, string>' : ''};`, '    switch (request.params.name) {');
    for (const t of tools) lines.push(`      case '${t.name}': {`, handlerBody(rng, ts, 'args', t.params, '        '), '      }');
    lines.push('      default:', "        throw new Error(`Unknown tool: ${request.params.name}`);", '    }', '  });', '}');
  } else {
    lines.splice(0, 0, `import ${ts ? 'type ' : ''}{ FastMCP } from 'fastmcp';`);
    lines.push('', `export function addTools(server${ts ? ': FastMCP' : ''}) {`);
    for (const t of tools) {
      lines.push(`  server.addTool({\n    name: '${t.name}',\n    description: ${JSON.stringify(description(rng))},\n    parameters: z.object({\n${t.params.map((p) => `      ${zodField(rng, p)},`).join('\n')}\n    }),\n    execute: async (args${argsType(t)}) => {`);
      lines.push(handlerBody(rng, ts, 'args', t.params, '      '), '    },', '  });');
    }
    lines.push('}');
  }
  return { text: `${lines.join('\n')}\n`, exports: style };
}

/** Ordinary code: no MCP at all (the rules must stay cheap on it). */
function helperModule(rng, ts) {
  const noun = rng.pick(NOUNS);
  const Type = cap(noun);
  const lines = [];
  if (ts) lines.push(`export interface ${Type} {\n  id: string;\n  name: string;\n  tags: string[];\n  createdAt: Date;\n  size?: number;\n}`, '');
  lines.push(`export class ${Type}Cache {`);
  if (ts) lines.push(`  private readonly entries = new Map<string, { value: ${Type}; expires: number }>();`, '');
  else lines.push('  entries = new Map();', '');
  lines.push(`  constructor(${ts ? 'private readonly ttlMs: number' : 'ttlMs'} = ${rng.int(1, 60) * 1000}) {${ts ? '' : '\n    this.ttlMs = ttlMs;'}}`, '',
    `  get(key${ts ? ': string' : ''})${ts ? `: ${Type} | undefined` : ''} {`, '    const entry = this.entries.get(key);',
    '    if (!entry || entry.expires < Date.now()) {', '      this.entries.delete(key);', '      return undefined;', '    }', '    return entry.value;', '  }', '',
    `  set(key${ts ? ': string' : ''}, value${ts ? `: ${Type}` : ''})${ts ? ': void' : ''} {`, '    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });', '  }', '}', '');
  const fns = rng.int(3, 8);
  for (let i = 0; i < fns; i += 1) {
    const name = camel(rng.pick(['format', 'parse', 'group', 'sort', 'merge', 'normalize', 'score', 'paginate']), rng.pick(NOUNS), String(i));
    const kind = rng.int(0, 3);
    const sig = ts ? `(items: ${Type}[], limit = ${rng.int(5, 50)}): ${kind === 2 ? 'Record<string, number>' : kind === 3 ? 'string' : `${Type}[]`}` : `(items, limit = ${rng.int(5, 50)})`;
    lines.push(`export function ${name}${sig} {`);
    if (kind === 0) lines.push('  return [...items].sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit);');
    else if (kind === 1) lines.push('  const out = [];', '  for (const item of items) {', '    if (out.length >= limit) break;', `    if (item.tags.includes('${rng.pick(WORDS)}')) out.push(item);`, '  }', '  return out;');
    else if (kind === 2) lines.push(`  const counts${ts ? ': Record<string, number>' : ''} = {};`, '  for (const item of items.slice(0, limit)) {', '    for (const tag of item.tags) counts[tag] = (counts[tag] ?? 0) + 1;', '  }', '  return counts;');
    else lines.push("  return items.slice(0, limit).map((item) => `${item.id}\\t${item.name}\\t${item.tags.join(',')}`).join('\\n');");
    lines.push('}', '');
  }
  return `${lines.join('\n')}`;
}

function configModule(ts) {
  return [
    `${ts ? 'export const config: { rootDir: string; baseUrl: string; token: string; logLevel: string } = {' : 'export const config = {'}`,
    "  rootDir: process.env.ROOT_DIR ?? process.cwd(),",
    "  baseUrl: process.env.BASE_URL ?? 'https://api.example.com',",
    "  token: process.env.API_TOKEN ?? '',",
    "  logLevel: process.env.LOG_LEVEL ?? 'info',",
    '};', '',
  ].join('\n');
}

function dbModule(ts) {
  return [
    ...(ts ? ['type Row = Record<string, unknown>;', ''] : []),
    'export const db = {',
    `  async query(sql${ts ? ': string' : ''}, params${ts ? ': unknown[]' : ''} = [])${ts ? ': Promise<Row[]>' : ''} {`,
    "    if (sql.length === 0) throw new Error('empty query');",
    '    return params.map((value, index) => ({ index, value }));',
    '  },',
    '};', '',
  ].join('\n');
}

function entryModule(ts, modules) {
  const lines = [
    "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
    "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';",
  ];
  const calls = [];
  modules.forEach((m, i) => {
    const imported = `mod${i}`;
    lines.push(`import * as ${imported} from './tools/${m.base}.js';`);
    calls.push(`for (const register of Object.values(${imported})) if (typeof register === 'function') register(server${ts ? ' as never' : ''});`);
  });
  lines.push('', "const server = new McpServer({ name: 'bench-server', version: '1.0.0' }, { instructions: 'Tools for the bench workspace.' });",
    ...calls, '', 'await server.connect(new StdioServerTransport());', '');
  return lines.join('\n');
}

/**
 * The files of one project: `{ path, text }[]`, `count` files (at least 4), about 60 % TypeScript, about 60 % of
 * the rest tool modules and the others helpers.
 */
export function generateProject(seed, count) {
  const rng = createRandom(seed);
  const ts = rng.chance(0.6);
  const ext = ts ? 'ts' : 'js';
  const files = [
    { path: `src/config.${ext}`, text: configModule(ts) },
    { path: `src/lib/db.${ext}`, text: dbModule(ts) },
  ];
  const tools = [];
  const remaining = Math.max(0, count - 3);
  for (let i = 0; i < remaining; i += 1) {
    const fileTs = rng.chance(0.8) ? ts : !ts;
    const fileExt = fileTs ? 'ts' : 'js';
    if (rng.chance(0.6)) {
      const style = rng.weighted([['registerTool', 4], ['tool', 2], ['lowLevel', 2], ['fastmcp', 2]]);
      const base = `${rng.pick(NOUNS)}-${style.toLowerCase()}-${i}`;
      tools.push({ base });
      files.push({ path: `src/tools/${base}.${fileExt}`, text: toolModule(rng, fileTs, style).text });
    } else {
      files.push({ path: `src/lib/${rng.pick(NOUNS)}-${i}.${fileExt}`, text: helperModule(rng, fileTs) });
    }
  }
  files.push({ path: `src/index.${ext}`, text: entryModule(ts, tools) });
  return files;
}

/** Writes `projects` projects of `filesPerProject` files under `dir` (emptied first); returns the file count. */
export function writeCorpus(dir, { projects, filesPerProject, seed = 1 }) {
  rmSync(dir, { recursive: true, force: true });
  let written = 0;
  let bytes = 0;
  for (let p = 0; p < projects; p += 1) {
    const projectDir = path.join(dir, `server-${String(p).padStart(3, '0')}`);
    // Project p has the same content in every corpus (S, 4S, 16S share their first projects), so sizes scale linearly.
    for (const file of generateProject(seed * 100_003 + p, filesPerProject)) {
      const full = path.join(projectDir, file.path);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, file.text);
      written += 1;
      bytes += Buffer.byteLength(file.text);
    }
    writeFileSync(path.join(projectDir, 'package.json'), `${JSON.stringify({ name: `bench-server-${p}`, private: true, type: 'module' }, null, 2)}\n`);
  }
  return { files: written, bytes };
}
