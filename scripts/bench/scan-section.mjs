// Bench section (scripts/bench.mjs SECTIONS): the scan command over the largest synthetic corpus, end to end
// (file walk, lint with flat/recommended, tool inventory, JSON report), against ESLint's own `lintFiles` with
// the same preset, and against what the inventory would cost as a second parse of every file (the design the
// scan does not use: its inventory is a private rule that reads the model the rules already built).
// `npm run bench -- --s 313` makes the largest corpus 16 × 313 ≈ 5,000 files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ESLint } from 'eslint';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/** @type {import('../bench.mjs').Section} */
export const scanSection = {
  id: 'scan',
  title: 'The scan command over the largest corpus (wall ms, medians)',
  async run(ctx) {
    const require = createRequire(import.meta.url);
    const { runCli } = require(path.join(ctx.root, 'dist/src/cli/run.js'));
    const { listSourceFiles } = require(path.join(ctx.root, 'dist/src/cli/files.js'));
    const { parseSourceUnit } = require(path.join(ctx.root, 'dist/src/util/parse-unit.js'));
    const { getToolHandlers } = require(path.join(ctx.root, 'dist/src/model/index.js'));
    const corpus = ctx.corpora.at(-1);

    const scan = async (dir) => {
      let stdout = '';
      const io = { cwd: dir, stdout: { write: (chunk) => (stdout += chunk) }, stderr: { write: () => true } };
      const t0 = performance.now();
      const code = await runCli([dir, '--format', 'json', '--fail-on', 'never'], io);
      const wallMs = performance.now() - t0;
      if (code !== 0) throw new Error(`scan exited ${code}`);
      return { wallMs, report: JSON.parse(stdout) };
    };
    const eslintOnly = async (dir) => {
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [ctx.plugin.configs['flat/recommended']] });
      const t0 = performance.now();
      await eslint.lintFiles(['.']);
      return performance.now() - t0;
    };
    /** The alternative inventory: parse every file again outside ESLint and run the model on it. */
    const secondParse = (dir) => {
      const { files } = listSourceFiles(dir, { includeTests: false, ignore: [] });
      const t0 = performance.now();
      let tools = 0;
      for (const file of files) {
        try {
          tools += getToolHandlers(parseSourceUnit(file.path, readFileSync(file.realPath, 'utf8'))).length;
        } catch {
          // A file that does not parse has no tools.
        }
      }
      return { ms: performance.now() - t0, tools };
    };

    await scan(ctx.freshCopy('scan-warmup', ctx.corpora[0]));
    await eslintOnly(ctx.freshCopy('scan-warmup-eslint', ctx.corpora[0]));
    const runs = [];
    for (let rep = 0; rep < ctx.repeats; rep += 1) {
      const { wallMs, report } = await scan(ctx.freshCopy(`scan-r${rep}`, corpus));
      const eslintMs = await eslintOnly(ctx.freshCopy(`scan-eslint-r${rep}`, corpus));
      const reparse = secondParse(ctx.freshCopy(`scan-reparse-r${rep}`, corpus));
      runs.push({ wallMs, eslintMs, reparseMs: reparse.ms, reparseTools: reparse.tools, files: report.summary.files, tools: report.tools.length, findings: report.findings.length });
    }

    const [first] = runs;
    const data = {
      corpus: corpus.label,
      files: first.files,
      tools: first.tools,
      findings: first.findings,
      scanMs: median(runs.map((r) => r.wallMs)),
      eslintLintFilesMs: median(runs.map((r) => r.eslintMs)),
      secondParseInventoryMs: median(runs.map((r) => r.reparseMs)),
      runs,
    };
    const lines = [
      `Corpus ${corpus.label}: ${data.files} files; the scan found ${data.tools} tools and ${data.findings} findings (the second parse found ${first.reparseTools} tools).`,
      '',
      `  scan command (walk, lint, inventory, JSON):   ${ms(data.scanMs)} ms  (${(data.scanMs / data.files).toFixed(2)} ms/file)`,
      `  ESLint lintFiles, same preset, no inventory:  ${ms(data.eslintLintFilesMs)} ms  (scan/ESLint ${(data.scanMs / data.eslintLintFilesMs).toFixed(2)}x)`,
      `  inventory by a second parse (not used):       ${ms(data.secondParseInventoryMs)} ms  (${((data.secondParseInventoryMs / data.scanMs) * 100).toFixed(0)}% of the scan on top)`,
    ];
    return { lines, data };
  },
};
