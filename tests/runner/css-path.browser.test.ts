/**
 * PageLib.cssPath with its siblings counted once for a whole reading (`places`, as a snapshot keeps it) gives every
 * element the path it gives one at a time: in a list of many of a kind, among a few siblings of several kinds, in
 * an element with no tag of its kind beside it, and in a component's shadow root of many. Real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { PAGE_LIB_SCRIPT } from '../../src/recorder/install.js';
import { startBrowser } from '../helpers/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PAGE = `<main><h1>Shirts</h1><p>Three kinds</p><p>On sale</p>
  <ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/p/${i}">Shirt ${i}</a><span>£${i}</span><button>Add</button></li>`).join('')}</ul>
  <section><div><em>one</em><b>two</b><em>three</em></div><div id="named"><i>in a named box</i></div></section>
  <card-form></card-form></main>`;

describe('a CSS path with its siblings counted once', () => {
  it('is the path each element has when counted alone, in the page and in a shadow root', async () => {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await page.evaluate(() => {
      const host = document.querySelector('card-form')!;
      const many = Array.from({ length: 20 }, (_, i) => `<span>${i}</span>`).join('');
      host.attachShadow({ mode: 'open' }).innerHTML = `<label for="holder">Name on card</label><input id="holder">${many}<p>c</p>`;
    });
    await page.evaluate(PAGE_LIB_SCRIPT);
    const paths = await page.evaluate(() => {
      const lib = window.__cxShopLib!;
      const host = document.querySelector('card-form')!;
      const all = [...document.querySelectorAll('main *'), ...host.shadowRoot!.querySelectorAll('*')];
      const places = new Map<Element, string>();
      // Backwards, so that an element's siblings are counted after it was first met, not only before.
      const together = [...all].reverse().map((el) => lib.cssPath(el, places)).reverse();
      return { alone: all.map((el) => lib.cssPath(el)), together, counted: places.size };
    });
    // The list of 30 and the shadow root of 23 were counted once; the few siblings elsewhere were walked.
    expect(paths.counted).toBe(30 + 23);
    expect(paths.alone.length).toBeGreaterThan(100);
    expect(paths.together).toEqual(paths.alone);
    expect(paths.alone).toContain('body > main > ul > li:nth-of-type(7) > a');
    expect(paths.alone).toContain('body > main > section > div:nth-of-type(1) > em:nth-of-type(2)');
    expect(paths.alone).toContain('#named > i');
    expect(paths.alone).toContain('span:nth-of-type(20)');
    expect(paths.alone).toContain('p');
  });
});
