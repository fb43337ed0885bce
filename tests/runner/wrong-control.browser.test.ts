/**
 * A step that asks of a control what it cannot do, in real Chromium on an emulated Pixel 7: typing into a button, a
 * tick box or a link, ticking a button, choosing an option the page has disabled. Each is said at once, in the
 * customer's words, not after the step's whole timeout; what does take typing (a field, an editable box, a search bar
 * whose tap puts the cursor in its field) still does.
 */
import { describe, expect, it } from 'vitest';
import { pageScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();
// A long timeout: a step that waited it out would take longer than these tests allow it.
const PHONE = 'device: Pixel 7\ntimeout: 20000\n';
const run = (steps: string) => fixtures.run(pageScenario('locating', 'basket.html', { head: PHONE, steps }));

describe('asking a control for what it cannot do', () => {
  it('typing into a button, a tick box or a link is blocked at once, saying it takes no typing', async () => {
    const reasons: Array<string | undefined> = [];
    for (const target of ['{ role: button, name: Increase quantity, text: "3" }', '{ label: This is a gift, text: "yes" }', '{ role: link, name: Delivery information, text: "x" }']) {
      const started = Date.now();
      const result = await run(`  - name: Type\n    type: ${target}\n`);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.steps[1]!.status).toBe('blocked');
      reasons.push(result.steps[1]!.reason);
    }
    expect(reasons).toEqual([
      'type: button "Increase quantity" is a button, not a field: it takes no typing',
      'type: checkbox labelled "This is a gift" is a tick box, not a field: it takes no typing',
      'type: link "Delivery information" is a link, not a field: it takes no typing',
    ]);
  });

  it('an editable box named as a textbox, and a search bar whose tap puts the cursor in its field, take typing', async () => {
    const result = await run(
      '  - name: Message\n    type: { role: textbox, name: Gift message, text: Happy birthday }\n    expect: { text: "Message: Happy birthday" }\n' +
        '  - name: Search\n    type: { css: "#search-bar", text: linen }\n    expect: { text: "Searching for: linen" }\n',
    );
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual(Array.from({ length: 3 }, () => ['passed', undefined]));
  });

  it('ticking a button is blocked, saying it is no tick box', async () => {
    const result = await run('  - name: Tick\n    check: { role: button, name: Increase quantity }\n');
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toBe('check: button "Increase quantity" is not a tick box, radio or switch: the customer cannot tick it');
  });

  it('choosing an option the page has disabled is blocked at once, naming the option', async () => {
    const started = Date.now();
    const result = await run('  - name: Country\n    select: { label: Country, option: Ireland (no deliveries) }\n');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toBe('select: option "Ireland (no deliveries)" of combobox labelled "Country" is disabled: the customer cannot choose it');
  });
});

describe('a CSS selector the browser cannot read', () => {
  it('is said at once, in the browser\'s words, not after the step\'s whole timeout as "could not find"', async () => {
    const started = Date.now();
    const result = await run('  - name: Menu\n    tap: { css: "#search-bar::" }\n');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toBe(
      'tap: "#search-bar::" is not a valid CSS selector (Unexpected token ":" while parsing css selector "#search-bar::"): the scenario\'s css must be corrected',
    );
  });

  it('Playwright\'s own additions to CSS still find what they name', async () => {
    const result = await run('  - name: Plus\n    tap: { css: "button:has-text(\'+\')" }\n    expect: { text: Quantity 2 }\n');
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
      ['passed', undefined],
      ['passed', undefined],
    ]);
  });
});
