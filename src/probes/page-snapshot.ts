/**
 * A snapshot of the page as the customer sees it at the end of a step: the viewport set-up, what can be tapped,
 * how big the text is, the form fields, the images and the links. Runs in the page (serialised by
 * Playwright), so it may only use what a browser has; the rules that judge it are pure functions elsewhere.
 */
import type { Box } from '../runner/artifacts.js';

/** An element as a person would name it (`button "Apply"`), and as a developer would find it (a CSS path). */
export interface ElementRef {
  element: string;
  selector: string;
  text: string;
  /** In document coordinates (scrolling does not change it). */
  box: Box;
}

export interface FieldInfo extends ElementRef {
  tag: string;
  type: string;
  inputMode: string | null;
  autocomplete: string | null;
  name: string;
  /** The accessible label text, or null when the field has none. */
  label: string | null;
  placeholder: string | null;
  /** Whether the field holds a value (the value itself is not kept: it may be a password). */
  filled: boolean;
  /** Which form the field belongs to (index into forms), or -1. */
  form: number;
}

export interface PageSnapshot {
  url: string;
  /** Changes when the page shows something else: used to judge each page state once. */
  signature: string;
  viewport: { width: number; height: number };
  viewportMeta: string | null;
  scrollWidth: number;
  text: { chars: number; legibleChars: number; smallSamples: Array<{ selector: string; text: string; px: number }> };
  /** What can be tapped; `inline` marks links inside running text, which WCAG 2.5.8 exempts from the size rule. */
  targets: Array<ElementRef & { inline: boolean }>;
  /** The elements that stick out furthest past the right edge of the viewport, widest first (at most 3). */
  overflowing: ElementRef[];
  fields: FieldInfo[];
  forms: Array<{ selector: string; visibleFields: number }>;
  images: Array<ElementRef & { src: string; broken: boolean }>;
  links: Array<{ href: string; element: string; selector: string }>;
  /** The visible text of the page, as the customer would read it (at most 20,000 characters). */
  pageText: string;
  /** tel:, mailto: and chat links, and buttons or links that offer a chat: ways to reach a person. */
  contactLinks: string[];
}

/** Text at or above this size counts as legible on a phone (Lighthouse's font-size audit). */
export const LEGIBLE_FONT_PX = 12;

export interface SnapshotOptions {
  legiblePx: number;
  /** CSS selectors of regions left out of the snapshot (third-party widgets the site does not own). */
  exclude: string[];
}

