/**
 * A snapshot of the page as the customer sees it at the end of a step (see artifacts/page.ts). Runs in the page
 * (serialised by Playwright) with the page helpers of recorder/page-lib.ts; the rules that judge it are pure
 * functions elsewhere. It reads the page and changes nothing: no scrolling, no focus.
 */
import type { ElementRef, FieldInfo, PageSnapshot } from '../artifacts/page.js';

export type { ElementRef, FieldInfo, PageSnapshot } from '../artifacts/page.js';

export { LEGIBLE_FONT_PX } from '../rules/support/screen-scale.js';

export interface SnapshotOptions {
  legiblePx: number;
  /** CSS selectors of regions left out of the snapshot (third-party widgets the site does not own). */
  exclude: string[];
}

export function takePageSnapshot({ legiblePx, exclude }: SnapshotOptions): PageSnapshot {
  const lib = window.__cxShopLib;
  if (!lib) throw new Error('the page helpers are not installed');
  // The browser's own collections, not a global of the page's of the same name (see PageLib.natives).
  const { Map, Set } = lib.natives;
  // Most elements of one kind kept (defined here: this function runs in the page): a page that grows without end
  // still gives a snapshot of bounded size.
  const MAX_ITEMS = 2000;
  // Most nodes one look walks: on a page of millions (or one that never stops growing) the snapshot stays a bounded
  // piece of work, reading the first of them, in document order, as the customer meets them.
  const MAX_SCAN = 20_000;
  const elements = Array.from(document.body?.querySelectorAll('*') ?? []).slice(0, MAX_SCAN);
  const { clean } = lib;
  // The open shadow roots of the page's components (a checkout built as a web component): their forms, fields and
  // controls are the customer's as much as the page's own. Not cx-shop's own panel in a guided run.
  const shadows = lib.shadowRoots(MAX_ITEMS);
  const roots: Array<Document | ShadowRoot> = [document, ...shadows];
  const deepAll = (selector: string) => roots.flatMap((root) => Array.from(root.querySelectorAll(selector)));
  /**
   * The element a part of the page sits in as the browser draws it: the slot a component puts it in, or out of a
   * component's shadow root to its host (an accordion component folds what it holds in a box of its shadow root).
   */
  const up = lib.drawnParent;
  // Asked once of each element (several parts of the look ask of the same links and controls): the page does not
  // change while this reads it.
  const visibility = new Map<Element, boolean>();
  const visible = (el: Element) => {
    let known = visibility.get(el);
    if (known === undefined) visibility.set(el, (known = lib.visible(el, exclude)));
    return known;
  };
  /** In a layer fixed to the screen (a cart drawer, a filter panel, a bottom sheet): scrolling never moves it. */
  const fixedLayers = new Map<Element, boolean>();
  const inFixedLayer = (el: Element | null): boolean => {
    if (!el || el === document.body || el === document.documentElement) return false;
    let known = fixedLayers.get(el);
    if (known === undefined) {
      known = getComputedStyle(el).position === 'fixed' || inFixedLayer(up(el));
      fixedLayers.set(el, known);
    }
    return known;
  };
  /**
   * Wholly beyond the screen's right or bottom edge in a fixed layer: a drawer closed off the side
   * (transform: translateX(100%), left: 100vw) or a sheet closed below, whose controls the customer cannot see or
   * reach until it opens. Something further down an ordinary long page is not: the customer scrolls to it.
   */
  const parkedOffScreen = (el: Element, r: DOMRect) => {
    if (!inFixedLayer(el)) return false;
    const width = Math.max(innerWidth, document.documentElement.clientWidth);
    const height = Math.max(innerHeight, document.documentElement.clientHeight);
    return r.left >= width || r.top >= height || r.right <= 0 || r.bottom <= 0;
  };
  /**
   * Folded away: inside a part of the page folded to no height (or width) that clips what overflows it, as a folded
   * accordion's panel (max-height: 0, overflow hidden), which the customer sees none of until they open it. Only up to
   * the nearest part that scrolls and never past a layer positioned on its own (a menu that drops out of its bar), nor
   * the page's body. A frame that shows part of what it holds (a carousel's slide, a ticker's line) folds nothing away:
   * which part it shows depends on when it is looked at.
   */
  const folded = new Map<Element, boolean>();
  const clips = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
  const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
  const foldedAway = (el: Element): boolean => {
    let known = folded.get(el);
    if (known !== undefined) return known;
    const parent = up(el);
    const position = getComputedStyle(el).position;
    if (!parent || parent === document.body || parent === document.documentElement || position === 'fixed' || position === 'absolute') known = false;
    else {
      const style = getComputedStyle(parent);
      if (scrolls(style.overflowX) || scrolls(style.overflowY)) known = false;
      else if (clips(style.overflowX) || clips(style.overflowY)) {
        const box = parent.getBoundingClientRect();
        known = (clips(style.overflowY) && box.height < 1) || (clips(style.overflowX) && box.width < 1) || foldedAway(parent);
      } else known = foldedAway(parent);
    }
    folded.set(el, known);
    return known;
  };
  /**
   * A control or field the customer can come to: drawn, and neither parked beyond the page's top or left edge, where
   * no scrolling reaches (a mailing-list form's anti-spam field at left: -5000px, a skip link until it has the focus),
   * nor in a fixed drawer parked off the screen, nor folded away, nor clipped to a pixel for screen readers only (a
   * "visually hidden" label or link).
   */
  const reachable = (el: Element) => {
    if (!visible(el)) return false;
    const r = el.getBoundingClientRect();
    if (r.right + scrollX <= 0 || r.bottom + scrollY <= 0 || parkedOffScreen(el, r) || foldedAway(el)) return false;
    return r.width > 1 || r.height > 1;
  };
  // Each element's step in a CSS path, its siblings counted once (see PageLib.cssPath): the page does not change while
  // this reads it.
  const places = new Map<Element, string>();
  /** An element, with the box of what shows it (`boxed`: a checkbox's label, see shownAs). */
  const refShownBy = (el: Element, boxed: Element): ElementRef => ({
    element: lib.describe(el),
    selector: lib.cssPath(el, places),
    text: lib.isField(el) ? '' : clean((el as HTMLElement).innerText).slice(0, 80),
    box: lib.pageBox(boxed),
  });
  const ref = (el: Element): ElementRef => refShownBy(el, el);

  // The layout viewport: on an emulated phone Chromium widens innerWidth to fit wide content (zooming out).
  const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
  const meta = document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? null;
  // Bars held at the screen's top and bottom edges, found where they would be (a few points along each edge), not by
  // a walk of the page: at least half the screen wide and less than 40% of it high (a full-screen layer is a dialog,
  // judged as one, not a bar).
  const covered = { top: 0, bottom: 0 };
  for (const [edge, y] of [['top', 1], ['bottom', innerHeight - 2]] as const) {
    for (const x of [innerWidth * 0.1, innerWidth / 2, innerWidth * 0.9]) {
      // What is there, inside a component's shadow root too: a header built as one pins its own box.
      const under = lib.deepAt(x, y);
      const bar = under && lib.pinnedBar(under);
      if (!bar) continue;
      const r = bar.getBoundingClientRect();
      if (r.width < innerWidth / 2 || r.height >= innerHeight * 0.4) continue;
      if (edge === 'top' && r.top <= 1) covered.top = Math.max(covered.top, Math.round(r.bottom));
      if (edge === 'bottom' && r.bottom >= innerHeight - 2) covered.bottom = Math.max(covered.bottom, Math.round(innerHeight - r.top));
    }
  }

  let chars = 0;
  let legibleChars = 0;
  // Text is legible as the screen draws it: a page a phone shows zoomed out (laid out 980 px wide, or wider) draws its
  // 16 px text at 16 px times its scale (see shownScale), as the step's picture shows it. (Chrome on a real phone
  // may enlarge some long paragraphs of such a page, which the emulated phone does not.)
  const shown = Math.min(1, window.visualViewport?.scale ?? 1);
  // The small text that makes up most of it, as samples: the five longest runs, longest first (a menu's "|" and
  // "Home" are small too, but they are not what the customer has to read).
  const smallNodes: Array<{ parent: Element; node: Node; length: number; px: number }> = [];
  /**
   * Text the customer can see, by the element that holds it: drawn, not folded away (see foldedAway), and neither
   * beyond the page's top or left edge nor in a fixed drawer parked off the screen (a menu slid off its left edge,
   * whose links are read once it opens), as a control they can come to is (see reachable).
   */
  const seen = new Map<Element, boolean>();
  const shows = (parent: Element) => {
    let known = seen.get(parent);
    if (known === undefined) {
      known = visible(parent) && !foldedAway(parent);
      if (known) {
        const r = parent.getBoundingClientRect();
        known = !(r.right + scrollX <= 0 || r.bottom + scrollY <= 0 || parkedOffScreen(parent, r));
      }
      seen.set(parent, known);
    }
    return known;
  };
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let walked = 0;
  for (let node = walker.nextNode(); node && walked < MAX_SCAN; node = walker.nextNode(), walked += 1) {
    const parent = node.parentElement;
    const length = (node.textContent ?? '').replace(/\s+/g, '').length;
    if (!parent || length === 0 || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName) || !shows(parent)) continue;
    const px = parseFloat(getComputedStyle(parent).fontSize);
    chars += length;
    if (px * shown >= legiblePx) legibleChars += length;
    else if (smallNodes.length < 200) smallNodes.push({ parent, length, node, px });
  }

  const interactive =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="tab"], [onclick]';
  // WCAG 2.5.8 exempts a link in a sentence, or one whose size the line of text it sits in sets: one with more than a
  // few letters around it that are no link's or control's, or in a short sentence of three words or more with a word
  // that is not a link's ("Or pay online by card."). Separators alone between links ("Privacy · Terms", "Home / Women
  // / Shoes"), a row of links however long their words, and page numbers ("Page 1 2 3 4 5 ›", "1 2 of 5") make no
  // sentence.
  const CONTROL_TEXT = 'a, button, [role="button"], [role="link"]';
  /**
   * The words of a block that are not a link's or a control's: the sentence a link sits in. A row of links (topics,
   * a breadcrumb "Home / Women / Shoes", a footer "Help · Returns | Privacy") has none, however many letters its
   * links spell between them, so the customer still has to hit each small link among its neighbours.
   */
  const ownTexts = new Map<Element, string>();
  // Words set in a block of their own inside it (a product's details in a <p> under its name's link) are on lines of
  // their own: no sentence the link sits in.
  const displays = new Map<Element, string>();
  const inLineOf = (block: Element, el: Element | null | undefined) => {
    for (let n = el; n && n !== block; n = n.parentElement) {
      let display = displays.get(n);
      if (display === undefined) displays.set(n, (display = getComputedStyle(n).display));
      if (!display.startsWith('inline') && display !== 'contents') return false;
    }
    return true;
  };
  // Read once per block: every link of a row of thousands (an endless feed) asks for the same block's words.
  const ownText = (block: Element) => {
    const known = ownTexts.get(block);
    if (known !== undefined) return known;
    const parts: string[] = [];
    const walk = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (!node.parentElement?.closest(CONTROL_TEXT) && inLineOf(block, node.parentElement)) parts.push(node.textContent ?? '');
    }
    const text = parts.join(' ');
    ownTexts.set(block, text);
    return text;
  };
  const letters = (text: string | null) => (text ?? '').replace(/[^\p{L}]/gu, '').length;
  const words = (text: string | null) => (text ?? '').match(/\p{L}+/gu) ?? [];
  /**
   * A short sentence made of the link and the words around it: three words or more, with a word of two letters or
   * more that is not a link's ("Or <a>pay online by card</a>."). The neighbouring links' words do not count, so a
   * label before a row of links ("Topics: Linen Cotton Wool") makes no sentence.
   */
  const shortSentence = (el: Element, around: string) =>
    words(around).some((word) => word.length >= 2) && words(around).length + words(el.textContent).length >= 3;
  const isInline = (el: Element) => {
    // A button styled as a link in the sentence ("Check our <button>size guide</button>") is in it as a link is; one
    // set inline-block (for an animated underline) too, while it is no taller than the line it sits in.
    const parent = el.parentElement;
    if (!el.matches('a, button, [role="link"], [role="button"]') || !parent) return false;
    const { display } = getComputedStyle(el);
    if (display !== 'inline') {
      // Set inline-block (as a button is by default), it is in a sentence only in a line of text: a paragraph's or a
      // list item's own words around it, no taller than their line.
      if (display !== 'inline-block' && display !== 'inline-flex') return false;
      if (!parent.matches('p, li, dd, td, figcaption, small, span, em, strong, b, i')) return false;
      const style = getComputedStyle(parent);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
      if (el.getBoundingClientRect().height > line + 2) return false;
      const ownWords = [...parent.childNodes].map((node) => (node.nodeType === Node.TEXT_NODE ? node.textContent : '')).join(' ');
      return letters(ownWords) > 10 || (ownWords.match(/\p{L}{2,}/gu) ?? []).length >= 2;
    }
    const around = ownText(parent);
    return letters(around) > 10 || shortSentence(el, around);
  };
  // Held in place on the screen as the page scrolls (a sticky header, a bottom bar): what lies next to it in the
  // page depends on where the customer stopped scrolling.
  const pinnedBoxes = new Map<Element, boolean>();
  const pinned = (el: Element | null): boolean => {
    if (!el || el === document.body || el === document.documentElement) return false;
    let known = pinnedBoxes.get(el);
    if (known === undefined) {
      const position = getComputedStyle(el).position;
      known = position === 'fixed' || position === 'sticky' || pinned(up(el));
      pinnedBoxes.set(el, known);
    }
    return known;
  };
  const targets = deepAll(interactive)
    // A tick box or radio the page hides under its label (a colour swatch, a size pill) is tapped on the label: it is
    // measured there, as the label the customer can reach.
    .filter((el) => reachable(el) || (el.matches('input[type="checkbox"], input[type="radio"]') && lib.shownAs(el) !== el && reachable(lib.shownAs(el))))
    .slice(0, MAX_ITEMS)
    // Its box is what a finger can tap: a checkbox's label too (see shownAs).
    .map((el) => ({
      ...refShownBy(el, lib.shownAs(el)),
      inline: isInline(el),
      ...((el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true' ? { disabled: true as const } : {}),
      ...(pinned(el) ? { pinned: true as const } : {}),
    }));

  // Still working: ARIA says so, a progress bar without a value, a spinner by its class or id, or a short line such
  // as "Loading…" or "Taking payment…" (a link or button that says so is not a sign of work, "Continue reading…",
  // unless it cannot be pressed while it says so: a disabled "Paying…" is the page at work).
  const BUSY_NAME = /(^|[-_\s])(spinner|loader|loading|throbber)([-_\s]|$)/i;
  /** A short line that says the page is working. */
  const saysWorking = (text: string) => text.length > 0 && text.length <= 40 && lib.saysWorking(text);
  const busyElements: Element[] = [];
  for (const el of elements) {
    if (busyElements.length >= 5) break;
    const unpressable = el.tagName === 'BUTTON' && (el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true');
    if (!unpressable && ['SCRIPT', 'STYLE', 'IMG', 'A', 'BUTTON', 'OPTION'].includes(el.tagName)) continue;
    let working = false;
    if (unpressable) working = saysWorking(clean((el as HTMLElement).innerText));
    else if (el.getAttribute('aria-busy') === 'true') working = true;
    else if (el.matches('[role="progressbar"], progress')) working = !el.hasAttribute('aria-valuenow') && !el.hasAttribute('value');
    else if (BUSY_NAME.test(`${typeof el.className === 'string' ? el.className : ''} ${el.getAttribute('id') ?? ''}`)) working = true;
    else if (el.childElementCount === 0 || el.getAttribute('role') === 'status') working = saysWorking(clean(el.textContent));
    if (working && visible(el) && !busyElements.some((outer) => outer.contains(el))) busyElements.push(el);
  }
  const busy = busyElements.map(ref);
  // What sticks out of the page's width: past its right edge, or past its left edge on a right-to-left page, whose
  // sideways scroll runs to the left. Something inside a box that clips or scrolls it (a ticker in its bar, a table
  // in its own scrolling wrapper) widens nothing: the box is what counts, if it sticks out itself.
  // Something parked past the other edge (a skip link at left: -9999px until it has focus) is none the customer meets;
  // a bar fixed to the screen follows the screen's width, which a page too wide has already stretched.
  const pageWidth = document.documentElement.clientWidth;
  const rightToLeft = getComputedStyle(document.body ?? document.documentElement).direction === 'rtl';
  const beyond = (el: Element) => {
    const r = el.getBoundingClientRect();
    return rightToLeft ? -(r.left + scrollX) : r.right + scrollX - pageWidth;
  };
  const held = (el: Element) => {
    for (let parent = el.parentElement; parent && parent !== document.body && parent !== document.documentElement; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== 'visible') return true;
    }
    return false;
  };
  const sticking = (seen: (el: Element) => boolean) =>
    elements
      // (Whether it sticks out asked first: one box, where being seen asks for its style too, of every element.)
      .filter((el) => beyond(el) > 1 && seen(el) && !held(el) && !inFixedLayer(el))
      // How far, read once more for the few that do, not at each comparison of the sort.
      .map((el) => ({ el, by: beyond(el) }))
      .sort((a, b) => b.by - a.by)
      .map(({ el }) => el)
      .filter((el, i, all) => !all.slice(0, i).some((outer) => outer.contains(el)))
      .slice(0, 3)
      .map(ref);
  // What the customer sees sticking out; else what widens the page unseen (a menu hidden by visibility, which keeps
  // its place in the layout), so the finding still says what makes the page wide.
  // (Looked for again only on a page wider than its screen: on the others nothing widens it, and the walk is not made twice.)
  const seenSticking = sticking(visible);
  const wide = (document.scrollingElement ?? document.documentElement).scrollWidth > pageWidth + 1;
  const overflowing = seenSticking.length > 0 || !wide ? seenSticking : sticking((el) => el.getBoundingClientRect().width > 0);

  const forms = deepAll('form') as HTMLFormElement[];
  const fieldSelector =
    'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea';
  const allFields = deepAll(fieldSelector);
  const fieldElements = allFields.filter(reachable).slice(0, MAX_ITEMS);
  // Fields in no <form> (a single-page app's checkout, built with a button that sends them by script) are one form
  // to the customer all the same: grouped by the nearest part of the page that holds a button of its own, one that
  // belongs to no single field (a Continue or a Save; not a field's "show password", "clear" or "find address").
  // Worked out once, and only on a page with such fields: each element's count of fields under it, walked up from
  // each field; then every part holding a button of its own, walked up from each such button.
  const formless = fieldElements.some((el) => !(el as HTMLInputElement).form);
  const fieldsUnder = new Map<Element, number>();
  const holdsOwnButton = new Set<Element>();
  if (formless) {
    for (const field of allFields) {
      for (let n = up(field); n && n !== document.body; n = up(n)) fieldsUnder.set(n, (fieldsUnder.get(n) ?? 0) + 1);
    }
    const buttons = deepAll('button, input[type="submit"], input[type="button"], [role="button"]').filter(visible).slice(0, MAX_ITEMS);
    for (const button of buttons) {
      // A field's own button: the nearest part around it with fields in it holds that one field only.
      let near = up(button);
      while (near && near !== document.body && !fieldsUnder.has(near)) near = up(near);
      if (near && near !== document.body && fieldsUnder.get(near) === 1) continue;
      for (let n = up(button); n && n !== document.body && !holdsOwnButton.has(n); n = up(n)) holdsOwnButton.add(n);
    }
  }
  const partOf = (field: Element): Element => {
    for (let n = up(field); n && n !== document.body; n = up(n)) {
      if (holdsOwnButton.has(n) || n.matches('[role="form"], [role="dialog"], dialog')) return n;
    }
    return document.body;
  };
  // What the customer is asked, per form or part: a group of radio buttons is one question, however many choices, and
  // so is a group of tick boxes (a filter's colours, "Which topics interest you?"): boxes of one name, or of one
  // fieldset or group.
  const questionOf = (el: Element): unknown => {
    const input = el as HTMLInputElement;
    if (input.type === 'radio' && input.name) return `radio ${input.name}`;
    const tick = input.type === 'checkbox' || el.getAttribute('role') === 'checkbox';
    if (!tick) return el;
    if (input.type === 'checkbox' && input.name) return `checkbox ${input.name}`;
    return el.closest('fieldset, [role="group"]') ?? el;
  };
  const asked = new Map<Element, Set<unknown>>();
  for (const el of fieldElements) {
    const input = el as HTMLInputElement;
    if (!input.form && input.type === 'search') continue;
    const group = input.form ?? partOf(el);
    if (!asked.has(group)) asked.set(group, new Set());
    asked.get(group)!.add(questionOf(el));
  }
  // Where the customer types words (not a box to tick, a list to pick from or a date picker), and how many such fields
  // share each form or part: in a form of several, a field whose only visible hint is its placeholder leaves the
  // customer guessing which was which once they have typed. A search (one field, or a "what" and a "where") is no
  // form to fill in: its fields share nothing.
  const typing = (el: Element) => el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && ['text', 'email', 'tel', 'url', 'password', 'number', 'search'].includes((el as HTMLInputElement).type));
  const typingGroups = new Map<Element, Element>();
  const typingIn = new Map<Element, number>();
  for (const el of fieldElements) {
    if (!typing(el) || el.closest('[role="search"], search')) continue;
    const group = (el as HTMLInputElement).form ?? partOf(el);
    typingGroups.set(el, group);
    typingIn.set(group, (typingIn.get(group) ?? 0) + 1);
  }
  /**
   * Whether the customer can see the field's label: a <label> of its own or the element its aria-labelledby names,
   * drawn, not parked off the page and not clipped away for screen readers only. An aria-label or a title is never
   * seen.
   */
  const labelShown = (el: Element): boolean => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const named = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => root.getElementById(id));
    return [...Array.from((el as HTMLInputElement).labels ?? []), ...named].some((label) => {
      if (!label || !reachable(label)) return false;
      const r = label.getBoundingClientRect();
      return r.width > 2 && r.height > 2 && !lib.clippedAway(label);
    });
  };
  // The frame every page of a site shares: its header, footer, navigation, sidebars and menus. A header or footer of
  // an article or a section inside the content is the content's own.
  const FRAME = 'header, footer, nav, aside, [role="banner"], [role="contentinfo"], [role="navigation"], [role="complementary"], [role="menu"], [role="menubar"]';
  const MAIN = 'main, [role="main"]';
  const inFrame = (el: Element): boolean => {
    if (el.closest(MAIN)) return false;
    const frame = el.closest(FRAME);
    return frame !== null && !(frame.matches('header, footer') && frame.parentElement?.closest('article, section'));
  };
  const fields = fieldElements
    .map((el): FieldInfo => {
      const input = el as HTMLInputElement;
      const checkable = input.type === 'checkbox' || input.type === 'radio';
      const group = typingGroups.get(el);
      return {
        ...ref(el),
        tag: el.tagName.toLowerCase(),
        type: el.tagName === 'INPUT' ? input.type : el.tagName.toLowerCase(),
        inputMode: el.getAttribute('inputmode'),
        autocomplete: el.getAttribute('autocomplete'),
        name: `${input.name ?? ''} ${input.id ?? ''}`.trim(),
        label: lib.labelOf(el),
        labelShown: labelShown(el),
        placeholder: el.getAttribute('placeholder'),
        typingPeers: group ? typingIn.get(group)! - 1 : 0,
        filled: checkable ? input.checked : Boolean(input.value),
        length: checkable || el.tagName === 'SELECT' ? 0 : String(input.value ?? '').length,
        form: input.form ? forms.indexOf(input.form) : -1,
        inFrame: inFrame(el),
      };
    });

  /**
   * Whether a picture is an advertisement's: in a sponsored link, an ad network's slot, or a part of the page whose
   * class or id names it an ad ("ad", "advert", "ad-slot", "sponsored"), a few levels up at most.
   */
  const advert = (img: Element): boolean => {
    if (img.closest('a[rel~="sponsored"], ins.adsbygoogle, [data-ad-slot], [data-ad-unit], [id^="div-gpt-ad"], [id^="google_ads"]')) return true;
    for (let n: Element | null = img, depth = 0; n && n !== document.body && depth < 5; n = n.parentElement, depth += 1) {
      const words = `${n.getAttribute('id') ?? ''} ${typeof n.className === 'string' ? n.className : ''}`.toLowerCase().split(/[\s_-]+/);
      if (words.some((word) => ['ad', 'ads', 'advert', 'adverts', 'advertisement', 'adslot', 'adunit', 'sponsored'].includes(word))) return true;
    }
    return false;
  };
  const tiny = (img: HTMLImageElement) => {
    const r = img.getBoundingClientRect();
    return r.width <= 2 && r.height <= 2;
  };
  const images = Array.from(document.images)
    .filter((img) => visible(img) || (img.complete && img.naturalWidth === 0 && img.getClientRects().length > 0 && !exclude.some((s) => img.closest(s))))
    .slice(0, MAX_ITEMS)
    .map((img) => ({
      ...ref(img),
      element: `image${img.alt ? ` "${clean(img.alt)}"` : ''}`,
      src: img.currentSrc || img.src,
      // A picture asked for: an empty src (a lazy loader's placeholder) reads as the page's own address but asks
      // for nothing, and leaves currentSrc empty.
      // A pixel of a pixel or two (a tracker's 1×1 image) is no picture the customer could miss.
      broken: img.complete && img.naturalWidth === 0 && Boolean(img.currentSrc || (img.getAttribute('src') && img.src)) && !tiny(img),
      advert: advert(img),
    }));

  // Described only once chosen: a feed of thousands of links gives the first MAX_ITEMS of the site's own. A
  // component's links too: a header or footer drawn as a web component holds the site's links in its shadow root.
  // The page's own content first, then its frame's (a menu of forty categories, a footer), each in the page's order:
  // the links the customer came to this page for are asked about before those every page repeats.
  const allLinks = (deepAll('a[href]') as HTMLAnchorElement[]).filter((a) => a.href.startsWith(location.origin) && visible(a));
  const links = [...allLinks.filter((a) => !inFrame(a)), ...allLinks.filter(inFrame)]
    .slice(0, MAX_ITEMS)
    .map((a) => ({ href: a.href, element: lib.describe(a), selector: lib.cssPath(a, places), box: lib.pageBox(a) }));

  // A way to a person: an app link, or words that lead to one ("Contact", "Customer service", "Chat with us"), in a
  // link's or button's text or its name (a chat bubble: an icon button "Open Intercom Messenger", or a chat service's
  // frame titled "Button to launch messaging window").
  const TO_A_PERSON = /\bchat\b|\bcontact\b|talk to|speak to|get in touch|customer (service|care|support)|message us|call us|email us|messenger\b|messaging window/i;
  const contactLinks = deepAll('a[href], button, [role="button"], iframe[title]')
    .filter(visible)
    .map((el) => ({ el, words: clean(`${(el as HTMLElement).innerText ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`) }))
    .filter(({ el, words }) => /^(tel|mailto|sms):/i.test(el.getAttribute('href') ?? '') || TO_A_PERSON.test(words))
    .map(({ el, words }) => words || el.getAttribute('href') || '')
    .slice(0, 10);

  // What the customer reads: the page's text and its components' (a toast or a checkout step inside a shadow root).
  const bodyText = shadows.length > 0 ? `${document.body?.innerText ?? ''}\n${lib.shadowText(shadows)}` : (document.body?.innerText ?? '');
  // What the page itself says, without the frame around it (a footer's "Printing your returns label" help link): the
  // <main> the customer reads, or without one the visible text outside the frame, in the page's order.
  const mainElement = Array.from(document.querySelectorAll(MAIN)).find(visible) as HTMLElement | undefined;
  const textOutsideFrame = (): string => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest('script, style, noscript, template') || inFrame(parent)) continue;
      if (!parent.checkVisibility()) continue;
      parts.push(node.textContent);
    }
    return parts.join(' ');
  };
  const mainText = clean(mainElement ? mainElement.innerText : textOutsideFrame()).slice(0, 20_000);
  const inShadows = shadows.reduce((sum, root) => sum + root.querySelectorAll('*').length, 0);
  return {
    url: location.href,
    pageText: clean(bodyText).slice(0, 20_000),
    mainText,
    contactLinks,
    // A picture that breaks as the customer scrolls (a lazy loader swapping in an address that fails) adds no element
    // and no text: the broken ones are counted too, so the page is judged again. So is a part unfolded by a style (an
    // accordion's panel given its height): the text it holds was in the page's all along, but now it shows (see foldedAway).
    signature: `${location.href}|${document.getElementsByTagName('*').length + inShadows}|${bodyText.length}|${images.filter((image) => image.broken).length}|${chars}`,
    viewport,
    viewportMeta: meta,
    scrollWidth: document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
    scroll: { x: Math.round(scrollX), y: Math.round(scrollY) },
    covered,
    text: {
      chars,
      legibleChars,
      smallSamples: [...smallNodes]
        .sort((a, b) => b.length - a.length)
        .slice(0, 5)
        .map(({ parent, node, px }) => ({ selector: lib.cssPath(parent, places), text: clean(node.textContent).slice(0, 60), px })),
    },
    targets,
    overflowing,
    busy,
    fields,
    forms: [
      ...forms.map((form) => ({ selector: lib.cssPath(form, places), visibleFields: asked.get(form)?.size ?? 0 })),
      ...[...asked].filter(([group]) => !forms.includes(group as HTMLFormElement)).map(([part, questions]) => ({ selector: lib.cssPath(part, places), visibleFields: questions.size })),
    ],
    images,
    links,
  };
}
