/**
 * `cx-shop record`'s browser side: a window on the device, opened at the address, where a person does the journey
 * while the page reports each act (see in-page.ts). Ends when `until` settles or the window is closed.
 */
import type { Browser, Page } from 'playwright';
import { deviceProfile } from '../runner/run-scenario.js';
import { PAGE_LIB_SCRIPT } from '../recorder/install.js';
import { recordActsInPage, type RecordedAct } from './in-page.js';
import { inPageScript, isSitePage } from '../recorder/parties.js';
import { exposeJsonBinding } from '../browser/ask.js';
import { closeContext } from '../browser/close.js';
import { SECRET_FIELD_WORDS } from '../scenario/secret-fields.js';

export interface RecordOptions {
  device: string;
  testIdAttribute: string;
  /** Recording ends when this settles (the person pressed Enter, or Ctrl-C). */
  until: Promise<unknown>;
  /** Called with the page once it is open (a test's second driver acts on it). */
  onPage?: (page: Page) => void | Promise<void>;
}

export async function recordJourney(browser: Browser, url: string, options: RecordOptions): Promise<RecordedAct[]> {
  const { profile } = deviceProfile(options.device);
  const context = await browser.newContext(profile);
  const acts: RecordedAct[] = [];
  try {
    // The person's acts in every tab they act in: a tab a tap of theirs opened is where the journey goes on (a run
    // follows it). Closing such a tab is their going back from it (a run's `back` closes a tab with no history).
    const actedIn = new WeakSet<Page>();
    await exposeJsonBinding<RecordedAct>(context, '__cxShopRecordAct', ({ page }, act) => {
      // The empty tab a window starts on is no page of the journey.
      if (!isSitePage(act.url)) return;
      actedIn.add(page);
      acts.push(act);
    });
    context.on('page', async (tab) => {
      const opener = await tab.opener().catch(() => null);
      tab.once('close', () => {
        if (actedIn.has(tab) && opener && !opener.isClosed()) acts.push({ kind: 'document', how: 'back_forward', url: opener.url(), t: Date.now() });
      });
    });
    await context.addInitScript({
      content: inPageScript(`${PAGE_LIB_SCRIPT}\n(${recordActsInPage.toString()})(window.__cxShopLib, ${JSON.stringify({ testIdAttribute: options.testIdAttribute, secretWords: SECRET_FIELD_WORDS.source })});`),
    });
    const first = await context.newPage();
    await first.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await options.onPage?.(first);
    await Promise.race([options.until, new Promise((resolve) => first.once('close', resolve))]);
    // What is still in a field the person was typing into when they stopped.
    if (!first.isClosed()) await first.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    await closeContext(context);
  }
  return acts;
}
