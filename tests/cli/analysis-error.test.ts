import path from 'node:path';

import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { ScanReport } from '../../src/cli/report.js';
import { CLEAN_SERVER, cli, sarifValidator, SERVER_WITH_ENV_READ, tempDir, writeTree } from './helpers.js';

// A stand-in for a bug in the analysis: the model throws on any file named `crash.ts`.
vi.mock('../../src/model/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/model/index.js')>();
  return {
    ...original,
    getToolHandlers: (unit: Parameters<typeof original.getToolHandlers>[0]) => {
      if (path.basename(unit.filename) === 'crash.ts') throw new Error('simulated analysis bug\nsecond line');
      return original.getToolHandlers(unit);
    },
  };
});

describe('scan: the analysis crashes on a file', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    writeTree(dir, { 'src/crash.ts': CLEAN_SERVER, 'src/server.ts': SERVER_WITH_ENV_READ });
  });
  afterAll(() => { cleanup(); });

  it('scans the other files, reports the crash, and exits 2 with one line on stderr', async () => {
    const run = await cli([dir, '--format', 'json', '--fail-on', 'never']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mcp-security: internal error: the analysis failed on 1 file(s), first src/crash.ts: simulated analysis bug (run with --debug for details)\n');
    const report = JSON.parse(run.stdout) as ScanReport;
    expect(report.analysisErrors).toEqual([{ file: 'src/crash.ts', message: 'simulated analysis bug' }]);
    expect(report.findings.map((finding) => finding.file)).toEqual(['src/server.ts']);
    expect(report.summary.files).toBe(1);
  });

  it('adds the stack with --debug, and marks the SARIF run unsuccessful with a notification', async () => {
    const debug = await cli([dir, '--format', 'json', '--debug']);
    expect((JSON.parse(debug.stdout) as ScanReport).analysisErrors[0]?.stack).toMatch(/simulated analysis bug[\s\S]*\n\s+at /);
    expect(debug.stderr).not.toMatch(/--debug/);

    const run = await cli([dir, '--format', 'sarif']);
    expect(run.code).toBe(2);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]?.invocations?.[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'The analysis failed on this file, which was not analysed: simulated analysis bug' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'src/crash.ts', uriBaseId: '%SRCROOT%' } } }],
        },
      ],
    });

    const stylish = await cli([dir]);
    expect(stylish.stdout).toMatch(/^Analysis errors \(1\): these files were not analysed\n {2}src\/crash\.ts: simulated analysis bug$/m);
  });
});
