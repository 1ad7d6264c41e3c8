// xmcp: no guard in the tool itself; middleware.ts limits every call.
import { type InferSchema, type ToolMetadata } from 'xmcp';
import { z } from 'zod';

export const schema = {
  name: z.enum(['react', 'vue', 'svelte']).describe('Package'),
};

export const metadata: ToolMetadata = {
  name: 'lookup_package',
  description: 'Show the latest version of a package.',
};

// ok: require-rate-limit
export default async function lookupPackage({ name }: InferSchema<typeof schema>) {
  const response = await fetch(`https://registry.npmjs.org/${name}/latest`);
  return response.ok ? ((await response.json()) as { version: string }).version : 'The registry is unavailable.';
}
