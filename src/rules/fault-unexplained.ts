import { describeFailures } from './support/faults.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'A failure was not explained',
  area: 'resilience',
  severity: 'high',
  threshold: "a request the customer's action made fails (injected on purpose) and no message, dialog or new page tells them",
  source: 'Nielsen Norman Group, 10 usability heuristics #1 (visibility of system status) and #9 (help users recognise and recover from errors)',
  class: 'deterministic',
  detect(step) {
    const failures = step.injectedFailures;
    // "Processing…" still showing is no explanation: the page's own signs of work do not count as telling.
    const working = new Set((step.page?.busy ?? []).map((b) => b.text));
    const told = step.appeared.filter((message) => !working.has(message.text.trim().slice(0, 80)));
    if (failures.length === 0 || told.length > 0 || step.pages.length > 0) return [];
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
