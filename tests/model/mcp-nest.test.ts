import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, unitOf } from './helpers.js';

describe('MCP-Nest (@rekog/mcp-nest)', () => {
  it('@Tool({ name, description, parameters }) method: param 0 is input, the request secondary', () => {
    const unit = unitOf(`import { Injectable } from '@nestjs/common';
      import { Tool, Context } from '@rekog/mcp-nest';
      import { z } from 'zod';
      @Injectable()
      export class GreetingTool {
        @Tool({ name: 'greet', description: 'Greet someone', parameters: z.object({ name: z.string().describe('Name') }), annotations: { readOnlyHint: true } })
        async greet({ name }, context: Context, request: Request) {
          return { content: [{ type: 'text', text: \`Hi \${name}\` }] };
        }
      }`);
    const [tool] = getToolHandlers(unit);
    expect(tool?.framework).toBe('mcp-nest');
    expect(tool?.kind).toBe('tool');
    expect(tool?.name).toBe('greet');
    expect(tool?.registration.type).toBe('MethodDefinition');
    expect(tool?.handler?.type).toBe('FunctionExpression');
    expect(argumentInputs(tool)).toEqual(['0']);
    expect(tool?.inputs.filter((b) => b.origin === 'secondary').map((b) => `${b.param}.${b.path.join('.')}`)).toEqual(['2.headers', '2.query', '2.body']);
    expect(fieldsOf(tool)).toEqual([['name', 'string']]);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Greet someone'", "parameter: 'Name'"]);
  });

  it('v2: the @Payload() parameter is the input', () => {
    const [tool] = handlersOf(`import { Tool } from '@rekog/mcp-nest';
      import { Payload, Ctx } from '@nestjs/microservices';
      class T { @Tool({ name: 'run', description: 'Run' }) async run(@Ctx() ctx: unknown, @Payload() input: { cmd: string }) { return input.cmd; } }`);
    expect(argumentInputs(tool)).toEqual(['1']);
  });

  it('@ResourceTemplate has input, @Resource does not', () => {
    const [template, resource] = handlersOf(`import { Resource, ResourceTemplate } from '@rekog/mcp-nest';
      class R {
        @ResourceTemplate({ uriTemplate: 'mcp://users/{name}', name: 'user', description: 'A user', mimeType: 'application/json' })
        async user({ uri, name }) { return { contents: [{ uri, text: name }] }; }
        @Resource({ uri: 'mcp://hello', name: 'hello', description: 'Hello' })
        async hello({ uri }) { return { contents: [{ uri, text: 'hi' }] }; }
      }`);
    expect(template?.kind).toBe('resource-template');
    expect(argumentInputs(template)).toEqual(['0']);
    expect(resource?.kind).toBe('resource');
    expect(resource?.inputs).toEqual([]);
  });
});
