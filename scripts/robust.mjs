// `npm run test:robust`: every rule of the built plugin (the `flat/strict` preset) over thousands of real
// .ts/.js/.mjs/.cjs files collected deterministically from installed packages, plus empty files and generated
// servers of adversarial shapes (thousands of tools, statements, chained helpers; scripts/lib/stress-shapes.mjs). A crash (an
// exception out of ESLint, or a fatal message that is not a parse error) fails the run; parse errors of the TS
// parser on odd files are counted separately. Also checks that every rule rejects an unknown option.
// Exit 1 on any crash, on a rule that accepts bogus options, or when fewer than MIN_FILES files were linted.
//
//   node scripts/robust.mjs [--verbose]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import { robustInputs } from './lib/stress-shapes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const MIN_FILES = 2000;
const MAX_BYTES = 500 * 1024;
const EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs)$/;
/** Files per package: a few from every installed package, more from the ones closest to MCP server code. */
const DEFAULT_CAP = 25;
const CAPS = {
  '@modelcontextprotocol/sdk': 300,
  '@types/node': 100,
  '@typescript-eslint/eslint-plugin': 150,
  '@typescript-eslint/typescript-estree': 100,
  '@typescript-eslint/utils': 100,
  eslint: 150,
  express: 50,
  hono: 100,
  vitest: 100,
  yaml: 60,
  zod: 150,
};

const verbose = process.argv.includes('--verbose');

function listPackages() {
  const names = [];
  for (const entry of readdirSync(NODE_MODULES).sort()) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const sub of readdirSync(path.join(NODE_MODULES, entry)).sort()) names.push(`${entry}/${sub}`);
    } else names.push(entry);
  }
  return names;
}

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && EXTENSIONS.test(entry.name) && statSync(full).size <= MAX_BYTES) out.push(full);
  }
  return out;
}

/** Up to `cap` files of a package, evenly spread over its sorted file list (so not just its first folder). */
function sample(files, cap) {
  if (files.length <= cap) return files;
  return Array.from({ length: cap }, (_, i) => files[Math.floor((i * files.length) / cap)]);
}

function collectFiles() {
  const files = [];
  for (const name of listPackages()) {
    const dir = path.join(NODE_MODULES, name);
    if (!statSync(dir).isDirectory()) continue;
    files.push(...sample(walk(dir, []), CAPS[name] ?? DEFAULT_CAP));
  }
  return files;
}

const isParseError = (message) => message.fatal === true && /^Parsing error\b/.test(message.message);

