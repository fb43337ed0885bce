/** The commands around saved reports through the command line: report, baseline and compare on reports built here. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { report, scenario, step } from '../helpers/report.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/cx-shop.js'), ...args], { env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'cx-shop-saved-'));
const saved = (name: string, value: unknown) => {
  writeFileSync(join(dir, name), JSON.stringify(value));
  return join(dir, name);
};

describe('formats on standard output', () => {
  const file = saved('run.json', report([scenario('Check out', [step('Pay', 4)])]));

  it('two formats asked for on standard output: exit 2 before either is written', async () => {
    for (const args of [
      ['report', file, '--reporter', 'junit', '--reporter', 'sarif'],
      ['judge', dir, '--reporter', 'junit=-', '--reporter', 'sarif=-'],
    ]) {
      const ran = await cli(args);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain('junit and sarif are both asked for on standard output, which takes one document');
      expect(ran.stdout).toBe('');
    }
    const one = await cli(['report', file, '--reporter', 'junit', '--reporter', `sarif=${join(dir, 'out.sarif')}`]);
    expect(one.code).toBe(0);
    expect(one.stdout.startsWith('<?xml')).toBe(true);
  });
});

describe('baseline and compare of reports that cannot be held against', () => {
  const run = report([scenario('Check out', [step('Pay', 4)])]);

  it('a guided run is no baseline: exit 2, where every later step was an effort rise from 0.0 s', async () => {
    const guided = report([{ ...scenario('Check out', [step('Pay', 0)]), guided: { shopper: 'S-1', via: 'checklist', ease: 5, predictedFrom: null, rankCorrelation: null } }]);
    const ran = await cli(['baseline', saved('guided.json', guided), '--out', join(dir, 'b.json')]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('holds guided runs (Check out)');
  });

  it('compare says a report is of a run that was interrupted', async () => {
    const ran = await cli(['compare', saved('base.json', run), saved('int.json', { ...run, complete: false, interrupted: 'SIGINT' })]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('int.json is of a run that did not finish (it was interrupted)');
  });

  it('a version written as text is said to be one, not "a version 1 report; this cx-shop reads version 1"', async () => {
    const ran = await cli(['compare', saved('base.json', run), saved('text-version.json', { ...run, version: String(run.version) })]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`its version is "${run.version}", where cx-shop writes the number ${run.version}`);
  });
});
