/** An xmcp tool file: xmcp hands `schema` to the SDK, which validates it. */
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import type { InferSchema, ToolMetadata } from 'xmcp';
import { z } from 'zod';

export const schema = {
  title: z.string().max(200).describe('Title of the note'),
  body: z.string().max(20_000).describe('Text of the note'),
};

export const metadata: ToolMetadata = { name: 'create_note', description: 'Create a note.' };

// ok: require-input-schema
export default async function createNote({ title }: InferSchema<typeof schema>) {
  return `Created "${title}"`;
}

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
