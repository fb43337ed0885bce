/**
 * The picture of a step's end state: the whole page in CSS pixels, taken without scrolling it, with every field
 * that could show a secret, and any text that shows one, painted over before the file is written. Masks are painted here, on the picture, never
 * in the page, so taking the picture changes nothing the customer sees.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CDPSession, Page } from 'playwright';
import { PNG } from 'pngjs';
import type { Box, StepScreenshot } from '../artifacts/types.js';
import { devtoolsOf } from '../browser/devtools.js';
import { frameOnScreen } from './recorder.js';
import { timed } from '../limits.js';
import { ask } from '../browser/ask.js';
import { encodePng } from '../output/png.js';
import { shownForms } from '../output/shown-forms.js';

/** Taller pages are cut to this height around the customer's view: a picture of an endless page is no use. */
const MAX_PICTURE_HEIGHT = 6000;
/**
 * The rule that takes the outline off the focused element while a tall page is pictured (see readView): Chromium,
 * painting beyond the view with an outline on the focused element, takes time that grows with the page's height, not
 * the picture's (28 s on a 100,000-pixel page with the email field focused, 0.4 s without the outline).
 */
const RINGS_OFF = ':focus { outline-style: none !important; }';
/** Painted this far around a masked field, so no edge of a value shows. */
const MASK_MARGIN = 2;

/** Words of a field that holds payment or identity secrets, whatever its type. */
const SECRET_FIELD = /card|cc-?(num|csc|exp)|cvc|cvv|security.?code|iban|account.?(number|no)|sort.?code|one.?time|otp|pin\b|passcode|password|ssn|social.?security/i;

interface PageView {
  scroll: { x: number; y: number };
  width: number;
  height: number;
  dpr: number;
  /** The screen the page is told it is on (screen.width and height). */
  screen: { width: number; height: number };
  /** `showsSecret`: the field's value, shown choice or placeholder holds one of the scenario's secrets. */
  fields: Array<{ box: Box; showsSecret: boolean; words: string; type: string; autocomplete: string; oneCharacter: boolean }>;
  /** Text on the page that shows a secret (a card number echoed back in a message), to paint over. */
  secretText: Box[];
}

/** Where readView keeps the sheet that took the focused element's outline off, and the trees it is on, for afterPicture. */
const OUTLINE_OFF = 'cx-shop: outline off for the picture';

/**
 * Reads where the customer is, every visible field and any text showing a secret, with their boxes. Changes nothing the
 * customer sees, but for the focused element's outline on a tall page, off until afterPicture puts it back.
 */
