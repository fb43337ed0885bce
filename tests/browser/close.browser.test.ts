/**
 * Closing a context whose page keeps going elsewhere by itself (two fixture pages that send the customer to each other
 * by script), in real Chromium: cx-shop stops the page before the close, so nothing of the site's can hold the close
 * (a listener for the page hiding did, on such a page, in 3 of 16 closes). The stall itself comes and goes; what is
 * asserted is that the page no longer moves once stopped, which the close depends on.
 */
import { setTimeout as pause } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { closeContext, closePage, stopPages } from '../../src/browser/close.js';
import { useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

/** A page on the two pages' loop, with how many documents it has arrived at so far. */
async function onTheLoop() {
  const context = await fixtures.browser.newContext();
  const page = await context.newPage();
  let arrivals = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) arrivals += 1;
  });
  await page.goto(`${fixtures.url}/hostile/signing-in.html?stay=200`, { waitUntil: 'commit' });
  await pause(500);
  return { context, page, arrivals: () => arrivals };
}

describe('closing a context cx-shop opened', () => {
  it('stops a page that keeps going elsewhere: no document arrives after it, and the context then closes', async () => {
    const { context, page, arrivals } = await onTheLoop();
    // The loop runs: a page every 200 ms or so, each waiting on its timer most of that time.
    expect(arrivals()).toBeGreaterThan(1);
    // The stop closePage and closeContext both begin with.
    await stopPages(context.pages());
    const stoppedAt = arrivals();
    await pause(500);
    expect(arrivals()).toBe(stoppedAt);
    await closeContext(context);
    expect(page.isClosed()).toBe(true);
  });

  it('closes one tab on the loop (going back from a tab a tap opened), the context and its other tab left open', async () => {
    const { context, page } = await onTheLoop();
    const other = await context.newPage();
    await closePage(page);
    expect(page.isClosed()).toBe(true);
    expect(context.pages()).toEqual([other]);
    await closeContext(context);
  });

  it('closes a context whose page was already closed, and one already closed, without throwing', async () => {
    const context = await fixtures.browser.newContext();
    await (await context.newPage()).close();
    await closeContext(context);
    // Closed: it opens no page any more.
    await expect(context.newPage()).rejects.toThrow(/closed/);
    await expect(closeContext(context)).resolves.toBeUndefined();
  });
});
