import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getScope, getStaticString } from '../../src/util/ast.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';
import type { SourceUnit } from '../../src/util/source-unit.js';

let counter = 0;

/** The initialiser of the last `const` of the code: the expression asked about. */
function lastInit(code: string): { unit: SourceUnit; node: TSESTree.Expression } {
  const unit = parseSourceUnit(`/virtual/static-${++counter}.ts`, code);
  const declaration = unit.ast.body.at(-1);
  if (declaration?.type !== 'VariableDeclaration' || !declaration.declarations[0].init) throw new Error('the code must end with a const');
  return { unit, node: declaration.declarations[0].init };
}

describe('getStaticString', () => {
  // ESLint's getStaticValue is the reference: the memoised evaluator must agree with it.
  const cases: [string, string | null][] = [
    ["const x = 'a';", 'a'],
    ["const x = 'a' + 'b';", 'ab'],
    ["const x = 'v' + 1;", 'v1'],
    ['const x = 1 + 2;', null],
    ["const x = `a${1}b${'c'}`;", 'a1bc'],
    ['const x = `${null}-${true}-${1}`;', 'null-true-1'],
    ['const x = `${undefined}`;', null],
    ["const A = 'x'; const B = A + '/y'; const x = `${B}/z`;", 'x/y/z'],
    ["const A = 'x' as const; const x = A + 'y';", 'xy'],
    ["let A = 'x'; A = 'y'; const x = A + '!';", null],
    ["let A = 'x'; const x = A + '!';", 'x!'],
    ["const x = true ? 'yes' : 'no';", 'yes'],
    ["function f(p: string) { return p; } const x = f('a');", null],
    ["const x = ['a', 'b'].join('-');", 'a-b'],
    ['const x = /re/;', null],
  ];
  for (const [code, expected] of cases) {
    it(`${code} -> ${JSON.stringify(expected)}, as getStaticValue says`, () => {
      const { unit, node } = lastInit(code);
      const reference = ASTUtils.getStaticValue(node, getScope(unit, node));
      expect(reference && typeof reference.value === 'string' ? reference.value : null).toBe(expected);
      expect(getStaticString(unit, node)).toBe(expected);
    });
  }

  it('follows a chain of constants, and cuts one deeper than it follows instead of overflowing the stack', () => {
    const chain = (n: number) => `const a0 = 'x';\n${Array.from({ length: n }, (_, i) => `const a${i + 1} = a${i} + '.';`).join('\n')}\nconst x = a${n};`;
    const short = lastInit(chain(100));
    expect(getStaticString(short.unit, short.node)).toBe(`x${'.'.repeat(100)}`);
    const long = lastInit(chain(20_000));
    expect(() => getStaticString(long.unit, long.node)).not.toThrow();
  });
});
