// `npm run realworld`: how the scan command does on real, published MCP servers with known vulnerabilities.
// Not part of `npm test` or CI: it needs the npm registry. For each entry of TARGETS it `npm pack`s the published
// tarball (no install, no install scripts, nothing of the package is ever run) into .tmp/realworld/, extracts it,
// scans the code directory with the built scan command (`bin/mcp-security.js scan <dir> -f json`), once with the
// recommended preset and once with --strict, and prints per expected finding whether a finding of the expected rule
// lands on the vulnerable site (the finding's own location, or the sink location a cross-module message names),
// how many other findings the scan made, and the wall time of each scan. An entry with `fixedVersion` is also scanned
// in that (patched) version, which tells whether the findings follow the bug or only the shape of the code.
//
// The table holds names, versions, paths and line numbers of the published code only; no third-party code is copied
// into this repository. Line numbers are 1-based lines of the files as published in that version's tarball.
//
//   node scripts/realworld.mjs [--only <package substring>] [--refresh] [--json <file>]
//
// Then a table of controls (CONTROLS below): popular servers without a published vulnerability, where a sweep once
// found false positives of a rule, or tools the model missed; each has a bound it should stay within.
//
// Exit code: 0 whatever was found or missed (this is a measurement, not a gate); 2 on an internal error (the scan
// command crashed, reported an analysis error, or wrote no JSON) or a setup error (npm pack or tar failed).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { run, SetupError, tail } from './lib/child.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, '.tmp', 'realworld');
const BIN = path.join(ROOT, 'bin', 'mcp-security.js');

/**
 * `preset`: the preset in which the rule is meant to report it (`strict` for options only the strict preset turns
 * on, e.g. argument injection). `sites`: where the vulnerability is, as published; a finding matches when it stands
 * in one of these line ranges or its message names `file:line` inside one.
 */
const TARGETS = [
  {
    package: '@modelcontextprotocol/server-filesystem',
    version: '2025.3.28',
    fixedVersion: '2025.7.1',
    codeDir: 'package/dist',
    expected: [
      {
        advisory: 'CVE-2025-53110 (startsWith prefix bypass)',
        rule: 'no-path-traversal',
        preset: 'recommended',
        sites: [{ file: 'index.js', lines: [45, 82] }],
      },
      {
        advisory: 'CVE-2025-53109 (symlink check swallowed by catch)',
        rule: 'no-path-traversal',
        preset: 'strict',
        sites: [{ file: 'index.js', lines: [56, 81] }],
      },
    ],
  },
  {
    package: 'figma-developer-mcp',
    version: '0.6.0',
    codeDir: 'package/dist',
    expected: [
      {
        advisory: 'CVE-2025-53967 (curl fallback through exec)',
        rule: 'no-command-injection',
        preset: 'recommended',
        sites: [{ file: 'chunk-IDC7NACK.js', lines: [2, 4] }],
      },
    ],
  },
  {
    package: 'mcp-server-kubernetes',
    version: '2.9.6',
    codeDir: 'package/dist',
    expected: [
      {
        advisory: 'GHSA-wmg3-h8mf-wgvr (kubectl_get argv)',
        rule: 'no-command-injection',
        preset: 'strict',
        sites: [{ file: 'tools/kubectl-get.js', lines: [65, 68] }],
      },
      {
        advisory: 'GHSA-wmg3-h8mf-wgvr (kubectl_delete argv)',
        rule: 'no-command-injection',
        preset: 'strict',
        sites: [{ file: 'tools/kubectl-delete.js', lines: [71, 118] }],
      },
      {
        advisory: 'port_forward argv split on spaces (CWE-88, fixed upstream in PR #300)',
        rule: 'no-command-injection',
        preset: 'recommended',
        sites: [{ file: 'tools/port_forward.js', lines: [5, 6] }],
      },
    ],
  },
  {
    package: '@modelcontextprotocol/server-postgres',
    version: '0.6.2',
    codeDir: 'package/dist',
    expected: [
      {
        advisory: 'read-only bypass by stacked statements (Datadog Security Labs, no CVE)',
        rule: 'no-sql-injection',
        preset: 'recommended',
        sites: [{ file: 'index.js', lines: [87, 91] }],
      },
    ],
  },
  {
    package: '@mobilenext/mobile-mcp',
    version: '0.0.48',
    codeDir: 'package/lib',
    expected: [
      {
        advisory: 'CVE-2026-33989 (saveTo of mobile_save_screenshot)',
        rule: 'no-path-traversal',
        preset: 'recommended',
        sites: [{ file: 'server.js', lines: [390, 393] }],
      },
    ],
  },
  {
    package: 'fetcher-mcp',
    version: '0.3.9',
    codeDir: 'package/build',
    expected: [
      {
        advisory: 'SSRF in fetch_url (public report jae-jae/fetcher-mcp#38, no GHSA)',
        rule: 'no-ssrf',
        preset: 'recommended',
        sites: [
          { file: 'tools/fetchUrl.js', lines: [65, 101] },
          { file: 'services/webContentProcessor.js', lines: [21, 21] },
        ],
      },
    ],
  },
  {
    package: 'xcodebuildmcp',
    version: '2.1.0',
    codeDir: 'package/build',
    expected: [
      {
        advisory: 'CWE-78 in the sh -c executor (upstream PR #289, no GHSA)',
        rule: 'no-command-injection',
        preset: 'recommended',
        sites: [{ file: 'utils/command.js', lines: [7, 14] }],
      },
      {
        advisory: 'CWE-78 in get_mac_bundle_id sh -c (upstream issue #367, no GHSA)',
        rule: 'no-command-injection',
        preset: 'recommended',
        sites: [{ file: 'mcp/tools/project-discovery/get_mac_bundle_id.js', lines: [6, 40] }],
      },
    ],
  },
  {
    package: '@modelcontextprotocol/server-github',
    version: '2025.4.8',
    codeDir: 'package/dist',
    expected: [
      {
        advisory: 'get_file_contents path spliced into the API URL (report modelcontextprotocol/servers#4492)',
        rule: 'no-ssrf',
        preset: 'recommended',
        sites: [
          { file: 'operations/files.js', lines: [53, 58] },
          { file: 'common/utils.js', lines: [31, 31] },
        ],
      },
    ],
  },
];

