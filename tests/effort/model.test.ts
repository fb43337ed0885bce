import { describe, expect, it } from 'vitest';
import { characterClasses, keyboardSwitches } from '../../src/effort/keyboard.js';
import { pointingTime, restingPoint } from '../../src/effort/fitts.js';
import { initialEffortState, readingTime, stepEffort, type StepEffortInput } from '../../src/effort/model.js';
import { OPERATORS, RECOVERY } from '../../src/effort/operators.js';
import { distanceOutOfView, errorOutOfSight, expectedMisses, hitProbability, missedTaps, recoveryFor, retap } from '../../src/effort/recovery.js';
import { ruleFinding as finding } from '../helpers/report.js';
import { judgedStep, pageSnapshot } from '../helpers/artifacts.js';
import type { AppearedText, Interaction, TargetInfo } from '../../src/artifacts/types.js';

const phone = { touch: true, viewport: { width: 400, height: 800 } };
const laptop = { touch: false, viewport: { width: 1280, height: 720 } };

function target(x: number, y: number, width: number, height: number): TargetInfo {
  return { description: 'button "Apply"', text: 'Apply', box: { x, y, width, height }, pageBox: { x, y, width, height } };
}

function effortOf(interactions: Interaction[], device = phone, extra: Partial<StepEffortInput> = {}) {
  return stepEffort({ ...device, interactions, appeared: [], ...extra }, [], initialEffortState(device));
}

describe('pointing (Fitts)', () => {
  it('touch: a + b log2(D/W + 1) from the thumb at the bottom centre', () => {
    // Target centre (200, 400); thumb at (200, 800): D = 400; W = min(100, 40) = 40.
    const expected = 0.2 + 0.144 * Math.log2(400 / 40 + 1);
    expect(pointingTime(restingPoint(true, phone.viewport), target(150, 380, 100, 40).box!, true)).toBeCloseTo(expected, 12);
  });

  it('mouse: max(0.1, 0.1 log2(D/W + 0.5)) + 0.2 from the viewport centre', () => {
    // Target centre (640, 560); mouse at (640, 360): D = 200; W = 20.
    const expected = 0.1 * Math.log2(200 / 20 + 0.5) + 0.2;
    expect(pointingTime(restingPoint(false, laptop.viewport), target(600, 550, 80, 20).box!, false)).toBeCloseTo(expected, 12);
  });

  it('mouse movement never takes less than 0.1 s, even onto the point itself', () => {
    expect(pointingTime({ x: 640, y: 360 }, { x: 540, y: 260, width: 200, height: 200 }, false)).toBeCloseTo(0.1 + 0.2, 12);
  });

  it('a smaller target at the same distance takes longer', () => {
    const from = { x: 200, y: 800 };
    expect(pointingTime(from, target(190, 390, 20, 20).box!, true)).toBeGreaterThan(
      pointingTime(from, target(170, 370, 60, 60).box!, true),
    );
  });
});

