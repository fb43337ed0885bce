/**
 * Helpers that run inside the page: how a customer would name an element, where it is, how a developer would find
 * it. Installed once per document as `window.__cxShopLib` (see install.ts) and used by the recorder, the page
 * snapshot and the locator suggestions, so that every part of cx-shop names an element the same way. Serialised
 * by Playwright: it may only use what a browser has.
 */
import type { Box } from '../artifacts/types.js';

export interface PageLib {
  clean(text: string | null | undefined): string;
  /**
   * Shown to the customer: has a box, not hidden, not transparent (or being faded in: see FADE_IN_WITHIN_MS), not
   * inside an excluded region.
   */
  visible(el: Element, exclude?: readonly string[]): boolean;
  /** An animation's keyframe effect, told by what it does (a page may replace the global KeyframeEffect); null for none. */
  keyframesOf(animation: Animation): KeyframeEffect | null;
  /**
   * Clipped away for screen readers only (a "visually hidden" label, a live region that says "7 results available"):
   * a clip rect on a positioned box, or clip-path inset(50%), on the element or, with `up`, its nearest ancestors.
   */
  clippedAway(el: Element, up?: number): boolean;
  /** Box in the viewport, rounded to 0.01 px. */
  viewBox(el: Element): Box;
  /** Box in document coordinates, rounded to 0.01 px. */
  pageBox(el: Element): Box;
  /**
   * The nearest box that holds the element on the screen as the page scrolls (fixed or sticky: a header, an "Add to
   * bag" bar, a toast), out of components' shadow roots too; null for one that scrolls with the page.
   */
  pinnedBar(el: Element): Element | null;
  /** What holds the element in the tree as the browser draws it: the slot it is put in, its parent, or its shadow root's host. */
  drawnParent(el: Element): Element | null;
  /**
   * What lies under the customer's finger at a point of the screen: inside components' shadow roots (kept closed ones
   * too, see keepClosedRoot), not their host, which is all the document's own elementFromPoint says.
   */
  deepAt(x: number, y: number): Element | null;
  /**
   * The boxes of the page's own that a swipe at the middle of the screen scrolls: those that scroll up and down and
   * hold what lies there as the browser draws it (through slots and shadow roots), innermost first; a list in a box of
   * its own, an app's shell whose page never scrolls. Not the page.
   */
  swipedBoxes(): Element[];
  /**
   * A CSS selector of the element: from its nearest ancestor with an id, at most five steps. `places`, kept by a
   * caller for one reading of a page that changes nothing meanwhile (a snapshot), holds each element's step once its
   * siblings have been counted: counting them for each element made a list of 400 cards take a snapshot 95 ms.
   */
  cssPath(el: Element, places?: Map<Element, string>): string;
  /**
   * Calls one of cx-shop's bindings (which carry what the page saw out of it, as JSON) as if the page had left arrays'
   * JSON alone: an old library's Array.prototype.toJSON (Prototype.js) makes the browser refuse every call.
   */
  plainJson<T>(call: () => T): T;
  /**
   * The browser's own collections, as they were when the helpers arrived (before the page's scripts, see
   * inPageScript): for cx-shop's code run in the page later, where a global of the page's may stand in their place.
   */
  natives: {
    Map: MapConstructor;
    Set: SetConstructor;
    WeakMap: WeakMapConstructor;
    WeakSet: WeakSetConstructor;
    Element: typeof Element;
    /** The browser's idle callbacks, for cx-shop's own (its speed probes'): the recorder counts the page's. */
    idle: { request: typeof requestIdleCallback; cancel: typeof cancelIdleCallback } | null;
  };
  roleOf(el: Element): string;
  /** The label a field is given (label element, aria-label, aria-labelledby, title), never its placeholder. */
  labelOf(el: Element): string | null;
  isField(el: Element): boolean;
  /** The accessible name of a control as the customer reads it: its label, its words, or the picture standing for it. */
  nameOf(el: Element): string;
  /** The element in the customer's words: `button "Apply"`, `textbox labelled "Email"`, `link to /cart`. */
  describe(el: Element): string;
  /** The control a tap on `el` works: the link, button or field around it, else `el` itself. */
  control(el: Element): Element;
  /**
   * What the customer sees of a control and aims at: the control itself, or its label when the label is what they
   * tap: for one drawn invisibly under its label (a colour swatch, a radio styled as a pill), and for a checkbox,
   * radio or switch whose label is larger (a tap on "Keep me signed in" ticks the box).
   */
  shownAs(el: Element): Element;
  /** The words that say what a field is for: name, id, autocomplete, labels, placeholder. */
  fieldWords(el: Element): string;
  /** Reddish text, or text on a strong red box: how many pages mark an error without saying so in markup. */
  looksRed(el: Element): boolean;
  /** A computed colour that is a clear red, at least half opaque (a red border, outline or ring). */
  isRed(colour: string): boolean;
  /** Words that say the page is working on something: "Loading", "Please wait", "Taking payment…". */
  saysWorking(text: string): boolean;
  /**
   * The open shadow roots of the page's components, nested ones too, in document order (a checkout or a gift-card
   * box built as a web component); not cx-shop's own panel in a guided run. At most `max`. With `closed`, the closed
   * ones too that the page attached once the recorder was in it (see keepClosedRoot): what a picture paints over.
   */
  shadowRoots(max?: number, closed?: boolean): ShadowRoot[];
  /** Keeps a closed shadow root the page attached, which its host does not give (el.shadowRoot is null). */
  keepClosedRoot(host: Element, root: ShadowRoot): void;
  /** The words the customer sees inside those roots: `document.body.innerText` leaves them out. */
  shadowText(roots: readonly ShadowRoot[]): string;
}

