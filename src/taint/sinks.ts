import type { TSESTree } from '@typescript-eslint/utils';

import { findProperty, getKeyName, getStaticString, resolveValue, unwrapExpression } from '../util/ast.js';
import { memoize, memoizeByUnit } from '../util/memo.js';
import { GLOBAL_MODULE, getImportedModules, getModuleRef, PATH_NORMALIZING_NAMES, type ModuleRef } from '../util/module-refs.js';
import { getUnitOfNode, getVariable, walk, type SourceUnit } from '../util/source-unit.js';
import { getInstanceRef } from './instances.js';
import type { Cwe, PathTarget, SinkCall, SinkForm, SinkKind, SinkPoint, SinkSpec, TemplateQuoting } from './types.js';

/*
 * The sink table. Every row is resolved by import (`getModuleRef`), never by a method name alone:
 * `RegExp#exec`, `db.exec` and `this.exec` are not child_process.
 */

const CHILD_PROCESS = ['child_process'];
const CWE_78: readonly Cwe[] = ['CWE-78'];
const CWE_78_88: readonly Cwe[] = ['CWE-78', 'CWE-88'];
const CWE_22: readonly Cwe[] = ['CWE-22'];

function processRows(): SinkSpec[] {
  const rows: SinkSpec[] = [
    { modules: CHILD_PROCESS, path: ['exec'], label: 'exec()', category: 'process', kind: 'command', cwe: CWE_78, shape: { type: 'shell', command: 0 }, saferAlternative: 'execFile' },
    { modules: CHILD_PROCESS, path: ['execSync'], label: 'execSync()', category: 'process', kind: 'command', cwe: CWE_78, shape: { type: 'shell', command: 0 }, saferAlternative: 'execFileSync' },
    { modules: ['shelljs'], path: ['exec'], label: 'shell.exec()', category: 'process', kind: 'command', cwe: CWE_78, shape: { type: 'shell', command: 0 } },
    { modules: ['child-process-promise'], path: ['exec'], label: 'exec()', category: 'process', kind: 'command', cwe: CWE_78, shape: { type: 'shell', command: 0 } },
    // fork runs a Node module with an IPC channel, not a shell: only its module path matters.
    { modules: CHILD_PROCESS, path: ['fork'], label: 'fork()', category: 'process', kind: 'module-load', cwe: ['CWE-94'], shape: { type: 'values', args: [0] } },
  ];
  const spawnLike: [string[], string[], string][] = [
    [CHILD_PROCESS, ['spawn'], 'spawn()'],
    [CHILD_PROCESS, ['spawnSync'], 'spawnSync()'],
    [CHILD_PROCESS, ['execFile'], 'execFile()'],
    [CHILD_PROCESS, ['execFileSync'], 'execFileSync()'],
    [['cross-spawn'], [], 'spawn()'],
    [['cross-spawn'], ['spawn'], 'spawn()'],
    [['cross-spawn'], ['sync'], 'spawn.sync()'],
    [['child-process-promise'], ['spawn'], 'spawn()'],
    [['child-process-promise'], ['execFile'], 'execFile()'],
    [['execa'], ['execa'], 'execa()'],
    [['execa'], ['execaSync'], 'execaSync()'],
    [['execa'], ['$'], '$ (execa)'],
    [['execa'], ['$', 'sync'], '$.sync (execa)'],
    [['execa'], ['$', 's'], '$.s (execa)'],
    // execa <= 5: the default export is the function.
    [['execa'], [], 'execa()'],
    [['execa'], ['sync'], 'execa.sync()'],
  ];
  for (const [modules, path, label] of spawnLike) {
    const tagged = modules[0] === 'execa';
    rows.push({
      modules, path, label, category: 'process', kind: 'command', cwe: CWE_78_88,
      shape: { type: 'spawn', file: 0, args: 1 },
      ...(tagged ? { template: 'argv' as const } : {}),
    });
  }
  for (const [path, label] of [[['execaCommand'], 'execaCommand()'], [['execaCommandSync'], 'execaCommandSync()'], [['command'], 'execa.command()'], [['commandSync'], 'execa.commandSync()']] as const) {
    rows.push({ modules: ['execa'], path, label, category: 'process', kind: 'command', cwe: CWE_78_88, shape: { type: 'command-line', command: 0 } });
  }
  // simple-git runs git in the directory it is given.
  for (const path of [[], ['simpleGit']]) {
    rows.push({ modules: ['simple-git'], path, label: 'simpleGit()', category: 'process', kind: 'path', cwe: CWE_22, shape: { type: 'paths', args: [0], target: 'dir' } });
  }
  // A pseudo-terminal runs a shell: what is written to it is typed at the prompt.
  for (const creator of ['spawn', 'fork']) {
    rows.push({ modules: ['node-pty', '@lydell/node-pty', '@homebridge/node-pty-prebuilt-multiarch'], path: [creator, '#', 'write'], label: 'pty.write()', category: 'process', kind: 'command', cwe: CWE_78, shape: { type: 'shell', command: 0 } });
  }
  // AppleScript can `do shell script`: the script is code.
  for (const path of [[], ['runAppleScript'], ['runAppleScriptAsync'], ['runAppleScriptSync']]) {
    rows.push({ modules: ['run-applescript'], path, label: 'runAppleScript()', category: 'process', kind: 'command', cwe: CWE_78, shape: { type: 'script', arg: 0, program: 'osascript', flag: '-e' } });
  }
  rows.push({ modules: ['execa'], path: ['execaNode'], label: 'execaNode()', category: 'process', kind: 'module-load', cwe: ['CWE-94'], shape: { type: 'values', args: [0] } });
  // zx and Bun quote every interpolation for the shell.
  rows.push({ modules: ['zx'], path: ['$'], label: '$ (zx)', category: 'process', kind: 'command', cwe: CWE_78_88, template: 'escaped' });
  rows.push({ modules: ['zx'], path: ['$', 'sync'], label: '$.sync (zx)', category: 'process', kind: 'command', cwe: CWE_78_88, template: 'escaped' });
  rows.push({ modules: ['bun'], path: ['$'], label: '$ (Bun)', category: 'process', kind: 'command', cwe: CWE_78_88, template: 'escaped' });
  rows.push({ modules: [GLOBAL_MODULE], path: ['Bun', '$'], label: 'Bun.$', category: 'process', kind: 'command', cwe: CWE_78_88, template: 'escaped' });
  return rows;
}

type FsRow = readonly [name: string, args: readonly number[], target: PathTarget];

/** fs functions (callback, `Sync` and promise forms) and their path arguments. */
const FS_FUNCTIONS: readonly FsRow[] = [
  ['readFile', [0], 'file'], ['writeFile', [0], 'file'], ['appendFile', [0], 'file'], ['open', [0], 'file'],
  ['openAsBlob', [0], 'file'], ['createReadStream', [0], 'file'], ['createWriteStream', [0], 'file'],
  ['truncate', [0], 'file'], ['unlink', [0], 'file'], ['copyFile', [0, 1], 'file'], ['link', [0, 1], 'file'],
  ['watchFile', [0], 'file'],
  ['access', [0], 'any'], ['exists', [0], 'any'], ['stat', [0], 'any'], ['lstat', [0], 'any'], ['statfs', [0], 'any'],
  ['chmod', [0], 'any'], ['lchmod', [0], 'any'], ['chown', [0], 'any'], ['lchown', [0], 'any'], ['utimes', [0], 'any'],
  ['lutimes', [0], 'any'], ['readlink', [0], 'any'],
  ['readdir', [0], 'dir'], ['opendir', [0], 'dir'], ['mkdir', [0], 'dir'], ['mkdtemp', [0], 'dir'], ['rm', [0], 'dir'],
  ['rmdir', [0], 'dir'], ['cp', [0, 1], 'dir'], ['rename', [0, 1], 'dir'], ['symlink', [0, 1], 'dir'], ['watch', [0], 'dir'],
];

