// FastMCP: addTool({ execute }). Guards inside execute, a wrapper of the project, and an
// unguarded tool that fetches from the network.
import { FastMCP, UserError } from 'fastmcp';
import { z } from 'zod';

import { limited, toolLimiter } from './lib/limits.js';
import { readChangelog } from './lib/repo.js';

const server = new FastMCP({ name: 'releases', version: '3.0.0' });

// ruleid: require-rate-limit
server.addTool({
  name: 'latest_release',
  description: 'Show the latest release of the project.',
  parameters: z.object({}),
  execute: async () => {
    const response = await fetch('https://api.github.com/repos/acme/widgets/releases/latest', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new UserError('The release service is unavailable.');
    const release = (await response.json()) as { tag_name: string };
    return release.tag_name;
  },
});

// ok: require-rate-limit
server.addTool({
  name: 'changelog',
  description: 'Show the changelog.',
  parameters: z.object({}),
  execute: async (_args, { session }) => {
    await toolLimiter.consume(String(session?.id ?? 'local'));
    return readChangelog();
  },
});

// ok: require-rate-limit
server.addTool({
  name: 'changelog_lines',
  description: 'Count the lines of the changelog.',
  parameters: z.object({}),
  execute: limited('changelog_lines', async () => String((await readChangelog()).split('\n').length)),
});

server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });
