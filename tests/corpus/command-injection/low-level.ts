// The low-level Server: one CallTool handler dispatching on the tool name; nothing validates the
// arguments, so every field is client input.
import { execFileSync, execSync, spawnSync } from 'node:child_process';

import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';

import { limiter } from './lib/limits.js';

const server = new Server({ name: 'netops', version: '0.9.0' }, { capabilities: { tools: {} } });
const PING_TARGETS = ['gateway.internal', 'dns.internal'];

// ruleid: require-input-schema
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const args = request.params.arguments ?? {};
  switch (request.params.name) {
    case 'ping': {
      const host = String(args.host);
      // ruleid: no-command-injection
      const text = execSync(`ping -c 1 ${host}`, { encoding: 'utf8', timeout: 5_000 });
      return { content: [{ type: 'text', text }] };
    }
    case 'ping_known': {
      const host = String(args.host);
      if (!PING_TARGETS.includes(host)) return { content: [{ type: 'text', text: 'Unknown host.' }], isError: true };
      // ok: no-command-injection
      const text = execSync(`ping -c 1 ${host}`, { encoding: 'utf8', timeout: 5_000 });
      return { content: [{ type: 'text', text }] };
    }
    case 'dig': {
      // ruleid: no-command-injection
      const out = spawnSync('cmd.exe', ['/c', 'nslookup', String(args.name)], { encoding: 'utf8', timeout: 5_000 });
      return { content: [{ type: 'text', text: out.stdout }] };
    }
    case 'traceroute': {
      const hops = Number(args.hops);
      // ok: no-command-injection
      const text = execFileSync('traceroute', ['-m', String(hops), 'gateway.internal'], { encoding: 'utf8', timeout: 30_000 });
      return { content: [{ type: 'text', text }] };
    }
    default:
      return { content: [{ type: 'text', text: 'Unknown tool.' }], isError: true };
  }
});
