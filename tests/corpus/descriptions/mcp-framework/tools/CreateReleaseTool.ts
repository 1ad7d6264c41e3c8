/** An mcp-framework tool whose description is a whole manual. */
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { MCPTool, type MCPInput } from 'mcp-framework';
import { z } from 'zod';

export default class CreateReleaseTool extends MCPTool {
  name = 'create_release';
  // ruleid: max-description-length
  description = 'Create a release of the repository from a tag. The release notes are generated from the merged pull requests since the previous tag, grouped by label, with the authors credited and breaking changes listed first. The release notes are generated from the merged pull requests since the previous tag, grouped by label, with the authors credited and breaking changes listed first. The release notes are generated from the merged pull requests since the previous tag, grouped by label, with the authors credited and breaking changes listed first. The release notes are generated from the merged pull requests since the previous tag, grouped by label, with the authors credited and breaking changes listed first. The release notes are generated from the merged pull requests since the previous tag, grouped by label, with the authors credited and breaking changes listed first. The release notes are generated from the merged pull requests since the previous tag, grouped by label, with the authors credited and breaking changes listed first.';
  schema = z.object({
    // ok: max-description-length, no-description-injection
    tag: z.string().regex(/^v\d+\.\d+\.\d+$/).describe('Tag to release, such as v1.2.3'),
  });

  async execute(input: MCPInput<this>) {
    return `Released ${input.tag}`;
  }
}

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
