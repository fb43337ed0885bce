/**
 * The returns journey rules on hand-built journeys: a login wall, a dead end that says "call us", nothing to
 * keep, nobody to ask, a policy too long or hard to read; and what a good return looks like to them.
 */
import { describe, expect, it } from 'vitest';
import { applyJourneyRules } from '../../src/rules/journey/index.js';
import type { FieldInfo } from '../../src/artifacts/page.js';
import type { JudgedStep } from '../../src/rules/types.js';
import { pageSnapshot, judgedStep } from '../helpers/artifacts.js';

const field = (type: string, label: string) => ({
  element: `textbox labelled "${label}"`,
  selector: `#${label.toLowerCase()}`,
  text: '',
  box: { x: 0, y: 0, width: 300, height: 44 },
  tag: 'input',
  type,
  inputMode: null,
  autocomplete: null,
  name: label.toLowerCase(),
  label,
  placeholder: null,
  filled: false,
  length: 0,
  form: 0,
});

function step(index: number, pageText: string, extra: Partial<JudgedStep> = {}, pageExtra = {}): JudgedStep {
  return judgedStep({ index, url: `https://shop.test/${index}`, page: pageSnapshot({ url: `https://shop.test/${index}`, pageText, ...pageExtra }), ...extra });
}

const rulesFound = (steps: JudgedStep[], journey = 'returns') =>
  applyJourneyRules({ journey, steps, statuses: steps.map(() => 'passed') }).map(({ step, finding }) => [finding.rule, finding.severity, step]);

const PLAIN_POLICY = 'You can return anything within 30 days. It must be unworn. We pay for postage. We refund you within 5 days.';

