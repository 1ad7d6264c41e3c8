// Official SDK, registerTool: a DevOps server that runs git, npm and system commands. Shell strings,
// `shell: true`, `sh -c`, programs chosen by the input, and the sanitizers that make each safe.
import { exec, execFile, execSync, spawn } from 'node:child_process';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const server = new McpServer({ name: 'devops', version: '2.3.0' });
const DIAGNOSTICS = new Set(['uptime', 'df -h', 'free -m']);
const REPO = '/srv/repos/widgets';

server.registerTool('run_command', { description: 'Run a shell command.', inputSchema: { command: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  exec(args.command, { timeout: 10_000 });
  return { content: [{ type: 'text', text: 'Started.' }] };
});

server.registerTool('diagnose', { description: 'Run a diagnostics command.', inputSchema: { command: z.string() } }, async (args, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  if (!DIAGNOSTICS.has(args.command)) return { content: [{ type: 'text', text: 'Not an allowed command.' }], isError: true };
  // ok: no-command-injection
  const text = execSync(args.command, { encoding: 'utf8', timeout: 10_000 });
  return { content: [{ type: 'text', text }] };
});

server.registerTool('git_log', { description: 'Show recent commits of a branch.', inputSchema: { branch: z.string() } }, async ({ branch }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  const text = execSync(`git -C ${REPO} log --oneline -n 20 ${branch}`, { encoding: 'utf8', timeout: 10_000 });
  return { content: [{ type: 'text', text }] };
});

server.registerTool('git_show', { description: 'Show one commit.', inputSchema: { ref: z.string() } }, async ({ ref }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-command-injection
  execFile('git', ['-C', REPO, 'show', '--stat', '--end-of-options', ref], { timeout: 10_000 });
  return { content: [{ type: 'text', text: 'Shown.' }] };
});

server.registerTool('git_diff', { description: 'Diff a ref against main.', inputSchema: { ref: z.string() } }, async ({ ref }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  execFile('git', ['-C', REPO, 'diff', ref], { timeout: 10_000 });
  return { content: [{ type: 'text', text: 'Diffed.' }] };
});

server.registerTool('install', { description: 'Install a package.', inputSchema: { pkg: z.string() } }, async ({ pkg }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  spawn('npm', ['install', '--', pkg], { shell: true, stdio: 'ignore' });
  return { content: [{ type: 'text', text: 'Installing.' }] };
});

server.registerTool('script', { description: 'Run a maintenance script.', inputSchema: { script: z.string() } }, async ({ script }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  spawn('bash', ['-c', script], { stdio: 'ignore' });
  return { content: [{ type: 'text', text: 'Running.' }] };
});

server.registerTool('tool_version', { description: 'Print the version of a tool.', inputSchema: { tool: z.string() } }, async ({ tool }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  execFile(tool, ['--version'], { timeout: 5_000 });
  return { content: [{ type: 'text', text: 'Printed.' }] };
});

server.registerTool(
  'make',
  { description: 'Run a make target.', inputSchema: { target: z.enum(['build', 'test', 'lint']), jobs: z.number().int().min(1).max(8) } },
  async ({ target, jobs }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-command-injection
    execSync(`make -C ${REPO} -j ${jobs} ${target}`, { timeout: 120_000 });
    return { content: [{ type: 'text', text: 'Built.' }] };
  },
);

server.registerTool(
  'npm_view',
  { description: 'Show the latest version of a package.', inputSchema: { name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/) } },
  async ({ name }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-command-injection
    const text = execSync(`npm view ${name} version`, { encoding: 'utf8', timeout: 10_000 });
    return { content: [{ type: 'text', text }] };
  },
);

server.registerTool('list_dir', { description: 'List a directory.', inputSchema: { dir: z.string() } }, async ({ dir }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // `.replace()` of a few characters is not a sanitizer: `$(…)` and backticks still work.
  const cleaned = dir.replace(/[;&|]/g, '');
  // ruleid: no-command-injection
  const text = execSync(`ls -la ${cleaned}`, { encoding: 'utf8', timeout: 5_000 });
  return { content: [{ type: 'text', text }] };
});

server.registerTool('grep_logs', { description: 'Search the logs.', inputSchema: { pattern: z.string() } }, async ({ pattern }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // A denylist of characters is not a sanitizer either.
  if (/[;&|`$<>]/.test(pattern)) return { content: [{ type: 'text', text: 'Forbidden characters.' }], isError: true };
  // ruleid: no-command-injection
  const text = execSync(`grep -r "${pattern}" /var/log/widgets`, { encoding: 'utf8', timeout: 10_000 });
  return { content: [{ type: 'text', text }] };
});

server.registerTool('service', { description: 'Restart a service.', inputSchema: { name: z.string() } }, async ({ name }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  switch (name) {
    case 'api':
    case 'worker':
      break;
    default:
      return { content: [{ type: 'text', text: 'Unknown service.' }], isError: true };
  }
  // todook: no-command-injection
  execSync(`systemctl restart widgets-${name}`, { timeout: 30_000 });
  return { content: [{ type: 'text', text: 'Restarted.' }] };
});

server.registerTool('kill', { description: 'Stop a process.', inputSchema: { pid: z.string() } }, async ({ pid }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-command-injection
  execSync(`kill -TERM ${Number.parseInt(pid, 10)}`, { timeout: 5_000 });
  return { content: [{ type: 'text', text: 'Stopped.' }] };
});

server.registerTool('run_allowed', { description: 'Run an allowed command line.', inputSchema: { line: z.string() } }, async ({ line }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // Checking the first word leaves the rest of the line to the shell.
  const [program] = line.split(' ');
  if (!['git', 'npm'].includes(program ?? '')) return { content: [{ type: 'text', text: 'Not allowed.' }], isError: true };
  // ruleid: no-command-injection
  exec(line, { timeout: 10_000 });
  return { content: [{ type: 'text', text: 'Started.' }] };
});
