import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { listSourceFiles, parseAnnotations } from './support/annotations.js';
import { createPresetESLint, repoRoot } from './support/lint.js';

/**
 * The example servers (examples/), linted with the strict preset. The vulnerable one carries a
 * `// ruleid: <rule>` annotation before every expected finding; rules land one at a time, so only
 * the annotations of rules registered today are compared. The secure twin must be clean.
 */

/** The rule table of DESIGN.md: the vulnerable server shows every one of these anti-patterns. */
const DESIGN_RULES = [
  'max-description-length',
  'no-code-injection',
  'no-command-injection',
  'no-description-injection',
  'no-env-outside-config',
  'no-error-leak',
  'no-path-traversal',
  'no-sql-injection',
  'no-ssrf',
  'require-input-schema',
  'require-rate-limit',
] as const;

/** The secure server's per-call rate guard (examples/secure-server/src/lib/rate-limit.ts). */
const SECURE_SERVER_GUARDS = ['rateLimiter.consume'];

const NAMESPACE = 'mcp-security/';
const registry = rules as unknown as Record<string, { meta?: { schema?: unknown } } | undefined>;
const registered = new Set(Object.keys(registry));
const vulnerableDir = path.join(repoRoot, 'examples', 'vulnerable-server');
const secureDir = path.join(repoRoot, 'examples', 'secure-server');

/** `file:line rule`, the unit the annotations and the findings are compared in. */
function findingKey(file: string, line: number, rule: string): string {
  return `${path.relative(repoRoot, file)}:${line} ${rule}`;
}

function ruleName(message: Linter.LintMessage): string {
  return (message.ruleId ?? '(no rule)').replace(NAMESPACE, '');
}

function describeMessages(results: ESLint.LintResult[]): string {
  return results
    .flatMap((result) => result.messages.map((m) => `${findingKey(result.filePath, m.line, ruleName(m))}: ${m.message}`))
    .join('\n');
}

/**
 * Options for the secure server: its rate guard is a local class, so `require-rate-limit` is told
 * about it through its `guards` option (on top of the strict preset's own options), if the rule
 * exists and has that option.
 */
function secureServerConfig(): Linter.Config[] {
  const name = 'require-rate-limit';
  const schema = registry[name]?.meta?.schema;
  if (schema === undefined || !JSON.stringify(schema).includes('"guards"')) return [];
  const id = `${NAMESPACE}${name}`;
  const entry = plugin.configs['flat/strict'].rules?.[id];
  const [first, ...rest] = Array.isArray(entry) ? entry.slice(1) : [];
  const options = typeof first === 'object' && first !== null ? first : {};
  return [{ rules: { [id]: ['error', { ...options, guards: SECURE_SERVER_GUARDS }, ...rest] } }];
}

async function lintExample(dir: string, extra: Linter.Config[] = []): Promise<ESLint.LintResult[]> {
  return createPresetESLint('strict', repoRoot, extra).lintFiles([path.relative(repoRoot, dir)]);
}

describe.each([
  ['vulnerable-server', vulnerableDir],
  ['secure-server', secureDir],
])('examples/%s', (_name, dir) => {
  it('is linted file by file, and every file parses', async () => {
    const results = await lintExample(dir);
    expect(results.map((result) => result.filePath).sort()).toEqual(listSourceFiles(dir));
    expect(results.length).toBeGreaterThan(5);
    const fatal = results.flatMap((result) => result.messages.filter((m) => m.fatal === true).map((m) => `${result.filePath}: ${m.message}`));
    expect(fatal).toEqual([]);
  });
});

describe('examples/vulnerable-server', () => {
  const annotations = listSourceFiles(vulnerableDir).flatMap((file) =>
    parseAnnotations(readFileSync(file, 'utf8')).map((annotation) => ({ ...annotation, file })),
  );

  it('annotates only rules of the design table, as expected findings', () => {
    expect(annotations.length).toBeGreaterThan(0);
    for (const annotation of annotations) {
      expect(DESIGN_RULES, findingKey(annotation.file, annotation.line, annotation.rule)).toContain(annotation.rule);
      expect(annotation.kind, findingKey(annotation.file, annotation.line, annotation.rule)).toBe('ruleid');
    }
  });

  it('shows the anti-pattern of every rule of the design table', () => {
    const annotated = new Set(annotations.map((annotation) => annotation.rule));
    expect(DESIGN_RULES.filter((rule) => !annotated.has(rule))).toEqual([]);
  });

  it('is reported exactly on the annotated lines, for every registered rule', async () => {
    const results = await lintExample(vulnerableDir);
    const actual = results
      .flatMap((result) => result.messages.map((m) => findingKey(result.filePath, m.line, ruleName(m))))
      .sort();
    const expected = annotations
      .filter((annotation) => registered.has(annotation.rule))
      .map((annotation) => findingKey(annotation.file, annotation.line, annotation.rule))
      .sort();
    const actualSet = new Set(actual);
    const expectedSet = new Set(expected);
    const missing = expected.filter((key) => !actualSet.has(key));
    const unexpected = actual.filter((key) => !expectedSet.has(key));
    expect({ missing, unexpected }, describeMessages(results)).toEqual({ missing: [], unexpected: [] });
  });

  it('makes every registered rule report', async () => {
    const results = await lintExample(vulnerableDir);
    const reporting = new Set(results.flatMap((result) => result.messages.map(ruleName)));
    expect([...registered].filter((rule) => !reporting.has(rule))).toEqual([]);
  });
});

describe('examples/secure-server', () => {
  it('has no finding of the strict preset', async () => {
    const results = await lintExample(secureDir, secureServerConfig());
    expect(describeMessages(results)).toBe('');
  });

  it('carries no expected-finding annotation', () => {
    const annotated = listSourceFiles(secureDir).filter((file) => parseAnnotations(readFileSync(file, 'utf8')).length > 0);
    expect(annotated).toEqual([]);
  });
});
