import path from 'node:path';

import { ESLint, Linter } from 'eslint';

import plugin from '../../src/index.js';

export const repoRoot = path.join(__dirname, '..', '..');

export type PresetName = 'recommended' | 'strict';

/**
 * An ESLint instance with only this plugin's preset (and `extra` config objects after it, e.g. rule
 * options): the target's own config files are ignored.
 */
export function createPresetESLint(preset: PresetName, cwd = repoRoot, extra: Linter.Config[] = []): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [plugin.configs[`flat/${preset}`], ...extra],
    ignore: false,
  });
}

/** Lints one code string with a single rule of the plugin (flat config, TypeScript parser). */
export function lintWithRule(
  ruleName: string,
  code: string,
  { options = [], filename = path.join(repoRoot, 'tests', 'fixtures', 'file.ts') }: { options?: unknown[]; filename?: string } = {},
): Linter.LintMessage[] {
  const linter = new Linter({ cwd: repoRoot });
  const base = plugin.configs['flat/recommended'];
  return linter.verify(
    code,
    [{ ...base, rules: { [`mcp-security/${ruleName}`]: ['error', ...options] } }],
    { filename },
  );
}
