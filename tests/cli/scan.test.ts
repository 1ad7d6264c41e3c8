import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import type { ScanReport } from '../../src/cli/report.js';
import { CLEAN_SERVER, cli, examplesDir, SERVER_WITH_ENV_READ, tempDir, writeTree } from './helpers.js';

const recommendedRules = Object.keys(plugin.configs['flat/recommended'].rules ?? {}).sort();

function parseJson(stdout: string): ScanReport {
  return JSON.parse(stdout) as ScanReport;
}

describe('scan: the example servers', () => {
  it('finds every registered recommended rule in the vulnerable server and exits 1', async () => {
    const run = await cli(['scan', path.join(examplesDir, 'vulnerable-server'), '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = parseJson(run.stdout);
    const found = new Set(report.findings.map((finding) => finding.ruleId));
    expect(recommendedRules.length).toBeGreaterThan(0);
    for (const rule of recommendedRules) expect(found, rule).toContain(rule);
    expect(report.summary.parseErrors).toBe(0);
    expect(report.tools.length).toBeGreaterThan(0);
    expect(report.tools.map((tool) => tool.name)).toContain('run_command');
    // No tool of the vulnerable server is rate limited; every tool of its secure twin is.
    expect(report.tools.filter((tool) => tool.rateGuard !== false)).toEqual([]);
    const secure = parseJson((await cli([path.join(examplesDir, 'secure-server'), '-f', 'json'])).stdout);
    expect(secure.tools.length).toBe(report.tools.length);
    expect(secure.tools.filter((tool) => tool.rateGuard !== true)).toEqual([]);
  });

  it('reports exactly what ESLint reports with the same preset', async () => {
    const dir = path.join(examplesDir, 'vulnerable-server');
    const report = parseJson((await cli([dir, '--format', 'json'])).stdout);
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs['flat/recommended']] });
    const expected = (await eslint.lintFiles(['.'])).flatMap((result) =>
      result.messages.map((m) => `${path.relative(dir, result.filePath).split(path.sep).join('/')}:${m.line}:${m.column} ${m.ruleId ?? 'parse-error'}`));
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`).sort()).toEqual(expected.sort());
  });

  it('reports nothing on the secure server and exits 0', async () => {
    const run = await cli([path.join(examplesDir, 'secure-server')]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^No findings in \d+ files\.$/m);
    expect(run.code).toBe(0);
  });

  it('prints the tool inventory, the findings by file and a line per rule (stylish)', async () => {
    const run = await cli(['scan', 'examples/vulnerable-server']);
    expect(run.code).toBe(1);
    const { stdout } = run;
    expect(stdout).toMatch(/^eslint-plugin-mcp-security \S+: scanned \d+ files in examples\/vulnerable-server with the recommended preset/);
    expect(stdout).toMatch(/^Tools \(\d+\)$/m);
    expect(stdout).toMatch(/^ {2}name +kind +framework +location +description +schema +rate guard$/m);
    expect(stdout).toMatch(/^ {2}run_command +tool +mcp-sdk +src\/tools\/shell\.ts:\d+ +\d+ chars +yes +no$/m);
    expect(stdout).toMatch(/^Findings$/m);
    expect(stdout).toMatch(/^src\/tools\/web\.ts$/m);
    expect(stdout).toMatch(/^ {2}\d+:\d+ +error +`process\.env\.GITHUB_TOKEN` is read outside the config module\..* +mcp-security\/no-env-outside-config$/m);
    expect(stdout).toMatch(/^Per rule$/m);
    for (const rule of recommendedRules) expect(stdout).toMatch(new RegExp(`^ {2}${rule} +\\d+ findings? in \\d+ files?$`, 'm'));
    expect(stdout).toMatch(/^\d+ findings? \(\d+ errors?, 0 warnings\) in \d+ of \d+ files\.$/m);
  });

  it('prints only the findings with --quiet', async () => {
    const run = await cli(['examples/vulnerable-server', '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/Tools \(|Per rule|^eslint-plugin-mcp-security/m);
    expect(run.stdout).toMatch(/^src\/tools\/web\.ts$/m);
    const clean = await cli(['examples/secure-server', '--quiet']);
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('scan: small trees', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterAll(() => { cleanup(); });

  const tree = (name: string, files: Record<string, string>): string => {
    const root = path.join(dir, name);
    mkdirSync(root, { recursive: true });
    writeTree(root, files);
    return root;
  };

  it('says so on an empty directory and exits 0', async () => {
    const root = tree('empty', {});
    const run = await cli([root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/scanned 0 files/);
    expect(run.stdout).toMatch(/No MCP tools, prompts or resources found\./);
    expect(run.stdout).toMatch(/No JavaScript or TypeScript source files found\./);
    const json = parseJson((await cli([root, '-f', 'json'])).stdout);
    expect(json.summary).toMatchObject({ files: 0, tools: 0, findings: 0 });
  });

  it('reports a file that does not parse as a parse-error finding and goes on; --fail-on decides the exit code', async () => {
    const root = tree('broken', { 'src/broken.ts': 'export const = ;\n', 'src/server.ts': SERVER_WITH_ENV_READ, 'src/clean.ts': CLEAN_SERVER });
    const run = await cli([root, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = parseJson(run.stdout);
    expect(report.summary.files).toBe(3);
    expect(report.findings.filter((f) => f.ruleId === 'mcp-security/parse-error')).toEqual([
      expect.objectContaining({ file: 'src/broken.ts', severity: 'error', line: 1, message: expect.stringMatching(/^Parsing error: /) as unknown }),
    ]);
    expect(report.findings.filter((f) => f.ruleId === 'mcp-security/no-env-outside-config').map((f) => f.file)).toEqual(['src/server.ts']);
    expect(report.summary.parseErrors).toBe(1);
    expect(report.summary.byRule['mcp-security/parse-error']).toBe(1);

    const onlyBroken = tree('only-broken', { 'index.js': 'function (' });
    expect((await cli([onlyBroken])).code).toBe(1);
    expect((await cli([onlyBroken, '--fail-on', 'never'])).code).toBe(0);
    const stylish = await cli([onlyBroken]);
    expect(stylish.stdout).toMatch(/^ {2}1:\d+ +error +Parsing error: .* +mcp-security\/parse-error$/m);
    expect(stylish.stdout).toMatch(/1 file not parsed/);
  });

  it('applies --fail-on to the findings', async () => {
    const root = tree('env', { 'server.ts': SERVER_WITH_ENV_READ });
    expect((await cli([root])).code).toBe(1);
    expect((await cli([root, '--fail-on', 'error'])).code).toBe(1);
    expect((await cli([root, '--fail-on', 'warning'])).code).toBe(1);
    expect((await cli([root, '--fail-on', 'never'])).code).toBe(0);
    const clean = tree('clean', { 'server.ts': CLEAN_SERVER });
    expect((await cli([clean, '--fail-on', 'warning'])).code).toBe(0);
  });

  it('lists the tools with their framework, location, description length and schema', async () => {
    const root = tree('inventory', {
      'src/server.ts': CLEAN_SERVER,
      'src/dynamic.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const server = new McpServer({ name: 'x', version: '1' });
const text = await fetch('https://example.com/d').then((r) => r.text());
server.registerTool('remote', { description: text }, async () => ({ content: [] }));
`,
    });
    const report = parseJson((await cli([root, '-f', 'json'])).stdout);
    expect(report.tools).toEqual([
      { name: 'remote', kind: 'tool', framework: 'mcp-sdk', file: 'src/dynamic.ts', line: 4, column: 1, description: 'dynamic', descriptionLength: null, inputSchema: false, rateGuard: false },
      { name: 'add', kind: 'tool', framework: 'mcp-sdk', file: 'src/server.ts', line: 6, column: 1, description: 'static', descriptionLength: 'Add two numbers.'.length, inputSchema: true, rateGuard: false },
    ]);
  });

  it('ignores eslint-disable comments in the scanned code unless --allow-inline-config', async () => {
    const root = tree('disabled', {
      'server.ts': `/* eslint-disable */\n/* eslint mcp-security/no-env-outside-config: "off" */\n${SERVER_WITH_ENV_READ}`,
    });
    const audit = parseJson((await cli([root, '-f', 'json'])).stdout);
    expect(audit.summary.findings).toBe(1);
    expect(audit.summary.suppressed).toBe(0);
    const own = await cli([root, '-f', 'json', '--allow-inline-config']);
    expect(own.code).toBe(0);
    expect(parseJson(own.stdout).summary.findings).toBe(0);
  });

  it('scans a single file named on the command line', async () => {
    const root = tree('single', { 'server.test.ts': SERVER_WITH_ENV_READ, 'other.ts': SERVER_WITH_ENV_READ });
    const run = await cli([path.join(root, 'server.test.ts'), '-f', 'json']);
    expect(run.code).toBe(1);
    const report = parseJson(run.stdout);
    expect(report.summary.files).toBe(1);
    expect(report.findings.map((f) => f.file)).toEqual(['server.test.ts']);
  });

  it('writes the report to --output and says so on stderr', async () => {
    const root = tree('output', { 'server.ts': SERVER_WITH_ENV_READ });
    const out = path.join(dir, 'reports', 'nested', 'scan.json');
    const run = await cli([root, '-f', 'json', '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^mcp-security: wrote the json report to .*scan\.json \(1 finding, 1 file\)\n$/);
    expect(parseJson(readFileSync(out, 'utf8')).summary.findings).toBe(1);
  });

  it('shows progress on stderr with --progress (a line per tenth off a terminal)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`src/m${String(i).padStart(2, '0')}.ts`] = `export const v${i} = ${i};\n`;
    const root = tree('progress', files);
    const quiet = await cli([root]);
    expect(quiet.stderr).toBe('');
    const run = await cli([root, '--progress']);
    expect(run.code).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe('mcp-security: scanned 20/20 files');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.every((line) => /^mcp-security: scanned \d+\/20 files$/.test(line))).toBe(true);
  });

  it('does not show progress on a terminal for a small tree', async () => {
    const root = tree('small-tty', { 'a.ts': 'export {};\n' });
    expect((await cli([root], { tty: true })).stderr).toBe('');
  });
});

