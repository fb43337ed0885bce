/**
 * Recovery: the extra work friction forces on the customer, priced with the same operators as their own work.
 * Each price says what the customer has to do again; a finding that forces nothing (low contrast, a missing
 * landmark, a failed background request) costs nothing here and is reported by its severity alone.
 */
import type { AppearedText, Box, Interaction, TypedField } from '../artifacts/types.js';
import type { Finding, RecoveryItem } from '../report/types.js';
import { isErrorMessage } from '../rules/error-message.js';
import { shownWidth } from '../rules/horizontal-scroll.js';
import { textTooSmall } from '../rules/small-text.js';
import { excerpt, saysShopActed } from '../rules/support/message-words.js';
import type { JudgedStep } from '../rules/types.js';
import { pointingTime } from './fitts.js';
import { OPERATORS, RECOVERY } from './operators.js';

const { mental: M, keystroke: K, codeKeystroke: KCODE, swipe: SWIPE } = OPERATORS;

/** Tapping again what the customer just tapped: one look and a tap without moving far. */
export function retap(touch: boolean): number {
  const box = { x: 0, y: 0, width: RECOVERY.comfortablePx, height: RECOVERY.comfortablePx };
  return M + pointingTime({ x: box.width / 2, y: box.height / 2 }, box, touch);
}

/** The error function (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7). */
function erf(x: number): number {
  const sign = Math.sign(x);
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-x * x));
}

/**
 * Probability that a finger aimed at the middle of a target lands inside it: touch points spread around the aim as a
 * Gaussian of sigma 1.5 mm in each direction (the absolute precision of the finger, Bi, Li & Zhai 2013).
 */
export function hitProbability(box: Pick<Box, 'width' | 'height'>): number {
  const sigmaPx = RECOVERY.fingerSigmaMm / RECOVERY.mmPerCssPx;
  const along = (size: number) => erf(Math.max(size, 1) / (2 * Math.SQRT2 * sigmaPx));
  return along(box.width) * along(box.height);
}

/** Misses to expect before the tap lands (a geometric number of tries): none on targets of 44 px and more. */
export function expectedMisses(box: Pick<Box, 'width' | 'height'>): number {
  if (box.width >= RECOVERY.comfortablePx && box.height >= RECOVERY.comfortablePx) return 0;
  const p = hitProbability(box);
  return (1 - p) / p;
}

/**
 * A finger misses small targets now and then: each expected miss on a tap the customer made is one more look and
 * tap. A mouse does not miss (Fitts' law already prices its aim).
 */
export function missedTaps(interactions: readonly Interaction[], touch: boolean, scale = 1): RecoveryItem[] {
  if (!touch) return [];
  const items: RecoveryItem[] = [];
  for (const step of interactions) {
    if (step.kind !== 'tap' && !(step.kind === 'type' && step.pointed) && !(step.kind === 'select' && step.pointed)) continue;
    // As the screen draws it: on a page a phone shows zoomed out, its size times the page's scale.
    const box = step.target.box && scale < 1 ? { ...step.target.box, width: step.target.box.width * scale, height: step.target.box.height * scale } : step.target.box;
    const misses = box ? expectedMisses(box) : 0;
    if (!box || misses <= 0.005) continue;
    const drawn = scale < 1 ? ` as the phone draws it, the page shown at ${Math.round(scale * 100)}%` : '';
    items.push({
      rule: 'tap-target-size',
      what: `${misses.toFixed(2)} expected misses tapping ${step.target.description} (${Math.round(box.width)}×${Math.round(box.height)} px${drawn})`,
      seconds: Math.round(misses * retap(true) * 1000) / 1000,
    });
  }
  return items;
}

/** Where the customer's view of the page was when a step ended: its scroll and size, in document CSS pixels. */
export interface View {
  scroll: { x: number; y: number };
  viewport: { width: number; height: number };
  /**
   * How far bars held on the screen cover it from its top and bottom edges (a fixed or sticky header, a bottom bar):
   * what the page scrolls under them is out of the customer's sight as much as what lies beyond the screen. Absent
   * when not known.
   */
  covered?: { top: number; bottom: number };
}

/** The part of the page the customer can see, top to bottom, in document CSS pixels: the screen less its bars. */
function seen(view: View): { top: number; bottom: number } {
  const top = view.scroll.y + Math.max(0, view.covered?.top ?? 0);
  const bottom = view.scroll.y + view.viewport.height - Math.max(0, view.covered?.bottom ?? 0);
  return { top, bottom: Math.max(top, bottom) };
}

/**
 * How far the view must move up or down to show the whole box: 0 when the box is in view, even partly; null when it
 * lies beside the view (no scrolling up or down reaches it: a message parked off the side is for screen readers).
 * A box wholly under a bar held on the screen (a message the page scrolled to the top edge, under its fixed header)
 * is out of view.
 */
