// xmcp: a file-based tool that calls an API on every invocation, with no guard.
import { type InferSchema, type ToolMetadata } from 'xmcp';
import { z } from 'zod';

export const schema = {
  city: z.enum(['paris', 'london', 'tokyo']).describe('City'),
};

export const metadata: ToolMetadata = {
  name: 'weather',
  description: 'Get the current weather for a city.',
};

// ruleid: require-rate-limit
export default async function weather({ city }: InferSchema<typeof schema>) {
  const response = await fetch(`https://api.weather.example/v1/current?city=${city}`);
  return response.ok ? await response.text() : 'The weather service is unavailable.';
}
