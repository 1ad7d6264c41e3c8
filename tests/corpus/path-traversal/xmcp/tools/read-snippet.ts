// xmcp: a file-based tool that reads a snippet by name.
import { readFile } from 'node:fs/promises';

import { type InferSchema, type ToolMetadata } from 'xmcp';
import { z } from 'zod';

import { limiter } from '../../lib/limits.js';

export const schema = {
  name: z.string().describe('Snippet name'),
};

export const metadata: ToolMetadata = {
  name: 'read_snippet',
  description: 'Read a code snippet.',
};

export default async function readSnippet({ name }: InferSchema<typeof schema>) {
  await limiter.consume(`read_snippet:${name}`);
  // ruleid: no-path-traversal
  return readFile(`./snippets/${name}`, 'utf8');
}