describe('scan: usage and input errors (exit 2, one line on stderr)', () => {
  const expectUsage = (run: { code: number; stdout: string; stderr: string }, pattern: RegExp): void => {
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  };

  it('rejects an unknown option with a hint', async () => {
    expectUsage(await cli(['scan', '.', '--fromat', 'json']), /^mcp-security: unknown option --fromat \(did you mean --format\?\) \(see mcp-security --help\)\n$/);
    expectUsage(await cli(['--bogus']), /^mcp-security: unknown option --bogus \(see mcp-security --help\)\n$/);
  });

  it('rejects bad values and missing values', async () => {
    expectUsage(await cli(['--format', 'xml']), /invalid value "xml" for --format: expected stylish, json, sarif/);
    expectUsage(await cli(['--fail-on', 'critical']), /invalid value "critical" for --fail-on: expected error, warning, never/);
    expectUsage(await cli(['--format']), /option --format needs a value/);
    expectUsage(await cli(['--strict=yes']), /option --strict takes no value/);
    expectUsage(await cli(['a', 'b']), /expected one directory, got 2/);
    expectUsage(await cli(['-f', 'json', '-f', 'sarif']), /option --format is given more than once/);
  });

  it('fails on a path that does not exist', async () => {
    expectUsage(await cli(['scan', 'no/such/dir']), /^mcp-security: no such directory: no\/such\/dir\n$/);
  });

  it('fails on a file that is not a source file', async () => {
    expectUsage(await cli([path.join(examplesDir, 'vulnerable-server', 'package.json')]), /is neither a directory nor a JavaScript\/TypeScript source file/);
  });

  it('fails when the output cannot be written', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { 'file.txt': 'x' });
      expectUsage(await cli([path.join(examplesDir, 'secure-server'), '-o', path.join(dir, 'file.txt', 'out.json')]), /^mcp-security: cannot write .*: E[A-Z]+\n$/);
    } finally {
      cleanup();
    }
  });
});

