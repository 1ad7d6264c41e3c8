/** An xmcp tool file whose schema lets any payload through. */
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import type { InferSchema, ToolMetadata } from 'xmcp';
import { z } from 'zod';

export const schema = {
  format: z.enum(['markdown', 'html']).describe('Format of the payload'),
  payload: z.any().describe('Notes to import'),
};

export const metadata: ToolMetadata = { name: 'import_notes', description: 'Import notes.' };

// ruleid: require-input-schema
export default async function importNotes({ format }: InferSchema<typeof schema>) {
  return `Importing ${format}`;
}

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
