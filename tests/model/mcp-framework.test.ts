import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, textOf, unitOf } from './helpers.js';

const IMPORTS = "import { MCPTool, MCPPrompt, MCPResource, type MCPInput } from 'mcp-framework';\nimport { z } from 'zod';\n";

describe('mcp-framework', () => {
  it('an MCPTool subclass: the class registers, execute handles, param 0 is the input', () => {
    const unit = unitOf(`${IMPORTS}
      const Schema = z.object({ path: z.string().describe('File path'), encoding: z.enum(['utf8', 'base64']) });
      class ReadTool extends MCPTool {
        name = 'read_file';
        description = 'Read a file';
        schema = Schema;
        async execute(input: MCPInput<this>) {
          return fs.readFileSync(input.path, 'utf8');
        }
      }
      export default ReadTool;`, '/srv/src/tools/ReadTool.ts');
    const [tool] = getToolHandlers(unit);
    expect(tool?.framework).toBe('mcp-framework');
    expect(tool?.kind).toBe('tool');
    expect(tool?.name).toBe('read_file');
    expect(tool?.registration.type).toBe('ClassDeclaration');
    expect(tool?.handler?.type).toBe('FunctionExpression');
    expect(textOf(unit, tool?.handler?.parent)).toContain('async execute(input');
    expect(argumentInputs(tool)).toEqual(['0']);
    expect(fieldsOf(tool)).toEqual([['path', 'string'], ['encoding', 'enum']]);
    expect(tool?.inputSchema?.validated).toBe(true);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Read a file'", "parameter: 'File path'"]);
    expect(tool?.resultStyle).toBe('raw-value');
  });

  it('the legacy schema form: { field: { type: z.x(), description } }', () => {
    const unit = unitOf(`${IMPORTS}
      export default class SearchTool extends MCPTool<{ q: string; limit: number }> {
        name = 'search';
        description = 'Search the index';
        schema = {
          q: { type: z.string(), description: 'Query text' },
          limit: { type: z.number().int(), description: 'Max hits' },
        };
        execute = async (input) => search(input.q, input.limit);
      }`);
    const [tool] = getToolHandlers(unit);
    expect(fieldsOf(tool)).toEqual([['q', 'string'], ['limit', 'number']]);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Search the index'", "parameter: 'Query text'", "parameter: 'Max hits'"]);
    expect(tool?.handler?.type).toBe('ArrowFunctionExpression');
  });

  it('MCPPrompt: generateMessages(args) takes the arguments; MCPResource: read() takes none', () => {
    const [prompt, resource] = handlersOf(`${IMPORTS}
      class ReviewPrompt extends MCPPrompt {
        name = 'review';
        description = 'Review code';
        schema = { code: { type: z.string(), description: 'Code to review', required: true } };
        async generateMessages({ code }) { return [{ role: 'user', content: { type: 'text', text: code } }]; }
      }
      class ConfigResource extends MCPResource {
        uri = 'config://app';
        name = 'Config';
        description = 'App configuration';
        async read() { return [{ uri: this.uri, text: '{}' }]; }
      }`);
    expect(prompt?.kind).toBe('prompt');
    expect(argumentInputs(prompt)).toEqual(['0']);
    expect(resource?.kind).toBe('resource');
    expect(resource?.inputs).toEqual([]);
    expect(resource?.descriptions.map((d) => d.role)).toEqual(['resource']);
  });

  it('ignores classes that extend an unrelated MCPTool', () => {
    expect(handlersOf("import { MCPTool } from './base';\nclass X extends MCPTool { name = 'x'; description = 'y'; async execute(i) { return i; } }")).toEqual([]);
    expect(handlersOf("class X extends Base { name = 'x'; description = 'y'; async execute(i) { return i; } }")).toEqual([]);
  });
});
