import { pathToFileURL } from 'node:url';

import type * as Sarif from 'sarif';

import { REPOSITORY_URL } from '../../util/create-rule.js';
import { PARSE_ERROR_RULE, type RuleInfo, type ScanReport } from '../report.js';
import { PARSE_ERROR_INFO } from '../scan.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Result locations are relative to the scanned directory, named by this base id. */
export const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, VS Code's SARIF viewer). Decisions:
 * - one run; `tool.driver.rules` is the preset's catalogue from rule metadata, plus the
 *   `mcp-security/parse-error` pseudo rule when a file did not parse;
 * - a file the parser rejects is a *result* of `mcp-security/parse-error` (level error) at the
 *   syntax error, not only a notification: it is code the scan could not analyse, and code
 *   scanning shows results where people look, while notifications stay on a tool status page;
 * - a crash of the analysis on a file (our bug, not the code's) is a tool execution notification,
 *   and `executionSuccessful` is false;
 * - artifact URIs are relative to the scanned directory with `uriBaseId` `%SRCROOT%`, which
 *   `originalUriBaseIds` maps to the directory's absolute `file:` URI.
 */
export function formatSarif(report: ScanReport): string {
  const catalogue: RuleInfo[] = [...report.rules];
  if (report.findings.some((finding) => finding.ruleId === PARSE_ERROR_RULE)) catalogue.push(PARSE_ERROR_INFO);
  const ruleIndex = new Map(catalogue.map((rule, index) => [rule.id, index]));

  const results: Sarif.Result[] = report.findings.map((finding) => {
    const region: Sarif.Region = { startLine: finding.line, startColumn: finding.column };
    if (finding.endLine !== null) region.endLine = finding.endLine;
    if (finding.endColumn !== null) region.endColumn = finding.endColumn;
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      level: finding.severity,
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUri(finding.file), uriBaseId: SRCROOT }, region } }],
    };
    const index = ruleIndex.get(finding.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    return result;
  });

  const notifications: Sarif.Notification[] = [
    ...report.analysisErrors.map((error): Sarif.Notification => ({
      level: 'error',
      message: { text: `The analysis failed on this file, which was not analysed: ${error.message}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUri(error.file), uriBaseId: SRCROOT } } }],
    })),
    ...report.skipped.map((skip): Sarif.Notification => ({
      level: skip.reason === 'symlink-outside' ? 'note' : 'warning',
      message: {
        text: skip.reason === 'symlink-outside'
          ? 'Symbolic link leading out of the scanned directory: not followed.'
          : skip.reason === 'broken-symlink' ? 'Broken symbolic link: skipped.' : 'Unreadable: not analysed.',
      },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUri(skip.path), uriBaseId: SRCROOT } } }],
    })),
  ];

  const invocation: Sarif.Invocation = { executionSuccessful: report.analysisErrors.length === 0 };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: REPOSITORY_URL,
            rules: catalogue.map(toDescriptor),
          },
        },
        invocations: [invocation],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.root) } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { preset: report.preset, eslintVersion: report.tool.eslintVersion },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toDescriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const isParseError = rule.id === PARSE_ERROR_RULE;
  const tags = isParseError
    ? ['correctness']
    : ['security', ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`), ...rule.owasp.map((id) => `external/owasp-mcp/${id.toLowerCase()}`)];
  const references = [
    rule.cwe.length > 0 ? `CWE: ${rule.cwe.join(', ')}.` : '',
    rule.owasp.length > 0 ? `OWASP MCP Top 10: ${rule.owasp.join(', ')}.` : '',
  ].filter((part) => part !== '');
  const properties: Sarif.PropertyBag = { tags };
  if (rule.securitySeverity !== null) properties['security-severity'] = rule.securitySeverity.toFixed(1);
  const descriptor: Sarif.ReportingDescriptor = {
    id: rule.id,
    name: rule.id.slice(rule.id.indexOf('/') + 1),
    shortDescription: { text: rule.description },
    fullDescription: { text: [`${rule.description}.`, ...references].join(' ') },
    help: {
      text: `${rule.description}. ${references.join(' ')} Documentation: ${rule.url}`.replace(/\s+/g, ' '),
      markdown: `${rule.description}. ${references.join(' ')}\n\n[Documentation](${rule.url})`,
    },
    defaultConfiguration: { level: 'error' },
    properties,
  };
  if (rule.url !== '') descriptor.helpUri = rule.url;
  return descriptor;
}

/** A relative path as a URI reference: each segment percent-encoded (`[id].ts`, spaces, `#`). */
function toUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