function readView({ secrets, framed, ringsOff }: { secrets: string[]; framed: boolean; ringsOff?: { rule: string; tallerThan: number; key: string } }): PageView {
  // Nothing the picture does to the page's scroll is the customer's: the recorder hears none of it until restored.
  // (A frame in the page is only read, for what to hide in the picture.)
  if (!framed) window.__cxShopRecorder?.quiet(true);
  const lib = window.__cxShopLib;
  // The browser's own collections, not a global of the page's of the same name (see PageLib.natives).
  const { Map, Set } = window.__cxShopLib?.natives ?? window;
  const root = document.scrollingElement ?? document.documentElement;
  // A component's fields and words are in its shadow root (a gift-card box, a payment step built as one), open or closed.
  const roots: Array<Document | ShadowRoot> = [document, ...(lib?.shadowRoots(undefined, true) ?? [])];

  // A secret as a site may show it back: a card number spaced, dotted or over four spans, a phone number written
  // (555) 123-4567, an email over two spans, a value JSON-escaped. A secret of four characters or more is looked for
  // in any case with what a site puts between characters, on both sides; a shorter one only as a whole word, as it is
  // (a three-digit security code is not painted over inside every longer number). A secret of digits alone (a PIN, a
  // card number) or letters alone (a memorable word) is painted over only whole, as the text of a report masks it: a
  // PIN of 1234 leaves order NW-212345 and a total of £112.34 as they are.
  const norm = (text: string) => text.replace(/[\s\-./\\()[\]{}+]+/g, '').toLowerCase();
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const asWord = (pattern: string) => `(?<![\\p{L}\\p{N}_])${pattern}(?![\\p{L}\\p{N}_])`;
  const long = secrets.map(norm).filter((secret) => secret.length >= 4);
  const shortSecrets = secrets.map((secret) => secret.trim()).filter((secret) => norm(secret).length > 0 && norm(secret).length < 4);
  const words = shortSecrets.map((secret) => ({ secret, word: new RegExp(asWord(escape(secret)), 'u') }));
  // (Looked for as it is first: a test for a whole word costs more, on each of thousands of text nodes.)
  const holdsWord = (text: string) => words.some(({ secret, word }) => text.includes(secret) && word.test(text));
  // Between a secret's characters: what a site puts there, and where one element's words end and the next one's begin
  // (BOUNDARY, in paintWords' text of the whole page), which is no part of a longer word or number.
  const BOUNDARY = '\u0001';
  const between = `[\\s\\-./\\\\()[\\]{}+${BOUNDARY}]*`;
  // A long secret (a card, an IBAN) is painted over too where three quarters of it, from its start, show (a message
  // that cuts a card number short), not followed by more of a number or a word, as the report's text masks it.
  const shown = (secret: string) => ([...secret].length >= 12 ? Math.ceil(([...secret].length * 3) / 4) : [...secret].length);
  const spelled = long.flatMap((secret) => {
    const chars = [...secret];
    const kind = chars.every((char) => /\p{N}/u.test(char)) ? '\\p{N}' : chars.every((char) => /\p{L}/u.test(char)) ? '[\\p{L}\\p{N}]' : null;
    const spelling = chars.map(escape).join(between);
    const start = chars.slice(0, shown(secret)).map(escape).join(between) + chars.slice(shown(secret), -1).reduceRight((more, char) => `(?:${between}${escape(char)}${more})?`, '');
    return [
      kind ? `(?<!${kind})${spelling}(?!${kind})` : spelling,
      ...(shown(secret) < chars.length ? [kind ? `(?<!${kind})${start}(?!${between}${kind})` : start] : []),
    ];
  });
  const anySecret = new RegExp(spelled.join('|') || '(?!)', 'iu');
  const holdsSecret = (text: string | null | undefined): boolean => !!text && (anySecret.test(text) || holdsWord(text));
  // A first look, over the markup of the page at once: a secret's characters with any separators or tags between
  // them, as markup writes them (& as &amp;). Most pages show no secret and are looked at no further: walking the
  // words and attributes of a page of thousands of elements costs tens of milliseconds, on every step's picture.
  const entities: Record<string, string> = { '&': '&(?:amp;)?', '"': '(?:"|&quot;)', '<': '(?:<|&lt;)', '>': '(?:>|&gt;)' };
  const inMarkup = (char: string) => entities[char] ?? escape(char);
  const separators = '(?:[\\s\\-./\\\\()[\\]{}+]|&nbsp;|<[^>]*>)*';
  const markup = new RegExp(
    // (Of a long secret, what the page must show at least for it to be painted over: see shown.)
    [...long.map((secret) => [...secret].slice(0, shown(secret)).map(inMarkup).join(separators)), ...shortSecrets.map((secret) => asWord([...secret].map(inMarkup).join('')))].join('|') || '(?!)',
    'iu',
  );

  const secretText: Box[] = [];
  const paintOver = (target: Node) => {
    const range = document.createRange();
    range.selectNodeContents(target);
    // Told by its kind of node, not by the global Element: a page's framework may have put one of its own there.
    const rects = target.nodeType === Node.ELEMENT_NODE ? (target as Element).getClientRects() : range.getClientRects();
    for (const r of Array.from(rects)) if (r.width > 0 && r.height > 0) secretText.push({ x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height });
  };

  const fields = roots
    .flatMap((tree) => Array.from(tree.querySelectorAll('input:not([type="hidden"]), textarea, select, [contenteditable="true"]')))
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => {
      const r = el.getBoundingClientRect();
      const input = el as HTMLInputElement;
      // A list shows its chosen option's words, not its value ("Text message to jane@example.com").
      const value = el instanceof HTMLSelectElement ? [...el.selectedOptions].map((option) => option.text).join(' ') : 'value' in input ? String(input.value) : (el as HTMLElement).innerText;
      return {
        box: { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height },
        showsSecret: holdsSecret(value) || holdsSecret(el.getAttribute('placeholder')),
        words: lib ? lib.fieldWords(el) + ' ' + (lib.labelOf(el) ?? '') : `${input.name} ${input.id}`,
        type: el instanceof HTMLSelectElement ? 'select' : (el.getAttribute('type') ?? '').toLowerCase(),
        autocomplete: (el.getAttribute('autocomplete') ?? '').toLowerCase(),
        oneCharacter: el instanceof HTMLInputElement && el.maxLength === 1,
      };
    });

  /**
   * The page's words as one text, so that a secret spread over elements (spans, table cells) is found: the text
   * nodes that together spell it are painted over, and nothing around them.
   */
  const paintWords = (tree: Document | ShadowRoot) => {
    const nodes: Text[] = [];
    const starts: number[] = [];
    const pieces: string[] = [];
    let length = 0;
    const walker = document.createTreeWalker(tree === document ? (document.body ?? document.documentElement) : tree, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentNode?.nodeName;
      if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT') continue;
      const text = node.data;
      if (holdsWord(text)) paintOver(node);
      if (norm(text).length === 0) continue;
      nodes.push(node);
      starts.push(length);
      pieces.push(text);
      length += text.length + BOUNDARY.length;
    }
    const text = pieces.join(BOUNDARY);
    /** The text node that holds character `at` of the page's text. */
    const nodeAt = (at: number) => {
      let [low, high] = [0, starts.length - 1];
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= at) low = mid;
        else high = mid - 1;
      }
      return low;
    };
    // The words that spell the secret are painted over, from the space before it to the space after it: the rest of
    // their line stays ("1234 Harbour Road" loses the 1234 of a PIN, not the street).
    for (const match of text.matchAll(new RegExp(anySecret.source, 'giu'))) {
      const [first, last] = [nodeAt(match.index), nodeAt(match.index + match[0].length - 1)];
      const [from, to] = [nodes[first]!, nodes[last]!];
      let start = match.index - starts[first]!;
      let end = match.index + match[0].length - starts[last]!;
      while (start > 0 && !/\s/.test(from.data[start - 1]!)) start -= 1;
      while (end < to.data.length && !/\s/.test(to.data[end]!)) end += 1;
      const range = document.createRange();
      range.setStart(from, start);
      range.setEnd(to, end);
      for (const r of Array.from(range.getClientRects())) if (r.width > 0 && r.height > 0) secretText.push({ x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height });
    }
  };

  /** Elements with an attribute holding `raw` as written, found by the browser itself: no walk over every element. */
  const holdingInAttribute = (tree: Document | ShadowRoot, raw: string): Element[] => {
    const literal = !raw.includes('"') ? `"${raw}"` : !raw.includes("'") ? `'${raw}'` : `concat(${raw.split('"').map((part) => `"${part}"`).join(`, '"', `)})`;
    // (A shadow root cannot be asked itself: its top elements are.)
    return (tree === document ? [document] : Array.from(tree.children)).flatMap((context) => {
      const found = document.evaluate(`descendant-or-self::*[@*[contains(., ${literal})]]`, context, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      const elements: Element[] = [];
      for (let i = 0; i < found.snapshotLength; i += 1) elements.push(found.snapshotItem(i) as Element);
      return elements;
    });
  };

  /**
   * Words drawn by CSS (::before, ::after) come from an attribute of their element (content: attr(data-token)) or
   * from a style sheet the page wrote: only those elements are asked for the words they draw.
   */
  const paintDrawnWords = (tree: Document | ShadowRoot, sheets: CSSStyleSheet[], inAttributes: Set<string>) => {
    const drawing = new Set<Element>();
    for (const raw of inAttributes) for (const el of holdingInAttribute(tree, raw)) drawing.add(el);
    const fromRules = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule && /::?(before|after)\b/i.test(rule.selectorText) && holdsSecret(rule.style.content)) {
          try {
            for (const el of Array.from(tree.querySelectorAll(rule.selectorText.replace(/::?(before|after)\b/gi, '') || '*'))) drawing.add(el);
          } catch {
            // A selector the page cannot be asked with (a nested rule's): its elements are not found.
          }
        }
        if ('cssRules' in rule) fromRules((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of sheets) fromRules(sheet.cssRules);
    for (const el of drawing) {
      for (const pseudo of ['::before', '::after']) {
        const content = getComputedStyle(el, pseudo).content;
        if (content !== 'none' && content !== 'normal' && holdsSecret(content)) {
          paintOver(el);
          break;
        }
      }
    }
  };

  if (secrets.length > 0) {
    const everywhere = new RegExp(markup.source, 'giu');
    const unescape: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', nbsp: '\u00a0' };
    for (const tree of roots) {
      // Where the markup shows a secret: in words (or a style element's text), or inside a tag, in an attribute,
      // where < and > are written &lt; and &gt; (kept as the attribute holds it, to find its element by).
      const html = tree === document ? document.documentElement.outerHTML : (tree as ShadowRoot).innerHTML;
      let inWords = false;
      const inAttributes = new Set<string>();
      for (const match of html.matchAll(everywhere)) {
        if (html.lastIndexOf('<', match.index) > html.lastIndexOf('>', match.index)) inAttributes.add(match[0].split('>')[0]!.replace(/&(amp|quot|lt|gt|nbsp);/g, (_, name: string) => unescape[name]!));
        else inWords = true;
      }
      if (inWords) paintWords(tree);
      const written = inWords ? Array.from(tree.querySelectorAll('style')).filter((style) => holdsSecret(style.textContent)) : [];
      // Style sheets built by script (a component's) are not in the markup: looked at rule by rule, as they are few.
      const sheets = [...written.map((style) => style.sheet), ...Array.from(tree.adoptedStyleSheets ?? [])].filter((sheet): sheet is CSSStyleSheet => sheet !== null);
      if (inAttributes.size > 0 || sheets.length > 0) paintDrawnWords(tree, sheets, inAttributes);
    }
  }
  const height = Math.max(root.scrollHeight, document.documentElement.clientHeight);
  // A page taller than a picture, with an outline on the element that has the focus (a field the customer typed in),
  // is pictured with that outline off (see RINGS_OFF): on the focused element, and on the hosts of the components it
  // is in, each of which has the focus too.
  if (ringsOff && height > ringsOff.tallerThan) {
    const path: Array<Document | ShadowRoot> = [document];
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) {
      path.push(focused.shadowRoot);
      focused = focused.shadowRoot.activeElement;
    }
    if (focused && focused !== document.body && getComputedStyle(focused).outlineStyle !== 'none') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(ringsOff.rule);
      for (const tree of path) tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
      (window as unknown as Record<symbol, unknown>)[Symbol.for(ringsOff.key)] = { sheet, path };
    }
  }
  return {
    secretText,
    scroll: { x: scrollX, y: scrollY },
    width: Math.max(root.scrollWidth, document.documentElement.clientWidth),
    height,
    dpr: devicePixelRatio || 1,
    screen: { width: screen.width, height: screen.height },
    fields,
  };
}

