import { parseForESLint } from '@typescript-eslint/parser';

import { registerSourceUnit, type SourceUnit } from './source-unit.js';

/**
 * Parses a file outside ESLint (a module the analysis follows into, or a test fixture) into a
 * registered {@link SourceUnit}. No type information: followed modules are analysed syntactically.
 * `root` bounds the modules followed from it in turn (see {@link SourceUnit.root}).
 */
export function parseSourceUnit(filename: string, text: string, root?: string): SourceUnit {
  const result = parseForESLint(text, {
    filePath: filename,
    range: true,
    loc: true,
    comment: false,
    tokens: false,
    sourceType: 'module',
    ecmaVersion: 'latest',
    ecmaFeatures: { jsx: /\.[jt]sx$/.test(filename) },
  });
  return registerSourceUnit({
    filename,
    text,
    ast: result.ast,
    scopeManager: result.scopeManager,
    visitorKeys: result.visitorKeys,
    typeServices: undefined,
    ...(root === undefined ? {} : { root }),
  });
}
