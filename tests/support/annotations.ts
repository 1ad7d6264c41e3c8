import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Expected-finding annotations in Semgrep's test convention, shared by the annotated corpus and the
 * example servers. A comment `// ruleid: <rule>` says the next code line must be reported by that
 * rule; `// ok: <rule>` says it must not be. `todoruleid` marks a finding the pattern (ast-grep)
 * ruleset cannot see but ESLint must; `todook` a line the pattern ruleset wrongly reports and
 * ESLint must not. Several rules may share one comment, separated by commas.
 */
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

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Every JavaScript/TypeScript source file under `dir`, recursively, sorted. */
export function listSourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => SOURCE.test(file))
    .map((file) => path.join(dir, file))
    .sort();
}