/** True when a field could show something the customer would not want in a shared report. */
function shouldMask(field: PageView['fields'][number]): boolean {
  // A choice ("Pay by debit or credit card", a gift card, a list of ways to send a code) shows no number: only one
  // that shows a secret is hidden.
  if (field.type === 'radio' || field.type === 'checkbox' || field.type === 'select') return field.showsSecret;
  if (field.type === 'password' || field.autocomplete.startsWith('cc-') || /one-time-code|current-password|new-password/.test(field.autocomplete)) return true;
  if (SECRET_FIELD.test(field.words)) return true;
  return field.showsSecret;
}

/**
 * A code typed into one box a character (six boxes of one digit each, the most common design for a one-time code)
 * is the code: each box alone shows a digit and says nothing of a secret, only the first may carry
 * autocomplete="one-time-code". Boxes of one character side by side are one group, painted over whole when four or
 * more are (a code entry), or when any of them is.
 */
function fieldsToMask(fields: PageView['fields']): Box[] {
  const masked = fields.map(shouldMask);
  const nextInRow = (a: Box, b: Box) => Math.abs(b.y - a.y) <= a.height / 2 && b.x >= a.x + a.width - 1 && b.x - (a.x + a.width) <= a.width * 2 + 16;
  for (let start = 0; start < fields.length; ) {
    let end = start + 1;
    if (fields[start]!.oneCharacter) while (end < fields.length && fields[end]!.oneCharacter && nextInRow(fields[end - 1]!.box, fields[end]!.box)) end += 1;
    if (end - start >= 4 || (end - start > 1 && masked.slice(start, end).some(Boolean))) masked.fill(true, start, end);
    start = end;
  }
  return fields.filter((_, i) => masked[i]).map((field) => field.box);
}

