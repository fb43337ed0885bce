/**
 * End to end: the built CLI (bin/cx-shop.js) spawned as a user would run it, against the bundled demo shop.
 * Asserts exit codes and real figures from the JSON report.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/server.js';
import type { Report, ScenarioResult } from '../../src/report/types.js';
import { compareForCustomer } from '../../src/report/verdict.js';
import { report, scenario, step } from '../helpers/report.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'cx-shop.js');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'cx-shop-e2e-'));
const readReport = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
const findingsIn = (s: ScenarioResult) => s.steps.reduce((n, step) => n + step.findings.length, 0);

describe('exit codes', () => {
  it('validate: 0 for the bundled scenarios', async () => {
    const ran = await cli(['validate', 'scenarios']);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/✓ .*promo-code\.yaml/);
  });

  it('2 for a bad file, every problem listed with file:line:col, no stack trace', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'name: Broken\ndevice: Pixl 7\nsteps:\n  - name: Open\n    goto: /\n    tapp: { text: Buy }\n');
    const ran = await cli(['run', file, '--base-url', 'http://127.0.0.1:9']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`${file}:2:9 device:`);
    expect(ran.stderr).toContain('Pixel 7');
    expect(ran.stderr).toContain(`${file}:6:5 steps[0].tapp:`);
    expect(ran.stderr).not.toMatch(/\n\s+at /);
  });

  it('2 for a bad option', async () => {
    const ran = await cli(['run', 'scenarios', '--device', 'Nokia 3310', '--base-url', 'http://127.0.0.1:9']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('--device "Nokia 3310" is not a Playwright device name');
  });

  it('2 for a --rule that names no rule, or no setting, said with what was meant', async () => {
    const misspelt = await cli(['run', 'scenarios', '--rule', 'acessibility=off', '--base-url', 'http://127.0.0.1:9']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain('--rule "acessibility=off" names no rule of cx-shop\'s');
    expect(misspelt.stderr).toContain('did you mean "accessibility"?');
    const unset = await cli(['run', 'scenarios', '--rule', 'accessibility', '--base-url', 'http://127.0.0.1:9']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('--rule "accessibility" is not RULE=off, low, medium or high');
    expect(`${misspelt.stderr}${unset.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('--rule accessibility=off holds for every scenario and step of the run, over their own settings, and is saved with them', async () => {
    const shop = await startDemoShop({ variant: 'fixed' });
    try {
      const dir = tempDir();
      // A step of its own turns the rule on at high: the run's setting is over it.
      const file = join(dir, 'visit.yaml');
      writeFileSync(file, 'name: Visit\ndevice: Pixel 7\nsteps:\n  - name: Open the shop\n    goto: /\n    rules: { accessibility: high }\n  - name: Open the cart\n    goto: /cart\n');
      const out = tempDir();
      const ran = await cli(['run', file, '--base-url', shop.url, '--out', out, '--rule', 'accessibility=off', '--rule', 'small-text=high']);
      expect(ran.code, ran.stderr).toBe(0);
      const folder = join(out, 'scenarios', readdirSync(join(out, 'scenarios'))[0]!);
      const artifacts = JSON.parse(readFileSync(join(folder, 'artifacts.json'), 'utf8')) as {
        scenario: { rules: Record<string, string>; steps: Array<{ rules?: Record<string, string> }> };
        steps: Array<{ accessibility: unknown; accessibilityFailure: string | null }>;
      };
      expect(artifacts.scenario.rules).toEqual({ accessibility: 'off', 'small-text': 'high' });
      expect(artifacts.scenario.steps.map((s) => s.rules)).toEqual([{ accessibility: 'off', 'small-text': 'high' }, undefined]);
      expect(artifacts.steps.map((s) => [s.accessibility, s.accessibilityFailure?.startsWith('not checked:')])).toEqual([
        [null, true],
        [null, true],
      ]);
    } finally {
      await shop.close();
    }
  });

  it('2 when the output folder cannot be written, before any browser starts, and never hangs', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    for (const out of [join(file, 'report'), '/proc/cx-shop-report']) {
      const ran = await cli(['run', 'scenarios/promo-code.yaml', '--base-url', 'http://127.0.0.1:9', '--out', out]);
      expect(ran.code, out).toBe(2);
      expect(ran.stderr).toContain(`cannot write to the output folder ${out}`);
      expect(ran.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('2 for a second run into a folder another run is writing to; a lock left by a dead run is taken over', async () => {
    const out = tempDir();
    // This test's own process stands for a run that is still going.
    writeFileSync(join(out, '.cx-shop-run.lock'), String(process.pid));
    const refused = await cli(['run', 'scenarios/promo-code.yaml', '--base-url', 'http://127.0.0.1:9', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`another cx-shop run (process ${process.pid}) is writing to ${out}`);
    writeFileSync(join(out, '.cx-shop-run.lock'), '999999999');
    const taken = await cli(['run', 'scenarios/promo-code.yaml', '--base-url', 'http://127.0.0.1:9', '--out', out]);
    expect(taken.code).toBe(3);
    expect(taken.stderr).not.toContain('another cx-shop run');
    expect(readdirSync(out)).not.toContain('.cx-shop-run.lock');
  });

  it('3 when the site cannot be reached, and the report says why', async () => {
    const out = tempDir();
    const ran = await cli(['run', 'scenarios/promo-code.yaml', '--base-url', 'http://127.0.0.1:9', '--out', out]);
    expect(ran.code).toBe(3);
    const report = readReport(out);
    expect(report.complete).toBe(true);
    expect(report.scenarios[0]!.status).toBe('error');
    expect(report.scenarios[0]!.reason).toContain('could not open http://127.0.0.1:9/');
    // A site that is not there is the run's error, not the site's friction: no finding for the page no server
    // answered, nor for pages the customer never saw.
    expect(report.scenarios[0]!.steps.flatMap((step) => step.findings)).toEqual([]);
    const returns = tempDir();
    await cli(['run', 'scenarios/returns.yaml', '--base-url', 'http://127.0.0.1:9', '--out', returns]);
    expect(readReport(returns).scenarios[0]!.steps.flatMap((step) => step.findings.map((f) => f.rule))).toEqual([]);
  });

  it('2 when a baseline cannot be written where --out says (nothing half-written left), or the demo shop\'s port is taken', async () => {
    const dir = tempDir();
    const saved = join(dir, 'report.json');
    writeFileSync(saved, JSON.stringify(report([scenario('A', [step('S', 1)])])));
    const folder = await cli(['baseline', saved, '--out', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`cannot write the baseline to ${dir} (EISDIR)`);
    expect(readdirSync(dir)).toEqual(['report.json']);
    const shop = await startDemoShop({ variant: 'fixed' });
    try {
      const demo = await cli(['demo', '--port', new URL(shop.url).port]);
      expect(demo.code).toBe(2);
      expect(demo.stderr).toContain(`port ${new URL(shop.url).port} is already in use`);
      expect(demo.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await shop.close();
    }
  });

  it('3 when a format asked for cannot be written: the others and report.json are, and the message names it', async () => {
    const shop = await startDemoShop({ variant: 'fixed' });
    try {
      const out = tempDir();
      // A folder cannot be made inside a file.
      const junit = join(out, 'report.json', 'junit.xml');
      const ran = await cli(['run', 'scenarios/mobile-visit.yaml', '--base-url', shop.url, '--out', out, '--reporter', `junit=${junit}`, '--reporter', 'markdown']);
      expect(ran.code).toBe(3);
      expect(ran.stderr).toContain('the junit reporter failed');
      expect(readReport(out).scenarios[0]!.status).toBe('passed');
      expect(readdirSync(out)).toContain('summary.md');
    } finally {
      await shop.close();
    }
  });

  it("3 with one clear message when no browser can be found; nothing of an earlier run into the folder is left to be read as this one's, and nothing of the project's own goes", async () => {
    // An earlier run's report, JUnit and artifacts, in a project's folder (--out .) whose scenarios are in scenarios/.
    const out = tempDir();
    mkdirSync(join(out, 'scenarios', '01-check-out'), { recursive: true });
    writeFileSync(join(out, 'scenarios', '01-check-out', 'artifacts.json'), '{}');
    writeFileSync(join(out, 'scenarios', 'home.yaml'), 'name: Home\n');
    writeFileSync(join(out, 'report.json'), JSON.stringify({ version: 1, complete: true, tool: { name: 'cx-shop', version: '0.1.0' } }, null, 2));
    writeFileSync(join(out, 'junit.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite package="cx-shop" name="Check out">\n  </testsuite>\n</testsuites>\n');
    const ran = await cli(['run', 'scenarios', '--base-url', 'http://127.0.0.1:9', '--out', out], { CX_SHOP_BROWSER: '/nowhere/chrome' });
    expect(ran.code).toBe(3);
    expect(ran.stderr).toContain('CX_SHOP_BROWSER=/nowhere/chrome: no such file');
    expect(ran.stderr).toContain('apt-get install -y chromium');
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(['scenarios', 'scenarios/home.yaml']);
  });
});

describe('commands without a browser', () => {
  it('init writes one template per journey, each a valid scenario; again without --force is a usage error', async () => {
    const dir = join(tempDir(), 'mine');
    const created = await cli(['init', dir, '--base-url', 'https://shop.example.com']);
    expect(created.code).toBe(0);
    for (const journey of ['mobile-visit', 'promo-code', 'returns', 'invoice']) expect(created.stdout).toContain(`${journey}.yaml`);
    const validated = await cli(['validate', dir]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    expect(validated.stdout.match(/✓/g)).toHaveLength(4);
    const again = await cli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exist');
    expect(again.stderr).toContain('--force');
  });

  it('schema prints a JSON Schema that names every action', async () => {
    const ran = await cli(['schema']);
    expect(ran.code).toBe(0);
    const schema = JSON.parse(ran.stdout) as { title: string; properties: { steps: { items: { properties: object } } } };
    expect(schema.title).toBe('cx-shop scenario');
    expect(Object.keys(schema.properties.steps.items.properties)).toEqual(
      expect.arrayContaining(['goto', 'tap', 'click', 'type', 'fill', 'select', 'check', 'press', 'hover', 'scroll', 'wait', 'back', 'read', 'expect']),
    );
  });

  it('rules lists every rule, and the README documents each of them', async () => {
    const ran = await cli(['rules', '--json']);
    expect(ran.code).toBe(0);
    const rules = JSON.parse(ran.stdout) as Array<{ id: string; severity: string; threshold: string; source: string }>;
    expect(rules.length).toBeGreaterThanOrEqual(20);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const rule of rules) {
      expect(rule.threshold && rule.source, rule.id).toBeTruthy();
      expect(readme, rule.id).toContain(`| \`${rule.id}\` |`);
    }
  });

  it('--help lists every command and the exit codes', async () => {
    const ran = await cli(['--help']);
    expect(ran.code).toBe(0);
    for (const command of ['run', 'demo', 'validate', 'schema', 'rules', 'init']) expect(ran.stdout).toMatch(new RegExp(`\\n  ${command} `));
    expect(ran.stdout).toContain('Exit codes: 0');
  });
});

describe('the demo shop, shipped against fixed', () => {
  let shipped: Report;
  let fixed: Report;
  let shippedRan: Ran;

  // The shipped shop's journeys mostly wait (for answers that never come, expectations never met, each up to its
  // limit): all six run at once, one context each, 25 s instead of about 70 with one at a time. The fixed shop's run
  // keeps the default, as the README's first command does.
  beforeAll(async () => {
    const [shippedOut, fixedOut] = [tempDir(), tempDir()];
    const ran = await Promise.all([
      cli(['demo', '--variant', 'shipped', '--out', shippedOut, '--workers', '6']),
      cli(['demo', '--variant', 'fixed', '--out', fixedOut]),
    ]);
    shippedRan = ran[0];
    expect(ran.map((r) => r.code)).toEqual([0, 0]);
    shipped = readReport(shippedOut);
    fixed = readReport(fixedOut);
  });

  it('runs every bundled journey in both variants', () => {
    const journeys = (r: Report) => r.scenarios.map((s) => s.journey).sort();
    expect(journeys(shipped)).toEqual(['custom', 'custom', 'invoice', 'mobile-visit', 'promo-code', 'returns']);
    expect(journeys(fixed)).toEqual(journeys(shipped));
    expect(fixed.scenarios.every((s) => s.status === 'passed')).toBe(true);
  });

  it('finds more friction and more effort in the shipped shop, journey by journey', () => {
    for (const scenario of shipped.scenarios) {
      const counterpart = fixed.scenarios.find((s) => s.file === scenario.file)!;
      expect(findingsIn(scenario), scenario.journey).toBeGreaterThan(findingsIn(counterpart));
      // Harder for the customer: more effort, or not completed at all (worse than any completed effort).
      expect(compareForCustomer(scenario, counterpart), scenario.journey).toBeGreaterThan(0);
      expect(counterpart.completed, counterpart.journey).toBe(true);
    }
  });

  it('shows findings from every area in the shipped shop, and none at high in the fixed one', () => {
    for (const area of ['errors', 'frustration', 'forms', 'mobile', 'accessibility']) {
      expect(shipped.summary.byArea[area] ?? 0, area).toBeGreaterThan(0);
    }
    expect(fixed.summary.findings.high).toBe(0);
  });

  it('gives every finding its rule, severity, evidence with a threshold, and a crop where it has a box', () => {
    const findings = shipped.scenarios.flatMap((s) => s.steps.flatMap((step) => step.findings));
    for (const finding of findings) {
      expect(finding.source.length, finding.rule).toBeGreaterThan(0);
      if (finding.class === 'deterministic') expect(finding.evidence.threshold, finding.rule).toBeTruthy();
    }
    const boxed = findings.filter((f) => f.evidence.box);
    expect(boxed.length).toBeGreaterThan(5);
    expect(boxed.filter((f) => typeof f.evidence.crop === 'string').length).toBe(boxed.length);
  });

  it('shows the difference in every journey: promo, returns, invoice and the mobile visit goal', () => {
    const rulesIn = (r: Report, journey: string) =>
      r.scenarios.find((s) => s.journey === journey)!.steps.flatMap((step) => step.findings.map((f) => f.rule));
    expect(rulesIn(shipped, 'promo-code')).toEqual(expect.arrayContaining(['promo-rejected', 'promo-unexplained']));
    expect(rulesIn(fixed, 'promo-code')).not.toContain('promo-rejected');
    expect(rulesIn(shipped, 'returns')).toEqual(expect.arrayContaining(['returns-dead-end', 'returns-no-confirmation', 'returns-policy']));
    expect(rulesIn(fixed, 'returns').filter((rule) => rule.startsWith('returns-'))).toEqual([]);
    expect(rulesIn(shipped, 'invoice')).toEqual(
      expect.arrayContaining(['invoice-essentials', 'invoice-amount-hidden', 'invoice-no-thanks', 'invoice-threats', 'invoice-readability']),
    );
    expect(rulesIn(fixed, 'invoice').filter((rule) => rule.startsWith('invoice-'))).toEqual([]);
    const goal = (r: Report) => r.scenarios.find((s) => s.journey === 'mobile-visit')!.journeySummary.goal!;
    expect(goal(fixed)).toMatchObject({ text: 'Added to your cart', reachedAtStep: 3, taps: 2 });
    expect(goal(shipped).effort).toBeGreaterThan(goal(fixed).effort);
  });

  it('with the payment service failed on purpose: shipped shows a raw error, wipes, spins and empties; fixed explains and pays on the retry', () => {
    const paymentDown = (r: Report) => r.scenarios.find((s) => s.file.endsWith('payment-down.yaml'))!;
    const failedStep = (r: Report) => paymentDown(r).steps.find((step) => step.faults?.length)!;
    expect(failedStep(shipped).faults).toEqual([{ fault: '/api/payment answered 503', hits: 1 }]);
    expect(failedStep(shipped).findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['fault-raw-error', 'fault-endless-spinner', 'fault-no-retry', 'fault-cart-emptied', 'form-cleared']),
    );
    expect(paymentDown(shipped).status).toBe('blocked');
    expect(failedStep(fixed).findings).toEqual([]);
    expect(paymentDown(fixed).status).toBe('passed');
    // The injected failure is never the site's failed request.
    const rules = (r: Report) => paymentDown(r).steps.flatMap((step) => step.findings.map((f) => f.rule));
    expect([...rules(shipped), ...rules(fixed)]).not.toContain('failed-request');
  });

  it('prints a table per scenario with findings under their steps, and a summary', () => {
    expect(shippedRan.stdout).toMatch(/HIGH\s+Nothing happened after a tap/);
    expect(shippedRan.stdout).toContain('Summary');
    expect(shippedRan.stdout).toContain('report: ');
  });

  describe('repeated runs', () => {
    let shop: DemoShop;
    beforeAll(async () => {
      shop = await startDemoShop({ variant: 'shipped' });
    });
    afterAll(async () => {
      await shop?.close();
    });

    // Six at once again, on a machine kept busy by the other test files: the effort must not depend on how the
    // scenarios' work interleaves.
    it('give identical deterministic effort, step by step', async () => {
      const out = tempDir();
      const ran = await cli(['run', 'scenarios', '--base-url', shop.url, '--out', out, '--workers', '6']);
      expect(ran.code).toBe(1);
      const again = readReport(out);
      const efforts = (r: Report) => r.scenarios.map((s) => [s.file, s.steps.map((step) => step.effort)]);
      expect(efforts(again)).toEqual(efforts(shipped));
    });
  });
});
