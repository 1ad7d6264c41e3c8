import { mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import plugin from '../index.js';
import { isSourceFileName, listSourceFiles, type FileListing, type SkippedPath } from './files.js';
import { formatSarif } from './format/sarif.js';
import { formatStylish } from './format/stylish.js';
import { HELP, parseCommandLine, UsageError, type ScanOptions } from './options.js';
import { FORMAT_VERSION, PARSE_ERROR_RULE, type ScanReport } from './report.js';
import { lintFiles } from './scan.js';

/** Where the CLI writes; `process.stdout`/`process.stderr` in real use, buffers in tests. */
export interface CliStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** The directory relative paths on the command line are resolved against. */
  readonly cwd: string;
}

/** Progress is shown on a terminal from this many files (always with `--progress`). */
export const PROGRESS_THRESHOLD = 300;

const PROGRAM = 'mcp-security';

/** Exit codes: 0 clean (below `--fail-on`), 1 findings at or above it, 2 usage or internal error. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/** An expected failure with a one-line message (no stack): a missing directory, an unwritable output. */
class CliError extends Error {}

/** Runs the command line in-process and answers the exit code. Never throws, never calls `process.exit`. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const invocation = parseCommandLine(argv);
    if (invocation.kind === 'help') {
      io.stdout.write(HELP);
      return EXIT.clean;
    }
    if (invocation.kind === 'version') {
      io.stdout.write(`${plugin.meta.version}\n`);
      return EXIT.clean;
    }
    debug = invocation.options.debug;
    return await scan(invocation.options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${PROGRAM}: ${error.message} (see ${PROGRAM} --help)\n`);
    } else if (error instanceof CliError) {
      io.stderr.write(`${PROGRAM}: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
      io.stderr.write(`${PROGRAM}: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
      if (debug && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    }
    return EXIT.error;
  }
}

async function scan(options: ScanOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const listing = listTarget(path.resolve(io.cwd, options.target), options);
  const progress = createProgress(io.stderr, listing.files.length, options.progress);
  const outcome = await lintFiles({
    root: listing.root,
    files: listing.files,
    preset: options.preset,
    allowInlineConfig: options.allowInlineConfig,
    debug: options.debug,
    onProgress: progress.update,
  });
  progress.done();

  const skipped: SkippedPath[] = [...listing.skipped, ...outcome.unreadable.map((file): SkippedPath => ({ path: file, reason: 'unreadable' }))];
  const byRule: Record<string, number> = Object.fromEntries(outcome.rules.map((rule) => [rule.id, 0]));
  for (const finding of outcome.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  const errors = outcome.findings.filter((finding) => finding.severity === 'error').length;
  const report: ScanReport = {
    formatVersion: FORMAT_VERSION,
    tool: { name: plugin.meta.name, version: plugin.meta.version, eslintVersion: outcome.eslintVersion },
    preset: options.preset,
    root: listing.root,
    rules: outcome.rules,
    tools: outcome.tools,
    findings: outcome.findings,
    skipped,
    analysisErrors: outcome.analysisErrors,
    summary: {
      files: outcome.filesLinted,
      tools: outcome.tools.length,
      findings: outcome.findings.length,
      errors,
      warnings: outcome.findings.length - errors,
      parseErrors: byRule[PARSE_ERROR_RULE] ?? 0,
      suppressed: outcome.suppressed,
      byRule,
      durationMs: Math.round(performance.now() - started),
    },
  };

  const text = format(report, options, options.target);
  if (options.output === undefined) {
    io.stdout.write(text);
  } else {
    const file = path.resolve(io.cwd, options.output);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    } catch (error) {
      throw new CliError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (!options.quiet) {
      io.stderr.write(`${PROGRAM}: wrote the ${options.format} report to ${options.output} (${report.summary.findings} finding${report.summary.findings === 1 ? '' : 's'}, ${report.summary.files} file${report.summary.files === 1 ? '' : 's'})\n`);
    }
  }

  if (report.analysisErrors.length > 0) {
    const [first] = report.analysisErrors;
    io.stderr.write(`${PROGRAM}: internal error: the analysis failed on ${report.analysisErrors.length} file(s), first ${first?.file ?? ''}: ${first?.message ?? ''}${options.debug ? '' : ' (run with --debug for details)'}\n`);
    return EXIT.error;
  }
  return failsOn(report, options.failOn) ? EXIT.findings : EXIT.clean;
}

function format(report: ScanReport, options: ScanOptions, target: string): string {
  switch (options.format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif':
      return formatSarif(report);
    case 'stylish':
      return formatStylish(report, { quiet: options.quiet, target });
  }
}

function failsOn(report: ScanReport, failOn: ScanOptions['failOn']): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return report.findings.length > 0;
  return report.summary.errors > 0;
}

/** The files to lint: every source under a directory, or the one file named. */
function listTarget(target: string, options: ScanOptions): FileListing {
  let stats;
  try {
    stats = statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `no such directory: ${options.target}` : `cannot read ${options.target}: ${code ?? String(error)}`);
  }
  if (stats.isFile()) {
    if (!isSourceFileName(target)) {
      throw new CliError(`${options.target} is neither a directory nor a JavaScript/TypeScript source file`);
    }
    // One file named on purpose: scanned even if it looks like a test; its directory is the root.
    const realPath = realpathSync(target);
    const root = path.dirname(realPath);
    return { root, files: [{ path: realPath, realPath, relative: path.basename(realPath) }], skipped: [] };
  }
  if (!stats.isDirectory()) throw new CliError(`${options.target} is neither a directory nor a source file`);
  try {
    return listSourceFiles(target, { includeTests: options.includeTests, ignore: options.ignore });
  } catch (error) {
    throw new CliError(`cannot read directory ${options.target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

interface Progress {
  update: (done: number, total: number) => void;
  done: () => void;
}

/** Progress on stderr: a rewritten line on a terminal, a line per tenth otherwise (with `--progress`). */
function createProgress(stderr: CliStream, total: number, forced: boolean): Progress {
  const tty = stderr.isTTY === true;
  if (!forced && !(tty && total >= PROGRESS_THRESHOLD)) return { update: () => undefined, done: () => undefined };
  let lastDraw = 0;
  let lastTenth = -1;
  return {
    update(done, all) {
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < all) return;
        lastDraw = now;
        stderr.write(`\r${PROGRAM}: scanning ${done}/${all} files`);
        return;
      }
      const tenth = Math.floor((done / Math.max(all, 1)) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stderr.write(`${PROGRAM}: scanned ${done}/${all} files\n`);
      }
    },
    done() {
      if (tty) stderr.write('\r\u001b[K');
    },
  };
}
