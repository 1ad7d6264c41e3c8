import { runCli } from './run.js';

/** The `eslint-plugin-mcp-security` / `mcp-security` executables (bin/mcp-security.js calls this). */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `mcp-security scan | head`: a reader that goes away is not an internal error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
}

export { runCli, type CliIo, type CliStream } from './run.js';
