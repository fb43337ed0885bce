/**
 * A carousel that turns by itself on its own timer, in real Chromium on a laptop: the page scrolling its rail is the
 * page's, never the customer's swipe, however it falls among the customer's own swipes down the page.
 */
import { describe, expect, it } from 'vitest';
import { pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const steps = '  - name: Look at the linen shirt\n    tap: { role: link, name: Linen shirt }\n    expect: { text: "Linen shirt, £45" }\n';

describe('a carousel the page scrolls on its own timer', () => {
  for (const how of ['smooth', 'left', 'into']) {
    it(`is no swipe of the customer's, who only swipes down to the card and clicks it (${how}; two runs alike)`, async () => {
      const runs = [];
      for (let i = 0; i < 2; i += 1) runs.push(await fixtures.run(pageScenario('swipe', `turning-carousel.html?how=${how}`, { head: 'device: Desktop Chrome\n', steps })));
      for (const result of runs) {
        expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
        const kinds = (await savedArtifacts(result)).steps[1]!.interactions.map((i) => (i.kind === 'scroll' ? `scroll ${i.direction}` : i.kind));
        expect(kinds.at(-1)).toBe('tap');
        expect(kinds.slice(0, -1).length).toBeGreaterThan(0);
        expect(new Set(kinds.slice(0, -1))).toEqual(new Set(['scroll vertical']));
        // And nothing of the carousel turning before the customer acts.
        expect((await savedArtifacts(result)).steps[0]!.interactions.filter((i) => i.kind === 'scroll')).toEqual([]);
      }
      expect(runs[1]!.steps[1]!.effort).toBe(runs[0]!.steps[1]!.effort);
    });
  }
});
