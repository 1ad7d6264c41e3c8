import type { SkippedPath } from './files.js';
import type { ToolEntry } from './inventory.js';
import type { PresetName } from './options.js';

/** Bumped on any change that is not a pure addition; documented in the README ("JSON format"). */
export const FORMAT_VERSION = 1;

/** The pseudo rule under which files the parser rejects are reported (they were not analysed). */
export const PARSE_ERROR_RULE = 'mcp-security/parse-error';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** `mcp-security/<rule>`, or {@link PARSE_ERROR_RULE}. */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Relative to the scanned directory, `/`-separated. */
  readonly file: string;
  /** 1-based; `endColumn` is exclusive (ESLint's and SARIF's convention). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number | null;
  readonly endColumn: number | null;
}

/** A rule of the preset the scan ran (and the parse-error pseudo rule). */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly url: string;
  readonly cwe: readonly string[];
  readonly owasp: readonly string[];
  readonly recommended: boolean;
  /** GitHub code scanning's 0.0–10.0 score (see severity.ts). */
  readonly securitySeverity: number | null;
}

/** The scan could not analyse a file for a reason of its own (a crash): exit code 2. */
export interface AnalysisError {
  readonly file: string;
  readonly message: string;
  /** Only with `--debug`. */
  readonly stack?: string;
}

export interface ScanReport {
  readonly formatVersion: typeof FORMAT_VERSION;
  readonly tool: { readonly name: string; readonly version: string; readonly eslintVersion: string };
  readonly preset: PresetName;
  /** The scanned directory's real path. */
  readonly root: string;
  readonly rules: readonly RuleInfo[];
  readonly tools: readonly ToolEntry[];
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedPath[];
  readonly analysisErrors: readonly AnalysisError[];
  readonly summary: ScanSummary;
}

export interface ScanSummary {
  readonly files: number;
  readonly tools: number;
  readonly findings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly parseErrors: number;
  /** Findings hidden by eslint-disable comments (only with `--allow-inline-config`). */
  readonly suppressed: number;
  /** Every rule of the preset (and parse-error when it occurred), with its count. */
  readonly byRule: Readonly<Record<string, number>>;
  readonly durationMs: number;
}
