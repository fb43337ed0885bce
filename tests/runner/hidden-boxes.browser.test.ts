/**
 * Boxes the page hides, in real Chromium on an emulated Pixel 7: colour swatches whose radios are drawn invisibly at
 * one spot, and switches whose checkboxes are clipped away or drawn over. The customer ticks them by tapping what
 * shows them (the label), and the recorder sees that one tap answered by the box's change. A box the customer can see
 * is tapped itself, as before, and one under a cookie dialog is still under it.
 */
import { describe, expect, it } from 'vitest';
import type { StepArtifacts, TapResponse } from '../../src/artifacts/types.js';
import { findingsOf, pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

/**
 * Every step's presses: what was pressed, whether the finger came down on the label (the box the recorder keeps for a
 * checkbox's target is its label's, the one it aims at), and what the page answered.
 */
const pressesOf = (steps: StepArtifacts[]) =>
  steps.map((step) =>
    step.taps
      .filter((tap) => tap.input === 'press')
      .map((tap: TapResponse) => ({
        target: tap.target.description,
        onLabel: Boolean(tap.point && tap.target.box && inside(tap.point, tap.target.box)),
        changed: tap.responses.includes('change'),
      })),
  );
const inside = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

describe('a box the page hides', () => {
  it('a colour swatch over a hidden radio stacked with the others is picked by a tap on its label', async () => {
    const result = await fixtures.run(
      pageScenario('forms', 'swatches.html', { steps: '  - name: Navy\n    check: { label: Navy }\n    expect: { text: "Colour: Navy" }\n' }),
    );
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
      ['passed', undefined],
      ['passed', undefined],
    ]);
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
    const artifacts = await savedArtifacts(result);
    const step = artifacts.steps[1]!;
    // One tap, on the swatch the customer sees, answered by the radio's change; the swatches were swiped into view.
    expect(pressesOf([step])).toEqual([[{ target: 'label "Navy"', onLabel: true, changed: true }]]);
    expect(step.interactions.filter((i) => i.kind === 'tap').map((i) => i.target.description)).toEqual(['label "Navy"']);
    expect(step.interactions.some((i) => i.kind === 'scroll')).toBe(true);
    expect(step.page?.pageText).toContain('Colour: Navy');
    expect(result.steps[1]!.effortBreakdown.pointing).toBeGreaterThan(0);
  });

  it('a sold-out swatch (its radio disabled) cannot be picked, as a box in sight could not', async () => {
    const result = await fixtures.run(pageScenario('forms', 'swatches.html', { head: 'timeout: 2000\n', steps: '  - name: Rust\n    check: { label: Rust }\n' }));
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toBe('check: radio labelled "Rust" is disabled: the customer\'s tap does nothing until the page enables it');
  });

  it('switches whose boxes are clipped away or drawn over are ticked and unticked by their labels; a box in sight is tapped itself', async () => {
    const result = await fixtures.run(
      pageScenario('forms', 'swatches.html', {
        steps:
          '  - name: Gift wrap\n    check: { label: Gift wrap }\n    expect: { text: "Gift wrap: on" }\n' +
          '  - name: Restocks\n    check: Email me about restocks\n    expect: { text: "Restocks: on" }\n' +
          '  - name: No gift wrap\n    check: { label: Gift wrap, checked: false }\n    expect: { text: "Gift wrap: off" }\n' +
          '  - name: Restocks already\n    check: { label: Email me about restocks }\n' +
          '  - name: Save\n    check: Save my choices\n    expect: { text: "Saved: on" }\n',
      }),
    );
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual(Array.from({ length: 6 }, () => ['passed', undefined]));
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
    const presses = pressesOf((await savedArtifacts(result)).steps.slice(1));
    expect(presses).toEqual([
      [{ target: 'label "Gift wrap"', onLabel: true, changed: true }],
      [{ target: 'label "Email me about restocks"', onLabel: true, changed: true }],
      [{ target: 'label "Gift wrap"', onLabel: true, changed: true }],
      // Already ticked: no tap at all.
      [],
      // In sight: the box itself, beside its label.
      [{ target: 'checkbox labelled "Save my choices"', onLabel: false, changed: true }],
    ]);
    // A tap on a switch's label is one tap's thinking and pointing, like a tap on a box in sight; the first also swipes
    // down to the switches.
    const [first, drawnOver, untick, , inSight] = result.steps.slice(1).map((s) => s.effortBreakdown);
    for (const effort of [drawnOver!, untick!]) {
      expect(effort.mental).toBe(inSight!.mental);
      expect(effort.pointing).toBeGreaterThan(0);
      expect(effort.pointing).toBeLessThanOrEqual(inSight!.pointing);
      expect(effort.scrolling).toBe(0);
    }
    expect(first!.scrolling).toBeGreaterThan(0);
  });
});

describe('a box under a cookie dialog', () => {
  // A step blocked under the dialog ends at its time: 2 s, where the customer gets on, the usual 10 s.
  const scenario = (steps: string, timeout = 2000) => `name: fixture\ntimeout: ${timeout}\nsteps:\n  - name: Open\n    goto: /forms/covered-boxes.html\n${steps}`;

  it('a box in sight and a hidden swatch are both under the dialog until the customer accepts it', async () => {
    const box = await fixtures.run(scenario('  - name: Gift wrap\n    check: Gift wrap\n'));
    expect(box.steps[1]!.status).toBe('blocked');
    expect(box.steps[1]!.reason).toBe('check: checkbox labelled "Gift wrap" is under dialog "Cookies" (#consent): the customer cannot tap it until that is out of the way');
    const swatch = await fixtures.run(scenario('  - name: Navy\n    check: { label: Navy }\n'));
    expect(swatch.steps[1]!.status).toBe('blocked');
    expect(swatch.steps[1]!.reason).toBe('check: radio labelled "Navy" is under dialog "Cookies" (#consent): the customer cannot tap it until that is out of the way');
    const accepted = await fixtures.run(
      scenario(
        '  - name: Cookies\n    tap: Accept all\n' +
          '  - name: Navy\n    check: { label: Navy }\n    expect: { text: "Colour: Navy" }\n' +
          '  - name: Gift wrap\n    check: Gift wrap\n    expect: { text: "Gift wrap: on" }\n',
        10_000,
      ),
    );
    expect(accepted.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
  });
});
