/**
 * The accessibility look at a page whose parts keep moving (a LIVE badge that blinks for ever): measured on the page
 * at rest, so that a finding does not come and go with the moment of the blink the look happened to catch.
 */
import { expect, it } from 'vitest';
import { pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

/** The low-contrast rules axe-core found at each step of opening the page and two sections of it, on a phone. */
async function contrastByStep(page: string): Promise<string[][]> {
  const open = (name: string) => `  - name: ${name}\n    tap: { text: ${name} }\n`;
  const result = await fixtures.run(pageScenario('a11y', page, { head: 'device: Pixel 7\n', steps: open('Delivery') + open('Returns') }));
  expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
  const steps = (await savedArtifacts(result)).steps;
  return steps.map((s) => (s.accessibility?.violations ?? []).map((v) => v.id).filter((id) => id.startsWith('color-contrast')));
}

it('a badge that blinks for ever is looked at as it starts, with no low contrast on any step', async () => {
  expect(await contrastByStep('live-badge.html')).toEqual([[], [], []]);
});

it("a hero whose slides cross-fade on the page's own timer, fades starting while cx-shop looks, is looked at with each slide shown whole", async () => {
  expect(await contrastByStep('rotating-hero.html')).toEqual([[], [], []]);
});
