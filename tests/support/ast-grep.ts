import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { repoRoot } from './lint.js';

/** The Semgrep-style ruleset (configs/ast-grep) and the ast-grep binary the repo pins. */
export const astGrepDir = path.join(repoRoot, 'configs', 'ast-grep');
export const sgconfig = path.join(astGrepDir, 'sgconfig.yml');
export const astGrepBin = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'ast-grep.cmd' : 'ast-grep');

/** The ESLint rules that have no counterpart in the ruleset: they need data flow or project context. */
export const NO_AST_GREP_RULE = ['no-ssrf', 'require-input-schema', 'require-rate-limit'] as const;

export interface AstGrepRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the pinned ast-grep binary. Never throws on a non-zero exit: callers check `status`. */
export function runAstGrep(args: readonly string[], cwd = repoRoot): AstGrepRun {
  const result = spawnSync(astGrepBin, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** One finding of `ast-grep scan --json`. */
export interface AstGrepFinding {
  ruleId: string;
  /** As ast-grep prints it: relative to `cwd` when the scanned path was relative. */
  file: string;
  /** 1-based. */
  line: number;
  severity: string;
  message: string;
  text: string;
}

interface RawFinding {
  ruleId: string;
  file: string;
  severity: string;
  message: string;
  text: string;
  range: { start: { line: number } };
}

/**
 * `ast-grep scan --json` over `paths`. ast-grep exits 1 when a finding of severity error exists and 0
 * when none does; anything else (a broken rule, a bad path) is an error here.
 */
export function scanJson(paths: readonly string[], { config = sgconfig, cwd = repoRoot }: { config?: string; cwd?: string } = {}): AstGrepFinding[] {
  const run = runAstGrep(['scan', '-c', config, '--json=compact', ...paths], cwd);
  if (run.status !== 0 && run.status !== 1) throw new Error(`ast-grep scan exited ${run.status}:\n${run.stderr}`);
  const raw = JSON.parse(run.stdout) as RawFinding[];
  const findings = raw.map((f) => ({
    ruleId: f.ruleId,
    file: f.file,
    line: f.range.start.line + 1,
    severity: f.severity,
    message: f.message,
    text: f.text,
  }));
  const errors = findings.filter((f) => f.severity === 'error').length;
  if ((run.status === 1) !== errors > 0) throw new Error(`ast-grep scan exited ${run.status} with ${errors} error finding(s)`);
  return findings;
}
