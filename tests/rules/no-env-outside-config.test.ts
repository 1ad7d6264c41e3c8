import path from 'node:path';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import rule, { isConfigFile } from '../../src/rules/no-env-outside-config.js';
import { createRuleTester } from '../rule-tester.js';
import { repoRoot } from '../support/lint.js';

/**
 * RuleTester lints an absolute `filename` with the file system root as `cwd` (see
 * @typescript-eslint/rule-tester's `#getLinterForFilename`), so the path the globs see is the
 * absolute path without its leading `/`, and the default `**` globs match as they would in a project.
 * Tests that need a real project `cwd` use a Linter below.
 */
const inRepo = (...segments: string[]): string => path.join(repoRoot, ...segments);
const server = inRepo('src', 'server.ts');

const READS_AND_COPIES = "export const apiKey = process.env.API_KEY;\nexport const childEnv = { ...process.env };";

const ruleTester = createRuleTester();

ruleTester.run('no-env-outside-config', rule, {
  valid: [
    // Config modules under each default glob may read anything, the whole environment included.
    { code: READS_AND_COPIES, filename: inRepo('src', 'config.ts') },
    { code: READS_AND_COPIES, filename: inRepo('src', 'config', 'index.ts') },
    { code: READS_AND_COPIES, filename: inRepo('packages', 'api', 'config', 'database.mts') },
    { code: READS_AND_COPIES, filename: inRepo('src', 'env.ts') },
    { code: READS_AND_COPIES, filename: inRepo('src', 'settings.js') },
    { code: READS_AND_COPIES, filename: inRepo('src', 'server.config.ts') },
    { code: READS_AND_COPIES, filename: inRepo('.config', 'config.cjs') },
    // A custom glob.
    { code: READS_AND_COPIES, filename: inRepo('src', 'secrets.ts'), options: [{ configFiles: ['**/secrets.ts'] }] },
    // allowedVariables: NODE_ENV by default, in every read form.
    { code: "export const production = process.env.NODE_ENV === 'production';", filename: server },
    { code: 'const { NODE_ENV } = process.env;\nexport { NODE_ENV };', filename: server },
    { code: "import { env } from 'node:process';\nexport const mode = env['NODE_ENV'];", filename: server },
    { code: "export const hasMode = 'NODE_ENV' in process.env;", filename: server },
    {
      code: 'export const level = process.env.LOG_LEVEL ?? "info";',
      filename: server,
      options: [{ allowedVariables: ['LOG_LEVEL'] }],
    },
    // A local binding named process shadows the global.
    { code: 'export function run(process: { env: Record<string, string> }) {\n  return process.env.API_KEY;\n}', filename: server },
    { code: 'const process = { env: { API_KEY: "test" } };\nexport const key = process.env.API_KEY;', filename: server },
    { code: 'export function run({ env }: { env: Record<string, string> }) {\n  return env.API_KEY;\n}', filename: server },
    // A local function named require.
    {
      code: 'function require(name: string) {\n  return { env: { [name]: name } };\n}\nexport const key = require("process").env.API_KEY;',
      filename: server,
    },
    // Parameters named env (Cloudflare Workers, Hono bindings).
    { code: 'export function handler(env: Record<string, string>) {\n  return env.API_KEY;\n}', filename: server },
    {
      code: 'export default {\n  fetch(request: Request, env: { API_KEY: string }) {\n    return new Response(env.API_KEY);\n  },\n};',
      filename: server,
    },
    // Unrelated `.env` properties and imports named env.
    { code: 'const settings = { env: { API_KEY: "x" } };\nexport const key = settings.env.API_KEY;', filename: server },
    { code: "import { env } from './runtime.js';\nexport const key = env.API_KEY;", filename: server },
    { code: 'declare const context: { env: Record<string, string> };\nconst { env } = context;\nexport const key = env.API_KEY;', filename: server },
    // Other members of process.
    { code: "import { argv } from 'node:process';\nconst { cwd } = process;\nexport const args = [argv, process.argv, cwd(), process.pid];", filename: server },
    // Writes are not reads.
    { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';\ndelete process.env.API_KEY;\nObject.assign(process.env, { TZ: 'UTC' });", filename: server },
    { code: 'process.env = {};', filename: server },
    // Tests and type positions hand nothing on.
    { code: "if (typeof process !== 'undefined' && process.env) console.log('node');", filename: server },
    { code: 'type Env = typeof process.env;\nexport const empty: Partial<Env> = {};', filename: server },
    { code: 'const e = process.env;\ntype Env = typeof e;\nexport const empty: Partial<Env> = {};', filename: server },
    // An alias that is never read.
    { code: "import { env } from 'node:process';\nconst { env: unused } = process;", filename: server },
  ],
  invalid: [
    {
      // member access
      code: 'const key = process.env.API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 13, endLine: 1, endColumn: 32 },
      ],
    },
    {
      // computed string key
      code: "const url = process.env['DB_URL'];",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.DB_URL' }, line: 1, column: 13, endLine: 1, endColumn: 34 },
      ],
    },
    {
      // key from a constant
      code: "const NAME = 'TOKEN';\nconst token = process.env[NAME];",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.TOKEN' }, line: 2, column: 15, endLine: 2, endColumn: 32 },
      ],
    },
    {
      // key chosen at run time
      code: 'export function read(name: string) {\n  return process.env[name];\n}',
      errors: [
        { messageId: 'dynamicEnvRead', data: { name: 'process.env[name]' }, line: 2, column: 10, endLine: 2, endColumn: 27 },
      ],
    },
    {
      // non-identifier variable name
      code: "const value = process.env['MY-VAR'];",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env["MY-VAR"]' }, line: 1, column: 15, endLine: 1, endColumn: 36 },
      ],
    },
    {
      // destructured env from process
      code: 'const { env } = process;\nexport const key = env.API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 20, endLine: 2, endColumn: 31 },
      ],
    },
    {
      // destructured variables, renamed and defaulted
      code: "const { API_KEY, PORT: port = '3000' } = process.env;",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 9, endLine: 1, endColumn: 16 },
        { messageId: 'envRead', data: { name: 'process.env.PORT' }, line: 1, column: 18, endLine: 1, endColumn: 37 },
      ],
    },
    {
      // nested destructuring
      code: 'const { env: { API_KEY } } = process;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 16, endLine: 1, endColumn: 23 },
      ],
    },
    {
      // named import from node:process
      code: "import { env } from 'node:process';\nexport const key = env.API_KEY;",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 20, endLine: 2, endColumn: 31 },
      ],
    },
    {
      // renamed import from process
      code: "import { env as environment } from 'process';\nconst token = environment.GITHUB_TOKEN;",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.GITHUB_TOKEN' }, line: 2, column: 15, endLine: 2, endColumn: 39 },
      ],
    },
    {
      // default import
      code: "import process from 'process';\nconst key = process.env.API_KEY;",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 13, endLine: 2, endColumn: 32 },
      ],
    },
    {
      // namespace import
      code: "import * as proc from 'node:process';\nconst key = proc.env.API_KEY;",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 13, endLine: 2, endColumn: 29 },
      ],
    },
    {
      // import = require
      code: "import proc = require('process');\nconst key = proc.env.API_KEY;",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 13, endLine: 2, endColumn: 29 },
      ],
    },
    {
      // require('process').env
      code: "const key = require('process').env.API_KEY;",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 13, endLine: 1, endColumn: 43 },
      ],
    },
    {
      // destructured require
      code: "const { env } = require('node:process');\nconst key = env.API_KEY;",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 13, endLine: 2, endColumn: 24 },
      ],
    },
    {
      // dynamic import
      code: "const { env } = await import('node:process');\nexport const key = env.API_KEY;",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 20, endLine: 2, endColumn: 31 },
      ],
    },
    {
      // globalThis.process.env
      code: 'const key = globalThis.process.env.API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 13, endLine: 1, endColumn: 43 },
      ],
    },
    {
      // global.process.env
      code: "const key = global.process.env['API_KEY'];",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 13, endLine: 1, endColumn: 42 },
      ],
    },
    {
      // aliased global object
      code: 'const g = globalThis;\nconst key = g.process.env.API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 13, endLine: 2, endColumn: 34 },
      ],
    },
    {
      // alias of process.env
      code: 'const e = process.env;\nconst key = e.API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 13, endLine: 2, endColumn: 22 },
      ],
    },
    {
      // alias of an alias
      code: 'const e = process.env;\nconst e2 = e;\nconst key = e2.API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 3, column: 13, endLine: 3, endColumn: 23 },
      ],
    },
    {
      // alias of process
      code: 'const p = process;\nconst key = p.env.API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 13, endLine: 2, endColumn: 26 },
      ],
    },
    {
      // fallback alias
      code: 'const e = process.env || {};\nconst key = e.API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 13, endLine: 2, endColumn: 22 },
      ],
    },
    {
      // type assertion
      code: 'const key = (process.env as Record<string, string>).API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 13, endLine: 1, endColumn: 60 },
      ],
    },
    {
      // optional chaining
      code: 'const key = process.env?.API_KEY;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 13, endLine: 1, endColumn: 33 },
      ],
    },
    {
      // parameter default
      code: 'export function connect(env = process.env) {\n  return env.DATABASE_URL;\n}',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.DATABASE_URL' }, line: 2, column: 10, endLine: 2, endColumn: 26 },
      ],
    },
    {
      // presence check with in
      code: "if ('DEBUG' in process.env) console.log('debug');",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.DEBUG' }, line: 1, column: 5, endLine: 1, endColumn: 27 },
      ],
    },
    {
      // Object.hasOwn
      code: "const debug = Object.hasOwn(process.env, 'DEBUG');",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.DEBUG' }, line: 1, column: 15, endLine: 1, endColumn: 50 },
      ],
    },
    {
      // logical assignment reads
      code: "process.env.RETRIES ??= '3';",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.RETRIES' }, line: 1, column: 1, endLine: 1, endColumn: 20 },
      ],
    },
    {
      // guarded read
      code: "if (process.env && process.env.DEBUG) console.log('debug');",
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.DEBUG' }, line: 1, column: 20, endLine: 1, endColumn: 37 },
      ],
    },
    {
      // spread
      code: 'const copy = { ...process.env };',
      errors: [
        { messageId: 'wholeEnv', line: 1, column: 19, endLine: 1, endColumn: 30 },
      ],
    },
    {
      // Object.keys
      code: 'const names = Object.keys(process.env);',
      errors: [
        { messageId: 'wholeEnv', line: 1, column: 27, endLine: 1, endColumn: 38 },
      ],
    },
    {
      // child process env
      code: "import { spawn } from 'node:child_process';\nspawn('node', ['worker.js'], { env: process.env });",
      errors: [
        { messageId: 'wholeEnv', line: 2, column: 37, endLine: 2, endColumn: 48 },
      ],
    },
    {
      // JSON.stringify
      code: 'console.error(JSON.stringify(process.env));',
      errors: [
        { messageId: 'wholeEnv', line: 1, column: 30, endLine: 1, endColumn: 41 },
      ],
    },
    {
      // rest element
      code: 'const { API_KEY, ...rest } = process.env;',
      errors: [
        { messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 9, endLine: 1, endColumn: 16 },
        { messageId: 'wholeEnv', line: 1, column: 18, endLine: 1, endColumn: 25 },
      ],
    },
    {
      // exported alias
      code: 'export const env = process.env;',
      errors: [
        { messageId: 'wholeEnv', line: 1, column: 20, endLine: 1, endColumn: 31 },
      ],
    },
    {
      // re-export
      code: "export { env } from 'node:process';",
      errors: [
        { messageId: 'wholeEnv', line: 1, column: 10, endLine: 1, endColumn: 13 },
      ],
    },
    {
      // imported env handed on
      code: "import { env } from 'node:process';\nrunChild({ env });",
      errors: [
        { messageId: 'wholeEnv', line: 2, column: 12, endLine: 2, endColumn: 15 },
      ],
    },
    {
      // reassigned alias
      code: 'let environment = process.env;\nenvironment = {};',
      errors: [
        { messageId: 'wholeEnv', line: 1, column: 19, endLine: 1, endColumn: 30 },
      ],
    },
    {
      // for-in
      code: 'for (const name in process.env) console.log(name);',
      errors: [
        { messageId: 'wholeEnv', line: 1, column: 20, endLine: 1, endColumn: 31 },
      ],
    },
    {
      // field
      code: 'class Worker {\n  env = process.env;\n}',
      errors: [
        { messageId: 'wholeEnv', line: 2, column: 9, endLine: 2, endColumn: 20 },
      ],
    },

    // Options replace the defaults.
    {
      code: "const mode = process.env.NODE_ENV;\nconst level = process.env.LOG_LEVEL;",
      options: [{ allowedVariables: ['LOG_LEVEL'] }],
      errors: [{ messageId: 'envRead', data: { name: 'process.env.NODE_ENV' }, line: 1, column: 14, endLine: 1, endColumn: 34 }],
    },
    {
      code: 'export const key = process.env.API_KEY;',
      filename: path.join(repoRoot, 'src', 'config.ts'),
      options: [{ configFiles: ['**/secrets.ts'] }],
      errors: [{ messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 20, endLine: 1, endColumn: 39 }],
    },
    // A file whose name only contains `config` is not a config module.
    {
      code: 'export const key = process.env.API_KEY;',
      filename: path.join(repoRoot, 'src', 'tools', 'configure.ts'),
      errors: [{ messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 20, endLine: 1, endColumn: 39 }],
    },
  ],
});

