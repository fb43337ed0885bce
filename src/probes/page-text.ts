/**
 * The visible text of part of a page as the customer reads it, with the size each run of text is shown at.
 * Runs in the page (serialised by Playwright), so it may only use what a browser has.
 */

import type { DocumentLink } from '../artifacts/types.js';

export interface PageText {
  /** The element's text as rendered (innerText): block elements on lines of their own, hidden text left out. */
  text: string;
  /**
   * Each visible run of text in document (reading) order, with its computed font size in CSS px, and where it is set
   * across the page (its left and right edges in CSS px): a column beside another is told apart by it.
   */
  items: Array<{ text: string; fontSize: number; left: number; right: number }>;
  /** Visible links to a web page, an email address or a phone number, with the words they show. */
  links: DocumentLink[];
  /**
   * Labels set over their values in a table's header row, with one row of values under it (an invoice's band of
   * "Invoice number | Invoice date | Due date | Amount due"): each label with its value, "Invoice date 8 March 2025".
   * The text reads such a band as a line of labels, then a line of values, which pairs neither.
   */
  pairs: string[];
  /** The language the page declares for the invoice (its `lang`, on the invoice's part or the whole page), or ''. */
  lang: string;
}

/**
 * Reads the visible text of `root`; with no root, of the page's invoice as the customer reads it: its `main`, with the
 * page's own header and footer around it (the seller's name above, how to pay and the thanks below) and the side
 * column beside it (an aside that holds the amount due and a Pay button), never their menus; the whole `body` when the
 * page has no `main`. A window open over the page (a modal dialog the invoice opened in) is all the customer reads:
 * the page behind it is out of reach. An invoice that is a picture in main (a scan) is that picture alone. What a web
 * component draws in its open shadow root is read as the page's own. Pass it to `page.evaluate(pageText)` or
 * `locator.evaluate(pageText)`.
 */
