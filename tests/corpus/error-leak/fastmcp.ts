// FastMCP: UserError messages and returned values reach the model.
import { readFile } from 'node:fs/promises';

import { FastMCP, UserError } from 'fastmcp';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const CONFIGS = { app: '/etc/widgets/app.json', db: '/etc/widgets/db.json' } as const;
const server = new FastMCP({ name: 'config', version: '2.0.0' });

server.addTool({
  name: 'show_config',
  description: 'Show a configuration file.',
  parameters: z.object({ name: z.enum(['app', 'db']) }),
  execute: async ({ name }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    try {
      return await readFile(CONFIGS[name], 'utf8');
    } catch (error) {
      // ruleid: no-error-leak
      throw new UserError(`Could not read the ${name} configuration: ${error}`);
    }
  },
});

server.addTool({
  name: 'config_keys',
  description: 'List the keys of a configuration file.',
  parameters: z.object({ name: z.enum(['app', 'db']) }),
  execute: async ({ name }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    try {
      return Object.keys(JSON.parse(await readFile(CONFIGS[name], 'utf8')) as object).join('\n');
    } catch (error) {
      // A raw value: FastMCP sends any returned string to the model.
      // ruleid: no-error-leak
      return (error as Error).message;
    }
  },
});

server.addTool({
  name: 'config_entry',
  description: 'Show one entry of the app configuration.',
  parameters: z.object({ key: z.enum(['port', 'host', 'mode']) }),
  execute: async ({ key }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    try {
      const value: unknown = JSON.parse(await readFile(CONFIGS.app, 'utf8'))[key];
      if (value === undefined) throw new UserError('That entry is not set.');
      return String(value);
    } catch (error) {
      // ok: no-error-leak
      if (error instanceof UserError) throw error;
      console.error('config_entry failed', error);
      // ok: no-error-leak
      throw new UserError('The configuration could not be read.');
    }
  },
});

server.addTool({
  name: 'validate_mode',
  description: 'Check that a mode name is supported.',
  parameters: z.object({ mode: z.string().max(20) }),
  execute: async ({ mode }, { session }) => {
    await limiter.consume(String(session?.id ?? 'local'));
    try {
      if (mode !== 'dev' && mode !== 'prod') throw new UserError('Unsupported mode.');
      return 'Supported.';
    } catch (error) {
      // Only the constant UserError above can be caught here.
      // todook: no-error-leak
      throw error;
    }
  },
});

server.start({ transportType: 'stdio' });