describe('with type information', () => {
  createRuleTester({ typed: true }).run('no-env-outside-config', rule, {
    valid: [
      'export function run(process: { env: Record<string, string> }) {\n  return process.env.API_KEY;\n}',
      'export const production = process.env.NODE_ENV === "production";',
    ],
    invalid: [
      {
        code: 'export const key = process.env.API_KEY;',
        errors: [{ messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 1, column: 20, endLine: 1, endColumn: 39 }],
      },
      {
        code: "import { env } from 'node:process';\nexport const key = env.API_KEY;",
        errors: [{ messageId: 'envRead', data: { name: 'process.env.API_KEY' }, line: 2, column: 20, endLine: 2, endColumn: 31 }],
      },
      {
        code: "import { spawn } from 'node:child_process';\nspawn('node', ['worker.js'], { env: process.env });",
        errors: [{ messageId: 'wholeEnv', line: 2, column: 37, endLine: 2, endColumn: 48 }],
      },
    ],
  });
});

/** Lints with a Linter whose cwd is a real directory (RuleTester always uses the file system root). */
function lint(code: string, { cwd, filename, options = [] }: { cwd: string; filename: string; options?: unknown[] }): Linter.LintMessage[] {
  const linter = new Linter({ cwd });
  return linter.verify(
    code,
    [{ ...plugin.configs['flat/recommended'], rules: { 'mcp-security/no-env-outside-config': ['error', ...options] } }],
    { filename },
  );
}

