/**
 * What the customer allows a site when it asks, in real Chromium: a store finder's "Use my location" gets a place, as on
 * the customer's phone once they tap Allow, not a refusal the browser made without asking.
 */
import { describe, expect, it } from 'vitest';
import { pageScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

describe('a site that asks where the customer is', () => {
  it('gets the same place on every run, and its store finder answers as it does for the customer', async () => {
    const result = await fixtures.run(
      pageScenario('hostile', 'store-finder.html', { steps: '  - name: Use my location\n    tap: { role: button, name: Use my location }\n    expect: { text: "Nearest store: 51.51, -0.13" }\n' }),
    );
    expect(result.steps.map((s) => [s.status, s.reason ?? null])).toEqual([['passed', null], ['passed', null]]);
    expect(result.steps[1]!.findings.filter((f) => f.class !== 'timing')).toEqual([]);
  });
});
