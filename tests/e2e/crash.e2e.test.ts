/**
 * The browser dies mid-run (killed from outside): that scenario is an error that says the browser crashed, keeps
 * its steps so far, and every later scenario still runs in a new browser. The report is complete, with no stack.
 * Three of the bundled scenarios on the fixed demo shop: the first is hit, the two after it must run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startDemoShop } from '../../src/demo-shop/server.js';
import type { Report } from '../../src/report/types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The browser processes the given process started (its direct children). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe('a browser that crashes mid-run', () => {
  it('costs only the scenario it was running', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cx-shop-crash-'));
    const shop = await startDemoShop({ variant: 'fixed' });
    const files = ['scenarios/checkout.yaml', 'scenarios/mobile-visit.yaml', 'scenarios/returns.yaml'];
    const ran = await new Promise<{ code: number | null; stdout: string; stderr: string; killed: number }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/cx-shop.js'), 'run', ...files, '--base-url', shop.url, '--out', out], { cwd: ROOT, env: { ...process.env, CI: '1' } });
      let stdout = '';
      let stderr = '';
      let killed = 0;
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (killed === 0 && /step 2\/\d+/.test(stderr)) {
          for (const pid of childrenOf(child.pid!)) {
            process.kill(pid, 'SIGKILL');
            killed += 1;
          }
        }
      });
      child.on('close', (code) => resolve({ code, stdout, stderr, killed }));
    }).finally(() => shop.close());
    expect(ran.killed).toBeGreaterThan(0);
    expect(ran.stderr + ran.stdout).not.toMatch(/\n\s+at |crashed; this is a bug/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.complete).toBe(true);
    // Every scenario is in the report: the one the crash hit, and each one after it.
    expect(report.scenarios.map((s) => s.file)).toEqual(files);
    const [first, ...rest] = report.scenarios;
    expect(first!.status).toBe('error');
    expect(first!.reason).toContain('the browser crashed');
    // The terminal says so too, under the scenario.
    expect(ran.stdout).toContain('↳ the browser crashed during this scenario');
    // A step the crash cut short mid-way (the kill may also fall between two steps) is recorded as gone, and nothing
    // on it is taken for the site's silence.
    const hit = first!.steps.find((step) => step.status === 'error');
    if (hit) {
      expect(hit.findings.filter((f) => f.rule === 'dead-tap')).toEqual([]);
      const saved = JSON.parse(readFileSync(join(out, 'scenarios', readdirSync(join(out, 'scenarios')).sort()[0]!, 'artifacts.json'), 'utf8')) as { steps: Array<{ gone?: true }> };
      expect(saved.steps.at(-1)!.gone).toBe(true);
    }
    expect(first!.steps[0]!.status).toBe('passed');
    for (const scenario of rest) expect(scenario.status, scenario.name).toBe('passed');
    expect(ran.code).toBe(3);
  });
});
