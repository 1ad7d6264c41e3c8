import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

const fixtures = path.join(__dirname, 'fixtures');

/**
 * A RuleTester for this plugin's rules. `typed: true` gives the rules a TypeScript program
 * (projectService over `tests/fixtures`); the default lints without type information, which is how
 * every rule must also work.
 */
export function createRuleTester({ typed = false }: { typed?: boolean } = {}): RuleTester {
  return new RuleTester({
    // Absolute names: ESLint 8.57 cannot match a relative virtual file name to a config.
    defaultFilenames: { ts: path.join(fixtures, 'file.ts'), tsx: path.join(fixtures, 'react.tsx') },
    languageOptions: typed
      ? { parserOptions: { projectService: true, tsconfigRootDir: fixtures } }
      : {},
  });
}
