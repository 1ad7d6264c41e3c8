import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parseForESLint } from '@typescript-eslint/parser';
import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';
import { registerSourceUnit, type SourceUnit } from '../../src/util/source-unit.js';

let dir = '';

/**
 * The files the tests parse with types. Each is written with its final text before the first parse
 * builds the program: the watch program that `parserOptions.project` uses tells changed files apart
 * by modification time, so a file rewritten in the same instant kept its old text (seen in CI).
 */
const typedFiles = {
  'tools.ts': `import type { Ctx } from './context.js';
export function register(ctx: Ctx): void {
  ctx.server.tool('echo', 'Echo text', { text: {} as never }, async ({ text }: { text: string }) => ({ content: [{ type: 'text' as const, text }] }));
  ctx.other.tool('not-mcp', 'Not a tool', {}, async () => 1);
}
`,
  'with-types.ts': "import type { Ctx } from './context.js';\nexport function register(ctx: Ctx): void { ctx.server.tool('echo', 'Echo', async () => ({ content: [] })); }\n",
};

/** A unit linted with a TypeScript program (as with `parserOptions.project`). */
function typedUnit(name: keyof typeof typedFiles): SourceUnit {
  const filename = path.join(dir, name);
  const text = typedFiles[name];
  const result = parseForESLint(text, { filePath: filename, project: path.join(dir, 'tsconfig.json'), tsconfigRootDir: dir, range: true, loc: true, sourceType: 'module' });
  return registerSourceUnit({
    filename,
    text,
    ast: result.ast,
    scopeManager: result.scopeManager,
    visitorKeys: result.visitorKeys,
    typeServices: result.services as ParserServicesWithTypeInformation,
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mcp-model-typed-'));
  symlinkSync(path.resolve(__dirname, '../../node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: [] },
    include: ['*.ts'],
  }));
  writeFileSync(path.join(dir, 'context.ts'), "import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nexport interface Ctx { server: McpServer; other: { tool(...args: unknown[]): void } }\n");
  for (const [name, text] of Object.entries(typedFiles)) writeFileSync(path.join(dir, name), text);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('type sharpening', () => {
  it('a server injected through a local type, in a file with no MCP import, is recognised by its type', () => {
    const handlers = getToolHandlers(typedUnit('tools.ts'));
    expect(handlers.map((h) => `${h.framework}:${h.name}`)).toEqual(['mcp-sdk:echo']);
  });

  it('without type information the same file has no MCP code', () => {
    expect(getToolHandlers(typedUnit('with-types.ts'))).toHaveLength(1);
    expect(getToolHandlers(parseSourceUnit(path.join(dir, 'without-types.ts'), typedFiles['with-types.ts']))).toEqual([]);
  });
});
