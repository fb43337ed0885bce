/**
 * Ctrl-C and SIGTERM mid-run: the run stops, the browser is closed, report.json is written whole with what was
 * measured and marked interrupted (and so are the other formats asked for), the exit code is 130 or 143, and no
 * stack trace is printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the demo and sends the signal once the second step of the first scenario has started (Ctrl-C twice). */
function interruptDemo(signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; stdout: string; stderr: string; out: string }> {
  const out = mkdtempSync(join(tmpdir(), 'cx-shop-interrupt-'));
  return new Promise((resolve) => {
    // The output folder holds an earlier run's JUnit: an interrupted run leaves none of it behind.
    writeFileSync(join(out, 'junit.xml'), '<testsuites><testsuite name="an earlier run"/></testsuites>');
    const child = spawn(process.execPath, [join(ROOT, 'bin/cx-shop.js'), 'demo', '--out', out, '--reporter', 'junit', '--reporter', 'markdown'], { cwd: ROOT, env: { ...process.env, CI: '1' } });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!sent && /step 2\/\d+/.test(stderr)) {
        sent = true;
        child.kill(signal);
        // An impatient second Ctrl-C while the report is written: it is written whole all the same.
        if (signal === 'SIGINT') setTimeout(() => child.kill('SIGINT'), 300);
      }
    });
    child.on('close', (code) => resolve({ code, stdout, stderr, out }));
  });
}

// Each test waits on a whole cx-shop run of its own, mostly idle: both run at once (see tests/vitest.config.ts).
describe.concurrent('interrupting a run', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: exit %i, a whole report of what was measured, marked interrupted, no stack', async (signal, code) => {
    const ran = await interruptDemo(signal);
    expect(ran.code).toBe(code);
    expect(ran.stderr).toContain(signal === 'SIGINT' ? 'cx-shop: interrupted' : 'cx-shop: terminated');
    expect(ran.stderr + ran.stdout).not.toMatch(/\n\s+at |crashed/);
    const report = JSON.parse(readFileSync(join(ran.out, 'report.json'), 'utf8')) as Report;
    expect(report).toMatchObject({ complete: true, interrupted: signal });
    expect(report.scenarios).toHaveLength(1);
    const [first] = report.scenarios;
    expect(first!.reason).toContain('interrupted');
    // The steps measured before the signal are kept; the rest say they were not run.
    expect(first!.steps[0]!.status).toBe('passed');
    const notRun = first!.steps.filter((step) => step.status !== 'passed');
    expect(notRun.length).toBeGreaterThan(0);
    expect(notRun.map((step) => [step.status, step.reason])).toEqual(notRun.map(() => ['skipped', 'not run: the run was interrupted']));
    // The formats asked for are written too, and say the run was interrupted.
    const junit = readFileSync(join(ran.out, 'junit.xml'), 'utf8');
    expect(junit).not.toContain('an earlier run');
    expect(junit).toContain('type="interrupted"');
    expect(junit).toContain(`name="${first!.name}"`);
    expect(readFileSync(join(ran.out, 'summary.md'), 'utf8')).toContain('cx-shop: interrupted');
  });
});
