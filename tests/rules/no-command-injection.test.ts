import path from 'node:path';

import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/no-command-injection.js';
import { createRuleTester } from '../rule-tester.js';
import { at } from '../support/positions.js';
import { repoRoot } from '../support/lint.js';

const SDK = "import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";
const SERVER = "const server = new McpServer({ name: 'ops', version: '1.0.0' });\n";
const tool = (imports: string, schema: string, body: string, params = 'args') =>
  `${imports}\n${SDK}${SERVER}server.registerTool('run', { description: 'Run a task.', inputSchema: { ${schema} } }, async (${params}) => {\n${body}\n  return { content: [{ type: 'text', text: 'done' }] };\n});\n`;
const CP = "import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';";

/** Plain JavaScript: a service object handed to a helper whose parameter has no type (figma-developer-mcp's shape). */
const untypedService = (call: string) => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const execAsync = promisify(exec);
async function fetchWithCurl(url) { return execAsync(\`curl -s "\${url}"\`); }
class Api {
  async request(p) { return fetchWithCurl(\`https://api.example.com\${p}\`); }
  async getFile(key) { return this.request(\`/files/\${key}\`); }
}
async function getData(args, api) { return api.getFile(args.fileKey); }
const server = new McpServer({ name: 'design', version: '1.0.0' });
server.tool('get_data', 'Get a design file.', { fileKey: z.string() }, ${call});
`;
const untypedServiceCode = untypedService('(args) => getData(args, new Api())');

/** A local registration wrapper (the @mobilenext/mobile-mcp shape): each call registers a tool whose handler is the callback. */
const WRAPPED = `${CP}\n${SDK}${SERVER}const tool = (name, description, paramsSchema, cb) => {
  server.registerTool(name, { description, inputSchema: paramsSchema }, async (args) => {
    try {
      return { content: [{ type: 'text', text: await cb(args) }] };
    } catch {
      return { content: [{ type: 'text', text: 'Failed.' }], isError: true };
    }
  });
};
tool('list_apps', 'List the apps.', { filter: z.enum(['user', 'system']) }, async ({ filter }) => execSync('pm list packages -' + filter).toString());
tool('launch_app', 'Launch an app.', { pkg: z.string() }, async ({ pkg }) => execSync(pkg).toString());
`;

const invalid: InvalidTestCase<MessageId, Options>[] = [
  { name: 'seed: exec(args.command)', code: tool(CP, 'command: z.string()', '  exec(args.command);'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 20 },
    ],
  },
  { name: 'template with a static program: suggestion adds execFile to the import', code: tool("import { exec } from 'node:child_process';", 'ref: z.string()', '  exec(`git log --oneline ${args.ref}`);'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 39, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { ref: z.string() } }, async (args) => {
  execFile('git', ['log', '--oneline', args.ref]);
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'execSync(`git -C ${repo} log`): suggestion uses the imported execFileSync', code: tool(CP, 'repo: z.string()', '  execSync(`git -C ${args.repo} log -n 5`);'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 12, endLine: 6, endColumn: 42, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { repo: z.string() } }, async (args) => {
  execFileSync('git', ['-C', args.repo, 'log', '-n', '5']);
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'namespace import: cp.exec(`npx ${pkg}`)', code: tool("import * as cp from 'node:child_process';", 'pkg: z.string()', '  cp.exec(`npx -y ${args.pkg}`, (error, stdout) => console.log(error, stdout));'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 11, endLine: 6, endColumn: 31, suggestions: [{ messageId: 'useExecFile', output: `import * as cp from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { pkg: z.string() } }, async (args) => {
  cp.execFile('npx', ['-y', args.pkg], (error, stdout) => console.log(error, stdout));
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'require destructuring: suggestion extends the pattern', code: tool("const { exec } = require('child_process');", 'dir: z.string()', "  exec('du -sh ' + args.dir);"),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 28, suggestions: [{ messageId: 'useExecFile', output: `const { exec, execFile } = require('child_process');
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { dir: z.string() } }, async (args) => {
  execFile('du', ['-sh', args.dir]);
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'mixed word becomes a template argument', code: tool("import { exec } from 'node:child_process';", 'branch: z.string()', '  exec(`git log --format=%h origin/${args.branch}`);'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 51, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { branch: z.string() } }, async (args) => {
  execFile('git', ['log', '--format=%h', \`origin/\${args.branch}\`]);
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'promisified exec: no suggestion', code: tool("import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst execAsync = promisify(exec);", 'dir: z.string()', '  await execAsync(`ls -la ${args.dir}`);'),
    errors: [
      { messageId: 'shellCommand', line: 8, column: 19, endLine: 8, endColumn: 39 },
    ],
  },
  { name: 'shell syntax in the command: no suggestion', code: tool(CP, 'dir: z.string()', '  exec(`cd ${args.dir} && npm test`);'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 36 },
    ],
  },
  { name: 'quotes around the input do not help: no suggestion', code: tool(CP, 'url: z.string()', '  exec(`open "${args.url}"`);'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 28 },
    ],
  },
  { name: 'spawn(cmd, { shell: true })', code: tool(CP, 'cmd: z.string()', '  spawn(args.cmd, { shell: true, stdio: "inherit" });'),
    errors: [
      { messageId: 'shellOption', line: 6, column: 9, endLine: 6, endColumn: 17 },
    ],
  },
  { name: 'shell: true joins the argument array', code: tool(CP, 'ref: z.string()', "  spawn('git', ['log', args.ref], { shell: true });"),
    errors: [
      { messageId: 'shellOption', line: 6, column: 24, endLine: 6, endColumn: 32 },
    ],
  },
  { name: 'shell: process.platform === win32 is still a shell', code: tool(CP, 'pkg: z.string()', "  spawnSync('npx', ['-y', args.pkg], { shell: process.platform === 'win32' });"),
    errors: [
      { messageId: 'shellOption', line: 6, column: 27, endLine: 6, endColumn: 35 },
    ],
  },
  { name: "spawn('sh', ['-c', x])", code: tool(CP, 'script: z.string()', "  spawn('sh', ['-c', args.script]);"),
    errors: [
      { messageId: 'shellScript', line: 6, column: 22, endLine: 6, endColumn: 33 },
    ],
  },
  { name: "execFile('bash', ['-lc', x])", code: tool(CP, 'script: z.string()', "  execFile('/bin/bash', ['-lc', args.script]);"),
    errors: [
      { messageId: 'shellScript', line: 6, column: 33, endLine: 6, endColumn: 44 },
    ],
  },
  { name: "cmd /c: every argument after the flag", code: tool(CP, 'name: z.string()', "  spawn('cmd.exe', ['/c', 'echo', args.name]);"),
    errors: [
      { messageId: 'shellScript', line: 6, column: 35, endLine: 6, endColumn: 44 },
    ],
  },
  { name: "node -e", code: tool(CP, 'code: z.string()', "  execFileSync('node', ['-e', args.code]);"),
    errors: [
      { messageId: 'shellScript', line: 6, column: 31, endLine: 6, endColumn: 40 },
    ],
  },
  { name: 'env bash -c', code: tool(CP, 'script: z.string()', "  spawn('/usr/bin/env', ['bash', '-c', args.script]);"),
    errors: [
      { messageId: 'shellScript', line: 6, column: 40, endLine: 6, endColumn: 51 },
    ],
  },
  { name: 'a shell program with an argv from input', code: tool(CP, 'argv: z.array(z.string())', "  spawn('bash', args.argv);"),
    errors: [
      { messageId: 'shellScript', line: 6, column: 17, endLine: 6, endColumn: 26 },
    ],
  },
  { name: 'the program itself', code: tool(CP, 'bin: z.string()', "  execFile(args.bin, ['--version']);"),
    errors: [
      { messageId: 'executable', line: 6, column: 12, endLine: 6, endColumn: 20 },
    ],
  },
  { name: 'execa with shell: true', code: tool("import { execa } from 'execa';", 'cmd: z.string()', '  await execa(args.cmd, { shell: true });'),
    errors: [
      { messageId: 'shellOption', line: 6, column: 15, endLine: 6, endColumn: 23 },
    ],
  },
  { name: 'execaCommand line', code: tool("import { execaCommand } from 'execa';", 'line: z.string()', '  await execaCommand(args.line);'),
    errors: [
      { messageId: 'commandLine', line: 6, column: 22, endLine: 6, endColumn: 31 },
    ],
  },
  { name: 'execa $ with shell: true', code: tool("import { $ } from 'execa';", 'name: z.string()', '  await $({ shell: true })`echo ${args.name}`;'),
    errors: [
      { messageId: 'shellOption', line: 6, column: 35, endLine: 6, endColumn: 44 },
    ],
  },
  { name: 'zx: the program', code: tool("import { $ } from 'zx';", 'tool: z.string()', '  await $`${args.tool} --help`;'),
    errors: [
      { messageId: 'executable', line: 6, column: 13, endLine: 6, endColumn: 22 },
    ],
  },
  { name: 'zx: bash -c', code: tool("import { $ } from 'zx';", 'script: z.string()', '  await $`bash -c ${args.script}`;'),
    errors: [
      { messageId: 'shellScript', line: 6, column: 21, endLine: 6, endColumn: 32 },
    ],
  },
  { name: 'zx with quoting turned off', code: tool("import { $ } from 'zx';\n$.quote = (value) => value;", 'dir: z.string()', '  await $`ls ${args.dir}`;'),
    errors: [
      { messageId: 'shellCommand', line: 7, column: 16, endLine: 7, endColumn: 24 },
    ],
  },
  { name: 'zx globals', code: tool("import 'zx/globals';", 'script: z.string()', '  await $`sh -c ${args.script}`;'),
    errors: [
      { messageId: 'shellScript', line: 6, column: 19, endLine: 6, endColumn: 30 },
    ],
  },
  { name: 'shelljs exec', code: tool("import shell from 'shelljs';", 'cmd: z.string()', '  shell.exec(args.cmd);'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 14, endLine: 6, endColumn: 22 },
    ],
  },
  { name: 'tool() with a raw shape, destructured', code: `${CP}\n${SDK}${SERVER}server.tool('run', 'Run a command.', { cmd: z.string() }, async ({ cmd }) => {\n  exec(cmd);\n  return { content: [] };\n});\n`,
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 11 },
    ],
  },
  { name: 'low-level setRequestHandler', code: `${CP}\nimport { Server } from '@modelcontextprotocol/sdk/server/index.js';\nimport { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';\nconst server = new Server({ name: 'ops', version: '1' }, { capabilities: { tools: {} } });\nserver.setRequestHandler(CallToolRequestSchema, async (request) => {\n  const { host } = request.params.arguments as { host: string };\n  execSync(\`ping -c 1 \${host}\`);\n  return { content: [] };\n});\n`,
    errors: [
      { messageId: 'shellCommand', line: 7, column: 12, endLine: 7, endColumn: 31, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
const server = new Server({ name: 'ops', version: '1' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { host } = request.params.arguments as { host: string };
  execFileSync('ping', ['-c', '1', host]);
  return { content: [] };
});
` }] },
    ],
  },
  { name: 'handler by reference', code: `${CP}\n${SDK}${SERVER}async function runTask({ task }: { task: string }) {\n  exec(\`make \${task}\`);\n  return { content: [] };\n}\nserver.registerTool('make', { description: 'Run a make target.', inputSchema: { task: z.string() } }, runTask);\n`,
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 22, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
async function runTask({ task }: { task: string }) {
  execFile('make', [task]);
  return { content: [] };
}
server.registerTool('make', { description: 'Run a make target.', inputSchema: { task: z.string() } }, runTask);
` }] },
    ],
  },
  { name: 'same-file helper: reported at the sink', code: `${CP}\n${SDK}${SERVER}function runGit(subcommand: string) {\n  return execSync('git ' + subcommand);\n}\nserver.registerTool('git', { description: 'Run git.', inputSchema: { sub: z.string() } }, async ({ sub }) => {\n  runGit(sub);\n  return { content: [] };\n});\n`,
    errors: [
      { messageId: 'shellCommand', line: 6, column: 19, endLine: 6, endColumn: 38, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
function runGit(subcommand: string) {
  return execFileSync('git', [subcommand]);
}
server.registerTool('git', { description: 'Run git.', inputSchema: { sub: z.string() } }, async ({ sub }) => {
  runGit(sub);
  return { content: [] };
});
` }] },
    ],
  },
  { name: 'client-controlled _meta', code: tool(CP, 'name: z.string()', '  exec(`notify-send ${String(extra._meta?.progressToken)}`);', 'args, extra'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 59, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { name: z.string() } }, async (args, extra) => {
  execFile('notify-send', [String(extra._meta?.progressToken)]);
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'resource template variable', code: `${CP}\n${SDK}${SERVER}server.registerResource('logs', new ResourceTemplate('logs://{service}', { list: undefined }), { description: 'Service logs.' }, async (uri, { service }) => {\n  const out = execSync(\`journalctl -u \${service} -n 50\`);\n  return { contents: [{ uri: uri.href, text: String(out) }] };\n});\n`,
    errors: [
      { messageId: 'shellCommand', line: 6, column: 24, endLine: 6, endColumn: 56, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerResource('logs', new ResourceTemplate('logs://{service}', { list: undefined }), { description: 'Service logs.' }, async (uri, { service }) => {
  const out = execFileSync('journalctl', ['-u', service, '-n', '50']);
  return { contents: [{ uri: uri.href, text: String(out) }] };
});
` }] },
    ],
  },
  { name: 'replace() is not a sanitizer', code: tool(CP, 'dir: z.string()', "  exec(`ls ${args.dir.replace(/;/g, '')}`);"),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 42, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { dir: z.string() } }, async (args) => {
  execFile('ls', [args.dir.replace(/;/g, '')]);
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'a function merely named sanitize', code: `${CP}\n${SDK}${SERVER}function sanitizeCommand(command: string): string {\n  return command.trim();\n}\nserver.registerTool('run', { description: 'Run a task.', inputSchema: { cmd: z.string() } }, async ({ cmd }) => {\n  exec(sanitizeCommand(cmd));\n  return { content: [] };\n});\n`,
    errors: [
      { messageId: 'shellCommand', line: 9, column: 8, endLine: 9, endColumn: 28 },
    ],
  },
  { name: 'a denylist is not a sanitizer', code: tool(CP, 'cmd: z.string()', "  if (/[;&|`$]/.test(args.cmd)) throw new Error('Forbidden characters.');\n  exec(args.cmd);"),
    errors: [
      { messageId: 'shellCommand', line: 7, column: 8, endLine: 7, endColumn: 16 },
    ],
  },
  { name: 'an allowlisted first word does not make the line safe', code: tool(CP + "\nconst ALLOWED = new Set(['ls', 'cat']);", 'cmd: z.string()', "  const [program] = args.cmd.split(' ');\n  if (!ALLOWED.has(program)) throw new Error('Not allowed.');\n  exec(args.cmd);"),
    errors: [
      { messageId: 'shellCommand', line: 9, column: 8, endLine: 9, endColumn: 16 },
    ],
  },
  { name: 'Object.values(args) joined into a command', code: tool(CP, 'a: z.string(), b: z.string()', "  exec('echo ' + Object.values(args).join(' '));"),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 8, endLine: 6, endColumn: 47, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { a: z.string(), b: z.string() } }, async (args) => {
  execFile('echo', [Object.values(args).join(' ')]);
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'JSON.parse of input', code: tool(CP, 'json: z.string()', '  const job = JSON.parse(args.json);\n  exec(job.command);'),
    errors: [
      { messageId: 'shellCommand', line: 7, column: 8, endLine: 7, endColumn: 19 },
    ],
  },
  { name: 'forEach over input', code: tool(CP, 'files: z.array(z.string())', '  args.files.forEach((file) => exec(`rm ${file}`));'),
    errors: [
      { messageId: 'shellCommand', line: 6, column: 37, endLine: 6, endColumn: 49, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { files: z.array(z.string()) } }, async (args) => {
  args.files.forEach((file) => execFile('rm', [file]));
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'elicitation answer', code: tool(CP, 'topic: z.string()', "  const answer = await server.server.elicitInput({ message: 'Branch?', requestedSchema: { type: 'object', properties: { branch: { type: 'string' } } } });\n  exec(`git checkout ${String(answer.content?.branch)}`);"),
    errors: [
      { messageId: 'shellCommand', line: 7, column: 8, endLine: 7, endColumn: 56, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { description: 'Run a task.', inputSchema: { topic: z.string() } }, async (args) => {
  const answer = await server.server.elicitInput({ message: 'Branch?', requestedSchema: { type: 'object', properties: { branch: { type: 'string' } } } });
  execFile('git', ['checkout', String(answer.content?.branch)]);
  return { content: [{ type: 'text', text: 'done' }] };
});
` }] },
    ],
  },
  { name: 'reassigned variable', code: tool(CP, 'name: z.string()', "  let command = 'ls';\n  command = `ls ${args.name}`;\n  exec(command);"),
    errors: [
      { messageId: 'shellCommand', line: 8, column: 8, endLine: 8, endColumn: 15 },
    ],
  },
  { name: 'array push then join', code: tool(CP, 'flag: z.string()', "  const parts = ['git', 'log'];\n  parts.push(args.flag);\n  exec(parts.join(' '));"),
    errors: [
      { messageId: 'shellCommand', line: 8, column: 8, endLine: 8, endColumn: 23 },
    ],
  },
  { name: 'class method reached through this', code: `${CP}\n${SDK}class Ops {\n  constructor(private readonly server: McpServer) {}\n  register() {\n    this.server.registerTool('ping', { description: 'Ping a host.', inputSchema: { host: z.string() } }, async ({ host }) => this.ping(host));\n  }\n  private ping(host: string) {\n    execSync(\`ping -c 1 \${host}\`);\n    return { content: [] };\n  }\n}\nexport { Ops };\n`,
    errors: [
      { messageId: 'shellCommand', line: 10, column: 14, endLine: 10, endColumn: 33, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile, execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
class Ops {
  constructor(private readonly server: McpServer) {}
  register() {
    this.server.registerTool('ping', { description: 'Ping a host.', inputSchema: { host: z.string() } }, async ({ host }) => this.ping(host));
  }
  private ping(host: string) {
    execFileSync('ping', ['-c', '1', host]);
    return { content: [] };
  }
}
export { Ops };
` }] },
    ],
  },
  { name: 'JavaScript: the class of an untyped parameter from the instances its calls pass', filename: 'server.js', code: untypedServiceCode,
    errors: [{ messageId: 'shellCommand', ...at(untypedServiceCode, '`curl -s "${url}"`') }],
  },
  { name: 'argument injection (option)', options: [{ checkArgumentInjection: true }], code: tool(CP, 'ref: z.string()', "  execFile('git', ['log', args.ref]);"),
    errors: [
      { messageId: 'argumentInjection', line: 6, column: 27, endLine: 6, endColumn: 35 },
    ],
  },
  { name: 'argument injection: an argument pushed onto the argv array (option)', options: [{ checkArgumentInjection: true }], code: tool(CP, 'kind: z.string()', "  const argv = ['delete'];\n  argv.push(args.kind, '--now');\n  execFileSync('kubectl', argv);"),
    errors: [
      { messageId: 'argumentInjection', line: 7, column: 13, endLine: 7, endColumn: 22 },
    ],
  },
  { name: 'argument injection: spread (option)', options: [{ checkArgumentInjection: true }], code: tool(CP, 'flags: z.array(z.string())', "  spawn('rg', [...args.flags, 'TODO']);"),
    errors: [
      { messageId: 'argumentInjection', line: 6, column: 19, endLine: 6, endColumn: 29 },
    ],
  },
  { name: 'argument injection: zx argument (option)', options: [{ checkArgumentInjection: true }], code: tool("import { $ } from 'zx';", 'ref: z.string()', '  await $`git show ${args.ref}`;'),
    errors: [
      { messageId: 'argumentInjection', line: 6, column: 22, endLine: 6, endColumn: 30 },
    ],
  },
  { name: 'cross-module: exec in an imported function', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import { toMarkdown } from './convert.js';", 'file: z.string()', '  await toMarkdown(args.file);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 9, endLine: 6, endColumn: 30 },
    ],
  },
  { name: 'cross-module: exported const arrow', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import { archive } from './convert.js';", 'dir: z.string()', '  await archive(args.dir);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 9, endLine: 6, endColumn: 26 },
    ],
  },
  { name: 'cross-module: static method', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import { Converter } from './convert.js';", 'tool: z.string()', '  await Converter.version(args.tool);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 9, endLine: 6, endColumn: 37 },
    ],
  },
  { name: 'CommonJS: a destructured require of `exports.log = …`', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("const { log } = require('./commonjs/git.js');", 'ref: z.string()', '  await log(args.ref);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 9, endLine: 6, endColumn: 22 },
    ],
  },
  { name: 'CommonJS: a member of the required module, `module.exports.show = function …`', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("const git = require('./commonjs/git.js');", 'ref: z.string()', '  await git.show(args.ref);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 9, endLine: 6, endColumn: 27 },
    ],
  },
  { name: 'CommonJS: `module.exports = { run, quiet: … }`, shorthand and inline', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("const shell = require('./commonjs/shell.js');", 'cmd: z.string()', '  shell.run(args.cmd);\n  shell.quiet(args.cmd);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 3, endLine: 6, endColumn: 22 },
      { messageId: 'crossModule', line: 7, column: 3, endLine: 7, endColumn: 24 },
    ],
  },
  { name: 'CommonJS: `module.exports = function …` required whole', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("const runCommand = require('./commonjs/runner.js');", 'cmd: z.string()', '  runCommand(args.cmd);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 3, endLine: 6, endColumn: 23 },
    ],
  },
  { name: 'CommonJS: a TypeScript `import = require` of `module.exports = function …`', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import runCommand = require('./commonjs/runner.js');", 'cmd: z.string()', '  runCommand(args.cmd);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 3, endLine: 6, endColumn: 23 },
    ],
  },
  { name: 'CommonJS: `Object.assign(module.exports, { build })`', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("const { build } = require('./commonjs/assign.js');", 'target: z.string()', '  build(args.target);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 3, endLine: 6, endColumn: 21 },
    ],
  },
  { name: 'CommonJS: a handler required from another module is reported at the registration', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'),
    code: `const { runHandler } = require('./commonjs/handlers.js');\n${SDK}const server = new McpServer({ name: 'x', version: '1' });\nserver.registerTool('run', { description: 'Run.', inputSchema: { command: z.string() } }, runHandler);\n`,
    errors: [
      { messageId: 'crossModule', line: 5, column: 1, endLine: 5, endColumn: 102 },
    ],
  },
  { name: 'a registration wrapper: the callback of each call is a handler with the call\'s schema', code: WRAPPED,
    errors: [
      { messageId: 'shellCommand', ...at(WRAPPED, 'pkg', 'execSync(pkg)') },
    ],
  },
  { name: 'cross-module: instance method and constructor field', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import { Converter } from './convert.js';", 'format: z.string(), file: z.string()', '  await new Converter(args.format).convert(args.file);'),
    errors: [
      { messageId: 'crossModule', line: 6, column: 9, endLine: 6, endColumn: 54 },
    ],
  },
];

const valid: ValidTestCase<Options>[] = [
  // The class the calls pass reads a cache, and runs nothing.
  { name: 'JavaScript: the inferred class of an untyped parameter has no sink', filename: 'server.js', code: untypedService('(args) => getData(args, new Cache())').replace('class Api {', 'class Cache {\n  async getFile(key) { return key.length; }\n}\nclass Api {') },
  { name: 'static command', code: tool(CP, 'dir: z.string()', "  exec('ls -la /srv/data');") },
  { name: 'execFile with an argument array', code: tool(CP, 'ref: z.string()', "  execFile('git', ['log', args.ref]);") },
  { name: "'--' before the argument (option on)", options: [{ checkArgumentInjection: true }], code: tool(CP, 'ref: z.string()', "  execFile('git', ['log', '--', args.ref]);") },
  { name: "'--' in the array before an argument pushed onto it (option on)", options: [{ checkArgumentInjection: true }], code: tool(CP, 'kind: z.string()', "  const argv = ['delete', '--'];\n  argv.push(args.kind);\n  execFileSync('kubectl', argv);") },
  { name: 'an argument pushed after the call does not reach it (option on)', options: [{ checkArgumentInjection: true }], code: tool(CP, 'kind: z.string()', "  const argv = ['get', 'pods'];\n  execFileSync('kubectl', argv);\n  argv.push(args.kind);") },
  { name: 'a static prefix keeps the argument from being an option (option on)', options: [{ checkArgumentInjection: true }], code: tool(CP, 'ref: z.string()', "  execFile('git', ['log', `--format=${args.ref}`]);") },
  { name: 'startsWith("-") refused (option on)', options: [{ checkArgumentInjection: true }], code: tool(CP, 'ref: z.string()', "  if (args.ref.startsWith('-')) throw new Error('Not a ref.');\n  execFile('git', ['log', args.ref]);") },
  { name: 'Set allowlist', code: tool(CP + "\nconst ALLOWED = new Set(['uptime', 'df -h']);", 'cmd: z.string()', "  if (!ALLOWED.has(args.cmd)) throw new Error('Not allowed.');\n  exec(args.cmd);") },
  { name: 'array includes, in the safe branch', code: tool(CP + "\nconst ALLOWED = ['uptime', 'whoami'];", 'cmd: z.string()', '  if (ALLOWED.includes(args.cmd)) {\n    exec(args.cmd);\n  }') },
  { name: 'equality with constants', code: tool(CP, 'cmd: z.string()', "  if (args.cmd === 'uptime' || args.cmd === 'whoami') exec(args.cmd);") },
  { name: 'switch with a default that throws', code: tool(CP, 'target: z.string()', "  switch (args.target) {\n    case 'build':\n    case 'test':\n      break;\n    default:\n      throw new Error('Unknown target.');\n  }\n  exec(`make ${args.target}`);") },
  { name: 'inside a case', code: tool(CP, 'target: z.string()', "  switch (args.target) {\n    case 'build':\n      exec(`make ${args.target}`);\n      break;\n    default:\n      break;\n  }") },
  { name: 'z.enum field', code: tool(CP, "target: z.enum(['build', 'test'])", '  exec(`make ${args.target}`);') },
  { name: 'z.number and z.boolean fields', code: tool(CP, 'lines: z.number().int(), follow: z.boolean()', '  exec(`tail -n ${args.lines} ${args.follow ? "-f" : ""} /var/log/app.log`);') },
  { name: 'anchored regex field with a shell-safe class', code: tool(CP, 'pkg: z.string().regex(/^[\\w.-]+$/)', '  exec(`npm view ${args.pkg} version`);') },
  { name: 'regex test guard', code: tool(CP, 'branch: z.string()', "  if (!/^[A-Za-z0-9._/-]+$/.test(args.branch)) throw new Error('Bad branch.');\n  exec(`git checkout ${args.branch}`);") },
  { name: 'numeric coercion', code: tool(CP, 'pid: z.string()', '  exec(`kill -TERM ${Number(args.pid)}`);\n  exec(`kill -TERM ${parseInt(args.pid, 10)}`);') },
  { name: 'shell-quote', code: tool(CP + "\nimport { quote } from 'shell-quote';", 'name: z.string()', '  exec(`echo ${quote([args.name])}`);') },
  { name: 'RegExp#exec is not child_process', code: tool('', 'text: z.string()', '  const match = /v(\\d+)/.exec(args.text);\n  console.log(match);') },
  { name: 'db.exec is not child_process', code: tool("import Database from 'better-sqlite3';\nconst db = new Database(':memory:');", 'sql: z.string()', '  db.exec(args.sql);') },
  { name: 'a method named exec on this', code: `${SDK}class Runner {\n  exec(command: string) { return command.length; }\n  register(server: McpServer) {\n    server.registerTool('run', { description: 'Run.', inputSchema: { cmd: z.string() } }, async ({ cmd }) => {\n      this.exec(cmd);\n      return { content: [] };\n    });\n  }\n}\nexport { Runner };\n` },
  { name: 'fork is not a shell', code: tool(CP.replace('spawnSync }', 'spawnSync, fork }'), 'worker: z.string()', "  fork('./worker.js', [args.worker]);") },
  { name: 'zx escapes interpolated arguments', code: tool("import { $ } from 'zx';", 'ref: z.string()', '  await $`git log ${args.ref}`;') },
  { name: 'execa template: each interpolation is one argument', code: tool("import { $ } from 'execa';", 'file: z.string()', '  await $`wc -l ${args.file}`;') },
  { name: 'shell: false', code: tool(CP, 'dir: z.string()', "  spawn('ls', [args.dir], { shell: false });") },
  { name: 'not a handler: no MCP import', code: `${CP}\nexport function run(args: { cmd: string }) {\n  exec(args.cmd);\n}\n` },
  { name: 'registerTool without a schema: param 0 is extra', code: `${CP}\n${SDK}${SERVER}server.registerTool('now', { description: 'Current time.' }, async (extra) => {\n  exec(\`date \${extra.sessionId ?? ''}\`);\n  return { content: [] };\n});\n` },
  { name: 'a validated helper in the same file', code: `${CP}\n${SDK}${SERVER}const TARGETS = new Set(['build', 'test']);\nfunction checkedTarget(target: string): string {\n  if (!TARGETS.has(target)) throw new Error('Unknown target.');\n  return target;\n}\nserver.registerTool('make', { description: 'Run a make target.', inputSchema: { target: z.string() } }, async ({ target }) => {\n  exec(\`make \${checkedTarget(target)}\`);\n  return { content: [] };\n});\n` },
  { name: 'a lookup table keyed by input', code: tool(CP + "\nconst COMMANDS: Record<string, string> = { disk: 'df -h', load: 'uptime' };", 'name: z.string()', "  const command = COMMANDS[args.name];\n  if (command) exec(command);") },
  { name: 'CommonJS: an export that does not reach a shell', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("const shell = require('./commonjs/shell.js');", 'cmd: z.string()', '  shell.measure(args.cmd);') },
  { name: 'cross-module: a function that does not reach a shell with its parameter', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: tool("import { toHtml } from './convert.js';", 'file: z.string()', '  await toHtml(args.file);') },
];

createRuleTester().run('no-command-injection', rule, { valid, invalid });

/** With type information, a value typed number or a union of literals carries no shell text. */
const LOW_LEVEL = `import { execSync } from 'node:child_process';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
const server = new Server({ name: 'logs', version: '1' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { lines, level } = request.params.arguments as { lines: TYPE; level: LEVEL };
  execSync(\`journalctl -n \${lines} -p \${level}\`);
  return { content: [] };
});
`;
const lowLevel = (lines: string, level: string): string => LOW_LEVEL.replace('TYPE', lines).replace('LEVEL', level);

createRuleTester({ typed: true }).run('no-command-injection (typed)', rule, {
  valid: [
    { name: 'number and a literal union', code: lowLevel('number', "'err' | 'warning'") },
  ],
  invalid: [
    {
      name: 'a string is still reported with types',
      code: lowLevel('number', 'string'),
      errors: [{ messageId: 'shellCommand', line: 7, column: 12, endLine: 7, endColumn: 48, suggestions: [{ messageId: 'useExecFile', output: lowLevel('number', 'string').replace('execSync(`journalctl -n ${lines} -p ${level}`)', "execFileSync('journalctl', ['-n', lines, '-p', level])").replace('import { execSync }', 'import { execSync, execFileSync }') }] }],
    },
  ],
});

createRuleTester().run('no-command-injection (untyped, same code)', rule, {
  valid: [],
  invalid: [
    {
      name: 'without types the cast proves nothing',
      code: lowLevel('number', "'err' | 'warning'"),
      errors: [{ messageId: 'shellCommand', line: 7, column: 12, endLine: 7, endColumn: 48, suggestions: [{ messageId: 'useExecFile', output: lowLevel('number', "'err' | 'warning'").replace('execSync(`journalctl -n ${lines} -p ${level}`)', "execFileSync('journalctl', ['-n', lines, '-p', level])").replace('import { execSync }', 'import { execSync, execFileSync }') }] }],
    },
  ],
});

/** A handler defined in another module and registered here: reported at the registration. */
const importedHandler = (schema: string): string => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { runTask } from './handlers.js';
const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('make', { description: 'Run a make target.', inputSchema: { task: ${schema} } }, runTask);
`;

createRuleTester().run('no-command-injection (imported handlers)', rule, {
  valid: [
    { name: 'the schema limits the field the imported handler uses', filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'), code: importedHandler("z.enum(['build', 'test'])") },
  ],
  invalid: [
    {
      name: 'an imported handler runs its input through a shell',
      filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'),
      code: importedHandler('z.string()'),
      errors: [{ messageId: 'crossModule', line: 5, column: 1, endLine: 5, endColumn: 111 }],
    },
  ],
});

/** A low-level server dispatching `tools/call` through a handler table of another module (fetcher-mcp's shape). */
const dispatched = (imports: string, body: string): string => `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
${imports}
const server = new Server({ name: 'ops', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const toolName = request.params.name;
${body}
});
`;
const ALIASED = "  const handler = toolHandlers[toolName];\n  if (!handler) {\n    throw new Error(`Unknown tool: ${toolName}`);\n  }\n  return handler(request.params.arguments);";

createRuleTester().run('no-command-injection (handler tables)', rule, {
  valid: [
    {
      name: 'a table whose functions run nothing',
      filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'),
      code: dispatched("import { quietHandlers as toolHandlers } from './tables/index.js';", ALIASED),
    },
    {
      name: 'compiled CommonJS: a table whose functions run nothing',
      filename: path.join(repoRoot, 'tests/taint/fixtures/handler.js'),
      code: dispatched('const index_js_1 = require("./commonjs/tables/index.js");', '  const handler = index_js_1.quietHandlers[toolName];\n  return handler(request.params.arguments);'),
    },
  ],
  invalid: [
    {
      name: 'a handler read from an imported table into a const, then called',
      filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'),
      code: dispatched("import { toolHandlers } from './tables/index.js';", ALIASED),
      errors: [{ messageId: 'crossModule', line: 11, column: 10, endLine: 11, endColumn: 43 }],
    },
    {
      name: 'a key checked against a fixed set still runs whichever handler it names',
      filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'),
      code: dispatched("import { toolHandlers } from './tables/index.js';\nconst TOOLS = new Set(['build', 'count_words']);", "  if (!TOOLS.has(toolName)) throw new Error('Unknown tool.');\n  const handler = toolHandlers[toolName];\n  return await handler(request.params.arguments);"),
      errors: [{ messageId: 'crossModule', line: 10, column: 16, endLine: 10, endColumn: 49 }],
    },
    {
      name: 'compiled CommonJS: a table exported by `exports.toolHandlers = { … }`, its entries required from another module',
      filename: path.join(repoRoot, 'tests/taint/fixtures/handler.js'),
      code: dispatched('const index_js_1 = require("./commonjs/tables/index.js");', '  const handler = index_js_1.toolHandlers[toolName];\n  return handler(request.params.arguments);'),
      errors: [{ messageId: 'crossModule', line: 8, column: 10, endLine: 8, endColumn: 43 }],
    },
    {
      name: 'the handler a record of an imported table holds',
      filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts'),
      code: dispatched("import { toolRecords } from './tables/index.js';", '  return toolRecords[toolName].handler(request.params.arguments);'),
      errors: [{ messageId: 'crossModule', line: 7, column: 10, endLine: 7, endColumn: 65 }],
    },
  ],
});

/** Compiled JavaScript of a `registerX(server: McpServer)` module: `import type` erased, only zod left (@heroku/mcp-server's shape). */
const compiled = (imports: string, call: string) => `${imports}
import { exec } from 'node:child_process';
export const registerRunTool = (server) => {
  ${call}
};
`;

createRuleTester().run('no-command-injection (compiled registrations, named schemas)', rule, {
  valid: [
    {
      name: 'a CLI builder’s .tool() with a JSON option spec is no registration',
      code: compiled("import { z } from 'zod';", "cli.tool('run', 'Run a thing', { cmd: { type: 'string' } }, async ({ cmd }) => exec(`heroku ${cmd}`));"),
    },
    {
      name: 'zod-looking values of a local `z` (no zod import) are no evidence',
      code: compiled("const z = makeSchemaBuilder();", "cli.tool('run', 'Run a thing', { cmd: z.string() }, async ({ cmd }) => exec(`heroku ${cmd}`));"),
    },
    {
      name: 'a dynamic description is no evidence',
      code: compiled("import { z } from 'zod';", "cli.tool('run', help(), { cmd: z.string() }, async ({ cmd }) => exec(`heroku ${cmd}`));"),
    },
    {
      name: 'a named zod enum with .optional() limits the field like an inline one',
      code: `${SDK}${SERVER}import { exec } from 'node:child_process';
const Scope = z.enum(['user', 'system']);
server.registerTool('list', { description: 'List packages.', inputSchema: { scope: Scope.optional().describe('Scope') } }, async ({ scope }) => {
  exec('pm list packages -' + scope);
  return { content: [] };
});
`,
    },
  ],
  invalid: [
    {
      name: 'compiled registration without an MCP import: name, description, zod shape, callback',
      code: compiled("import { z } from 'zod';", "server.tool('run', 'Run a thing', { cmd: z.string() }, async ({ cmd }) => exec(`heroku ${cmd}`));"),
      errors: [{ messageId: 'shellCommand', line: 4, column: 82, endLine: 4, endColumn: 97, suggestions: [{ messageId: 'useExecFile',
        output: compiled("import { z } from 'zod';", "server.tool('run', 'Run a thing', { cmd: z.string() }, async ({ cmd }) => execFile('heroku', [cmd]));")
          .replace('import { exec }', 'import { exec, execFile }') }] }],
    },
    {
      name: 'compiled registration with Schema.shape of a zod object and a constant description',
      code: compiled("import * as z from 'zod';\nconst RunSchema = z.object({ cmd: z.string().describe('Command') }).strict();\nconst HELP = `Run a thing.`;",
        "server.tool('run', HELP, RunSchema.shape, async (options) => exec(`heroku ${options.cmd}`));"),
      errors: [{ messageId: 'shellCommand', line: 6, column: 69, endLine: 6, endColumn: 92, suggestions: [{ messageId: 'useExecFile',
        output: compiled("import * as z from 'zod';\nconst RunSchema = z.object({ cmd: z.string().describe('Command') }).strict();\nconst HELP = `Run a thing.`;",
          "server.tool('run', HELP, RunSchema.shape, async (options) => execFile('heroku', [options.cmd]));").replace('import { exec }', 'import { exec, execFile }') }] }],
    },
    {
      name: 'a named zod string schema is still free text',
      code: `${SDK}${SERVER}import { exec } from 'node:child_process';
const Scope = z.string().min(1);
server.registerTool('list', { description: 'List packages.', inputSchema: { scope: Scope.optional() } }, async ({ scope }) => {
  exec('pm list packages -' + scope);
  return { content: [] };
});
`,
      errors: [{ messageId: 'shellCommand', line: 7, column: 8, endLine: 7, endColumn: 36, suggestions: [{ messageId: 'useExecFile', output: `${SDK}${SERVER}import { exec, execFile } from 'node:child_process';
const Scope = z.string().min(1);
server.registerTool('list', { description: 'List packages.', inputSchema: { scope: Scope.optional() } }, async ({ scope }) => {
  execFile('pm', ['list', 'packages', \`-\${scope}\`]);
  return { content: [] };
});
` }] }],
    },
  ],
});