/** fs-extra's additions. */
const FS_EXTRA_FUNCTIONS: readonly FsRow[] = [
  ['copy', [0, 1], 'dir'], ['move', [0, 1], 'dir'], ['remove', [0], 'dir'], ['emptyDir', [0], 'dir'], ['emptydir', [0], 'dir'],
  ['ensureFile', [0], 'file'], ['createFile', [0], 'file'], ['ensureDir', [0], 'dir'], ['mkdirs', [0], 'dir'], ['mkdirp', [0], 'dir'],
  ['ensureLink', [0, 1], 'file'], ['createLink', [0, 1], 'file'], ['ensureSymlink', [0, 1], 'dir'], ['createSymlink', [0, 1], 'dir'],
  ['outputFile', [0], 'file'], ['outputJson', [0], 'file'], ['outputJSON', [0], 'file'], ['readJson', [0], 'file'],
  ['readJSON', [0], 'file'], ['writeJson', [0], 'file'], ['writeJSON', [0], 'file'], ['pathExists', [0], 'any'],
];

const FS_CALLBACK_MODULES = ['fs', 'graceful-fs', 'original-fs', 'fs-extra'];
const FS_PROMISE_MODULES = ['fs/promises', 'fs-extra'];

function fsRows(): SinkSpec[] {
  const rows: SinkSpec[] = [];
  const add = (modules: readonly string[], name: string, args: readonly number[], target: PathTarget): void => {
    rows.push({ modules, path: [name], label: `${name}()`, category: 'filesystem', kind: 'path', cwe: CWE_22, shape: { type: 'paths', args, target } });
  };
  for (const [name, args, target] of FS_FUNCTIONS) {
    add([...FS_CALLBACK_MODULES, ...FS_PROMISE_MODULES.filter((m) => m !== 'fs-extra')], name, args, target);
    add(FS_CALLBACK_MODULES, `${name}Sync`, args, target);
  }
  for (const [name, args, target] of FS_EXTRA_FUNCTIONS) {
    add(['fs-extra'], name, args, target);
    add(['fs-extra'], `${name}Sync`, args, target);
  }
  const shell: FsRow[] = [
    ['cat', [0, 1, 2, 3], 'file'], ['head', [0, 1, 2, 3], 'file'], ['tail', [0, 1, 2, 3], 'file'], ['touch', [0, 1, 2], 'file'],
    ['cp', [0, 1, 2, 3], 'dir'], ['mv', [0, 1, 2, 3], 'dir'], ['rm', [0, 1, 2, 3], 'dir'], ['ls', [0, 1, 2, 3], 'dir'],
    ['mkdir', [0, 1, 2], 'dir'], ['chmod', [0, 1, 2], 'any'], ['cd', [0], 'dir'], ['find', [0, 1, 2], 'dir'], ['ln', [0, 1, 2], 'dir'],
  ];
  for (const [name, args, target] of shell) {
    rows.push({ modules: ['shelljs'], path: [name], label: `shell.${name}()`, category: 'filesystem', kind: 'path', cwe: CWE_22, shape: { type: 'paths', args, target } });
  }
  rows.push({ modules: ['process'], path: ['chdir'], label: 'process.chdir()', category: 'filesystem', kind: 'path', cwe: CWE_22, shape: { type: 'paths', args: [0], target: 'dir' } });
  rows.push({ modules: ['zx'], path: ['cd'], label: 'cd()', category: 'filesystem', kind: 'path', cwe: CWE_22, shape: { type: 'paths', args: [0], target: 'dir' } });
  const runtimes: [string, string, readonly number[], PathTarget][] = [
    ['Bun', 'file', [0], 'file'], ['Bun', 'write', [0], 'file'],
    ['Deno', 'readTextFile', [0], 'file'], ['Deno', 'readFile', [0], 'file'], ['Deno', 'writeTextFile', [0], 'file'],
    ['Deno', 'writeFile', [0], 'file'], ['Deno', 'open', [0], 'file'], ['Deno', 'create', [0], 'file'],
    ['Deno', 'copyFile', [0, 1], 'file'], ['Deno', 'remove', [0], 'dir'], ['Deno', 'readDir', [0], 'dir'],
    ['Deno', 'mkdir', [0], 'dir'], ['Deno', 'rename', [0, 1], 'dir'], ['Deno', 'stat', [0], 'any'], ['Deno', 'lstat', [0], 'any'],
  ];
  for (const [object, name, args, target] of runtimes) {
    rows.push({ modules: [GLOBAL_MODULE], path: [object, name], label: `${object}.${name}()`, category: 'filesystem', kind: 'path', cwe: CWE_22, shape: { type: 'paths', args, target } });
  }
  return rows;
}

const CWE_918: readonly Cwe[] = ['CWE-918'];
const CWE_89: readonly Cwe[] = ['CWE-89'];

/** HTTP clients: the URL argument and the options argument that may carry `headers.Host`. */
function networkRows(): SinkSpec[] {
  const rows: SinkSpec[] = [];
  const add = (modules: readonly string[], path: readonly string[], label: string, url: number, options: number | null): void => {
    rows.push({ modules, path, label, category: 'network', kind: 'network-url', cwe: CWE_918, shape: { type: 'request', url, options } });
  };
  add([GLOBAL_MODULE], ['fetch'], 'fetch()', 0, 1);
  add(['node-fetch'], [], 'fetch()', 0, 1);
  for (const name of ['fetch', 'request', 'stream', 'pipeline']) add(['undici'], [name], `undici.${name}()`, 0, 1);
  for (const name of ['Client', 'Pool']) add(['undici'], [name], `new undici.${name}()`, 0, null);
  for (const name of ['request', 'get']) add(['http', 'https'], [name], `http.${name}()`, 0, 1);
  // axios(url, config) / axios(config); its methods; instances made by axios.create({ baseURL }).
  const axiosMethods: [string, number | null][] = [
    ['get', 1], ['delete', 1], ['head', 1], ['options', 1], ['post', 2], ['put', 2], ['patch', 2],
    ['postForm', 2], ['putForm', 2], ['patchForm', 2], ['request', null],
  ];
  for (const prefix of [[], ['create', '#']]) {
    const name = prefix.length === 0 ? 'axios' : 'axiosInstance';
    add(['axios'], [...prefix], `${name}()`, 0, 1);
    for (const [method, options] of axiosMethods) add(['axios'], [...prefix, method], `${name}.${method}()`, 0, options);
  }
  add(['axios'], ['create'], 'axios.create()', 0, 0);
  // got(url, options), got.get(…), instances from got.extend({ prefixUrl }); ky alike; superagent.
  for (const [module, extend] of [['got', 'extend'], ['ky', 'create'], ['ky', 'extend']] as const) {
    for (const prefix of [[], [extend, '#']]) {
      add([module], [...prefix], `${module}()`, 0, 1);
      for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head', 'stream']) add([module], [...prefix, method], `${module}.${method}()`, 0, 1);
    }
    add([module], [extend], `${module}.${extend}()`, 0, 0);
  }
  for (const method of ['get', 'post', 'put', 'patch', 'delete', 'del', 'head']) add(['superagent'], [method], `superagent.${method}()`, 0, null);
  // Headless browsers: navigating a page loads the URL from the server's network (and `file:` URLs
  // from its disk). A page is an instance of what made the browser or context (INSTANCE_PASS
  // carries it through `newContext()`, `newPage()`, …), or a value typed `Page` / `Browser` / ….
  // Not requests: `setContent(html)`, `route(pattern, handler)`.
  for (const prefix of BROWSER_PREFIXES) add(prefix.modules, [...prefix.path, 'goto'], 'page.goto()', 0, null);
  // Playwright's API requests (`page.request.get(url)`, `request.newContext()`): options carry `headers`.
  for (const prefix of [...BROWSER_PREFIXES.filter((p) => p.modules === PLAYWRIGHT), { modules: PLAYWRIGHT, path: ['request', 'newContext', '#'] }]) {
    for (const method of ['fetch', 'get', 'post', 'put', 'patch', 'delete', 'head']) add(prefix.modules, [...prefix.path, method], `request.${method}()`, 0, 1);
  }
  return rows;
}