async function main() {
  const entry = path.join(ROOT, 'dist/src/index.js');
  if (!existsSync(entry)) throw new Error('the plugin is not built (dist/src/index.js is missing): run `npm run build`.');
  const plugin = createRequire(import.meta.url)(entry);
  const preset = plugin.configs?.['flat/strict'];
  if (!preset) throw new Error("the built plugin has no `configs['flat/strict']`.");
  const namespace = plugin.meta?.namespace ?? 'mcp-security';
  const ruleNames = Object.keys(plugin.rules ?? {}).sort();
  const presetRules = Object.keys(preset.rules ?? {});
  const failures = [];
  const missingFromStrict = ruleNames.filter((name) => !presetRules.includes(`${namespace}/${name}`));
  if (ruleNames.length === 0) failures.push('the plugin has no rules: there is nothing to test for robustness.');
  // Rules left out of strict would not be exercised: run them too, with default options.
  const config = [preset, ...(missingFromStrict.length > 0
    ? [{ rules: Object.fromEntries(missingFromStrict.map((name) => [`${namespace}/${name}`, 'error'])) }]
    : [])];

  // ESLint ignores node_modules by default even with `ignore: false`: un-ignore it explicitly.
  // Inline config off: the packages' own `/* eslint-disable */` and `/* eslint-env */` comments are not ours to obey.
  const eslint = new ESLint({
    cwd: ROOT, overrideConfigFile: true, overrideConfig: config, ignorePatterns: ['!**/node_modules/'], allowInlineConfig: false,
  });
  // Empty files (of each kind the presets parse differently) go through the same path as the real ones.
  const inputs = [
    ...['empty.ts', 'empty.js', 'empty.cjs'].map((name) => ({ filePath: path.join(ROOT, '.robust-virtual', name), text: '' })),
    // Adversarial shapes: a stack overflow or a runaway on generated code is a crash too.
    ...robustInputs().map(({ name, text }) => ({ filePath: path.join(ROOT, '.robust-virtual', 'stress', name), text })),
    ...collectFiles().map((filePath) => ({ filePath, text: null })),
  ];
  const byExtension = {};
  const crashes = [];
  const parseErrors = [];
  const slowest = [];
  let linted = 0;
  const ignored = [];
  let findings = 0;
  const started = performance.now();
  for (const input of inputs) {
    const rel = path.relative(ROOT, input.filePath);
    const text = input.text ?? readFileSync(input.filePath, 'utf8');
    const t0 = performance.now();
    try {
      const [result] = await eslint.lintText(text, { filePath: input.filePath, warnIgnored: true });
      const ms = performance.now() - t0;
      if (result === undefined) throw new Error('ESLint returned no result');
      if (result.messages.some((m) => m.ruleId === null && !m.fatal && /^File ignored\b/.test(m.message))) {
        ignored.push(rel);
        continue;
      }
      linted += 1;
      const ext = rel.endsWith('.d.ts') ? '.d.ts' : path.extname(rel);
      byExtension[ext] = (byExtension[ext] ?? 0) + 1;
      slowest.push({ rel, ms });
      for (const message of result.messages) {
        if (isParseError(message)) parseErrors.push({ rel, message: `${message.line}:${message.column} ${message.message}` });
        else if (message.fatal || /Error while loading rule|Error while running rule/i.test(message.message)) {
          crashes.push({ rel, stack: `${message.ruleId ?? '(no rule)'}: ${message.message}` });
        } else if (message.ruleId) findings += 1;
      }
    } catch (error) {
      crashes.push({ rel, stack: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  const seconds = (performance.now() - started) / 1000;

  // Options: every rule must reject an option it does not define (schemas are closed: additionalProperties false).
  const lenient = [];
  for (const name of ruleNames) {
    const probe = new ESLint({
      cwd: ROOT, overrideConfigFile: true, ignore: false,
      overrideConfig: [{ ...preset, rules: { [`${namespace}/${name}`]: ['error', { robustProbeUnknownOption: true }] } }],
    });
    try {
      await probe.lintText('', { filePath: path.join(ROOT, '.robust-virtual', 'probe.ts') });
      lenient.push(name);
    } catch (error) {
      // ESLint validates rule options against meta.schema and names the offending property.
      if (!String(error instanceof Error ? error.message : error).includes('robustProbeUnknownOption')) {
        lenient.push(`${name} (threw something else: ${String(error)})`);
      }
    }
  }

  console.log(`robust: ${ruleNames.length} rule${ruleNames.length === 1 ? '' : 's'} (flat/strict${missingFromStrict.length > 0 ? ` + ${missingFromStrict.length} not in strict` : ''}), ESLint ${ESLint.version}`);
  console.log(`files linted:  ${linted} of ${inputs.length} (${Object.entries(byExtension).sort().map(([ext, n]) => `${ext} ${n}`).join(', ')}) in ${seconds.toFixed(1)}s`);
  if (ignored.length > 0) console.log(`ignored:       ${ignored.length} (ESLint skipped them: not linted), e.g. ${ignored[0]}`);
  console.log(`findings:      ${findings} (not checked here)`);
  console.log(`parse errors:  ${parseErrors.length} (not crashes)`);
  for (const error of parseErrors.slice(0, verbose ? Infinity : 5)) console.log(`  ${error.rel}:${error.message}`);
  if (!verbose && parseErrors.length > 5) console.log(`  … ${parseErrors.length - 5} more (--verbose)`);
  console.log(`slowest files: ${slowest.sort((a, b) => b.ms - a.ms).slice(0, 3).map((s) => `${s.rel} ${s.ms.toFixed(0)}ms`).join(', ')}`);
  console.log(`crashes:       ${crashes.length}`);
  for (const crash of crashes) console.log(`\n  ${crash.rel}\n    ${crash.stack.split('\n').slice(0, 12).join('\n    ')}`);
  console.log(`option schemas: ${ruleNames.length - lenient.length}/${ruleNames.length} rules reject an unknown option`);

  if (crashes.length > 0) failures.push(`${crashes.length} crash${crashes.length === 1 ? '' : 'es'}.`);
  if (linted < MIN_FILES) failures.push(`only ${linted} files were linted (at least ${MIN_FILES} required).`);
  if (lenient.length > 0) failures.push(`rules that accept an unknown option: ${lenient.join(', ')}.`);
  for (const failure of failures) console.log(`FAIL: ${failure}`);
  if (failures.length === 0) console.log('robust: ok');
  process.exitCode = failures.length > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error('robust: internal error\n', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 2;
});
