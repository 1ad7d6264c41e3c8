/** An xmcp tool file: `metadata.description` and the schema's `.describe()` texts. */
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import type { InferSchema, ToolMetadata } from 'xmcp';
import { z } from 'zod';

export const schema = {
  // ok: max-description-length, no-description-injection
  name: z.string().max(100).describe('Who to greet'),
};

export const metadata: ToolMetadata = {
  name: 'greet',
  // ok: max-description-length, no-description-injection
  description: 'Greet someone by name.',
  annotations: {
    // ok: max-description-length, no-description-injection
    title: 'Greet',
    readOnlyHint: true,
  },
};

export default function greet({ name }: InferSchema<typeof schema>) {
  return `Hello, ${name}!`;
}

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