describe('scan: --help and --version', () => {
  it('prints the usage', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: eslint-plugin-mcp-security \[scan\] \[dir\] \[options\]/);
    for (const flag of ['--strict', '--format', '--output', '--fail-on', '--include-tests', '--ignore', '--allow-inline-config', '--quiet', '--progress', '--debug', '--help', '--version']) {
      expect(run.stdout).toContain(flag);
    }
    expect((await cli(['scan', '-h'])).stdout).toBe(run.stdout);
  });

  it('prints the version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${plugin.meta.version}\n`, stderr: '' });
    expect((await cli(['-v'])).stdout).toBe(`${plugin.meta.version}\n`);
  });
});

describe('scan: symbolic links', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterAll(() => { cleanup(); });

  it('does not follow a link out of the directory, and says so', async () => {
    const outside = path.join(dir, 'outside');
    const root = path.join(dir, 'server');
    writeTree(outside, { 'secret.ts': SERVER_WITH_ENV_READ, 'lib/more.ts': SERVER_WITH_ENV_READ });
    writeTree(root, { 'src/index.ts': CLEAN_SERVER });
    symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src', 'leak.ts'));
    symlinkSync(path.join(outside, 'lib'), path.join(root, 'src', 'lib'));
    symlinkSync(path.join(outside, 'gone.ts'), path.join(root, 'src', 'broken.ts'));
    symlinkSync('../..', path.join(root, 'src', 'parent'));

    const run = await cli([root, '-f', 'json']);
    expect(run.code).toBe(0);
    const report = parseJson(run.stdout);
    expect(report.summary.files).toBe(1);
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([
      { path: 'src/broken.ts', reason: 'broken-symlink' },
      { path: 'src/leak.ts', reason: 'symlink-outside' },
      { path: 'src/lib', reason: 'symlink-outside' },
      { path: 'src/parent', reason: 'symlink-outside' },
    ]);
    expect((await cli([root])).stdout).toMatch(/^ {2}src\/leak\.ts: symbolic link leading out of the directory, not followed$/m);
  });

  it('follows a link that stays inside, once per real file, and survives a cycle', async () => {
    const root = path.join(dir, 'inside');
    writeTree(root, { 'src/real/server.ts': SERVER_WITH_ENV_READ });
    symlinkSync(path.join(root, 'src', 'real'), path.join(root, 'src', 'alias'));
    symlinkSync(path.join(root, 'src'), path.join(root, 'src', 'real', 'loop'));
    const report = parseJson((await cli([root, '-f', 'json'])).stdout);
    expect(report.summary.files).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.skipped).toEqual([]);
  });

  it('does not scan node_modules through a link', async () => {
    const root = path.join(dir, 'modules');
    writeTree(root, { 'node_modules/dep/index.js': 'module.exports = process.env.X;\n', 'src/index.ts': CLEAN_SERVER });
    symlinkSync(path.join(root, 'node_modules', 'dep'), path.join(root, 'src', 'dep'));
    const report = parseJson((await cli([root, '-f', 'json'])).stdout);
    expect(report.summary.files).toBe(1);
  });

  it('scans the real directory when the directory given is a link', async () => {
    const root = path.join(dir, 'target');
    writeTree(root, { 'server.ts': SERVER_WITH_ENV_READ });
    symlinkSync(root, path.join(dir, 'link-to-target'));
    const report = parseJson((await cli([path.join(dir, 'link-to-target'), '-f', 'json'])).stdout);
    expect(report.root).toBe(root);
    expect(report.findings.map((f) => f.file)).toEqual(['server.ts']);
  });
});
