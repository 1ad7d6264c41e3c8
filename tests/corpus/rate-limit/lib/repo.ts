// Helpers the tools call: the expensive work happens here, one module away from the handlers.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The last commits of the repository. */
export async function recentCommits(count: number): Promise<string> {
  const { stdout } = await run('git', ['log', '--oneline', `--max-count=${count}`], { timeout: 10_000 });
  return stdout;
}

/** The project's changelog. */
export function readChangelog(): Promise<string> {
  return readFile('CHANGELOG.md', 'utf8');
}
