import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { getPresetRules } from '../configs/presets.js';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { getDocsUrl, type McpSecurityDocs } from '../src/util/create-rule.js';
import { lintWithRule, repoRoot } from './support/lint.js';

type AnyRule = {
  name?: string;
  meta: { docs: McpSecurityDocs & { url?: string }; messages: Record<string, string>; schema: unknown; type: string };
};
const registry = rules as unknown as Record<string, AnyRule>;
const ruleFiles = readdirSync(path.join(repoRoot, 'src', 'rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));

describe('plugin structure', () => {
  it('meta matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'mcp-security' });
  });

  it('registers every rule file, in alphabetical order', () => {
    expect(Object.keys(registry)).toEqual([...ruleFiles].sort());
    expect(Object.keys(plugin.rules ?? {})).toEqual(Object.keys(registry));
  });

  describe.each(ruleFiles)('%s', (name) => {
    const rule = registry[name] as AnyRule;

    it('has a doc page and a test file, and its docs.url points at the page', () => {
      expect(rule.name).toBe(name);
      expect(existsSync(path.join(repoRoot, 'docs', 'rules', `${name}.md`))).toBe(true);
      expect(existsSync(path.join(repoRoot, 'tests', 'rules', `${name}.test.ts`))).toBe(true);
      expect(rule.meta.docs.url).toBe(getDocsUrl(name));
    });

    it('is tagged with CWE and OWASP MCP ids', () => {
      expect(rule.meta.docs.cwe.length).toBeGreaterThan(0);
      for (const cwe of rule.meta.docs.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
      for (const id of rule.meta.docs.owasp) expect(id).toMatch(/^MCP(0[1-9]|10)$/);
    });

    it('describes itself the house way', () => {
      expect(rule.meta.docs.description).toMatch(/^(Disallow|Require|Enforce|Limit) .*[^.]$/);
      for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/\.$/);
    });

    it('belongs to exactly the presets its metadata names', () => {
      const id = `mcp-security/${name}`;
      expect(id in getPresetRules(registry, 'recommended')).toBe(rule.meta.docs.recommended);
      expect(plugin.configs.recommended.rules?.[id] !== undefined).toBe(rule.meta.docs.recommended);
      expect(plugin.configs['flat/recommended'].rules?.[id] !== undefined).toBe(rule.meta.docs.recommended);
      expect(plugin.configs.strict.rules?.[id]).toBeDefined();
      expect(plugin.configs['flat/strict'].rules?.[id]).toEqual(plugin.configs.strict.rules?.[id]);
    });

    it('stays silent and does not crash on an empty file and on a file with no MCP code', () => {
      expect(lintWithRule(name, '')).toEqual([]);
      const plain = "import { readFile } from 'node:fs/promises';\nexport async function load(p: string) { return readFile(p, 'utf8'); }\n";
      expect(lintWithRule(name, plain, { filename: path.join(repoRoot, 'tests', 'fixtures', 'plain.ts') })).toEqual([]);
    });
  });
});

describe('presets', () => {
  it('eslintrc and flat presets carry the same rules', () => {
    expect(plugin.configs['flat/recommended'].rules).toEqual(plugin.configs.recommended.rules);
    expect(plugin.configs['flat/strict'].rules).toEqual(plugin.configs.strict.rules);
  });

  it('eslintrc presets are eslintrc-shaped and flat presets flat-shaped', () => {
    expect(plugin.configs.recommended.plugins).toEqual(['mcp-security']);
    expect(plugin.configs['flat/recommended'].plugins?.['mcp-security']).toBe(plugin);
    expect(plugin.configs['flat/strict'].name).toBe('mcp-security/strict');
  });
});