describe('operators', () => {
  it('a tap is one M plus its pointing time', () => {
    const tap = target(150, 380, 100, 44);
    const { breakdown, total } = effortOf([{ kind: 'tap', target: tap, pointer: 'touch' }]);
    expect(breakdown.mental).toBeCloseTo(OPERATORS.mental, 3);
    expect(breakdown.pointing).toBeCloseTo(0.2 + 0.144 * Math.log2(398 / 44 + 1), 3);
    expect(total).toBeCloseTo(breakdown.mental + breakdown.pointing, 3);
  });

  it('typing: M and P to reach the field, one M for the value, K per character', () => {
    const field = target(20, 300, 360, 48);
    const { breakdown } = effortOf([
      { kind: 'type', target: field, pointed: true, chars: 10, deletes: 0, code: false, keyboardSwitches: 0 },
    ]);
    expect(breakdown.mental).toBeCloseTo(2 * OPERATORS.mental, 3);
    expect(breakdown.keystrokes).toBeCloseTo(10 * 0.28, 3);
    expect(breakdown.homing).toBe(0);
  });

  it('codes cost 0.5 s a character and keyboard switches 0.28 s each', () => {
    const field = target(20, 300, 360, 48);
    const { breakdown } = effortOf([
      { kind: 'type', target: field, pointed: true, chars: 6, deletes: 0, code: true, keyboardSwitches: 1 },
    ]);
    expect(breakdown.keystrokes).toBeCloseTo(6 * 0.5, 3);
    expect(breakdown.keyboardSwitches).toBeCloseTo(0.28, 3);
  });

  it('with a mouse, moving between mouse and keyboard costs H each way', () => {
    const field = target(400, 300, 300, 40);
    const button = target(400, 400, 100, 40);
    const { breakdown, state } = effortOf(
      [
        { kind: 'type', target: field, pointed: true, chars: 3, deletes: 0, code: false, keyboardSwitches: 0 },
        { kind: 'tap', target: button, pointer: 'mouse' },
      ],
      laptop,
    );
    expect(breakdown.homing).toBeCloseTo(2 * OPERATORS.homing, 3);
    expect(state.hand).toBe('mouse');
  });

  it('each swipe the customer made is a swipe plus an M', () => {
    const { breakdown } = effortOf([{ kind: 'scroll', pixels: 1500, viewports: 2, direction: 'vertical' }]);
    expect(breakdown.scrolling).toBeCloseTo(2 * 0.5, 3);
    expect(breakdown.mental).toBeCloseTo(2 * OPERATORS.mental, 3);
  });

  it('a select is a tap plus one M per choice', () => {
    const { breakdown } = effortOf([{ kind: 'select', target: target(20, 300, 200, 40), choices: 1, pointed: true }]);
    expect(breakdown.mental).toBeCloseTo(2 * OPERATORS.mental, 3);
  });

  it('backspaces are keystrokes too', () => {
    const field = target(20, 300, 360, 48);
    const { breakdown } = effortOf([{ kind: 'type', target: field, pointed: true, chars: 4, deletes: 2, code: false, keyboardSwitches: 0 }]);
    expect(breakdown.keystrokes).toBeCloseTo(6 * OPERATORS.keystroke, 3);
  });

  it('arriving at a page costs nothing; going back is an M and a key', () => {
    expect(effortOf([{ kind: 'navigate', url: 'http://x/', via: 'arrive' }]).total).toBe(0);
    expect(effortOf([{ kind: 'navigate', url: 'http://x/', via: 'back' }]).total).toBeCloseTo(1.35 + 0.28, 3);
  });

  it('reading: 238 words a minute, for read text and for messages that appeared', () => {
    expect(OPERATORS.readingPerWord).toBeCloseTo(60 / 238, 12);
    expect(readingTime('Too  long\nto read — sorry')).toBeCloseTo(5 * (60 / 238), 6);
    const { breakdown } = effortOf([{ kind: 'read', target: target(0, 0, 10, 10), words: 238 }], phone, {
      appeared: [{ kind: 'alert', text: 'Card declined', where: 'p' }],
    });
    expect(breakdown.reading).toBeCloseTo(60 + 2 * (60 / 238), 3);
  });

  it('recovery items add up into the recovery operator, and findings alone add nothing', () => {
    const items = [
      { rule: 'dead-tap', what: 'tap again', seconds: 4 },
      { rule: 'value-not-kept', what: 'retype', seconds: 1.5 },
    ];
    const { breakdown, total, recovery } = stepEffort({ ...phone, interactions: [], appeared: [] }, items, initialEffortState(phone));
    expect(breakdown.recovery).toBeCloseTo(5.5, 3);
    expect(total).toBeCloseTo(5.5, 3);
    expect(recovery).toEqual(items);
    expect(stepEffort({ ...phone, interactions: [], appeared: [] }, [], initialEffortState(phone)).total).toBe(0);
  });

  it('the pointer moves on: a second tap on the same spot is pointed at from there', () => {
    const spot = target(150, 380, 100, 40);
    const first = effortOf([{ kind: 'tap', target: spot, pointer: 'touch' }]);
    const second = stepEffort({ ...phone, interactions: [{ kind: 'tap', target: spot, pointer: 'touch' }], appeared: [] }, [], first.state);
    expect(second.breakdown.pointing).toBeCloseTo(0.2, 3);
  });

  it('gives the identical number for the identical input', () => {
    const input: Interaction[] = [
      { kind: 'tap', target: target(13.5, 777.25, 16, 16), pointer: 'touch' },
      { kind: 'type', target: target(20, 300, 360, 48), pointed: true, chars: 7, deletes: 0, code: true, keyboardSwitches: 1 },
    ];
    expect(effortOf(input)).toEqual(effortOf(input));
  });
});