/**
 * Precision and model controls from a sweep of popular servers (no published vulnerability): a rule's findings
 * triaged as false positives and since fixed (`maxFindings`: what the recommended preset may still report), and
 * servers whose tools the model once missed (`minTools`). A row outside its bound is a regression to look at.
 */
const CONTROLS = [
  { package: '@modelcontextprotocol/server-slack', version: '2025.4.25', codeDir: 'package/dist', rule: 'no-ssrf', maxFindings: 0,
    reason: 'URLSearchParams.append/set values are percent-encoded' },
  { package: '@modelcontextprotocol/server-gitlab', version: '2025.4.25', codeDir: 'package/dist', rule: 'no-ssrf', maxFindings: 0,
    reason: 'encoded query after a URL prefix held in a const' },
  { package: '@upstash/context7-mcp', version: '4.1.1', codeDir: 'package/dist', rule: 'no-description-injection', maxFindings: 0,
    reason: "a server ordering its own tools; 'Next.js' instead of 'nextjs'" },
  { package: '@heroku/mcp-server', version: '1.2.8', codeDir: 'package/dist', minTools: 37,
    reason: 'server.tool(...) in compiled files whose SDK type import was erased' },
  { package: 'obsidian-mcp', version: '2.0.1', codeDir: 'package/dist', minTools: 12,
    reason: 'definition objects with MCP tool annotations' },
];

class InternalError extends Error {}


const slug = (name, version) => `${name.replace(/^@/, '').replace(/\//g, '__')}@${version}`;

