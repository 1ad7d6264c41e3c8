import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { listSourceFiles, parseAnnotations } from './support/annotations.js';
import { createPresetESLint, repoRoot } from './support/lint.js';

/**
 * The annotated corpus, in Semgrep's test convention (see `support/annotations.ts`). Every finding
 * of the strict preset must be expected.
 */
const corpusDir = path.join(repoRoot, 'tests', 'corpus');

export function listCorpusFiles(dir = corpusDir): string[] {
  return listSourceFiles(dir);
}

describe('annotated corpus (strict preset)', () => {
  const files = listCorpusFiles();

  it('is not empty', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(repoRoot, f), f]))('%s', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const annotations = parseAnnotations(text);
    const [result] = await createPresetESLint('strict').lintFiles([file]);
    const messages = result?.messages ?? [];
    expect(messages.filter((m) => m.fatal).map((m) => m.message), 'file must parse').toEqual([]);

    const key = (rule: string, line: number): string => `${rule}@${line}`;
    const actual = new Set(messages.map((m) => key((m.ruleId ?? '').replace(/^mcp-security\//, ''), m.line)));
    const expected = new Set(annotations.filter((a) => a.kind === 'ruleid' || a.kind === 'todoruleid').map((a) => key(a.rule, a.line)));
    const forbidden = annotations.filter((a) => a.kind === 'ok' || a.kind === 'todook').map((a) => key(a.rule, a.line));

    const missing = [...expected].filter((k) => !actual.has(k));
    const unexpected = [...actual].filter((k) => !expected.has(k));
    const details = messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`).join('\n');
    expect({ missing, unexpected }, details).toEqual({ missing: [], unexpected: [] });
    for (const k of forbidden) expect(actual.has(k), k).toBe(false);
  });
});
