import * as parser from '@typescript-eslint/parser';

import { createPresets, NAMESPACE, type Presets } from '../configs/presets.js';
import type { McpSecurityPlugin } from './types.js';
import { rules } from './rules/index.js';

import { readPackageInfo } from './util/package-info.js';

const { name, version } = readPackageInfo();

const plugin: McpSecurityPlugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules: rules,
  configs: {} as Presets,
};
Object.assign(plugin.configs, createPresets(plugin, parser));

export = plugin;
