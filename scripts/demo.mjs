// `npm start`: lint examples/vulnerable-server with the built plugin's `flat/recommended` preset through
// ESLint's Node API, print the findings (stylish) and one summary line per rule of the preset.
// Exit 0 when the lint ran (findings are the point of the demo), 2 on a missing example or an internal error.
//
//   node scripts/demo.mjs [dir]      (default: examples/vulnerable-server)
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN_ENTRY = path.join(ROOT, 'dist/src/index.js');

function fail(message) {
  console.error(`demo: ${message}`);
  process.exit(2);
}

async function main() {
  const target = path.resolve(ROOT, process.argv[2] ?? 'examples/vulnerable-server');
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    fail(`example directory ${path.relative(ROOT, target) || target} is missing (it is written in examples/vulnerable-server).`);
  }
  if (!existsSync(PLUGIN_ENTRY)) fail(`the plugin is not built (${path.relative(ROOT, PLUGIN_ENTRY)} is missing): run \`npm run build\`.`);

  const plugin = createRequire(import.meta.url)(PLUGIN_ENTRY);
  const preset = plugin.configs?.['flat/recommended'];
  if (!preset) fail("the built plugin has no `configs['flat/recommended']`.");
  const presetRules = Object.keys(preset.rules ?? {}).sort();

  const eslint = new ESLint({ cwd: target, overrideConfigFile: true, overrideConfig: [preset] });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const output = await formatter.format(results);

  const byRule = new Map(presetRules.map((id) => [id, { count: 0, files: new Set() }]));
  let parseErrors = 0;
  let otherMessages = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) parseErrors += 1;
      else if (message.ruleId && byRule.has(message.ruleId)) {
        const entry = byRule.get(message.ruleId);
        entry.count += 1;
        entry.files.add(result.filePath);
      } else otherMessages += 1;
    }
  }

  console.log(`eslint-plugin-mcp-security ${plugin.meta?.version ?? '?'}: flat/recommended (${presetRules.length} rules) on ${path.relative(process.cwd(), target) || '.'}, ESLint ${ESLint.version}`);
  process.stdout.write(output.length > 0 ? output : '\nNo findings.\n');
  console.log('\nPer rule:');
  const width = Math.max(10, ...presetRules.map((id) => id.length));
  for (const [id, { count, files }] of byRule) {
    console.log(`  ${id.padEnd(width)}  ${String(count).padStart(4)} finding${count === 1 ? ' ' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}`);
  }
  if (presetRules.length === 0) console.log('  (the recommended preset has no rules yet)');
  const findings = [...byRule.values()].reduce((sum, entry) => sum + entry.count, 0);
  const silent = [...byRule].filter(([, entry]) => entry.count === 0).map(([id]) => id);
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(`\n${plural(results.length, 'file')} linted, ${plural(findings, 'finding')} from ${presetRules.length - silent.length}/${presetRules.length} rules` +
    (parseErrors > 0 ? `, ${parseErrors} parse errors` : '') + (otherMessages > 0 ? `, ${otherMessages} other messages` : '') + '.');
  if (silent.length > 0) console.log(`Not triggered by the example: ${silent.join(', ')}.`);
}

main().catch((error) => {
  console.error('demo: internal error');
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(2);
});