export function pageText(root?: Element | null): PageText {
  // The browser's own collections, not a global of the page's of the same name (see PageLib.natives).
  const { Map, Set } = window.__cxShopLib?.natives ?? window;
  const AROUND = 'header, footer, aside, [role="banner"], [role="contentinfo"], [role="complementary"]';
  const MENUS = 'nav, [role="navigation"], [role="menu"], [role="menubar"]';
  if (!root) {
    // The topmost window open over the page: a <dialog> opened with showModal(), or one that says it is modal.
    const windows = Array.from(document.querySelectorAll('dialog[open], [role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]')).filter(
      (el) => (el.matches('dialog') ? el.matches(':modal') : true) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
    );
    root = windows.at(-1) ?? null;
  }
  const main = root ? null : document.querySelector('main');
  const around = main
    ? Array.from(document.querySelectorAll(AROUND)).filter((el) => !main.contains(el) && !el.contains(main) && !el.parentElement?.closest(AROUND))
    : [];
  // An invoice that is a picture in the page's main (a scan shown as an image), with next to no words of its own: the
  // picture is the invoice, and the words of the page around it are not its text (see TEXT_WORDS in
  // invoice-analysis.ts, which names such an invoice for what it is).
  const pictured =
    main !== null &&
    ((main as HTMLElement).innerText ?? '').split(/\s+/).filter((word) => /\p{L}|\d/u.test(word)).length < 10 &&
    Array.from(main.querySelectorAll('img, canvas, object, embed, svg')).some((picture) => {
      const box = picture.getBoundingClientRect();
      return box.width >= 200 && box.height >= 200;
    });
  const parts = root
    ? [root]
    : main
      ? pictured
        ? [main]
        : [...around, main].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      : [document.body];
  /**
   * Left out of the header, footer and side column around the invoice: the site's menus, and in a side column a list
   * that is only links (an account's "Orders, Addresses, Payment methods"), which is a menu too.
   */
  const menus = new Map<Element, Element[]>();
  const menusOf = (part: Element): Element[] => {
    if (part === main || part === root) return [];
    let found = menus.get(part);
    if (!found) {
      const linkList = (list: Element) =>
        list.children.length > 0 && Array.from(list.children).every((item) => {
          const link = item.querySelector('a[href]');
          return link !== null && (item.textContent ?? '').trim() === (link.textContent ?? '').trim();
        });
      const lists = part.matches('aside, [role="complementary"]') ? Array.from(part.querySelectorAll('ul, ol')).filter(linkList) : [];
      found = [...Array.from(part.querySelectorAll(MENUS)), ...lists];
      menus.set(part, found);
    }
    return found;
  };
  const inMenu = (el: Element, part: Element) => menusOf(part).some((menu) => menu.contains(el));
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE']);
  const visible = (el: Element): boolean => {
    if (skip.has(el.tagName)) return false;
    // checkVisibility covers display:none, content-visibility and visibility:hidden on the element or above.
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) return false;
    return el.getClientRects().length > 0;
  };
  const lines = (rendered: string) => rendered.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);

  const items: PageText['items'] = [];
  const range = document.createRange();
  const textLines: string[] = [];
  const links: DocumentLink[] = [];
  const pairs: string[] = [];
  const cellTexts = (cells: HTMLTableCellElement[]) => cells.map((cell) => (cell.innerText ?? '').replace(/\s+/g, ' ').trim());
  /** A table of a header row of labels (words, no figures) over one row of values, cell for cell: its pairs. */
  const band = (table: HTMLTableElement): string[] => {
    const rows = Array.from(table.rows).filter(visible);
    if (rows.length !== 2) return [];
    const [head, values] = rows.map((row) => Array.from(row.cells)) as [HTMLTableCellElement[], HTMLTableCellElement[]];
    if (head.length < 2 || head.length !== values.length || [...head, ...values].some((cell) => cell.colSpan !== 1)) return [];
    const labels = cellTexts(head);
    if (!labels.every((label) => /\p{L}/u.test(label) && !/\d/.test(label))) return [];
    const shown = cellTexts(values);
    return labels.flatMap((label, i) => (shown[i] ? [`${label} ${shown[i]}`] : []));
  };
  const read = (scope: Element | ShadowRoot, part: Element) => {
    const shadows: ShadowRoot[] = [];
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const inner = (node as Element).shadowRoot;
        if (inner) shadows.push(inner);
        continue;
      }
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (!text || !parent || !visible(parent) || inMenu(parent, part)) continue;
      const fontSize = Number.parseFloat(getComputedStyle(parent).fontSize) || 0;
      range.selectNodeContents(node);
      const { left, right } = range.getBoundingClientRect();
      items.push({ text, fontSize: Math.round(fontSize * 100) / 100, left: Math.round(left), right: Math.round(right) });
    }
    const blocks = scope instanceof ShadowRoot ? Array.from(scope.children).filter(visible) : [scope];
    const menuLines = new Set(scope.nodeType === Node.ELEMENT_NODE ? menusOf(part).filter((menu) => scope.contains(menu)).flatMap((menu) => lines((menu as HTMLElement).innerText ?? '')) : []);
    for (const block of blocks) {
      const rendered = block instanceof HTMLElement ? block.innerText : (block.textContent ?? '');
      textLines.push(...lines(rendered).filter((line) => !menuLines.has(line)));
    }
    // A button-like "Pay online" says where only in its address: the invoice rules read that too.
    for (const a of Array.from(scope.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
      if (/^(?:https?|mailto|tel):/i.test(a.href) && visible(a) && !inMenu(a, part)) links.push({ text: (a.innerText || a.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim(), href: a.href });
    }
    for (const table of Array.from(scope.querySelectorAll('table'))) if (visible(table) && !inMenu(table, part)) pairs.push(...band(table));
    for (const inner of shadows) read(inner, part);
  };
  for (const part of parts) read(part, part);
  const lang = (main ?? parts[0]!).closest('[lang]')?.getAttribute('lang')?.trim() ?? '';
  return { text: textLines.join('\n'), items, links, pairs, lang };
}
