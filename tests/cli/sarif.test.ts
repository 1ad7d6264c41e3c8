import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import type { McpSecurityDocs } from '../../src/util/create-rule.js';
import { CLEAN_SERVER, cli, examplesDir, sarifValidator, SERVER_WITH_ENV_READ, tempDir, writeTree } from './helpers.js';

function expectValid(log: unknown): void {
  const validate = sarifValidator();
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
}

async function sarifOf(argv: string[]): Promise<{ code: number; log: Sarif.Log; run: Sarif.Run }> {
  const result = await cli([...argv, '--format', 'sarif']);
  expect(result.stderr).toBe('');
  const log = JSON.parse(result.stdout) as Sarif.Log;
  expectValid(log);
  const [run] = log.runs;
  if (!run) throw new Error('no run');
  return { code: result.code, log, run };
}

describe('scan --format sarif', () => {
  it('is valid SARIF 2.1.0 for the vulnerable example, with a rule catalogue from rule metadata', async () => {
    const { code, log, run } = await sarifOf([path.join(examplesDir, 'vulnerable-server')]);
    expect(code).toBe(1);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const { driver } = run.tool;
    expect(driver).toMatchObject({
      name: 'eslint-plugin-mcp-security',
      version: plugin.meta.version,
      informationUri: 'https://github.com/mcp-security/eslint-plugin-mcp-security',
    });

    const presetRules = Object.keys(plugin.configs['flat/recommended'].rules ?? {}).sort();
    const descriptors = driver.rules ?? [];
    expect(descriptors.map((rule) => rule.id)).toEqual(presetRules);
    for (const descriptor of descriptors) {
      const name = descriptor.id.replace('mcp-security/', '');
      const docs = (plugin.rules?.[name]?.meta?.docs ?? {}) as McpSecurityDocs & { url: string };
      expect(descriptor.shortDescription?.text).toBe(docs.description);
      expect(descriptor.fullDescription?.text).toContain(docs.description);
      expect(descriptor.helpUri).toBe(docs.url);
      expect(descriptor.defaultConfiguration?.level).toBe('error');
      const tags = descriptor.properties?.tags ?? [];
      expect(tags).toContain('security');
      for (const cwe of docs.cwe) expect(tags).toContain(`external/cwe/${cwe.toLowerCase()}`);
      const severity = Number(descriptor.properties?.['security-severity']);
      expect(severity).toBeGreaterThan(0);
      expect(severity).toBeLessThanOrEqual(10);
      expect(descriptor.properties?.['security-severity']).toMatch(/^\d+\.\d$/);
    }

    const results = run.results ?? [];
    expect(new Set(results.map((result) => result.ruleId))).toEqual(new Set(presetRules));
    for (const result of results) {
      expect(result.ruleIndex).toBe(descriptors.findIndex((rule) => rule.id === result.ruleId));
      expect(result.level).toBe('error');
      expect(result.message.text).toMatch(/\.$/);
      const location = result.locations?.[0]?.physicalLocation;
      expect(location?.artifactLocation?.uriBaseId).toBe('%SRCROOT%');
      expect(location?.artifactLocation?.uri).toMatch(/^[\w-]+(\/[\w.-]+)*\.[cm]?[jt]sx?$/);
      expect(location?.region?.startLine).toBeGreaterThanOrEqual(1);
      expect(location?.region?.startColumn).toBeGreaterThanOrEqual(1);
      expect(location?.region?.endLine).toBeGreaterThanOrEqual(location?.region?.startLine ?? 1);
      expect(location?.region?.endColumn).toBeGreaterThanOrEqual(1);
    }
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`${pathToFileURL(path.join(examplesDir, 'vulnerable-server')).href}/`);
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('has no results for the secure example, and is still valid', async () => {
    const { code, run } = await sarifOf([path.join(examplesDir, 'secure-server')]);
    expect(code).toBe(0);
    expect(run.results).toEqual([]);
  });

  it('uses the strict preset with --strict', async () => {
    const { run } = await sarifOf([path.join(examplesDir, 'secure-server'), '--strict']);
    expect(run.tool.driver.rules?.map((rule) => rule.id)).toEqual(Object.keys(plugin.configs['flat/strict'].rules ?? {}).sort());
    expect(run.properties?.preset).toBe('strict');
  });

  describe('on a tree with a parse error, odd file names and a link out', () => {
    let dir: string;
    let cleanup: () => void;
    beforeAll(() => {
      ({ dir, cleanup } = tempDir());
      writeTree(dir, {
        'outside.ts': SERVER_WITH_ENV_READ,
        'server/app/[transport]/route.ts': SERVER_WITH_ENV_READ,
        'server/src/with space#1.ts': CLEAN_SERVER,
        'server/src/broken.mts': 'export default {\n',
      });
    });
    afterAll(() => { cleanup(); });

    it('reports the parse error as a result of mcp-security/parse-error and percent-encodes URIs', async () => {
      const { code, run } = await sarifOf([path.join(dir, 'server')]);
      expect(code).toBe(1);
      const rules = run.tool.driver.rules ?? [];
      const parseRule = rules.find((rule) => rule.id === 'mcp-security/parse-error');
      expect(parseRule).toMatchObject({ defaultConfiguration: { level: 'error' }, properties: { tags: ['correctness'] } });
      expect(parseRule?.properties?.['security-severity']).toBeUndefined();
      const parseResults = (run.results ?? []).filter((result) => result.ruleId === 'mcp-security/parse-error');
      expect(parseResults).toHaveLength(1);
      expect(parseResults[0]).toMatchObject({
        level: 'error',
        ruleIndex: rules.indexOf(parseRule as Sarif.ReportingDescriptor),
        locations: [{ physicalLocation: { artifactLocation: { uri: 'src/broken.mts', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } } }],
      });
      const uris = (run.results ?? []).map((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
      expect(uris).toContain('app/%5Btransport%5D/route.ts');
    });

    it('lists skipped links as tool execution notifications', async () => {
      writeFileSync(path.join(dir, 'server', 'src', 'plain.ts'), 'export {};\n');
      symlinkSync(path.join(dir, 'outside.ts'), path.join(dir, 'server', 'src', 'leak.ts'));
      const { run } = await sarifOf([path.join(dir, 'server')]);
      expect(run.invocations?.[0]).toEqual({
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'note',
            message: { text: 'Symbolic link leading out of the scanned directory: not followed.' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'src/leak.ts', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      });
    });
  });
});
