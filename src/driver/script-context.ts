/**
 * The scripted driver: performs a scenario's actions on the page the way a customer's hands would (finds the
 * element, swipes it into view, taps, types key by key) and leaves the recording to the recorder, which sees these
 * hands exactly as it would see a person's.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { ElementHandle, Frame, Locator as PwLocator, Page } from 'playwright';
import type { Interaction, PromoProbe, ReadDocument, TargetInfo } from '../artifacts/types.js';
import { ActionError, type ActionContext } from '../actions/types.js';
import { ensurePageLib } from '../recorder/install.js';
import type { Recorder } from '../recorder/recorder.js';
import { timed } from '../limits.js';
import { describeLocator, type Locator } from '../scenario/locator.js';
import { suggestLocators, type Suggestion } from './suggestions.js';
import { wordCount } from '../effort/model.js';
import { browserFormatted } from '../recorder/values.js';
import { segmentKeys } from './field-keys.js';
import { ask, askElement } from '../browser/ask.js';
import type { StepRuleId } from '../rules/ids.js';

/** Most swipes spent bringing one element into view before giving up on swiping and jumping to it. */
const MAX_SWIPES = 12;
/** Frames the page must stand still after a swipe moved it before the swipe counts as over. */
const STILL_FRAMES = 6;
/** Frames without any movement after which a swipe moved nothing (the page cannot scroll that way). */
const IDLE_FRAMES = 20;
/** How often the frames in a page (a payment provider's card fields) are looked through for an element. */
const FRAME_POLL_MS = 200;
/** Most other visible matches looked at for one on the screen (see onScreen). */
const MAX_OTHER_MATCHES = 10;
/** Room left beside an element a sideways swipe brings in, in CSS pixels. */
const SIDEWAYS_ROOM = 16;
/** The longest wait at an endless list's end for its next part, asked for as the last came in (see callsAnswered). */
const LIST_CALLS_MS = 5000;
/** How often a control something lies over is looked at again, and the tap's own wait once it has lain there for the whole timeout. */
const COVERED_POLL_MS = 100;
/** How soon a match the page replaced as it was found is looked for again. */
const REPLACED_POLL_MS = 50;
const COVERED_TAP_MS = 1000;
/** Taps made again on a control the page scrolled away from under the finger (see Recorder.dropSlippedPress). */
const MAX_SLIPS = 2;
/**
 * How long the page itself has to show a match before frames are looked through: a match that the page is still
 * drawing wins over the same words in an advert's frame.
 */
const PAGE_FIRST_MS = 500;

type Box = NonNullable<Awaited<ReturnType<PwLocator['boundingBox']>>>;
/** What a customer types into. */
const FIELDS = 'input:not([type="hidden"]), textarea, select, [contenteditable="true"]';

/**
 * What reaching a match asks of it besides its box: whether it is a frame (one named as a field means the field in
 * it: see intoFrame), and whether it is a checkbox or radio (one the page hides is reached by its label: see shownLabel).
 */
interface MatchKind {
  frame: boolean;
  choice: boolean;
}

/**
 * A match, held: its locator (for acting on it, found again each time), a handle on the element found, its box; and
 * its kind, where finding it asked already (see aboutMatch), so that reaching it need not ask again.
 */
interface Found {
  element: PwLocator;
  handle: ElementHandle<Element>;
  box: Box;
  framed: boolean;
  kind?: MatchKind;
}

/**
 * The locator's first match as soon as there is one, held with its box; null when none comes within the timeout. A
 * match the page replaced before its box could be read (a view drawn again every second, a list re-rendered) is
 * looked for again: the customer sees the new one where the old one was.
 */
async function pin(element: PwLocator, timeout: number, framed: boolean): Promise<Found | null> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const handle = await element.elementHandle({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null);
    if (!handle) return null;
    const box = await handle.boundingBox().catch(() => null);
    if (box) return { element, handle, box, framed };
    void handle.dispose().catch(() => undefined);
    if (Date.now() >= deadline) return null;
    await delay(REPLACED_POLL_MS);
  }
}

/** Whether a box at `y` on the screen is in sight up and down: whole, or as much of it as a screen holds. */
function inSightDown(y: number, boxHeight: number, height: number): boolean {
  return y >= 0 && y + Math.min(boxHeight, height) <= height;
}

/** How far one swipe moves the page to bring the middle of a box at `y` to the screen's middle: a screen at most. */
function swipeLength(y: number, boxHeight: number, height: number): number {
  return Math.max(-height, Math.min(height, y + Math.min(boxHeight, height) / 2 - height / 2));
}

/** How many swipes bring a box into sight on a page that holds still, swiped as swipeTo swipes. */
function swipesFor(box: Box, height: number): number {
  let y = box.y;
  let swipes = 0;
  for (; swipes < MAX_SWIPES && !inSightDown(y, box.height, height); swipes += 1) y -= swipeLength(y, box.height, height);
  return swipes;
}

/**
 * What the customer aims at, read in the page: its description, its words, and the box of what shows it (a label for
 * a hidden checkbox). Null for an element the page has taken out since it was found.
 */
function targetOf(el: Element) {
  if (!el.isConnected) return null;
  const lib = window.__cxShopLib!;
  const shown = lib.shownAs(el);
  const r = shown.getBoundingClientRect();
  const box = r.width > 0 || r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  // An animation that moves or sizes it without end (a pulsing "Add to bag", a bobbing arrow): the browser's wait
  // for it to hold still would never end, though a finger lands on it all the same.
  // One question to its tree, the document or a component's shadow root (most pages run no animation at all), not
  // one per ancestor.
  const GEOMETRY = /^(transform|translate|scale|rotate|top|left|right|bottom|width|height|inset|margin|padding|offset)/;
  const moving = (el.getRootNode() as Document | ShadowRoot).getAnimations().some((a) => {
    const effect = lib.keyframesOf(a);
    return (
      a.playState === 'running' &&
      effect !== null &&
      effect.getTiming().iterations === Infinity &&
      effect.target != null &&
      effect.target.contains(el) &&
      effect.getKeyframes().some((frame) => Object.keys(frame).some((key) => GEOMETRY.test(key)))
    );
  });
  return { description: lib.describe(el), text: lib.isField(el) ? '' : lib.clean((el as HTMLElement).innerText).slice(0, 80), box, pageBox: lib.pageBox(shown), moving };
}

/**
 * What a field holds, as the browser's own question for it answers (a label, or what a label holds, answers for its
 * field); empty for what is no field, null for an element the page has taken out.
 */
function valueOf(el: Element): string | null {
  if (!el.isConnected) return null;
  const field = el.matches('input, textarea, select') ? el : (el.closest('label')?.control ?? el);
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement ? field.value : '';
}

/**
 * Whether a finger at the middle of the element lands on it (or on what it holds), for a tap that cannot wait for it
 * to hold still; runs in the page.
 */
function landsOn(el: Element): boolean {
  const r = el.getBoundingClientRect();
  // Asked of the element's own tree: in a component's shadow root, the document answers with the component's host.
  const top = (el.getRootNode() as Document | ShadowRoot).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return top !== null && (el.contains(top) || top.contains(el));
}

/**
 * Whether something else lies over the middle of the element on the customer's screen (a toast, a banner sliding
 * away): not covered when the middle is off the screen, where nothing can be said; whether the screen has moved
 * over a page laid out larger than itself, or is zoomed (see ScriptContext.wheel); and whether the page only says the
 * control is disabled (aria-disabled) while it still takes taps, as the browser's own disabled ones do not. Null for
 * an element the page has taken out.
 */
