import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { findExport, loadModule, loadRelativeModule, resolveRelativeModule } from '../../src/util/module-loader.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';

const from = path.join(__dirname, 'fixtures', 'loader', 'server.ts');

describe('module loader', () => {
  it('resolves NodeNext-style `.js` imports to `.ts` sources, and extensionless ones', () => {
    const expected = path.join(__dirname, 'fixtures', 'loader', 'helpers.ts');
    expect(resolveRelativeModule(from, './helpers.js')).toBe(expected);
    expect(resolveRelativeModule(from, './helpers')).toBe(expected);
    expect(resolveRelativeModule(from, './missing.js')).toBeNull();
    expect(resolveRelativeModule(from, 'node:fs')).toBeNull();
  });

  it('parses a module once and returns the cached unit while the file is unchanged', () => {
    const file = path.join(__dirname, 'fixtures', 'loader', 'helpers.ts');
    const first = loadModule(file);
    expect(first).not.toBeNull();
    expect(loadModule(file)).toBe(first);
  });

  it('sees a changed file once the stat lifetime (1 s) has passed, and keeps the parse within it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcp-loader-'));
    const now = vi.spyOn(performance, 'now');
    try {
      const file = path.join(dir, 'changing.ts');
      writeFileSync(file, 'export const a = 1;\n');
      now.mockReturnValue(10_000);
      const first = loadModule(file);
      expect(first?.text).toBe('export const a = 1;\n');
      writeFileSync(file, 'export const a = 22;\n');
      now.mockReturnValue(10_500);
      expect(loadModule(file)).toBe(first);
      now.mockReturnValue(11_001);
      expect(loadModule(file)?.text).toBe('export const a = 22;\n');
      rmSync(file);
      now.mockReturnValue(12_002);
      expect(loadModule(file)).toBeNull();
    } finally {
      now.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows imports only inside the root of the unit, symbolic links included, and hands the root on', () => {
    const top = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcp-loader-root-')));
    try {
      const root = path.join(top, 'project');
      mkdirSync(path.join(root, 'src'), { recursive: true });
      mkdirSync(path.join(top, 'outside'));
      writeFileSync(path.join(top, 'outside', 'secret.ts'), 'export const secret = 1;\n');
      writeFileSync(path.join(root, 'src', 'inner.ts'), "export { secret } from '../../outside/secret.js';\n");
      symlinkSync(path.join(top, 'outside', 'secret.ts'), path.join(root, 'src', 'linked.ts'));
      const text = "import { secret } from '../../outside/secret.js';\nimport './inner.js';\nimport './linked.js';\n";
      const server = parseSourceUnit(path.join(root, 'src', 'server.ts'), text, root);
      expect(loadRelativeModule(server, '../../outside/secret.js')).toBeNull();
      expect(loadRelativeModule(server, './linked.js')).toBeNull();
      const inner = loadRelativeModule(server, './inner.js');
      expect(inner?.root).toBe(root);
      // The followed module's own re-export leaves the root: not followed either.
      expect(inner && findExport(inner, 'secret')).toBeNull();
      expect(loadModule(path.join(top, 'outside', 'secret.ts'), root)).toBeNull();
      // Without a root (a unit built by hand), the same imports are followed.
      const free = parseSourceUnit(path.join(root, 'src', 'server.ts'), text);
      expect(loadRelativeModule(free, '../../outside/secret.js')?.filename).toBe(path.join(top, 'outside', 'secret.ts'));
      expect(loadRelativeModule(free, './linked.js')).not.toBeNull();
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('resolves a relative import of a unit once, to the cached module', () => {
    const server = loadModule(from);
    if (!server) throw new Error('server.ts did not load');
    const helpers = loadRelativeModule(server, './helpers.js');
    expect(helpers?.filename).toBe(path.join(__dirname, 'fixtures', 'loader', 'helpers.ts'));
    expect(loadRelativeModule(server, './helpers.js')).toBe(helpers);
    expect(loadRelativeModule(server, './missing.js')).toBeNull();
  });

  it('finds exported functions, consts, renamed locals and star re-exports', () => {
    const server = loadModule(from);
    const unit = server && loadRelativeModule(server, './helpers.js');
    if (!unit) throw new Error('helpers.ts did not load');
    expect(findExport(unit, 'shout')?.node.type).toBe('FunctionDeclaration');
    expect(findExport(unit, 'GREETING')?.node.type).toBe('Literal');
    expect(findExport(unit, 'double')?.node.type).toBe('ArrowFunctionExpression');
    expect(findExport(unit, 'EXTRA')?.unit.filename).toBe(path.join(__dirname, 'fixtures', 'loader', 'more.ts'));
    expect(findExport(unit, 'nothing')).toBeNull();
  });
});
