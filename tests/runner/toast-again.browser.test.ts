/**
 * A toast the page fills with one message after another, in real Chromium on an emulated Pixel 7: each message the
 * customer's taps bring is read, also one that comes back after another took its place.
 */
import { describe, expect, it } from 'vitest';
import { pageScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

describe('a toast that says an earlier message again', () => {
  it('is read again when its words come back after other words showed in it', async () => {
    const result = await fixtures.run(
      pageScenario('locating', 'shirts-toast.html', {
        head: 'device: Pixel 7\n',
        steps:
          '  - name: Add Oxford\n    tap: { role: button, name: Add to bag Oxford shirt }\n    expect: { text: Oxford shirt added to your bag }\n' +
          '  - name: Add Linen\n    tap: { role: button, name: Add to bag Linen shirt }\n    expect: { text: Linen shirt added to your bag }\n' +
          '  - name: Add Oxford again\n    tap: { role: button, name: Add to bag Oxford shirt }\n    expect: { text: Oxford shirt added to your bag }\n',
      }),
    );
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    // Three toasts of the same length read, in whichever step the page's answer was seen.
    const reading = result.steps.map((s) => s.effortBreakdown.reading);
    const one = Math.max(...reading);
    expect(one).toBeGreaterThan(0);
    expect(reading.reduce((a, b) => a + b, 0)).toBeCloseTo(3 * one, 5);
  });
});