export function pageLib(): PageLib {
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  // A page's own global named CSS (an old `var CSS = { load() {…} }`) takes the browser's place: the browser's is kept
  // from before the page's scripts run. Where the page came first, an id is named by its attribute instead.
  const css = typeof CSS === 'object' && CSS !== null && typeof CSS.escape === 'function' ? CSS : null;
  const plainJson = <T,>(call: () => T): T => {
    const own = Object.getOwnPropertyDescriptor(Array.prototype, 'toJSON');
    if (!own?.configurable) return call();
    delete (Array.prototype as { toJSON?: unknown }).toJSON;
    try {
      return call();
    } finally {
      Object.defineProperty(Array.prototype, 'toJSON', own);
    }
  };
  const supportsColour = (colour: string): boolean => {
    if (css) return css.supports('color', colour);
    const style = document.createElement('i').style;
    style.color = colour;
    return style.color !== '';
  };
  const round = (n: number) => Math.round(n * 100) / 100;
  const CONTROLS =
    'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"], [role="checkbox"], ' +
    '[role="radio"], [role="tab"], [role="menuitem"], [role="option"], [role="switch"], [onclick], [contenteditable="true"]';
  const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'listbox', 'spinbutton', 'checkbox', 'radio', 'slider', 'switch']);

  const clippedAway = (el: Element, up = 0) => {
    for (let n: Element | null = el, depth = 0; n && depth <= up; n = n.parentElement, depth += 1) {
      const style = getComputedStyle(n);
      if ((style.position === 'absolute' || style.position === 'fixed') && style.clip.startsWith('rect')) return true;
      if (/inset\(\s*(50|100)%/.test(style.clipPath)) return true;
    }
    return false;
  };

  /**
   * How soon a transparent element must start to fade in to count as shown: as soon as a short timer of the page's
   * runs (see in-page.ts). A toast fading in (a transition under way, an animation that waits a moment before it
   * starts) is the answer the customer reads, however fast the machine got to the end of the step; one set to fade in
   * seconds later is not there yet.
   */
  const FADE_IN_WITHIN_MS = 1000;
  /**
   * An animation's keyframes, null for one without: told by what its effect does, not by the global KeyframeEffect,
   * which a page's script (an old Web Animations polyfill) may have replaced.
   */
  const keyframesOf = (animation: Animation): KeyframeEffect | null => {
    const effect = animation.effect as KeyframeEffect | null;
    return typeof effect?.getKeyframes === 'function' ? effect : null;
  };
  /** Transparent now, with an animation or transition under way that ends with it showing, starting soon. */
  const fadingIn = (el: Element): boolean =>
    typeof el.getAnimations === 'function' &&
    el.getAnimations().some((animation) => {
      const effect = keyframesOf(animation);
      if (animation.playState !== 'running' || !effect) return false;
      const ends = effect.getKeyframes().filter((frame) => frame.opacity !== undefined && frame.opacity !== null).at(-1);
      if (!ends || !(Number(ends.opacity) > 0)) return false;
      // Still waiting out its delay: how long until it starts.
      const timing = effect.getComputedTiming();
      return Number(timing.delay ?? 0) - Number(timing.localTime ?? 0) <= FADE_IN_WITHIN_MS;
    });
  /** What holds `el` in the tree as the browser draws it: the slot it is put in, its parent, or its shadow root's host. */
  const drawnParent = (el: Element): Element | null => el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
  /** A container of `el` at opacity 0, not fading in. */
  const transparentAbove = (el: Element): boolean => {
    for (let n = drawnParent(el); n; n = drawnParent(n)) if (Number(getComputedStyle(n).opacity) === 0 && !fadingIn(n)) return true;
    return false;
  };
  const visible = (el: Element, exclude: readonly string[] = []) => {
    const boxed = el.getClientRects().length > 0;
    const style = getComputedStyle(el);
    if (!boxed) {
      // An element drawn with display: contents (a framework's wrapper) has no box of its own: what it holds shows.
      if (style.display !== 'contents') return false;
      const range = document.createRange();
      range.selectNodeContents(el);
      if (range.getClientRects().length === 0) return false;
    }
    // One question to the browser for a box, true for most elements: drawn (not skipped), and neither it nor any
    // container fully transparent. Only when it says no is it asked which.
    const drawn = boxed && typeof el.checkVisibility === 'function' ? el.checkVisibility({ opacityProperty: true }) : true;
    // Content the browser skips drawing: a panel folded away with hidden="until-found" (content-visibility: hidden)
    // still has boxes, but the customer sees none of it until they open it or find it.
    if (!drawn && !el.checkVisibility()) return false;
    if (style.visibility === 'hidden' || (Number(style.opacity) === 0 && !fadingIn(el))) return false;
    // Inside a container drawn fully transparent (a notification area or a menu kept in the page at opacity 0): the
    // customer sees none of it, unless that container is fading in; looked at one by one only when the browser said
    // something is transparent (or for an element with no box of its own).
    if ((!boxed || !drawn) && transparentAbove(el)) return false;
    // A region left out holds what is in its components' shadow roots too (a chat widget built as one).
    return !exclude.some((selector) => {
      try {
        for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) if (n.matches(selector)) return true;
        return false;
      } catch {
        return false;
      }
    });
  };
  // Through the slot it is put in: a bar built as a component holds what it shows in its own fixed box.
  const pinnedBar = (el: Element): Element | null => {
    for (let n: Element | null = el; n && n !== document.body && n !== document.documentElement; n = drawnParent(n)) {
      if (/^(fixed|sticky)$/.test(getComputedStyle(n).position)) return n;
    }
    return null;
  };
  const viewBox = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) };
  };
  const pageBox = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { x: round(r.x + scrollX), y: round(r.y + scrollY), width: round(r.width), height: round(r.height) };
  };
  /** An element's step in a CSS path: its tag, and its place among the siblings of its kind when it has any. */
  const stepOf = (node: Element, before: number, alone: boolean): string => {
    const tag = node.tagName.toLowerCase();
    return alone ? tag : `${tag}:nth-of-type(${before + 1})`;
  };
  /** Siblings few enough to count for each element: counting them all once costs more than that. */
  const FEW_SIBLINGS = 16;
  /** The steps of a parent's children, each counted once (see cssPath's `places`). */
  const placeSiblings = (siblings: HTMLCollection, places: Map<Element, string>): void => {
    const kinds = new Map<string, number>();
    for (const sibling of siblings) kinds.set(sibling.tagName, (kinds.get(sibling.tagName) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const sibling of siblings) {
      const before = seen.get(sibling.tagName) ?? 0;
      seen.set(sibling.tagName, before + 1);
      places.set(sibling, stepOf(sibling, before, kinds.get(sibling.tagName) === 1));
    }
  };
  const cssPath = (el: Element, places?: Map<Element, string>): string => {
    const parts: string[] = [];
    let node: Element | null = el;
    while (node && node !== document.documentElement && parts.length < 5) {
      const id = node.getAttribute('id');
      if (id) {
        parts.unshift(css ? `#${css.escape(id)}` : `[id=${JSON.stringify(id)}]`);
        break;
      }
      // A component's shadow root is a parent too, as the walk below counts its children.
      const parent = node.parentNode as ParentNode | null;
      const place = places?.get(node);
      if (place) parts.unshift(place);
      else if (places && parent && parent.childElementCount > FEW_SIBLINGS) {
        placeSiblings(parent.children, places);
        parts.unshift(places.get(node)!);
      } else {
        // Its place among the siblings of its kind, counted by walking them: copying the parent's children for each
        // element made a list of thousands of links (an endless feed) take minutes to describe.
        let before = 0;
        for (let s = node.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === node.tagName) before += 1;
        let after = false;
        for (let s = node.nextElementSibling; s && before === 0 && !after; s = s.nextElementSibling) after = s.tagName === node.tagName;
        parts.unshift(stepOf(node, before, before === 0 && !after));
      }
      node = node.parentElement;
    }
    return parts.join(' > ');
  };
  const roleOf = (el: Element): string => {
    const explicit = clean(el.getAttribute('role')).split(' ')[0];
    if (explicit) return explicit;
    const tag = el.tagName.toLowerCase();
    if (tag === 'a') return el.hasAttribute('href') ? 'link' : 'a';
    if (tag === 'button' || tag === 'summary') return 'button';
    if (tag === 'select') return (el as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'img') return 'img';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'input') {
      const type = (el as HTMLInputElement).type;
      if (type === 'checkbox' || type === 'radio') return type;
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'range') return 'slider';
      if (type === 'number') return 'spinbutton';
      if (type === 'search') return 'searchbox';
      return 'textbox';
    }
    if ((el as HTMLElement).isContentEditable) return 'textbox';
    return tag;
  };
  const labelOf = (el: Element): string | null => {
    const aria = clean(el.getAttribute('aria-label'));
    if (aria) return aria;
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      // Ids name elements of the same tree: a component's own shadow root, or the document.
      const root = el.getRootNode() as Document | ShadowRoot;
      const find = (id: string) => ('getElementById' in root ? root.getElementById(id) : document.getElementById(id));
      const text = clean(by.split(/\s+/).map((id) => find(id)?.textContent ?? '').join(' '));
      if (text) return text;
    }
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) {
      const text = clean([...labels].map((l) => (l as HTMLElement).innerText || l.textContent).join(' '));
      if (text) return text;
    }
    const title = clean(el.getAttribute('title'));
    return title || null;
  };
  const isField = (el: Element) => FIELD_ROLES.has(roleOf(el)) || el.matches('input:not([type="button"]):not([type="submit"]):not([type="reset"]):not([type="image"]), select, textarea');
  /** The name of a control that is not a field: what it says, or the picture or title that stands for it. */
  const nameOf = (el: Element): string => {
    const aria = labelOf(el);
    if (aria) return aria;
    const text = clean((el as HTMLElement).innerText);
    if (text) return text;
    const tag = el.tagName.toLowerCase();
    if (tag === 'input') return clean((el as HTMLInputElement).value) || clean(el.getAttribute('alt'));
    if (tag === 'img') return clean(el.getAttribute('alt'));
    return (
      clean(el.querySelector('img[alt]')?.getAttribute('alt')) ||
      clean(el.querySelector('svg title')?.textContent) ||
      clean(el.querySelector('[aria-label]')?.getAttribute('aria-label'))
    );
  };
  const describe = (el: Element): string => {
    const role = roleOf(el);
    if (isField(el)) {
      const label = labelOf(el);
      if (label) return `${role} labelled "${label.slice(0, 60)}"`;
      const placeholder = clean(el.getAttribute('placeholder'));
      if (placeholder) return `${role} with placeholder "${placeholder.slice(0, 60)}"`;
      const name = clean(el.getAttribute('name')) || el.getAttribute('id');
      return name ? `${role} named "${name}"` : role;
    }
    const name = nameOf(el);
    if (name) return `${role} "${name.slice(0, 60)}"`;
    if (role === 'link') {
      const href = (el as HTMLAnchorElement).href;
      try {
        const url = new URL(href);
        return `link to ${url.origin === location.origin ? url.pathname + url.search : href}`.slice(0, 90);
      } catch {
        return 'link';
      }
    }
    const classes = clean(typeof (el as HTMLElement).className === 'string' ? (el as HTMLElement).className : '').split(' ')[0];
    const id = el.getAttribute('id');
    return id ? `${role} #${id}` : classes ? `${role} .${classes}` : role;
  };
  const control = (el: Element): Element => el.closest(CONTROLS) ?? el;
  /**
   * The box a link or button stretches over with a pseudo-element laid over it whole (`::after { position: absolute;
   * inset: 0 }`, as a product card's title link covers the card), or an empty element of its own laid so: a tap
   * anywhere on it works the control.
   */
  const stretchedOver = (el: Element): Element | null => {
    if (!el.matches('a[href], button') || getComputedStyle(el).position !== 'static') return null;
    const laidOver = (style: CSSStyleDeclaration) => style.position === 'absolute' && [style.top, style.right, style.bottom, style.left].every((side) => parseFloat(side) === 0);
    const covers = (pseudo: '::before' | '::after') => {
      const style = getComputedStyle(el, pseudo);
      return style.content !== 'none' && style.content !== 'normal' && laidOver(style);
    };
    // Or an empty element of its own laid over the card (Tailwind UI's <span class="absolute inset-0">).
    const coveredByChild = () => Array.from(el.children).some((child) => child.childElementCount === 0 && !(child.textContent ?? '').trim() && laidOver(getComputedStyle(child)));
    if (!covers('::after') && !covers('::before') && !coveredByChild()) return null;
    for (let n = el.parentElement; n && n !== document.body && n !== document.documentElement; n = n.parentElement) {
      if (getComputedStyle(n).position !== 'static') return n;
    }
    return null;
  };
  /**
   * A text box only as wide as what is typed in it, inside the box the page draws as the field (a combobox library's
   * control, its input a few pixels wide until the customer types): the customer taps the drawn box. Null otherwise.
   */
  const drawnAround = (el: Element): Element | null => {
    if (!(el instanceof HTMLInputElement) || ['checkbox', 'radio', 'hidden', 'button', 'submit', 'image', 'reset'].includes(el.type)) return null;
    const r = el.getBoundingClientRect();
    if (r.width >= 24) return null;
    for (let n = el.parentElement, depth = 0; n && depth < 3; n = n.parentElement, depth += 1) {
      const box = n.getBoundingClientRect();
      if (box.width < 2 * Math.max(r.width, 12)) continue;
      // The field's own box: it holds no other field or control.
      return n.querySelectorAll('input:not([type="hidden"]), select, textarea, button, a[href]').length === 1 ? n : null;
    }
    return null;
  };
  const shownAs = (el: Element): Element => {
    const stretched = stretchedOver(el);
    if (stretched) return stretched;
    const drawn = drawnAround(el);
    if (drawn) return drawn;
    const labels = 'labels' in el ? (el as HTMLInputElement).labels : null;
    if (!labels || labels.length === 0) return el;
    const r = el.getBoundingClientRect();
    const unseen = (r.width <= 1 && r.height <= 1) || Number(getComputedStyle(el).opacity) === 0;
    const checkable = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
    if (!unseen && !checkable) return el;
    const label = Array.from(labels).find((l) => {
      const box = l.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && (unseen || box.width * box.height > r.width * r.height) && visible(l);
    });
    return label ?? el;
  };
  const fieldWords = (el: Element): string => {
    const input = el as HTMLInputElement;
    const labels = 'labels' in input && input.labels ? [...input.labels].map((l) => l.textContent) : [];
    return clean(
      [input.name, input.id, el.getAttribute('autocomplete'), el.getAttribute('aria-label'), el.getAttribute('placeholder'), ...labels]
        .filter(Boolean)
        .join(' '),
    );
  };
  // A computed colour as sRGB red, green, blue (0-255) and alpha (0-1). The browser writes most as rgb(); one given in
  // another space stays in it (Tailwind 4's palette is oklch(), and lab() or color(display-p3 …) are met too), and is
  // painted on a pixel of cx-shop's own canvas, off the page, for the browser to convert.
  const painted = new Map<string, [number, number, number, number] | null>();
  let pixel: OffscreenCanvasRenderingContext2D | null | undefined;
  const srgb = (colour: string): [number, number, number, number] | null => {
    const match = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?/.exec(colour);
    if (match) return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
    if (painted.has(colour)) return painted.get(colour)!;
    pixel ??= typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true }) : null;
    let value: [number, number, number, number] | null = null;
    if (pixel && supportsColour(colour)) {
      pixel.clearRect(0, 0, 1, 1);
      pixel.fillStyle = colour;
      pixel.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = pixel.getImageData(0, 0, 1, 1).data as unknown as [number, number, number, number];
      value = [r, g, b, a / 255];
    }
    painted.set(colour, value);
    return value;
  };
  const red = (colour: string, opaque: boolean): boolean => {
    const rgba = srgb(colour);
    if (!rgba) return false;
    const [r, g, b, a] = rgba;
    // A bright red, or a dark one (an alert's #842029 on pink, Polaris's #8e0b21): red far above green and blue.
    return ((r >= 150 && r > 2 * g && r > 2 * b) || (r >= 100 && r > 3 * g && r > 3 * b)) && (!opaque || a >= 0.5);
  };
  const looksRed = (el: Element): boolean => {
    const style = getComputedStyle(el);
    if (red(style.color, false) || red(style.backgroundColor, true)) return true;
    // Words on a strong red box (a toast, a banner): the box is what says error, its own or one a level or two up.
    for (let box = el.parentElement, depth = 1; box && depth < 3; box = box.parentElement, depth += 1) {
      if (red(getComputedStyle(box).backgroundColor, true)) return true;
    }
    return false;
  };
  // A sign of work, in English and in the German, French, Spanish, Dutch and Italian shops write: "Taking payment…",
  // "Liefertermin wird berechnet …", "Chargement en cours…", "Cargando…", "Even geduld…", "Caricamento…".
  const WORKING_WORDS = new RegExp(
    [
      '^(?:loading|processing|please wait|one moment)\\b',
      '^\\w+ing\\b[^.!?]*(?:…|\\.\\.\\.)$',
      '^(?:lädt|laden|wird geladen|bitte warten|einen moment|chargement|traitement|veuillez patienter|patientez|un instant|cargando|procesando|espera|un momento|bezig|even geduld|een moment|caricamento|elaborazione|attendere)(?![\\p{L}])',
      '^[^.!?]{0,40}?\\b(?:wird|werden) \\p{L}+(?:t|en)\\s*(?:…|\\.\\.\\.)$',
      '^[^.!?]{0,40}?\\ben cours\\s*(?:…|\\.\\.\\.)$',
      '^[^.!?]{0,40}?\\b(?:wordt|worden) \\p{L}+\\s*(?:…|\\.\\.\\.)$',
    ].join('|'),
    'iu',
  );
  const saysWorking = (text: string): boolean => WORKING_WORDS.test(text);
  const isRed = (colour: string): boolean => red(colour, true);
  // A gift-card balance or a card field in a closed shadow root shows the customer's secrets as any other does.
  const closedRoots = new WeakMap<Element, ShadowRoot>();
  const keepClosedRoot = (host: Element, root: ShadowRoot): void => void closedRoots.set(host, root);
  const shadowRoots = (max = 2000, closed = false): ShadowRoot[] => {
    const found: ShadowRoot[] = [];
    const walk = (root: Document | ShadowRoot) => {
      const all = root.querySelectorAll('*');
      for (let i = 0; i < all.length && found.length < max; i += 1) {
        const inner = all[i]!.shadowRoot ?? (closed ? closedRoots.get(all[i]!) : undefined);
        if (!inner || all[i]!.hasAttribute('data-cx-shop-own')) continue;
        found.push(inner);
        walk(inner);
      }
    };
    walk(document);
    return found;
  };
  const deepAt = (x: number, y: number): Element | null => {
    let el = document.elementFromPoint(x, y);
    for (let depth = 0; el && depth < 64; depth += 1) {
      const inner = (el.shadowRoot ?? closedRoots.get(el))?.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el;
  };
  const scrollBoxes = (el: Element | null): Element[] => {
    const boxes: Element[] = [];
    // The body's overflow is the page's own when the root's is visible: the page scrolls, not the body.
    const bodyIsPage = getComputedStyle(document.documentElement).overflowY === 'visible';
    for (let n = el; n && n !== document.documentElement; n = drawnParent(n)) {
      if (n === document.body && bodyIsPage) continue;
      if (n.scrollHeight > n.clientHeight + 1 && /auto|scroll|overlay/.test(getComputedStyle(n).overflowY)) boxes.push(n);
    }
    return boxes;
  };
  const swipedBoxes = () => scrollBoxes(deepAt(innerWidth / 2, innerHeight / 2));
  const shadowText = (roots: readonly ShadowRoot[]): string =>
    roots
      .flatMap((root) => Array.from(root.children))
      // innerText of what is not drawn is its source: a component's <style>, a closed panel.
      .filter((el) => !el.matches('style, script, template, link') && (typeof el.checkVisibility !== 'function' || el.checkVisibility()))
      .map((el) => (el as HTMLElement).innerText ?? '')
      .join('\n');
  const idle = typeof requestIdleCallback === 'function' ? { request: requestIdleCallback.bind(window), cancel: cancelIdleCallback.bind(window) } : null;
  return { clean, visible, keyframesOf, clippedAway, viewBox, pageBox, pinnedBar, drawnParent, deepAt, swipedBoxes, cssPath, plainJson, natives: { Map, Set, WeakMap, WeakSet, Element, idle }, roleOf, labelOf, isField, nameOf, describe, control, shownAs, fieldWords, looksRed, isRed, saysWorking, shadowRoots, keepClosedRoot, shadowText };
}
