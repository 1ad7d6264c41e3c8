// xmcp: the domain must match a host-name pattern before it reaches the shell.
import { execSync } from 'node:child_process';

import { type InferSchema, type ToolMetadata } from 'xmcp';
import { z } from 'zod';

import { limiter } from '../../lib/limits.js';

export const schema = {
  domain: z.string().regex(/^[a-z0-9.-]+$/).describe('Domain name'),
};

export const metadata: ToolMetadata = {
  name: 'dns',
  description: 'Resolve a domain name.',
};

export default async function dns({ domain }: InferSchema<typeof schema>) {
  await limiter.consume(`dns:${domain}`);
  // ok: no-command-injection
  return execSync(`dig +short ${domain}`, { encoding: 'utf8', timeout: 15_000 });
}
