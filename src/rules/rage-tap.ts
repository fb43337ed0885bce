import type { TapResponse } from '../artifacts/types.js';
import { defineRule } from './types.js';

/** Presses this many, this close in time and place, are a customer hammering at something that does not answer. */
export const RAGE_TAPS = 3;
export const RAGE_WINDOW_MS = 1000;
export const RAGE_RADIUS_PX = 30;

type Press = TapResponse & { at: number; point: { x: number; y: number } };

/**
 * Bursts of presses: at least RAGE_TAPS within RAGE_WINDOW_MS of the burst's first, each within RAGE_RADIUS_PX of it.
 * A burst where every press got its own answer (a quantity stepper pressed three times) is not rage.
 */
export function rageBursts(taps: readonly TapResponse[]): Press[][] {
  const presses = taps.filter((t): t is Press => t.input === 'press' && t.at !== undefined && t.point !== undefined);
  const bursts: Press[][] = [];
  let i = 0;
  while (i < presses.length) {
    const first = presses[i]!;
    const burst = [first];
    for (const next of presses.slice(i + 1)) {
      if (next.at - first.at > RAGE_WINDOW_MS) break;
      if (Math.hypot(next.point.x - first.point.x, next.point.y - first.point.y) <= RAGE_RADIUS_PX) burst.push(next);
    }
    const answered = burst.every((press) => press.responses.some((r) => r !== 'focus'));
    if (burst.length >= RAGE_TAPS && !answered) {
      bursts.push(burst);
      i = presses.indexOf(burst.at(-1)!) + 1;
    } else i += 1;
  }
  return bursts;
}

export default defineRule({
  title: 'The customer tapped again and again',
  area: 'frustration',
  severity: 'medium',
  threshold: `${RAGE_TAPS} or more presses within ${RAGE_WINDOW_MS / 1000} s and ${RAGE_RADIUS_PX} px of each other, not each answered by the page (a person's hands; a script never does this)`,
  source: 'rage clicks as session-replay tools define them (FullStory, Microsoft Clarity): repeated presses in one place in a short time',
  class: 'deterministic',
  detect(artifacts) {
    return rageBursts(artifacts.taps).map((burst) => {
      const target = burst[0]!.target;
      const seconds = ((burst.at(-1)!.at - burst[0]!.at) / 1000).toFixed(1);
      return {
        message: `The customer pressed ${target.description} ${burst.length} times in ${seconds} s: it did not answer them the way they expected`,
        evidence: {
          element: target.description,
          text: target.text,
          box: target.pageBox,
          measured: `${burst.length} presses in ${seconds} s`,
          threshold: `${RAGE_TAPS} presses in ${RAGE_WINDOW_MS / 1000} s within ${RAGE_RADIUS_PX} px`,
          screenshot: artifacts.screenshot?.path ?? null,
        },
      };
    });
  },
});
