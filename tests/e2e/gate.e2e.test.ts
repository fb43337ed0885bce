/**
 * Gating releases end to end on the demo shop. The fixed shop, run three times, is stable and becomes the baseline;
 * the shipped shop against it fails with its regressions named, in every format; the fixed shop again, with a step
 * added and the scenarios in another order, gives no false regression.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/server.js';
import { compareReports } from '../../src/gate/compare.js';
import { checkAccessibility } from '../../src/probes/axe.js';
import type { Report } from '../../src/report/types.js';
import { startBrowser } from '../helpers/browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REFERENCE = new URL('../fixtures/reference/', import.meta.url);

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/cx-shop.js'), ...args], { cwd: ROOT, env: { ...process.env, CI: '1', NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const temp = () => mkdtempSync(join(tmpdir(), 'cx-shop-gate-'));
const readReport = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
const FORMATS = ['--reporter', 'junit', '--reporter', 'markdown', '--reporter', 'sarif'];

let fixed: DemoShop;
let shipped: DemoShop;
const baselineDir = temp();
const baseline = join(baselineDir, 'cx-baseline.json');
let stableRun: Ran;
let stableOut: string;

beforeAll(async () => {
  [fixed, shipped] = await Promise.all([startDemoShop({ variant: 'fixed' }), startDemoShop({ variant: 'shipped' })]);
  stableOut = temp();
  stableRun = await cli(['run', 'scenarios', '--base-url', fixed.url, '--out', stableOut, '--repeat', '2', ...FORMATS]);
});
afterAll(async () => {
  await Promise.all([fixed?.close(), shipped?.close()]);
});

describe('the fixed shop against itself', () => {
  it('over 2 repeats: exit 0, no figure unstable, and it becomes the baseline', async () => {
    expect(stableRun.code, `${stableRun.stdout}\n${stableRun.stderr}`).toBe(0);
    const report = readReport(stableOut);
    expect(report.gate).toMatchObject({ repeats: 2, unstable: [], budgets: [], regressions: [], passed: true });
    const saved = await cli(['baseline', join(stableOut, 'report.json'), '--out', baseline]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain(`baseline: ${baseline}`);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).scenarios).toHaveLength(report.scenarios.length);
  });
});

describe('against the baseline', () => {
  let regressed: Ran;
  let regressedOut: string;
  let reordered: Ran;
  let reorderedOut: string;

  beforeAll(async () => {
    // The same scenarios in reverse order (by file name), one with a step added before the others.
    const folder = temp();
    const files = readdirSync(join(ROOT, 'scenarios')).sort();
    files.forEach((file, i) => cpSync(join(ROOT, 'scenarios', file), join(folder, `${String(files.length - i).padStart(2, '0')}-${file}`)));
    const mobile = readdirSync(folder).find((f) => f.endsWith('mobile-visit.yaml'))!;
    const text = readFileSync(join(folder, mobile), 'utf8').replace('steps:\n', 'steps:\n  - name: Read the help page first\n    goto: /help\n');
    writeFileSync(join(folder, mobile), text);
    regressedOut = temp();
    reorderedOut = temp();
    // The shipped shop's six journeys at once: they mostly wait (see cli.e2e.test.ts).
    [regressed, reordered] = await Promise.all([
      cli(['run', 'scenarios', '--base-url', shipped.url, '--out', regressedOut, '--baseline', baseline, ...FORMATS, '--reporter', 'html', '--workers', '6']),
      cli(['run', folder, '--base-url', fixed.url, '--out', reorderedOut, '--baseline', baseline]),
    ]);
  });

  it('the shipped shop fails with exit 1, its regressions named: journeys no longer completed, new high findings, more effort', () => {
    expect(regressed.code).toBe(1);
    const gate = readReport(regressedOut).gate!;
    expect(gate.passed).toBe(false);
    const kinds = new Set(gate.regressions.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['effort-up', 'new-finding', 'now-blocked']);
    expect(gate.regressions.filter((r) => r.kind === 'now-blocked').map((r) => r.scenario).sort()).toEqual(['Pay while the payment service is down', 'Return a shirt that is too small']);
    expect(gate.regressions.filter((r) => r.kind === 'new-finding').every((r) => r.severity === 'high' && r.step && r.rule)).toBe(true);
    expect(regressed.stdout).toMatch(/regressions \(\d+\):\n {4}"Pay while the payment service is down" was completed in the baseline/);
    expect(regressed.stdout).toContain('gate: failed');
  });

  it('writes the same verdict in every format, each valid', async () => {
    const junit = readFileSync(join(regressedOut, 'junit.xml'), 'utf8');
    const xsd = readFileSync(new URL('junit-ant.xsd', REFERENCE), 'utf8');
    expect((await validateXML({ xml: [{ fileName: 'junit.xml', contents: junit }], schema: [xsd] })).errors).toEqual([]);
    expect(junit).toContain('regression: &quot;Pay while the payment service is down&quot; was completed in the baseline');

    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('sarif-schema-2.1.0.json', REFERENCE), 'utf8')) as object);
    const sarif = JSON.parse(readFileSync(join(regressedOut, 'cx-shop.sarif'), 'utf8'));
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const located = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'form-cleared')[0];
    expect(located.locations[0].physicalLocation.artifactLocation.uri).toBe('scenarios/checkout.yaml');
    expect(located.locations[0].physicalLocation.region.startLine).toBe(26);

    const markdown = readFileSync(join(regressedOut, 'summary.md'), 'utf8');
    expect(markdown).toMatch(/^## Customer experience \(cx-shop\)\n\n❌ \*\*cx-shop: failed\*\*: \d+ regressions/);
    // Written again from the saved report, the same Markdown.
    const again = await cli(['report', join(regressedOut, 'report.json'), '--reporter', 'markdown']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(markdown);
    // Asked for on standard output, a format has it to itself: the person's report goes to standard error.
    const copy = mkdtempSync(join(tmpdir(), 'cx-shop-piped-'));
    cpSync(regressedOut, copy, { recursive: true });
    const piped = await cli(['judge', copy, '--reporter', 'sarif=-']);
    expect(validate(JSON.parse(piped.stdout))).toBe(true);
    expect(piped.stderr).toContain('Pay while the payment service is down');
  });

  it('the HTML report of the whole shipped run: one file of a few megabytes, offline, passing axe-core, with the deltas', async () => {
    const file = join(regressedOut, 'report.html');
    const size = statSync(file).size;
    console.log(`HTML report of the shipped demo run: ${(size / 1e6).toFixed(2)} MB for ${readReport(regressedOut).scenarios.reduce((n, sc) => n + sc.steps.length, 0)} steps`);
    expect(size).toBeLessThan(6_000_000);
    const browser = await startBrowser();
    try {
      const page = await browser.newPage();
      const asked: string[] = [];
      page.on('request', (r) => asked.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      expect(asked.filter((url) => !url.startsWith('data:'))).toEqual([pathToFileURL(file).href]);
      expect(await page.locator('.frame img').count()).toBeGreaterThan(30);
      expect(await page.locator('.deltas .worse').count()).toBeGreaterThan(10);
      expect((await checkAccessibility(page)).violations.map((v) => v.id)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('cx-shop compare names the same regressions and exits 1; the other way round they are improvements; a report against itself has none', async () => {
    const worse = await cli(['compare', baseline, join(regressedOut, 'report.json')]);
    expect(worse.code).toBe(1);
    expect(worse.stdout).toContain('"Return a shirt that is too small" was completed in the baseline');
    const better = await cli(['compare', join(regressedOut, 'report.json'), baseline]);
    expect(better.stdout).toContain('"Return a shirt that is too small" is completed now');
    expect(better.stdout).toMatch(/improvements \(\d+\)/);
    const same = await cli(['compare', baseline, join(stableOut, 'report.json')]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('no differences');
  });

  it('the fixed shop with a step added and the scenarios reordered: no false regression, exit 0', () => {
    expect(reordered.code, reordered.stdout.slice(-2000)).toBe(0);
    const gate = readReport(reorderedOut).gate!;
    expect(gate.regressions).toEqual([]);
    expect(gate.passed).toBe(true);
    expect(readReport(reorderedOut).scenarios[0]!.file).not.toBe(readReport(stableOut).scenarios[0]!.file);
    // The runs were matched scenario by scenario (none only on one side), in the other order, with the step added.
    expect(compareReports(JSON.parse(readFileSync(baseline, 'utf8')) as Report, readReport(reorderedOut))).toMatchObject({ added: [], missing: [] });
    expect(readReport(reorderedOut).scenarios.map((s) => s.name)).toEqual(readReport(stableOut).scenarios.map((s) => s.name).reverse());
    expect(readReport(reorderedOut).scenarios.find((s) => s.journey === 'mobile-visit')!.steps[0]!.name).toBe('Read the help page first');
  });
});