/**
 * Takes the step's picture and writes it to `file`. Resolves once the page is done with (`saved` then says where the
 * picture is and where the customer's view was, or null when the page could not be pictured: it was closed or did
 * not answer); masking and writing the file go on meanwhile, off the page, while cx-shop looks at it further.
 */
export async function captureStep(
  page: Page,
  file: string,
  relative: string,
  secrets: readonly string[],
  shown: { personSees: boolean; device?: { mobile: boolean; touch: boolean } } = { personSees: false },
): Promise<{ saved: Promise<StepScreenshot | null> }> {
  let restored = false;
  try {
    // The page holds these already (the customer typed them into it): they are passed only to find where they show,
    // as typed and as the page may write them back (a phone number with its country code, a date written out).
    const typed = secrets.filter((secret) => secret.length > 0);
    const looked = [...typed, ...typed.flatMap(shownForms)];
    const view = await timed(ask(page, readView, { secrets: looked, framed: false, ringsOff: { rule: RINGS_OFF, tallerThan: MAX_PICTURE_HEIGHT, key: OUTLINE_OFF } }), 5000);
    const height = Math.min(view.height, MAX_PICTURE_HEIGHT);
    const top = Math.max(0, Math.min(view.height - height, Math.round(view.scroll.y - MAX_PICTURE_HEIGHT / 4)));
    const session = await devtoolsOf(page);
    // Told the device, the browser paints in device pixels: scaled back to CSS pixels, as the boxes are measured.
    const kept = shown.device ? await keepDevice(page, session, view, shown.device) : false;
    const shot = (await timed(
      session.send('Page.captureScreenshot', {
        format: 'png',
        optimizeForSpeed: true,
        captureBeyondViewport: true,
        // With a clip, Chromium draws scale × CSS pixels: scale 1 gives a picture in CSS pixels, as every box is.
        clip: { x: 0, y: top, width: view.width, height, scale: kept ? 1 / view.dpr : 1 },
      }),
      15_000,
    )) as { data: string };
    // Painting beyond the view gives a phone page classic scrollbars again in a window a person sees (a guided run):
    // the page would lose their width at its next layout. Phones overlay theirs: hidden again. Only there: in a
    // scripted run the call makes the page lay itself out again, which moves what the next step measures.
    // A picture beyond the view turns the page's touch screen off once taken (Chromium's own doing): turned on again.
    if (shown.device?.touch) await timed(session.send('Emulation.setTouchEmulationEnabled', { enabled: true }), 5000).catch(() => undefined);
    if (shown.personSees) await timed(session.send('Emulation.setScrollbarsHidden', { hidden: true }), 5000).catch(() => undefined);
    await ask(page, afterPicture, { scroll: view.scroll, key: OUTLINE_OFF }).then(() => (restored = true), () => undefined);
    const bytes = Buffer.from(shot.data, 'base64');
    const inFrames = await frameMasks(page, looked, view.scroll);
    const masks = [...fieldsToMask(view.fields), ...view.secretText, ...inFrames].map((box) => ({ ...box, y: box.y - top }));
    const save = async (): Promise<StepScreenshot> => {
      const png = masks.length > 0 ? paint(bytes, masks) : bytes;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, png);
      // A PNG's header holds its size: width and height at bytes 16 and 20.
      return { path: relative, width: png.readUInt32BE(16), height: png.readUInt32BE(20), offset: { x: 0, y: top }, scroll: { x: Math.round(view.scroll.x), y: Math.round(view.scroll.y) } };
    };
    // After what cx-shop asks the page next has gone out: the page works on that while this paints and writes.
    return { saved: new Promise((resolve) => setImmediate(resolve)).then(save).catch(() => null) };
  } catch {
    return { saved: Promise.resolve(null) };
  } finally {
    if (!restored) await timed(ask(page, afterPicture, { scroll: null, key: OUTLINE_OFF }), 2000).catch(() => undefined);
  }
}