describe('missed taps on small targets (Bi, Li & Zhai 2013)', () => {
  it('a 44 px target is hit first time; smaller ones are missed more the smaller they are', () => {
    expect(expectedMisses({ width: 44, height: 44 })).toBe(0);
    const mid = expectedMisses({ width: 24, height: 24 });
    const small = expectedMisses({ width: 16, height: 16 });
    expect(mid).toBeGreaterThan(0);
    expect(small).toBeGreaterThan(mid);
  });

  it('follows the Gaussian spread: a 9.4 px (1.5 mm) square is hit with erf(1/(2√2))² ≈ 0.147', () => {
    const px = RECOVERY.fingerSigmaMm / RECOVERY.mmPerCssPx;
    expect(hitProbability({ width: px, height: px })).toBeCloseTo(0.3829 ** 2, 3);
  });

  it('each expected miss on a phone costs one more look and tap, in the step\'s recovery', () => {
    const tiny = target(10, 10, 16, 16);
    const { recovery, breakdown } = effortOf([{ kind: 'tap', target: tiny, pointer: 'touch' }]);
    expect(recovery).toHaveLength(1);
    expect(breakdown.recovery).toBeCloseTo(expectedMisses({ width: 16, height: 16 }) * retap(true), 2);
    expect(effortOf([{ kind: 'tap', target: tiny, pointer: 'mouse' }], laptop).recovery).toEqual([]);
  });

  it('on a page a phone shows zoomed out, the misses are of the size the screen draws', () => {
    const link = target(10, 10, 76, 16);
    const [zoomedOut] = missedTaps([{ kind: 'tap', target: link, pointer: 'touch' }], true, 0.42);
    expect(zoomedOut!.what).toBe(`${expectedMisses({ width: 76 * 0.42, height: 16 * 0.42 }).toFixed(2)} expected misses tapping ${link.description} (32×7 px as the phone draws it, the page shown at 42%)`);
    expect(zoomedOut!.seconds).toBeGreaterThan(missedTaps([{ kind: 'tap', target: link, pointer: 'touch' }], true)[0]!.seconds);
  });
});

