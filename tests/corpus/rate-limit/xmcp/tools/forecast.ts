// xmcp: the same kind of tool, behind an Upstash limiter checked first.
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { type InferSchema, type ToolMetadata } from 'xmcp';
import { headers } from 'xmcp/headers';
import { z } from 'zod';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.fixedWindow(30, '1 m') });

export const schema = {
  city: z.enum(['paris', 'london', 'tokyo']).describe('City'),
};

export const metadata: ToolMetadata = {
  name: 'forecast',
  description: 'Get the forecast for a city.',
};

// ok: require-rate-limit
export default async function forecast({ city }: InferSchema<typeof schema>) {
  const client = headers()['x-client-id'] ?? 'anonymous';
  const { success } = await ratelimit.limit(String(client));
  if (!success) return 'Too many requests. Try again in a minute.';
  const response = await fetch(`https://api.weather.example/v1/forecast?city=${city}`);
  return response.ok ? await response.text() : 'The forecast service is unavailable.';
}
