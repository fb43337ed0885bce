/**
 * The HTML report in real Chromium: it opens from disk, asks for nothing over the network, runs none of the markup
 * or script a site put in its strings, passes axe-core, outlines each finding's element on the step's picture, and
 * its filters work from the keyboard.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from '../../src/probes/axe.js';
import { renderHtml } from '../../src/reporters/html/render.js';
import type { Report } from '../../src/report/types.js';
import { startBrowser } from '../helpers/browser.js';
import { finding, report, scenario, step } from '../helpers/report.js';

const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><a href="javascript:window.__pwned=3">x</a>"'&`;

/** A picture of a page 400 × 900 CSS px: white, with a dark button at (40, 600). */
function screenshot(dir: string, path: string): void {
  const png = new PNG({ width: 400, height: 900 });
  png.data.fill(255);
  for (let y = 600; y < 648; y++) for (let x = 40; x < 240; x++) png.data.set([30, 30, 30, 255], (y * 400 + x) * 4);
  mkdirSync(join(dir, 'scenarios', '01-x'), { recursive: true });
  writeFileSync(join(dir, path), PNG.sync.write(png));
}

function hostileReport(dir: string): Report {
  const path = 'scenarios/01-x/02-pay.png';
  screenshot(dir, path);
  const pay = step(`Pay ${HOSTILE}`, 12, [
    { ...finding('dead-tap', 'high', `button "${HOSTILE}"`, `Tapping ${HOSTILE} did nothing`), evidence: { element: `button "${HOSTILE}"`, box: { x: 40, y: 600, width: 200, height: 48 }, measured: HOSTILE, threshold: 'an answer' } },
    { ...finding('small-text', 'medium', 'p "fine print"'), area: 'mobile' },
    { ...finding('vague-error', 'low', 'p "Error"'), area: 'forms' },
  ]);
  pay.screenshot = path;
  pay.picture = { width: 400, height: 900, offset: { x: 0, y: 0 } };
  pay.effortBreakdown = { mental: 4, pointing: 2, keystrokes: 2, keyboardSwitches: 0, homing: 0, scrolling: 1, reading: 1, recovery: 2 };
  pay.recovery = [{ rule: 'dead-tap', what: 'wait, then tap again', seconds: 2 }];
  const run = report([scenario(`Check out ${HOSTILE}`, [step('Open', 3), pay])]);
  run.scenarios[0]!.reason = HOSTILE;
  return run;
}

let browser: Browser;
let page: Page;
const requests: string[] = [];
const dialogs: string[] = [];
let dir: string;

beforeAll(async () => {
  browser = await startBrowser();
  dir = mkdtempSync(join(tmpdir(), 'cx-shop-html-'));
  writeFileSync(join(dir, 'report.html'), renderHtml(hostileReport(dir), { outDir: dir }));
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
});
afterAll(async () => {
  await browser?.close();
});

describe('the HTML report', () => {
  it('opens from disk and asks for nothing but itself; its pictures are inline', () => {
    expect(requests.filter((url) => !url.startsWith('data:'))).toEqual([pathToFileURL(join(dir, 'report.html')).href]);
  });

  it('runs none of the markup or script in the strings, which show as text; only its own script is there', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(1);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await expect.poll(() => page.locator('#scenario-1-title').textContent()).toBe(`Check out ${HOSTILE}`);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-[^']+'/);
  });

  it('passes axe-core with no violations', async () => {
    const result = await checkAccessibility(page);
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('outlines the finding\'s element where it is on the picture, numbered as in the list', async () => {
    const frame = await page.locator('.frame').boundingBox();
    const outline = await page.locator('.outline.high').boundingBox();
    expect(frame && outline).toBeTruthy();
    // The button is at 10%..60% of the width and 600/900 of the height of the page picture.
    expect((outline!.x - frame!.x) / frame!.width).toBeCloseTo(0.1, 1);
    expect((outline!.y - frame!.y) / frame!.height).toBeCloseTo(600 / 900, 1);
    expect(await page.locator('.outline.high .tag').textContent()).toBe('1');
    expect(await page.locator('.finding').first().textContent()).toContain('outline 1');
  });

  it('stacks the step\'s effort by operator, recovery apart', async () => {
    const rects = page.locator('#step-1-2 svg.chart rect');
    expect(await rects.count()).toBe(6);
    expect(await page.locator('#step-1-2 .legend').textContent()).toContain('recovery forced by friction 2.0 s');
  });

  it('filters findings by severity and rule from the keyboard, and says how many it shows', async () => {
    expect(await page.locator('.finding[data-severity="high"]').isVisible()).toBe(true);
    expect(await page.locator('.outline.high').isVisible()).toBe(true);
    await page.locator('input[name="severity"][value="high"]').focus();
    await page.keyboard.press('Space');
    expect(await page.locator('.finding[data-severity="high"]').isHidden()).toBe(true);
    expect(await page.locator('.outline.high').isHidden()).toBe(true);
    expect(await page.locator('#filter-count').textContent()).toBe('Showing 2 of 3 findings.');
    await page.keyboard.press('Space');
    await page.locator('#rule-filter').selectOption('small-text');
    expect(await page.locator('#filter-count').textContent()).toBe('Showing 1 of 3 findings.');
    await page.locator('#rule-filter').selectOption('');
    expect(await page.locator('#filter-count').textContent()).toBe('Showing all 3 findings.');
  });

  it('prints without its filters', async () => {
    expect(await page.locator('.filters').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isHidden()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});
