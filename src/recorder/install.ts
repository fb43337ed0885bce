/**
 * Prepares a browser context for recording: the page helpers and the in-page recorder in every document, before
 * the page's own scripts, and the binding that carries the recorder's events out of the page.
 */
import type { BrowserContext, Page } from 'playwright';
import { installSpeedProbes } from '../probes/speed.js';
import { recordInPage, type PageEvent, type RecorderOptions } from './in-page.js';
import { pageLib } from './page-lib.js';
import { DEAD_TAP_WINDOW_MS } from '../artifacts/types.js';
import { deliver } from './recorder.js';
import { inPageScript } from './parties.js';
import { exposeJsonBinding } from '../browser/ask.js';

const RECORDER_OPTIONS: Omit<RecorderOptions, 'hover'> = {
  responseWindowMs: DEAD_TAP_WINDOW_MS,
  noisyWindowMs: 2500,
  nearPx: 400,
};

/** The page helpers alone, for a document that has none yet (one opened before the context was prepared). */
export const PAGE_LIB_SCRIPT = `window.__cxShopLib = window.__cxShopLib || (${pageLib.toString()})();`;

/**
 * The empty document a tab opened by cx-shop starts on, before its first address: the browser runs a context's
 * scripts in it as the tab opens, and the customer does nothing there. Setting the recorder up in it cost about 30 ms
 * of every new tab (240 ms against 210 ms to open one on a phone). A tab or window the site opens has an opener, and a
 * document the site leaves for about:blank has history behind it: both are recorded as any other. Its `return` leaves
 * the closure inPageScript puts the recorder's script in.
 */
const FIRST_BLANK = "window === window.top && !window.opener && history.length === 1 && location.href === 'about:blank'";

/**
 * Readies a context's pages for recording, before the first opens: the recorder and the page helpers, and the speed
 * probes unless `timed` is false (a context whose timing nobody reads: a replay made only to try something).
 */
export async function prepareContext(context: BrowserContext, device: { touch: boolean }, timed = true): Promise<void> {
  const options: RecorderOptions = { ...RECORDER_OPTIONS, hover: !device.touch };
  await exposeJsonBinding<PageEvent>(context, '__cxShopRecord', ({ page, frame }, event) => deliver(page, event, frame === page.mainFrame() ? null : frame));
  await context.addInitScript({
    content: inPageScript(`if (${FIRST_BLANK}) return;\n${PAGE_LIB_SCRIPT}\nconst record = () => (${recordInPage.toString()})(window.__cxShopLib, ${JSON.stringify(options)}, record);\nrecord();`),
  });
  if (timed) await installSpeedProbes(context);
}

/** Makes sure the page helpers are in the page's current document; says what kind of document it is (its MIME type). */
export async function ensurePageLib(page: Page): Promise<string> {
  return page.evaluate<string>(`${PAGE_LIB_SCRIPT}\ndocument.contentType`);
}
