/**
 * Controls that never hold still, in real Chromium on an emulated Pixel 7: a button that pulses without end is tapped
 * as a customer taps it (the browser's own wait for it to stop would never end), and one that moves under a banner
 * is still reported as under it.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, pageScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

describe('a control that never holds still', () => {
  it('a pulsing "Add to bag" takes the tap at once, and the page answers it', async () => {
    const result = await fixtures.run(
      pageScenario('mobile', 'pulsing-button.html', { steps: '  - name: Add it\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n' }),
    );
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
      ['passed', undefined],
      ['passed', undefined],
    ]);
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
  });

  it('so does one on a page that replaced the browser\'s KeyframeEffect with its own (an old polyfill)', async () => {
    const result = await fixtures.run(
      pageScenario('mobile', 'pulsing-button.html?polyfill', { head: 'timeout: 3000\n', steps: '  - name: Add it\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n' }),
    );
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
      ['passed', undefined],
      ['passed', undefined],
    ]);
  });

  it('one moving under a fixed banner is reported as under it, not tapped through it', async () => {
    const result = await fixtures.run(
      pageScenario('mobile', 'pulsing-button.html', { head: 'timeout: 3000\n', steps: '  - name: Size guide\n    tap: { role: link, name: Size guide }\n' }),
    );
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toContain('is under div "Free delivery this week on every order"');
  });

  it("one under a veil of its own component (in the component's shadow root) is reported as under the veil, not under the component", async () => {
    const result = await fixtures.run(
      pageScenario('hostile', 'veiled-component.html', { head: 'timeout: 3000\n', steps: '  - name: Pay\n    tap: { role: button, name: Pay now }\n' }),
    );
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toBe('tap: button "Pay now" is under div "Loading…" (#veil): the customer cannot tap it until that is out of the way');
  });
});
