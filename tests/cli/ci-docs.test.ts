import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

import { parseCommandLine } from '../../src/cli/options.js';
import { repoRoot } from './helpers.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; permissions?: Record<string, string>; steps: Step[] }>;
}

const WORKFLOW_FILE = 'docs/ci/mcp-security.yml';
const workflowText = readFileSync(path.join(repoRoot, WORKFLOW_FILE), 'utf8');
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/** The README's copy of the workflow, between its markers. */
function readmeBlock(): string {
  const match = new RegExp(`<!-- begin ${WORKFLOW_FILE} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\`\\n<!-- end ${WORKFLOW_FILE} -->`).exec(readme);
  if (!match?.[1]) throw new Error(`README.md has no block between the ${WORKFLOW_FILE} markers`);
  return match[1];
}

/** Splits a one-line shell command into words (no quoting is used in the documented commands). */
function words(command: string): string[] {
  expect(command).not.toMatch(/["'`$\\|;&<>]/);
  return command.trim().split(/\s+/);
}

/** The scan command's own arguments in a `npx [--yes] eslint-plugin-mcp-security[@version] …` line. */
function scanArguments(command: string): string[] {
  const argv = words(command);
  expect(argv[0]).toBe('npx');
  const index = argv.findIndex((word) => /^eslint-plugin-mcp-security(@[\w.^~-]+)?$/.test(word));
  expect(index).toBeGreaterThan(0);
  expect(argv.slice(1, index).every((word) => word === '--yes' || word === '-y')).toBe(true);
  return argv.slice(index + 1);
}

describe('the CI lint gate docs', () => {
  it('include the workflow file verbatim in the README', () => {
    expect(readmeBlock()).toBe(workflowText);
  });

  it('run the scan with real flags and upload the file it writes, with security-events: write', () => {
    const workflow = YAML.parse(workflowText) as Workflow;
    expect(Object.keys(workflow.jobs)).toHaveLength(1);
    const [job] = Object.values(workflow.jobs);
    if (!job) throw new Error('no job');
    expect(job.permissions?.['security-events']).toBe('write');
    expect(workflow.permissions?.['security-events']).toBeUndefined();

    const scanSteps = job.steps.filter((step) => step.run?.includes('eslint-plugin-mcp-security'));
    expect(scanSteps).toHaveLength(1);
    const invocation = parseCommandLine(scanArguments(scanSteps[0]?.run ?? ''));
    if (invocation.kind !== 'scan') throw new Error('not a scan');
    expect(invocation.options).toMatchObject({ target: '.', format: 'sarif', failOn: 'error' });
    expect(invocation.options.output).toBeDefined();

    const uploads = job.steps.filter((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(uploads).toHaveLength(1);
    const upload = uploads[0] as Step;
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(upload.with?.sarif_file).toBe(invocation.options.output);
    // Uploaded even when the gate fails (exit 1), as long as the scan wrote the file.
    expect(upload.if).toContain('!cancelled()');
    expect(upload.if).toContain(`hashFiles('${invocation.options.output ?? ''}')`);
    expect(job.steps.indexOf(upload)).toBeGreaterThan(job.steps.indexOf(scanSteps[0] as Step));
    expect(job.steps.some((step) => step.uses?.startsWith('actions/checkout@'))).toBe(true);
  });

  it('show scan commands in the README that the CLI accepts', () => {
    const commands = [...readme.matchAll(/^\s*(?:\$ )?(npx (?:--yes )?eslint-plugin-mcp-security(?:@\S+)? [^\n#]*?)\s*(?:#.*)?$/gm)].map((m) => m[1] ?? '');
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) {
      expect(() => parseCommandLine(scanArguments(command)), command).not.toThrow();
    }
    expect(readme).toContain('npx eslint-plugin-mcp-security scan . --format sarif --output mcp-security.sarif');
    expect(readme).toContain('npx eslint -f @microsoft/eslint-formatter-sarif -o eslint.sarif .');
  });
});