export function screenOver(el: Element): { covered: boolean; moved: boolean; saidDisabled: boolean } | null {
  if (!el.isConnected) return null;
  const visual = window.visualViewport;
  const moved = visual !== null && (visual.offsetLeft !== 0 || visual.offsetTop !== 0 || visual.scale !== 1);
  const saidDisabled = !el.matches(':disabled') && el.closest('[aria-disabled="true"]') !== null;
  const r = el.getBoundingClientRect();
  const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return { covered: false, moved, saidDisabled };
  const top = (el.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
  return { covered: top !== null && !el.contains(top) && !top.contains(el), moved, saidDisabled };
}

/**
 * How far down the customer's swipes have taken the page and the boxes under the middle of the screen that scroll (a
 * list in a box of its own; on a page laid out as an app's shell, all there is to scroll), and how many wheel events
 * the page has heard (see ScriptContext.wheel); runs in the page.
 */
function swipedDown(): { page: number; boxes: number; wheels: number } {
  const boxes = window.__cxShopLib?.swipedBoxes() ?? [];
  const page = window.visualViewport?.pageTop ?? window.scrollY;
  return { page, boxes: boxes.reduce((sum, box) => sum + box.scrollTop, 0), wheels: window.__cxShopRecorder?.wheels() ?? -1 };
}

/** Whether the element is in a bar the page holds on the screen as it scrolls (see PageLib.pinnedBar); runs in the page. */
function inPinnedBar(el: Element): boolean {
  return Boolean(window.__cxShopLib?.pinnedBar(el));
}

/**
 * How far to swipe (a wheel's pixels, down when positive) to bring the element out from under a bar the page pins to
 * the top or the bottom of the screen (a header with the menu, an "Add to bag" bar) that lies over its middle: a
 * customer nudges the page rather than wait for a bar that never goes. 0 when what lies over it is no such bar (a
 * toast, a message, a dialog: those go, or are answered, in their own time); null for an element taken out.
 */
export function pinnedBarOver(el: Element): number | null {
  if (!el.isConnected) return null;
  const r = el.getBoundingClientRect();
  const top = (el.getRootNode() as Document | ShadowRoot).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  if (!top || el.contains(top) || top.contains(el)) return 0;
  // The bar itself, not the component's host that holds it in its shadow root.
  const lib = window.__cxShopLib;
  const bar = lib?.pinnedBar(lib.deepAt(r.x + r.width / 2, r.y + r.height / 2) ?? top);
  if (!bar || bar.closest('dialog, [role="dialog"], [role="alertdialog"], [role="alert"], [role="status"], [aria-live="polite"], [aria-live="assertive"]')) return 0;
  const b = bar.getBoundingClientRect();
  if (b.width < innerWidth * 0.6 || b.height > innerHeight * 0.4) return 0;
  if (b.top <= 1) return -Math.ceil(b.bottom - r.top + 8);
  if (b.bottom >= innerHeight - 1) return Math.ceil(r.bottom - b.top + 8);
  return 0;
}

/**
 * The label the customer taps for a checkbox or radio the page hides from them: one drawn transparent, clipped or a
 * pixel wide (a colour swatch, a size pill, a box drawn as a toggle), or drawn over by its own label. Null for any
 * other element, for a box the customer can see and tap, and for a hidden one with no label to show it.
 */
function shownLabel(el: Element): HTMLLabelElement | null {
  const lib = window.__cxShopLib;
  if (!lib || !el.isConnected || !(el instanceof HTMLInputElement) || (el.type !== 'checkbox' && el.type !== 'radio')) return null;
  const shows = (l: HTMLLabelElement) => {
    const r = l.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && lib.visible(l);
  };
  const labels = Array.from(el.labels ?? []).filter(shows);
  if (labels.length === 0) return null;
  const shownAs = lib.shownAs(el);
  const label = labels.find((l) => l === shownAs) ?? labels[0]!;
  // What of the box shows: its own box, cut by what clips it (a clip rect, a clip path, a container that hides its
  // overflow), and faded by its own and its containers' opacity.
  const r = el.getBoundingClientRect();
  let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
  let opacity = 1;
  for (let n: Element | null = el; n && n !== document.body && n !== document.documentElement; n = n.parentElement) {
    const style = getComputedStyle(n);
    opacity *= Number(style.opacity);
    if (/^inset\((?:50|100)%\)/.test(style.clipPath)) return label;
    const box = n.getBoundingClientRect();
    const clip = /rect\(([^)]*)\)/.exec(style.clip);
    if (clip && (style.position === 'absolute' || style.position === 'fixed')) {
      const [t, r2, b, l] = clip[1]!.split(/[\s,]+/).map((v, i) => (v === 'auto' ? [0, box.width, box.height, 0][i]! : parseFloat(v)));
      [left, top, right, bottom] = [Math.max(left, box.left + l!), Math.max(top, box.top + t!), Math.min(right, box.left + r2!), Math.min(bottom, box.top + b!)];
    }
    // Only a side the container cuts off: one that scrolls (a filter panel) shows the box once scrolled to.
    if (n !== el && /hidden|clip/.test(style.overflowX)) [left, right] = [Math.max(left, box.left), Math.min(right, box.right)];
    if (n !== el && /hidden|clip/.test(style.overflowY)) [top, bottom] = [Math.max(top, box.top), Math.min(bottom, box.bottom)];
  }
  if (opacity < 0.1 || right - left <= 1 || bottom - top <= 1) return label;
  // A box the page draws over with its label's own drawing (a toggle's track, a swatch): the customer sees the drawing.
  const over = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
  if (over && over !== el && !el.contains(over) && labels.some((l) => l.contains(over))) return label;
  return null;
}

/**
 * What the customer is about to type into: its input type (a date field is typed segment by segment), and why they
 * cannot type into it, in their words: it is a button, a tick box, a radio, a switch or a link, which take taps and no
 * typing. `why` is empty for a field, for what the page makes editable or names as a field (a textbox, a combobox),
 * and for anything else, which may hand the keys to a field (a label, a search bar's wrapper); null for an element the
 * page has taken out.
 */
function typingInto(el: Element): { type: string; why: string } | null {
  const lib = window.__cxShopLib;
  if (!el.isConnected) return null;
  const type = el instanceof HTMLInputElement ? el.type : '';
  if (!lib || (el as HTMLElement).isContentEditable) return { type, why: '' };
  const role = el.getAttribute('role')?.trim().split(/\s+/)[0] ?? '';
  const kind =
    role === 'switch' ? 'a switch'
    : role === 'checkbox' || type === 'checkbox' ? 'a tick box'
    : role === 'radio' || type === 'radio' ? 'a radio button'
    : role === 'link' || (!role && el.matches('a[href]')) ? 'a link'
    // A drop-down drawn as a button (a listbox) finds its options by the letters typed.
    : (role === 'button' || (!role && el.matches('button, input[type="button"], input[type="submit"], input[type="reset"], input[type="image"]'))) && !el.hasAttribute('aria-haspopup') ? 'a button'
    : null;
  return { type, why: kind ? `${lib.describe(el)} is ${kind}, not a field: it takes no typing` : '' };
}

/** A dialog open over the page: a native one opened as modal, or one the page marks modal. */
const OPEN_DIALOG = 'dialog:modal, [aria-modal="true"]';

