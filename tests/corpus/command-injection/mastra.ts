// Mastra createTool: a deployment agent's tools.
import { execSync } from 'node:child_process';

import { createTool } from '@mastra/core/tools';
import { MCPServer } from '@mastra/mcp';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const ENVIRONMENTS = new Set(['staging', 'production']);

export const deploy = createTool({
  id: 'deploy',
  description: 'Deploy a release to an environment.',
  inputSchema: z.object({ environment: z.string(), tag: z.string() }),
  execute: async ({ environment, tag }) => {
    await limiter.consume('deploy');
    if (!ENVIRONMENTS.has(environment)) return { ok: false };
    // ruleid: no-command-injection
    execSync(`./deploy.sh ${environment} ${tag}`, { timeout: 600_000 });
    return { ok: true };
  },
});

export const rollback = createTool({
  id: 'rollback',
  description: 'Roll an environment back.',
  inputSchema: z.object({ environment: z.string() }),
  execute: async ({ environment }) => {
    await limiter.consume('rollback');
    if (!ENVIRONMENTS.has(environment)) return { ok: false };
    // ok: no-command-injection
    execSync(`./rollback.sh ${environment}`, { timeout: 600_000 });
    return { ok: true };
  },
});

export const server = new MCPServer({ name: 'deployer', version: '1.0.0', tools: { deploy, rollback } });
