import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ScanReport } from '../../src/cli/report.js';
import plugin from '../../src/index.js';
import { cli, SERVER_WITH_ENV_READ, tempDir, writeTree } from './helpers.js';

/**
 * A server directory that tries to run code in the auditor's process: every ESLint config file
 * name, an eslintrc in package.json, a plugin and shadow copies of the parser, TypeScript and this
 * plugin in its node_modules, a tsconfig that extends something, and an .eslintignore that hides
 * everything. Each would write a marker file when loaded; the scan must load none of them and
 * still report the server's finding.
 */
describe('scan: a hostile directory', () => {
  let dir: string;
  let markers: string;
  let cleanup: () => void;

  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    markers = path.join(dir, 'markers');
    const target = path.join(dir, 'target');
    const pwn = (name: string): string => `require('node:fs').writeFileSync(${JSON.stringify(path.join(markers, name))}, 'loaded');\n`;
    const pwnEsm = (name: string): string => `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(path.join(markers, name))}, 'loaded');\nexport default [];\n`;
    const hostilePackage = (name: string): Record<string, string> => ({
      [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: '99.0.0', main: 'index.js', exports: { '.': './index.js', './package.json': './package.json' } }),
      [`node_modules/${name}/index.js`]: `${pwn(name.replace('/', '__'))}module.exports = { rules: {}, configs: {}, parse() { return null; } };\n`,
    });
    writeTree(target, {
      'markers-are-here.txt': '',
      'src/server.ts': SERVER_WITH_ENV_READ,
      'eslint.config.js': `${pwn('eslint.config.js')}module.exports = [{ ignores: ['**/*'] }];\n`,
      'eslint.config.mjs': pwnEsm('eslint.config.mjs'),
      'eslint.config.cjs': `${pwn('eslint.config.cjs')}module.exports = [];\n`,
      'eslint.config.ts': pwnEsm('eslint.config.ts'),
      'eslint.config.mts': pwnEsm('eslint.config.mts'),
      '.eslintrc.js': `${pwn('.eslintrc.js')}module.exports = { root: true, plugins: ['evil'], ignorePatterns: ['**/*'] };\n`,
      '.eslintrc.cjs': `${pwn('.eslintrc.cjs')}module.exports = { root: true };\n`,
      '.eslintrc.json': JSON.stringify({ root: true, plugins: ['evil'], parser: 'evil-parser', rules: { 'mcp-security/no-env-outside-config': 'off' } }),
      '.eslintrc.yml': 'root: true\nplugins: [evil]\n',
      '.eslintignore': '**/*\n',
      'package.json': JSON.stringify({ name: 'hostile', eslintConfig: { plugins: ['evil'], parser: 'evil-parser' } }),
      'tsconfig.json': JSON.stringify({ extends: 'evil-tsconfig/tsconfig.json', compilerOptions: { plugins: [{ name: 'evil-ts-plugin' }] } }),
      ...hostilePackage('eslint-plugin-evil'),
      ...hostilePackage('evil-parser'),
      ...hostilePackage('evil-ts-plugin'),
      ...hostilePackage('@typescript-eslint/parser'),
      ...hostilePackage('typescript'),
      ...hostilePackage('eslint'),
      ...hostilePackage('eslint-plugin-mcp-security'),
      'node_modules/evil-tsconfig/tsconfig.json': JSON.stringify({ compilerOptions: { strict: 'not-a-boolean' } }),
    });
    writeTree(markers, { '.keep': '' });
  });
  afterAll(() => { cleanup(); });

  it('is linted without type information: the presets name no project or project service', () => {
    for (const preset of ['flat/recommended', 'flat/strict'] as const) {
      const parserOptions = (plugin.configs[preset].languageOptions?.parserOptions ?? {}) as Record<string, unknown>;
      for (const key of ['project', 'projectService', 'tsconfigRootDir', 'programs']) expect(parserOptions[key], key).toBeUndefined();
    }
  });

  it('loads nothing from it and still reports its finding', async () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      const run = await cli([path.join(dir, 'target'), '--format', format]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
    }
    const run = await cli([path.join(dir, 'target'), '--format', 'json', '--strict', '--include-tests']);
    const report = JSON.parse(run.stdout) as ScanReport;
    expect(readdirSync(markers)).toEqual(['.keep']);
    expect(report.findings.filter((f) => f.ruleId === 'mcp-security/no-env-outside-config').map((f) => f.file)).toContain('src/server.ts');
    // The config files are source files of the target: read and parsed like any other, never run.
    expect(report.summary.files).toBeGreaterThanOrEqual(6);
    expect(report.summary.parseErrors).toBe(0);
    expect(existsSync(path.join(dir, 'target', 'markers-are-here.txt'))).toBe(true);
  });

  it('(control) would have run its config under the default config lookup of ESLint', async () => {
    const eslint = new ESLint({ cwd: path.join(dir, 'target') });
    await eslint.lintFiles(['src/server.ts']).catch(() => []);
    expect(readdirSync(markers)).toContain('eslint.config.js');
  });
});

/**
 * A target whose handler hands its input to a helper one directory above the target (a command
 * sink there). The analysis follows relative imports, but not out of the scanned directory: the
 * auditor asked for that directory, and a path such as `../../../home/me/…` is not the target's.
 */
describe('scan: an import that leaves the scanned directory', () => {
  let dir: string;
  let cleanup: () => void;

  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, {
      'outside/run.ts': "import { execSync } from 'node:child_process';\n\nexport function run(command: string): string {\n  return execSync(command).toString();\n}\n",
      'target/src/server.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { run } from '../../outside/run.js';

const server = new McpServer({ name: 'demo', version: '1.0.0' });

server.registerTool('run', { description: 'Run a command.', inputSchema: { command: z.string() } }, async ({ command }) => ({
  content: [{ type: 'text', text: run(command) }],
}));
`,
    });
  });
  afterAll(() => { cleanup(); });

  const commandFindings = async (target: string): Promise<string[]> => {
    const run = await cli([target, '--format', 'json', '--fail-on', 'never']);
    const report = JSON.parse(run.stdout) as ScanReport;
    return report.findings.filter((f) => f.ruleId === 'mcp-security/no-command-injection').map((f) => `${f.file}:${String(f.line)}`);
  };

  it('is not followed from the target', async () => {
    expect(await commandFindings(path.join(dir, 'target'))).toEqual([]);
  });

  it('(control) is followed, and reported at the call, when the helper is inside the scanned directory', async () => {
    expect(await commandFindings(dir)).toEqual(['target/src/server.ts:8']);
  });
});
