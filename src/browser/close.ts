/**
 * Closing a browser context cx-shop opened (a scenario's, a variant try's, a guided shopper's, a recording's) and its
 * tabs, without letting the site's pages hold the close.
 *
 * Chromium runs a page's handlers for the page hiding as its context closes. On a page that keeps going elsewhere by
 * itself (two pages sending the customer to each other), a `visibilitychange` listener (analytics scripts add one, so
 * does web-vitals, which cx-shop puts in every page) could hold that close for good: 3 of 16 closes (9 of 16 with
 * web-vitals' alone) had not ended after 15 s, none of 80 with the pages stopped first. The customer has left:
 * nothing the page still does is measured, so its loading and its scripts are stopped before the context goes.
 */
import type { BrowserContext, Page } from 'playwright';
import { timed } from '../limits.js';
import { devtoolsOf } from './devtools.js';

/** How long the pages get to stop their scripts: a frozen page's never answers, and is closed all the same. */
const STOP_PAGES_MS = 1_000;

/** Most time a close may take: closing a context whose page froze can wait for ever. */
const CLOSE_MS = 10_000;

/** Closes the context, its pages stopped first; never throws, gives up after 10 s (see run.ts for the browser). */
export async function closeContext(context: BrowserContext): Promise<void> {
  await stopPages(context.pages());
  await timed(context.close(), CLOSE_MS).catch(() => undefined);
}

/** Closes one tab (the customer going back from a tab a tap opened), stopped first; never throws, gives up after 10 s. */
export async function closePage(page: Page): Promise<void> {
  await stopPages([page]);
  await timed(page.close(), CLOSE_MS).catch(() => undefined);
}

/**
 * Stops what the pages still do by themselves: the navigation under way, then their scripts (so no new one
 * begins), then one more question to the page, answered once the renderer has taken both in. In this order, 0 of 40
 * closes after it stalled; stopping the scripts first and the loading then, 2 of 16 still did (the loading had
 * already moved to the next document). Either step fails harmlessly on a page between two documents.
 */
export async function stopPages(pages: readonly Page[]): Promise<void> {
  await timed(Promise.all(pages.map(stopPage)), STOP_PAGES_MS).catch(() => undefined);
}

async function stopPage(page: Page): Promise<void> {
  if (page.isClosed()) return;
  const session = await devtoolsOf(page).catch(() => null);
  if (!session) return;
  await session.send('Page.stopLoading').catch(() => undefined);
  await session.send('Emulation.setScriptExecutionDisabled', { value: true }).catch(() => undefined);
  await session.send('Runtime.evaluate', { expression: '0' }).catch(() => undefined);
}