describe('recovery priced from findings', () => {
  const M = OPERATORS.mental;
  const P = retap(true) - M;

  it("a failure the page did not explain is waited on and tapped again after a tap; after typing alone (suggestions that never came) there is nothing to do again", () => {
    const typing: Interaction = { kind: 'type', target: { description: 'searchbox labelled "Search"', text: '', box: null, pageBox: null }, pointed: true, chars: 6, deletes: 0, code: false, keyboardSwitches: 0 };
    const tapped: Interaction = { kind: 'tap', target: { description: 'button "Pay"', text: '', box: null, pageBox: null }, pointer: 'touch' };
    expect(recoveryFor([finding('fault-unexplained')], judgedStep({ interactions: [typing] }))).toEqual([]);
    expect(recoveryFor([finding('fault-unexplained')], judgedStep({ interactions: [typing, tapped] })).map((i) => i.rule)).toEqual(['fault-unexplained']);
  });

  it("the site's own failure of a call a tap asked for, that the page said nothing of, is waited on and tapped again once, as an injected one is; one the page explained, or a failed picture's script, is not", () => {
    const tapped: Interaction = { kind: 'tap', target: { description: 'button "Add to bag"', text: '', box: null, pageBox: null }, pointer: 'touch' };
    const failed = (resourceType: string, url = '/api/cart') => finding('failed-request', { evidence: { url, resourceType, measured: 'HTTP 500' } });
    const [item, ...rest] = recoveryFor([failed('fetch'), failed('xhr', '/api/count')], judgedStep({ interactions: [tapped] }));
    expect(rest).toEqual([]);
    expect(item).toEqual({ rule: 'failed-request', what: 'wait for an answer that never shows, then tap again', seconds: Math.round((RECOVERY.deadTapWait + M + P) * 1000) / 1000 });
    expect(recoveryFor([failed('fetch'), finding('error-message', { evidence: { text: 'Sorry, we could not add this. Please try again.' } })], judgedStep({ interactions: [tapped] })).map((i) => i.rule)).toEqual(['error-message']);
    expect(recoveryFor([failed('script', '/js/reviews.js')], judgedStep({ interactions: [tapped] }))).toEqual([]);
    // A page that failed to come shows the browser's own error page: no answer that never shows.
    expect(recoveryFor([failed('document', '/product/1')], judgedStep({ interactions: [tapped] }))).toEqual([]);
    expect(recoveryFor([failed('fetch')], judgedStep({ interactions: [] }))).toEqual([]);
  });

  it('a tap that is dead and whose failure went unexplained is waited on and tapped again once; another tap that asked still is', () => {
    const tapped: Interaction = { kind: 'tap', target: { description: 'button "Pay"', text: '', box: null, pageBox: null }, pointer: 'touch' };
    const other: Interaction = { kind: 'tap', target: { description: 'button "Apply"', text: '', box: null, pageBox: null }, pointer: 'touch' };
    const dead = finding('dead-tap', { evidence: { element: 'button "Pay"' } });
    expect(recoveryFor([dead, finding('fault-unexplained')], judgedStep({ interactions: [tapped] })).map((i) => i.rule)).toEqual(['dead-tap']);
    expect(recoveryFor([dead, finding('fault-unexplained')], judgedStep({ interactions: [tapped, other] })).map((i) => i.rule)).toEqual(['dead-tap', 'fault-unexplained']);
  });

  it('a lost value is noticed, gone back to and typed again', () => {
    const step = judgedStep({
      typed: [{ target: { description: 'textbox labelled "Postcode"', text: '', box: null, pageBox: null }, label: 'Postcode', keptAfterTyping: false, keptAtStepEnd: false, chars: 8, valueAtEnd: '' }],
    });
    const [item] = recoveryFor([finding('value-not-kept', { evidence: { element: 'textbox labelled "Postcode"' } })], step);
    expect(item!.seconds).toBeCloseTo(M + P + M + 8 * OPERATORS.keystroke, 3);
  });

  it("an error message that names a field the customer typed, by its label without its marks ('Postleitzahl *'), adds typing it again", () => {
    const step = judgedStep({
      typed: [{ target: { description: 'textbox labelled "Postleitzahl *"', text: '', box: null, pageBox: null }, label: 'Postleitzahl *', keptAfterTyping: true, keptAtStepEnd: true, chars: 5, valueAtEnd: '8033' }],
    });
    const [item] = recoveryFor([finding('error-message', { evidence: { text: 'Bitte geben Sie eine gültige Postleitzahl ein.' } })], step);
    expect(item!.seconds).toBeCloseTo(M + P + 5 * OPERATORS.keystroke, 3);
    expect(item!.what).toContain('type it again (5 characters)');
  });

  it("a field the error message names, in a form the same step emptied, is typed again once: with the form's", () => {
    const step = judgedStep({
      typed: [{ target: { description: 'textbox labelled "Current password"', text: '', box: null, pageBox: null }, label: 'Current password', keptAfterTyping: true, keptAtStepEnd: false, chars: 15, valueAtEnd: '' }],
    });
    const items = recoveryFor(
      [finding('error-message', { evidence: { text: 'Your current password is not right.' } }), finding('form-cleared', { evidence: { items: [{ element: 'a', chars: 45 }] } })],
      step,
    );
    expect(items.map((i) => i.seconds)).toEqual([expect.closeTo(M + P, 3), expect.closeTo(M + (M + P) + 45 * OPERATORS.keystroke, 3)]);
  });

  it('an error message that says what the shop did about it leaves nothing to fix: no recovery, its reading aside', () => {
    expect(recoveryFor([finding('error-message', { evidence: { text: "Sorry, we only have 3 of these left. We've kept 3 in your bag." } })], judgedStep())).toEqual([]);
  });

  it('a cleared form is filled again, field by field', () => {
    const items = [{ element: 'a', chars: 10 }, { element: 'b', chars: 5 }];
    const [item] = recoveryFor([finding('form-cleared', { evidence: { items } })], judgedStep());
    expect(item!.seconds).toBeCloseTo(M + 2 * (M + P) + 15 * OPERATORS.keystroke, 3);
  });

  it('a dead tap costs the wait and a second tap', () => {
    const [item] = recoveryFor([finding('dead-tap')], judgedStep());
    expect(item!.seconds).toBeCloseTo(RECOVERY.deadTapWait + M + P, 3);
  });

  it('a page wider than the screen costs two sideways swipes per extra screen', () => {
    const page = pageSnapshot({ scrollWidth: 900, viewport: { width: 400, height: 800 } });
    const [item] = recoveryFor([finding('horizontal-scroll')], judgedStep({ page }));
    expect(item!.seconds).toBeCloseTo(2 * 2 * (OPERATORS.swipe + M), 3);
  });

  it('findings that force no action, timing findings and rule failures cost nothing', () => {
    expect(recoveryFor([finding('accessibility'), finding('missing-autocomplete')], judgedStep())).toEqual([]);
    expect(recoveryFor([finding('dead-tap', { class: 'timing' }), finding('dead-tap', { error: true })], judgedStep())).toEqual([]);
  });
});