/** Packs `name@version` into .tmp/realworld/<slug>/ and extracts it there (once; `--refresh` redoes it). */
async function fetchPackage(name, version, refresh) {
  const dir = path.join(WORK, slug(name, version));
  if (refresh) rmSync(dir, { recursive: true, force: true });
  if (existsSync(path.join(dir, 'package', 'package.json'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pack = await run('npm', ['pack', `${name}@${version}`, '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: dir });
  if (pack.code !== 0) throw new SetupError(`npm pack ${name}@${version} failed (exit ${pack.code}):\n${tail(pack.stderr)}`);
  const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new SetupError(`npm pack ${name}@${version} wrote no tarball`);
  const untar = await run('tar', ['-xzf', tarball, '--no-same-owner'], { cwd: dir });
  if (untar.code !== 0) throw new SetupError(`tar failed on ${tarball}:\n${tail(untar.stderr)}`);
  return dir;
}

/** Scans `dir` with the built scan command; returns the JSON report and the wall time in ms. */
async function scan(dir, strict) {
  const args = [BIN, 'scan', dir, '--format', 'json', '--fail-on', 'never', ...(strict ? ['--strict'] : [])];
  const started = performance.now();
  const result = await run(process.execPath, args, { cwd: ROOT, timeoutMs: 600_000 });
  const ms = performance.now() - started;
  if (result.code !== 0) throw new InternalError(`scan ${strict ? '--strict ' : ''}${dir} exited ${result.code}:\n${tail(result.stderr)}`);
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new InternalError(`scan ${dir} wrote no JSON:\n${tail(result.stdout + result.stderr)}`);
  }
  return { report, ms };
}

function matches(finding, expected) {
  if (finding.ruleId !== `mcp-security/${expected.rule}`) return false;
  return expected.sites.some(({ file, lines: [from, to] }) => {
    if (finding.file === file && finding.line >= from && finding.line <= to) return true;
    // A cross-module finding stands at the call in the handler and names the sink: "… at tools/x.js:65 through …".
    for (const match of finding.message.matchAll(/([\w./@-]+\.[cm]?[jt]sx?):(\d+)/g)) {
      const line = Number(match[2]);
      if (match[1] === file && line >= from && line <= to) return true;
    }
    return false;
  });
}

function pad(text, width) {
  const value = String(text);
  return value.length >= width ? value : value + ' '.repeat(width - value.length);
}

function printTable(rows) {
  const headers = ['package', 'advisory', 'rule (preset)', 'found rec', 'found strict', 'other rec/strict', 'time rec/strict'];
  const cells = rows.map((row) => [
    row.package,
    row.advisory,
    `${row.rule} (${row.preset})`,
    row.foundRecommended,
    row.foundStrict,
    row.other,
    row.time,
  ]);
  for (const line of formatColumns(headers, cells)) console.log(line);
}

/** A header, a rule and the rows, in columns padded to their widest cell. */
function formatColumns(headers, cells) {
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((cell) => String(cell[i]).length)));
  return [
    headers.map((header, i) => pad(header, widths[i])).join('  '),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.map((cell) => cell.map((value, i) => pad(value, widths[i])).join('  ')),
  ];
}

function parseArgs(argv) {
  const options = { only: null, refresh: false, json: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--refresh') options.refresh = true;
    else if (arg === '--only' && i + 1 < argv.length) options.only = argv[++i];
    else if (arg === '--json' && i + 1 < argv.length) options.json = path.resolve(argv[++i]);
    else throw new SetupError(`unknown argument ${JSON.stringify(arg)} (usage: node scripts/realworld.mjs [--only <package>] [--refresh] [--json <file>])`);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) throw new SetupError('dist/ is missing: run `npm run build` first (or `npm run realworld`)');
  mkdirSync(WORK, { recursive: true });
  const targets = TARGETS.filter((target) => !options.only || target.package.includes(options.only));
  const controls = CONTROLS.filter((control) => !options.only || control.package.includes(options.only));
  if (targets.length === 0 && controls.length === 0) throw new SetupError(`no package matches --only ${JSON.stringify(options.only)}`);

  const rows = [];
  const results = [];
  let internalErrors = 0;
  for (const target of targets) {
    const label = `${target.package}@${target.version}`;
    const dir = path.join(await fetchPackage(target.package, target.version, options.refresh), target.codeDir);
    if (!existsSync(dir)) throw new SetupError(`${label}: no ${target.codeDir} in the tarball`);
    const recommended = await scan(dir, false);
    const strict = await scan(dir, true);
    for (const { report } of [recommended, strict]) {
      for (const error of report.analysisErrors ?? []) {
        internalErrors++;
        console.error(`realworld: ${label}: analysis error in ${error.file}: ${error.message}`);
      }
    }
    const matched = { recommended: new Set(), strict: new Set() };
    const expectedRows = target.expected.map((expected) => {
      const inRecommended = recommended.report.findings.filter((finding) => matches(finding, expected));
      const inStrict = strict.report.findings.filter((finding) => matches(finding, expected));
      for (const finding of inRecommended) matched.recommended.add(finding);
      for (const finding of inStrict) matched.strict.add(finding);
      const where = (list) => (list.length > 0 ? `yes ${list[0].file}:${list[0].line}${list.length > 1 ? ` +${list.length - 1}` : ''}` : 'no');
      return { expected, foundRecommended: where(inRecommended), foundStrict: where(inStrict) };
    });
    const other = `${recommended.report.findings.length - matched.recommended.size}/${strict.report.findings.length - matched.strict.size}`;
    const time = `${(recommended.ms / 1000).toFixed(1)}s/${(strict.ms / 1000).toFixed(1)}s`;
    for (const { expected, foundRecommended, foundStrict } of expectedRows) {
      rows.push({ package: label, advisory: expected.advisory, rule: expected.rule, preset: expected.preset, foundRecommended, foundStrict, other, time });
    }

    let fixed = null;
    if (target.fixedVersion) {
      const fixedDir = path.join(await fetchPackage(target.package, target.fixedVersion, options.refresh), target.codeDir);
      const fixedScan = await scan(fixedDir, false);
      const rules = new Set(target.expected.map((expected) => `mcp-security/${expected.rule}`));
      const count = fixedScan.report.findings.filter((finding) => rules.has(finding.ruleId)).length;
      fixed = { version: target.fixedVersion, findingsOfExpectedRules: count, ms: Math.round(fixedScan.ms) };
      rows.push({
        package: `${target.package}@${target.fixedVersion}`,
        advisory: '(patched version: findings of the same rule)',
        rule: [...rules].map((id) => id.replace('mcp-security/', '')).join(', '),
        preset: 'recommended',
        foundRecommended: String(count),
        foundStrict: '-',
        other: `${fixedScan.report.findings.length - count}/-`,
        time: `${(fixedScan.ms / 1000).toFixed(1)}s/-`,
      });
    }

    const summarize = ({ report, ms }) => ({
      files: report.summary.files,
      tools: report.summary.tools,
      findings: report.summary.findings,
      byRule: report.summary.byRule,
      parseErrors: report.summary.parseErrors,
      analysisErrors: (report.analysisErrors ?? []).length,
      ms: Math.round(ms),
    });
    results.push({
      package: target.package,
      version: target.version,
      codeDir: target.codeDir,
      expected: expectedRows.map(({ expected, foundRecommended, foundStrict }) => ({ ...expected, foundRecommended, foundStrict })),
      recommended: summarize(recommended),
      strict: summarize(strict),
      fixed,
    });
  }

  const controlRows = [];
  for (const control of controls) {
    const dir = path.join(await fetchPackage(control.package, control.version, options.refresh), control.codeDir);
    if (!existsSync(dir)) throw new SetupError(`${control.package}@${control.version}: no ${control.codeDir} in the tarball`);
    const { report, ms } = await scan(dir, false);
    const measured = control.rule === undefined ? report.tools.length : report.findings.filter((finding) => finding.ruleId === `mcp-security/${control.rule}`).length;
    const ok = control.rule === undefined ? measured >= control.minTools : measured <= control.maxFindings;
    controlRows.push({
      package: `${control.package}@${control.version}`,
      check: control.rule === undefined ? `tools >= ${control.minTools}` : `${control.rule} <= ${control.maxFindings}`,
      measured: String(measured),
      status: ok ? 'ok' : 'REGRESSION',
      reason: control.reason,
      time: `${(ms / 1000).toFixed(1)}s`,
    });
    results.push({ control: { ...control, measured, ok } });
  }

  if (rows.length > 0) printTable(rows);
  if (controlRows.length > 0) {
    console.log('\nControls (recommended preset):\n');
    for (const line of formatColumns(['package', 'check', 'measured', 'status', 'why', 'time'], controlRows.map((r) => [r.package, r.check, r.measured, r.status, r.reason, r.time]))) console.log(line);
  }
  const expectedCount = rows.filter((row) => !row.advisory.startsWith('(patched')).length;
  const found = (key, preset) => rows.filter((row) => !row.advisory.startsWith('(patched') && (!preset || row.preset === preset) && row[key].startsWith('yes')).length;
  if (controlRows.length > 0) console.log(`\nrealworld: ${controlRows.filter((row) => row.status === 'ok').length} of ${controlRows.length} controls within their bounds.`);
  console.log(`\nrealworld: ${targets.length} packages, ${expectedCount} expected findings: ${found('foundRecommended')} found with recommended, ${found('foundStrict')} with strict (${found('foundStrict', 'strict')} of ${rows.filter((row) => row.preset === 'strict').length} that only strict is meant to report).`);
  console.log('realworld: "other" counts every finding of the scan that is not on an expected site; it mixes true and false positives.');
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({ results }, null, 2)}\n`);
    console.log(`realworld: wrote ${path.relative(process.cwd(), options.json)}`);
  }
  if (internalErrors > 0) throw new InternalError(`${internalErrors} analysis error(s) (see above)`);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
}, (error) => {
  const kind = error instanceof SetupError ? 'setup error' : 'internal error';
  console.error(`realworld: ${kind}: ${error instanceof SetupError || error instanceof InternalError ? error.message : (error?.stack ?? error)}`);
  process.exitCode = 2;
});
