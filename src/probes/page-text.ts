/**
 * The visible text of part of a page as the customer reads it, with the size each run of text is shown at.
 * Runs in the page (serialised by Playwright), so it may only use what a browser has.
 */

import type { DocumentLink } from '../artifacts/types.js';

export interface PageText {
  /** The element's text as rendered (innerText): block elements on lines of their own, hidden text left out. */
  text: string;
  /** Each visible run of text in document (reading) order, with its computed font size in CSS px. */
  items: Array<{ text: string; fontSize: number }>;
  /** Visible links to a web page, an email address or a phone number, with the words they show. */
  links: DocumentLink[];
}

/**
 * Reads the visible text of `root`, or of the page's `main` (else `body`) when no root is given.
 * Pass it to `page.evaluate(pageText)` or `locator.evaluate(pageText)`.
 */
export function pageText(root?: Element | null): PageText {
  const scope = root ?? document.querySelector('main') ?? document.body;
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE']);
  const visible = (el: Element): boolean => {
    if (skip.has(el.tagName)) return false;
    // checkVisibility covers display:none, content-visibility and visibility:hidden on the element or above.
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) return false;
    return el.getClientRects().length > 0;
  };
  const items: PageText['items'] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || !visible(parent)) continue;
    const fontSize = Number.parseFloat(getComputedStyle(parent).fontSize) || 0;
    items.push({ text, fontSize: Math.round(fontSize * 100) / 100 });
  }
  const rendered = scope instanceof HTMLElement ? scope.innerText : (scope.textContent ?? '');
  const text = rendered
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  // A button-like "Pay online" says where only in its address: the invoice rules read that too.
  const links = Array.from(scope.querySelectorAll<HTMLAnchorElement>('a[href]'))
    .filter((a) => /^(?:https?|mailto|tel):/i.test(a.href) && visible(a))
    .map((a) => ({ text: (a.innerText || a.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim(), href: a.href }));
  return { text, items, links };
}
