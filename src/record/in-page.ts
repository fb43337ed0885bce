/**
 * The part of `cx-shop record` that runs in the page: it watches a person's own taps, typing, choices and key
 * presses, and for each element they acted on works out how a scenario can find it again, in the customer's terms
 * first (role and name, label, placeholder, visible text), a test id or a CSS path only when nothing else is unique
 * on the page. It sends each act out through a binding; a typed value goes out once, when the field is left.
 * Serialised by Playwright.
 */
import type { PageLib } from '../recorder/page-lib.js';

export type RecordedLocator = { role?: string; name?: string; label?: string; placeholder?: string; text?: string; testId?: string; css?: string; exact?: boolean };

/** One thing the person did, as the page saw it. */
export type RecordedAct = { t: number; url: string } & (
  | { kind: 'tap'; locator: RecordedLocator; words: string }
  | { kind: 'type'; locator: RecordedLocator; words: string; value: string; secret: boolean }
  | { kind: 'select'; locator: RecordedLocator; words: string; option: string }
  | { kind: 'check'; locator: RecordedLocator; words: string; checked: boolean }
  | { kind: 'press'; key: string }
  | { kind: 'document'; how: string }
);

declare global {
  interface Window {
    /** Takes each act as JSON text (see browser/ask.ts). */
    __cxShopRecordAct?: (act: string) => void;
  }
}

export function recordActsInPage(lib: PageLib, options: { testIdAttribute: string; secretWords: string }): void {
  if (window !== window.top || (window as unknown as { __cxShopActs?: boolean }).__cxShopActs) return;
  (window as unknown as { __cxShopActs?: boolean }).__cxShopActs = true;
  const send = (act: Record<string, unknown>) => {
    try {
      const sent: unknown = lib.plainJson(() => window.__cxShopRecordAct?.(JSON.stringify({ ...act, t: Date.now(), url: location.href } as RecordedAct)));
      // Told by its catch, not by the global Promise, which a page may have replaced with a library's.
      if (typeof (sent as Promise<unknown> | undefined)?.catch === 'function') (sent as Promise<unknown>).catch(() => undefined);
    } catch {
      // A page that replaced the binding loses the recording, not its own behaviour.
    }
  };
  // Sign-in, card, one-time code and bank fields, in English, German, French and Spanish (see SECRET_FIELD_WORDS).
  const SECRET = new RegExp(options.secretWords, 'i');
  const visibleAll = (selector: string) => Array.from(document.querySelectorAll(selector)).filter((el) => lib.visible(el));
  const ownText = (el: Element) => lib.clean((el as HTMLElement).innerText);

  /** Ways to find `el` again, each with whether it finds only `el` among what the person can see. */
  const locatorFor = (el: Element): RecordedLocator => {
    const field = lib.isField(el);
    const role = lib.roleOf(el);
    const candidates: Array<[RecordedLocator, () => Element[]]> = [];
    const name = lib.nameOf(el);
    if (field) {
      const label = lib.labelOf(el);
      if (label) candidates.push([{ label, exact: true }, () => visibleAll('input, select, textarea, [role="textbox"], [role="combobox"], [contenteditable="true"]').filter((x) => lib.labelOf(x) === label)]);
      const placeholder = lib.clean(el.getAttribute('placeholder'));
      if (placeholder) candidates.push([{ placeholder, exact: true }, () => visibleAll('[placeholder]').filter((x) => lib.clean(x.getAttribute('placeholder')) === placeholder)]);
    }
    if (name && name.length <= 80 && !['generic', 'div', 'span', 'a', 'p', 'li', 'td'].includes(role)) {
      candidates.push([{ role, name, exact: true }, () => visibleAll('*').filter((x) => lib.roleOf(x) === role && lib.nameOf(x) === name)]);
    }
    const text = field ? '' : ownText(el);
    if (text && text.length <= 60) {
      // Playwright's text locator finds the smallest element holding the words: count those.
      candidates.push([{ text, exact: true }, () => visibleAll('body *').filter((x) => ownText(x) === text && !Array.from(x.children).some((c) => ownText(c) === text))]);
    }
    for (const [locator, matches] of candidates) {
      const found = matches();
      if (found.length === 1 && (found[0] === el || el.contains(found[0]!) || found[0]!.contains(el))) return locator;
    }
    const testId = el.closest(`[${options.testIdAttribute}]`)?.getAttribute(options.testIdAttribute);
    if (testId && document.querySelectorAll(`[${options.testIdAttribute}=${JSON.stringify(testId)}]`).length === 1) return { testId };
    return { css: lib.cssPath(el) };
  };
  /** How to find the element again, and what to call it in the step's name: worked out once (it scans the page). */
  const found = (el: Element) => {
    const locator = locatorFor(el);
    const words = locator.name ?? locator.label ?? locator.placeholder ?? locator.text ?? (locator.testId ? `test id ${locator.testId}` : lib.describe(el));
    return { locator, words };
  };

  const isTextField = (el: Element) =>
    (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'range', 'color'].includes(el.type)) ||
    el instanceof HTMLTextAreaElement ||
    (el as HTMLElement).isContentEditable;
  const sent = new WeakMap<Element, string>();
  const sendTyped = (el: Element) => {
    const value = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : lib.clean((el as HTMLElement).innerText);
    if (sent.get(el) === value) return;
    sent.set(el, value);
    const secret = (el instanceof HTMLInputElement && el.type === 'password') || SECRET.test(`${lib.fieldWords(el)} ${el.getAttribute('autocomplete') ?? ''}`);
    send({ kind: 'type', ...found(el), value, secret });
  };

  addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || !(event.target instanceof Element) || event.target.closest('[data-cx-shop-own]')) return;
      const el = lib.control(event.target);
      // Typing, choices and ticks are recorded as such; a click that only puts the caret in a field is part of typing.
      if (isTextField(el) || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))) return;
      if (el instanceof HTMLLabelElement && el.control) return;
      send({ kind: 'tap', ...found(el) });
    },
    { capture: true },
  );
  addEventListener(
    'change',
    (event) => {
      const el = event.target;
      if (!event.isTrusted || !(el instanceof Element)) return;
      if (el instanceof HTMLSelectElement) {
        send({ kind: 'select', ...found(el), option: lib.clean(el.selectedOptions[0]?.textContent) || el.value });
      } else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        send({ kind: 'check', ...found(el), checked: el.checked });
      } else if (isTextField(el)) sendTyped(el);
    },
    { capture: true },
  );
  addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      const el = document.activeElement;
      if (event.key === 'Enter' && el && !(el instanceof HTMLTextAreaElement)) {
        if (isTextField(el)) sendTyped(el);
        send({ kind: 'press', key: 'Enter' });
      } else if (event.key === 'Escape') send({ kind: 'press', key: 'Escape' });
    },
    { capture: true },
  );
  const announce = () => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    send({ kind: 'document', how: entry?.type ?? 'navigate' });
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', announce, { once: true });
  else announce();
  // A single-page app's new page: a route the page pushes (its address changes, no new document).
  const push = history.pushState;
  history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    const before = location.href;
    const result = push.apply(this, args);
    if (location.href !== before) send({ kind: 'document', how: 'route' });
    return result;
  };
  addEventListener('popstate', () => send({ kind: 'document', how: 'back_forward' }));
}