/**
 * Whether the element is behind the topmost dialog open over the page (not in it), and its kind (see MatchKind): one
 * question where finding and then reaching it would ask three.
 */
function aboutMatch(el: Element, dialogs: string): MatchKind & { behind: boolean } {
  const lib = window.__cxShopLib;
  const open = Array.from(document.querySelectorAll(dialogs)).filter((d) => (lib ? lib.visible(d) : true));
  const top = open.at(-1);
  return {
    behind: top !== undefined && !top.contains(el),
    frame: el.tagName === 'IFRAME',
    choice: el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'),
  };
}

export interface ScriptOptions {
  baseUrl: string;
  touch: boolean;
  viewport: { width: number; height: number };
  timeout: number;
  /** The attribute a `testId` locator matches (data-testid unless the scenario or --test-id-attribute says another). */
  testIdAttribute: string;
  replay: ActionContext['replay'];
  /** What the customer tapped on the page they are on now, earlier steps included. */
  earlierTaps: () => string[];
  /** Whether the scenario turns a rule off for the step (see ActionContext.ruleOff); none is, unless said. */
  ruleOff?: (rule: StepRuleId) => boolean;
}

/** An input's type as a CSS selector reads it: in any case. */
const INPUT_TYPE = "translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";

/**
 * What a `label` locator may find: form fields, the roles of fields a page draws itself, a drop-down a component library
 * draws as a button (Headless UI's Listbox, MUI's Select), and a frame labelled as the field it holds (a payment
 * provider's card number). Asked of each match itself, as an XPath of its own element: as a CSS selector, Playwright
 * read it over every element of the page, 20 of the 30 ms a label's search took on a page of 3,600 elements.
 */
export const LABELLED = `xpath=${[
  `self::input[not(${['hidden', 'button', 'submit', 'reset', 'image'].map((type) => `${INPUT_TYPE} = '${type}'`).join(' or ')})]`,
  'self::textarea',
  'self::select',
  'self::iframe',
  "self::*[@contenteditable and @contenteditable != 'false']",
  `self::*[${['textbox', 'searchbox', 'combobox', 'listbox', 'spinbutton', 'checkbox', 'radio', 'switch', 'slider'].map((role) => `@role = '${role}'`).join(' or ')}]`,
  "self::*[@aria-haspopup = 'listbox']",
].join(' | ')}`;

