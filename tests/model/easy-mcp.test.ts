import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, unitOf } from './helpers.js';

describe('easy-mcp', () => {
  it('mcp.tool({ name, description, inputs, fn }): fn param 0 is the input', () => {
    const unit = unitOf(`import EasyMCP from 'easy-mcp';
      const mcp = EasyMCP.create('test-mcp', { version: '0.1.0' });
      mcp.tool({
        name: 'processData',
        description: 'Process a data source',
        inputs: [{ name: 'dataSource', type: 'string', description: 'URI of the data source', required: true }],
        fn: async ({ dataSource }, context) => \`Processed \${dataSource}\`,
      });`);
    const [tool] = getToolHandlers(unit);
    expect(tool?.framework).toBe('easy-mcp');
    expect(tool?.kind).toBe('tool');
    expect(tool?.name).toBe('processData');
    expect(tool?.handler?.type).toBe('ArrowFunctionExpression');
    expect(argumentInputs(tool)).toEqual(['0']);
    expect(fieldsOf(tool)).toEqual([['dataSource', 'string']]);
    expect(tool?.inputSchema?.validated).toBe(false);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Process a data source'", "parameter: 'URI of the data source'"]);
  });

  it('template and resource objects', () => {
    const [template, resource] = handlersOf(`import EasyMCP from 'easy-mcp';
      mcp.template({ uriTemplate: 'file://{dir}/{name}', name: 'File', description: 'A file', fn: async ({ dir, name }) => read(dir, name) });
      mcp.resource({ uri: 'dir://desktop', name: 'Desktop', fn: async () => 'x' });`);
    expect(template?.kind).toBe('resource-template');
    expect(argumentInputs(template)).toEqual(['0']);
    expect(resource?.kind).toBe('resource');
    expect(resource?.inputs).toEqual([]);
  });

  it('decorated methods: every positional parameter is input except the Context', () => {
    const unit = unitOf(`import EasyMCP from 'easy-mcp';
      import { Tool, Resource, Prompt } from 'easy-mcp/experimental/decorators';
      import type { Context } from 'easy-mcp';
      class MyMCP extends EasyMCP {
        @Tool({ description: 'Process a file' })
        async processData(dataSource: string, depth: number, context: Context) { return dataSource; }
        @Tool()
        simple(nickname: string) { return nickname; }
        @Resource('greeting/{name}')
        greeting(name: string) { return name; }
        @Resource('static-resource')
        fixed() { return 'x'; }
      }`);
    const [processData, simple, greeting, fixed] = getToolHandlers(unit);
    expect(processData?.framework).toBe('easy-mcp');
    expect(processData?.name).toBe('processData');
    expect(processData?.registration.type).toBe('MethodDefinition');
    expect(processData?.handler?.type).toBe('FunctionExpression');
    expect(argumentInputs(processData)).toEqual(['0', '1']);
    expect(describeSites(unit, processData?.descriptions ?? [])).toEqual(["tool: 'Process a file'"]);
    expect(simple?.name).toBe('simple');
    expect(greeting?.kind).toBe('resource-template');
    expect(argumentInputs(greeting)).toEqual(['0']);
    expect(fixed?.kind).toBe('resource');
    expect(fixed?.inputs).toEqual([]);
  });

  it('a @Tool decorator from elsewhere is not easy-mcp', () => {
    expect(handlersOf("import { Tool } from 'some-agent-lib';\nclass A { @Tool({ description: 'x' }) run(a: string) { return a; } }")).toEqual([]);
  });
});
