/**
 * The empty page a tab cx-shop opens starts on, in real Chromium: the browser runs a context's scripts in it as the tab
 * opens, and the customer does nothing there, so the recorder is not set up in it (that cost every new tab). The
 * site's own pages, a window the site opens and writes into, and a page the site leaves for about:blank are recorded.
 */
import { describe, expect, it } from 'vitest';
import { prepareContext } from '../../src/recorder/install.js';
import { useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

/** Runs in the page: whether cx-shop's recorder is set up in its document. */
const recording = () => (window as unknown as Record<string, unknown>).__cxShopRecorder !== undefined;

describe('the recorder and empty pages', () => {
  it("is not set up in a new tab's first empty page; it is in the site's pages, in a window the site writes into, and on an about:blank the site goes to", async () => {
    const context = await fixtures.browser.newContext();
    try {
      await prepareContext(context, { touch: false }, false);
      const page = await context.newPage();
      expect(page.url()).toBe('about:blank');
      expect(await page.evaluate(recording)).toBe(false);

      await page.goto(`${fixtures.url}/tabs/cart.html`);
      expect(await page.evaluate(recording)).toBe(true);

      // A receipt the site writes into a window of its own (window.open with no address, then document.write).
      const [receipt] = await Promise.all([
        context.waitForEvent('page'),
        page.evaluate(() => {
          const opened = window.open('');
          opened?.document.write('<!doctype html><title>Receipt</title><p>Thank you for your order</p>');
          opened?.document.close();
        }),
      ]);
      expect(receipt.url()).toBe('about:blank');
      await expect.poll(() => receipt.evaluate(recording)).toBe(true);

      // The site sending the tab to an empty page: history behind it, recorded as any other page.
      await page.evaluate(() => {
        location.href = 'about:blank';
      });
      await page.waitForURL('about:blank');
      expect(await page.evaluate(recording)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