/**
 * Runs in the page once its picture is taken: the customer's scroll put back where they had it (Chromium may nudge a
 * phone page's while it paints beyond the view), the outline readView took off the focused element put back, and
 * the recorder listening again.
 */
function afterPicture({ scroll, key }: { scroll: { x: number; y: number } | null; key: string }): void {
  if (scroll && (Math.abs(scrollX - scroll.x) > 0.5 || Math.abs(scrollY - scroll.y) > 0.5)) window.scrollTo({ left: scroll.x, top: scroll.y, behavior: 'instant' });
  const kept = window as unknown as Record<symbol, { sheet: CSSStyleSheet; path: Array<Document | ShadowRoot> } | undefined>;
  const off = kept[Symbol.for(key)];
  if (off) {
    for (const tree of off.path) tree.adoptedStyleSheets = tree.adoptedStyleSheets.filter((sheet) => sheet !== off.sheet);
    delete kept[Symbol.for(key)];
  }
  window.__cxShopRecorder?.quiet(false);
}

/**
 * Tells cx-shop's own DevTools session the device the page is on, as the browser context set it up: a picture beyond
 * the view puts back, once taken, the screen its session knew, and a session that knew none leaves the page on a
 * desktop's 800×600 screen at one pixel per CSS pixel, with its viewport tag ignored, until the next page. The
 * customer's phone would have stayed a phone for the rest of a single-page shop's journey. Whether the browser was told.
 */
