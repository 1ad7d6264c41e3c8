import { describe, expect, it } from 'vitest';

import { getToolHandlers } from '../../src/model/index.js';
import { argumentInputs, describeSites, fieldsOf, handlersOf, unitOf } from './helpers.js';

const IMPORTS = "import { MCPServer, text, object } from 'mcp-use/server';\nimport { z } from 'zod';\nconst server = new MCPServer({ name: 'x', version: '1.0.0' });\n";

describe('mcp-use', () => {
  it('server.tool({ name, description, schema }, cb): cb param 0 is the input, ctx.req is secondary', () => {
    const unit = unitOf(`${IMPORTS}
      server.tool({ name: 'lookup', description: 'Find a user', schema: z.object({ id: z.string().uuid() }) },
        async ({ id }, ctx) => object(await findUser(id)));`);
    const [tool] = getToolHandlers(unit);
    expect(tool?.framework).toBe('mcp-use');
    expect(tool?.kind).toBe('tool');
    expect(tool?.name).toBe('lookup');
    expect(tool?.handler?.type).toBe('ArrowFunctionExpression');
    expect(tool?.inputs).toEqual([{ param: 0, path: [], origin: 'arguments' }, { param: 1, path: ['req'], origin: 'secondary' }]);
    expect(fieldsOf(tool)).toEqual([['id', 'unknown']]);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Find a user'"]);
  });

  it('the callback as `cb`, and the legacy `inputs` list', () => {
    const unit = unitOf(`${IMPORTS}
      server.tool({
        name: 'greet', description: 'Greet',
        inputs: [{ name: 'who', type: 'string', description: 'Who to greet', required: true }, { name: 'times', type: 'number' }],
        cb: async ({ who }) => text('hi ' + who),
      });`);
    const [tool] = getToolHandlers(unit);
    expect(tool?.handler?.type).toBe('ArrowFunctionExpression');
    expect(fieldsOf(tool)).toEqual([['who', 'string'], ['times', 'number']]);
    expect(tool?.inputSchema?.validated).toBe(false);
    expect(describeSites(unit, tool?.descriptions ?? [])).toEqual(["tool: 'Greet'", "parameter: 'Who to greet'"]);
  });

  it('resources, templates and prompts', () => {
    const [resource, template, prompt] = handlersOf(`${IMPORTS}
      server.resource({ name: 'settings', uri: 'config://settings', description: 'Settings' }, async () => text('{}'));
      server.resourceTemplate({ name: 'profile', resourceTemplate: { uriTemplate: 'user://{userId}/profile' }, description: 'Profile' },
        async (uri, { userId }) => object(await load(userId)));
      server.prompt({ name: 'review', description: 'Review', schema: z.object({ code: z.string() }), cb: async ({ code }) => text(code) });`);
    expect(resource?.kind).toBe('resource');
    expect(resource?.inputs).toEqual([]);
    expect(template?.kind).toBe('resource-template');
    expect(argumentInputs(template)).toEqual(['0', '1']);
    expect(prompt?.kind).toBe('prompt');
    expect(prompt?.handler?.type).toBe('ArrowFunctionExpression');
  });

  it('is told apart from tmcp by the import', () => {
    expect(handlersOf(`${IMPORTS} server.tool({ name: 'a', description: 'A', schema: z.object({}) }, async () => text('a'));`).map((h) => h.framework)).toEqual(['mcp-use']);
  });
});
