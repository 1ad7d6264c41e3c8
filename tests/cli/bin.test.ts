import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { examplesDir, repoRoot, sarifValidator } from './helpers.js';

/** The real executables, as a subprocess, against the build (`npm test` builds first). */
describe('the bin entry', () => {
  const bin = path.join(repoRoot, 'bin', 'mcp-security.js');
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };

  it('is declared under both names, shipped, executable, and starts with a node shebang', () => {
    expect(pkg.bin).toEqual({ 'eslint-plugin-mcp-security': 'bin/mcp-security.js', 'mcp-security': 'bin/mcp-security.js' });
    expect(pkg.files).toContain('bin');
    expect(pkg.files).toContain('dist/src');
    expect(() => {
      accessSync(bin, constants.X_OK);
    }).not.toThrow();
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs the built CLI: --version, and a SARIF scan with exit code 1', () => {
    expect(existsSync(path.join(repoRoot, 'dist', 'src', 'cli', 'main.js')), 'run `npm run build` first').toBe(true);
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${plugin.meta.version}\n`);

    const scan = spawnSync(bin, ['scan', path.join(examplesDir, 'vulnerable-server'), '--format', 'sarif'], { encoding: 'utf8', cwd: repoRoot });
    expect(scan.stderr).toBe('');
    expect(scan.status).toBe(1);
    const validate = sarifValidator();
    expect(validate(JSON.parse(scan.stdout)), JSON.stringify(validate.errors)).toBe(true);

    const usage = spawnSync(process.execPath, [bin, '--no-such-flag'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe('mcp-security: unknown option --no-such-flag (see mcp-security --help)\n');
  });
});
