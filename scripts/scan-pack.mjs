// `npm run test:scan-pack`: the done-when check of the scan command, on the packed tarball as users get it.
// Packs the plugin, installs the tarball into temporary projects (npm installs the ESLint peer itself; a second
// project pins ESLint 8.57, the oldest supported), and in each runs
//   npx eslint-plugin-mcp-security scan <copy of examples/vulnerable-server> --format sarif
// The SARIF must be valid against the official 2.1.0 schema (tests/cli/fixtures) and hold a result of every rule of
// the packed plugin's recommended preset, with exit code 1; the secure example must exit 0; `npx mcp-security
// --version` must print the version; the bin must be executable in the tarball.
// Exit 0 on success, 1 on a failed check, 2 on a setup error (build, pack, install: needs the npm registry).
//
//   node scripts/scan-pack.mjs [--keep]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { run as runChild, SetupError, tail as tailOf } from './lib/child.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'eslint-plugin-mcp-security';
const require = createRequire(import.meta.url);
/** npm installs of ESLint 8.57 and its dependencies take a while on a cold cache. */
const run = (command, args, options = {}) => runChild(command, args, { timeoutMs: 480_000, ...options });
const tail = (text) => tailOf(text, 20);

/** `eslint: null`: let npm install the peer (what `npx eslint-plugin-mcp-security` does for a user). */
const INSTALLS = [
  { key: 'peer', eslint: null },
  { key: 'eslint-8.57', eslint: '8.57.1' },
];




function sarifValidator() {
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'tests/cli/fixtures/sarif-schema-2.1.0.json'), 'utf8')));
}

async function main() {
  const keep = process.argv.includes('--keep');
  const unknown = process.argv.slice(2).filter((arg) => arg !== '--keep');
  if (unknown.length > 0) throw new SetupError(`unknown argument(s): ${unknown.join(' ')} (usage: node scripts/scan-pack.mjs [--keep])`);
  const started = performance.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mcp-security-scan-pack-'));
  const problems = [];
  try {
    if (!existsSync(path.join(ROOT, 'dist/src/cli/main.js'))) {
      const build = await run('npm', ['run', 'build'], { cwd: ROOT });
      if (build.code !== 0) throw new SetupError(`npm run build failed:\n${tail(build.stdout + build.stderr)}`);
    }
    const pack = await run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT });
    if (pack.code !== 0) throw new SetupError(`npm pack failed (exit ${pack.code}):\n${tail(pack.stderr)}`);
    const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
    const tarball = path.join(tmp, packed.filename);
    console.log(`scan-pack: packed ${packed.filename} (${packed.files.length} files)`);
    const binEntry = packed.files.find((file) => file.path === 'bin/mcp-security.js');
    if (!binEntry) problems.push('the tarball has no bin/mcp-security.js');
    else if ((binEntry.mode & 0o111) !== 0o111) problems.push(`bin/mcp-security.js is not executable in the tarball (mode ${binEntry.mode.toString(8)})`);
    if (!packed.files.some((file) => file.path === 'dist/src/cli/main.js')) problems.push('the tarball has no dist/src/cli/main.js');

    // The examples are scanned from copies outside the repository (nothing of it to lean on).
    const examples = path.join(tmp, 'examples');
    for (const name of ['vulnerable-server', 'secure-server']) {
      cpSync(path.join(ROOT, 'examples', name), path.join(examples, name), { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
    }

    await Promise.all(INSTALLS.map(async (install) => {
      install.dir = path.join(tmp, install.key);
      mkdirSync(install.dir);
      const dependencies = { [NAME]: `file:${tarball}`, ...(install.eslint ? { eslint: install.eslint } : {}) };
      writeFileSync(path.join(install.dir, 'package.json'), `${JSON.stringify({ name: `scan-pack-${install.key}`, private: true, version: '0.0.0', dependencies }, null, 2)}\n`);
      const t0 = performance.now();
      const result = await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: install.dir });
      if (result.code !== 0) throw new SetupError(`npm install (${install.key}) failed (exit ${result.code}):\n${tail(result.stderr)}`);
      install.eslintVersion = JSON.parse(readFileSync(path.join(install.dir, 'node_modules/eslint/package.json'), 'utf8')).version;
      console.log(`scan-pack: ${install.key}: installed the tarball with eslint@${install.eslintVersion} in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    }));

    const validate = sarifValidator();
    for (const install of INSTALLS) {
      const label = `${install.key} (eslint@${install.eslintVersion})`;
      const plugin = createRequire(path.join(install.dir, 'package.json'))(NAME);
      const expected = Object.keys(plugin.configs['flat/recommended'].rules ?? {}).sort();
      if (expected.length === 0) problems.push(`${label}: the packed plugin's recommended preset has no rules`);

      const version = await run('npx', ['--no-install', 'mcp-security', '--version'], { cwd: install.dir });
      if (version.code !== 0 || version.stdout.trim() !== plugin.meta.version) {
        problems.push(`${label}: \`npx mcp-security --version\` answered exit ${version.code}, ${JSON.stringify(version.stdout.trim())} (expected ${plugin.meta.version})`);
      }

      const scan = await run('npx', ['--no-install', NAME, 'scan', path.join(examples, 'vulnerable-server'), '--format', 'sarif'], { cwd: install.dir });
      if (scan.code !== 1) problems.push(`${label}: scanning the vulnerable example exited ${scan.code}, expected 1:\n${tail(scan.stderr)}`);
      let log;
      try {
        log = JSON.parse(scan.stdout);
      } catch {
        problems.push(`${label}: the SARIF output is not JSON:\n${tail(scan.stdout)}`);
        continue;
      }
      if (!validate(log)) problems.push(`${label}: the SARIF is not valid SARIF 2.1.0: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
      const results = log.runs?.[0]?.results ?? [];
      const catalogue = (log.runs?.[0]?.tool?.driver?.rules ?? []).map((rule) => rule.id);
      const found = new Set(results.map((result) => result.ruleId));
      const missing = expected.filter((id) => !found.has(id));
      if (missing.length > 0) problems.push(`${label}: no SARIF result for ${missing.join(', ')}`);
      const uncatalogued = expected.filter((id) => !catalogue.includes(id));
      if (uncatalogued.length > 0) problems.push(`${label}: rules missing from tool.driver.rules: ${uncatalogued.join(', ')}`);
      console.log(`scan-pack: ${label}: ${results.length} results from ${found.size}/${expected.length} recommended rules, SARIF ${validate(log) ? 'valid' : 'INVALID'}`);

      const secure = await run('npx', ['--no-install', NAME, 'scan', path.join(examples, 'secure-server')], { cwd: install.dir });
      if (secure.code !== 0) problems.push(`${label}: scanning the secure example exited ${secure.code}, expected 0:\n${tail(secure.stdout + secure.stderr)}`);
    }
  } finally {
    if (keep) console.log(`scan-pack: kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    console.error(`scan-pack: FAIL (${seconds}s)\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    return 1;
  }
  console.log(`scan-pack: PASS (${seconds}s): the packed scan command writes valid SARIF with a result of every recommended rule`);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
}, (error) => {
  console.error(`scan-pack: ${error instanceof SetupError ? 'setup error' : 'internal error'}: ${error instanceof SetupError ? error.message : (error?.stack ?? error)}`);
  process.exitCode = 2;
});
