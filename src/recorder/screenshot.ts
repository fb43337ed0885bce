/**
 * The picture of a step's end state: the whole page in CSS pixels, taken without scrolling it, with every field
 * that could show a secret painted over before the file is written. Masks are painted here, on the picture, never
 * in the page, so taking the picture changes nothing the customer sees.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CDPSession, Page } from 'playwright';
import { PNG } from 'pngjs';
import type { Box, StepScreenshot } from '../artifacts/types.js';
import { devtoolsOf } from '../browser/devtools.js';
import { frameOnScreen, timed } from './recorder.js';

/** Taller pages are cut to this height around the customer's view: a picture of an endless page is no use. */
const MAX_PICTURE_HEIGHT = 6000;
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
  fields: Array<{ box: Box; value: string; words: string; type: string; autocomplete: string }>;
  /** Text on the page that shows a secret (a card number echoed back in a message), to paint over. */
  secretText: Box[];
}

/** Reads where the customer is, every visible field and any text showing a secret, with their boxes; changes nothing. */
function readView({ secrets, framed }: { secrets: string[]; framed: boolean }): PageView {
  // Nothing the picture does to the page's scroll is the customer's: the recorder hears none of it until restored.
  // (A frame in the page is only read, for what to hide in the picture.)
  if (!framed) window.__cxShopRecorder?.quiet(true);
  const lib = window.__cxShopLib;
  const root = document.scrollingElement ?? document.documentElement;
  // A component's fields and words are in its shadow root (a gift-card box, a payment step built as one).
  const roots: Array<Document | ShadowRoot> = [document, ...(lib?.shadowRoots() ?? [])];
  const fields = roots
    .flatMap((tree) => Array.from(tree.querySelectorAll('input:not([type="hidden"]), textarea, [contenteditable="true"]')))
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => {
      const r = el.getBoundingClientRect();
      const input = el as HTMLInputElement;
      return {
        box: { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height },
        value: 'value' in input ? String(input.value) : (el as HTMLElement).innerText,
        words: lib ? lib.fieldWords(el) + ' ' + (lib.labelOf(el) ?? '') : `${input.name} ${input.id}`,
        type: (el.getAttribute('type') ?? '').toLowerCase(),
        autocomplete: (el.getAttribute('autocomplete') ?? '').toLowerCase(),
      };
    });
  // Secrets come in normalised (no spaces or dashes, lower case); text is compared the same way.
  const norm = (text: string) => text.replace(/[\s-]+/g, '').toLowerCase();
  const secretText: Box[] = [];
  if (secrets.length > 0) {
    for (const tree of roots) {
      const walker = document.createTreeWalker(tree === document ? (document.body ?? document.documentElement) : tree, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = norm(node.textContent ?? '');
        if (!secrets.some((secret) => text.includes(secret))) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of Array.from(range.getClientRects())) secretText.push({ x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height });
      }
    }
  }
  return {
    secretText,
    scroll: { x: scrollX, y: scrollY },
    width: Math.max(root.scrollWidth, document.documentElement.clientWidth),
    height: Math.max(root.scrollHeight, document.documentElement.clientHeight),
    dpr: devicePixelRatio || 1,
    screen: { width: screen.width, height: screen.height },
    fields,
  };
}

/** True when a field could show something the customer would not want in a shared report. */
function shouldMask(field: PageView['fields'][number], secrets: readonly string[]): boolean {
  // A choice ("Pay by debit or credit card", a gift card) shows no number: only one whose value is a secret is hidden.
  if (field.type === 'radio' || field.type === 'checkbox') return matchesSecret(field.value, secrets);
  if (field.type === 'password' || field.autocomplete.startsWith('cc-') || /one-time-code|current-password|new-password/.test(field.autocomplete)) return true;
  if (SECRET_FIELD.test(field.words)) return true;
  return matchesSecret(field.value, secrets);
}

/** True when the value holds one of the scenario's secrets, spaces and case aside. */
function matchesSecret(raw: string, secrets: readonly string[]): boolean {
  const value = raw.replace(/\s+/g, '').toLowerCase();
  return value.length > 0 && secrets.some((secret) => secret.length > 0 && value.includes(secret.replace(/\s+/g, '').toLowerCase()));
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
    // The page holds these already (the customer typed them into it): they are passed only to find where they show.
    const normalised = secrets.map((secret) => secret.replace(/[\s-]+/g, '').toLowerCase()).filter((secret) => secret.length >= 4);
    const view = await timed(page.evaluate(readView, { secrets: normalised, framed: false }), 5000);
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
    // Chromium may nudge a phone page's scroll while it paints beyond the view: put it back where the customer had it.
    await page
      .evaluate(({ x, y }) => {
        if (Math.abs(scrollX - x) > 0.5 || Math.abs(scrollY - y) > 0.5) window.scrollTo({ left: x, top: y, behavior: 'instant' });
        window.__cxShopRecorder?.quiet(false);
      }, view.scroll)
      .then(() => (restored = true), () => undefined);
    const bytes = Buffer.from(shot.data, 'base64');
    const inFrames = await frameMasks(page, normalised, secrets, view.scroll);
    const masks = [...view.fields.filter((field) => shouldMask(field, secrets)).map((field) => field.box), ...view.secretText, ...inFrames].map((box) => ({ ...box, y: box.y - top }));
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
    if (!restored) await timed(page.evaluate(() => window.__cxShopRecorder?.quiet(false)), 2000).catch(() => undefined);
  }
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
async function frameMasks(page: Page, normalised: string[], secrets: readonly string[], scroll: { x: number; y: number }): Promise<Box[]> {
  const frames = page.frames().filter((frame) => frame !== page.mainFrame() && !frame.isDetached());
  const boxes = await Promise.all(
    frames.map(async (frame) => {
      const [view, at] = await Promise.all([
        timed(frame.evaluate(readView, { secrets: normalised, framed: true }), 2000).catch(() => null),
        frameOnScreen(frame),
      ]);
      if (!view || !at) return [];
      // From the frame's document to its view, then to where the frame sits in the page's document.
      const place = (box: Box) => ({ ...box, x: box.x - view.scroll.x + at.x + scroll.x, y: box.y - view.scroll.y + at.y + scroll.y });
      return [...view.fields.filter((field) => shouldMask(field, secrets)).map((field) => place(field.box)), ...view.secretText.map(place)];
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
  // One filter for every row (Paeth): trying all five per row, pngjs's default, takes three times as long for a
  // file a few per cent smaller.
  return PNG.sync.write(image, { filterType: 4 });
}
