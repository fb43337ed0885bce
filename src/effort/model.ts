/**
 * The effort model: what the customer did in a step, turned into seconds of effort. Pure and deterministic:
 * the same interactions and layout give the same number on every run, which is what lets CI gate on it.
 */
import type { AppearedText, Interaction, TargetInfo } from '../runner/artifacts.js';
import type { EffortBreakdown, Finding } from '../report/types.js';
import { pointingTime, restingPoint, centre, type Point } from './fitts.js';
import { OPERATORS, PENALTIES } from './operators.js';

export interface EffortDevice {
  touch: boolean;
  viewport: { width: number; height: number };
}

/** Carried from step to step: where the finger or mouse is, and (with a mouse) where the hand is. */
export interface EffortState {
  pointer: Point;
  hand: 'mouse' | 'keyboard';
}

export interface StepEffortInput extends EffortDevice {
  interactions: Interaction[];
  appeared: AppearedText[];
}

export function initialEffortState(device: EffortDevice): EffortState {
  return { pointer: restingPoint(device.touch, device.viewport), hand: 'mouse' };
}

export function emptyBreakdown(): EffortBreakdown {
  return { mental: 0, pointing: 0, keystrokes: 0, keyboardSwitches: 0, homing: 0, scrolling: 0, reading: 0, penalties: 0 };
}

/** Characters a person reads, spaces left out. */
export function readingTime(text: string): number {
  return text.replace(/\s+/g, '').length * OPERATORS.readingPerChar;
}

/** Effort of one step. Only deterministic findings add penalties: timing findings are noisy. */
export function stepEffort(
  input: StepEffortInput,
  findings: ReadonlyArray<Pick<Finding, 'severity' | 'class' | 'error'>>,
  state: EffortState,
): { breakdown: EffortBreakdown; total: number; state: EffortState } {
  const b = emptyBreakdown();
  let { pointer, hand } = state;

  const toMouse = () => {
    if (!input.touch && hand === 'keyboard') b.homing += OPERATORS.homing;
    hand = 'mouse';
  };
  const toKeyboard = () => {
    if (!input.touch && hand === 'mouse') b.homing += OPERATORS.homing;
    hand = 'keyboard';
  };
  const scrollTo = (swipes: number) => {
    b.scrolling += swipes * OPERATORS.swipe;
    b.mental += swipes * OPERATORS.mental;
  };
  const point = (target: TargetInfo, click = true) => {
    toMouse();
    b.mental += OPERATORS.mental;
    if (target.box) {
      b.pointing += pointingTime(pointer, target.box, input.touch, click);
      pointer = centre(target.box);
    }
  };

  for (const step of input.interactions) {
    switch (step.kind) {
      case 'tap':
        scrollTo(step.scrolls);
        point(step.target);
        break;
      case 'hover':
        scrollTo(step.scrolls);
        point(step.target, false);
        break;
      case 'select':
        scrollTo(step.scrolls);
        point(step.target);
        b.mental += step.choices * OPERATORS.mental;
        break;
      case 'type':
        scrollTo(step.scrolls);
        point(step.target);
        toKeyboard();
        b.mental += OPERATORS.mental;
        b.keystrokes += step.chars * (step.code ? OPERATORS.codeKeystroke : OPERATORS.keystroke);
        b.keyboardSwitches += step.keyboardSwitches * OPERATORS.keyboardSwitch;
        break;
      case 'press':
        if (!input.touch) toKeyboard();
        b.keystrokes += OPERATORS.keystroke;
        break;
      case 'scroll':
        scrollTo(step.viewports);
        break;
      case 'navigate':
        // Arriving at a page costs nothing; going back is one decision and one press of a known button.
        if (step.via === 'back') {
          b.mental += OPERATORS.mental;
          b.keystrokes += OPERATORS.keystroke;
        }
        break;
      case 'read':
        b.reading += step.chars * OPERATORS.readingPerChar;
        break;
    }
  }
  for (const text of input.appeared) b.reading += readingTime(text.text);
  for (const finding of findings) b.penalties += penaltyOf(finding);

  const breakdown = roundBreakdown(b);
  const total = round(Object.values(breakdown).reduce((sum, v) => sum + v, 0));
  return { breakdown, total, state: { pointer, hand } };
}

/** Seconds a finding adds to the effort: deterministic findings only (timing is noisy; rule failures are ours). */
export function penaltyOf(finding: Pick<Finding, 'severity' | 'class' | 'error'>): number {
  return finding.class === 'deterministic' && !finding.error ? PENALTIES[finding.severity] : 0;
}

export function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function roundBreakdown(b: EffortBreakdown): EffortBreakdown {
  return Object.fromEntries(Object.entries(b).map(([k, v]) => [k, round(v)])) as unknown as EffortBreakdown;
}
