/**
 * The run's memory of axe-core's answers (AccessibilityMemo), on real pages in Chromium: a page state checked once is
 * not checked again, and anything axe-core's answer depends on (markup, shadow content, focus, the device) makes a
 * state of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { checkAccessibility } from '../../src/probes/axe.js';
import { AccessibilityMemo } from '../../src/runner/run-step.js';
import { startBrowser } from '../helpers/browser.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Basket</title></head><body><main>
  <h1>Basket</h1><p style="color:#999;background:#fff">Free delivery over £50</p>
  <label for="code">Promo code</label><input id="code"><button id="apply">Apply</button>
  <div id="host"></div>
</main><script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow text</p>';</script></body></html>`;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await startBrowser();
  page = await browser.newPage();
  await page.route('**/*', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
});
afterAll(async () => {
  await browser?.close();
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