export function distanceOutOfView(box: Box, view: View): number | null {
  const left = view.scroll.x;
  const { top, bottom } = seen(view);
  if (box.x + box.width <= left || box.x >= left + view.viewport.width) return null;
  if (box.y + box.height <= top) return top - box.y;
  if (box.y >= bottom) return box.y + box.height - bottom;
  return 0;
}

/**
 * An error message that appeared wholly outside the view the customer was left with (after any scrolling the page
 * did on its own, such as moving to its error summary): to read it they first have to find it, one swipe and one M
 * per viewport height it lies away (the scroll operator). Once per step, to the nearest such message; nothing when
 * an error message is in view (they read that one where they are), nor for one held on the screen (a fixed toast).
 */
export function errorOutOfSight(appeared: readonly AppearedText[], view: View | null): RecoveryItem[] {
  if (!view) return [];
  const errors = appeared.filter((message) => isErrorMessage(message) && message.box && message.box.width > 0 && message.box.height > 0);
  if (errors.some((message) => message.pinned)) return [];
  const away = errors.flatMap((message) => {
    const pixels = distanceOutOfView(message.box!, view);
    return pixels === null ? [] : [{ message, pixels }];
  });
  if (away.length === 0 || away.some(({ pixels }) => pixels === 0)) return [];
  const nearest = away.reduce((a, b) => (b.pixels < a.pixels ? b : a));
  const swipes = Math.ceil(nearest.pixels / view.viewport.height);
  const where = nearest.message.box!.y < seen(view).top ? 'up' : 'down';
  return [
    {
      rule: 'error-message',
      what: `scroll ${swipes} screen${swipes === 1 ? '' : 's'} ${where} to find "${excerpt(nearest.message.text, 60)}", shown out of view`,
      seconds: Math.round(swipes * (SWIPE + M) * 1000) / 1000,
    },
  ];
}

/** Findings that say the customer was told of a failure, or priced a tap that got nothing already. */
const TOLD = new Set(['error-message', 'wordless-error', 'fault-unexplained', 'fault-raw-error', 'fault-blank-page', 'dead-tap']);

const item = (finding: Finding, what: string, seconds: number): RecoveryItem => ({
  rule: finding.rule,
  what,
  seconds: Math.round(seconds * 1000) / 1000,
});

/** Characters typed into the field a finding names, in this step (what the customer has to type again). */
function typedChars(step: JudgedStep, element: string | undefined): number | null {
  const field = step.typed.find((f) => f.target.description === element || (f.label !== null && element?.includes(f.label)));
  return field ? field.chars : null;
}

/**
 * The recovery each finding of a step forces. Only deterministic findings that the customer's own actions met
 * count: timing findings are noisy and rule failures are cx-shop's. `earlier` is the scenario's steps before this one,
 * in order: a message names a field typed in an earlier step as well as one typed in this one.
 */
