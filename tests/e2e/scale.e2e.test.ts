/**
 * Speed and scale through the command: several workers give the same report in the same order as one; shards merged
 * give the report of one run; a remote Playwright browser server runs the scenarios as a local browser does.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserServer } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find.js';
import { chromiumArgs } from '../../src/browser/launch.js';
import type { Report } from '../../src/report/types.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

const BIN = fileURLToPath(new URL('../../bin/cx-shop.js', import.meta.url));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CI: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** What must be the same however the run was split: per scenario and step, the status, effort and deterministic findings. */
function deterministic(report: Report) {
  return report.scenarios.map((s) => ({
    name: s.name,
    status: s.status,
    effort: s.effort,
    steps: s.steps.map((step) => [step.name, step.status, step.effort, step.findings.filter((f) => f.class === 'deterministic').map((f) => [f.rule, f.severity, f.message])]),
  }));
}

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;

const SCENARIOS: Record<string, string> = {
  'a-mug.yaml': 'name: Add a mug\nsteps:\n  - name: Open\n    goto: /guide/shop.html\n  - name: Add\n    tap: { role: button, name: Add to cart }\n    expect: { text: 1 in cart }\n',
  'b-wrap.yaml': 'name: Ask for gift wrap\nsteps:\n  - name: Open\n    goto: /guide/shop.html\n  - name: Wrap\n    tap: { role: button, name: Gift wrap }\n',
  'c-form.yaml': 'name: Fill the delivery form\nsteps:\n  - name: Open\n    goto: /guide/form.html\n  - name: Name\n    type: { label: Name, text: Ann Example }\n  - name: Go on\n    tap: { role: button, name: Continue }\n',
  'd-spa.yaml': 'name: Open a shirt\ntestIdAttribute: data-test\nsteps:\n  - name: Open the shop\n    goto: /spa/index.html\n  - name: Open the shirt\n    tap: { role: link, name: Linen shirt }\n  - name: Open the cart\n    tap: { testId: cart-link }\n',
};

