/**
 * In-page instrumentation, added to every page before its own scripts run. It counts what a page does in
 * response to the customer (DOM mutations, scrolling, form changes) so that a tap with no response at all
 * can be told apart from one that worked.
 */

/** Counters kept in the page, read after each tap. */
export interface PageCounters {
  mutations: number;
  scrolls: number;
  changes: number;
}

declare global {
  interface Window {
    __cxShop?: PageCounters;
  }
}

/** Runs in the page (serialised by Playwright): it may only use what a browser has. */
export function installPageWatch(): void {
  if (window.__cxShop) return;
  const counters: PageCounters = { mutations: 0, scrolls: 0, changes: 0 };
  window.__cxShop = counters;
  new MutationObserver((records) => {
    counters.mutations += records.length;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const options = { capture: true, passive: true };
  addEventListener('scroll', () => (counters.scrolls += 1), options);
  for (const type of ['input', 'change', 'toggle']) addEventListener(type, () => (counters.changes += 1), options);
  addEventListener(
    'focusin',
    (event) => {
      const el = event.target as HTMLElement | null;
      // Focusing a field opens the keyboard: that is the page responding.
      if (el && (el.matches('input, textarea, select') || el.isContentEditable)) counters.changes += 1;
    },
    options,
  );
}

export function readCounters(): PageCounters | null {
  return window.__cxShop ? { ...window.__cxShop } : null;
}
