// `npm run bench`: what the plugin's rules cost, measured in one process with ESLint's Node API and `stats: true`
// over a deterministic synthetic corpus of MCP servers (scripts/bench/generate.mjs) at three sizes (S, 4S, 16S).
// Prints tables and writes the same figures to .bench/results.json. Budget: all rules of `flat/recommended`
// together cost at most 10% of the parse floor at every size. The bench reports PASS/FAIL but exits 0: it
// measures, it does not gate (exit 2 on an internal error).
//
//   node scripts/bench.mjs [--repeats N] [--s FILES]      (defaults: 3 repetitions, S = 50 files)
//
// Adding a section: write an object { id, title, run(ctx) } (see `Section` below) and append it to SECTIONS.
// The lint section shows the shape. The others: the scan command over the largest corpus (bench/scan-section),
// the description checks per MB of text (bench/descriptions-section), and the rules' growth on adversarial
// files at n and 4n (bench/stress-section).
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import { descriptionSection } from './bench/descriptions-section.mjs';
import { writeCorpus } from './bench/generate.mjs';
import { scanSection } from './bench/scan-section.mjs';
import { stressSection } from './bench/stress-section.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const BUDGET = 0.1;
const require = createRequire(import.meta.url);

/**
 * @typedef {object} Corpus  one size of the synthetic corpus
 * @property {string} label  'S', '4S', '16S'
 * @property {number} factor  1, 4, 16
 * @property {string} dir  the canonical copy under .bench/corpus/<label> (read-only for sections)
 * @property {number} files
 * @property {number} bytes
 *
 * @typedef {object} Context
 * @property {string} root  the repository
 * @property {string} benchDir  .bench
 * @property {any} plugin  the built plugin (dist)
 * @property {Corpus[]} corpora  smallest first
 * @property {number} repeats
 * @property {(label: string, corpus: Corpus) => string} freshCopy  a fresh copy of a corpus (new paths, so no
 *   path-keyed cache of an earlier run applies); removed at the end of the bench
 *
 * @typedef {object} SectionResult
 * @property {string[]} lines  printed under the section title
 * @property {unknown} data  written to results.json under sections[id]
 * @property {{ pass: boolean, text: string }[]} [budgets]  checked budgets, summarised at the end
 *
 * @typedef {object} Section
 * @property {string} id
 * @property {string} title
 * @property {(ctx: Context) => Promise<SectionResult>} run
 */

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pct = (value) => `${(value * 100).toFixed(1)}%`;

/** Left-aligned text columns, right-aligned numbers. */
function formatTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const isNumeric = (i) => rows.every((r) => /^[-+\d.,%x×/ ]+$|^$|^n\/a$/.test(String(r[i])));
  const cell = (value, i) => (i > 0 && isNumeric(i) ? String(value).padStart(widths[i]) : String(value).padEnd(widths[i]));
  return [header.map(cell).join('  '), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => r.map(cell).join('  '))];
}

// ---------------------------------------------------------------------------------------------------------------
// Section: lint cost (parse floor, our presets, eslint-plugin-security)

/** Sums ESLint's per-file stats: parse, each rule, and the whole lint time of the files. */
function summarize(results) {
  const run = { files: results.length, parseMs: 0, totalMs: 0, rulesMs: {}, fatal: 0 };
  for (const result of results) {
    run.fatal += result.messages.filter((m) => m.fatal).length;
    for (const pass of result.stats?.times.passes ?? []) {
      run.parseMs += pass.parse?.total ?? 0;
      run.totalMs += pass.total ?? 0;
      for (const [id, time] of Object.entries(pass.rules ?? {})) run.rulesMs[id] = (run.rulesMs[id] ?? 0) + time.total;
    }
  }
  return run;
}

