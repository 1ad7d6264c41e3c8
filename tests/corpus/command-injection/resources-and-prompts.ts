// Resource templates and prompts: the URI variables and the prompt arguments come from the client.
import { execFileSync, execSync } from 'node:child_process';

import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const server = new McpServer({ name: 'logs', version: '1.1.0' });

server.registerResource('service-log', new ResourceTemplate('logs://{service}', { list: undefined }), { description: 'Recent log lines of a service.' }, async (uri, { service }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  const text = execSync(`journalctl -u ${String(service)} -n 100 --no-pager`, { encoding: 'utf8', timeout: 10_000 });
  return { contents: [{ uri: uri.href, text }] };
});

server.registerResource('unit-status', new ResourceTemplate('units://{unit}', { list: undefined }), { description: 'Status of a systemd unit.' }, async (uri, { unit }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-command-injection
  const text = execFileSync('systemctl', ['status', '--no-pager', '--', String(unit)], { encoding: 'utf8', timeout: 10_000 });
  return { contents: [{ uri: uri.href, text }] };
});

server.registerPrompt('explain_error', { description: 'Explain a failing command.', argsSchema: { command: z.string() } }, async ({ command }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  const output = execSync(`${command} 2>&1 || true`, { encoding: 'utf8', timeout: 10_000 });
  return { messages: [{ role: 'user', content: { type: 'text', text: `Explain this output:\n${output}` } }] };
});