export function recoveryFor(findings: readonly Finding[], step: JudgedStep, earlier: readonly JudgedStep[] = []): RecoveryItem[] {
  const items: RecoveryItem[] = [];
  const P = retap(step.touch) - M;
  for (const finding of findings) {
    if (finding.class !== 'deterministic' || finding.error) continue;
    const element = finding.evidence.element;
    switch (finding.rule) {
      case 'value-not-kept': {
        const chars = typedChars(step, element) ?? 0;
        items.push(item(finding, `notice ${element} lost its value, go back to it and type ${chars} characters again`, M + P + M + chars * K));
        break;
      }
      case 'form-cleared': {
        const fields = (finding.evidence.items as Array<{ element: string; chars?: number }> | undefined) ?? [];
        const chars = fields.reduce((sum, f) => sum + (f.chars ?? 0), 0);
        items.push(item(finding, `notice the form was emptied and fill ${fields.length} fields again (${chars} characters)`, M + fields.length * (M + P) + chars * K));
        break;
      }
      case 'dead-tap':
        items.push(item(finding, `wait for ${element} to answer, then tap it again`, RECOVERY.deadTapWait + M + P));
        break;
      case 'fault-unexplained': {
        // Only an action that asks for an answer (a tap, a key, a choice) is waited on and done again: what failed
        // quietly while the customer typed (suggestions that never came) leaves them nothing to do again. A tap that
        // is dead-tap's finding already (the failed request was the only answer, and a failure injected by cx-shop is
        // none) is waited on and tapped again once, priced there.
        const asked = step.interactions.filter((i) => i.kind === 'tap' || i.kind === 'press' || i.kind === 'select').length;
        const dead = findings.filter((f) => f.rule === 'dead-tap' && f.class === 'deterministic' && !f.error).length;
        if (asked > dead) items.push(item(finding, 'wait for an answer that never shows, then tap again', RECOVERY.deadTapWait + M + P));
        break;
      }
      case 'failed-request': {
        // The site's own failure of a call a tap of theirs asked for, that the page said nothing of (no
        // message, no dead tap): as a failure cx-shop injects and the page does not explain (fault-unexplained), the
        // customer waits for an answer that never shows, then taps again. Once a step, however many calls failed.
        const told = findings.some((f) => TOLD.has(f.rule) && f.class === 'deterministic' && !f.error);
        const asked = step.interactions.some((i) => i.kind === 'tap' || i.kind === 'press' || i.kind === 'select');
        // (A page that failed to come shows the browser's own error page: no answer that never shows.)
        const answer = ['fetch', 'xhr'].includes(String(finding.evidence.resourceType));
        if (answer && asked && !told && !items.some((i) => i.rule === 'failed-request')) items.push(item(finding, 'wait for an answer that never shows, then tap again', RECOVERY.deadTapWait + M + P));
        break;
      }
      case 'fault-no-retry':
        items.push(item(finding, 'reload the page to get a working button back', M + P));
        break;
      case 'promo-rejected': {
        const promo = step.promo;
        if (!promo || promo.customer.accepted) break;
        const length = promo.code.length;
        items.push(item(finding, `read the rejection, retype the ${length}-character code another way and apply it again`, M + M + P + length * KCODE + M + P));
        break;
      }
      case 'error-message': {
        // A message that says what the shop did about it ("we've kept 3 in your bag") leaves nothing to fix: read only.
        if (saysShopActed(finding.evidence.text ?? '')) break;
        // A form emptied in the same step is filled again whole (form-cleared): the field named is typed again there.
        const refilled = findings.some((f) => f.rule === 'form-cleared' && f.class === 'deterministic' && !f.error);
        const said = (finding.evidence.text ?? '').toLowerCase();
        const named = typedSoFar(step, earlier).find((f) => {
          const label = f.label === null ? '' : labelWords(f.label);
          return label.length >= 3 && said.includes(label);
        });
        const retype = named && !refilled ? named : undefined;
        const chars = retype ? retype.chars : 0;
        items.push(item(finding, retype ? `go to ${retype.target.description} and type it again (${chars} characters)` : 'work out what to fix and go to it', M + P + chars * K));
        break;
      }
      case 'wordless-error':
        // No words to read: the customer looks over what was marked and works out for themselves what it wants.
        items.push(item(finding, `work out, with no words to go on, what is wrong with ${element} and go to it`, M + M + P));
        break;
      case 'small-text':
        // Once per page: a customer still on the page they already zoomed into to read (a toast of small words after
        // a tap) reads on as they did. A page opened again starts at its own scale, and is zoomed into again.
        if (stillOnSmallText(step)) break;
        items.push(item(finding, 'pinch to zoom in to read, and out again', M + 2 * RECOVERY.pinch));
        break;
      case 'horizontal-scroll': {
        const page = step.page;
        if (!page) break;
        // Past what the screen shows at once: on a phone that shows the page zoomed out, its width at that scale.
        const width = shownWidth(page, step.viewport.width, step.mobile);
        const screens = Math.ceil(Math.max(0, page.scrollWidth - width) / width);
        items.push(item(finding, `${2 * screens} sideways swipes to see the page and come back`, 2 * screens * (SWIPE + M)));
        break;
      }
    }
  }
  return items;
}

/**
 * The fields the customer has typed into on the page this step began on, latest first, each once as it was last
 * typed (or last lost): in this step, and in earlier steps since the customer last came to a new page. How a scenario
 * splits its steps ("type the email", then "tap Sign up") does not change what they typed. A field gone when its step
 * ended (the page changed under it) is not on that page; one an earlier step emptied (not by sending it) was typed
 * again there, priced by what reported the loss (value-not-kept, form-cleared, that step's own error).
 */
function typedSoFar(step: JudgedStep, earlier: readonly JudgedStep[]): TypedField[] {
  const seen = new Set<string>();
  const fields: TypedField[] = [];
  const take = (field: TypedField, lost: boolean) => {
    const key = `${field.target.description}|${field.label ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!lost) fields.push(field);
  };
  for (const field of [...step.typed].reverse()) take(field, false);
  for (let i = earlier.length - 1; i >= 0; i -= 1) {
    const before = earlier[i]!;
    for (const field of [...before.typed].reverse()) if (field.keptAtStepEnd !== null) take(field, field.keptAtStepEnd === false && field.sent !== true);
    if (before.pages.length > 0) break;
  }
  return fields;
}

/** The step left the customer on the page they ended the step before on, whose text was already too small to read. */
function stillOnSmallText(step: JudgedStep): boolean {
  const before = step.previousPage;
  const now = step.page;
  if (!before || !now || step.pages.length > 0) return false;
  return before.url.split('#')[0] === now.url.split('#')[0] && textTooSmall(before);
}

/** A field's label as a message names it: without its marks ("Postleitzahl *", "Email (required)", "Name:"). */
function labelWords(label: string): string {
  return label
    .replace(/\((?:required|optional|pflicht(?:feld)?|optional|obligatoire|facultatif|obligatorio|opcional)\)/gi, ' ')
    .replace(/[*:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
