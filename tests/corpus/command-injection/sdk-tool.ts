// Official SDK, the variadic tool(): a package-runner server. Promisified exec, execa, zx, and
// numbers that cannot carry shell text.
import { exec } from 'node:child_process';
import { promisify } from 'node:util';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { execa, execaCommand } from 'execa';
import { $ } from 'zx';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const execAsync = promisify(exec);
const server = new McpServer({ name: 'runner', version: '1.4.0' });

server.tool('npx', 'Run a package with npx.', { pkg: z.string(), args: z.string() }, async ({ pkg, args }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  const { stdout } = await execAsync(`npx -y ${pkg} ${args}`, { timeout: 60_000 });
  return { content: [{ type: 'text', text: stdout }] };
});

server.tool('npx_file', 'Run a package without a shell.', { pkg: z.string() }, async ({ pkg }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // No shell, but npx runs whatever package it is given.
  // ruleid: no-command-injection
  const { stdout } = await execa('npx', ['-y', pkg], { timeout: 60_000 });
  return { content: [{ type: 'text', text: stdout }] };
});

server.tool('run_line', 'Run a command line without a shell.', { line: z.string() }, async ({ line }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  const { stdout } = await execaCommand(line, { timeout: 60_000 });
  return { content: [{ type: 'text', text: stdout }] };
});

server.tool('run_shell', 'Run a command through a shell.', { command: z.string() }, async ({ command }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  const { stdout } = await execa(command, { shell: true, timeout: 60_000 });
  return { content: [{ type: 'text', text: stdout }] };
});

server.tool('wc', 'Count the lines of a file.', { file: z.string() }, async ({ file }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-command-injection
  const { stdout } = await execa('wc', ['-l', '--', file], { timeout: 10_000 });
  return { content: [{ type: 'text', text: stdout }] };
});

server.tool('blame', 'Blame a file.', { file: z.string() }, async ({ file }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // zx quotes the interpolation, so it is one argument: with nothing before it, it can be an option.
  // ruleid: no-command-injection
  const output = await $`git blame ${file}`;
  return { content: [{ type: 'text', text: output.stdout }] };
});

server.tool('blame_safe', 'Blame a file.', { file: z.string() }, async ({ file }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-command-injection
  const output = await $`git blame -- ${file}`;
  return { content: [{ type: 'text', text: output.stdout }] };
});

server.tool('help', 'Show the help of a program.', { program: z.string() }, async ({ program }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  const output = await $`${program} --help`;
  return { content: [{ type: 'text', text: output.stdout }] };
});

server.tool('shell_eval', 'Evaluate a shell snippet.', { snippet: z.string() }, async ({ snippet }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ruleid: no-command-injection
  const output = await $`bash -c ${snippet}`;
  return { content: [{ type: 'text', text: output.stdout }] };
});

server.tool('head', 'Show the first lines of the log.', { lines: z.number().int().min(1).max(500) }, async ({ lines }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  // ok: no-command-injection
  const { stdout } = await execAsync(`head -n ${lines} /var/log/widgets/app.log`, { timeout: 5_000 });
  return { content: [{ type: 'text', text: stdout }] };
});
