import type { ESLint } from 'eslint';

import type { Presets } from '../configs/presets.js';

/** The plugin object's public type: ESLint's own plugin type (so consumers' `eslint.config.ts` type-checks). */
export type McpSecurityPlugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  configs: Presets;
};