describe('returns journey rules', () => {
  it('a return that ends in "please call us" is a dead end with nothing to keep: both high, on the last step', () => {
    const steps = [
      step(0, 'Your orders HC-10421'),
      step(1, 'Return an item. To complete your return, please call our returns team on 0800 000 0000 (Mon-Fri, 9am-5pm).'),
    ];
    expect(rulesFound(steps)).toEqual([
      ['returns-dead-end', 'high', 1],
      ['returns-no-confirmation', 'high', 1],
    ]);
    const [{ finding }] = applyJourneyRules({ journey: 'returns', steps, statuses: ['passed', 'passed'] });
    expect(finding.evidence.text).toBe('To complete your return, please call our returns team on 0800 000 0000 (Mon-Fri, 9am-5pm).');
    expect(finding.evidence.measured).toBe('contact only: 0800 000 0000');
  });

  it('a confirmed return with a number, a label and a chat link has nothing to report', () => {
    const steps = [
      step(0, 'Return an item', { documents: [{ kind: 'text', source: 'page', location: 'x', text: PLAIN_POLICY, items: [], bodyFontSize: 0, gradeTarget: 8 }] }),
      step(1, 'Return confirmed. Your return number is R-10421-1. Download your return label.', {}, { contactLinks: ['Chat with us'] }),
    ];
    expect(rulesFound(steps)).toEqual([]);
  });

  it('a password field on the way is a login wall; no contact anywhere is medium', () => {
    const steps = [step(0, 'Sign in to see your orders', {}, { fields: [field('email', 'Email'), field('password', 'Password')] }), step(1, 'Return confirmed. Return number R-1.')];
    expect(rulesFound(steps)).toEqual([
      ['returns-login-wall', 'medium', 0],
      ['returns-no-human', 'medium', 1],
    ]);
  });

  it('a sign-in beside a guest way in by order number is no wall; a chat bubble named as one is a person to ask', () => {
    const steps = [
      step(0, 'Signed up with us? Sign in. No account? Find your order', {}, { fields: [field('email', 'Email'), field('password', 'Password'), field('text', 'Order number'), field('text', 'Postcode')] }),
      step(1, 'Return confirmed. Return number R-1.', {}, { contactLinks: ['Open Intercom Messenger'] }),
    ];
    expect(rulesFound(steps)).toEqual([]);
  });

  it('"email returns@… with your order number" as the only way on is a dead end', () => {
    const steps = [step(0, 'Your orders HC-10421'), step(1, 'Returns. To start a return, email returns@northwind.example with your order number and the items you want to send back.')];
    expect(rulesFound(steps).map(([rule]) => rule)).toContain('returns-dead-end');
  });

  it('a long or hard policy the customer reads is medium, with its words and grade', () => {
    const legal = `${'The Customer shall, notwithstanding any provision hereinbefore contained, procure the return of the Goods in their original condition, '.repeat(4)}failing which no refund shall be due.`;
    const steps = [
      step(0, 'Returns policy', { documents: [{ kind: 'text', source: 'page', location: 'x', text: legal, items: [], bodyFontSize: 0, gradeTarget: 8 }] }),
      step(1, 'Return confirmed. Return number R-1.', {}, { contactLinks: ['Chat with us'] }),
    ];
    const found = applyJourneyRules({ journey: 'returns', steps, statuses: ['passed', 'passed'] });
    expect(found.map(({ finding }) => finding.rule)).toEqual(['returns-policy']);
    expect(found[0]!.finding.evidence.measured).toMatch(/^\d+ words, grade \d+\.\d, reading ease -?\d+$/);
  });

  it('a short policy in headings and points without full stops is read point by point: no finding', () => {
    const policy = [
      'Our returns promise',
      'Free returns within 30 days',
      'Items must be unworn, with the tags on',
      'Refunds go back to the card you paid with',
      'Sale items can be returned too',
      'How to send it back',
      'Print the label from your account and drop the parcel at any post office',
      'We email you when the refund is on its way.',
    ].join('\n');
    const steps = [
      step(0, 'Returns policy', { documents: [{ kind: 'text', source: 'page', location: 'x', text: policy, items: [], bodyFontSize: 0, gradeTarget: 8 }] }),
      step(1, 'Return confirmed. Return number R-1.', {}, { contactLinks: ['Chat with us'] }),
    ];
    expect(rulesFound(steps)).toEqual([]);
  });

  it.each([
    'Your return has been booked. Drop it off at any post office within 14 days.',
    'Returns label ready: print it and stick it on the parcel.',
    'RMA 55201: pack the items with this slip.',
    'Show this drop-off code at the locker: 7KQ2-91.',
    'Return request received. We will email you when your refund is on its way.',
  ])('a last page saying "%s" gives the customer something to keep', (text) => {
    const found = rulesFound([step(0, 'Your orders HC-10421'), step(1, `${text} Questions? Chat with us.`, {}, { contactLinks: ['Chat with us'] })]);
    expect(found.filter(([rule]) => rule === 'returns-no-confirmation')).toEqual([]);
  });

  it('a booked return that also gives an email for questions is no dead end', () => {
    const found = rulesFound([step(0, 'Your orders HC-10421'), step(1, 'Your return has been booked. Questions? Email our returns team at returns@shop.test.')]);
    expect(found.filter(([rule]) => rule === 'returns-dead-end' || rule === 'returns-no-confirmation')).toEqual([]);
  });

  it('a date or an order number in the text is no phone number to call: nobody to ask', () => {
    const found = rulesFound([step(0, 'Your orders HC-10421, placed 2026-11-23'), step(1, 'Return booked on 2026-12-02. Returns label ready. Order 10421 55 ref.')]);
    expect(found.filter(([rule]) => rule === 'returns-no-human')).toEqual([['returns-no-human', 'medium', 1]]);
    const call = rulesFound([step(0, 'Your orders HC-10421'), step(1, 'Return booked. Returns label ready. Questions? Ring 0800 000 0000.')]);
    expect(call.filter(([rule]) => rule === 'returns-no-human')).toEqual([]);
  });

  it('an order number of more figures than a phone number has, or one named as an order\'s, is no phone number', () => {
    for (const text of [
      'Return booked. Returns label ready. 302-4471288-1654321',
      'Return booked. Returns label ready. Order no. 4471288165',
      'Return booked. Returns label ready. Tracking number: 0034 5521 8871',
      // A parcel's code running on into letters; a number named by the words a moment before it; one run together.
      'Return booked. Returns label ready. Placed 3 May 2026, parcel tracking 1Z999AA10123456784',
      'Return booked. Returns label ready. Return an item from 400123456789',
      'Return booked. Returns label ready. 400123456789',
    ]) {
      expect(rulesFound([step(0, 'Your orders'), step(1, text)]).map(([rule]) => rule), text).toEqual(['returns-no-human']);
    }
    for (const phone of ['+44 20 7946 0958', '02079460958', '(555) 010-0199', '+442079460958']) {
      expect(rulesFound([step(0, 'Your orders'), step(1, `Return booked. Returns label ready. Questions? Call ${phone}.`)]), phone).toEqual([]);
    }
  });

  it.each([
    'Your return request has been submitted. Confirmation #A1234 is on its way to your inbox.',
    'Your return was created successfully.',
    'Your return is authorised. Pack the item and send it back within 14 days.',
    'Return placed. Confirmation #A1234',
    "We've emailed you a label to print.",
  ])('a last page saying "%s" gives something to keep, and is no dead end beside an email for questions', (text) => {
    const found = rulesFound([step(0, 'Your orders HC-10421'), step(1, `${text} Questions? Email returns@shop.test.`)]);
    expect(found.filter(([rule]) => rule !== 'returns-no-human')).toEqual([]);
  });

  it('a sign-in page with a link past it as a guest is no login wall; a sign-in alone still is', () => {
    const signIn = [field('email', 'Email'), field('password', 'Password')];
    const target = (element: string) => ({ element, selector: 'a', text: '', box: { x: 0, y: 0, width: 200, height: 48 }, inline: false });
    for (const way of ['link "Return without signing in"', 'button "Continue as a guest"', 'link "No account? Find your order"']) {
      const steps = [step(0, 'Sign in', {}, { fields: signIn, targets: [target(way)] }), step(1, 'Return confirmed. Return number R-1.', {}, { contactLinks: ['Chat with us'] })];
      expect(rulesFound(steps), way).toEqual([]);
    }
    const walled = [step(0, 'Sign in', {}, { fields: signIn, targets: [target('link "Forgotten your password?"'), target('link "Create an account"')] }), step(1, 'Return confirmed. Return number R-1.', {}, { contactLinks: ['Chat with us'] })];
    expect(rulesFound(walled)).toEqual([['returns-login-wall', 'medium', 0]]);
  });

  it('a last page that only thanks the customer gives nothing to keep', () => {
    const found = rulesFound([step(0, 'Your orders HC-10421'), step(1, 'Thank you. Questions? Chat with us.', {}, { contactLinks: ['Chat with us'] })]);
    expect(found.filter(([rule]) => rule === 'returns-no-confirmation')).toEqual([['returns-no-confirmation', 'high', 1]]);
  });

  it('a header search box or a footer sign-up is no way on: the return still ends in "call us"; a field in the content is', () => {
    const CALL = 'Returns. To return an item please call us on 0800 048 7731 (Monday to Friday, 9am to 5pm). Have your order number ready.';
    const framed = (fields: FieldInfo[]) =>
      rulesFound([step(0, 'Your orders HC-10421'), step(1, `Hartwell & Co Search ${CALL} Sign up for our newsletter`, {}, { mainText: CALL, fields })]).map(([rule]) => rule);
    const search = { ...field('search', 'Search'), inFrame: true };
    const newsletter = { ...field('email', 'Email'), inFrame: true };
    expect(framed([search, newsletter])).toEqual(['returns-dead-end', 'returns-no-confirmation']);
    // A site search in the content is no way on either; an order number to fill in is.
    expect(framed([{ ...field('search', 'Search help'), inFrame: false }])).toContain('returns-dead-end');
    expect(framed([search, { ...field('text', 'Order number'), inFrame: false }])).not.toContain('returns-dead-end');
    // The sentence quoted is the content's, not the site's name and the header's words before it.
    const [{ finding }] = applyJourneyRules({ journey: 'returns', steps: [step(0, 'x'), step(1, `Hartwell & Co ${CALL}`, {}, { mainText: CALL, fields: [search] })], statuses: ['passed', 'passed'] });
    expect(finding.evidence.text).toBe('To return an item please call us on 0800 048 7731 (Monday to Friday, 9am to 5pm).');
  });

  it('a returns slip to print, a parcel ID, an authorisation or tracking number is something to keep; thanks alone is not', () => {
    const kept = (text: string) => !rulesFound([step(0, 'Your orders HC-10421'), step(1, text)]).some(([rule]) => rule === 'returns-no-confirmation');
    expect(kept('All done. Print your returns slip, pop it in the parcel and post it at any Post Office within 14 days. Parcel ID HW-58213-77')).toBe(true);
    expect(kept('All done. Parcel number 58213 77.')).toBe(true);
    expect(kept('Return authorisation number RA-5521. Post it to us.')).toBe(true);
    expect(kept('Sent. Your tracking number is 1Z 999 AA1.')).toBe(true);
    expect(kept('Download the returns note and put it in the box.')).toBe(true);
    expect(kept("Thank you. We've got your request and we'll be in touch soon.")).toBe(false);
    expect(kept('Thank you. Fill in your details and we will send you a form.')).toBe(false);
  });

  it('a footer help link about returns labels gives the customer nothing to keep; a label in the content does', () => {
    const THANKS = "Thank you. We've got your request and we'll be in touch soon.";
    const footer = 'Help centre Contact us Printing your returns label';
    const found = rulesFound([step(0, 'Your orders HC-10421'), step(1, `${THANKS} ${footer}`, {}, { mainText: THANKS })]);
    expect(found.filter(([rule]) => rule === 'returns-no-confirmation')).toEqual([['returns-no-confirmation', 'high', 1]]);
    const label = 'Your return is booked. Print your returns label.';
    expect(rulesFound([step(0, 'Your orders HC-10421'), step(1, `${label} ${footer}`, {}, { mainText: label })]).map(([rule]) => rule)).not.toContain('returns-no-confirmation');
    // Saved before the page's content was kept apart: the whole page is read, as it was.
    expect(rulesFound([step(0, 'Your orders HC-10421'), step(1, `${label} ${footer}`)]).map(([rule]) => rule)).not.toContain('returns-no-confirmation');
  });

  it('only judges returns journeys', () => {
    expect(rulesFound([step(0, 'please call our team on 0800 000 0000.')], 'promo-code')).toEqual([]);
  });
});
