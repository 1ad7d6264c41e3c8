import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';

import { rules } from '../src/rules/index.js';
import { getDocsUrl } from '../src/util/create-rule.js';
import { type Annotation, listSourceFiles, parseAnnotations } from './support/annotations.js';
import { type AstGrepFinding, NO_AST_GREP_RULE, astGrepDir, runAstGrep, scanJson, sgconfig } from './support/ast-grep.js';
import { repoRoot } from './support/lint.js';

/**
 * The Semgrep-style ruleset (configs/ast-grep): its rule files, `ast-grep test` with snapshots, a
 * cross-check against the annotated corpus shared with the ESLint rules, and the documented command
 * run against the packed tarball.
 */

/** The rule table of DESIGN.md. */
const DESIGN_RULES = [
  'max-description-length',
  'no-code-injection',
  'no-command-injection',
  'no-description-injection',
  'no-env-outside-config',
  'no-error-leak',
  'no-path-traversal',
  'no-sql-injection',
  'no-ssrf',
  'require-input-schema',
  'require-rate-limit',
];

interface RuleFile {
  id: string;
  language: string;
  severity: string;
  message: string;
  note: string;
  url: string;
  metadata: { cwe: string[]; owasp: string[]; confidence: string };
}

const rulesDir = path.join(astGrepDir, 'rules');
const ruleFiles = readdirSync(rulesDir)
  .filter((file) => file.endsWith('.yml'))
  .sort()
  .map((file) => ({ file, rule: YAML.parse(readFileSync(path.join(rulesDir, file), 'utf8')) as RuleFile }));
const AST_GREP_RULES = ruleFiles.map(({ rule }) => rule.id);
const eslintRules = rules as unknown as Record<string, { meta: { docs: { cwe: string[]; owasp: string[] } } } | undefined>;

describe('ast-grep ruleset: rule files', () => {
  it('mirrors every rule of the design table, except those that need data flow', () => {
    expect([...AST_GREP_RULES, ...NO_AST_GREP_RULE].sort()).toEqual(DESIGN_RULES);
  });

  it.each(ruleFiles.map(({ file, rule }) => [rule.id, file, rule] as const))('%s', (id, file, rule) => {
    expect(file).toBe(`${id}.yml`);
    expect(rule.language).toBe('TypeScript');
    expect(rule.severity).toBe('error');
    expect(rule.message.trim()).not.toBe('');
    // Every note says what the syntactic rule cannot see compared with the ESLint rule.
    expect(rule.note).toMatch(/Limits versus the ESLint rule:/);
    expect(rule.url).toBe(getDocsUrl(id));
    expect(rule.metadata.cwe.length).toBeGreaterThan(0);
    for (const cwe of rule.metadata.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
    expect(rule.metadata.owasp.length).toBeGreaterThan(0);
    for (const owasp of rule.metadata.owasp) expect(owasp).toMatch(/^MCP\d\d$/);
    expect(['low', 'medium', 'high']).toContain(rule.metadata.confidence);

    // Once the ESLint rule exists, both carry the same tags.
    const eslintRule = eslintRules[id];
    if (eslintRule) {
      expect(rule.metadata.cwe).toEqual(eslintRule.meta.docs.cwe);
      expect(rule.metadata.owasp).toEqual(eslintRule.meta.docs.owasp);
    }

    const test = YAML.parse(readFileSync(path.join(astGrepDir, 'rule-tests', `${id}-test.yml`), 'utf8')) as {
      id: string;
      valid: string[];
      invalid: string[];
    };
    expect(test.id).toBe(id);
    expect(test.valid.length).toBeGreaterThan(2);
    expect(test.invalid.length).toBeGreaterThan(2);
    expect(existsSync(path.join(astGrepDir, 'rule-tests', '__snapshots__', `${id}-snapshot.yml`))).toBe(true);
  });
});

describe('ast-grep test (rule tests with snapshots)', () => {
  it('passes for every rule', () => {
    const run = runAstGrep(['test', '-c', sgconfig]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`test result: ok\\. ${AST_GREP_RULES.length} passed; 0 failed;`));
  });
});