describe('workers, shards and a remote browser', () => {
  let server: FixtureServer;
  let dir: string;
  let one: Report;
  beforeAll(async () => {
    server = await startFixtureServer();
    dir = mkdtempSync(join(tmpdir(), 'cx-shop-scale-'));
    mkdirSync(join(dir, 'scenarios'));
    for (const [name, text] of Object.entries(SCENARIOS)) writeFileSync(join(dir, 'scenarios', name), text);
    const ran = await cli(['run', join(dir, 'scenarios'), '--base-url', server.url, '--out', join(dir, 'one'), '--workers', '1']);
    expect(ran.code).toBe(0);
    one = read(join(dir, 'one'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('two workers: the same report, in the same order, each scenario in its own folder', async () => {
    // The folder holds an earlier run's JUnit, which this run does not write: it is taken away, not left beside a
    // report.json it does not match.
    mkdirSync(join(dir, 'two'), { recursive: true });
    writeFileSync(join(dir, 'two', 'junit.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite package="cx-shop" id="0" name="Add a mug">\n  </testsuite>\n</testsuites>\n');
    const ran = await cli(['run', join(dir, 'scenarios'), '--base-url', server.url, '--out', join(dir, 'two'), '--workers', '2']);
    expect(ran.code).toBe(0);
    const two = read(join(dir, 'two'));
    expect(two.scenarios.map((s) => s.name)).toEqual(['Add a mug', 'Ask for gift wrap', 'Fill the delivery form', 'Open a shirt']);
    expect(deterministic(two)).toEqual(deterministic(one));
    expect(readdirSync(join(dir, 'two', 'scenarios')).sort()).toEqual(['01-add-a-mug', '02-ask-for-gift-wrap', '03-fill-the-delivery-form', '04-open-a-shirt']);
    expect(existsSync(join(dir, 'two', 'junit.xml'))).toBe(false);
    // The terminal report lists the scenarios in the run's order too.
    const order = ['Add a mug', 'Ask for gift wrap', 'Fill the delivery form', 'Open a shirt'].map((name) => ran.stdout.indexOf(`${name}  `));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shards merged: the report of one run, in every format', async () => {
    const shards = await Promise.all(['1/2', '2/2'].map((shard, i) => cli(['run', join(dir, 'scenarios'), '--base-url', server.url, '--out', join(dir, `shard-${i + 1}`), '--shard', shard, '--workers', '1'])));
    expect(read(join(dir, 'shard-1')).scenarios.map((s) => s.name)).toEqual(['Add a mug', 'Fill the delivery form']);
    expect(read(join(dir, 'shard-2')).scenarios.map((s) => s.name)).toEqual(['Ask for gift wrap', 'Open a shirt']);
    expect(shards.map((s) => s.code)).toEqual([0, 0]);
    const merged = await cli(['merge', join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', join(dir, 'merged'), '--reporter', 'junit', '--reporter', 'markdown']);
    expect(merged.code).toBe(0);
    expect(deterministic(read(join(dir, 'merged')))).toEqual(deterministic(one));
    expect(readFileSync(join(dir, 'merged', 'junit.xml'), 'utf8')).toContain('Ask for gift wrap');
    expect(existsSync(join(dir, 'merged', 'summary.md'))).toBe(true);
    // Its header is the run's, the shards as one: from the first one's start to the last one's end, on their browser.
    const parts = [read(join(dir, 'shard-1')), read(join(dir, 'shard-2'))];
    const header = read(join(dir, 'merged'));
    const starts = parts.map((p) => Date.parse(p.startedAt));
    expect(header.startedAt).toBe(new Date(Math.min(...starts)).toISOString());
    expect(header.durationSeconds).toBeCloseTo(Math.max(...parts.map((p, i) => starts[i]! / 1000 + p.durationSeconds)) - Math.min(...starts) / 1000, 1);
    expect(header.browser).toEqual(parts[0]!.browser);
    expect(header.browser).not.toBeNull();
    expect(parts.map((p) => p.shard)).toEqual([{ index: 1, count: 2 }, { index: 2, count: 2 }]);
    expect(header.shard).toBeUndefined();
    // A matrix of more shards than scenarios: a part that got none ran nothing and adds nothing to the merge.
    mkdirSync(join(dir, 'single'));
    writeFileSync(join(dir, 'single', 'a-mug.yaml'), SCENARIOS['a-mug.yaml']!);
    const halves = [1, 2].map((i) => join(dir, `single-${i}`));
    const ranHalves = await Promise.all(halves.map((out, i) => cli(['run', join(dir, 'single'), '--base-url', server.url, '--out', out, '--shard', `${i + 1}/2`, '--workers', '1'])));
    expect(ranHalves.map((r) => r.code)).toEqual([0, 0]);
    expect(read(halves[1]!).scenarios).toEqual([]);
    const withEmpty = await cli(['merge', ...halves, '--out', join(dir, 'merged-single')]);
    expect(withEmpty.code).toBe(0);
    expect(deterministic(read(join(dir, 'merged-single')))).toEqual(deterministic(one).filter((s) => s.name === 'Add a mug'));
    // A part missing (its job failed before it kept its folder) would leave its scenarios out: said, not merged.
    const short = await cli(['merge', join(dir, 'shard-1'), '--out', join(dir, 'short')]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('part 2/2 of the run is missing');
    expect(existsSync(join(dir, 'short', 'report.json'))).toBe(false);
    // Parts of two splits, and a part given twice, are mistakes.
    const thirds = await cli(['run', join(dir, 'scenarios'), '--base-url', server.url, '--out', join(dir, 'third-3'), '--shard', '3/3', '--workers', '1']);
    expect(thirds.code).toBe(0);
    const mixed = await cli(['merge', join(dir, 'shard-1'), join(dir, 'shard-2'), join(dir, 'third-3'), '--out', join(dir, 'mixed')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('is part 3 of 3, but the others are parts of 2');
    const twice = await cli(['merge', join(dir, 'shard-1'), join(dir, 'shard-1'), '--out', join(dir, 'twice')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('are both part 1 of 2');
    // A shard whose scenario lost its artifacts.json: said, where the merge left the scenario out without a word.
    cpSync(join(dir, 'shard-2'), join(dir, 'shard-2-cut'), { recursive: true });
    rmSync(join(dir, 'shard-2-cut', 'scenarios', '04-open-a-shirt', 'artifacts.json'));
    const cut = await cli(['merge', join(dir, 'shard-1'), join(dir, 'shard-2-cut'), '--out', join(dir, 'merged-cut')]);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain(`${join(dir, 'shard-2-cut', 'scenarios', '04-open-a-shirt')} has no artifacts.json`);
    rmSync(join(dir, 'shard-2-cut', 'scenarios', '04-open-a-shirt'), { recursive: true });
    const gone = await cli(['merge', join(dir, 'shard-1'), join(dir, 'shard-2-cut'), '--out', join(dir, 'merged-cut')]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('report.json lists 2 scenarios, but');
  });

  it("judged again: the report keeps the run's start, length, browser and interruption", async () => {
    const copy = join(dir, 'judged');
    cpSync(join(dir, 'one'), copy, { recursive: true });
    const ran = read(copy);
    writeFileSync(join(copy, 'report.json'), JSON.stringify({ ...ran, interrupted: 'SIGINT' }));
    const judged = await cli(['judge', copy]);
    expect(judged.code).toBe(0);
    const again = read(copy);
    expect(deterministic(again)).toEqual(deterministic(one));
    expect(again).toMatchObject({ startedAt: ran.startedAt, durationSeconds: ran.durationSeconds, browser: ran.browser, interrupted: 'SIGINT' });
  });

  describe('on a remote Playwright browser server', () => {
    let browserServer: BrowserServer;
    beforeAll(async () => {
      browserServer = await chromium.launchServer({ executablePath: findBrowser().executablePath, args: chromiumArgs(), host: '127.0.0.1' });
    });
    afterAll(async () => {
      await browserServer?.close();
    });

    it('runs the scenarios as on a local browser', async () => {
      const ran = await cli(['run', join(dir, 'scenarios'), '--base-url', server.url, '--out', join(dir, 'remote'), '--connect', browserServer.wsEndpoint(), '--workers', '2']);
      expect(ran.code).toBe(0);
      const remote = read(join(dir, 'remote'));
      expect(deterministic(remote)).toEqual(deterministic(one));
      expect(remote.browser!.executable).toBe(browserServer.wsEndpoint());
    });

    it('a service that is not there: exit 3, saying which address', async () => {
      const ran = await cli(['run', join(dir, 'scenarios', 'a-mug.yaml'), '--base-url', server.url, '--out', join(dir, 'nowhere'), '--connect', 'ws://127.0.0.1:9/']);
      expect(ran.code).toBe(3);
      expect(ran.stderr).toContain('could not connect to the browser service at ws://127.0.0.1:9/');
      expect(ran.stderr).not.toMatch(/\n\s+at /);
    });
  });

  it('bad values: exit 2, one line each', async () => {
    for (const [args, words] of [
      [['--shard', '3/2'], '--shard "3/2" is not I/N'],
      [['--workers', '0'], '--workers "0" is not a whole number from 1 to 32'],
      [['--connect', 'http://127.0.0.1:3000'], 'is not a ws:// or wss:// address'],
    ] as const) {
      const ran = await cli(['run', join(dir, 'scenarios'), '--base-url', server.url, '--out', join(dir, 'bad'), ...args]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(words);
    }
  });
});