describe('an error message out of sight', () => {
  const M = OPERATORS.mental;
  // The customer's view: 800 px tall, scrolled 500 px down the page (it shows 500 to 1300).
  const view = { scroll: { x: 0, y: 500 }, viewport: { width: 400, height: 800 } };
  const error = (y: number, extra: Partial<AppearedText> = {}): AppearedText => ({
    kind: 'error',
    text: 'Your message is too long. Keep it to 120 characters.',
    where: 'p',
    box: { x: 16, y, width: 360, height: 40 },
    ...extra,
  });

  it('measures how far the view must move to show the whole box, and 0 for a box partly in view', () => {
    expect(distanceOutOfView({ x: 16, y: 100, width: 360, height: 40 }, view)).toBe(400);
    expect(distanceOutOfView({ x: 16, y: 1400, width: 360, height: 40 }, view)).toBe(140);
    expect(distanceOutOfView({ x: 16, y: 480, width: 360, height: 40 }, view)).toBe(0);
    // Beside the view (parked off the left edge): no scrolling up or down reaches it.
    expect(distanceOutOfView({ x: -9999, y: 100, width: 360, height: 40 }, view)).toBeNull();
  });

  it('an error the page scrolled under its fixed 128 px header is out of view: one swipe up to find it; a bottom bar covers the foot of the screen', () => {
    const under = { ...view, covered: { top: 128, bottom: 64 } };
    // At the top edge of the screen (500 to 540), all of it under the header.
    expect(distanceOutOfView({ x: 16, y: 500, width: 360, height: 40 }, under)).toBe(128);
    expect(errorOutOfSight([error(500)], under)).toEqual([expect.objectContaining({ rule: 'error-message', what: expect.stringMatching(/^scroll 1 screen up to find/) })]);
    // Partly below the header: read where it is.
    expect(distanceOutOfView({ x: 16, y: 600, width: 360, height: 40 }, under)).toBe(0);
    // Behind the bottom bar (1250 to 1290, the bar from 1236).
    expect(distanceOutOfView({ x: 16, y: 1250, width: 360, height: 40 }, under)).toBe(54);
    // Without bars the same message is in view.
    expect(errorOutOfSight([error(500)], view)).toEqual([]);
  });

  it('one swipe and one M per viewport height to the nearest error out of view, once per step', () => {
    const [item] = errorOutOfSight([error(100), error(120)], view);
    expect(item).toMatchObject({ rule: 'error-message', seconds: OPERATORS.swipe + M });
    expect(item!.what).toMatch(/^scroll 1 screen up to find "Your message is too long/);
    expect(errorOutOfSight([error(100), error(120)], view)).toHaveLength(1);
    // 2000 px above the view: three screens (2000 / 800, rounded up).
    expect(errorOutOfSight([error(100)], { ...view, scroll: { x: 0, y: 2100 } })[0]!.seconds).toBeCloseTo(3 * (OPERATORS.swipe + M), 3);
    expect(errorOutOfSight([error(2000)], view)[0]!.what).toMatch(/^scroll 1 screen down/);
  });

  it('nothing when an error is in view, held on the screen, not an error, or when the view is not known', () => {
    expect(errorOutOfSight([error(100), error(1000)], view)).toEqual([]);
    expect(errorOutOfSight([error(100, { pinned: true })], view)).toEqual([]);
    expect(errorOutOfSight([error(100, { kind: 'status', text: 'Gift message added' })], view)).toEqual([]);
    expect(errorOutOfSight([error(100, { box: null }), { kind: 'dialog', text: 'Card declined', where: 'browser dialog' }], view)).toEqual([]);
    expect(errorOutOfSight([error(100)], null)).toEqual([]);
  });

  it('is recovery in the step effort, beside the reading of the message', () => {
    const input = { ...phone, interactions: [], appeared: [error(100)] };
    const seen = stepEffort({ ...input, view: { ...view, scroll: { x: 0, y: 0 } } }, [], initialEffortState(phone));
    const unseen = stepEffort({ ...input, view }, [], initialEffortState(phone));
    expect(seen.breakdown.recovery).toBe(0);
    expect(unseen.breakdown.recovery).toBeCloseTo(OPERATORS.swipe + M, 3);
    expect(unseen.breakdown.reading).toBe(seen.breakdown.reading);
    expect(stepEffort({ ...input, view }, [], initialEffortState(phone))).toEqual(unseen);
  });
});

describe('keyboard switches on a phone', () => {
  const text = { type: 'text', inputMode: null };
  it('counts each change between letters and digits on a text keyboard', () => {
    expect(keyboardSwitches(characterClasses('save10'), text)).toBe(1);
    expect(keyboardSwitches(characterClasses('SW1A 1AA'), text)).toBe(4);
    expect(keyboardSwitches(characterClasses('07700900123'), text)).toBe(1);
    expect(keyboardSwitches(characterClasses('hello world'), text)).toBe(0);
  });
  it('digits cost nothing on a field that brings up the digit keyboard', () => {
    expect(keyboardSwitches(characterClasses('07700 900123'), { type: 'tel', inputMode: null })).toBe(0);
    expect(keyboardSwitches(characterClasses('4242424242424242'), { type: 'text', inputMode: 'numeric' })).toBe(0);
  });
  it('an inputmode of text on a tel field brings the letter keyboard back', () => {
    expect(keyboardSwitches(characterClasses('0123'), { type: 'tel', inputMode: 'text' })).toBe(1);
  });
});