/** playwright and its builds and wrappers; puppeteer alike. */
const PLAYWRIGHT = ['playwright', 'playwright-core', 'playwright-chromium', 'playwright-firefox', 'playwright-webkit', 'playwright-extra'];
const PUPPETEER = ['puppeteer', 'puppeteer-core', 'puppeteer-extra'];
const BROWSER_TYPES = ['Browser', 'BrowserContext', 'Page', 'Frame'];

/** What makes a browser, a context or a page: `chromium.launch()`, `puppeteer.launch()`, a declared `Page`. */
const BROWSER_PREFIXES: readonly { readonly modules: readonly string[]; readonly path: readonly string[] }[] = [
  ...['chromium', 'firefox', 'webkit'].flatMap((engine) =>
    ['launch', 'launchPersistentContext', 'connect', 'connectOverCDP'].map((creator) => ({ modules: PLAYWRIGHT, path: [engine, creator, '#'] })),
  ),
  ...['launch', 'connect'].map((creator) => ({ modules: PUPPETEER, path: [creator, '#'] })),
  ...BROWSER_TYPES.flatMap((type) => [{ modules: PLAYWRIGHT, path: [type, '#'] }, { modules: PUPPETEER, path: [type, '#'] }]),
];

/** Calls and properties that lead from a browser to its contexts, pages and frames (and a page's API requests). */
const BROWSER_PASS: ReadonlySet<string> = new Set([
  'newContext()', 'newPage()', 'pages()', 'contexts()', 'context()', 'mainFrame()', 'request', '0',
  'createBrowserContext()', 'createIncognitoBrowserContext()', 'defaultBrowserContext()', 'browserContexts()',
]);

