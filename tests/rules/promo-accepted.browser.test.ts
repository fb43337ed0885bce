/**
 * When a promo code try counts as accepted, in real Chromium: only when the accepted words newly show after the try
 * and do not read as a refusal. A refusal worded with them ("can't be applied") and a fixed line holding them ("codes
 * are applied to full-price items only") are no acceptance; a shop that takes the code however it is typed still
 * gives no finding. And a step that reveals the field and applies the code in one go is tried the same way.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, promoScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

type Result = Awaited<ReturnType<typeof fixtures.run>>;

/** The bag with the given behaviour flags, then the promo step. */
const bag = (flags: string) => promoScenario('bag', flags, { reveal: 'none' });
/** The cart, then one step that reveals the field and applies the code. */
const oneStep = (flags: string) => promoScenario('cart', flags, { reveal: 'in-step' });

/** Every try of the step's promo probe as "typed: accepted|rejected", the customer's first. */
function tries(result: Result): string[] {
  const probe = result.steps.at(-1)!;
  const items = findingsOf(result, 'promo-rejected')[0]?.evidence.items as Array<{ measured: string }> | undefined;
  expect(probe.status).toBe('passed');
  return items?.map((item) => item.measured) ?? [];
}

describe('a promo code try is accepted only when the accepted words newly show, not as a refusal', () => {
  it('a refusal that reads "this code can\'t be applied" is a rejection: high for lower case and spaces', async () => {
    const result = await fixtures.run(bag('strict&cantapply'));
    expect(findingsOf(result, 'promo-rejected')).toEqual([expect.objectContaining({ severity: 'high' })]);
    expect(tries(result)).toEqual(['SAVE10: accepted', 'save10: rejected', '␠SAVE10␠: rejected', 'SAVE10⏎: accepted', 'SAVE100: rejected']);
  });

  it('a fixed line "Discount codes are applied…" shown before the try is no acceptance: high, and the invalid code is rejected', async () => {
    const result = await fixtures.run(bag('strict&note'));
    expect(findingsOf(result, 'promo-rejected')).toEqual([expect.objectContaining({ severity: 'high' })]);
    expect(tries(result)).toEqual(['SAVE10: accepted', 'save10: rejected', '␠SAVE10␠: rejected', 'SAVE10⏎: accepted', 'SAVE100: rejected']);
    // The invalid code's refusal gives a reason (check the spelling): nothing unexplained.
    expect(findingsOf(result, 'promo-unexplained')).toHaveLength(0);
  });

  it('clean twins: a shop that takes lower case and spaces gives no promo-rejected, with the note or the "can\'t be applied" wording', async () => {
    for (const flags of ['note', 'cantapply', 'note&cantapply']) {
      const result = await fixtures.run(bag(flags));
      expect(findingsOf(result, 'promo-rejected'), flags).toHaveLength(0);
      expect(findingsOf(result, 'promo-total-unchanged'), flags).toHaveLength(0);
      expect(result.steps.map((s) => s.status), flags).toEqual(['passed', 'passed']);
    }
  });
});

describe('a refusal in another language that holds the accepted words', () => {
  it('a German shop\'s "Leider … nicht eingelöst" in a plain paragraph is a rejection, its "eingelöst" alone an acceptance', async () => {
    const scenario = [
      'name: Gutschein',
      'journey: promo-code',
      'steps:',
      '  - name: Open the bag',
      '    goto: /promo/warenkorb.html',
      '  - name: Enter the code',
      '    promo:',
      '      code: SAVE10',
      '      field: { label: Gutscheincode }',
      '      apply: { role: button, name: Einlösen }',
      '      accepted: eingelöst',
      '      total: { css: "#total" }',
      '      invalid: SAVE100',
      '',
    ].join('\n');
    const result = await fixtures.run(scenario);
    expect(tries(result)).toEqual(['SAVE10: accepted', 'save10: rejected', '␠SAVE10␠: rejected', 'SAVE10⏎: accepted', 'SAVE100: rejected']);
  });
});

describe('a code applied with the Enter key, where the shop has no Apply button', () => {
  const entered = (flags: string) => promoScenario('bag', `enter&${flags}`, { reveal: 'none', apply: '{ key: Enter }' });

  it('each try is applied with Enter: a shop that takes only the exact code is high for lower case and spaces', async () => {
    const result = await fixtures.run(entered('strict'));
    expect(tries(result)).toEqual(['SAVE10: accepted', 'save10: rejected', '␠SAVE10␠: rejected', 'SAVE10⏎: accepted', 'SAVE100: rejected']);
    expect(findingsOf(result, 'promo-rejected')).toEqual([expect.objectContaining({ severity: 'high' })]);
    // The customer's own Enter is their effort: a key press after the code, and no tap but the one on the field.
    expect(result.steps.at(-1)!.actions).toMatchObject({ keys: 1, taps: 1 });
  });

  it('clean twin: a shop that takes the code however it is typed gives no finding, and nothing untried', async () => {
    const result = await fixtures.run(entered('note'));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(findingsOf(result, 'promo-rejected')).toHaveLength(0);
    expect(findingsOf(result, 'promo-unexplained')).toHaveLength(0);
    expect(result.steps.at(-1)!.environment ?? []).toEqual([]);
  });
});

describe('revealing the field and applying the code in one step', () => {
  it('each try replays the step\'s reveal first: a forgiving shop passes with no rejection, the hunt still seen', async () => {
    const result = await fixtures.run(oneStep(''));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(findingsOf(result, 'promo-rejected')).toHaveLength(0);
    expect(findingsOf(result, 'promo-hunt')).toEqual([expect.objectContaining({ severity: 'low' })]);
    expect(result.steps.at(-1)!.environment ?? []).toEqual([]);
  });

  it('a shop that takes only the exact code is still high, each variant tried', async () => {
    const result = await fixtures.run(oneStep('strict&vague'));
    expect(tries(result)).toEqual(['SAVE10: accepted', 'save10: rejected', '␠SAVE10␠: rejected', 'SAVE10⏎: accepted', 'SAVE100: rejected']);
    expect(findingsOf(result, 'promo-rejected')).toEqual([expect.objectContaining({ severity: 'high' })]);
  });

  it('a variant cx-shop cannot carry out in its replayed browser is said as untried; the customer\'s step stays passed', async () => {
    const result = await fixtures.run(
      [
        'name: promo',
        'journey: promo-code',
        'steps:',
        '  - name: Open the cart',
        '    goto: /promo/upper-only.html',
        '  - name: Enter the code from the email',
        '    timeout: 1500',
        '    promo: { code: SAVE10, field: { label: Promo code }, apply: { role: button, name: Apply }, accepted: applied, invalid: SAVE100 }',
        '',
      ].join('\n'),
    );
    const step = result.steps.at(-1)!;
    expect(step.status).toBe('passed');
    expect(step.reason).toBeUndefined();
    const untried = (step.environment ?? []).filter((note) => note.startsWith('promo code not tried'));
    expect(untried).toEqual([
      expect.stringMatching(/^promo code not tried lower case: cx-shop's try of the code lower case in a replayed browser failed \(not the customer's try\): /),
      expect.stringMatching(/^promo code not tried surrounding spaces: cx-shop's try of the code surrounding spaces in a replayed browser failed \(not the customer's try\): /),
    ]);
    // What was tried is judged: the invalid code was refused with a reason, nothing else was rejected.
    expect(findingsOf(result, 'promo-rejected')).toHaveLength(0);
  });
});