/** @type {Section} */
const lintSection = {
  id: 'lint',
  title: 'Lint cost: parse floor, mcp-security presets, eslint-plugin-security (ESLint stats, medians)',
  async run(ctx) {
    const ours = ctx.plugin.configs['flat/recommended'];
    const { parser } = ours.languageOptions;
    const files = ours.files;
    const namespace = `${ctx.plugin.meta?.namespace ?? 'mcp-security'}/`;
    const security = require('eslint-plugin-security');
    const configs = [
      { id: 'floor', label: 'no rules (TS parser: the parse floor)', config: [{ files, languageOptions: { parser } }] },
      { id: 'recommended', label: 'mcp-security flat/recommended', config: [ours] },
      { id: 'strict', label: 'mcp-security flat/strict', config: [ctx.plugin.configs['flat/strict']] },
      { id: 'security', label: 'eslint-plugin-security recommended', config: [{ ...security.configs.recommended, files, languageOptions: { parser } }] },
    ];
    const lint = async (config, dir) => {
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config.config, stats: true });
      const t0 = performance.now();
      const results = await eslint.lintFiles(['.']);
      return { ...summarize(results), wallMs: performance.now() - t0 };
    };

    // Warm-up: every config once over S, so the JIT has seen parser and rules before anything is measured.
    for (const config of configs) await lint(config, ctx.freshCopy(`warmup-${config.id}`, ctx.corpora[0]));

    // Measured runs, interleaved (rep → size → config) so that drift of the machine spreads over all of them.
    const runs = {};
    for (let rep = 0; rep < ctx.repeats; rep += 1) {
      for (const corpus of ctx.corpora) {
        for (const config of configs) {
          const run = await lint(config, ctx.freshCopy(`${config.id}-r${rep}`, corpus));
          ((runs[config.id] ??= {})[corpus.label] ??= []).push(run);
        }
      }
    }

    const sumOurs = (run) => Object.entries(run.rulesMs).filter(([id]) => id.startsWith(namespace)).reduce((s, [, t]) => s + t, 0);
    const sumAll = (run) => Object.values(run.rulesMs).reduce((s, t) => s + t, 0);
    const data = { configs: {}, sizes: ctx.corpora.map((c) => ({ label: c.label, files: c.files, bytes: c.bytes })) };
    for (const config of configs) {
      data.configs[config.id] = { label: config.label, bySize: {} };
      for (const corpus of ctx.corpora) {
        const list = runs[config.id][corpus.label];
        const ruleIds = [...new Set(list.flatMap((r) => Object.keys(r.rulesMs)))].sort();
        data.configs[config.id].bySize[corpus.label] = {
          files: list[0].files,
          fatal: list[0].fatal,
          wallMs: median(list.map((r) => r.wallMs)),
          lintMs: median(list.map((r) => r.totalMs)),
          parseMs: median(list.map((r) => r.parseMs)),
          rulesTotalMs: median(list.map(config.id === 'security' ? sumAll : sumOurs)),
          rulesMs: Object.fromEntries(ruleIds.map((id) => [id, median(list.map((r) => r.rulesMs[id] ?? 0))])),
          runs: list.map((r) => ({ wallMs: r.wallMs, lintMs: r.totalMs, parseMs: r.parseMs, rulesMs: r.rulesMs })),
        };
      }
    }

    const at = (id, label) => data.configs[id].bySize[label];
    const lines = [];
    const labels = ctx.corpora.map((c) => c.label);

    lines.push('Totals (ms, median of repetitions; "rules" is the sum of the rule times ESLint measured):', '');
    lines.push(...formatTable(['config', ...labels.flatMap((l) => [`${l} lint`, `${l} parse`, `${l} rules`])],
      configs.map((c) => [c.label, ...labels.flatMap((l) => [ms(at(c.id, l).lintMs), ms(at(c.id, l).parseMs), c.id === 'floor' ? '' : ms(at(c.id, l).rulesTotalMs)])])));

    const budgets = [];
    /** (max - min) / median of the parse floor over the repetitions: how noisy the machine was. */
    const spread = (l) => {
      const values = at('floor', l).runs.map((r) => r.parseMs);
      return (Math.max(...values) - Math.min(...values)) / median(values);
    };
    lines.push('', 'Ratios ("spread" is (max - min) / median of the parse floor over the repetitions):', '');
    const ratioRows = labels.map((l) => {
      const floor = at('floor', l).parseMs;
      const rec = at('recommended', l).rulesTotalMs;
      const strict = at('strict', l).rulesTotalMs;
      const sec = at('security', l).rulesTotalMs;
      const pass = rec <= BUDGET * floor;
      budgets.push({ pass, text: `${l}: recommended rules ${ms(rec)} ms = ${pct(rec / floor)} of the parse floor ${ms(floor)} ms (budget ${pct(BUDGET)})` });
      return [l, `${at('floor', l).files}`, ms(floor), pct(spread(l)), pct(rec / floor), pct(strict / floor), sec > 0 ? `${(rec / sec).toFixed(2)}x` : 'n/a', pass ? 'PASS' : 'FAIL'];
    });
    lines.push(...formatTable(['size', 'files', 'parse floor ms', 'spread', 'recommended/floor', 'strict/floor', 'recommended/security', `budget ≤${pct(BUDGET)}`], ratioRows));
    const noisy = labels.filter((l) => spread(l) > 0.25);
    if (noisy.length > 0) {
      lines.push('', `WARNING: the parse floor varied by more than 25% between repetitions at ${noisy.join(', ')} (a busy machine?): treat the ratios as rough.`);
    }

    const first = labels[0];
    const last = labels.at(-1);
    const growth = ctx.corpora.at(-1).factor / ctx.corpora[0].factor;
    lines.push('', `Scaling (ms per file; ${last}/${first} ratio of totals, ${growth} = linear):`, '');
    lines.push(...formatTable(['config', ...labels.map((l) => `${l} ms/file`), `lint ${last}/${first}`, `rules ${last}/${first}`],
      configs.map((c) => [
        c.label,
        ...labels.map((l) => (at(c.id, l).lintMs / at(c.id, l).files).toFixed(2)),
        (at(c.id, last).lintMs / at(c.id, first).lintMs).toFixed(1),
        c.id === 'floor' || at(c.id, first).rulesTotalMs === 0 ? '' : (at(c.id, last).rulesTotalMs / at(c.id, first).rulesTotalMs).toFixed(1),
      ])));
    data.scaling = Object.fromEntries(configs.map((c) => [c.id, {
      msPerFile: Object.fromEntries(labels.map((l) => [l, at(c.id, l).lintMs / at(c.id, l).files])),
      lintRatio: at(c.id, last).lintMs / at(c.id, first).lintMs,
      rulesRatio: at(c.id, first).rulesTotalMs > 0 ? at(c.id, last).rulesTotalMs / at(c.id, first).rulesTotalMs : null,
    }]));

    // Per rule: ours under recommended (the budget) and strict (stricter options, more rules), then the peer's.
    const perRule = (ids, columns) => formatTable(['rule', ...columns.map((c) => c.title), `% of floor at ${last}`],
      ids.map((r) => [r, ...columns.map((c) => ms(at(c.id, c.label).rulesMs[r] ?? 0)), pct((at(columns.at(-1).id, last).rulesMs[r] ?? 0) / at('floor', last).parseMs)]));
    const byCost = (id) => (a, b) => (at(id, last).rulesMs[b] ?? 0) - (at(id, last).rulesMs[a] ?? 0);
    const ourIds = Object.keys(at('strict', last).rulesMs).filter((r) => r.startsWith(namespace)).sort(byCost('strict'));
    lines.push('', 'Per rule, mcp-security (ms, median; the last column is strict):', '');
    lines.push(...(ourIds.length === 0 ? ['  (no rules)'] : perRule(ourIds, [
      ...labels.map((l) => ({ id: 'recommended', label: l, title: `rec ${l}` })),
      ...labels.map((l) => ({ id: 'strict', label: l, title: `strict ${l}` })),
    ])));
    const securityIds = Object.keys(at('security', last).rulesMs).sort(byCost('security'));
    lines.push('', `Per rule, ${data.configs.security.label} (ms, median):`, '');
    lines.push(...perRule(securityIds, labels.map((l) => ({ id: 'security', label: l, title: l }))));
    const fatal = configs.flatMap((c) => labels.map((l) => at(c.id, l).fatal)).reduce((s, n) => s + n, 0);
    if (fatal > 0) lines.push('', `WARNING: ${fatal} parse errors in the synthetic corpus (the generator emitted invalid code).`);
    data.budget = { limit: BUDGET, pass: budgets.every((b) => b.pass) };
    return { lines, data, budgets };
  },
};

