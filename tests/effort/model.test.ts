import { describe, expect, it } from 'vitest';
import { keyboardSwitches } from '../../src/effort/keyboard.js';
import { pointingTime, restingPoint } from '../../src/effort/fitts.js';
import { initialEffortState, readingTime, stepEffort, type StepEffortInput } from '../../src/effort/model.js';
import { OPERATORS, PENALTIES } from '../../src/effort/operators.js';
import type { Interaction, TargetInfo } from '../../src/runner/artifacts.js';

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
    const tap = target(150, 380, 100, 40);
    const { breakdown, total } = effortOf([{ kind: 'tap', target: tap, scrolls: 0 }]);
    expect(breakdown.mental).toBeCloseTo(OPERATORS.mental, 3);
    expect(breakdown.pointing).toBeCloseTo(0.2 + 0.144 * Math.log2(11), 3);
    expect(total).toBeCloseTo(breakdown.mental + breakdown.pointing, 3);
  });

  it('typing: M and P to reach the field, one M for the value, K per character', () => {
    const field = target(20, 300, 360, 48);
    const { breakdown } = effortOf([
      { kind: 'type', target: field, chars: 10, code: false, keyboardSwitches: 0, scrolls: 0 },
    ]);
    expect(breakdown.mental).toBeCloseTo(2 * OPERATORS.mental, 3);
    expect(breakdown.keystrokes).toBeCloseTo(10 * 0.28, 3);
    expect(breakdown.homing).toBe(0);
  });

  it('codes cost 0.5 s a character and keyboard switches 0.28 s each', () => {
    const field = target(20, 300, 360, 48);
    const { breakdown } = effortOf([
      { kind: 'type', target: field, chars: 6, code: true, keyboardSwitches: 1, scrolls: 0 },
    ]);
    expect(breakdown.keystrokes).toBeCloseTo(6 * 0.5, 3);
    expect(breakdown.keyboardSwitches).toBeCloseTo(0.28, 3);
  });

  it('with a mouse, moving between mouse and keyboard costs H each way', () => {
    const field = target(400, 300, 300, 40);
    const button = target(400, 400, 100, 40);
    const { breakdown, state } = effortOf(
      [
        { kind: 'type', target: field, chars: 3, code: false, keyboardSwitches: 0, scrolls: 0 },
        { kind: 'tap', target: button, scrolls: 0 },
      ],
      laptop,
    );
    expect(breakdown.homing).toBeCloseTo(2 * OPERATORS.homing, 3);
    expect(state.hand).toBe('mouse');
  });

  it('each viewport the target lies outside the view is a swipe plus an M', () => {
    const { breakdown } = effortOf([{ kind: 'tap', target: target(150, 380, 100, 40), scrolls: 2 }]);
    expect(breakdown.scrolling).toBeCloseTo(2 * 0.5, 3);
    expect(breakdown.mental).toBeCloseTo(3 * OPERATORS.mental, 3);
  });

  it('a select is a tap plus one M per choice', () => {
    const { breakdown } = effortOf([{ kind: 'select', target: target(20, 300, 200, 40), choices: 1, scrolls: 0 }]);
    expect(breakdown.mental).toBeCloseTo(2 * OPERATORS.mental, 3);
  });

  it('arriving at a page costs nothing; going back is an M and a key', () => {
    expect(effortOf([{ kind: 'navigate', url: 'http://x/', via: 'goto' }]).total).toBe(0);
    expect(effortOf([{ kind: 'navigate', url: 'http://x/', via: 'back' }]).total).toBeCloseTo(1.35 + 0.28, 3);
  });

  it('reading: 0.0147 s per non-space character, for read text and for messages that appeared', () => {
    expect(readingTime('Too  long\nto read')).toBeCloseTo(13 * 0.0147, 6);
    const { breakdown } = effortOf([{ kind: 'read', target: target(0, 0, 10, 10), chars: 1000 }], phone, {
      appeared: [{ kind: 'alert', text: 'Error', where: 'p' }],
    });
    expect(breakdown.reading).toBeCloseTo(1005 * 0.0147, 2);
  });

  it('findings add their penalty; timing findings and rule errors do not', () => {
    const { breakdown } = stepEffort(
      { ...phone, interactions: [], appeared: [] },
      [
        { severity: 'high', class: 'deterministic' },
        { severity: 'medium', class: 'deterministic' },
        { severity: 'low', class: 'deterministic' },
        { severity: 'high', class: 'timing' },
        { severity: 'high', class: 'deterministic', error: true },
      ],
      initialEffortState(phone),
    );
    expect(breakdown.penalties).toBeCloseTo(PENALTIES.high + PENALTIES.medium + PENALTIES.low, 3);
  });

  it('the pointer moves on: a second tap on the same spot is pointed at from there', () => {
    const spot = target(150, 380, 100, 40);
    const first = effortOf([{ kind: 'tap', target: spot, scrolls: 0 }]);
    const second = stepEffort({ ...phone, interactions: [{ kind: 'tap', target: spot, scrolls: 0 }], appeared: [] }, [], first.state);
    expect(second.breakdown.pointing).toBeCloseTo(0.2, 3);
  });

  it('gives the identical number for the identical input', () => {
    const input: Interaction[] = [
      { kind: 'tap', target: target(13.5, 777.25, 16, 16), scrolls: 1 },
      { kind: 'type', target: target(20, 300, 360, 48), chars: 7, code: true, keyboardSwitches: 1, scrolls: 0 },
    ];
    expect(effortOf(input)).toEqual(effortOf(input));
  });
});

describe('keyboard switches on a phone', () => {
  const text = { type: 'text', inputMode: null };
  it('counts each change between letters and digits on a text keyboard', () => {
    expect(keyboardSwitches('save10', text)).toBe(1);
    expect(keyboardSwitches('SW1A 1AA', text)).toBe(4);
    expect(keyboardSwitches('07700900123', text)).toBe(1);
    expect(keyboardSwitches('hello world', text)).toBe(0);
  });
  it('digits cost nothing on a field that brings up the digit keyboard', () => {
    expect(keyboardSwitches('07700 900123', { type: 'tel', inputMode: null })).toBe(0);
    expect(keyboardSwitches('4242424242424242', { type: 'text', inputMode: 'numeric' })).toBe(0);
  });
  it('an inputmode of text on a tel field brings the letter keyboard back', () => {
    expect(keyboardSwitches('0123', { type: 'tel', inputMode: 'text' })).toBe(1);
  });
});
