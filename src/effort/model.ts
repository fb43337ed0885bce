/**
 * The effort model: what the customer did in a step, turned into seconds of effort. Pure and deterministic:
 * the same interactions and layout give the same number on every run, which is what lets CI gate on it.
 */
import type { AppearedText, Interaction, TargetInfo } from '../artifacts/types.js';
import type { EffortBreakdown, RecoveryItem } from '../report/types.js';
import { pointingTime, restingPoint, centre, type Point } from './fitts.js';
import { OPERATORS } from './operators.js';
import { errorOutOfSight, missedTaps, type View } from './recovery.js';

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
  /** Where the customer's view was when the step ended, on the page they stayed on (null or absent: unknown). */
  view?: View | null;
  /** The scale the phone drew the page the customer tapped on at (below 1 on a page shown zoomed out; absent: 1). */
  scale?: number;
}

export function initialEffortState(device: EffortDevice): EffortState {
  return { pointer: restingPoint(device.touch, device.viewport), hand: 'mouse' };
}

export function emptyBreakdown(): EffortBreakdown {
  return { mental: 0, pointing: 0, keystrokes: 0, keyboardSwitches: 0, homing: 0, scrolling: 0, reading: 0, recovery: 0 };
}

/** Scripts written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Burmese. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether a text is written, in part, in a script without spaces between its words. */
export function writtenWithoutSpaces(text: string): boolean {
  return UNSPACED_SCRIPT.test(text);
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Words in a text: runs of letters or digits between spaces; in a script without spaces ("カートに追加しました"), the
 * words the language's own word-break rules find (Unicode's, by ICU's dictionaries), so a Japanese message costs the
 * customer reading time as its English one does.
 */
export function wordCount(text: string): number {
  let count = 0;
  for (const chunk of text.split(/\s+/)) {
    if (!/[\p{L}\p{N}]/u.test(chunk)) continue;
    if (!UNSPACED_SCRIPT.test(chunk)) {
      count += 1;
      continue;
    }
    segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
    for (const part of segmenter.segment(chunk)) if (part.isWordLike) count += 1;
  }
  return count;
}

/** Seconds to read a text silently (238 words a minute). */
export function readingTime(text: string): number {
  return wordCount(text) * OPERATORS.readingPerWord;
}

/**
 * Effort of one step: the customer's own work (KLM operators of what they did), plus the recovery work friction
 * forced on them (see recovery.ts), itemised. Findings that force no action add nothing.
 */
export function stepEffort(
  input: StepEffortInput,
  recovery: readonly RecoveryItem[],
  state: EffortState,
): { breakdown: EffortBreakdown; total: number; state: EffortState; recovery: RecoveryItem[] } {
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
        point(step.target);
        break;
      case 'hover':
        point(step.target, false);
        break;
      case 'select':
        if (step.pointed) point(step.target);
        b.mental += step.choices * OPERATORS.mental;
        break;
      case 'type':
        if (step.pointed) point(step.target);
        toKeyboard();
        b.mental += OPERATORS.mental;
        b.keystrokes += step.chars * (step.code ? OPERATORS.codeKeystroke : OPERATORS.keystroke) + step.deletes * OPERATORS.keystroke;
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
        // Arriving at a page costs nothing; going back (or forward, or reloading) is one decision and one press.
        if (step.via !== 'arrive') {
          b.mental += OPERATORS.mental;
          b.keystrokes += OPERATORS.keystroke;
        }
        break;
      case 'read':
        b.reading += step.words * OPERATORS.readingPerWord;
        break;
    }
  }
  for (const text of input.appeared) b.reading += readingTime(text.text);

  const items = [...recovery, ...missedTaps(input.interactions, input.touch, input.scale), ...errorOutOfSight(input.appeared, input.view ?? null)];
  b.recovery = items.reduce((sum, item) => sum + item.seconds, 0);

  const breakdown = roundBreakdown(b);
  const total = round(Object.values(breakdown).reduce((sum, v) => sum + v, 0));
  return { breakdown, total, state: { pointer, hand }, recovery: items };
}

export function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function roundBreakdown(b: EffortBreakdown): EffortBreakdown {
  return Object.fromEntries(Object.entries(b).map(([k, v]) => [k, round(v)])) as unknown as EffortBreakdown;
}
