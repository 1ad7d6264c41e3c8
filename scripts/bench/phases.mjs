// What each phase of the analysis costs, without ESLint: for profiling work on the shared layers, where the
// per-rule times of `npm run bench` charge shared work to whichever rule asks first. Parses every source file
// of a directory (with the plugin's own parser settings) into fresh units, then times, phase by phase over all
// files: the variable index, the node index, the handlers, the description sites, the flows of each sink kind
// and the error leaks. Prints the minimum over the copies (the first copy also pays for the JIT and followed
// modules). Needs `npm run build`; a corpus comes from `npm run bench` (.bench/corpus/4S) or any server tree.
//
//   node scripts/bench/phases.mjs DIR [COPIES]        (default: 5 copies)
//   node --cpu-prof scripts/bench/phases.mjs DIR      (a profile of the same work)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const dist = (file) => require(path.join(ROOT, 'dist/src', file));

const { listSourceFiles } = dist('cli/files.js');
const { parseSourceUnit } = dist('util/parse-unit.js');
const { nodesOfType } = dist('util/node-index.js');
const { getVariable } = dist('util/source-unit.js');
const { getDescriptionSites, getToolHandlers } = dist('model/index.js');
const { findFlows } = dist('taint/flows.js');
const { findErrorLeaks } = dist('taint/error-values.js');

const [dirArgument, copiesArgument = '5'] = process.argv.slice(2);
const copies = Number(copiesArgument);
if (!dirArgument || !Number.isInteger(copies) || copies < 1) {
  console.error('usage: node scripts/bench/phases.mjs DIR [COPIES>=1]');
  process.exit(2);
}
const dir = path.resolve(dirArgument);
const { files } = listSourceFiles(dir, { includeTests: false, ignore: [] });
const sources = files.map((file) => ({ file: file.path, text: readFileSync(file.realPath, 'utf8') }));

/** Phases in the order the rules would first ask for them (each reuses what the one before memoised). */
const PHASES = [
  // Any identifier: the first lookup builds the unit's index of every variable.
  ['variable index', (unit) => getVariable(unit, unit.ast)],
  ['node index', (unit) => nodesOfType(unit, 'CallExpression')],
  ['handlers', (unit) => getToolHandlers(unit)],
  ['description sites', (unit) => getDescriptionSites(unit)],
  ...[['code-eval', 'module-load'], ['command'], ['path'], ['network-url'], ['sql']].map((kinds) => [
    `flows ${kinds.join('+')}`,
    (unit) => {
      for (const handler of getToolHandlers(unit)) findFlows(unit, handler, kinds);
    },
  ]),
  ['error leaks', (unit) => {
    for (const handler of getToolHandlers(unit)) findErrorLeaks(handler, []);
  }],
];

const times = new Map(PHASES.map(([name]) => [name, []]));
let parseMs = 0;
for (let copy = 0; copy < copies; copy += 1) {
  const t0 = performance.now();
  const units = sources.map(({ file, text }) => parseSourceUnit(file, text, dir));
  parseMs += performance.now() - t0;
  for (const [name, run] of PHASES) {
    const start = performance.now();
    for (const unit of units) run(unit);
    times.get(name).push(performance.now() - start);
  }
}

console.log(`${sources.length} files of ${dir}, ${copies} copies; parse (parseSourceUnit) ${(parseMs / copies).toFixed(0)} ms a copy`);
let total = 0;
for (const [name, values] of times) {
  const best = Math.min(...values);
  total += best;
  console.log(`  ${name.padEnd(28)} ${best.toFixed(1).padStart(7)} ms   (copies: ${values.map((v) => v.toFixed(0)).join(' ')})`);
}
console.log(`  ${'total'.padEnd(28)} ${total.toFixed(1).padStart(7)} ms`);
