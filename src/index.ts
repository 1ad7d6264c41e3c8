import * as parser from '@typescript-eslint/parser';
import type { ESLint } from 'eslint';

import { createPresets, NAMESPACE, type Presets } from '../configs/presets.js';
import type { McpSecurityPlugin } from './types.js';
import { rules } from './rules/index.js';

import { readPackageInfo } from './util/package-info.js';

const { name, version } = readPackageInfo();

const plugin: McpSecurityPlugin = {
  meta: { name, version, namespace: NAMESPACE },
  // typescript-eslint's RuleModule and ESLint's RuleDefinition describe the same object with different context types.
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs: {} as Presets,
};
Object.assign(plugin.configs, createPresets(plugin, parser));

export = plugin;
