/**
 * Finding what the scenario names as the customer finds it, in real Chromium on an emulated Pixel 7: a field named by
 * several parts of the page, a disclosure's summary, a component's field; and when nothing matches, suggesting only
 * what the scenario's own way of finding would find.
 */
import { describe, expect, it } from 'vitest';
import { pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();
const PHONE = 'device: Pixel 7\ntimeout: 3000\n';

describe('finding what the scenario names', () => {
  it('a field labelled by two parts ("Address" and a hidden "line 1") is found by its whole name', async () => {
    const result = await fixtures.run(
      pageScenario('locating', 'address.html', {
        head: PHONE,
        steps: '  - name: First line\n    type: { label: Address line 1, text: 12 Market Street }\n    expect: { text: "Deliver to: 12 Market Street" }\n',
      }),
    );
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
      ['passed', undefined],
      ['passed', undefined],
    ]);
  });

  it('with a dialog open over the page, a field labelled by two parts is the one in the dialog, not the same one behind it', async () => {
    const result = await fixtures.run(
      pageScenario('locating', 'address-dialog.html', {
        head: PHONE,
        steps: '  - name: First line\n    type: { label: Address line 1, text: 12 Market Street }\n    expect: { text: "New address: 12 Market Street" }\n',
      }),
    );
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
      ['passed', undefined],
      ['passed', undefined],
    ]);
  });

  it('a field named only by its title is not suggested as a label, which would not find it either', async () => {
    const result = await fixtures.run(
      pageScenario('locating', 'address.html', { head: PHONE, steps: '  - name: Find it\n    type: { label: Find address by postcode, text: SW1A 1AA }\n' }),
    );
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toMatch(/^type: could not find field labelled "Find address by postcode" on \S+ within 3 s$/);
  });

  it('a disclosure\'s summary ("Size guide") is a button, by its words or words inside it', async () => {
    const result = await fixtures.run(
      pageScenario('locating', 'size-guide.html', {
        head: PHONE,
        steps:
          '  - name: Sizes\n    tap: { role: button, name: Size guide }\n    expect: { text: Chest 96 cm }\n' +
          '  - name: Returns\n    tap: { role: button, name: Delivery and returns, exact: true }\n    expect: { text: Free returns within 30 days }\n',
      }),
    );
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual(Array.from({ length: 3 }, () => ['passed', undefined]));
  });

  it('a near label in a component\'s shadow root is suggested when the scenario\'s words find nothing', async () => {
    const result = await fixtures.run(
      pageScenario('locating', 'card-component.html', { head: PHONE, steps: '  - name: Holder\n    type: { label: Name on the card, text: Ada Lovelace }\n' }),
    );
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toMatch(/; on that page, \{ label: Name on card \} would match$/);
  });

  it('a colour swatch whose radio the page takes out of view (display: none) is picked by a tap on its label', async () => {
    const result = await fixtures.run(
      pageScenario('locating', 'swatch-pills.html', {
        head: PHONE,
        steps: '  - name: Navy\n    check: { label: Navy }\n    expect: { text: "Colour: Navy" }\n  - name: Stone again\n    check: Stone\n    expect: { text: "Colour: Stone" }\n',
      }),
    );
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual(Array.from({ length: 3 }, () => ['passed', undefined]));
    const taps = (await savedArtifacts(result)).steps.slice(1).map((step) => step.interactions.filter((i) => i.kind === 'tap').map((i) => i.target.description));
    expect(taps).toEqual([['label "Navy"'], ['label "Stone"']]);
  });

  it('a sold-out swatch (its radio disabled and out of view) is found, and cannot be picked', async () => {
    const result = await fixtures.run(pageScenario('locating', 'swatch-pills.html', { head: 'device: Pixel 7\ntimeout: 2000\n', steps: '  - name: Olive\n    check: { label: Olive }\n' }));
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toBe('check: radio labelled "Olive" is disabled: the customer\'s tap does nothing until the page enables it');
  });
});

describe('several matches of one name', () => {
  it('the "Add to bag" of the bar held on the screen is tapped, not the one further down the page: no swipe', async () => {
    const steps = '  - name: Add it\n    tap: { role: button, name: Add to bag }\n    expect: { text: Linen shirt added to your bag }\n';
    const result = await fixtures.run(pageScenario('locating', 'buy-bar.html', { head: 'device: Pixel 7\n', steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(result.steps[1]!.actions.scrolls).toBe(0);
  });

  it('of matches alike in the page (cards of a list), the first in page order is tapped, swiped to', async () => {
    const steps = '  - name: Save one\n    tap: { role: button, name: Save for later }\n    expect: { text: Saved shirt 1 for later }\n';
    const result = await fixtures.run(pageScenario('locating', 'buy-bar.html', { head: 'device: Pixel 7\n', steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(result.steps[1]!.actions.scrolls).toBeGreaterThan(0);
  });
});

describe('an element the page has but does not show', () => {
  const tap = (name: string) => `  - name: Go\n    tap: { role: link, name: ${name} }\n`;

  it('a link in a menu still closed: the step says it is there but hidden, to be opened by a step before', async () => {
    const result = await fixtures.run(pageScenario('locating', 'closed-menu.html', { head: PHONE, steps: tap('Trousers') }));
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toMatch(/could not find link "Trousers" .*; it is on that page but hidden \(in a menu, a folded section or a tab not open\)/);
  });

  it('a link the page does not have at all gets no such word', async () => {
    const result = await fixtures.run(pageScenario('locating', 'closed-menu.html', { head: PHONE, steps: tap('Hats') }));
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).not.toContain('hidden');
  });

  it('once the menu is opened, the link is tapped', async () => {
    const steps = '  - name: Open the menu\n    tap: { role: button, name: Menu }\n' + tap('Trousers');
    const result = await fixtures.run(pageScenario('locating', 'closed-menu.html', { head: PHONE, steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
  });
});
