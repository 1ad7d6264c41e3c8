import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { createPresetESLint, repoRoot } from './support/lint.js';

/**
 * The annotated corpus, in Semgrep's test convention. A comment `// ruleid: <rule>` says the next
 * code line must be reported by that rule; `// ok: <rule>` says it must not be. `todoruleid` marks
 * a finding the pattern (ast-grep) ruleset cannot see but ESLint must; `todook` a line the pattern
 * ruleset wrongly reports and ESLint must not. Every finding of the strict preset must be expected.
 */
const corpusDir = path.join(repoRoot, 'tests', 'corpus');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

export interface Annotation {
  kind: 'ruleid' | 'ok' | 'todoruleid' | 'todook';
  rule: string;
  /** 1-based line the annotation applies to. */
  line: number;
}

export function parseAnnotations(text: string): Annotation[] {
  const lines = text.split('\n');
  const annotations: Annotation[] = [];
  const pending: Omit<Annotation, 'line'>[] = [];
  for (const [index, raw] of lines.entries()) {
    const match = /^\s*\/\/\s*(ruleid|ok|todoruleid|todook):\s*([\w\s,-]+?)\s*$/.exec(raw);
    if (match) {
      for (const rule of (match[2] as string).split(',')) pending.push({ kind: match[1] as Annotation['kind'], rule: rule.trim() });
      continue;
    }
    if (pending.length > 0 && raw.trim() !== '') {
      for (const p of pending) annotations.push({ ...p, line: index + 1 });
      pending.length = 0;
    }
  }
  return annotations;
}

export function listCorpusFiles(dir = corpusDir): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => SOURCE.test(file))
    .map((file) => path.join(dir, file))
    .sort();
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