/** Database drivers and query builders: the argument that is SQL text. Instances are `['Creator', '#', method]`. */
function sqlRows(): SinkSpec[] {
  const rows: SinkSpec[] = [];
  const add = (modules: readonly string[], path: readonly string[], label: string): void => {
    rows.push({ modules, path, label, category: 'database', kind: 'sql', cwe: CWE_89, shape: { type: 'values', args: [0] } });
  };
  for (const creator of ['Client', 'Pool']) add(['pg'], [creator, '#', 'query'], `${creator === 'Client' ? 'client' : 'pool'}.query()`);
  add(['pg-pool'], ['#', 'query'], 'pool.query()');
  for (const creator of ['createConnection', 'createPool', 'createPoolCluster']) {
    for (const method of ['query', 'execute']) add(['mysql2', 'mysql'], [creator, '#', method], `${creator === 'createConnection' ? 'connection' : 'pool'}.${method}()`);
  }
  for (const method of ['prepare', 'exec']) add(['better-sqlite3'], ['#', method], `db.${method}()`);
  for (const method of ['all', 'get', 'run', 'exec', 'each', 'prepare']) {
    add(['sqlite3'], ['Database', '#', method], `db.${method}()`);
    add(['sqlite'], ['open', '#', method], `db.${method}()`);
  }
  for (const method of ['raw', 'whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'orHavingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw']) {
    add(['knex'], ['#', method], `knex.${method}()`);
  }
  for (const method of ['$queryRawUnsafe', '$executeRawUnsafe']) add(['@prisma/client'], ['PrismaClient', '#', method], `prisma.${method}()`);
  add(['sequelize'], ['Sequelize', '#', 'query'], 'sequelize.query()');
  add(['drizzle-orm', 'drizzle-orm/sql'], ['sql', 'raw'], 'sql.raw()');
  add(['typeorm'], ['DataSource', '#', 'query'], 'dataSource.query()');
  add(['typeorm'], ['getManager', '#', 'query'], 'manager.query()');
  add(['postgres'], ['#', 'unsafe'], 'sql.unsafe()');
  return rows;
}

/** Calls and properties that give back the same database (a pooled connection, the promise API, a query builder). */
const INSTANCE_PASS: ReadonlyMap<string, ReadonlySet<string> | 'any'> = new Map<string, ReadonlySet<string> | 'any'>([
  ['pg', new Set(['connect()'])],
  ['pg-pool', new Set(['connect()'])],
  ['mysql2', new Set(['getConnection()', 'promise()', 'of()'])],
  ['mysql', new Set(['getConnection()', 'of()'])],
  ['knex', 'any'],
  ['typeorm', 'any'],
  ['@prisma/client', new Set(['$extends()'])],
  ['axios', new Set()],
  ['got', new Set(['extend()'])],
  ...[...PLAYWRIGHT, ...PUPPETEER].map((module) => [module, BROWSER_PASS] as const),
]);

function passesInstance(ref: ModuleRef, member: string): boolean {
  const pass = INSTANCE_PASS.get(ref.module);
  return pass === 'any' || (pass?.has(member) ?? false);
}

/** The `pass` predicate of instance lookups: calls and properties that keep a database, client or browser. */
const passInstance = (ref: ModuleRef, member: string): boolean => passesInstance(normalizeRef(ref), member);

/** eval, the Function constructor, vm, string timers; require and import() load modules. */
function codeRows(): SinkSpec[] {
  const rows: SinkSpec[] = [];
  const add = (modules: readonly string[], path: readonly string[], label: string, kind: SinkKind, cwe: readonly Cwe[], args: readonly number[] = [0]): void => {
    rows.push({ modules, path, label, category: 'code', kind, cwe, shape: { type: 'values', args } });
  };
  add([GLOBAL_MODULE], ['eval'], 'eval()', 'code-eval', ['CWE-95']);
  add([GLOBAL_MODULE], ['Function'], 'Function()', 'code-eval', ['CWE-94'], [0, 1, 2, 3, 4, 5, 6, 7]);
  for (const name of ['setTimeout', 'setInterval']) add([GLOBAL_MODULE], [name], `${name}()`, 'code-eval', ['CWE-95']);
  for (const name of ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script', 'SourceTextModule']) {
    add(['vm'], [name], name === 'Script' || name === 'SourceTextModule' ? `new vm.${name}()` : `vm.${name}()`, 'code-eval', ['CWE-94']);
  }
  add([GLOBAL_MODULE], ['require'], 'require()', 'module-load', ['CWE-94']);
  return rows;
}

/** `import(x)`: a dynamic import loads (and runs) the module x names. */
const IMPORT_ROW: SinkSpec = { modules: [], path: [], label: 'import()', category: 'code', kind: 'module-load', cwe: ['CWE-94'], shape: { type: 'values', args: [0] } };

/** Every sink row. Other rules' kinds (SSRF, SQL, code) are added here as rows. */
export const SINKS: readonly SinkSpec[] = [...processRows(), ...fsRows(), ...networkRows(), ...sqlRows(), ...codeRows()];

/** Method names of instance rows (`query`, `prepare`, `get`, …, and sanitizers' `escapeIdentifier`, …): other member calls skip the instance lookup. */
const INSTANCE_METHODS: ReadonlySet<string> = new Set([
  ...SINKS.filter((spec) => spec.path.includes('#')).map((spec) => spec.path[spec.path.length - 1] ?? ''),
  'escapeIdentifier', 'escapeLiteral', 'escape', 'escapeId',
]);

function keyOf(module: string, path: readonly string[]): string {
  return `${module}#${path.join('.')}`;
}

const SINK_INDEX: ReadonlyMap<string, SinkSpec> = (() => {
  const index = new Map<string, SinkSpec>();
  for (const spec of SINKS) for (const module of spec.modules) index.set(keyOf(module, spec.path), spec);
  return index;
})();

/** `require('fs').promises.readFile` and `fse.promises.x` are `fs/promises`' `x`; zx re-exports fs-extra as `fs`. */
function normalizeRef(ref: ModuleRef): ModuleRef {
  const [head, ...rest] = ref.path;
  if ((ref.module === 'fs' || ref.module === 'fs-extra' || ref.module === 'graceful-fs') && head === 'promises') return { module: 'fs/promises', path: rest };
  if (ref.module === 'zx' && head === 'fs') return { module: 'fs-extra', path: rest };
  if (ref.module === 'zx/globals' || ref.module === 'zx/core') return { module: 'zx', path: ref.path };
  if (ref.module === 'mysql2/promise') return { module: 'mysql2', path: ref.path };
  return ref;
}

/**
 * Every name a member callee can end in and still be a sink: the names on the rows' paths (a
 * member's reference ends in its property name), the instance methods, and the names after which
 * a reference is renormalised. `x.map()`, `z.string()`, `res.json()` (most member calls) stop at one lookup.
 */
const SINK_MEMBER_NAMES: ReadonlySet<string> = new Set([
  ...SINKS.flatMap((spec) => [...spec.path, ...spec.modules]),
  ...INSTANCE_METHODS,
  ...PATH_NORMALIZING_NAMES,
]);

/** The sink row an expression (a callee or a tag) refers to, resolved by import; `null` if none. */
export function lookupSink(callee: TSESTree.Node): SinkSpec | null {
  const member = unwrapExpression(callee);
  if (member.type === 'MemberExpression') {
    const name = getKeyName(member);
    if (name !== null && !SINK_MEMBER_NAMES.has(name)) return null;
  }
  const ref = getModuleRef(callee);
  const instance = ref && SINK_INDEX.has(keyOf(normalizeRef(ref).module, normalizeRef(ref).path)) ? null : instanceMethodRef(callee);
  if (instance) return SINK_INDEX.get(keyOf(instance.module, instance.path)) ?? null;
  if (!ref) return null;
  const normalized = normalizeRef(ref);
  const spec = SINK_INDEX.get(keyOf(normalized.module, normalized.path));
  if (spec) return spec;
  // zx's globals (`import 'zx/globals'`, or a zx script): a global `$`.
  if (normalized.module === GLOBAL_MODULE && normalized.path[0] === '$') {
    const unit = getUnitOfNode(callee);
    if (unit && usesZxGlobals(unit)) return SINK_INDEX.get(keyOf('zx', normalized.path)) ?? null;
  }
  return null;
}

/** `db.query` where `db` was made by a module's constructor or factory: `{ module, path: [creator…, '#', 'query'] }`. */
export function instanceMethodRef(callee: TSESTree.Node): ModuleRef | null {
  const value = unwrapExpression(callee);
  if (value.type !== 'MemberExpression') return null;
  const name = getKeyName(value);
  if (name === null || !INSTANCE_METHODS.has(name)) return null;
  const instance = getInstanceRef(value.object, passInstance);
  if (!instance) return null;
  const normalized = normalizeRef(instance);
  return { module: normalized.module, path: [...normalized.path, name] };
}

const usesZxGlobals = memoizeByUnit((unit: SourceUnit): boolean => {
  const modules = getImportedModules(unit);
  return modules.has('zx/globals') || unit.text.startsWith('#!/usr/bin/env zx');
});

/** zx's quoting turned off in this file (`$.quote = …`): interpolations go into the shell raw. */
const zxQuoteOverridden = memoizeByUnit((unit: SourceUnit): boolean => {
  if (!unit.text.includes('quote')) return false;
  let found = false;
  walk(unit.ast, unit.visitorKeys, (node) => {
    if (found || node.type !== 'AssignmentExpression') return;
    const left = unwrapExpression(node.left);
    if (left.type !== 'MemberExpression') return;
    const ref = getModuleRef(left);
    if (ref && (ref.module === 'zx' || ref.module === GLOBAL_MODULE) && ref.path.join('.') === '$.quote') found = true;
  });
  return found;
});

/** Programs whose argument after a flag is a script: shells and interpreters. */
interface ScriptRunner {
  readonly flag: RegExp;
  /** Every argument after the flag is part of the script (`cmd /c`, PowerShell), not just the next one. */
  readonly rest: boolean;
}

const POSIX_SHELL: ScriptRunner = { flag: /^-[a-zA-Z]*c[a-zA-Z]*$/, rest: false };
const SCRIPT_RUNNERS: ReadonlyMap<string, ScriptRunner> = new Map<string, ScriptRunner>([
  ...['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'fish', 'csh', 'tcsh', 'busybox'].map((name) => [name, POSIX_SHELL] as const),
  ['cmd', { flag: /^\/[ckCK]$/, rest: true }],
  ['powershell', { flag: /^-(c|command|e|ec|encodedcommand)$/i, rest: true }],
  ['pwsh', { flag: /^-(c|command|e|ec|encodedcommand)$/i, rest: true }],
  ...['node', 'nodejs', 'bun', 'deno'].map((name) => [name, { flag: /^(-e|--eval|-p|--print|eval)$/, rest: false }] as const),
  ...['python', 'python2', 'python3', 'py', 'pypy', 'pypy3'].map((name) => [name, { flag: /^-c$/, rest: false }] as const),
  ['perl', { flag: /^-[eE]$/, rest: false }],
  ['ruby', { flag: /^-e$/, rest: false }],
  ['php', { flag: /^-r$/, rest: false }],
  ['osascript', { flag: /^-e$/, rest: false }],
  ['lua', { flag: /^-e$/, rest: false }],
  ['rscript', { flag: /^-e$/, rest: false }],
]);

/** Package runners: `npx <pkg>` runs the package; `npm exec|install <pkg>` runs it or its install scripts. */
const PACKAGE_RUNNERS: ReadonlyMap<string, ReadonlySet<string> | null> = new Map([
  ['npx', null], ['bunx', null], ['pnpx', null], ['uvx', null],
  ['npm', new Set(['exec', 'x', 'install', 'i', 'add'])],
  ['pnpm', new Set(['exec', 'dlx', 'install', 'i', 'add'])],
  ['yarn', new Set(['dlx', 'add'])],
  ['bun', new Set(['x', 'add', 'install', 'i', 'run'])],
  ['pipx', new Set(['run', 'install'])],
  ['uv', new Set(['run'])],
]);

function packageRunnerStart(program: string | null): 'none' | 'package' | 'subcommand' {
  if (program === null) return 'none';
  const name = programName(program);
  if (!PACKAGE_RUNNERS.has(name)) return 'none';
  return PACKAGE_RUNNERS.get(name) === null ? 'package' : 'subcommand';
}

/** Programs that run the next argument as a program (`env bash -c …`). */
const PROGRAM_WRAPPERS = new Set(['env', 'sudo', 'doas', 'nohup', 'nice', 'time', 'stdbuf', 'exec']);

function programName(text: string): string {
  const base = text.split(/[\\/]/).pop() ?? text;
  const name = base.toLowerCase().replace(/\.exe$/, '');
  return /^python[\d.]*$/.test(name) ? 'python' : name;
}

function runnerOf(program: string | null): ScriptRunner | null {
  return program === null ? null : (SCRIPT_RUNNERS.get(programName(program)) ?? null);
}

/** The static strings an expression can be (a literal, a `const`, either side of `a || 'sh'`). */
function possibleStrings(unit: SourceUnit, node: TSESTree.Node): string[] {
  const value = unwrapExpression(node);
  const known = getStaticString(unit, value);
  if (known !== null) return [known];
  if (value.type === 'LogicalExpression') return [...possibleStrings(unit, value.left), ...possibleStrings(unit, value.right)];
  if (value.type === 'ConditionalExpression') return [...possibleStrings(unit, value.consequent), ...possibleStrings(unit, value.alternate)];
  const resolved = resolveValue(unit, value);
  return resolved === value ? [] : possibleStrings(unit, resolved);
}

/** The options object of a process call: the first object-literal argument from `from` on. */
function findOptions(unit: SourceUnit, args: readonly TSESTree.CallExpressionArgument[], from: number): TSESTree.ObjectExpression | null {
  for (let i = from; i < args.length; i++) {
    const arg = args[i];
    if (!arg || arg.type === 'SpreadElement') continue;
    const value = resolveValue(unit, arg);
    if (value.type === 'ObjectExpression') return value;
  }
  return null;
}

/** A property of an options object, looking through spreads of object literals. */
function optionValue(unit: SourceUnit, options: TSESTree.ObjectExpression, name: string, depth = 0): TSESTree.Node | null {
  const direct = findProperty(options, name);
  if (direct) return direct.value;
  if (depth > 3) return null;
  for (let i = options.properties.length - 1; i >= 0; i--) {
    const property = options.properties[i];
    if (property?.type !== 'SpreadElement') continue;
    const spread = resolveValue(unit, property.argument);
    if (spread.type === 'ObjectExpression') {
      const found = optionValue(unit, spread, name, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** `shell: true`, `shell: '/bin/bash'`, `shell: isWindows`: anything but a literal false/undefined/''. */
function asksForShell(unit: SourceUnit, options: TSESTree.ObjectExpression | null): boolean {
  if (!options) return false;
  const value = optionValue(unit, options, 'shell');
  if (!value) return false;
  const resolved = unwrapExpression(resolveValue(unit, value));
  if (resolved.type === 'Literal') return Boolean(resolved.value);
  if (resolved.type === 'Identifier' && resolved.name === 'undefined') return false;
  return true;
}

function cwdPoint(unit: SourceUnit, options: TSESTree.ObjectExpression | null): SinkPoint[] {
  const cwd = options ? optionValue(unit, options, 'cwd') : null;
  return cwd ? [{ kind: 'path', form: 'cwd', cwe: 'CWE-22', node: cwd, target: 'dir' }] : [];
}

const END_OF_OPTIONS = new Set(['--', '--end-of-options']);

/** The elements of an argument array literal (following a `const` to one), or `null`. */
function arrayElements(unit: SourceUnit, node: TSESTree.Node | undefined): (TSESTree.Expression | TSESTree.SpreadElement)[] | null {
  if (!node || node.type === 'SpreadElement') return null;
  const value = resolveValue(unit, node);
  if (value.type !== 'ArrayExpression') return null;
  const elements = value.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => e !== null);
  const pushed = pushedElements(unit, node);
  return pushed === null ? null : [...elements, ...pushed];
}

/**
 * What `args.push(…)` calls before `use` appended to the array a `const` holds, in source order
 * (`const args = ['delete']; args.push(kind, name); execFile('kubectl', args)`); `null` when the
 * array is changed any other way (`unshift`, `splice`, an index or `length` write, a reassignment),
 * since its positions are then unknown.
 */
function pushedElements(unit: SourceUnit, use: TSESTree.Node): (TSESTree.Expression | TSESTree.SpreadElement)[] | null {
  const id = unwrapExpression(use);
  if (id.type !== 'Identifier') return [];
  const variable = getVariable(unit, id);
  if (!variable) return [];
  const pushed: (TSESTree.Expression | TSESTree.SpreadElement)[] = [];
  for (const reference of variable.references) {
    const read = reference.identifier;
    if (reference.isWrite()) {
      if (reference.init === true) continue;
      return null;
    }
    const member = read.parent;
    if (member.type !== 'MemberExpression' || member.object !== read) continue;
    const name = getKeyName(member);
    const call = member.parent;
    if (call.type === 'CallExpression' && call.callee === member) {
      if (name === 'push') {
        if (call.range[0] < use.range[0]) pushed.push(...call.arguments);
      } else if (name === null || ARRAY_REORDERING_METHODS.has(name)) {
        return null;
      }
    } else if (member.parent.type === 'AssignmentExpression' && member.parent.left === member) {
      return null; // args[0] = …, args.length = 0
    }
  }
  return pushed;
}

/** Array methods after which the positions of the elements are unknown. */
const ARRAY_REORDERING_METHODS: ReadonlySet<string> = new Set(['unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'shift', 'pop']);

function spawnPoints(unit: SourceUnit, call: TSESTree.CallExpression, file: number, argsIndex: number): SinkPoint[] {
  const args = call.arguments;
  const fileArg = args[file];
  if (!fileArg || fileArg.type === 'SpreadElement') return [];
  const argvArg = args[argsIndex];
  const argvValue = argvArg && argvArg.type !== 'SpreadElement' ? resolveValue(unit, argvArg) : null;
  // spawn(cmd, { shell: true }): the argv is optional.
  const hasArgv = argvValue !== null && argvValue.type !== 'ObjectExpression';
  const options = findOptions(unit, args, hasArgv ? argsIndex + 1 : argsIndex);
  const points: SinkPoint[] = cwdPoint(unit, options);
  const elements = hasArgv ? arrayElements(unit, argvArg) : [];
  if (asksForShell(unit, options)) {
    points.push({ kind: 'command', form: 'shell-option', cwe: 'CWE-78', node: fileArg });
    if (elements) for (const element of elements) points.push({ kind: 'command', form: 'shell-option', cwe: 'CWE-78', node: element.type === 'SpreadElement' ? element.argument : element });
    else if (argvArg && argvArg.type !== 'SpreadElement') points.push({ kind: 'command', form: 'shell-option', cwe: 'CWE-78', node: argvArg });
    return points;
  }
  points.push({ kind: 'command', form: 'executable', cwe: 'CWE-78', node: fileArg });
  if (!hasArgv || !argvArg || argvArg.type === 'SpreadElement') return points;
  points.push(...argvPoints(unit, possibleStrings(unit, fileArg), elements, argvArg));
  return points;
}

/**
 * The argv positions of a program run without a shell: the script after `-c` of a shell or
 * interpreter (`dash-c`), and every other non-constant argument (`argv`, argument injection)
 * unless a `--` comes before it.
 */
function argvPoints(
  unit: SourceUnit,
  programs: readonly string[],
  elements: readonly (TSESTree.Expression | TSESTree.SpreadElement)[] | null,
  whole: TSESTree.Node,
): SinkPoint[] {
  let list = elements;
  let program = programs.find((p) => runnerOf(p) !== null || PROGRAM_WRAPPERS.has(programName(p))) ?? programs[0] ?? null;
  // env bash -c …, sudo sh -c …: the wrapped program is the first static non-option argument.
  if (list && program !== null && PROGRAM_WRAPPERS.has(programName(program))) {
    const index = list.findIndex((e) => {
      const text = e.type === 'SpreadElement' ? null : getStaticString(unit, e);
      return text !== null && !text.startsWith('-') && !text.includes('=');
    });
    const wrapped = index >= 0 ? list[index] : undefined;
    if (wrapped && wrapped.type !== 'SpreadElement') {
      program = getStaticString(unit, wrapped);
      list = list.slice(index + 1);
    }
  }
  const runner = runnerOf(program);
  if (!list) {
    // The whole argv comes from elsewhere: for a shell that includes the `-c` and the script.
    return runner ? [{ kind: 'command', form: 'dash-c', cwe: 'CWE-78', node: whole, program: program ?? '', flag: '-c' }] : [{ kind: 'argument', form: 'argv', cwe: 'CWE-88', node: whole }];
  }
  const points: SinkPoint[] = [];
  let afterEndOfOptions = false;
  let scriptFlag: string | null = null;
  let scriptTaken = false;
  let packageSlot = packageRunnerStart(program);
  const subcommands = program === null ? undefined : PACKAGE_RUNNERS.get(programName(program));
  for (const element of list) {
    const node = element.type === 'SpreadElement' ? element.argument : element;
    const text = element.type === 'SpreadElement' ? null : getStaticString(unit, element);
    if (packageSlot !== 'none') {
      // npx <package>, npm exec / install <package>: the package is code to run.
      if (text === null) {
        if (packageSlot === 'package') {
          points.push({ kind: 'command', form: 'executable', cwe: 'CWE-78', node });
          packageSlot = 'none';
          continue;
        }
        packageSlot = 'none';
      } else if (!text.startsWith('-')) {
        packageSlot = packageSlot === 'subcommand' && subcommands?.has(text) === true ? 'package' : 'none';
        continue;
      }
    }
    if (text !== null) {
      if (scriptFlag !== null && !scriptTaken && !(runner?.rest ?? false)) scriptTaken = true; // a static script
      else if (END_OF_OPTIONS.has(text)) afterEndOfOptions = true;
      // An unknown program with a `-c` / `/c` flag is treated as a shell: the next argument is a script.
      else if (scriptFlag === null && (runner ? runner.flag.test(text) : program === null && (text === '-c' || /^\/[cC]$/.test(text)))) scriptFlag = text;
      continue;
    }
    if (scriptFlag !== null && (runner?.rest === true || !scriptTaken)) {
      points.push({ kind: 'command', form: 'dash-c', cwe: 'CWE-78', node, program: program ?? 'sh', flag: scriptFlag });
      scriptTaken = true;
      continue;
    }
    if (!afterEndOfOptions) points.push({ kind: 'argument', form: 'argv', cwe: 'CWE-88', node });
  }
  return points;
}

/** `execaCommand('git log ' + ref)`: the first word picks the program, later words are arguments. */
function commandLinePoints(unit: SourceUnit, call: TSESTree.CallExpression, index: number): SinkPoint[] {
  const arg = call.arguments[index];
  if (!arg || arg.type === 'SpreadElement') return [];
  const options = findOptions(unit, call.arguments, index + 1);
  const points = cwdPoint(unit, options);
  if (asksForShell(unit, options)) return [...points, { kind: 'command', form: 'shell-option', cwe: 'CWE-78', node: arg }];
  const words = splitWords(unit, arg);
  if (!words) return [...points, { kind: 'command', form: 'command-line', cwe: 'CWE-78', node: arg }];
  points.push(...wordPoints(unit, words, 'command-line'));
  return points;
}

/** One piece of a command template: static text or an interpolated expression. */
type Piece = { readonly text: string } | { readonly node: TSESTree.Node };

/** A template literal or a `+` chain as pieces, or `null` for anything else. */
function templatePieces(unit: SourceUnit, node: TSESTree.Node): Piece[] | null {
  const value = unwrapExpression(node);
  if (value.type === 'TemplateLiteral') {
    const pieces: Piece[] = [];
    value.quasis.forEach((quasi, i) => {
      pieces.push({ text: quasi.value.cooked ?? quasi.value.raw });
      const expression = value.expressions[i];
      if (expression) {
        const known = getStaticString(unit, expression);
        pieces.push(known === null ? { node: expression } : { text: known });
      }
    });
    return pieces;
  }
  if (value.type === 'BinaryExpression' && value.operator === '+') {
    const left = templatePieces(unit, value.left) ?? leaf(unit, value.left);
    const right = templatePieces(unit, value.right) ?? leaf(unit, value.right);
    return [...left, ...right];
  }
  const known = getStaticString(unit, value);
  return known === null ? null : [{ text: known }];
}

function leaf(unit: SourceUnit, node: TSESTree.Node): Piece[] {
  const known = getStaticString(unit, node);
  return [known === null ? { node } : { text: known }];
}

/** A word of a command line: its pieces, in order. */
type Word = Piece[];

/** Splits template pieces on whitespace into words (an interpolation stays inside its word). */
function splitWordsOf(pieces: readonly Piece[]): Word[] {
  const words: Word[] = [];
  let current: Word = [];
  for (const piece of pieces) {
    if ('node' in piece) {
      current.push(piece);
      continue;
    }
    const parts = piece.text.split(/(\s+)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^\s+$/.test(part)) {
        if (current.length > 0) words.push(current);
        current = [];
      } else current.push({ text: part });
    }
  }
  if (current.length > 0) words.push(current);
  return words;
}

function splitWords(unit: SourceUnit, node: TSESTree.Node): Word[] | null {
  const value = unwrapExpression(node);
  if (value.type !== 'TemplateLiteral' && !(value.type === 'BinaryExpression' && value.operator === '+')) return null;
  const pieces = templatePieces(unit, value);
  return pieces ? splitWordsOf(pieces) : null;
}

function wordText(word: Word): string | null {
  return word.every((p) => 'text' in p) ? word.map((p) => ('text' in p ? p.text : '')).join('') : null;
}

/**
 * The sink positions of a command made of words (a zx/execa template, an execaCommand line): an
 * interpolation in the first word picks the program; after a shell's `-c` it is a script; otherwise
 * it is an argument, and a static text before it in its word keeps it from starting with `-`.
 */
function wordPoints(unit: SourceUnit, words: readonly Word[], firstWordForm: 'executable' | 'command-line'): SinkPoint[] {
  const points: SinkPoint[] = [];
  const program = words[0] ? wordText(words[0]) : null;
  let runnerIndex = 0;
  let runner = runnerOf(program);
  if (program !== null && PROGRAM_WRAPPERS.has(programName(program))) {
    const index = words.findIndex((w, i) => i > 0 && wordText(w) !== null && !(wordText(w) ?? '').startsWith('-') && !(wordText(w) ?? '').includes('='));
    if (index > 0) {
      runnerIndex = index;
      runner = runnerOf(wordText(words[index] as Word));
    }
  }
  let afterEndOfOptions = false;
  let scriptFlag: string | null = null;
  let scriptTaken = false;
  words.forEach((word, i) => {
    const text = wordText(word);
    if (text !== null) {
      if (i <= runnerIndex) return;
      if (scriptFlag !== null && !scriptTaken && !(runner?.rest ?? false)) scriptTaken = true;
      else if (END_OF_OPTIONS.has(text)) afterEndOfOptions = true;
      else if (scriptFlag === null && runner?.flag.test(text)) scriptFlag = text;
      return;
    }
    word.forEach((piece, j) => {
      if (!('node' in piece)) return;
      if (i === 0) {
        points.push({ kind: 'command', form: firstWordForm, cwe: 'CWE-78', node: piece.node });
        return;
      }
      if (scriptFlag !== null && (runner?.rest === true || !scriptTaken)) {
        points.push({ kind: 'command', form: 'dash-c', cwe: 'CWE-78', node: piece.node, program: wordText(words[runnerIndex] as Word) ?? 'sh', flag: scriptFlag });
        return;
      }
      if (afterEndOfOptions) return;
      const before = word.slice(0, j).map((p) => ('text' in p ? p.text : '\u0000')).join('');
      // `--name=${x}` or `./${x}`: x is inside a word that starts with fixed text. A bare `-` prefix is not enough.
      if (before !== '' && !/^-+$/.test(before)) return;
      points.push({ kind: 'argument', form: 'argv', cwe: 'CWE-88', node: piece.node });
    });
    if (scriptFlag !== null && !scriptTaken && word.some((p) => 'node' in p)) scriptTaken = true;
  });
  return points;
}

/** The options and the base of a template tag: `$({ shell: true })`, `$.sync`, `execa({...})`. */
function unwrapTag(unit: SourceUnit, tag: TSESTree.Node): { base: TSESTree.Node; options: TSESTree.ObjectExpression[] } {
  const options: TSESTree.ObjectExpression[] = [];
  let current = unwrapExpression(tag);
  for (let hop = 0; hop < 4; hop++) {
    if (current.type === 'CallExpression') {
      const first = current.arguments[0];
      const value = first && first.type !== 'SpreadElement' ? resolveValue(unit, first) : null;
      if (value?.type === 'ObjectExpression') options.push(value);
      current = unwrapExpression(current.callee);
      continue;
    }
    if (current.type === 'MemberExpression' && current.object.type === 'CallExpression' && !lookupSink(current)) {
      // $({ … }).sync
      const inner = current.object;
      const first = inner.arguments[0];
      const value = first && first.type !== 'SpreadElement' ? resolveValue(unit, first) : null;
      if (value?.type === 'ObjectExpression') options.push(value);
      current = unwrapExpression(inner.callee);
      continue;
    }
    break;
  }
  return { base: current, options };
}

function templatePoints(unit: SourceUnit, node: TSESTree.TaggedTemplateExpression, quoting: TemplateQuoting, options: readonly TSESTree.ObjectExpression[]): SinkPoint[] {
  const points: SinkPoint[] = options.flatMap((o) => cwdPoint(unit, o));
  const expressions = node.quasi.expressions;
  const shell = options.some((o) => asksForShell(unit, o));
  const rawQuote = options.some((o) => optionValue(unit, o, 'quote') !== null);
  if ((quoting === 'argv' && shell) || (quoting === 'escaped' && (rawQuote || zxQuoteOverridden(unit)))) {
    const form = quoting === 'argv' ? 'shell-option' : 'shell-string';
    return [...points, ...expressions.map((e): SinkPoint => ({ kind: 'command', form, cwe: 'CWE-78', node: e }))];
  }
  const pieces: Piece[] = [];
  node.quasi.quasis.forEach((quasi, i) => {
    pieces.push({ text: quasi.value.cooked ?? quasi.value.raw });
    const expression = expressions[i];
    if (!expression) return;
    // Bun: `${{ raw: x }}` is inserted without escaping.
    const value = unwrapExpression(expression);
    if (quoting === 'escaped' && value.type === 'ObjectExpression') {
      const raw = findProperty(value, 'raw');
      if (raw) points.push({ kind: 'command', form: 'shell-string', cwe: 'CWE-78', node: raw.value });
      pieces.push({ text: 'x' });
      return;
    }
    const known = getStaticString(unit, expression);
    pieces.push(known === null ? { node: expression } : { text: known });
  });
  points.push(...wordPoints(unit, splitWordsOf(pieces), 'executable'));
  return points;
}

/** Properties of a request config that name where it goes. */
const URL_KEYS = new Set(['url', 'baseURL', 'baseUrl', 'prefixUrl', 'host', 'hostname', 'origin']);

/**
 * The positions of an outbound request: a URL string (or a config object's URL properties, or an
 * `http.request` options object's `path`), and a `Host` header in the options.
 */
function requestPoints(unit: SourceUnit, url: TSESTree.Node | null, options: TSESTree.Node | null): SinkPoint[] {
  const points: SinkPoint[] = [];
  const point = (node: TSESTree.Node, form: SinkForm): SinkPoint => ({ kind: 'network-url', form, cwe: 'CWE-918', node });
  const config = (node: TSESTree.Node): TSESTree.ObjectExpression | null => {
    const value = resolveValue(unit, node);
    return value.type === 'ObjectExpression' ? value : null;
  };
  const configPoints = (object: TSESTree.ObjectExpression): void => {
    for (const key of URL_KEYS) {
      const value = optionValue(unit, object, key);
      if (value) points.push(point(value, 'url'));
    }
    const path = optionValue(unit, object, 'path');
    if (path) points.push(point(path, 'url-path'));
    const headers = optionValue(unit, object, 'headers');
    const headerObject = headers ? config(headers) : null;
    const host = headerObject ? (optionValue(unit, headerObject, 'Host') ?? optionValue(unit, headerObject, 'host')) : null;
    if (host) points.push(point(host, 'host-header'));
  };
  if (url) {
    const object = config(url);
    if (object) configPoints(object);
    else points.push(point(url, 'url'));
  }
  const optionObject = options && options !== url ? config(options) : null;
  if (optionObject) configPoints(optionObject);
  return points;
}

/**
 * `writeFile(p, data, { flag: 'wx' })`, `open(p, 'wx')`, `createWriteStream(p, { flags: 'wx' })`:
 * exclusive creation (`O_EXCL`) fails when the name exists, symbolic link included.
 */
function createsExclusively(unit: SourceUnit, args: readonly TSESTree.CallExpressionArgument[], from: number): boolean {
  for (let i = from; i < args.length; i++) {
    const arg = args[i];
    if (!arg || arg.type === 'SpreadElement') continue;
    const value = resolveValue(unit, arg);
    let flag: string | null;
    if (value.type === 'ObjectExpression') {
      const property = findProperty(value, 'flag') ?? findProperty(value, 'flags');
      flag = property ? getStaticString(unit, property.value) : null;
    } else flag = getStaticString(unit, value);
    if (flag !== null && /^[wa]x\+?$|^x[wa]\+?$/.test(flag)) return true;
  }
  return false;
}

/** The sink positions of a call to a sink row. */
function callPoints(unit: SourceUnit, node: TSESTree.CallExpression | TSESTree.NewExpression, spec: SinkSpec): SinkPoint[] {
  const shape = spec.shape;
  if (!shape) return [];
  const args = node.arguments;
  const argAt = (i: number): TSESTree.Node | null => {
    const arg = args[i];
    return arg && arg.type !== 'SpreadElement' ? arg : null;
  };
  switch (shape.type) {
    case 'shell': {
      const command = argAt(shape.command);
      const options = findOptions(unit, args, shape.command + 1);
      return [...(command ? [{ kind: 'command', form: 'shell-string', cwe: 'CWE-78', node: command } satisfies SinkPoint] : []), ...cwdPoint(unit, options)];
    }
    case 'spawn':
      return node.type === 'CallExpression' ? spawnPoints(unit, node, shape.file, shape.args) : [];
    case 'command-line':
      return node.type === 'CallExpression' ? commandLinePoints(unit, node, shape.command) : [];
    case 'paths': {
      const exclusive = createsExclusively(unit, args, Math.max(...shape.args) + 1);
      return shape.args.flatMap((i) => {
        const arg = argAt(i);
        return arg ? [{ kind: 'path', form: 'path', cwe: 'CWE-22', node: arg, target: shape.target, ...(exclusive ? { exclusive } : {}) } satisfies SinkPoint] : [];
      });
    }
    case 'request':
      return requestPoints(unit, argAt(shape.url), shape.options === null ? null : argAt(shape.options));
    case 'values':
      return shape.args.flatMap((i) => {
        const arg = argAt(i);
        return arg ? [{ kind: spec.kind, form: 'value', cwe: spec.cwe[0] ?? 'CWE-20', node: arg } satisfies SinkPoint] : [];
      });
    case 'script': {
      const arg = argAt(shape.arg);
      return arg ? [{ kind: 'command', form: 'dash-c', cwe: 'CWE-78', node: arg, program: shape.program, flag: shape.flag }] : [];
    }
  }
}

/**
 * The sink call a node is, with its positions, or `null`: a call or `new` whose callee is a sink row,
 * or a tagged template whose tag is one.
 */
export const getSinkCall = memoize((node: TSESTree.Node): SinkCall | null => {
  const unit = getUnitOfNode(node);
  if (!unit) return null;
  if (node.type === 'CallExpression' || node.type === 'NewExpression') {
    const spec = lookupSink(node.callee);
    if (!spec?.shape) return null;
    return { node, spec, unit, points: callPoints(unit, node, spec) };
  }
  if (node.type === 'ImportExpression') {
    return { node, spec: IMPORT_ROW, unit, points: [{ kind: 'module-load', form: 'value', cwe: 'CWE-94', node: node.source }] };
  }
  if (node.type === 'TaggedTemplateExpression') {
    const { base, options } = unwrapTag(unit, node.tag);
    const spec = lookupSink(base);
    if (!spec?.template) return null;
    return { node, spec, unit, points: templatePoints(unit, node, spec.template, options) };
  }
  return null;
});

/** The instance rows per method name (`goto`: every browser and page row), for receiver-conditional sinks. */
const ROWS_BY_METHOD: ReadonlyMap<string, readonly SinkSpec[]> = (() => {
  const index = new Map<string, SinkSpec[]>();
  for (const spec of SINKS) {
    const method = spec.path[spec.path.length - 1];
    if (!spec.path.includes('#') || method === undefined || method === '#' || !spec.shape) continue;
    const rows = index.get(method) ?? [];
    rows.push(spec);
    index.set(method, rows);
  }
  return index;
})();

/** A sink call that depends on what its receiver is: one call per group of candidate rows that share their positions. */
export interface ConditionalSinkCall {
  /** Built with the group's first row; the row the receiver turns out to be replaces it. */
  readonly call: SinkCall;
  readonly rows: ReadonlySet<SinkSpec>;
}

/**
 * `p.m(…)` with `m` an instance method of a sink row whose receiver's instance is unknown here (an
 * untyped parameter): the receiver, the method, and the sink call it would be for each group of
 * candidate rows. `null` for any other node, or when the call is a sink already.
 */
export const getConditionalSinkCall = memoize((node: TSESTree.Node): { receiver: TSESTree.Node; method: string; calls: readonly ConditionalSinkCall[] } | null => {
  if (node.type !== 'CallExpression') return null;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== 'MemberExpression') return null;
  const method = getKeyName(callee);
  const rows = method === null ? undefined : ROWS_BY_METHOD.get(method);
  const unit = getUnitOfNode(node);
  if (!rows || method === null || !unit || getSinkCall(node)) return null;
  const groups = new Map<string, { call: SinkCall; rows: Set<SinkSpec> }>();
  for (const spec of rows) {
    const key = `${spec.kind}|${spec.cwe[0] ?? ''}|${JSON.stringify(spec.shape)}`;
    const group = groups.get(key);
    if (group) group.rows.add(spec);
    else groups.set(key, { call: { node, spec, unit, points: callPoints(unit, node, spec) }, rows: new Set([spec]) });
  }
  return { receiver: unwrapExpression(callee.object), method, calls: [...groups.values()] };
});

/**
 * The row `receiver.method(…)` is for the instance `node` holds (`null`: a known instance with no
 * such sink), or `undefined` when that instance is unknown.
 */
export function instanceSinkRow(node: TSESTree.Node, method: string): SinkSpec | null | undefined {
  const instance = getInstanceRef(node, passInstance);
  if (!instance) return undefined;
  const normalized = normalizeRef(instance);
  return SINK_INDEX.get(keyOf(normalized.module, [...normalized.path, method])) ?? null;
}

/** True when some position of the call has one of `kinds`. */
export function sinkHasKind(call: SinkCall, kinds: readonly SinkKind[]): boolean {
  return kinds.includes(call.spec.kind) || call.points.some((p) => kinds.includes(p.kind));
}

/** The words of a command template, for the `execFile` rewrite: `null` unless every piece is plain. */
export { splitWords as commandWords, wordText, type Word, type Piece };
