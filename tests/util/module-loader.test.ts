import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { findExport, findRelativeImport, loadModule, loadRelativeModule, resolveRelativeModule } from '../../src/util/module-loader.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';
import { getVariable } from '../../src/util/source-unit.js';

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

  describe('CommonJS', () => {
    const commonjs = path.join(__dirname, '..', 'taint', 'fixtures', 'commonjs');
    const load = (file: string) => {
      const unit = loadModule(path.join(commonjs, file));
      if (!unit) throw new Error(`${file} did not load`);
      return unit;
    };
    const textOf = (found: ReturnType<typeof findExport>) => (found ? found.unit.text.slice(found.node.range[0], found.node.range[1]).split('\n')[0] : null);

    it('finds `exports.x = …` and `module.exports.x = …`', () => {
      const git = load('git.js');
      expect(textOf(findExport(git, 'log'))).toBe("(ref) => exec('git log ' + ref)");
      expect(textOf(findExport(git, 'show'))).toBe('function show(ref) {');
      expect(findExport(git, 'default')).toBeNull();
      expect(findExport(git, 'exec')).toBeNull();
    });

    it('finds the properties of `module.exports = { … }`, a shorthand one as the function it names', () => {
      const shell = load('shell.js');
      expect(findExport(shell, 'run')?.node.type).toBe('FunctionDeclaration');
      expect(textOf(findExport(shell, 'quiet'))).toBe('(command) => childProcess.execSync(`${command} > /dev/null`)');
      expect(findExport(shell, 'default')?.node.type).toBe('ObjectExpression');
      expect(findExport(shell, 'childProcess')).toBeNull();
    });

    it('follows `module.exports = require(…)` to the exports of that module', () => {
      const index = load('index.js');
      expect(findExport(index, 'run')?.unit.filename).toBe(path.join(commonjs, 'shell.js'));
      expect(findExport(index, 'run')?.node.type).toBe('FunctionDeclaration');
      expect(findExport(index, 'nothing')).toBeNull();
    });

    it('reads `Object.assign(module.exports, { … })` and `exports = module.exports = { … }`', () => {
      const assign = load('assign.js');
      expect(findExport(assign, 'build')?.node.type).toBe('FunctionDeclaration');
      expect(textOf(findExport(assign, 'clean'))).toBe("() => execSync('make clean')");
      expect(findExport(assign, 'execSync')).toBeNull();
      const chain = load('chain.js');
      expect(textOf(findExport(chain, 'deploy'))).toBe('(env) => execSync(`deploy --env ${env}`)');
      expect(findExport(chain, 'default')?.node.type).toBe('ObjectExpression');
    });

    it('takes `module.exports = function …` as the default export', () => {
      expect(textOf(findExport(load('runner.js'), 'default'))).toBe('function runCommand(command) {');
    });

    it('tells which relative module and export a variable is imported from, in either module system', () => {
      const unit = parseSourceUnit(path.join(commonjs, 'importer.ts'), [
        "import { log } from './git.js';",
        "import runDefault from './runner.js';",
        "import * as ns from './shell.js';",
        "import runEquals = require('./runner.js');",
        "const git = require('./git.js');",
        "const { show: showCommit } = require('./git.js');",
        "const quiet = require('./shell.js').quiet;",
        "const { exec } = require('node:child_process');",
        "let reassigned = require('./git.js');",
        "reassigned = {};",
        "const local = 1;",
      ].join('\n'));
      const imported = (name: string) => {
        const declaration = unit.scopeManager.globalScope?.childScopes[0]?.set.get(name) ?? unit.scopeManager.globalScope?.set.get(name);
        const variable = declaration?.identifiers[0] ? getVariable(unit, declaration.identifiers[0]) : undefined;
        if (!variable) throw new Error(`no variable ${name}`);
        const found = findRelativeImport(unit, variable);
        return found ? [path.basename(found.module.filename), found.name] : null;
      };
      expect(imported('log')).toEqual(['git.js', 'log']);
      expect(imported('runDefault')).toEqual(['runner.js', 'default']);
      expect(imported('ns')).toEqual(['shell.js', null]);
      expect(imported('runEquals')).toEqual(['runner.js', null]);
      expect(imported('git')).toEqual(['git.js', null]);
      expect(imported('showCommit')).toEqual(['git.js', 'show']);
      expect(imported('quiet')).toEqual(['shell.js', 'quiet']);
      expect(imported('exec')).toBeNull();
      expect(imported('reassigned')).toBeNull();
      expect(imported('local')).toBeNull();
    });
  });
});
