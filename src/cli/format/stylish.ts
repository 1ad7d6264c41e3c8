import type { SkippedPath } from '../files.js';
import type { ToolEntry } from '../inventory.js';
import type { Finding, ScanReport } from '../report.js';

/**
 * Control characters (C0, DEL, C1) and the invisible and bidirectional marks a terminal would act
 * on or hide: file names, tool names and messages come from the scanned code, which may be hostile.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Makes text from the scanned code safe to print: unsafe characters become `\u{…}` escapes. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}

const SKIP_REASONS: Readonly<Record<SkippedPath['reason'], string>> = {
  'symlink-outside': 'symbolic link leading out of the directory, not followed',
  'broken-symlink': 'broken symbolic link',
  unreadable: 'unreadable',
};

/** The human report: header, tool inventory, findings by file, one line per rule, totals. */
export function formatStylish(report: ScanReport, { quiet, target }: { quiet: boolean; target: string }): string {
  const out: string[] = [];
  const findingsBlock = formatFindings(report.findings);
  if (quiet) return findingsBlock.length > 0 ? `${findingsBlock.join('\n')}\n` : '';

  const { summary } = report;
  out.push(
    `${report.tool.name} ${report.tool.version}: scanned ${plural(summary.files, 'file')} in ${sanitize(target)} ` +
      `with the ${report.preset} preset (${plural(report.rules.length, 'rule')}), ESLint ${report.tool.eslintVersion}`,
  );

  out.push('', `Tools (${report.tools.length})`);
  if (report.tools.length === 0) {
    out.push('  No MCP tools, prompts or resources found.');
  } else {
    out.push(...table(
      ['name', 'kind', 'framework', 'location', 'description', 'schema', 'rate guard'],
      report.tools.map((tool) => [
        tool.name === null ? '(computed)' : sanitize(tool.name),
        tool.kind,
        tool.framework,
        `${sanitize(tool.file)}:${tool.line}`,
        describeDescription(tool),
        tool.inputSchema ? 'yes' : 'no',
        tool.rateGuard === null ? '?' : tool.rateGuard ? 'yes' : 'no',
      ]),
    ).map((line) => `  ${line}`));
    if (report.tools.some((tool) => tool.rateGuard === null)) {
      out.push('  (rate guard "?": the handler function could not be resolved)');
    }
  }

  out.push('', 'Findings');
  if (findingsBlock.length === 0) out.push(summary.files === 0 ? '  No JavaScript or TypeScript source files found.' : '  None.');
  else out.push(...findingsBlock.slice(1));

  out.push('', 'Per rule');
  const counted = Object.entries(summary.byRule);
  const width = Math.max(...counted.map(([id]) => id.length));
  for (const [id, count] of counted) {
    const files = new Set(report.findings.filter((finding) => finding.ruleId === id).map((finding) => finding.file)).size;
    out.push(`  ${id.padEnd(width)}  ${count === 0 ? '-' : `${plural(count, 'finding')} in ${plural(files, 'file')}`}`);
  }

  if (report.skipped.length > 0) {
    out.push('', `Skipped (${report.skipped.length})`);
    for (const skip of report.skipped) out.push(`  ${sanitize(skip.path)}: ${SKIP_REASONS[skip.reason]}`);
  }
  if (report.analysisErrors.length > 0) {
    out.push('', `Analysis errors (${report.analysisErrors.length}): these files were not analysed`);
    for (const error of report.analysisErrors) {
      out.push(`  ${sanitize(error.file)}: ${sanitize(error.message)}`);
      if (error.stack !== undefined) out.push(...error.stack.split('\n').map((line) => `    ${sanitize(line)}`));
    }
  }

  const affected = new Set(report.findings.map((finding) => finding.file)).size;
  out.push('');
  out.push(summary.findings === 0
    ? `No findings in ${plural(summary.files, 'file')}.`
    : `${plural(summary.findings, 'finding')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}) in ${affected} of ${plural(summary.files, 'file')}` +
      (summary.parseErrors > 0 ? `, ${plural(summary.parseErrors, 'file')} not parsed` : '') + '.');
  if (summary.suppressed > 0) out.push(`${plural(summary.suppressed, 'finding')} hidden by eslint-disable comments in the scanned code.`);
  return `${out.join('\n')}\n`;
}

/** Findings grouped by file, ESLint-stylish: a blank line, the file, then `line:col  severity  message  rule`. */
function formatFindings(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const [file, list] of byFile) {
    lines.push('', sanitize(file));
    lines.push(...table(
      null,
      list.map((finding) => [`${finding.line}:${finding.column}`, finding.severity, sanitize(finding.message), finding.ruleId]),
    ).map((line) => `  ${line}`));
  }
  return lines;
}

function describeDescription(tool: ToolEntry): string {
  if (tool.description === 'none') return 'none';
  if (tool.description === 'dynamic') return 'computed';
  return plural(tool.descriptionLength ?? 0, 'char');
}

/** Left-aligned columns, two spaces apart (the last column is not padded). */
function table(header: readonly string[] | null, rows: readonly (readonly string[])[]): string[] {
  const all = header ? [header, ...rows] : rows;
  const widths = all.reduce<number[]>((acc, row) => row.map((cell, i) => Math.max(acc[i] ?? 0, cell.length)), []);
  return all.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
