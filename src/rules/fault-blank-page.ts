import { describeFailures } from './support/faults.js';
import { defineRule } from './types.js';

/** Visible characters under which a page shows the customer nothing to read or do. */
const BLANK_CHARS = 20;

export default defineRule({
  title: 'A failure left a blank page',
  area: 'resilience',
  severity: 'high',
  threshold: `after an injected failure, the page shows fewer than ${BLANK_CHARS} visible characters`,
  source: 'Nielsen Norman Group, 10 usability heuristics #1 (visibility of system status); a blank page is a dead end',
  class: 'deterministic',
  detect(step) {
    const failures = step.injectedFailures;
    if (failures.length === 0 || !step.page || step.page.text.chars >= BLANK_CHARS) return [];
    return [
      {
        message: `After ${describeFailures(failures)} failed, the page went blank (${step.page.text.chars} visible characters)`,
        evidence: {
          url: step.url,
          measured: `${step.page.text.chars} visible characters`,
          threshold: `${BLANK_CHARS} or more`,
          screenshot: step.screenshot?.path ?? null,
        },
      },
    ];
  },
});