async function keepDevice(page: Page, session: CDPSession, view: PageView, device: { mobile: boolean }): Promise<boolean> {
  const size = page.viewportSize();
  if (!size) return false;
  const landscape = device.mobile && view.screen.width > view.screen.height;
  return timed(
    session.send('Emulation.setDeviceMetricsOverride', {
      width: size.width,
      height: size.height,
      deviceScaleFactor: view.dpr,
      mobile: device.mobile,
      screenWidth: view.screen.width,
      screenHeight: view.screen.height,
      screenOrientation: landscape ? { angle: 90, type: 'landscapePrimary' } : { angle: 0, type: device.mobile ? 'portraitPrimary' : 'landscapePrimary' },
    }),
    5000,
  ).then(() => true, () => false);
}

/**
 * What to hide in the frames of the page (a payment provider's card field, an embedded sign-in), in the page's
 * coordinates: the same fields and secret text as on the page itself, placed where the frame shows them.
 */
async function frameMasks(page: Page, secrets: string[], scroll: { x: number; y: number }): Promise<Box[]> {
  const frames = page.frames().filter((frame) => frame !== page.mainFrame() && !frame.isDetached());
  const boxes = await Promise.all(
    frames.map(async (frame) => {
      const [view, at] = await Promise.all([
        timed(ask(frame, readView, { secrets, framed: true }), 2000).catch(() => null),
        frameOnScreen(frame),
      ]);
      if (!view || !at) return [];
      // From the frame's document to its view, then to where the frame sits in the page's document.
      const place = (box: Box) => ({ ...box, x: box.x - view.scroll.x + at.x + scroll.x, y: box.y - view.scroll.y + at.y + scroll.y });
      return [...fieldsToMask(view.fields).map(place), ...view.secretText.map(place)];
    }),
  );
  return boxes.flat();
}

/** Paints each box (in picture coordinates) solid grey. */
function paint(png: Buffer, boxes: Box[]): Buffer {
  const image = PNG.sync.read(png);
  for (const box of boxes) {
    const x0 = Math.max(0, Math.floor(box.x - MASK_MARGIN));
    const y0 = Math.max(0, Math.floor(box.y - MASK_MARGIN));
    const x1 = Math.min(image.width, Math.ceil(box.x + box.width + MASK_MARGIN));
    const y1 = Math.min(image.height, Math.ceil(box.y + box.height + MASK_MARGIN));
    for (let y = y0; y < y1; y += 1) {
      for (let x = x0; x < x1; x += 1) {
        const i = (y * image.width + x) * 4;
        image.data[i] = 64;
        image.data[i + 1] = 64;
        image.data[i + 2] = 64;
        image.data[i + 3] = 255;
      }
    }
  }
  return encodePng(image);
}
