import { runCli } from './run.js';

/** The `eslint-plugin-mcp-security` / `mcp-security` executables (bin/mcp-security.js calls this). */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
}

export { runCli, type CliIo, type CliStream } from './run.js';
