import { describeFailures } from './support/faults.js';
import { saysError } from './support/message-words.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'A failure was not explained',
  area: 'resilience',
  severity: 'high',
  threshold: "a request the customer's action made fails (injected on purpose) and no message, dialog or new page tells them (a new page tells them only if its words say something went wrong)",
  source: 'Nielsen Norman Group, 10 usability heuristics #1 (visibility of system status) and #9 (help users recognise and recover from errors)',
  class: 'deterministic',
  detect(step) {
    const failures = step.injectedFailures;
    // "Processing…" still showing is no explanation: the page's own signs of work do not count as telling.
    const working = new Set((step.page?.busy ?? []).map((b) => b.text));
    const told = step.appeared.filter((message) => !working.has(message.text.trim().slice(0, 80)));
    // A new page tells them only if it says something went wrong: sent back to the delivery step in silence, or on to
    // a page that knows nothing of it, they cannot tell either.
    const newPageTells = step.pages.length > 0 && (step.page === null || saysError(step.page.pageText));
    if (failures.length === 0 || told.length > 0 || newPageTells) return [];
    return [
      {
        message: `${describeFailures(failures)} failed, and the page said nothing: the customer cannot tell that their action did not work`,
        evidence: {
          url: step.url,
          measured: 'no message',
          threshold: 'a message that says what failed',
          requests: failures.map((r) => `${r.method} ${r.url}`),
          screenshot: step.screenshot?.path ?? null,
        },
      },
    ];
  },
});
