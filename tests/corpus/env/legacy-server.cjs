// A CommonJS MCP server (SDK v1, plain JavaScript) that requires `process` and passes the
// environment around.
'use strict';

const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js');
const { RateLimiterMemory } = require('rate-limiter-flexible');
const { z } = require('zod');
// ok: no-env-outside-config
const { env } = require('node:process');

const limiter = new RateLimiterMemory({ points: 30, duration: 60 });

// ruleid: no-env-outside-config
const mailHost = require('process').env.SMTP_HOST;

const server = new McpServer({ name: 'mailer', version: '2.0.1' });

server.registerTool(
  'send_digest',
  {
    title: 'Send digest',
    description: 'Email the weekly digest to the team list.',
    inputSchema: { week: z.number().int().min(1).max(53) },
  },
  async ({ week }, extra) => {
    await limiter.consume(extra.sessionId || 'stdio');
    const body = JSON.stringify({
      host: mailHost,
      // ruleid: no-env-outside-config
      user: env.SMTP_USER,
      // ruleid: no-env-outside-config
      password: env['SMTP_PASSWORD'],
      week,
    });
    const response = await fetch('https://mail-relay.internal.example/send', { method: 'POST', body });
    return { content: [{ type: 'text', text: response.ok ? 'Digest sent.' : 'The digest could not be sent.' }] };
  },
);

/** Options for the relay client, which spawns a helper. */
function relayOptions(settings) {
  // todoruleid: no-env-outside-config
  return { ...settings, env };
}

// ok: no-env-outside-config
module.exports = { server, relayOptions };

server.connect(new StdioServerTransport()).catch(() => {
  console.error('mailer: could not connect the transport');
  process.exitCode = 1;
});
