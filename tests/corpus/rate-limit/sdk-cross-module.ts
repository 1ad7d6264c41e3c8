// Official SDK, the variadic tool() form: limiters, guards, wrappers and work that live in other
// modules of the project (lib/limits.ts, lib/repo.ts).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import pLimit from 'p-limit';
import { z } from 'zod';

import { enforceLimit, limited, toolLimiter, WindowRateLimiter } from './lib/limits.js';
import { readChangelog, recentCommits } from './lib/repo.js';

const server = new McpServer({ name: 'repo', version: '0.9.0' });
const perTool = new WindowRateLimiter(10, 60_000);
const concurrency = pLimit(2);

// The git call is in lib/repo.ts; nothing limits it.
// ruleid: require-rate-limit
server.tool('recent_commits', 'Show the latest commits.', { count: z.number().int().min(1).max(50) }, async ({ count }) => ({
  content: [{ type: 'text', text: await recentCommits(count) }],
}));

// The limiter instance is imported from lib/limits.ts.
// ok: require-rate-limit
server.tool('changelog', 'Show the changelog.', async (extra) => {
  await toolLimiter.consume(extra.sessionId ?? 'local');
  return { content: [{ type: 'text', text: await readChangelog() }] };
});

// A guard helper of the project, called first.
// ok: require-rate-limit
server.tool('commit_count', 'Count the latest commits.', { count: z.number().int().min(1).max(50) }, async ({ count }, extra) => {
  await enforceLimit(extra);
  const log = await recentCommits(count);
  return { content: [{ type: 'text', text: String(log.split('\n').filter(Boolean).length) }] };
});

// A wrapper of the project around the handler.
// ok: require-rate-limit
server.tool('changelog_size', 'Show the size of the changelog.', limited('changelog_size', async () => ({
  content: [{ type: 'text', text: `${(await readChangelog()).length} characters` }],
})));

// A limiter class of the project (named like one).
// ok: require-rate-limit
server.tool('latest_commit', 'Show the latest commit.', async (extra) => {
  perTool.take(`latest_commit:${extra.sessionId ?? 'local'}`);
  return { content: [{ type: 'text', text: await recentCommits(1) }] };
});

// p-limit caps concurrency, not rate.
// ruleid: require-rate-limit
server.tool('changelog_head', 'Show the start of the changelog.', async () => {
  const text = await concurrency(() => readChangelog());
  return { content: [{ type: 'text', text: text.slice(0, 2000) }] };
});

export { server };
