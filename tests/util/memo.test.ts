import { describe, expect, it } from 'vitest';

import { memoize, memoizeByUnit } from '../../src/util/memo.js';

describe.each([
  ['memoize', memoize],
  ['memoizeByUnit', memoizeByUnit],
] as const)('%s', (_name, memo) => {
  it('computes once per key, also when keys alternate', () => {
    const calls: string[] = [];
    const lengthOf = memo((key: { name: string }) => {
      calls.push(key.name);
      return key.name.length;
    });
    const a = { name: 'a' };
    const bb = { name: 'bb' };
    expect([lengthOf(a), lengthOf(a), lengthOf(bb), lengthOf(a), lengthOf(bb)]).toEqual([1, 1, 2, 1, 2]);
    expect(calls).toEqual(['a', 'bb']);
  });

  it('caches an undefined result', () => {
    let calls = 0;
    const nothing = memo((): undefined => {
      calls += 1;
      return undefined;
    });
    const key = {};
    nothing(key);
    nothing({});
    nothing(key);
    expect(calls).toBe(2);
  });

  it('answers for the outer key after a recursive call with another key', () => {
    const parent = { name: 'parent' };
    const child = { name: 'child', parent };
    const describeKey = memo((key: { name: string; parent?: { name: string } }): string =>
      key.parent ? `${key.name} of ${describeKey(key.parent)}` : key.name,
    );
    expect(describeKey(child)).toBe('child of parent');
    expect(describeKey(child)).toBe('child of parent');
    expect(describeKey(parent)).toBe('parent');
  });
});
