import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, onlyHandler, textOf, unitOf } from './helpers.js';

const TOOL = `import { z } from 'zod';
import type { InferSchema, ToolMetadata } from 'xmcp';
export const schema = { name: z.string().describe('Who to greet'), tone: z.enum(['warm', 'dry']) };
export const metadata: ToolMetadata = { name: 'greet', description: 'Greet a user', annotations: { title: 'Greeter' } };
export default async function greet({ name }: InferSchema<typeof schema>, extra) {
  return \`Hello, \${name}!\`;
}`;

describe('xmcp file-based tools', () => {
  it('a tool file: default export handles, schema and metadata describe', () => {
    const unit = unitOf(TOOL, '/app/src/tools/greet.ts');
    const [tool] = getToolHandlers(unit);
    expect(tool?.framework).toBe('xmcp');
    expect(tool?.kind).toBe('tool');
    expect(tool?.name).toBe('greet');
    expect(tool?.registration.type).toBe('ExportDefaultDeclaration');
    expect(tool?.handler?.type).toBe('FunctionDeclaration');
    expect(argumentInputs(tool)).toEqual(['0']);
    expect(fieldsOf(tool)).toEqual([['name', 'string'], ['tone', 'enum']]);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Greet a user'", "title: 'Greeter'", "parameter: 'Who to greet'"]);
    expect(tool?.resultStyle).toBe('raw-value');
  });

  it('the same file outside a tools/ directory is not a tool', () => {
    expect(handlersOf(TOOL, '/app/src/lib/greet.ts')).toEqual([]);
  });

  it('no xmcp import: metadata + schema exports under tools/ are enough; the name defaults to the file name', () => {
    const tool = onlyHandler(`import { z } from 'zod';
      export const schema = { url: z.string() };
      export const metadata = { description: 'Fetch a page' };
      export default paid(async ({ url }) => fetch(url).then((r) => r.text()));`, 'C:\\\\app\\\\src\\\\tools\\\\fetch-page.ts');
    expect(tool.name).toBe('fetch-page');
    expect(tool.wrappers).toHaveLength(1);
    expect(tool.handler?.type).toBe('ArrowFunctionExpression');
    expect(argumentInputs(tool)).toEqual(['0']);
  });

  it('without a schema the default export gets no arguments; without xmcp or both exports it is not xmcp', () => {
    const tool = onlyHandler("import type { ToolMetadata } from 'xmcp';\nexport const metadata: ToolMetadata = { name: 'now', description: 'Time' };\nexport default () => new Date().toISOString();", '/app/src/tools/now.ts');
    expect(tool.inputs).toEqual([]);
    expect(handlersOf("export const metadata = { name: 'x' };\nexport default function x(a) { return a; }", '/app/src/tools/x.ts')).toEqual([]);
  });

  it('prompts and resources: bracketed path segments are template variables in param 0', () => {
    const prompt = onlyHandler("import { z } from 'zod';\nimport type { PromptMetadata } from 'xmcp';\nexport const schema = { code: z.string() };\nexport const metadata: PromptMetadata = { name: 'review', description: 'Review code' };\nexport default function review({ code }) { return `Review ${code}`; }", '/app/src/prompts/review.ts');
    expect(prompt.kind).toBe('prompt');
    expect(prompt.descriptions.map((d) => d.role)).toEqual(['prompt']);
    expect(argumentInputs(prompt)).toEqual(['0']);
    const unit = unitOf("import type { ResourceMetadata } from 'xmcp';\nexport const metadata: ResourceMetadata = { name: 'profile', description: 'User profile' };\nexport default async function profile({ userId }) { return load(userId); }", '/app/src/resources/(users)/[userId]/profile.ts');
    const [template] = getToolHandlers(unit);
    expect(template?.kind).toBe('resource-template');
    expect(argumentInputs(template)).toEqual(['0']);
    expect(textOf(unit, template?.descriptions[0]?.node)).toBe("'User profile'");
    const fixed = onlyHandler("import type { ResourceMetadata } from 'xmcp';\nexport const metadata: ResourceMetadata = { name: 'version' };\nexport default () => '1.0.0';", '/app/src/resources/(app)/version.ts');
    expect(fixed.kind).toBe('resource');
    expect(fixed.inputs).toEqual([]);
  });
});
