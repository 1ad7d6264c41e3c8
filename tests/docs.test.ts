import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { rules } from '../src/rules/index.js';
import type { McpSecurityDocs } from '../src/util/create-rule.js';
import { lintWithRule, repoRoot } from './support/lint.js';

/**
 * Rule docs are executable. Under `## Examples`, every ```ts/js block below a heading with ❌ must
 * make the rule report, and every block below a heading with ✅ must not. A block can be preceded
 * by `<!-- lint: {"options": [...], "filename": "src/config.ts"} -->` to lint it with options or as a
 * given file (relative to the repository).
 */
interface Example {
  expect: 'fail' | 'pass';
  code: string;
  line: number;
  options: unknown[];
  filename?: string;
}

const REQUIRED_SECTIONS = ['## Why', '## Examples', '## Options', '## Limitations', '## Further reading'];

export function extractExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split('\n');
  let section = '';
  let verdict: Example['expect'] | null = null;
  let directive: { options?: unknown[]; filename?: string } = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('## ')) {
      section = line;
      verdict = null;
    } else if (/^#{3,6} /.test(line)) {
      verdict = line.includes('❌') ? 'fail' : line.includes('✅') ? 'pass' : null;
    } else if (line.startsWith('<!-- lint:')) {
      directive = JSON.parse(line.slice('<!-- lint:'.length, line.lastIndexOf('-->')).trim()) as typeof directive;
    } else if (/^```(ts|js|typescript|javascript)\s*$/.test(line)) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && !(lines[end] as string).startsWith('```')) end++;
      if (section === '## Examples' && verdict) {
        examples.push({
          expect: verdict,
          code: lines.slice(start, end).join('\n'),
          line: start,
          options: directive.options ?? [],
          ...(directive.filename === undefined ? {} : { filename: directive.filename }),
        });
      }
      directive = {};
      i = end;
    }
  }
  return examples;
}

describe.each(Object.keys(rules))('docs/rules/%s.md', (name) => {
  const markdown = readFileSync(path.join(repoRoot, 'docs', 'rules', `${name}.md`), 'utf8');
  const docs = (rules as unknown as Record<string, { meta: { docs: McpSecurityDocs } }>)[name]?.meta.docs as McpSecurityDocs;

  it('has the required sections, in order', () => {
    const positions = REQUIRED_SECTIONS.map((heading) => markdown.indexOf(`\n${heading}\n`));
    expect(positions.every((p) => p > 0), `sections ${REQUIRED_SECTIONS.join(', ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('cites its CWE ids under Further reading', () => {
    const further = markdown.slice(markdown.indexOf('\n## Further reading\n'));
    for (const cwe of docs.cwe) expect(further).toContain(cwe);
  });

  const examples = extractExamples(markdown);
  it('has failing and passing examples', () => {
    expect(examples.some((e) => e.expect === 'fail')).toBe(true);
    expect(examples.some((e) => e.expect === 'pass')).toBe(true);
  });

  it.each(examples.map((e) => [`${e.expect} example at line ${e.line + 1}`, e] as const))('%s', (_title, example) => {
    const filename = example.filename === undefined ? undefined : path.join(repoRoot, example.filename);
    const messages = lintWithRule(name, example.code, { options: example.options, ...(filename ? { filename } : {}) });
    const fatal = messages.filter((m) => m.fatal);
    expect(fatal, 'example must parse').toEqual([]);
    const reports = messages.filter((m) => m.ruleId === `mcp-security/${name}`);
    if (example.expect === 'fail') expect(reports.length, 'a ❌ example must be reported').toBeGreaterThan(0);
    else expect(reports.map((m) => `${m.line}:${m.column} ${m.message}`), 'a ✅ example must be clean').toEqual([]);
  });
});
