import { describeFailures } from './support/faults.js';
import { itemsEvidence } from './support/items.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'A spinner kept turning after a failure',
  area: 'resilience',
  severity: 'high',
  threshold: 'after an injected failure, once the page has settled, a spinner, progress bar or "Loading…" still shows (a disabled button left saying "Paying…" too; one already showing before the customer acted is not the failure\'s)',
  source: 'Nielsen response-time limits (beyond 10 s attention is lost); Nielsen Norman Group heuristic #1 (visibility of system status)',
  class: 'deterministic',
  detect(step) {
    const failures = step.injectedFailures;
    // A part that was already loading before the customer acted (a widget whose script never came) is not the
    // failure's doing: only a sign of work the step started, or one on a page the step brought, counts.
    const before = new Set(step.pages.length === 0 ? (step.previousPage?.busy ?? []).map((b) => b.selector) : []);
    const busy = (step.page?.busy ?? []).filter((b) => !before.has(b.selector));
    if (failures.length === 0 || busy.length === 0) return [];
    return [
      {
        message: `After ${describeFailures(failures)} failed, ${busy[0]!.element} still says the page is working: the customer waits for something that will not come`,
        evidence: itemsEvidence(
          step.url,
          busy.map((b) => ({ element: b.element, selector: b.selector, box: b.box, text: b.text })),
          { measured: 'still busy when the page settled', threshold: 'no busy sign once the request has failed', screenshot: step.screenshot?.path ?? null },
        ),
      },
    ];
  },
});