export function takePageSnapshot({ legiblePx, exclude }: SnapshotOptions): PageSnapshot {
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const excluded = (el: Element) => exclude.some((selector) => el.closest(selector) !== null);
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0 && !excluded(el);
  };
  const docBox = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    const round = (n: number) => Math.round(n * 100) / 100;
    return { x: round(r.x + scrollX), y: round(r.y + scrollY), width: round(r.width), height: round(r.height) };
  };
  const cssPath = (el: Element): string => {
    const parts: string[] = [];
    let node: Element | null = el;
    while (node && node !== document.documentElement && parts.length < 5) {
      if (node.id) {
        parts.unshift(`#${CSS.escape(node.id)}`);
        break;
      }
      const tag = node.tagName.toLowerCase();
      const parent: Element | null = node.parentElement;
      const same = parent ? Array.from(parent.children).filter((c) => c.tagName === node!.tagName) : [];
      parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
      node = parent;
    }
    return parts.join(' > ');
  };
  const labelOf = (el: Element): string | null => {
    const aria = el.getAttribute('aria-label');
    if (aria && clean(aria)) return clean(aria);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const text = by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      if (clean(text)) return clean(text);
    }
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) {
      const text = Array.from(labels, (l) => l.textContent).join(' ');
      if (clean(text)) return clean(text);
    }
    const title = el.getAttribute('title');
    return title && clean(title) ? clean(title) : null;
  };
  const roleOf = (el: Element): string => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    const tag = el.tagName.toLowerCase();
    if (tag === 'a') return 'link';
    if (tag === 'button' || tag === 'summary') return 'button';
    if (tag === 'select') return 'combobox';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'input') {
      const type = (el as HTMLInputElement).type;
      if (type === 'checkbox' || type === 'radio') return type;
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      return 'textbox';
    }
    return tag;
  };
  const nameOf = (el: Element) =>
    labelOf(el) ??
    (clean((el as HTMLElement).innerText) ||
      clean((el as HTMLInputElement).value) ||
      clean(el.querySelector('img')?.getAttribute('alt')) ||
      clean((el as HTMLInputElement).placeholder));
  const ref = (el: Element): ElementRef => {
    const name = nameOf(el);
    const role = roleOf(el);
    const isField = role === 'textbox' || role === 'combobox';
    return {
      element: isField && labelOf(el) ? `${role} labelled "${labelOf(el)}"` : `${role}${name ? ` "${name.slice(0, 60)}"` : ''}`,
      selector: cssPath(el),
      text: clean((el as HTMLElement).innerText).slice(0, 80),
      box: docBox(el),
    };
  };

  // The layout viewport: on an emulated phone Chromium widens innerWidth to fit wide content (zooming out).
  const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
  const meta = document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? null;

  let chars = 0;
  let legibleChars = 0;
  const smallSamples: PageSnapshot['text']['smallSamples'] = [];
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const length = (node.textContent ?? '').replace(/\s+/g, '').length;
    if (!parent || length === 0 || !visible(parent) || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
    const px = parseFloat(getComputedStyle(parent).fontSize);
    chars += length;
    if (px >= legiblePx) legibleChars += length;
    else if (smallSamples.length < 5) smallSamples.push({ selector: cssPath(parent), text: clean(node.textContent).slice(0, 60), px });
  }

  const interactive = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="tab"], [onclick]';
  const isInline = (el: Element) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline' || !el.parentElement) return false;
    const around = clean(el.parentElement.textContent).length - clean(el.textContent).length;
    return around > 10;
  };
  const targets = Array.from(document.querySelectorAll(interactive))
    .filter(visible)
    .map((el) => ({ ...ref(el), inline: isInline(el) }));
  const overflowing = Array.from(document.body?.querySelectorAll('*') ?? [])
    .filter((el) => visible(el) && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
    .filter((el, i, all) => !all.slice(0, i).some((outer) => outer.contains(el)))
    .slice(0, 3)
    .map(ref);

  const forms = Array.from(document.forms);
  const fields = Array.from(document.querySelectorAll('input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea'))
    .filter(visible)
    .map((el): FieldInfo => {
      const input = el as HTMLInputElement;
      return {
        ...ref(el),
        tag: el.tagName.toLowerCase(),
        type: el.tagName === 'INPUT' ? input.type : el.tagName.toLowerCase(),
        inputMode: el.getAttribute('inputmode'),
        autocomplete: el.getAttribute('autocomplete'),
        name: `${input.name ?? ''} ${input.id ?? ''}`.trim(),
        label: labelOf(el),
        placeholder: el.getAttribute('placeholder'),
        filled: input.type === 'checkbox' || input.type === 'radio' ? input.checked : Boolean(input.value),
        form: input.form ? forms.indexOf(input.form) : -1,
      };
    });

  const images = Array.from(document.images)
    .filter((img) => visible(img) || (img.complete && img.naturalWidth === 0 && img.getClientRects().length > 0))
    .map((img) => ({ ...ref(img), element: `image${img.alt ? ` "${clean(img.alt)}"` : ''}`, src: img.currentSrc || img.src, broken: img.complete && img.naturalWidth === 0 }));

  const links = Array.from(document.querySelectorAll('a[href]'))
    .filter(visible)
    .map((a) => ({ href: (a as HTMLAnchorElement).href, element: ref(a).element, selector: cssPath(a) }))
    .filter((l) => l.href.startsWith(location.origin));

  const contactLinks = Array.from(document.querySelectorAll('a[href], button'))
    .filter((el) => visible(el))
    .filter((el) => /^(tel|mailto|sms):/i.test(el.getAttribute('href') ?? '') || /\bchat\b|contact us|talk to/i.test(clean((el as HTMLElement).innerText)))
    .map((el) => clean((el as HTMLElement).innerText) || el.getAttribute('href') || '')
    .slice(0, 10);

  return {
    url: location.href,
    pageText: clean(document.body?.innerText).slice(0, 20_000),
    contactLinks,
    signature: `${location.href}|${document.getElementsByTagName('*').length}|${(document.body?.innerText ?? '').length}`,
    viewport,
    viewportMeta: meta,
    scrollWidth: document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
    text: { chars, legibleChars, smallSamples },
    targets,
    overflowing,
    fields,
    forms: forms.map((form) => ({
      selector: cssPath(form),
      visibleFields: fields.filter((f) => f.form === forms.indexOf(form)).length,
    })),
    images,
    links,
  };
}
