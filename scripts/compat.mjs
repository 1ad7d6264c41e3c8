// `npm run test:compat`: the packed plugin, installed next to ESLint 8.57, 9 and 10 in temporary projects, lints
// examples/vulnerable-server under every config system it claims to support, and every case must report exactly
// the rule ids of the packed plugin's `recommended` preset and lint every source file (TypeScript included) with
// no config other than the preset. Exit 1 on any failure, 2 on a setup error (pack, install).
//
//   node scripts/compat.mjs [--example DIR] [--keep]
//
// Temporary projects live under os.tmpdir() and are removed at the end (unless --keep).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout, clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

import { minimatch } from 'minimatch';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN_NAME = 'eslint-plugin-mcp-security';

/** One install per ESLint version; its cases reuse it. */
const INSTALLS = [
  { key: 'e8', eslint: '8.57.1' },
  { key: 'e9', eslint: '9.39.5' },
  { key: 'e10', eslint: '10.15.0' },
];

const FLAT = `import mcpSecurity from '${PLUGIN_NAME}';\n\nexport default [mcpSecurity.configs['flat/recommended']];\n`;
const FLAT_TYPED = `import mcpSecurity from '${PLUGIN_NAME}';

export default [
  mcpSecurity.configs['flat/recommended'],
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
];
`;
const DEFINE_CONFIG = `import { defineConfig } from 'eslint/config';
import mcpSecurity from '${PLUGIN_NAME}';

export default defineConfig([{ plugins: { 'mcp-security': mcpSecurity }, extends: ['mcp-security/recommended'] }]);
`;
const ESLINTRC = `${JSON.stringify({ root: true, extends: ['plugin:mcp-security/recommended'] }, null, 2)}\n`;
const ESLINTRC_TYPED = `${JSON.stringify({
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { projectService: true },
  extends: ['plugin:mcp-security/recommended'],
}, null, 2)}\n`;
// Typed cases: every linted file (the .js ones and the config file too) must belong to the program.
const TSCONFIG = `${JSON.stringify({
  compilerOptions: {
    target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, allowJs: true, checkJs: false,
    noEmit: true, skipLibCheck: true, types: [],
  },
  include: ['**/*'],
  exclude: ['node_modules'],
}, null, 2)}\n`;

/** `mode` selects which preset (eslintrc or flat) defines the files ESLint must lint. */
const CASES = [
  { name: '8.57 eslintrc', install: 'e8', mode: 'eslintrc', files: { '.eslintrc.json': ESLINTRC } },
  { name: '8.57 eslintrc typed', install: 'e8', mode: 'eslintrc', typed: true, files: { '.eslintrc.json': ESLINTRC_TYPED } },
  { name: '8.57 flat', install: 'e8', mode: 'flat', files: { 'eslint.config.mjs': FLAT } },
  { name: '9 flat', install: 'e9', mode: 'flat', files: { 'eslint.config.mjs': FLAT } },
  { name: '9 defineConfig extends', install: 'e9', mode: 'flat', files: { 'eslint.config.mjs': DEFINE_CONFIG } },
  { name: '9 eslintrc (ESLINT_USE_FLAT_CONFIG=false)', install: 'e9', mode: 'eslintrc', env: { ESLINT_USE_FLAT_CONFIG: 'false' }, files: { '.eslintrc.json': ESLINTRC } },
  { name: '10 flat', install: 'e10', mode: 'flat', files: { 'eslint.config.mjs': FLAT } },
  { name: '10 flat typed', install: 'e10', mode: 'flat', typed: true, files: { 'eslint.config.mjs': FLAT_TYPED } },
  { name: '10 defineConfig extends', install: 'e10', mode: 'flat', files: { 'eslint.config.mjs': DEFINE_CONFIG } },
];

const CONFIG_FILES = new Set(['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts',
  '.eslintrc', '.eslintrc.js', '.eslintrc.cjs', '.eslintrc.json', '.eslintrc.yml', '.eslintrc.yaml']);

class SetupError extends Error {}

function parseArgs(argv) {
  const args = { example: path.join(ROOT, 'examples/vulnerable-server'), keep: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--keep') args.keep = true;
    else if (argv[i] === '--example' && argv[i + 1]) args.example = path.resolve(argv[(i += 1)]);
    else throw new SetupError(`unknown argument ${argv[i]} (usage: node scripts/compat.mjs [--example DIR] [--keep])`);
  }
  return args;
}

/** The environment of child processes: no npm script variables (they would steer a nested npm), no ESLint switches. */
function childEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'ESLINT_USE_FLAT_CONFIG' || key === 'TIMING' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

const children = new Set();

function run(command, args, { cwd, env = childEnv(), timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      resolve({ code: signal ? `killed by ${signal}${timedOut ? ` after the ${timeoutMs / 1000}s timeout` : ''}` : code, stdout, stderr });
    });
  });
}

const tail = (text, lines = 15) => text.trim().split('\n').filter((line) => !line.includes('Unknown user config')).slice(-lines).join('\n');

