// xmcp: a file-based tool; the returned string is the result text.
import { type InferSchema, type ToolMetadata } from 'xmcp';
import { z } from 'zod';

import { limiter } from '../../lib/limits.js';

const HOSTS = { api: 'https://api.example.com/health', web: 'https://www.example.com/health' } as const;

export const schema = {
  host: z.enum(['api', 'web']).describe('Service to check'),
};

export const metadata: ToolMetadata = {
  name: 'ping_host',
  description: 'Check that a service answers.',
};

export default async function pingHost({ host }: InferSchema<typeof schema>) {
  await limiter.consume(`ping_host:${host}`);
  try {
    const response = await fetch(HOSTS[host], { signal: AbortSignal.timeout(5000) });
    return response.ok ? 'The service is up.' : `The service answered ${response.status}.`;
  } catch (err) {
    // ruleid: no-error-leak
    return `The service is down: ${(err as Error).message}`;
  }
}
