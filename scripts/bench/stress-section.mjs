// Bench section (scripts/bench.mjs SECTIONS): does the analysis stay linear on adversarial files? Each
// sequential shape of scripts/lib/stress-shapes.mjs (thousands of tools, statements, writes of one variable,
// chained helpers or constants) is linted at n and 4n with flat/recommended; the ratio of the rules' time at
// 4n to n is 4 for linear work and 16 for quadratic. Budget: every ratio at most 8 (twice linear, for noise).
// Timings are ESLint's `stats`, the minimum of the repetitions: one file lints in milliseconds, where a single
// garbage collection or recompilation doubles a run, and the least disturbed run is the one that shows growth.
import path from 'node:path';

import { ESLint } from 'eslint';

import { SEQUENTIAL_SHAPES } from '../lib/stress-shapes.mjs';

const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

const SMALL = 250;
const GROWTH = 4;
const MAX_RATIO = 8;

/** @type {import('../bench.mjs').Section} */
export const stressSection = {
  id: 'stress',
  title: `Scaling on adversarial files: rules' time at n = ${SMALL} and ${GROWTH}n (flat/recommended, ms, minimum of the repetitions)`,
  async run(ctx) {
    const preset = ctx.plugin.configs['flat/recommended'];
    const eslint = new ESLint({ cwd: ctx.root, overrideConfigFile: true, overrideConfig: [preset], stats: true });
    const lint = async (shape, n) => {
      const [result] = await eslint.lintText(SEQUENTIAL_SHAPES[shape](n), { filePath: path.join(ctx.root, '.bench', 'stress', `${shape}-${n}.ts`) });
      const pass = result?.stats?.times.passes[0];
      if (!pass || result.messages.some((m) => m.fatal)) throw new Error(`stress shape ${shape} (n = ${n}) did not lint: ${result?.messages.find((m) => m.fatal)?.message}`);
      return { parseMs: pass.parse?.total ?? 0, rulesMs: Object.values(pass.rules ?? {}).reduce((s, t) => s + t.total, 0), findings: result.messages.length };
    };

    const shapes = Object.keys(SEQUENTIAL_SHAPES);
    for (const shape of shapes) await lint(shape, SMALL); // warm-up
    const runs = Object.fromEntries(shapes.map((shape) => [shape, { small: [], large: [] }]));
    for (let rep = 0; rep < ctx.repeats; rep += 1) {
      for (const shape of shapes) {
        runs[shape].small.push(await lint(shape, SMALL));
        runs[shape].large.push(await lint(shape, SMALL * GROWTH));
      }
    }

    const budgets = [];
    const rows = shapes.map((shape) => {
      const small = Math.min(...runs[shape].small.map((r) => r.rulesMs));
      const large = Math.min(...runs[shape].large.map((r) => r.rulesMs));
      const parse = Math.min(...runs[shape].large.map((r) => r.parseMs));
      const ratio = large / Math.max(small, 0.1);
      // Below a few milliseconds the ratio is noise: linear by any measure that matters.
      const pass = ratio <= MAX_RATIO || large < 5;
      budgets.push({ pass, text: `${shape}: rules ${ms(small)} -> ${ms(large)} ms for ${GROWTH}x the size (x${ratio.toFixed(1)}, at most x${MAX_RATIO})` });
      return { shape, small, large, ratio, parse, findings: runs[shape].large[0].findings, pass };
    });
    const header = ['shape', `rules n=${SMALL}`, `rules n=${SMALL * GROWTH}`, 'ratio', `parse n=${SMALL * GROWTH}`, 'findings', ''];
    const table = [header, ...rows.map((r) => [r.shape, ms(r.small), ms(r.large), `x${r.ratio.toFixed(1)}`, ms(r.parse), String(r.findings), r.pass ? 'PASS' : 'FAIL'])];
    const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
    const lines = table.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
    lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
    lines.push('', `Linear work grows x${GROWTH}, quadratic x${GROWTH * GROWTH}.`);
    return { lines, data: { small: SMALL, growth: GROWTH, maxRatio: MAX_RATIO, shapes: rows, runs }, budgets };
  },
};