/** Relative paths (posix) of the example's files, without node_modules, build output and VCS folders. */
function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.git', 'dist', 'build'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/**
 * The files ESLint must lint in a case, from the preset itself: eslintrc lints `*.js` plus whatever the preset's
 * `overrides[].files` match (that is how `.ts` gets in); flat lints ESLint's defaults plus the preset's `files`.
 */
function expectedFiles(files, pkg, mode) {
  const isDotPath = (rel) => rel.split('/').some((part) => part.startsWith('.'));
  if (mode === 'eslintrc') {
    const patterns = ['*.js', ...(pkg.configs.recommended.overrides ?? []).flatMap((o) => [o.files].flat())];
    // eslintrc skips dot-files and dot-folders by default.
    return files.filter((rel) => !isDotPath(rel) && patterns.some((p) => minimatch(rel, p, { matchBase: true })));
  }
  const patterns = ['**/*.js', '**/*.mjs', '**/*.cjs', ...[pkg.configs['flat/recommended'].files ?? []].flat(2).filter((p) => typeof p === 'string')];
  return files.filter((rel) => patterns.some((p) => minimatch(rel, p, { dot: true })));
}

const isTs = (rel) => /\.(ts|tsx|mts|cts)$/.test(rel);
const ruleIdsOf = (rules) => Object.entries(rules ?? {}).filter(([, v]) => (Array.isArray(v) ? v[0] : v) !== 'off' && (Array.isArray(v) ? v[0] : v) !== 0).map(([id]) => id).sort();

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.example) || !statSync(args.example).isDirectory()) {
    throw new SetupError(`example directory ${path.relative(ROOT, args.example)} is missing: the compat matrix lints it (examples/vulnerable-server).`);
  }
  if (!existsSync(path.join(ROOT, 'dist/src/index.js'))) throw new SetupError('the plugin is not built: run `npm run build` first.');
  const exampleFiles = listFiles(args.example).filter((rel) => !CONFIG_FILES.has(path.posix.basename(rel)));
  const skippedConfigs = listFiles(args.example).filter((rel) => CONFIG_FILES.has(path.posix.basename(rel)));

  const started = performance.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mcp-security-compat-'));
  console.log(`compat: working in ${tmp}`);
  // Interrupted (Ctrl-C, CI timeout): still remove the temporary projects.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      for (const child of children) child.kill('SIGKILL');
      // Give the killed installs a moment to stop writing before removing their directories.
      setTimeout(() => {
        if (!args.keep) rmSync(tmp, { recursive: true, force: true });
        process.exit(130);
      }, 500);
    });
  }
  try {
    // 1. Pack.
    const pack = await run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT });
    if (pack.code !== 0) throw new SetupError(`npm pack failed (exit ${pack.code}):\n${tail(pack.stderr)}`);
    const tarball = path.join(tmp, JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0].filename);
    console.log(`compat: packed ${path.basename(tarball)}`);

    // 2. One install per ESLint version, in parallel.
    const typescriptVersion = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies.typescript;
    await Promise.all(INSTALLS.map(async (install) => {
      install.dir = path.join(tmp, install.key);
      mkdirSync(install.dir);
      writeFileSync(path.join(install.dir, 'package.json'), `${JSON.stringify({
        name: `compat-${install.key}`, private: true, version: '0.0.0',
        dependencies: { eslint: install.eslint, [PLUGIN_NAME]: `file:${tarball}`, typescript: typescriptVersion },
      }, null, 2)}\n`);
      const t0 = performance.now();
      const result = await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: install.dir, timeoutMs: 480_000 });
      if (result.code !== 0) throw new SetupError(`npm install of eslint@${install.eslint} failed (exit ${result.code}):\n${tail(result.stderr)}`);
      install.version = JSON.parse(readFileSync(path.join(install.dir, 'node_modules/eslint/package.json'), 'utf8')).version;
      console.log(`compat: installed eslint@${install.version} + plugin in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    }));

    // 3. The expected rule ids, from the packed plugin as installed (each install must agree).
    const problems = [];
    let pkg;
    let expected;
    for (const install of INSTALLS) {
      const installed = createRequire(path.join(install.dir, 'package.json'))(PLUGIN_NAME);
      const legacy = ruleIdsOf(installed.configs?.recommended?.rules);
      const flat = ruleIdsOf(installed.configs?.['flat/recommended']?.rules);
      if (legacy.join() !== flat.join()) problems.push(`${install.key}: configs.recommended (${legacy.join(', ')}) and configs['flat/recommended'] (${flat.join(', ')}) differ.`);
      if (expected && expected.join() !== legacy.join()) problems.push(`${install.key}: the installed plugin's recommended rules differ from the first install's.`);
      pkg ??= installed;
      expected ??= legacy;
    }
    if (expected.length === 0) problems.push("the packed plugin's recommended preset has no rules, so no case can show that the rules load and run: nothing to compare.");

    // 4. The cases.
    const rows = [];
    for (const testCase of CASES) {
      const install = INSTALLS.find((i) => i.key === testCase.install);
      const slug = testCase.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
      const caseDir = path.join(install.dir, 'cases', slug);
      mkdirSync(caseDir, { recursive: true });
      cpSync(args.example, caseDir, {
        recursive: true,
        filter: (src) => !['node_modules', '.git'].includes(path.basename(src)) && !CONFIG_FILES.has(path.basename(src)),
      });
      for (const [name, text] of Object.entries(testCase.files)) writeFileSync(path.join(caseDir, name), text);
      if (testCase.typed) writeFileSync(path.join(caseDir, 'tsconfig.json'), TSCONFIG);

      const outFile = path.join(install.dir, `${slug}.json`);
      const t0 = performance.now();
      const result = await run(process.execPath, [path.join(install.dir, 'node_modules/eslint/bin/eslint.js'), '.', '-f', 'json', '-o', outFile],
        { cwd: caseDir, env: childEnv(testCase.env), timeoutMs: 180_000 });
      const seconds = (performance.now() - t0) / 1000;
      const failures = [];
      let linted = [];
      const reported = new Set();
      if (result.code !== 0 && result.code !== 1) failures.push(`ESLint exited ${result.code}:\n${tail(result.stderr || result.stdout)}`);
      else {
        const results = JSON.parse(readFileSync(outFile, 'utf8'));
        for (const r of results) {
          const rel = path.relative(caseDir, r.filePath).split(path.sep).join('/');
          if (!CONFIG_FILES.has(rel)) linted.push(rel);
          for (const m of r.messages) {
            if (m.fatal) failures.push(`${rel}:${m.line}: ${m.message}`);
            else if (m.ruleId) reported.add(m.ruleId);
            else failures.push(`${rel}:${m.line}: ${m.message}`);
          }
        }
        linted = linted.sort();
        const want = expectedFiles(exampleFiles, pkg, testCase.mode);
        const missing = want.filter((rel) => !linted.includes(rel));
        const extra = linted.filter((rel) => !want.includes(rel));
        if (missing.length > 0) failures.push(`not linted: ${missing.join(', ')}`);
        if (extra.length > 0) failures.push(`linted but not expected: ${extra.join(', ')}`);
        if (want.some(isTs) && !linted.some(isTs)) failures.push('no TypeScript file was linted.');
        const got = [...reported].sort();
        const notReported = expected.filter((id) => !reported.has(id));
        const unexpected = got.filter((id) => !expected.includes(id));
        if (notReported.length > 0) failures.push(`recommended rules not reported: ${notReported.join(', ')}`);
        if (unexpected.length > 0) failures.push(`reported rules outside the recommended preset: ${unexpected.join(', ')}`);
      }
      rows.push({ testCase, version: install.version, linted, reported: [...reported].sort(), failures, seconds });
    }

    // 5. Report.
    const header = ['case', 'ESLint', 'files (ts)', 'rule ids', 'time', 'result'];
    const table = rows.map((row) => [
      row.testCase.name,
      row.version,
      `${row.linted.length} (${row.linted.filter(isTs).length})`,
      `${row.reported.filter((id) => expected.includes(id)).length}/${expected.length}${row.reported.some((id) => !expected.includes(id)) ? ' +extra' : ''}`,
      `${row.seconds.toFixed(1)}s`,
      row.failures.length === 0 ? 'ok' : 'FAIL',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
    const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
    console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const r of table) console.log(line(r));
    console.log(`\nexpected rule ids (recommended preset of ${path.basename(tarball)}): ${expected.length > 0 ? expected.join(', ') : '(none)'}`);
    console.log(`example: ${path.relative(ROOT, args.example) || args.example} (${exampleFiles.length} files${skippedConfigs.length > 0 ? `; its own ${skippedConfigs.join(', ')} not copied` : ''})`);
    for (const row of rows.filter((r) => r.failures.length > 0)) {
      console.log(`\nFAIL ${row.testCase.name} (ESLint ${row.version}):`);
      for (const failure of row.failures.slice(0, 20)) console.log(`  - ${failure.split('\n').join('\n    ')}`);
      if (row.failures.length > 20) console.log(`  … ${row.failures.length - 20} more`);
    }
    const neverReported = expected.filter((id) => !rows.some((row) => row.reported.includes(id)));
    if (neverReported.length > 0) {
      problems.push(`no case reports ${neverReported.join(', ')}: the example is incomplete (it must trigger every recommended rule).`);
    }
    for (const problem of problems) console.log(`\nFAIL: ${problem}`);
    const failed = rows.filter((r) => r.failures.length > 0).length + problems.length;
    console.log(`\ncompat: ${rows.length - rows.filter((r) => r.failures.length > 0).length}/${rows.length} cases ok${problems.length > 0 ? `, ${problems.length} package problem(s)` : ''} in ${((performance.now() - started) / 1000).toFixed(0)}s.`);
    process.exitCode = failed > 0 ? 1 : 0;
  } finally {
    if (args.keep) console.log(`compat: kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  if (error instanceof SetupError) console.error(`compat: ${error.message}`);
  else console.error('compat: internal error\n', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 2;
});
