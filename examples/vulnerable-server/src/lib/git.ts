import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const execAsync = promisify(exec);

/**
 * `git log` of `repo`, one line per commit. The tool input `ref` is pasted into a shell command
 * line here; the plugin reports it at the call site in the tool handler (src/tools/git.ts), naming
 * this line as the sink.
 */
export async function gitLog(repo: string, ref: string, limit: number): Promise<string> {
  const { stdout } = await execAsync(`git log --oneline -n ${limit} ${ref}`, { cwd: repo });
  return stdout;
}