/** @type {Section[]} The bench, in order. Append new sections here. */
const SECTIONS = [lintSection, scanSection, descriptionSection, stressSection];

// ---------------------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { repeats: 3, s: 50 };
  for (let i = 0; i < argv.length; i += 1) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--repeats' && Number.isInteger(value) && value > 0) args.repeats = value;
    else if (argv[i] === '--s' && Number.isInteger(value) && value >= 10) args.s = value;
    else throw new Error(`unknown argument ${argv[i]} (usage: node scripts/bench.mjs [--repeats N] [--s FILES>=10])`);
    i += 1;
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const plugin = require(path.join(ROOT, 'dist/src/index.js'));
  const started = performance.now();
  // A project is (up to) 25 files; S is S/25 projects (rounded up), 4S and 16S are 4 and 16 times as many.
  const filesPerProject = Math.min(25, args.s);
  const corpora = [1, 4, 16].map((factor) => {
    const label = factor === 1 ? 'S' : `${factor}S`;
    const dir = path.join(BENCH_DIR, 'corpus', label);
    // Written aside and moved in place: another bench in the same tree may be reading the previous copy.
    const staging = path.join(BENCH_DIR, 'corpus', `.staging-${process.pid}-${label}`);
    const { files, bytes } = writeCorpus(staging, { projects: Math.ceil(args.s / filesPerProject) * factor, filesPerProject });
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return { label, factor, dir, files, bytes };
  });
  // Per process, so that two benches in one working tree do not delete each other's copies.
  const runsDir = path.join(BENCH_DIR, 'runs', String(process.pid));
  rmSync(runsDir, { recursive: true, force: true });
  const ctx = {
    root: ROOT,
    benchDir: BENCH_DIR,
    plugin,
    corpora,
    repeats: args.repeats,
    freshCopy(label, corpus) {
      const dir = path.join(runsDir, label, corpus.label);
      mkdirSync(path.dirname(dir), { recursive: true });
      cpSync(corpus.dir, dir, { recursive: true });
      return dir;
    },
  };

  const environment = {
    node: process.version, eslint: ESLint.version, plugin: plugin.meta?.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model,
    rules: Object.keys(plugin.rules ?? {}).length,
  };
  console.log(`bench: eslint-plugin-mcp-security ${environment.plugin} (${environment.rules} rules), ESLint ${environment.eslint}, Node ${environment.node}, ${environment.cpus} CPUs`);
  console.log(`corpus: ${corpora.map((c) => `${c.label} = ${c.files} files (${(c.bytes / 1024).toFixed(0)} KB)`).join(', ')} in .bench/corpus; ${args.repeats} repetitions after a warm-up`);

  const output = { environment, corpus: { s: args.s, filesPerProject, sizes: corpora.map(({ label, files, bytes }) => ({ label, files, bytes })) }, repeats: args.repeats, sections: {} };
  const budgets = [];
  try {
    for (const section of SECTIONS) {
      const t0 = performance.now();
      const result = await section.run(ctx);
      console.log(`\n== ${section.title} (${((performance.now() - t0) / 1000).toFixed(1)}s)\n`);
      for (const line of result.lines) console.log(line);
      output.sections[section.id] = result.data;
      budgets.push(...(result.budgets ?? []).map((b) => ({ section: section.id, ...b })));
    }
  } finally {
    rmSync(runsDir, { recursive: true, force: true });
  }

  output.budgets = budgets;
  output.seconds = (performance.now() - started) / 1000;
  writeFileSync(path.join(BENCH_DIR, 'results.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log('\nBudgets:');
  for (const budget of budgets) console.log(`  ${budget.pass ? 'PASS' : 'FAIL'}  ${budget.section}: ${budget.text}`);
  console.log(`\nbench: ${budgets.every((b) => b.pass) ? 'PASS' : 'FAIL'} against the budget (reported, not enforced); ${output.seconds.toFixed(0)}s; .bench/results.json written.`);
}

main().catch((error) => {
  console.error('bench: internal error\n', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 2;
});