const corpusDir = path.join(repoRoot, 'tests', 'corpus');

interface RuleTally {
  /** `ruleid` + `todoruleid` lines: what the ESLint rule reports. */
  eslint: number;
  /** `ruleid` lines ast-grep reports. */
  found: number;
  todoruleid: number;
  todook: number;
}

describe('ast-grep ruleset against the annotated corpus', () => {
  const files = listSourceFiles(corpusDir);
  const annotations: (Annotation & { file: string })[] = files.flatMap((file) =>
    parseAnnotations(readFileSync(file, 'utf8')).map((annotation) => ({ ...annotation, file: path.relative(repoRoot, file) })),
  );
  let findings: AstGrepFinding[] = [];

  const key = (file: string, line: number): string => `${file}:${line}`;
  const linesOf = (rule: string, kinds: Annotation['kind'][]): Set<string> =>
    new Set(annotations.filter((a) => a.rule === rule && kinds.includes(a.kind)).map((a) => key(a.file, a.line)));
  const foundBy = (rule: string): Set<string> => new Set(findings.filter((f) => f.ruleId === rule).map((f) => key(f.file, f.line)));

  beforeAll(() => {
    findings = files.length === 0 ? [] : scanJson(files.map((file) => path.relative(repoRoot, file)));
  });

  afterAll(() => {
    const rows = AST_GREP_RULES.map((rule) => {
      const found = foundBy(rule);
      const tally: RuleTally = {
        eslint: linesOf(rule, ['ruleid', 'todoruleid']).size,
        found: [...linesOf(rule, ['ruleid'])].filter((line) => found.has(line)).length,
        todoruleid: linesOf(rule, ['todoruleid']).size,
        todook: linesOf(rule, ['todook']).size,
      };
      const recall = tally.eslint === 0 ? '-' : `${Math.round((100 * tally.found) / tally.eslint)}%`;
      return `| ${rule} | ${tally.eslint} | ${tally.found} | ${recall} | ${tally.todoruleid} | ${tally.todook} |`;
    });
    const skipped = NO_AST_GREP_RULE.map((rule) => `| ${rule} | ${linesOf(rule, ['ruleid', 'todoruleid']).size} | no ast-grep rule | | | |`);
    console.log(
      [
        `ast-grep recall on tests/corpus (${files.length} files), versus the ESLint rules:`,
        '| rule | ESLint expected | ast-grep found | recall | todoruleid | todook |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        ...rows,
        ...skipped,
      ].join('\n'),
    );
  });

  it('scans only rules the ruleset has, and every finding names one', () => {
    for (const finding of findings) expect(AST_GREP_RULES, `${finding.file}:${finding.line}`).toContain(finding.ruleId);
  });

  describe.each(AST_GREP_RULES)('%s', (rule) => {
    it('reports only on `ruleid` and `todook` lines (precision)', () => {
      const allowed = linesOf(rule, ['ruleid', 'todook']);
      const unexpected = findings
        .filter((f) => f.ruleId === rule && !allowed.has(key(f.file, f.line)))
        .map((f) => `${key(f.file, f.line)} ${f.text.split('\n')[0] ?? ''}`);
      expect(unexpected).toEqual([]);
    });

    it('reports every `ruleid` line (recall on what the engine claims)', () => {
      const found = foundBy(rule);
      expect([...linesOf(rule, ['ruleid'])].filter((line) => !found.has(line))).toEqual([]);
    });

    it('keeps `todoruleid` and `todook` honest (a fixed gap is promoted to `ruleid` / `ok`)', () => {
      const found = foundBy(rule);
      expect([...linesOf(rule, ['todoruleid'])].filter((line) => found.has(line)), 'found: make these `ruleid`').toEqual([]);
      expect([...linesOf(rule, ['todook'])].filter((line) => !found.has(line)), 'not found: make these `ok`').toEqual([]);
    });
  });
});

