import { readFile } from 'node:fs/promises';

import * as eslintModule from 'eslint';
import type { ESLint as ESLintInstance, Linter } from 'eslint';

import plugin from '../index.js';
import type { McpSecurityDocs } from '../util/create-rule.js';
import type { SourceFile } from './files.js';
import { createInventoryRule, type ToolEntry } from './inventory.js';
import type { PresetName } from './options.js';
import { PARSE_ERROR_RULE, type AnalysisError, type Finding, type RuleInfo } from './report.js';
import { securitySeverity } from './severity.js';

const NAMESPACE = `${plugin.meta.namespace}/`;
const INVENTORY_PLUGIN = 'mcp-security-scan';

export interface LintRequest {
  /** The scanned directory's real path: ESLint's `cwd` (config globs and relative paths hang off it). */
  readonly root: string;
  readonly files: readonly SourceFile[];
  readonly preset: PresetName;
  readonly allowInlineConfig: boolean;
  readonly debug: boolean;
  /** Called after each file. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LintOutcome {
  readonly eslintVersion: string;
  readonly rules: readonly RuleInfo[];
  readonly tools: readonly ToolEntry[];
  readonly findings: readonly Finding[];
  readonly analysisErrors: readonly AnalysisError[];
  /** Files that could not be read (relative paths). */
  readonly unreadable: readonly string[];
  readonly suppressed: number;
  readonly filesLinted: number;
}

type ESLintClass = new (options: ESLintInstance.Options) => ESLintInstance;

/**
 * The flat-config ESLint class of whichever ESLint is installed (8.57 has it behind `loadESLint`,
 * 9 and 10 export it as `ESLint`).
 */
async function loadFlatESLint(): Promise<{ ESLint: ESLintClass; version: string }> {
  // ESLint 10's types declare `loadESLint()` without parameters; 8.57 needs `useFlatConfig` to answer FlatESLint.
  const loadESLint = (eslintModule as { loadESLint?: (options: { useFlatConfig: boolean }) => Promise<unknown> }).loadESLint;
  const loaded = (typeof loadESLint === 'function' ? await loadESLint({ useFlatConfig: true }) : eslintModule.ESLint) as ESLintClass & {
    version?: string;
  };
  return { ESLint: loaded, version: loaded.version ?? eslintModule.ESLint.version };
}

/** The preset's rules, described from their `meta.docs` (the single source of truth). */
export function getRuleCatalogue(preset: PresetName): RuleInfo[] {
  const rules = plugin.configs[`flat/${preset}`].rules ?? {};
  return Object.keys(rules).sort().map((id) => {
    const meta = plugin.rules?.[id.slice(NAMESPACE.length)]?.meta;
    const docs = (meta?.docs ?? {}) as Partial<McpSecurityDocs> & { url?: string };
    const cwe = [...(docs.cwe ?? [])];
    return {
      id,
      description: docs.description ?? id,
      url: docs.url ?? '',
      cwe,
      owasp: [...(docs.owasp ?? [])],
      recommended: docs.recommended === true,
      securitySeverity: securitySeverity(cwe),
    };
  });
}

/** The catalogue entry of the parse-error pseudo rule. */
export const PARSE_ERROR_INFO: RuleInfo = {
  id: PARSE_ERROR_RULE,
  description: 'The file could not be parsed, so it was not analysed',
  url: 'https://github.com/mcp-security/eslint-plugin-mcp-security#parse-errors',
  cwe: [],
  owasp: [],
  recommended: true,
  securitySeverity: null,
};

/**
 * Lints the files with the plugin's own preset through ESLint's Node API. Nothing of the scanned
 * directory is loaded: `overrideConfigFile: true` (no `eslint.config.*`, no `.eslintrc*`), the
 * preset's parser without `project`/`projectService` (no tsconfig, no typed linting), inline
 * config off unless asked for, and every file read by us from the list we built.
 */
export async function lintFiles(request: LintRequest): Promise<LintOutcome> {
  const { ESLint, version } = await loadFlatESLint();
  const tools: ToolEntry[] = [];
  const collected = new Map<string, Omit<ToolEntry, 'file'>[]>();
  const inventoryRule = createInventoryRule((filename, entries) => collected.set(filename, entries));

  const preset = plugin.configs[`flat/${request.preset}`];
  const overrideConfig: Linter.Config[] = [
    preset,
    {
      name: 'mcp-security/scan',
      files: preset.files,
      plugins: { [INVENTORY_PLUGIN]: { rules: { inventory: inventoryRule } } },
      rules: { [`${INVENTORY_PLUGIN}/inventory`]: 'error' },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
  const eslint = new ESLint({
    cwd: request.root,
    overrideConfigFile: true,
    overrideConfig,
    ignore: false,
    allowInlineConfig: request.allowInlineConfig,
    cache: false,
  });

  const rules = getRuleCatalogue(request.preset);
  const presetRuleIds = new Set(rules.map((rule) => rule.id));
  const findings: Finding[] = [];
  const analysisErrors: AnalysisError[] = [];
  const unreadable: string[] = [];
  let suppressed = 0;
  let filesLinted = 0;

  for (const [index, file] of request.files.entries()) {
    let text: string;
    try {
      text = await readFile(file.realPath, 'utf8');
    } catch {
      unreadable.push(file.relative);
      request.onProgress?.(index + 1, request.files.length);
      continue;
    }
    try {
      const results = await eslint.lintText(text, { filePath: file.path, warnIgnored: true });
      filesLinted += 1;
      for (const result of results) {
        suppressed += result.suppressedMessages.length;
        for (const message of result.messages) {
          const finding = toFinding(file.relative, message, presetRuleIds);
          if (finding) findings.push(finding);
          else analysisErrors.push({ file: file.relative, message: `unexpected ESLint message: ${message.message}` });
        }
      }
      for (const { name, kind, framework, ...rest } of collected.get(file.path) ?? []) {
        tools.push({ name, kind, framework, file: file.relative, ...rest });
      }
      collected.delete(file.path);
    } catch (error) {
      analysisErrors.push(describeError(file.relative, error, request.debug));
    }
    request.onProgress?.(index + 1, request.files.length);
  }

  return { eslintVersion: version, rules, tools, findings, analysisErrors, unreadable, suppressed, filesLinted };
}

function toFinding(file: string, message: Linter.LintMessage, presetRuleIds: ReadonlySet<string>): Finding | null {
  const position = {
    file,
    line: Math.max(1, message.line),
    column: Math.max(1, message.column),
    endLine: message.endLine ?? null,
    endColumn: message.endColumn ?? null,
  };
  if (message.fatal === true) {
    return { ruleId: PARSE_ERROR_RULE, severity: 'error', message: message.message, ...position };
  }
  if (message.ruleId === null || !presetRuleIds.has(message.ruleId)) return null;
  return { ruleId: message.ruleId, severity: message.severity === 2 ? 'error' : 'warning', message: message.message, ...position };
}

function describeError(file: string, error: unknown, debug: boolean): AnalysisError {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n', 1)[0] ?? message;
  const stack = error instanceof Error ? error.stack : undefined;
  return debug && stack !== undefined ? { file, message: firstLine, stack } : { file, message: firstLine };
}
