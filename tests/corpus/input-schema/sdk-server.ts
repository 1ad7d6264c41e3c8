/** SDK tools: schemas that type every field, no schema at all, and schemas with holes. */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';

const server = new McpServer({ name: 'settings', version: '1.0.0' });
const settings = new Map<string, string>();
const Key = z.string().regex(/^[a-z0-9_.-]{1,64}$/);

function text(value: string) {
  return { content: [{ type: 'text' as const, text: value }] };
}

// ok: require-input-schema
server.registerTool('get_setting', { description: 'Get a setting', inputSchema: { key: Key } }, async ({ key }) => text(settings.get(key) ?? ''));

// ok: require-input-schema
server.registerTool(
  'set_setting',
  { description: 'Change a setting', inputSchema: z.object({ key: Key, value: z.string().max(1000) }).strict() },
  async ({ key, value }) => {
    settings.set(key, value);
    return text('saved');
  },
);

// ok: require-input-schema
server.registerTool('count_settings', { description: 'Count the settings' }, async () => text(String(settings.size)));

// ok: require-input-schema
server.registerTool('reset_settings', { description: 'Remove every setting', inputSchema: {} }, async () => {
  settings.clear();
  return text('reset');
});

// ok: require-input-schema
server.tool('list_settings', 'List the setting keys', async () => text([...settings.keys()].join('\n')));

// ruleid: require-input-schema
server.registerTool('import_settings', { description: 'Import settings', inputSchema: { values: z.record(z.string(), z.any()) } }, async ({ values }) => text(String(Object.keys(values).length)));

// ruleid: require-input-schema
server.registerTool('set_raw', { description: 'Set a raw value', inputSchema: { key: Key, value: z.unknown() } }, async ({ key }) => text(key));

// ruleid: require-input-schema
server.registerTool(
  'merge_settings',
  { description: 'Merge settings', inputSchema: z.object({ key: Key }).passthrough() },
  async ({ key }) => text(key),
);

// ruleid: require-input-schema
server.registerTool(
  'tag_setting',
  { description: 'Tag a setting', inputSchema: z.object({ key: Key, tags: z.object({ label: z.string() }).catchall(z.string()) }) },
  async ({ key }) => text(key),
);

// ok: require-input-schema
server.registerTool(
  'label_setting',
  { description: 'Label a setting', inputSchema: z.object({ key: Key, tags: z.object({ label: z.string() }).catchall(z.never()) }) },
  async ({ key }) => text(key),
);

// ruleid: require-input-schema
server.tool('note_setting', 'Attach a note to a setting', { key: Key, note: z.custom() }, async ({ key }) => text(key));

// ok: require-input-schema
server.tool('describe_setting', 'Describe a setting', { key: Key, verbose: z.boolean().optional() }, async ({ key }) => text(key));

const Options = z.looseObject({ dryRun: z.boolean() });

// ruleid: require-input-schema
server.registerTool('apply_profile', { description: 'Apply a profile', inputSchema: { name: Key, options: Options } }, async ({ name }) => text(name));

// ok: require-input-schema
server.registerPrompt('explain', { description: 'Explain a setting', argsSchema: { key: z.any() } }, ({ key }) => ({
  messages: [{ role: 'user', content: { type: 'text', text: String(key) } }],
}));

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