/** The roles of a field named by several parts of the page (see locateIn). */
const JOINED_ROLES = ['textbox', 'searchbox', 'combobox', 'spinbutton', 'checkbox', 'radio', 'switch'] as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ScriptContext implements ActionContext {
  readonly baseUrl: string;
  readonly touch: boolean;
  readonly viewport: { width: number; height: number };
  readonly timeout: number;
  readonly replay: ActionContext['replay'];
  /** What the step read (documents, policies): reading interactions and the documents the rules judge. */
  readonly readings: Array<Extract<Interaction, { kind: 'read' }>> = [];
  readonly documents: ReadDocument[] = [];
  promo: PromoProbe | null = null;
  /** Boxes reach found hidden by the page, shown by a label: tapped there (see tap). */
  private readonly byLabel = new WeakSet<PwLocator>();
  /** Elements reached while an endless animation moved them (see targetOf): tapped without waiting for them to stop. */
  private readonly moving = new WeakSet<PwLocator>();
  /**
   * Elements the page replaced with a new one of the same kind while they were reached (a view drawn anew from its
   * state on every tick of a clock): tapped where they are, as the customer taps, not held to be the same element.
   */
  private readonly redrawn = new WeakSet<PwLocator>();
  /**
   * The element the last reach found, held until the action is done (see release): asked through its handle, it
   * answers at once, where its locator would search the page again for every question (a role and name is the
   * costliest search there is). Once the page has taken it out, its locator is asked again.
   */
  private reached: { element: PwLocator; handle: ElementHandle<Element> } | null = null;

  constructor(
    private readonly recorder: Recorder,
    private readonly options: ScriptOptions,
  ) {
    this.baseUrl = options.baseUrl;
    this.touch = options.touch;
    this.viewport = options.viewport;
    this.timeout = options.timeout;
    this.replay = options.replay;
  }

  /** The tab the customer is on (one a tap of theirs opened, once it did). */
  get page(): Page {
    return this.recorder.page;
  }

  closeTab(): Promise<boolean> {
    return this.recorder.closeTab();
  }

  goBack(): Promise<unknown> {
    return this.recorder.goBack(this.timeout);
  }

  locate(locator: Locator): PwLocator {
    return this.locateIn(this.page, locator);
  }

  /** The match the customer acts on: the first they can see, unless the scenario names another (`nth`). */
  private locateIn(root: Page | Frame | PwLocator, locator: Locator): PwLocator {
    return this.visibleMatches(root, locator).nth(locator.nth ?? 0);
  }

  /** Every match the customer can see, in page order. */
  private visibleMatches(root: Page | Frame | PwLocator, locator: Locator): PwLocator {
    // A customer acts on what they can see.
    return this.matches(root, locator).filter({ visible: true });
  }

  /**
   * Every match, in page order: in the page itself, in one of its frames, or in a part of the page (an open dialog).
   * A label names a field: a button whose name holds the same word ("Decrease quantity for Cotton socks" beside
   * "Quantity") is none. `unseen` takes in what the page hides from its roles too (a link in a menu still closed).
   */
  private matches(root: Page | Frame | PwLocator, locator: Locator, unseen = false): PwLocator {
    const exact = locator.exact ?? false;
    let found: PwLocator;
    if (locator.role) {
      const role = locator.role as Parameters<Page['getByRole']>[0];
      found = root.getByRole(role, { ...(locator.name && { name: locator.name, exact }), ...(unseen && { includeHidden: true }) });
      // A disclosure's summary (a "Size guide" accordion) is a button to the customer, though the browser gives it no
      // role of that name.
      if (role === 'button') {
        const summary = root.locator('summary:not([role])');
        found = found.or(locator.name ? summary.filter({ hasText: exact ? new RegExp(`^\\s*${escapeRegExp(locator.name)}\\s*$`) : locator.name }) : summary);
      }
    } else if (locator.label) {
      // A field named by several parts (aria-labelledby="address line-1": "Address" and a hidden "line 1") is found by
      // its whole name too, as the customer reads it: the browser's own search matches each part on its own.
      // Searched for only where something is labelled so: each role's search by name walks the whole page, and on a
      // page of 3,600 elements with none, the seven took 50 of the 90 ms a label's search took.
      const label = locator.label;
      // A part of the page (an open dialog) is searched within itself; a page or frame from its root element.
      const [base, scope] = 'filter' in root ? [root.page(), root] : [root, root.locator(':root')];
      const where = scope.filter({ has: base.locator('[aria-labelledby]') });
      const whole = where.locator(JOINED_ROLES.map((role) => base.getByRole(role, { name: label, exact })).reduce((all, one) => all.or(one)));
      found = root.getByLabel(label, { exact }).or(root.locator('[aria-labelledby]').and(whole)).locator(LABELLED);
    } else if (locator.text) found = root.getByText(locator.text, { exact });
    else if (locator.placeholder) found = root.getByPlaceholder(locator.placeholder, { exact });
    else if (locator.testId) found = root.locator(`[${this.options.testIdAttribute}=${JSON.stringify(locator.testId)}]`);
    else found = root.locator(locator.css!);
    return found;
  }

  async sees(locator: Locator, timeout: number): Promise<boolean> {
    // Whether there is one is all that is asked: which of several the customer would tap is not (see find's `choose`).
    const found = await this.find(locator, timeout, false);
    if (found) void found.handle.dispose().catch(() => undefined);
    return found !== null;
  }

  async reach(locator: Locator): Promise<{ element: PwLocator; target: TargetInfo; swipes: number }> {
    // Where it is, once it is there: finding a match is the costly part on a large page, so it is done once here.
    const found = await this.find(locator);
    if (!found) throw new ActionError(await this.notFound(locator));
    let shown: ElementHandle<HTMLLabelElement> | null = null;
    try {
      const inside = await this.intoFrame(locator, found);
      const { element, framed, box } = inside ?? found;
      // A box the page hides is reached by its label, which is what the customer sees and swipes to.
      shown = inside || found.kind?.choice === false ? null : await this.labelFor(found.handle);
      if (shown) this.byLabel.add(element);
      const swipes = await this.swipeTo(element, shown ? await shown.boundingBox().catch(() => box) : box, shown, inside ? null : found.handle);
      // The element found is read through its handle (no new search); one the page has replaced since is searched for
      // again by its locator.
      const read = inside ? Promise.resolve(null) : askElement(found.handle, targetOf).catch(() => null);
      // One out of the page by now is read again where the locator finds it (see targetAgain).
      const target = await timed(
        read.then((seen) => seen ?? (inside ? askElement(element, targetOf) : this.targetAgain(element))),
        this.timeout,
      ).catch(() => null);
      if (!target) throw new ActionError(`${describeLocator(locator)} went away before the customer could reach it`);
      // Replaced since it was found, this soon: the page draws it anew all the time.
      if (!inside && !(await found.handle.evaluate((el) => el.isConnected).catch(() => false))) this.redrawn.add(element);
      const { moving, ...seen } = target;
      if (moving) this.moving.add(element);
      // In a frame, the element's own boxes are the frame's: where it is on the customer's screen is the browser's to say.
      if (framed) {
        Object.assign(seen, await this.screenBoxes(element));
        // Where its frame is now, before the tap: a consent manager's frame that takes itself away once answered has
        // no box left when the step ends, and the customer's tap in it would be placed nowhere.
        // The element found is the frame itself (a field it stands for) or is in it: its handle says which, no new search.
        const frame = await timed(inside ? found.handle.contentFrame() : found.handle.ownerFrame(), 2000).catch(() => null);
        if (frame) await this.recorder.noteFrame(frame);
      }
      if (!inside) {
        this.release();
        this.reached = { element, handle: found.handle };
      }
      return { element, target: { ...seen, text: this.recorder.mask(seen.text) }, swipes };
    } finally {
      if (this.reached?.handle !== found.handle) void found.handle.dispose().catch(() => undefined);
      if (shown) void shown.dispose().catch(() => undefined);
    }
  }

  /** Lets go of the element the last reach found (see reached): done once each action is. */
  release(): void {
    if (this.reached) void this.reached.handle.dispose().catch(() => undefined);
    this.reached = null;
  }

  /**
   * Asks the element `ask` in the page: through the handle reach holds on it while that is still in the page (`ask`
   * answers null for one taken out), else through its locator.
   */
  private async askReached<R>(element: PwLocator, ask: (el: Element) => R | null, ms: number): Promise<R | null> {
    const handle = this.reached?.element === element ? this.reached.handle : null;
    const answer = handle ? await timed(askElement(handle, ask), ms).catch(() => null) : null;
    if (answer !== null) return answer as R;
    if (handle) this.release();
    return (await timed(askElement(element, ask, undefined, { timeout: ms }), ms).catch(() => null)) as R | null;
  }

  /**
   * What the customer aims at, read from the locator's match now; on a page that draws its view anew every moment, the
   * match may be replaced between finding and reading it, and is read again while the locator still finds one. Null
   * once it finds none.
   */
  private async targetAgain(element: PwLocator): Promise<ReturnType<typeof targetOf>> {
    const deadline = Date.now() + this.timeout;
    for (;;) {
      const seen = await askElement(element, targetOf, undefined, { timeout: Math.max(1, deadline - Date.now()) }).catch(() => null);
      // Asked again at once: a pause would meet the page mid-redraw as often as not.
      if (seen || Date.now() >= deadline || (await element.count().catch(() => 0)) === 0) return seen;
    }
  }

  /** The label to tap for a checkbox or radio the page hides (see shownLabel); null for anything else. */
  private async labelFor(handle: ElementHandle<Element>): Promise<ElementHandle<HTMLLabelElement> | null> {
    const found = await timed(handle.evaluateHandle(shownLabel), 2000).catch(() => null);
    const label = found?.asElement() ?? null;
    if (!label && found) void found.dispose().catch(() => undefined);
    return label as ElementHandle<HTMLLabelElement> | null;
  }

  /**
   * The first visible match on the page; on a page with frames, in a frame when the page has none (card fields a
   * payment provider draws in its own frame, an embedded form). The page's own match wins when both have one, or
   * when it comes within PAGE_FIRST_MS. Of several on the page, the one the customer would tap (see onScreen and
   * inOpenDialog), unless `choose` is false: any one does where only whether there is one is asked.
   */
  private async find(locator: Locator, timeout = this.timeout, choose = true): Promise<Found | null> {
    // A selector the browser cannot read finds nothing however long it waits: said at once, in the browser's words.
    if (locator.css) {
      const unreadable = await this.page
        .locator(locator.css)
        .count()
        .then(
          () => null,
          (error: Error) => /while parsing (?:css )?selector/i.exec(error.message) && error.message.replace(/^[\w.]+: /, '').replace(/\.?\s*Did you mean to CSS\.escape it\?/, '').split('\n')[0],
        );
      if (unreadable) throw new ActionError(`${JSON.stringify(locator.css)} is not a valid CSS selector (${unreadable}): the scenario's css must be corrected`);
    }
    const inPage = this.locate(locator);
    const onPage = pin(inPage, timeout, false);
    let settled = false;
    const inFrames = (async () => {
      const deadline = Date.now() + timeout;
      // A wait that ends with the page's find: a timer left running would hold cx-shop open after its last step.
      const pageFirst = new AbortController();
      await Promise.race([onPage.finally(() => pageFirst.abort()), delay(PAGE_FIRST_MS, undefined, { signal: pageFirst.signal }).catch(() => undefined)]);
      while (!settled && Date.now() < deadline) {
        const hidden = await this.hiddenBox(locator);
        if (hidden) return hidden;
        for (const frame of this.page.frames()) {
          if (frame === this.page.mainFrame() || frame.isDetached()) continue;
          const candidate = this.locateIn(frame, locator);
          if ((await candidate.count().catch(() => 0)) === 0) continue;
          const pinned = await pin(candidate, FRAME_POLL_MS, true);
          if (pinned) return pinned;
        }
        await delay(FRAME_POLL_MS);
      }
      return null;
    })();
    // Whichever finds it first; the page's own wait goes on to its end unseen when a frame had it.
    const first = await new Promise<Found | null>((resolve) => {
      let pending = 2;
      const take = (found: Found | null) => {
        pending -= 1;
        if (!found && pending > 0) return;
        settled = true;
        resolve(found);
      };
      void onPage.then(take);
      void inFrames.then(take);
    });
    // The one that came second, if it came at all, is let go.
    for (const other of [onPage, inFrames]) {
      void other.then((found) => {
        if (found && found !== first) void found.handle.dispose().catch(() => undefined);
      });
    }
    return choose && first && !first.framed && locator.nth === undefined ? this.inOpenDialog(locator, await this.onScreen(locator, first)) : first;
  }

  /**
   * Of several visible matches, one wholly on the screen in a bar the page holds there (a sticky "Add to bag" bar, a
   * fixed header's link) when the first in page order is not wholly on it: the customer taps the one in front of them,
   * not the one further down the page they would swipe to. The first otherwise (a list's cards alike stay in page
   * order), so a run always takes the same one.
   */
  private async onScreen(locator: Locator, first: Found): Promise<Found> {
    const on = (box: Box) => box.y >= 0 && box.y + box.height <= this.viewport.height && box.x >= 0 && box.x + box.width <= this.viewport.width;
    if (on(first.box)) return first;
    const matches = this.visibleMatches(this.page, locator);
    const count = await timed(matches.count(), 2000).catch(() => 0);
    for (let i = 1; i < Math.min(count, MAX_OTHER_MATCHES + 1); i += 1) {
      // It is there (counted just now): a busy page may take a moment to hand it over.
      const other = await pin(matches.nth(i), 2000, false);
      if (other && on(other.box) && (await timed(other.handle.evaluate(inPinnedBar), 2000).catch(() => false))) {
        void first.handle.dispose().catch(() => undefined);
        return other;
      }
      if (other) void other.handle.dispose().catch(() => undefined);
    }
    return first;
  }

  /**
   * A checkbox or radio the page takes out of view altogether (display: none) and shows by its label (a colour swatch
   * drawn as a pill): the customer sees and taps the label, so the box is found by it as one drawn transparent is.
   * Null when the label names no such box, or none whose label shows.
   */
  private async hiddenBox(locator: Locator): Promise<Found | null> {
    if (!locator.label) return null;
    const boxes = this.page.getByLabel(locator.label, { exact: locator.exact ?? false }).and(this.page.locator('input[type="checkbox"], input[type="radio"]'));
    const count = await timed(boxes.count(), FRAME_POLL_MS).catch(() => 0);
    let shown = 0;
    for (let i = 0; i < count; i += 1) {
      const element = boxes.nth(i);
      const handle = await element.elementHandle({ timeout: FRAME_POLL_MS }).catch(() => null);
      const label = handle && (await this.labelFor(handle));
      const box = label && (await label.boundingBox().catch(() => null));
      if (label) void label.dispose().catch(() => undefined);
      if (handle && box && shown++ === (locator.nth ?? 0)) return { element, handle, box, framed: false };
      if (handle) void handle.dispose().catch(() => undefined);
    }
    return null;
  }

  /**
   * With a dialog open over the page (a filter drawer, a size picker), the customer sees what is in it: a match behind
   * it, inert or under its backdrop, gives way to the same words in the dialog. With none there, the match behind stays
   * (and a tap on it is reported as under the dialog).
   */
  private async inOpenDialog(locator: Locator, found: Found): Promise<Found> {
    const about = await timed(found.handle.evaluate(aboutMatch, OPEN_DIALOG), 2000).catch(() => null);
    if (!about?.behind) return about ? { ...found, kind: { frame: about.frame, choice: about.choice } } : found;
    const dialog = this.page.locator(OPEN_DIALOG).filter({ visible: true }).last();
    const match = this.locateIn(dialog, locator);
    // One there now (counted at once) is waited for as long as a busy page needs to hand it over.
    if ((await timed(match.count(), 2000).catch(() => 0)) === 0) return found;
    const inside = await pin(match, 2000, false);
    if (!inside) return found;
    void found.handle.dispose().catch(() => undefined);
    return inside;
  }

  /**
   * A frame the locator named as a field (a hosted card field's frame, titled or labelled "Card number"): the customer
   * means the field in it. Null when the element is no frame, or its frame shows no field. Only a label, a test id or
   * CSS can name a frame: a role, a text or a placeholder never does, and is not asked about.
   */
  private async intoFrame(locator: Locator, found: Found): Promise<{ element: PwLocator; box: Box; framed: true } | null> {
    if (!(locator.label || locator.testId || locator.css)) return null;
    const frame = found.kind?.frame ?? (await timed(found.handle.evaluate((el) => el.tagName === 'IFRAME'), this.timeout).catch(() => false));
    if (!frame) return null;
    const inside = found.element.contentFrame();
    const field = inside.locator(FIELDS).filter({ visible: true }).first();
    // Waited for while the frame loads; a frame that has loaded with no field (a video) is the element itself.
    const deadline = Date.now() + this.timeout;
    while (Date.now() < deadline) {
      if ((await field.count().catch(() => 0)) > 0) {
        const box = await field.boundingBox({ timeout: FRAME_POLL_MS }).catch(() => null);
        if (box) return { element: field, box, framed: true };
      }
      const loaded = await inside.locator(':root').evaluate(() => document.readyState === 'complete', undefined, { timeout: FRAME_POLL_MS }).catch(() => false);
      if (loaded && (await field.count().catch(() => 0)) === 0) return null;
      await delay(FRAME_POLL_MS);
    }
    return null;
  }

  /** An element's box on the customer's screen and on the whole page, for one inside a frame. */
  private async screenBoxes(element: PwLocator): Promise<Pick<TargetInfo, 'box' | 'pageBox'>> {
    const box = await element.boundingBox({ timeout: this.timeout }).catch(() => null);
    // The box is on the screen, which may have moved over a page wider than itself (see wheel).
    const scroll = await timed(ask(this.page, () => ({ x: visualViewport?.pageLeft ?? scrollX, y: visualViewport?.pageTop ?? scrollY })), 2000).catch(() => ({ x: 0, y: 0 }));
    return { box, pageBox: box ? { ...box, x: box.x + scroll.x, y: box.y + scroll.y } : null };
  }

  async tap(element: PwLocator, where: 'middle' | 'start' = 'middle', slips = 0): Promise<void> {
    const mark = this.recorder.mark;
    const tab = this.page;
    const position = where === 'start' ? await this.startOf(element) : undefined;
    // A checkbox or radio the page hides (a colour swatch, a toggle) is ticked the way the customer ticks it: by a tap
    // on the label that shows it, once the box takes taps.
    // Only for one reached so (see reach): finding the element again costs every other tap a search of the page.
    const input = this.byLabel.has(element) ? await element.elementHandle({ timeout: Math.min(this.timeout, 2000) }).catch(() => null) : null;
    const label = input ? await this.labelFor(input) : null;
    if (!label) void input?.dispose().catch(() => undefined);
    const target = label ?? element;
    // One that never holds still is tapped where it is, once nothing lies over it and it takes taps; the browser's own
    // checks would wait for it to stop.
    const moving = !label && this.moving.has(element) && (await timed(element.evaluate(landsOn), 2000).catch(() => false)) && (await element.isEnabled().catch(() => false));
    // One the page keeps replacing is tapped where it is, as the customer taps it: the browser's checks that it is the
    // same element all along would never pass. (Nor does a forced tap: it still holds the element it found, and
    // failed 5 runs in 8 on a view drawn anew every 5 ms, where a tap at its place passed all 8.)
    if (!label && !moving && this.redrawn.has(element)) {
      await this.tapWhereItIs(element, position);
      await this.recorder.pressAnswered(mark);
      if (slips < MAX_SLIPS && this.recorder.dropSlippedPress(mark)) await this.tap(element, where, slips + 1);
      return;
    }
    // The label of a box the page hides, under a bar the page pins to the screen's edge (a "Continue" bar over a
    // delivery choice), is swiped out from under it first, as any control is (see untilUncovered): the browser's own
    // tap would scroll it out unseen, and that swipe is the customer's.
    if (label) {
      const by = await timed(askElement(label, pinnedBarOver), 2000).catch(() => null);
      if (by) await this.wheel(by);
    }
    // Something of the page's own lying over the control (the last step's toast, fading in its own time) is waited out
    // before the tap, as the customer waits for it to go: that is no wait for the site to answer them.
    // One still under it then stays under it: the tap's own wait is kept short, to say so (see whyNoTap).
    const screen = label !== null || moving ? null : await this.untilUncovered(element);
    const uncovered = screen?.uncovered ?? true;
    const timeout = uncovered ? this.timeout : Math.min(this.timeout, COVERED_TAP_MS);
    // On a phone, with the screen moved over a page wider than itself (see wheel), the browser's check of what lies
    // under the finger looks in the wrong place, though the tap lands right: a control nothing lies over (as
    // untilUncovered found) is tapped without that check.
    const moved = this.touch && (screen ? screen.moved : label !== null && (await this.screenMoved()));
    // A control the page only says is disabled (aria-disabled, greyed out) still takes the customer's tap, and the
    // page may answer it ("Choose a delivery date first"); the browser's check that it is enabled would refuse it.
    const force = moving || (uncovered && (screen?.saidDisabled === true || (moved && (await target.isEnabled().catch(() => false)))));
    // The browser hands the tap to the page and returns once the page has handled it: a page whose handler freezes
    // its main thread holds the tap that long, and that is the customer waiting.
    await this.recorder
      .waiting(async () => {
        if (label) await input!.waitForElementState('enabled', { timeout: this.timeout });
        await (this.touch ? target.tap({ timeout, position, force }) : target.click({ timeout, position, force }));
      })
      .catch(async (error: Error) => {
        // A window that closes itself in answer to the press (a wallet's Approve) may be gone before the browser says
        // the tap is done: the page said it was pressed, and the closing is its answer.
        if (tab.isClosed() && this.recorder.pressedSince(mark)) return;
        // The usual reasons a tap never lands: the control is disabled, or something lies over it (a cookie banner,
        // a dialog).
        const why = await this.whyNoTap(element, label);
        throw why ? new ActionError(why) : error;
      })
      .finally(() => {
        if (label) for (const handle of [label, input!]) void handle.dispose().catch(() => undefined);
      });
    await this.recorder.pressAnswered(mark);
    // The page scrolled the control away from under the finger as the tap came down: tapped again where it is now.
    if (slips < MAX_SLIPS && this.recorder.dropSlippedPress(mark)) await this.tap(element, where, slips + 1);
  }

  /** What the screen shows of the page, in the page's pixels, and at what scale (below 1 on a page shown zoomed out). */
  private screenShows(): Promise<{ width: number; height: number; scale: number }> {
    const own = { ...this.viewport, scale: 1 };
    return timed(
      ask(this.page, () => {
        const visual = window.visualViewport;
        return visual ? { width: visual.width, height: visual.height, scale: visual.scale } : null;
      }),
      2000,
    )
      .then((shows) => shows ?? own)
      .catch(() => own);
  }

  /** Whether the screen has moved over a page laid out larger than itself, or is zoomed (see wheel). */
  private screenMoved(): Promise<boolean> {
    return timed(
      ask(this.page, () => {
        const visual = window.visualViewport;
        return visual !== null && (visual.offsetLeft !== 0 || visual.offsetTop !== 0 || visual.scale !== 1);
      }),
      2000,
    ).catch(() => false);
  }

  /**
   * A tap (or a click) on the screen where the locator's match is now, at `position` in it or its middle; the page
   * hands it to whatever it drew there. Its box is read again while the page replaces the match between reads.
   */
  private async tapWhereItIs(element: PwLocator, position: { x: number; y: number } | undefined): Promise<void> {
    const deadline = Date.now() + this.timeout;
    let box: Box | null = null;
    // Read again at once, as in targetAgain.
    while (!box && Date.now() < deadline) box = await element.boundingBox({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null);
    if (!box) throw new ActionError(`the page kept replacing ${await element.evaluate((el) => window.__cxShopLib?.describe(el) ?? 'the element').catch(() => 'the element')}, and it was gone before the customer could tap it`);
    const x = box.x + (position?.x ?? box.width / 2);
    const y = box.y + (position?.y ?? box.height / 2);
    this.recorder.inputGiven();
    await this.recorder.waiting(() => (this.touch ? this.page.touchscreen.tap(x, y) : this.page.mouse.click(x, y)));
  }

  /**
   * Waits, up to the step's timeout, until nothing lies over the element's middle on the screen (see screenOver),
   * first swiping it out from under a bar pinned over it (see pinnedBarOver); `uncovered` false when something still
   * does, and whether the screen has moved over the page as screenOver last saw it.
   */
  private async untilUncovered(element: PwLocator): Promise<{ uncovered: boolean; moved: boolean; saidDisabled: boolean }> {
    const deadline = Date.now() + this.timeout;
    let nudged = false;
    for (;;) {
      const screen = await this.askReached(element, screenOver, 2000);
      if (!screen?.covered) return { moved: false, saidDisabled: false, ...screen, uncovered: true };
      // A bar pinned over it is swiped away from it, once: the customer's own swipe.
      const by = nudged ? 0 : await this.askReached(element, pinnedBarOver, 2000);
      nudged = true;
      const swipe = by ? await this.wheel(by) : null;
      if (swipe && Math.abs(swipe.after - swipe.before) >= 1) continue;
      if (Date.now() >= deadline) return { ...screen, uncovered: false };
      await delay(COVERED_POLL_MS);
    }
  }

  /** A point just inside the element's start, halfway down (the middle when its box cannot be read). */
  private async startOf(element: PwLocator): Promise<{ x: number; y: number } | undefined> {
    const box = await element.boundingBox({ timeout: this.timeout }).catch(() => null);
    return box ? { x: Math.min(8, box.width / 2), y: box.height / 2 } : undefined;
  }

  /**
   * Why a tap could not land, in the customer's words: the control is disabled, or something lies over it where a
   * finger would tap (on the label that shows it, for a box the page hides); null when neither.
   */
  private async whyNoTap(element: PwLocator, label: ElementHandle<HTMLLabelElement> | null = null): Promise<string | null> {
    return timed(
      element.evaluate((el, shown) => {
        const lib = window.__cxShopLib;
        if (!lib) return null;
        const disabled = `${lib.describe(el)} is disabled: the customer's tap does nothing until the page enables it`;
        if (el.matches(':disabled')) return disabled;
        // One the page only says is disabled is tapped all the same (see tap), unless something lies over it.
        const saidDisabled = el.closest('[aria-disabled="true"]') ? disabled : null;
        const aim = shown ?? el;
        if (!aim.isConnected) return null;
        const r = aim.getBoundingClientRect();
        // Asked of its own tree (see landsOn): in a component's shadow root, the document answers with the host.
        const top = (aim.getRootNode() as Document | ShadowRoot).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        if (!top || aim.contains(top) || top.contains(aim) || el.contains(top)) return saidDisabled;
        // The whole overlay, not the piece of it under the finger: its outermost positioned or dialog ancestor.
        let cover: Element = top;
        for (let n: Element | null = top; n && n !== document.body && n !== document.documentElement; n = n.parentElement) {
          const position: string = getComputedStyle(n).position;
          if (position === 'fixed' || position === 'sticky' || position === 'absolute' || n.matches('dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]')) cover = n;
        }
        // An overlay that holds a dialog (a newsletter pop-up on its backdrop) is named as the dialog, by its title.
        const dialogs = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
        const over = cover.matches(dialogs) ? cover : (cover.querySelector(dialogs) ?? cover);
        const id = over.getAttribute('id') ? ` (#${over.getAttribute('id')})` : '';
        return `${lib.describe(el)} is under ${lib.describe(over)}${id}: the customer cannot tap it until that is out of the way`;
      }, label),
      2000,
    ).catch(() => null);
  }

  async typeInto(element: PwLocator, text: string, options: { clear: boolean; code?: boolean; paste?: boolean }): Promise<void> {
    // Keys sent to a button or a link go nowhere (or the tap leaves the page): said before the customer tries.
    const into = await this.askReached(element, typingInto, this.timeout);
    if (into?.why) throw new ActionError(into.why);
    this.recorder.intend({ text, ...(options.code !== undefined ? { code: options.code } : {}) });
    // The browser's own date and time fields are typed into segment by segment, from the first: the customer taps
    // that one, at the field's start (a tap in its middle lands on the day).
    const type = into?.type ?? '';
    const segmented = browserFormatted(type);
    await this.tap(element, segmented ? 'start' : 'middle');
    // Emptying a field that is already empty is no work for the customer, and no keystroke.
    const held = (await this.askReached(element, valueOf, this.timeout)) ?? '';
    if (options.clear && held !== '') {
      await element.press('ControlOrMeta+A', { timeout: this.timeout });
      await element.press('Delete', { timeout: this.timeout });
    }
    const keys = segmented ? segmentKeys(type, text) : null;
    // A paste puts the text in as the browser would from the clipboard; typing sends one key per character.
    this.recorder.inputGiven();
    if (options.paste) await this.page.keyboard.insertText(text);
    else await element.pressSequentially(keys ?? text, { timeout: this.timeout });
    // A field whose segments run in another order (a browser in another language), or that takes no typing at all (a
    // month field), is given the value the scenario wrote, as its picker would: the keys typed stay the effort.
    const value = text.trim();
    if (keys !== null && (await element.inputValue({ timeout: this.timeout }).catch(() => value)) !== value) {
      await element.fill(value, { timeout: this.timeout });
    }
  }

  async swipe(pixels: number): Promise<void> {
    await this.wheel(pixels);
  }

  async pressKey(key: string): Promise<void> {
    this.recorder.inputGiven();
    await this.page.keyboard.press(key);
  }

  settle(): Promise<void> {
    return this.recorder.settle();
  }

  callsAnswered(since: number): Promise<void> {
    return this.recorder.callsSince(since, LIST_CALLS_MS);
  }

  waiting<T>(work: () => Promise<T>): Promise<T> {
    return this.recorder.waiting(work);
  }

  mark(): number {
    return this.recorder.mark;
  }

  messagesSince(mark: number) {
    return this.recorder.messagesSince(mark);
  }

  recordPromo(probe: PromoProbe): void {
    this.promo = probe;
  }

  recordDocument(document: ReadDocument, target: TargetInfo): void {
    this.documents.push(document);
    const words = wordCount(document.text);
    this.readings.push({ kind: 'read', target: { ...target, text: target.text.slice(0, 80) }, words });
  }

  earlierTapsOnPage(): string[] {
    return this.options.earlierTaps();
  }

  ruleOff(rule: StepRuleId): boolean {
    return this.options.ruleOff?.(rule) ?? false;
  }

  /**
   * Swipes (the wheel, on a laptop) until the element is in view, as a customer scrolls to it; the recorder sees
   * each gesture, of the page or of the box under the finger that scrolls (see swipedDown). An element in a scrolling box
   * elsewhere on the screen, or one the wheel cannot reach, is jumped to instead.
   */
  private async swipeTo(element: PwLocator, box: Box | null, shown: ElementHandle<Element> | null, found: ElementHandle<Element> | null): Promise<number> {
    let swipes = 0;
    // What the screen shows, in the page's pixels: more than the screen's own on a page a phone shows zoomed out.
    let screen = { ...this.viewport, scale: 1 };
    const inView = (b: Box) => inSightDown(b.y, b.height, screen.height) && b.x >= -1 && b.x + Math.min(b.width, screen.width) <= screen.width + 1;
    if (box && !inView(box)) screen = await this.screenShows();
    // The swipes its place on the page asks for, as it lies now; and whether the page pulls the screen back against
    // the customer's swipes (a carousel that brings its next slide into view scrolls the page back up to itself).
    const planned = box ? swipesFor(box, screen.height) : 0;
    let pulledBack = false;
    let last: number | null = null;
    const mark = this.recorder.mark;
    // Swiping against such a page takes as many swipes as its timer and the customer's speed make it: the customer is
    // counted the swipes the page's length asks for (the effort model's), the same on every run.
    const counted = (): number => {
      if (!pulledBack) return swipes;
      this.recorder.countSwipesAs(mark, planned, screen.height);
      return planned;
    };
    for (; swipes < MAX_SWIPES; swipes += 1) {
      if (!box) break;
      if (inSightDown(box.y, box.height, screen.height)) {
        const handle = shown ?? found;
        const down = counted();
        return down + (handle ? await this.swipeSideways(box, handle, screen) : 0);
      }
      if (pulledBack && swipes >= planned) break;
      // Bring its middle to the middle of the screen, at most a screen at a time (one swipe); a wheel moves the
      // screen's own pixels.
      const wanted = swipeLength(box.y, box.height, screen.height);
      const swipe = await this.wheel(wanted * screen.scale);
      // Moved against the swipe since the last one, or during it: the page's own doing.
      pulledBack ||= swipe.pulledBack || (last !== null && (swipe.before - last) * Math.sign(wanted) < -1);
      last = swipe.after;
      if (Math.abs(swipe.after - swipe.before) < 1 && !pulledBack) break;
      // Read through the element found while it is in the page (no new search of the page), else found again.
      box = shown
        ? await shown.boundingBox().catch(() => null)
        : ((found && (await found.boundingBox().catch(() => null))) ?? (await element.boundingBox({ timeout: this.timeout }).catch(() => null)));
    }
    if (shown) await shown.scrollIntoViewIfNeeded({ timeout: this.timeout }).catch(() => undefined);
    else {
      const jumped = found ? await found.scrollIntoViewIfNeeded({ timeout: this.timeout }).then(() => true, () => false) : false;
      // One the page has taken out meanwhile is found again; one still there that never showed has had its wait.
      if (!jumped && !(found && (await found.evaluate((el) => el.isConnected).catch(() => false)))) {
        await element.scrollIntoViewIfNeeded({ timeout: this.timeout }).catch(() => undefined);
      }
    }
    return counted();
  }

  /**
   * Swipes sideways over the element's row until it is in view, as a customer flicks a rail of chips or a carousel
   * (a box of its own that scrolls sideways, or a page wider than the screen); each flick is seen by the recorder as
   * the customer's. Over when the element stands still again (a rail that snaps to its cards moves on after the flick).
   */
  private async swipeSideways(box: Box, handle: ElementHandle<Element>, screen: { width: number; height: number; scale: number }): Promise<number> {
    const { width, height } = screen;
    let swipes = 0;
    let way = 0;
    for (let now: Box | null = box; now && swipes < MAX_SWIPES; swipes += 1) {
      // An element wider than the screen (a size chart in a box that scrolls sideways) is in view as far as the screen
      // can show it once its start is on the screen: the customer reads it from there.
      const fits = now.width <= width;
      if (now.x >= -1 && (fits ? now.x + now.width <= width + 1 : now.x <= width / 2)) return swipes;
      // Far enough to bring it in with a little room, at most most of a screen a flick (a rail that snaps to its
      // cards carries a flick on to the next one).
      const wanted = now.x < 0 || !fits ? now.x - SIDEWAYS_ROOM : now.x + now.width - width + SIDEWAYS_ROOM;
      // Brought in from one side, it sticks out of the other (wider than the box it scrolls in): as far in as it goes.
      if (way !== 0 && Math.sign(wanted) !== way) return swipes;
      way = Math.sign(wanted);
      const most = width * 0.8;
      await this.page.mouse.move(this.viewport.width / 2, Math.max(1, Math.min(this.viewport.height - 1, (now.y + now.height / 2) * screen.scale)));
      this.recorder.inputGiven();
      await this.page.mouse.wheel(Math.max(-most, Math.min(most, wanted)) * screen.scale, 0);
      const next = await this.untilStill(handle);
      await this.recorder.flush();
      if (!next || Math.abs(next.x - now.x) < 1) break;
      now = next;
    }
    return swipes;
  }

  /** The element's box once it has held still for STILL_FRAMES of the page's frames (at most IDLE_FRAMES). */
  private async untilStill(handle: ElementHandle<Element>): Promise<Box | null> {
    return timed(
      handle.evaluate(
        (el, { still, idle }: { still: number; idle: number }) =>
          new Promise<void>((resolve) => {
            const nextFrame = window.__cxShopRecorder?.frame ?? requestAnimationFrame;
            let last = el.getBoundingClientRect().x;
            let unchanged = 0;
            let frames = 0;
            const frame = () => {
              const x = el.getBoundingClientRect().x;
              unchanged = x === last ? unchanged + 1 : 0;
              last = x;
              frames += 1;
              if (!el.isConnected || unchanged >= still || frames >= idle) resolve();
              else nextFrame(frame);
            };
            nextFrame(frame);
          }),
        { still: STILL_FRAMES, idle: IDLE_FRAMES },
      ),
      5000,
    )
      .then(() => handle.boundingBox())
      .catch(() => null);
  }

  /**
   * One wheel gesture over the middle of the screen: where the page was on the screen before and after (in the page's
   * pixels), and whether it moved back against the wheel meanwhile (the page's own doing). On a phone,
   * a page wider than the screen (a table sticking out) is laid out larger than the screen, and a swipe moves the
   * screen over it (the visual viewport) before the document scrolls, or without it scrolling at all.
   */
  private async wheel(pixels: number): Promise<{ before: number; after: number; pulledBack: boolean }> {
    // How far down what the customer swipes stands (see swipedDown).
    const where = () => timed(ask(this.page, swipedDown), 2000).catch(() => ({ page: 0, boxes: 0, wheels: -1 }));
    const before = await where();
    const mark = before.wheels;
    await this.page.mouse.move(this.viewport.width / 2, this.viewport.height / 2);
    this.recorder.inputGiven();
    await this.page.mouse.wheel(0, pixels);
    // Over when the browser says the scroll it made of the page for this wheel has ended (its scrollend). Otherwise (a
    // box that scrolls, a page that scrolls by its own script, frame by frame, or stops the event on its way) counted
    // in the page's frames, not in time, so a busy machine ends the wait at the same place: once what the customer
    // swiped has moved and then stood still for a few frames, or when it has not moved at all for many (nothing to
    // scroll).
    const ended = await timed(
      ask(
        this.page,
        ({ from, still, idle, mark, way }: { from: { page: number; boxes: number }; still: number; idle: number; mark: number; way: number }) =>
          new Promise<{ at: { page: number; boxes: number }; back: boolean }>((resolve) => {
            const recorder = window.__cxShopRecorder;
            const nextFrame = recorder?.frame ?? requestAnimationFrame;
            // The boxes under the finger, as they were when it swiped.
            const boxes = window.__cxShopLib?.swipedBoxes() ?? [];
            const at = () => ({ page: window.visualViewport?.pageTop ?? window.scrollY, boxes: boxes.reduce((sum, box) => sum + box.scrollTop, 0) });
            const down = (place: { page: number; boxes: number }) => place.page + place.boxes;
            let last = down(at());
            let unchanged = 0;
            let back = false;
            const start = down(from);
            const frame = () => {
              const place = at();
              const now = down(place);
              back ||= (now - last) * way < -1;
              unchanged = now === last ? unchanged + 1 : 0;
              last = now;
              // The browser's scrollend is the page's: heard only when the page alone moved.
              const ended = place.page !== from.page && place.boxes === from.boxes && mark >= 0 && recorder?.wheelScrollEnded(mark) === true;
              if (ended || (unchanged >= still && now !== start) || unchanged >= idle) resolve({ at: place, back });
              else nextFrame(frame);
            };
            nextFrame(frame);
          }),
        { from: before, still: STILL_FRAMES, idle: IDLE_FRAMES, mark, way: Math.sign(pixels) },
      ),
      5000,
    ).catch(async () => ({ at: await where(), back: false }));
    // The swipe is over: it is one gesture, whatever the next one does and however soon it comes.
    await this.recorder.flush();
    const [from, to] = [before.page + before.boxes, ended.at.page + ended.at.boxes];
    return { before: from, after: to, pulledBack: ended.back || (to - from) * Math.sign(pixels) < -1 };
  }

  private async notFound(locator: Locator): Promise<string> {
    const words = locator.name ?? locator.label ?? locator.text ?? locator.placeholder ?? locator.testId ?? locator.css ?? '';
    const field = Boolean(locator.label || locator.placeholder || locator.role === 'textbox' || locator.role === 'combobox');
    await timed(ensurePageLib(this.page), 2000).catch(() => undefined);
    const candidates = await timed(
      ask(this.page, suggestLocators, { words, field, testIdAttribute: this.options.testIdAttribute }),
      3000,
    ).catch(() => [] as Suggestion[]);
    // Only what the scenario's own way of finding would find: a name read in the page is not always one it matches.
    const suggestions: string[] = [];
    for (const candidate of candidates) {
      if (suggestions.length >= 3) break;
      const matches = await timed(this.locate(candidate.locator as Locator).count(), 2000).catch(() => 0);
      if (matches > 0) suggestions.push(candidate.written);
    }
    const where = this.page.url();
    // Nothing else like it, but the element itself is there unseen: the scenario has to open what shows it first.
    const unseen = suggestions.length === 0 && (await timed(this.matches(this.page, locator, true).count(), 2000).catch(() => 0)) > 0;
    const hint =
      suggestions.length > 0
        ? `; on that page, ${suggestions.join(' or ')} would match`
        : unseen
          ? '; it is on that page but hidden (in a menu, a folded section or a tab not open): a step before must open what shows it'
          : '';
    return `could not find ${describeLocator(locator)} on ${where} within ${this.timeout / 1000} s${hint}`;
  }
}