/**
 * The README's commands, run as written from a project that has the packed tarball in
 * node_modules. The tarball is extracted rather than `npm install`ed: the ruleset is data that
 * ast-grep reads from `node_modules/eslint-plugin-mcp-security/configs/ast-grep/`, extraction puts the
 * same files at the same paths as an install (npm unpacks the same tarball), and it needs neither the
 * registry nor the minute an install of the plugin's dependencies (ESLint as a peer) takes.
 */
describe('the packed ruleset, as the README runs it', () => {
  const CONFIG = 'node_modules/eslint-plugin-mcp-security/configs/ast-grep/sgconfig.yml';
  let tmp = '';
  let packedFiles: string[] = [];

  function project(name: string, example: string): string {
    const dir = path.join(tmp, name);
    mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
    cpSync(path.join(tmp, 'package'), path.join(dir, 'node_modules', 'eslint-plugin-mcp-security'), { recursive: true });
    cpSync(path.join(repoRoot, 'examples', example, 'src'), path.join(dir, 'src'), { recursive: true });
    return dir;
  }

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mcp-security-ast-grep-'));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const pack = spawnSync(npm, ['pack', '--json', '--pack-destination', tmp], { cwd: repoRoot, encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    if (!info) throw new Error('npm pack printed no package');
    packedFiles = info.files.map((file) => file.path);
    const untar = spawnSync('tar', ['-xzf', info.filename, '-C', tmp], { cwd: tmp, encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`tar failed:\n${untar.stderr}`);
  });

  afterAll(() => {
    if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
  });

  it('ships the config, every rule and its utils', () => {
    expect(packedFiles).toContain('configs/ast-grep/sgconfig.yml');
    for (const rule of AST_GREP_RULES) expect(packedFiles).toContain(`configs/ast-grep/rules/${rule}.yml`);
    for (const util of readdirSync(path.join(astGrepDir, 'utils'))) expect(packedFiles).toContain(`configs/ast-grep/utils/${util}`);
  });

  it('reports the vulnerable example server, only on its annotated lines', () => {
    const dir = project('vulnerable', 'vulnerable-server');
    const run = runAstGrep(['scan', '-c', CONFIG, 'src/'], dir);
    expect(run.status, run.stderr).toBe(1);
    for (const rule of AST_GREP_RULES) expect(run.stdout, rule).toContain(`error[${rule}]`);

    const findings = scanJson(['src/'], { config: CONFIG, cwd: dir });
    const expected = new Set(
      listSourceFiles(path.join(dir, 'src')).flatMap((file) =>
        parseAnnotations(readFileSync(file, 'utf8'))
          .filter((a) => a.kind === 'ruleid')
          .map((a) => `${path.relative(dir, file)}:${a.line} ${a.rule}`),
      ),
    );
    const unexpected = findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).filter((k) => !expected.has(k));
    expect(unexpected).toEqual([]);
  });

  it('writes valid SARIF 2.1.0 with one result per finding', () => {
    const dir = project('sarif', 'vulnerable-server');
    const run = runAstGrep(['scan', '-c', CONFIG, '--format', 'sarif', 'src/'], dir);
    expect(run.status, run.stderr).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    // The official SARIF 2.1.0 schema (vendored for the scan command's tests).
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'cli', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = sarif.runs.flatMap((r) => r.results);
    expect(results.length).toBe(scanJson(['src/'], { config: CONFIG, cwd: dir }).length);
    for (const result of results) {
      expect(AST_GREP_RULES).toContain(result.ruleId);
      expect(result.level).toBe('error');
      expect(result.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/^src\//);
    }
  });

  it('reports nothing on the secure example server', () => {
    const dir = project('secure', 'secure-server');
    const run = runAstGrep(['scan', '-c', CONFIG, 'src/'], dir);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(scanJson(['src/'], { config: CONFIG, cwd: dir })).toEqual([]);
  });
});
