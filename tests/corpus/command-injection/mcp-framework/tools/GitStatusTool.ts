// mcp-framework: a tool class; the input reaches a helper method through `this`.
import { execSync } from 'node:child_process';

import { MCPTool } from 'mcp-framework';
import { z } from 'zod';

import { limiter } from '../../lib/limits.js';

interface GitStatusInput {
  repo: string;
}

export default class GitStatusTool extends MCPTool<GitStatusInput> {
  name = 'git_status';
  description = 'Show the status of a repository.';
  schema = { repo: { type: z.string(), description: 'Repository directory' } };

  async execute(input: GitStatusInput) {
    await limiter.consume(this.name);
    return this.status(input.repo);
  }

  private status(repo: string): string {
    // todoruleid: no-command-injection
    return execSync(`git -C ${repo} status --short`, { encoding: 'utf8', timeout: 10_000 });
  }
}
