/**
 * The run's memory of axe-core's answers (AccessibilityMemo), on real pages in Chromium: a page state checked once is
 * not checked again, and anything axe-core's answer depends on (markup, shadow content, focus, the device) makes a
 * state of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { checkAccessibility } from '../../src/probes/axe.js';
import { AccessibilityMemo } from '../../src/runner/run-step.js';
import { pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Basket</title></head><body><main>
  <h1>Basket</h1><p style="color:#999;background:#fff">Free delivery over £50</p>
  <label for="code">Promo code</label><input id="code"><button id="apply">Apply</button>
  <div id="host"></div>
</main><script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow text</p>';</script></body></html>`;

const fixtures = useFixtures();
let page: Page;

beforeAll(async () => {
  page = await fixtures.browser.newPage();
  await page.route('**/*', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
});
afterAll(async () => {
  await page?.close();
});

describe('AccessibilityMemo', () => {
  it('checks a page state once and gives the same answer, as a copy, every time after', async () => {
    await page.goto('http://shop.test/basket');
    const memo = new AccessibilityMemo();
    let checks = 0;
    const check = () => ((checks += 1), checkAccessibility(page));
    const first = await memo.of(page, 'Pixel 7', [], check);
    const again = await memo.of(page, 'Pixel 7', [], check);
    expect(checks).toBe(1);
    expect(first.violations.map((v) => v.id)).toContain('color-contrast');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    // The same page loaded again is the same state.
    await page.goto('http://shop.test/basket');
    expect(await memo.of(page, 'Pixel 7', [], check)).toEqual(first);
    expect(checks).toBe(1);
  });

  it('a change of markup, of a shadow root, of focus, of device or of what is left out is a state of its own', async () => {
    await page.goto('http://shop.test/basket');
    const memo = new AccessibilityMemo();
    let checks = 0;
    const check = () => ((checks += 1), checkAccessibility(page));
    await memo.of(page, 'Pixel 7', [], check);
    await memo.of(page, 'iPhone 13', [], check);
    expect(checks).toBe(2);
    await memo.of(page, 'Pixel 7', ['#host'], check);
    expect(checks).toBe(3);
    await page.focus('#code');
    await memo.of(page, 'Pixel 7', [], check);
    expect(checks).toBe(4);
    await page.evaluate(() => (document.querySelector('#host')!.shadowRoot!.innerHTML = '<p>Other shadow text</p>'));
    await memo.of(page, 'Pixel 7', [], check);
    expect(checks).toBe(5);
    await page.evaluate(() => document.querySelector('#apply')!.setAttribute('aria-label', 'Apply the code'));
    await memo.of(page, 'Pixel 7', [], check);
    expect(checks).toBe(6);
  });
});

describe('a run\'s scenarios sharing the memo', () => {
  /** Counts the checks the memo could not answer from what it held. */
  class CountingMemo extends AccessibilityMemo {
    checks = 0;
    override of(page: Page, device: string, exclude: string[], check: () => ReturnType<typeof checkAccessibility>) {
      return super.of(page, device, exclude, () => ((this.checks += 1), check()));
    }
  }

  it('a second scenario through the same page states asks axe-core nothing, and saves the same answers', async () => {
    const yaml = pageScenario('rules', 'dead-tap.html', { steps: '  - name: Show details\n    tap: { role: button, name: Show details }\n    expect: { text: machine washable }\n' });
    const memo = new CountingMemo();
    const first = await fixtures.run(yaml, { memo });
    const checked = memo.checks;
    expect(checked).toBe(2);
    const second = await fixtures.run(yaml, { memo });
    expect(memo.checks).toBe(checked);
    const answers = async (result: { outDir: string }) => (await savedArtifacts(result)).steps.map((step) => step.accessibility);
    expect(await answers(second)).toEqual(await answers(first));
    expect((await answers(first)).every((answer) => answer !== null)).toBe(true);
  });
});
