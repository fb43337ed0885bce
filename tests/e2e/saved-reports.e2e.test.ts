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
