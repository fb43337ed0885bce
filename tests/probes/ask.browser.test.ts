/**
 * Questions to a page carried as JSON text (src/browser/ask.ts), in real Chromium: on a page that declares a global
 * Map of its own, objects cross both ways, where Playwright's own carrying loses them; and one question asked of a
 * document and of an element in the same run is answered right both times.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, askElement } from '../../src/browser/ask.js';
import { startBrowser } from '../helpers/browser.js';

const STORE_FINDER = `<!doctype html><html><head><script>function Map(el) { this.el = el; }</script></head>
<body><main><h1>Find a store</h1><p id="near">3 stores near you</p></main></body></html>`;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await startBrowser();
  page = await browser.newPage();
});
afterAll(() => browser.close());

/** Words of the element given, or of the page's main when none is (runs in the page: it names nothing outside). */
function wordsOf(el: Element | null, arg?: { upper: boolean }): { words: string[]; upper: boolean } {
  const text = (el ?? document.querySelector('main'))!.textContent!.trim();
  return { words: (arg?.upper ? text.toUpperCase() : text).split(/\s+/), upper: arg?.upper ?? false };
}

describe('questions to a page whose global Map is its own', () => {
  it("Playwright's own carrying loses an object there (what this file works around)", async () => {
    await page.setContent(STORE_FINDER);
    expect(await page.evaluate(() => ({ near: 3 }))).toBeUndefined();
    await expect(page.evaluate((arg) => arg.near, { near: 3 })).rejects.toThrow();
  });

  it('an object argument and an object answer cross both ways, for the document and for an element', async () => {
    await page.setContent(STORE_FINDER);
    expect(await ask(page, (arg: { near: number }) => ({ near: arg.near + 1, list: [arg.near] }), { near: 3 })).toEqual({ near: 4, list: [3] });
    expect(await askElement(page.locator('#near'), wordsOf, { upper: true })).toEqual({ words: ['3', 'STORES', 'NEAR', 'YOU'], upper: true });
  });

  it('an answer that comes later is waited for; undefined stays undefined', async () => {
    await page.setContent(STORE_FINDER);
    expect(await ask(page, () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 50)))).toEqual({ late: true });
    expect(await ask(page, () => undefined)).toBeUndefined();
  });
});

it('one question asked of the document and then of an element is answered right both times', async () => {
  await page.setContent(STORE_FINDER);
  const words = (answer: { words: string[] }) => answer.words.length;
  expect(words(await ask(page, wordsOf, null))).toBe(6);
  expect(words(await askElement(page.locator('#near'), wordsOf))).toBe(4);
  expect(words(await ask(page, wordsOf, null))).toBe(6);
});
