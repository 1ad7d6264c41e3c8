// A CommonJS MCP server (plain JavaScript) whose tools pass input to helpers required from
// relative modules: the finding is at the call here, and names the sink's file and line there.
'use strict';

const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { z } = require('zod');
const { RateLimiterMemory } = require('rate-limiter-flexible');

const git = require('./lib/git.cjs');
const { run, runAllowed } = require('./lib/shell.cjs');

const limiter = new RateLimiterMemory({ points: 30, duration: 60 });
const server = new McpServer({ name: 'repo-tools', version: '1.0.0' });

server.registerTool('git_log', { description: 'Show the history of a ref.', inputSchema: { ref: z.string() } }, async ({ ref }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // todoruleid: no-command-injection
  await git.gitLog(ref);
  return { content: [{ type: 'text', text: 'done' }] };
});

server.registerTool('git_show', { description: 'Show a commit.', inputSchema: { ref: z.string() } }, async ({ ref }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-command-injection
  await git.gitShow(ref);
  return { content: [{ type: 'text', text: 'done' }] };
});

server.registerTool('run', { description: 'Run a maintenance command.', inputSchema: { command: z.string() } }, async ({ command }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // todoruleid: no-command-injection
  const output = run(command);
  return { content: [{ type: 'text', text: output }] };
});

server.registerTool('run_allowed', { description: 'Run an allowed maintenance command.', inputSchema: { command: z.string() } }, async ({ command }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-command-injection
  const output = runAllowed(command);
  return { content: [{ type: 'text', text: output }] };
});

module.exports = { server };
