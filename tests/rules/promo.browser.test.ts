/**
 * Promo code probing in real Chromium: the valid code tried as printed, in lower case, with spaces and pasted
 * with a newline, each from a fresh context brought to the same point; an invalid code; the total; the hunt.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findingsOf, pageScenario, promoScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

/** The cart opened with the given behaviour flags, the field revealed in a step of its own (or not), then the promo step. */
const scenario = (flags: string, reveal = true, before: string[] = []) => promoScenario('cart', flags, { reveal: reveal ? 'step' : 'none', before });

describe('promo probing', () => {
  it('a shop that takes only the exact code rejects three ways customers type it: high, each variant named', async () => {
    const result = await fixtures.run(scenario('strict&vague'));
    const [rejected] = findingsOf(result, 'promo-rejected');
    expect(rejected).toMatchObject({ severity: 'high', area: 'promo' });
    expect(rejected!.message).toBe(
      'The valid code SAVE10 was rejected lower case ("save10"), surrounding spaces ("␠SAVE10␠")',
    );
    expect(rejected!.evidence.items).toEqual([
      expect.objectContaining({ element: 'as printed', measured: 'SAVE10: accepted' }),
      expect.objectContaining({ element: 'lower case', measured: 'save10: rejected' }),
      expect.objectContaining({ element: 'surrounding spaces', measured: '␠SAVE10␠: rejected' }),
      expect.objectContaining({ element: 'pasted with a newline', measured: 'SAVE10⏎: accepted' }),
      expect.objectContaining({ element: 'invalid code', measured: 'SAVE100: rejected' }),
    ]);
    const [unexplained] = findingsOf(result, 'promo-unexplained');
    expect(unexplained).toMatchObject({ severity: 'medium', evidence: { measured: 'Invalid.' } });
  });

  it('a bag whose server sends it back with its answer (a form sent, the page again with the answer in red under the form): the reason there is heard, no finding', async () => {
    const steps =
      '  - name: Enter the code from the email\n' +
      '    promo: { code: SPRING20, field: { label: Promo code }, apply: { role: button, name: Apply }, accepted: applied, total: { css: "#total" }, invalid: SPRING200 }\n';
    // In the page's <main>, and with the form straight in the page's body, as a small shop's template has it.
    for (const page of ['posted.html', 'posted.html?bare']) {
      const result = await fixtures.run(pageScenario('promo', page, { steps }));
      expect(result.steps.map((s) => s.status), page).toEqual(['passed', 'passed']);
      expect(result.steps[1]!.findings.filter((f) => f.area === 'promo'), page).toEqual([]);
      const probe = (await savedArtifacts(result)).steps.at(-1)!.promo!;
      expect(probe.tries.find((t) => t.variant === 'invalid code'), page).toMatchObject({ accepted: false, message: expect.stringContaining("We don't recognise") });
    }
  });

  it('a rule the step turns off is not measured: its tries are left out (each would be a browser of its own)', async () => {
    const turnedOff = (rules: string) => scenario('strict&vague').replace('  - name: Enter the code from the email\n', `  - name: Enter the code from the email\n    rules: { ${rules} }\n`);
    const variants = async (result: Awaited<ReturnType<typeof fixtures.run>>) => (await savedArtifacts(result)).steps.at(-1)!.promo!.tries.map((t) => t.variant);
    // Without promo-rejected, the code is not tried typed other ways; the invalid code still is, for promo-unexplained.
    const rejectedOff = await fixtures.run(turnedOff('promo-rejected: off'));
    expect(await variants(rejectedOff)).toEqual(['invalid code']);
    expect(findingsOf(rejectedOff, 'promo-rejected')).toEqual([]);
    expect(findingsOf(rejectedOff, 'promo-unexplained').map((f) => f.evidence.measured)).toEqual(['Invalid.']);
    // With neither, only the customer's own try is made; it is judged as ever (the code taken, the total down).
    const bothOff = await fixtures.run(turnedOff('promo-rejected: off, promo-unexplained: off'));
    expect(await variants(bothOff)).toEqual([]);
    expect((await savedArtifacts(bothOff)).steps.at(-1)!.promo!.customer).toMatchObject({ variant: 'as printed', accepted: true });
    expect(bothOff.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
  });

  it('a refusal in an alert is taken as the answer; an answer that comes late after "Checking your code…" is waited for', async () => {
    const tries = (result: Awaited<ReturnType<typeof fixtures.run>>) =>
      (findingsOf(result, 'promo-rejected')[0]?.evidence.items as Array<{ measured: string }> | undefined)?.map((item) => item.measured);
    // Refused at once, in an alert: every try says so, and the message is the alert's.
    const alerted = await fixtures.run(scenario('strict&alert'));
    expect(tries(alerted)).toEqual(['SAVE10: accepted', 'save10: rejected', '␠SAVE10␠: rejected', 'SAVE10⏎: accepted', 'SAVE100: rejected']);
    expect(findingsOf(alerted, 'promo-unexplained')).toHaveLength(0);
    // A status that is no answer yet: the code as printed is still seen accepted, the others still rejected.
    const late = await fixtures.run(scenario('strict&late'));
    expect(tries(late)).toEqual(['SAVE10: accepted', 'save10: rejected', '␠SAVE10␠: rejected', 'SAVE10⏎: accepted', 'SAVE100: rejected']);
    // The refusal is the answer the customer gets: a code the site applies after all, later, was still refused.
    const reconsidered = await fixtures.run(scenario('second-thoughts'));
    expect(tries(reconsidered)).toEqual(['SAVE10: rejected', 'save10: rejected', '␠SAVE10␠: rejected', 'SAVE10⏎: rejected', 'SAVE100: rejected']);
  });

  it('a forgiving shop with a helpful message gives neither finding, and only the customer try is effort', async () => {
    const result = await fixtures.run(scenario(''));
    expect(findingsOf(result, 'promo-rejected')).toHaveLength(0);
    expect(findingsOf(result, 'promo-unexplained')).toHaveLength(0);
    const step = result.steps.at(-1)!;
    // A tap on the field, 6 characters of code and a tap on Apply: the probing in other contexts is not counted.
    expect(step.actions).toMatchObject({ fields: 1, charsTyped: 6, taps: 2 });
    expect(step.effortBreakdown.keystrokes).toBeCloseTo(6 * 0.5, 3);
  });

  it('a code good for one use: the customer\'s try comes first and is accepted; the variants it used up are untried, not rejected', async () => {
    // The server takes SAVE10 however it is typed, once per batch, and answers "already been used" after that.
    const result = await fixtures.run(scenario(`once=${randomUUID()}`));
    const step = result.steps.at(-1)!;
    expect(step.status).toBe('passed');
    expect(findingsOf(result, 'promo-rejected')).toHaveLength(0);
    // (The step's environment notes are in alphabetical order.)
    expect((step.environment ?? []).filter((note) => note.startsWith('promo code not tried'))).toEqual(
      ['lower case', 'pasted with a newline', 'surrounding spaces'].map(
        (variant) => `promo code not tried ${variant}: the code is good for one use, and the customer's own try used it: the shop said "Sorry, this code has already been used. Each code works for one order."`,
      ),
    );
    // The invalid code is still judged: refused with a reason, so no promo-unexplained.
    expect(findingsOf(result, 'promo-unexplained')).toHaveLength(0);
    // A batch already used before the customer came: their own try is refused, and that is the finding.
    const batch = randomUUID();
    await fixtures.run(scenario(`once=${batch}`));
    const spent = await fixtures.run(scenario(`once=${batch}`));
    expect(findingsOf(spent, 'promo-rejected')).toEqual([expect.objectContaining({ severity: 'high' })]);
  });

  it('a confirmation that goes again after a moment, and one with a caveat ("not valid on sale items") that took the discount off, are acceptance', async () => {
    for (const flags of ['toast', 'caveat']) {
      const result = await fixtures.run(scenario(flags));
      expect(findingsOf(result, 'promo-rejected'), flags).toHaveLength(0);
      expect(findingsOf(result, 'error-message'), flags).toHaveLength(0);
    }
  });

  it('an accepted code that leaves the total alone is medium', async () => {
    const result = await fixtures.run(scenario('keep-total'));
    expect(findingsOf(result, 'promo-total-unchanged')).toEqual([
      expect.objectContaining({ severity: 'medium', evidence: expect.objectContaining({ measured: 'total £45.00 before and after' }) }),
    ]);
  });

  it('a field behind "Have a promo code?" is low (hunted for); a field in view is not, nor one the customer used before', async () => {
    const hidden = await fixtures.run(scenario(''));
    expect(findingsOf(hidden, 'promo-hunt')).toEqual([
      expect.objectContaining({ severity: 'low', message: 'Finding the promo code field took a tap on button "Have a promo code?"' }),
    ]);
    const open = await fixtures.run(scenario('open', false));
    expect(findingsOf(open, 'promo-hunt')).toHaveLength(0);
    // An older code tried first in the field in view: its taps on the field and on Apply were using it, not finding it.
    const tried = await fixtures.run(scenario('open', false, ['  - name: Try an old code', '    type: { label: Promo code, text: OLD5 }', '    tap: { role: button, name: Apply }']));
    expect(tried.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(findingsOf(tried, 'promo-hunt')).toHaveLength(0);
  });
});
