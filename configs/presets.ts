import type { ESLint, Linter } from 'eslint';

import type { McpSecurityDocs } from '../src/util/create-rule.js';

/** The presets, derived from rule metadata: there is no second list to keep in sync. */
export type Presets = {
  recommended: Linter.LegacyConfig;
  strict: Linter.LegacyConfig;
  'flat/recommended': Linter.Config;
  'flat/strict': Linter.Config;
};

export type PresetName = 'recommended' | 'strict';

export const NAMESPACE = 'mcp-security';

/** Source files the presets lint; TypeScript ones are parsed with @typescript-eslint/parser. */
export const LINTED_FILES = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];
const TS_FILES = ['*.ts', '*.tsx', '*.mts', '*.cts'];
/** eslintrc lints only `.js` unless an override names other extensions. */
const JS_MODULE_FILES = ['*.mjs', '*.jsx'];
const JS_SCRIPT_FILES = ['*.cjs'];

type RuleWithDocs = { meta?: { docs?: Partial<McpSecurityDocs> } };

/** The rule record of a preset, from each rule's `meta.docs`. */
export function getPresetRules(
  rules: Readonly<Record<string, RuleWithDocs>>,
  preset: PresetName,
): Linter.RulesRecord {
  const record: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta?.docs;
    if (preset === 'recommended' && docs?.recommended !== true) continue;
    const options = preset === 'strict' ? (docs?.strictOptions ?? []) : [];
    record[`${NAMESPACE}/${name}`] = options.length > 0 ? ['error', ...options] : 'error';
  }
  return record;
}

/**
 * Builds the four presets for a plugin object. eslintrc presets are keyed `recommended`/`strict`
 * (so `extends: ['plugin:mcp-security/recommended']` works), flat ones `flat/…` (so
 * `defineConfig({ extends: ['mcp-security/recommended'] })` finds them through its fallback).
 */
export function createPresets(plugin: ESLint.Plugin, parser: Linter.Parser): Presets {
  const rules = (plugin.rules ?? {}) as Record<string, RuleWithDocs>;
  const legacy = (preset: PresetName): Linter.LegacyConfig => ({
    plugins: [NAMESPACE],
    // eslintrc's espree defaults to ES5 scripts, where MCP servers (ES2022 modules) do not parse.
    parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    overrides: [
      // eslintrc resolves a plugin config's parser name relative to the plugin itself.
      { files: TS_FILES, parser: '@typescript-eslint/parser' },
      { files: JS_MODULE_FILES, parserOptions: { sourceType: 'module', ecmaFeatures: { jsx: true } } },
      { files: JS_SCRIPT_FILES, parserOptions: { sourceType: 'script' } },
    ],
    rules: getPresetRules(rules, preset),
  });
  const flat = (preset: PresetName): Linter.Config => ({
    name: `${NAMESPACE}/${preset}`,
    files: LINTED_FILES,
    plugins: { [NAMESPACE]: plugin },
    languageOptions: { parser },
    rules: getPresetRules(rules, preset),
  });
  return {
    recommended: legacy('recommended'),
    strict: legacy('strict'),
    'flat/recommended': flat('recommended'),
    'flat/strict': flat('strict'),
  };
}
