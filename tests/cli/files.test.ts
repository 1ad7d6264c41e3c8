import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isInside, listSourceFiles } from '../../src/cli/files.js';
import type { ScanReport } from '../../src/cli/report.js';
import { PROGRESS_THRESHOLD } from '../../src/cli/run.js';
import { cli, SERVER_WITH_ENV_READ, tempDir, writeTree } from './helpers.js';

describe('listSourceFiles', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    const files = [
      'index.ts', 'a.mts', 'b.cts', 'c.js', 'd.mjs', 'e.cjs', 'f.jsx', 'g.tsx', 'UPPER.TS',
      'types.d.ts', 'more.d.mts', 'README.md', 'data.json', 'style.css',
      'src/tools/shell.ts', 'src/x.test.ts', 'src/x.spec.js', 'src/x.test-d.ts', // `*.test.*` only: not a test file
      'node_modules/dep/index.js', 'src/node_modules/nested/index.js', '.git/hooks/pre-commit.js',
      'dist/index.js', 'build/index.js', 'out/index.js', '.next/server.js', 'coverage/lcov.js',
      'test/a.ts', 'tests/b.ts', 'src/__tests__/c.ts', 'fixtures/d.ts', 'src/fixtures/e.ts',
      '.hidden/tool.ts', 'generated/api.ts', 'vendor/lib/x.js',
    ];
    writeTree(dir, Object.fromEntries(files.map((file) => [file, 'export {};\n'])));
  });
  afterAll(() => { cleanup(); });

  const list = (options: { includeTests?: boolean; ignore?: string[] } = {}): string[] =>
    listSourceFiles(dir, { includeTests: options.includeTests ?? false, ignore: options.ignore ?? [] }).files.map((file) => file.relative);

  it('finds the eight source extensions and skips dependencies, build output, tests, fixtures and declarations', () => {
    expect(list()).toEqual([
      '.hidden/tool.ts', 'UPPER.TS', 'a.mts', 'b.cts', 'c.js', 'd.mjs', 'e.cjs', 'f.jsx', 'g.tsx',
      'generated/api.ts', 'index.ts', 'src/tools/shell.ts', 'src/x.test-d.ts', 'vendor/lib/x.js',
    ]);
  });

  it('keeps tests and fixtures with includeTests (never node_modules or build output)', () => {
    expect(list({ includeTests: true })).toEqual([
      '.hidden/tool.ts', 'UPPER.TS', 'a.mts', 'b.cts', 'c.js', 'd.mjs', 'e.cjs', 'f.jsx', 'fixtures/d.ts', 'g.tsx',
      'generated/api.ts', 'index.ts', 'src/__tests__/c.ts', 'src/fixtures/e.ts', 'src/tools/shell.ts',
      'src/x.spec.js', 'src/x.test-d.ts', 'src/x.test.ts', 'test/a.ts', 'tests/b.ts', 'vendor/lib/x.js',
    ]);
  });

  it('skips what --ignore globs match, files and whole directories', () => {
    expect(list({ ignore: ['./generated/**', 'vendor', '**/*.cjs', '.hidden'] })).toEqual([
      'UPPER.TS', 'a.mts', 'b.cts', 'c.js', 'd.mjs', 'f.jsx', 'g.tsx', 'index.ts', 'src/tools/shell.ts', 'src/x.test-d.ts',
    ]);
  });

  it('never reads a FIFO', () => {
    const fifoDir = path.join(dir, 'fifo');
    writeTree(fifoDir, { 'ok.ts': 'export {};\n' });
    execFileSync('mkfifo', [path.join(fifoDir, 'pipe.ts')]);
    expect(listSourceFiles(fifoDir, { includeTests: false, ignore: [] }).files.map((file) => file.relative)).toEqual(['ok.ts']);
  });

  it('knows what is inside a root', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b/..c')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/x/y')).toBe(false);
  });
});

describe('scan: a tree of a few hundred files', () => {
  const FILES = PROGRESS_THRESHOLD + 50;
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    const files: Record<string, string> = {};
    for (let i = 0; i < FILES; i++) {
      const group = `pkg${String(Math.floor(i / 50)).padStart(2, '0')}`;
      files[`${group}/m${String(i).padStart(4, '0')}.ts`] = i % 70 === 0 ? SERVER_WITH_ENV_READ : `export const value${i} = ${i};\n`;
    }
    writeTree(dir, files);
  });
  afterAll(() => { cleanup(); });

  it('scans every file, reports each finding, and shows progress on a terminal', async () => {
    const run = await cli([dir, '--format', 'json'], { tty: true });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ScanReport;
    expect(report.summary.files).toBe(FILES);
    expect(report.findings).toHaveLength(Math.ceil(FILES / 70));
    expect(report.tools).toHaveLength(Math.ceil(FILES / 70));
    expect(run.stderr).toMatch(new RegExp(`^\\rmcp-security: scanning \\d+/${FILES} files`));
    expect(run.stderr).toContain(`\rmcp-security: scanning ${FILES}/${FILES} files`);
    expect(run.stderr.endsWith('\r\u001b[K')).toBe(true);
  });
});
