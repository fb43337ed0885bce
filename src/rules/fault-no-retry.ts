import type { Box } from '../artifacts/types.js';
import { describeFailures } from './support/faults.js';
import { defineRule } from './types.js';

/** Whether two boxes are mostly one: at least half of the smaller lies in the other. */
function sameSpot(a: Box, b: Box): boolean {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const smaller = Math.min(a.width * a.height, b.width * b.height);
  return width > 0 && height > 0 && smaller > 0 && width * height >= smaller / 2;
}

/** Words of a control that offers another go. */
const RETRY = /\b(try again|retry|reload|refresh|resend|re-?submit|start again)\b/i;

export default defineRule({
  title: 'No way to try again after a failure',
  area: 'resilience',
  severity: 'medium',
  threshold: 'after a press whose request failed (injected), neither the control pressed nor a "Try again" control can be used (the control found by its words, or where it was once its words changed: "Pay £40.00" left disabled as "Paying…")',
  source: 'Nielsen Norman Group, error-message guidelines (offer a way to recover); heuristic #3 (user control and freedom)',
  class: 'deterministic',
  detect(step) {
    const failures = step.injectedFailures;
    const page = step.page;
    // A failure while a page loads can always be tried again with the browser's reload; a press needs the page's help.
    if (failures.length === 0 || !page || step.taps.length === 0) return [];
    const pressed = new Set(step.taps.map((tap) => tap.target.description));
    const usable = page.targets.filter((t) => !t.disabled);
    if (usable.some((t) => pressed.has(t.element) || RETRY.test(t.element) || RETRY.test(t.text))) return [];
    const [tap] = step.taps;
    // By its words, or where it was, with words of its own now (a "Pay £40.00" left saying "Paying…").
    const spot = tap!.target.pageBox;
    const still = page.targets.find((t) => pressed.has(t.element)) ?? (spot ? page.targets.find((t) => t.disabled && sameSpot(t.box, spot)) : undefined);
    const now = still && !pressed.has(still.element) ? ` (now ${still.element})` : '';
    return [
      {
        message: `After ${describeFailures(failures)} failed, ${tap!.target.description} ${still ? `is disabled${now}` : 'is gone'} and nothing offers to try again`,
        evidence: {
          element: tap!.target.description,
          ...(still ? { selector: still.selector, box: still.box } : {}),
          url: step.url,
          measured: still ? 'disabled' : 'gone',
          threshold: 'the control works again, or a "Try again" control',
          screenshot: step.screenshot?.path ?? null,
        },
      },
    ];
  },
});
