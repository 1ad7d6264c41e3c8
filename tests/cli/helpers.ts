import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

import { runCli } from '../../src/cli/run.js';

export const repoRoot = path.join(__dirname, '..', '..');
export const examplesDir = path.join(repoRoot, 'examples');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the scan command in-process with captured output. */
export async function cli(argv: readonly string[], { cwd = repoRoot, tty = false }: { cwd?: string; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: tty },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: tty },
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory (real path), removed by the returned cleanup. */
export function tempDir(prefix = 'mcp-security-cli-'): { dir: string; cleanup: () => void } {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  return { dir, cleanup: () => { rmSync(dir, { recursive: true, force: true }); } };
}

/** Writes `files` (relative path → content) under `dir`. */
export function writeTree(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

let validator: ValidateFunction | undefined;
/** The official SARIF 2.1.0 schema (tests/cli/fixtures, JSON Schema draft-04), compiled once. */
export function sarifValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON fixture.
    validator = ajv.compile(require('./fixtures/sarif-schema-2.1.0.json') as object);
  }
  return validator;
}

/** A small MCP server (official SDK) with one vulnerable pattern per registered rule family. */
export const SERVER_WITH_ENV_READ = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'demo', version: '1.0.0' });

server.registerTool(
  'read_secret',
  { description: 'Return the configured greeting.', inputSchema: { who: z.string() } },
  async ({ who }) => ({ content: [{ type: 'text', text: \`\${process.env.GREETING} \${who}\` }] }),
);
`;

export const CLEAN_SERVER = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'demo', version: '1.0.0' });

server.registerTool(
  'add',
  { description: 'Add two numbers.', inputSchema: { a: z.number(), b: z.number() } },
  async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
);
`;
