// xmcp: a file-based tool; the default export is the handler.
import { execSync } from 'node:child_process';

import { type InferSchema, type ToolMetadata } from 'xmcp';
import { z } from 'zod';

import { limiter } from '../../lib/limits.js';

export const schema = {
  domain: z.string().describe('Domain name'),
};

export const metadata: ToolMetadata = {
  name: 'whois',
  description: 'Look up the registration of a domain.',
};

export default async function whois({ domain }: InferSchema<typeof schema>) {
  await limiter.consume(`whois:${domain}`);
  // ruleid: no-command-injection
  return execSync(`whois ${domain}`, { encoding: 'utf8', timeout: 15_000 });
}
