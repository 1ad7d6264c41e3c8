// mcp-framework: the repository is one of a fixed set, checked before it reaches the command.
import { execFileSync } from 'node:child_process';

import { MCPTool } from 'mcp-framework';
import { z } from 'zod';

import { limiter } from '../../lib/limits.js';

const REPOS: Record<string, string> = { widgets: '/srv/repos/widgets', gadgets: '/srv/repos/gadgets' };

interface GitBranchesInput {
  repo: string;
}

export default class GitBranchesTool extends MCPTool<GitBranchesInput> {
  name = 'git_branches';
  description = 'List the branches of a repository.';
  schema = { repo: { type: z.string(), description: 'Repository name' } };

  async execute(input: GitBranchesInput) {
    await limiter.consume(this.name);
    const dir = REPOS[input.repo];
    if (dir === undefined) return 'Unknown repository.';
    // ok: no-command-injection
    return execFileSync('git', ['-C', dir, 'branch', '--list'], { encoding: 'utf8', timeout: 10_000 });
  }
}
