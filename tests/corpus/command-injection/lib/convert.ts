// Helpers of the document server, in their own module: the analysis follows tool input into them.
import { exec, execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(exec);
const runFile = promisify(execFile);

/** Converts a document to Markdown, through a shell. */
export async function toMarkdown(file: string): Promise<string> {
  const { stdout } = await run(`pandoc --to=markdown ${file}`, { timeout: 30_000 });
  return stdout;
}

/** Converts a document to HTML: a fixed program and an argument array. */
export async function toHtml(file: string): Promise<string> {
  const { stdout } = await runFile('pandoc', ['--to=html', '--', file], { timeout: 30_000 });
  return stdout;
}

/** Counts the words of a document, with a program chosen by the caller. */
export const countWords = async (counter: string, file: string): Promise<string> => {
  const { stdout } = await runFile(counter, [file], { timeout: 30_000 });
  return stdout;
};

export class Archiver {
  constructor(private readonly format: 'zip' | 'tar') {}

  /** Packs a directory: the directory name goes into a shell command. */
  async pack(dir: string): Promise<void> {
    await run(`${this.format === 'zip' ? 'zip -r' : 'tar czf'} /tmp/out ${dir}`, { timeout: 60_000 });
  }
}
