import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isTokenField, isUpstreamResponse, throwsOnlyOwnConstants } from '../../src/taint/error-values.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';
import { walk } from '../../src/util/source-unit.js';

let counter = 0;

/** The `try` block of the first try statement in `code`. */
function tryBlockOf(code: string) {
  const unit = parseSourceUnit(`/virtual/errors-${++counter}.ts`, code);
  const blocks: TSESTree.BlockStatement[] = [];
  walk(unit.ast, unit.visitorKeys, (node) => {
    if (node.type === 'TryStatement') blocks.push(node.block);
  });
  const [block] = blocks;
  if (!block) throw new Error('no try statement');
  return { unit, block };
}

describe('throwsOnlyOwnConstants', () => {
  const own = (code: string): boolean => {
    const { unit, block } = tryBlockOf(code);
    return throwsOnlyOwnConstants(unit, block);
  };

  it('accepts blocks that only throw constant errors of their own', () => {
    expect(own("try { if (x) throw new UserError('Not found.'); } catch (e) { throw e; }")).toBe(true);
    expect(own("const NOT_FOUND = 'Not found.';\ntry { throw new Error(NOT_FOUND); } catch (e) { throw e; }")).toBe(true);
    expect(own('try { throw new McpError(ErrorCode.InvalidParams, "Bad value."); } catch (e) { throw e; }')).toBe(true);
    expect(own('try { value = items[0]; } catch (e) { throw e; }')).toBe(true);
  });

  it('rejects blocks that call anything, or throw a message built at run time', () => {
    expect(own("try { JSON.parse(text); } catch (e) { throw e; }")).toBe(false);
    expect(own("try { await load(); } catch (e) { throw e; }")).toBe(false);
    expect(own("try { throw new UserError(`No note called ${name}.`); } catch (e) { throw e; }")).toBe(false);
    expect(own("try { throw cause; } catch (e) { throw e; }")).toBe(false);
    expect(own("try { const r = new Reader(); } catch (e) { throw e; }")).toBe(false);
  });
});

describe('isTokenField', () => {
  it('treats codes, names and numbers as tokens and everything else as text', () => {
    expect(isTokenField(['code'])).toBe(true);
    expect(isTokenField(['response', 'status'])).toBe(true);
    expect(isTokenField(['name'])).toBe(true);
    expect(isTokenField([])).toBe(false);
    expect(isTokenField(['message'])).toBe(false);
    expect(isTokenField(['path'])).toBe(false);
    expect(isTokenField(['config', 'headers'])).toBe(false);
  });
});

describe('isUpstreamResponse', () => {
  it('treats the status line and body of an HTTP error response as the upstream answer, and the rest as error text', () => {
    expect(isUpstreamResponse(['response', 'data'])).toBe(true);
    expect(isUpstreamResponse(['response', 'data', 'error', 'message'])).toBe(true);
    expect(isUpstreamResponse(['response', 'statusText'])).toBe(true);
    expect(isUpstreamResponse(['response', 'body'])).toBe(true);
    expect(isUpstreamResponse(['response'])).toBe(false);
    expect(isUpstreamResponse(['response', 'headers'])).toBe(false);
    expect(isUpstreamResponse(['response', 'config', 'headers'])).toBe(false);
    expect(isUpstreamResponse(['response', 'request'])).toBe(false);
    expect(isUpstreamResponse(['config', 'data'])).toBe(false);
    expect(isUpstreamResponse(['data'])).toBe(false);
    expect(isUpstreamResponse(['cause', 'response', 'data'])).toBe(false);
  });
});
