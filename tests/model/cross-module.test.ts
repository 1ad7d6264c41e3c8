import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDescriptionSites, getToolHandlers } from '../../src/model/index.js';
import { getUnitOfNode } from '../../src/util/source-unit.js';
import { argumentInputs, describeSites, fieldsOf, textOf, unitOf } from './helpers.js';

let dir = '';

/** The file a node (of a followed module) belongs to. */
function fileOf(node: TSESTree.Node | null | undefined): string | undefined {
  return node ? getUnitOfNode(node)?.filename : undefined;
}

const FILES: Record<string, string> = {
  'handlers.ts': `import { readFile } from 'node:fs/promises';
export async function readHandler({ path }: { path: string }) {
  return { content: [{ type: 'text', text: await readFile(path, 'utf8') }] };
}
export const limited = withRateLimit(async ({ q }: { q: string }) => ({ content: [{ type: 'text', text: q }] }));
export default async function fallback(args: { x: string }) { return { content: [] }; }
export { searchImpl as search } from './impl.js';
`,
  'impl.ts': 'export const searchImpl = async ({ q }: { q: string }) => ({ content: [{ type: "text", text: q }] });\n',
  'tools.ts': `import { z } from 'zod';
export const TOOLS = [
  { name: 'list', description: 'List a directory', schema: { dir: z.string().describe('Directory') }, handler: async ({ dir }) => ({ content: [] }) },
  { name: 'stat', description: 'Stat a file', schema: { file: z.string() }, handler: statFile },
];
async function statFile({ file }) { return { content: [] }; }
`,
  'cyc-a.ts': "import { h } from './cyc-b.js';\nexport const g = h;\nexport const { deep } = h;\n",
  'cyc-b.ts': "import { g } from './cyc-a.js';\nexport const h = g;\n",
  'schemas.ts': "import { z } from 'zod';\nexport const Status = z.enum(['queued', 'running']);\nexport const Vault = z.string().min(1);\n",
  'config.ts': "export const readConfig = { description: 'Read a file', inputSchema: { path: z.string() } };\n",
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mcp-model-'));
  mkdirSync(path.join(dir, 'src'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, 'src', name), text);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const IMPORTS = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";

describe('handlers and definitions in other modules', () => {
  it('an imported handler resolves to the function in its own unit', () => {
    const server = path.join(dir, 'src', 'server.ts');
    const unit = unitOf(`${IMPORTS}
      import fallback, { readHandler, limited, search } from './handlers.js';
      import * as handlers from './handlers.js';
      server.registerTool('read', { description: 'Read', inputSchema: { path: z.string() } }, readHandler);
      server.registerTool('limited', { description: 'Limited', inputSchema: { q: z.string() } }, limited);
      server.registerTool('search', { description: 'Search', inputSchema: { q: z.string() } }, search);
      server.registerTool('ns', { description: 'Namespace', inputSchema: { path: z.string() } }, handlers.readHandler);
      server.registerTool('default', { description: 'Default', inputSchema: { x: z.string() } }, fallback);`, server);
    const [read, limited, search, ns, fallback] = getToolHandlers(unit);
    expect(read?.handler?.type).toBe('FunctionDeclaration');
    expect(fileOf(read?.handler)).toBe(path.join(dir, 'src', 'handlers.ts'));
    expect(limited?.handler?.type).toBe('ArrowFunctionExpression');
    expect(limited?.wrappers).toHaveLength(1);
    expect(fileOf(limited?.wrappers[0])).toBe(path.join(dir, 'src', 'handlers.ts'));
    expect(fileOf(search?.handler)).toBe(path.join(dir, 'src', 'impl.ts'));
    expect(ns?.handler).toBe(read?.handler);
    expect(fallback?.handler?.type).toBe('FunctionDeclaration');
  });

  it('a loop over an array imported from another module: one handler per element, registered at the call', () => {
    const server = path.join(dir, 'src', 'loop.ts');
    const unit = unitOf(`${IMPORTS}
      import { TOOLS } from './tools.js';
      for (const t of TOOLS) server.registerTool(t.name, { description: t.description, inputSchema: t.schema }, t.handler);`, server);
    const handlers = getToolHandlers(unit);
    expect(handlers.map((h) => h.name)).toEqual(['list', 'stat']);
    expect(handlers.every((h) => h.registration.type === 'CallExpression')).toBe(true);
    expect(handlers.map((h) => fileOf(h.handler))).toEqual([path.join(dir, 'src', 'tools.ts'), path.join(dir, 'src', 'tools.ts')]);
    expect(fieldsOf(handlers[0])).toEqual([['dir', 'string']]);
    expect(argumentInputs(handlers[1])).toEqual(['0']);
    // The descriptions live in tools.ts: the handler lists them, the file's own sites do not.
    const tools = handlers[0]?.handler && getUnitOfNode(handlers[0].handler);
    expect(tools && describeSites(tools, handlers[0]?.descriptions ?? [])).toEqual(["tool: 'List a directory'", "parameter: 'Directory'"]);
    expect(getDescriptionSites(unit)).toEqual([]);
  });

  it('a named zod schema imported from another module: an enum is credited through .optional(), zod evidence follows the import', () => {
    const unit = unitOf(`import { z } from 'zod';
      import { Status, Vault } from './schemas.js';
      server.registerTool('checks', { description: 'Checks', inputSchema: { status: Status.optional(), vault: Vault } }, async ({ status }) => ({ content: [] }));
      export const register = (server) => server.tool('compiled', 'Compiled.', { status: Status.describe('S'), vault: Vault.optional() }, async (args) => ({ content: [] }));`,
      path.join(dir, 'src', 'named.ts'));
    const [checks, compiled] = getToolHandlers(unit);
    expect(fieldsOf(checks)).toEqual([['status', 'enum'], ['vault', 'string']]);
    expect(compiled?.name).toBe('compiled');
    expect(fieldsOf(compiled)).toEqual([['status', 'enum'], ['vault', 'string']]);
  });

  it('a config object imported from another module', () => {
    const unit = unitOf(`${IMPORTS}
      import { readConfig } from './config.js';
      server.registerTool('read', readConfig, async ({ path }) => ({ content: [] }));`, path.join(dir, 'src', 'cfg.ts'));
    const [tool] = getToolHandlers(unit);
    expect(fieldsOf(tool)).toEqual([['path', 'string']]);
    const site = tool?.descriptions[0]?.node;
    expect(fileOf(site)).toBe(path.join(dir, 'src', 'config.ts'));
    expect(site && textOf(getUnitOfNode(site) ?? unit, site)).toBe("'Read a file'");
  });

  it('a missing module leaves the handler unresolved, without failing', () => {
    const unit = unitOf(`${IMPORTS}
      import { gone } from './missing.js';
      server.registerTool('x', { description: 'X', inputSchema: {} }, gone);`, path.join(dir, 'src', 'missing-user.ts'));
    const [tool] = getToolHandlers(unit);
    expect(tool?.handler).toBeNull();
    expect(argumentInputs(tool)).toEqual(['0']);
  });

  it('cyclic code and modules that import each other end, with the handler unresolved', () => {
    const unit = unitOf(`${IMPORTS}
      import { g, deep } from './cyc-a.js';
      const { a } = b;
      const { b } = a;
      server.registerTool('x', { description: 'X', inputSchema: {} }, g);
      server.registerTool('y', { description: 'Y', inputSchema: {} }, deep);
      server.registerTool('z', { description: 'Z', inputSchema: {} }, a);`, path.join(dir, 'src', 'cyclic.ts'));
    expect(getToolHandlers(unit).map((h) => `${h.name}:${h.handler === null ? 'null' : h.handler.type}`)).toEqual(['x:null', 'y:null', 'z:null']);
  });
});