describe('config files and the working directory', () => {
  const code = 'export const key = process.env.API_KEY;';

  it('matches globs against the path relative to cwd', () => {
    const options = [{ configFiles: ['src/app-config.ts'] }];
    expect(lint(code, { cwd: repoRoot, filename: inRepo('src', 'app-config.ts'), options })).toEqual([]);
    const nested = lint(code, { cwd: repoRoot, filename: inRepo('packages', 'src', 'app-config.ts'), options });
    expect(nested.map((m) => m.messageId)).toEqual(['envRead']);
  });

  it('reports in a file with no config name', () => {
    expect(lint(code, { cwd: repoRoot, filename: inRepo('src', 'server.ts') }).map((m) => m.messageId)).toEqual(['envRead']);
  });
});

// Flat config never lints a file outside its base path (the cwd), so this case is reachable only
// through eslintrc or API callers; test the matcher directly.
describe('isConfigFile', () => {
  const cwd = inRepo('packages', 'api');

  it('matches a file inside cwd by its relative path', () => {
    expect(isConfigFile(path.join(cwd, 'src', 'config.ts'), cwd, ['src/config.ts'])).toBe(true);
    expect(isConfigFile(path.join(cwd, 'lib', 'src', 'config.ts'), cwd, ['src/config.ts'])).toBe(false);
    expect(isConfigFile('src/config.ts', cwd, ['src/config.ts'])).toBe(true);
  });

  it('matches a file outside cwd by its absolute path: `**` globs apply, root-relative ones do not', () => {
    const outside = inRepo('src', 'config.ts');
    expect(isConfigFile(outside, cwd, ['**/config.*'])).toBe(true);
    expect(isConfigFile(outside, cwd, ['src/config.ts'])).toBe(false);
    expect(isConfigFile(inRepo('src', 'server.ts'), cwd, ['**/config.*'])).toBe(false);
  });

  it('includes dot directories and never matches with no globs', () => {
    expect(isConfigFile(path.join(cwd, '.config', 'app', 'index.ts'), cwd, ['**/config/**', '**/.config/**'])).toBe(true);
    expect(isConfigFile(path.join(cwd, 'src', 'config.ts'), cwd, [])).toBe(false);
  });
});

describe('options schema', () => {
  it.each([
    ['an unknown property', { configFile: ['src/config.ts'] }, /Unexpected property "configFile"/],
    ['a string for configFiles', { configFiles: 'src/config.ts' }, /Value "src\/config\.ts" should be array/],
    ['a number in allowedVariables', { allowedVariables: [42] }, /Value 42 should be string/],
    ['an empty variable name', { allowedVariables: [''] }, /Value "" should NOT be shorter than 1 characters/],
    ['a repeated glob', { configFiles: ['**/config.*', '**/config.*'] }, /should NOT have duplicate items/],
  ])('rejects %s', (_title, options, message) => {
    expect(() => lint('export {};', { cwd: repoRoot, filename: server, options: [options] })).toThrow(message);
  });
});
