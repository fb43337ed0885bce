/**
 * The form rules against fixture pages in real Chromium, on an emulated Pixel 7 unless the rule is about the
 * device: each positive case finds the problem with its severity and evidence, each negative case on the same
 * kind of page does not. Error messages also cost their reading time in the step's effort.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, maskedPixels, pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const run = (page: string, options?: { head?: string; steps?: string }) => fixtures.run(pageScenario('forms', page, options));

/** Reading time the effort model gives a text: its words at 238 a minute. */
const reading = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length * (60 / 238);

const SIGN_UP =
  '  - name: Create my account\n' +
  '    type: { label: Full name, text: Ada Lovelace }\n' +
  '    fill: { label: Email, text: ada@example.com }\n' +
  '    tap: { role: button, name: Create account }\n';
const SUBSCRIBE = '  - name: Subscribe\n    type: { label: Email, text: ada }\n    tap: { role: button, name: Subscribe }\n';
const REGISTERED = 'Sorry, that email address is already registered.';

describe('too-many-fields', () => {
  it('a form with 10 fields is low', async () => {
    const result = await run('fields-10.html');
    const findings = findingsOf(result, 'too-many-fields');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('low');
    expect(findings[0]!.area).toBe('forms');
    expect(findings[0]!.evidence).toMatchObject({ element: 'form (10 fields)', selector: '#survey', measured: '10 fields', threshold: '8 fields or fewer' });
  });

  it('a form with 13 fields is medium', async () => {
    const result = await run('fields-13.html');
    const findings = findingsOf(result, 'too-many-fields');
    expect(findings.map((f) => [f.severity, f.evidence.element, f.evidence.measured])).toEqual([['medium', 'form (13 fields)', '13 fields']]);
  });

  it("fields in no <form> are one form to the customer: a single-page app's checkout of 13 is medium", async () => {
    const result = await run('formless-checkout.html');
    const findings = findingsOf(result, 'too-many-fields');
    // The search in the header and the newsletter in the footer are not part of it; a field's own buttons (show
    // password, find address) do not cut it in pieces.
    expect(findings.map((f) => [f.severity, f.evidence.selector, f.evidence.measured])).toEqual([['medium', '#checkout', '13 fields']]);
  });

  it('fields in no <form>, in parts each with a Save of its own, are as many forms; a group of radio buttons is one question', async () => {
    const result = await run('formless-sections.html');
    expect(findingsOf(result, 'too-many-fields')).toHaveLength(0);
    const page = (await savedArtifacts(result)).steps[0]!.page!;
    expect(page.forms).toEqual([
      { selector: '#details', visibleFields: 4 },
      { selector: '#address', visibleFields: 5 },
      { selector: '#password', visibleFields: 5 },
    ]);
  });

  it("a filter drawer's groups of tick boxes are one question each: twelve colours, five sizes, a toggle and a price range are five", async () => {
    const result = await run('filter-drawer.html');
    expect(findingsOf(result, 'too-many-fields')).toHaveLength(0);
    expect((await savedArtifacts(result)).steps[0]!.page!.forms).toEqual([{ selector: '#filters', visibleFields: 5 }]);
  });

  it('a form with 6 fields (and a hidden one and a button) is not a finding', async () => {
    const result = await run('fields-6.html');
    expect(findingsOf(result, 'too-many-fields')).toHaveLength(0);
  });
});

describe('wrong-keyboard', () => {
  it('email, phone and card fields of type text are medium, each listed with the keyboard it needs', async () => {
    const result = await run('keyboard-wrong.html');
    const findings = findingsOf(result, 'wrong-keyboard');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.severity).toBe('medium');
    expect(finding!.area).toBe('forms');
    expect(finding!.evidence).toMatchObject({ element: 'textbox labelled "Email"', selector: '#email', measured: 'type="text"', threshold: 'type="email"', count: 3 });
    expect(finding!.evidence.items).toEqual([
      expect.objectContaining({ element: 'textbox labelled "Email"', selector: '#email', measured: 'type="text", needs type="email"' }),
      expect.objectContaining({ element: 'textbox labelled "Phone"', selector: '#phone', measured: 'type="text", needs type="tel"' }),
      expect.objectContaining({ element: 'textbox labelled "Card number"', selector: '#card', measured: 'type="text", needs inputmode="numeric"' }),
    ]);
  });

  it('type=email, type=tel and inputmode=numeric are not a finding', async () => {
    const result = await run('keyboard-right.html');
    expect(findingsOf(result, 'wrong-keyboard')).toHaveLength(0);
  });

  it('the same wrong fields on Desktop Chrome are not a finding (no touch keyboard)', async () => {
    const result = await run('keyboard-wrong.html', { head: 'device: Desktop Chrome\n' });
    expect(result.device).toBe('Desktop Chrome');
    expect(findingsOf(result, 'wrong-keyboard')).toHaveLength(0);
  });
});

describe('missing-autocomplete', () => {
  it('name, email and phone fields without autocomplete are medium, each with the token it needs', async () => {
    const result = await run('autocomplete-missing.html');
    const findings = findingsOf(result, 'missing-autocomplete');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.severity).toBe('medium');
    expect(finding!.evidence).toMatchObject({ element: 'textbox labelled "Full name"', measured: 'no autocomplete', threshold: 'autocomplete="name"', count: 3 });
    expect(finding!.evidence.items).toEqual([
      expect.objectContaining({ element: 'textbox labelled "Full name"', selector: '#fullname', measured: 'autocomplete="", needs "name"' }),
      expect.objectContaining({ element: 'textbox labelled "Email"', selector: '#email', measured: 'autocomplete="", needs "email"' }),
      expect.objectContaining({ element: 'textbox labelled "Phone"', selector: '#phone', measured: 'autocomplete="", needs "tel"' }),
    ]);
  });

  it('the right tokens (a section prefix allowed) are not a finding', async () => {
    const result = await run('autocomplete-ok.html');
    expect(findingsOf(result, 'missing-autocomplete')).toHaveLength(0);
  });

  it('a promo code field without autocomplete is not a finding (no personal data)', async () => {
    const result = await run('promo-code.html');
    expect(findingsOf(result, 'missing-autocomplete')).toHaveLength(0);
  });
});

describe('unlabelled-field', () => {
  it('a field with only a placeholder is medium, named by its placeholder', async () => {
    const result = await run('placeholder-only.html');
    const findings = findingsOf(result, 'unlabelled-field');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('medium');
    expect(findings[0]!.evidence).toMatchObject({ element: 'field with placeholder "Your email address"', selector: '#news-email', measured: 'no label', count: 1 });
  });

  it('fields labelled by <label>, aria-labelledby and aria-label are not a finding', async () => {
    const result = await run('labelled.html');
    expect(findingsOf(result, 'unlabelled-field')).toHaveLength(0);
  });

  it("an anti-spam field parked off the page, a skip link and a visually hidden link are not the customer's fields or targets", async () => {
    const result = await run('hidden-helpers.html');
    expect(result.steps.map((s) => s.status)).toEqual(['passed']);
    expect(findingsOf(result, 'unlabelled-field')).toEqual([]);
    expect(findingsOf(result, 'tap-target-size')).toEqual([]);
    // The page's own field and button were measured; the helpers were not.
    const page = (await savedArtifacts(result)).steps[0]!.page!;
    expect(page.fields.map((f) => f.selector)).toEqual(['#news-email']);
    expect(page.targets.map((t) => t.element)).toEqual(['textbox labelled "Email address"', 'button "Subscribe"']);
  });
});

describe('placeholder-label', () => {
  it("fields of a form whose labels only screen readers get are low, listed by what the customer sees: their placeholders", async () => {
    const result = await run('placeholder-labels.html');
    const findings = findingsOf(result, 'placeholder-label');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('low');
    expect(findings[0]!.message).toBe('2 fields have only a placeholder to say what they are for, gone once the customer types: field with placeholder "Email address"');
    // The header's search and the lone newsletter field are built the same way, and are no form to fill in.
    expect(findings[0]!.evidence.items).toEqual([
      expect.objectContaining({ element: 'field with placeholder "Email address"', selector: '#email', measured: 'label hidden from sight' }),
      expect.objectContaining({ element: 'field with placeholder "Password"', selector: '#password', measured: 'label hidden from sight' }),
    ]);
    // They have labels: the field without one is unlabelled-field's, never both.
    expect(findingsOf(result, 'unlabelled-field')).toEqual([]);
  });

  it('labels in sight are not a finding: floating labels over their fields, and labels above them', async () => {
    const shown = async (page: string) => {
      const result = await run(page);
      expect(findingsOf(result, 'placeholder-label'), page).toEqual([]);
      return (await savedArtifacts(result)).steps[0]!.page!.fields.map((field) => [field.selector, field.labelShown]);
    };
    expect(await shown('floating-labels.html')).toEqual([
      ['#name', true],
      ['#line1', true],
      ['#postcode', true],
    ]);
    // A search box's aria-label is never seen; a search has no placeholder-label finding either way.
    expect(await shown('labelled.html')).toEqual([
      ['#news-email', true],
      ['#size', true],
      ['#search', false],
    ]);
  });
});

describe('form-cleared', () => {
  it('the boxes of a one-time code emptied after a wrong code are no form wiped: the customer types the new code anyway', async () => {
    const result = await run('code-wrong.html', { steps: '  - name: The code\n    type: { label: Digit 1 of 6, text: "482913" }\n    tap: { role: button, name: Verify }\n' });
    expect(findingsOf(result, 'error-message').map((f) => f.evidence.text)).toEqual(['That code is not right. Check the latest text we sent.']);
    expect(findingsOf(result, 'form-cleared')).toHaveLength(0);
    const boxes = await run('code-wrong.html?boxes', { steps: '  - name: The code\n    type: { label: Box 1, text: "482913" }\n    tap: { role: button, name: Verify }\n' });
    expect(findingsOf(boxes, 'error-message')).toHaveLength(1);
    expect(findingsOf(boxes, 'form-cleared')).toHaveLength(0);
  });

  it("a form in a web component's shadow root that the component empties with its error is high, as one in the page is", async () => {
    const steps =
      '  - name: Name\n    type: { label: Full name, text: Ada Lovelace }\n' +
      '  - name: Email\n    type: { label: Email, text: ada@example.com }\n' +
      '  - name: Postcode\n    type: { label: Postcode, text: SW1A 1AA }\n' +
      '  - name: Place the order\n    tap: { role: button, name: Place order }\n    expect: { text: check the postcode }\n';
    const result = await run('component-cleared.html', { steps });
    const findings = findingsOf(result, 'form-cleared');
    expect(findings.map((f) => [f.severity, f.evidence.measured])).toEqual([['high', '3 filled fields emptied']]);
    // The component's fields are the page's fields: one form of three.
    const fields = (await savedArtifacts(result)).steps[0]!.page!.fields;
    expect(fields.map((f) => [f.label, f.form])).toEqual([
      ['Full name', 0],
      ['Email', 0],
      ['Postcode', 0],
    ]);
  });

  const expectCleared = (finding: ReturnType<typeof findingsOf>[number] | undefined) => {
    expect(finding!.severity).toBe('high');
    expect(finding!.area).toBe('forms');
    expect(finding!.evidence.text).toBe(REGISTERED);
    expect(finding!.evidence.measured).toBe('2 filled fields emptied');
    expect(finding!.evidence.items).toEqual([
      expect.objectContaining({ element: 'textbox labelled "Full name"', selector: '#fullname', measured: 'empty' }),
      expect.objectContaining({ element: 'textbox labelled "Email"', selector: '#email', measured: 'empty' }),
    ]);
  };

  it('a script that empties the form along with its error is high, listing the emptied fields', async () => {
    const result = await run('cleared-script.html', { steps: SIGN_UP });
    const findings = findingsOf(result, 'form-cleared');
    expect(findings).toHaveLength(1);
    expectCleared(findings[0]);
    expect(result.steps[1]!.findings.map((f) => f.rule)).toContain('form-cleared');
    // One finding for the lost values, not a value-not-kept per field as well.
    expect(findingsOf(result, 'value-not-kept')).toHaveLength(0);
  });

  it('a GET submit that re-renders the same page empty with an error is high, listing the emptied fields', async () => {
    // The expectation makes the step wait for the re-rendered page (see the next test for why it is needed).
    const result = await run('cleared-get.html', { steps: `${SIGN_UP}    expect: { text: already registered }\n` });
    expect(result.steps[1]!.url).toContain('/forms/cleared-get.html?');
    expect(findingsOf(result, 'error-message').map((f) => f.severity)).toEqual(['medium']);
    const findings = findingsOf(result, 'form-cleared');
    expect(findings).toHaveLength(1);
    expectCleared(findings[0]);
    expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo(reading(REGISTERED), 2);
  });

  // The submit's navigation starts a moment after the tap: the step waits for it and judges the new page.
  it('without an expectation, the error after a GET submit is still seen in the step that submitted', async () => {
    const result = await run('cleared-get.html', { steps: SIGN_UP });
    expect(findingsOf(result, 'error-message')).toHaveLength(1);
    expect(result.steps[1]!.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['error-message', 'form-cleared']));
    expect(findingsOf(result, 'value-not-kept')).toHaveLength(0);
  });

  // Server-rendered forms often post to another address and show the form again there: matched by label.
  it('a GET submit to a static page that shows the same form empty with an error is high', async () => {
    const result = await run('cleared-get-elsewhere.html', { steps: `${SIGN_UP}    expect: { text: already registered }\n` });
    expect(result.steps[1]!.url).toContain('/forms/signup-error.html?');
    expect(findingsOf(result, 'error-message').map((f) => f.severity)).toEqual(['medium']);
    const findings = findingsOf(result, 'form-cleared');
    expect(findings).toHaveLength(1);
    expectCleared(findings[0]);
  });

  // The look for messages on arrival waits for the short timers the page sets as it starts, not a fixed time.
  it("an error the arriving page's script shows a moment after it loads (a timer that sets another) is seen", async () => {
    const result = await run('late-error.html', { steps: SIGN_UP });
    expect(result.steps[1]!.url).toContain('/forms/signup-error-late.html?');
    expect(findingsOf(result, 'error-message').map((f) => [f.severity, f.evidence.text])).toEqual([['medium', REGISTERED]]);
    expect(findingsOf(result, 'form-cleared')).toHaveLength(1);
  });

  it('a form drawn again from state with its error (new elements, the values put back): the error is seen, nothing is cleared', async () => {
    const result = await run('rerendered.html', { steps: SIGN_UP });
    expect(findingsOf(result, 'error-message').map((f) => [f.severity, f.evidence.text])).toEqual([['medium', REGISTERED]]);
    expect(findingsOf(result, 'form-cleared')).toHaveLength(0);
    expect(findingsOf(result, 'value-not-kept')).toHaveLength(0);
    expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo(reading(REGISTERED), 2);
  });

  it('an error in a new <label class="error"> after the field is seen; the field\'s own label turning red is not a message', async () => {
    const result = await run('error-labels.html', { steps: SIGN_UP });
    expect(findingsOf(result, 'error-message').map((f) => [f.severity, f.evidence.text, f.evidence.element])).toEqual([['medium', REGISTERED, 'label#email-error']]);
  });

  it("a server's page with its error in a plain list under the field (\"Enter a valid email address.\") is seen", async () => {
    const result = await run('errorlist-signup.html', { steps: `${SIGN_UP}    expect: { text: Enter a valid email address }\n` });
    expect(findingsOf(result, 'error-message').map((f) => f.evidence.text)).toEqual(['Enter a valid email address.']);
  });

  it("a server's answer to a form sent by POST, its error in red words above the form and outside it, is seen; the red offer and the red courtesy by it are none", async () => {
    const result = await run('posted-signup.html', { steps: `${SIGN_UP}    expect: { text: already registered }\n` });
    expect(result.steps[1]!.url).toContain('/forms/posted-signup-error.html');
    expect(findingsOf(result, 'error-message').map((f) => [f.severity, f.evidence.text])).toEqual([['medium', REGISTERED]]);
    expect(findingsOf(result, 'form-cleared')).toHaveLength(1);
  });

  it('a single-page app\'s form in no <form>, drawn again whole with red words under the empty fields: each is an error message', async () => {
    const result = await run('formless-redrawn.html', { steps: '  - name: Continue\n    type: { label: Full name, text: Ada Lovelace }\n    tap: { role: button, name: Continue }\n' });
    expect(findingsOf(result, 'error-message').map((f) => f.evidence.text)).toEqual(['Enter your address line 1', 'Enter your postcode']);
    expect(findingsOf(result, 'wordless-error')).toHaveLength(0);
  });

  it('a form that keeps the values on error is not a finding, but the error message still is (medium)', async () => {
    const result = await run('kept-on-error.html', { steps: SIGN_UP });
    expect(findingsOf(result, 'form-cleared')).toHaveLength(0);
    const errors = findingsOf(result, 'error-message');
    expect(errors.map((f) => [f.severity, f.evidence.text, f.evidence.element])).toEqual([['medium', REGISTERED, 'p#msg (role alert)']]);
    expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo(reading(REGISTERED), 2);
  });
});

describe('vague-error', () => {
  it('"Error" is low, and its reading time is in the step effort', async () => {
    const result = await run('vague-error.html', { steps: SUBSCRIBE });
    const findings = findingsOf(result, 'vague-error');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('low');
    expect(findings[0]!.area).toBe('forms');
    expect(findings[0]!.evidence).toMatchObject({ element: 'p#msg (role alert)', text: 'Error', measured: 'no field named, no fix given' });
    expect(findingsOf(result, 'error-message').map((f) => f.severity)).toEqual(['medium']);
    expect(result.steps[1]!.effortBreakdown.reading).toBeGreaterThan(0);
    expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo(reading('Error'), 2);
  });

  it('"Enter an email address like name@example.com" is not vague, but is still an error to read', async () => {
    const text = 'Enter an email address like name@example.com';
    const result = await run('helpful-error.html', { steps: SUBSCRIBE });
    expect(findingsOf(result, 'vague-error')).toHaveLength(0);
    const errors = findingsOf(result, 'error-message');
    expect(errors.map((f) => [f.severity, f.evidence.text, f.evidence.element])).toEqual([['medium', text, 'p#email-error']]);
    expect(result.steps[0]!.effortBreakdown.reading).toBe(0);
    expect(result.steps[1]!.effortBreakdown.reading).toBeGreaterThan(0);
    expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo(reading(text), 2);
  });
});

describe("the browser's own messages (error-message)", () => {
  const SUBSCRIBE_RIGHT = '  - name: Subscribe with the right address\n    type: { label: Email, text: ada@example.com }\n    tap: { role: button, name: Subscribe }\n';
  const shown = (result: Awaited<ReturnType<typeof run>>) => findingsOf(result, 'error-message').map((f) => [f.evidence.element, f.evidence.text]);

  it("a form the browser checks: its bubble is a message the customer reads, by the field it names", async () => {
    const result = await run('native-check.html', { steps: `${SUBSCRIBE}${SUBSCRIBE_RIGHT}    expect: { text: Thanks for subscribing }\n` });
    const text = "Please include an '@' in the email address. 'ada' is missing an '@'.";
    expect(shown(result)).toEqual([["input#email (the browser's own message)", text]]);
    expect(result.steps[1]!.findings.map((f) => f.rule)).toContain('error-message');
    expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo(reading(text), 2);
    // It says how to fix it: not vague. The right address goes through.
    expect(findingsOf(result, 'vague-error')).toHaveLength(0);
    expect(findingsOf(result, 'dead-tap')).toHaveLength(0);
    expect(result.steps[2]!.status).toBe('passed');
    expect(result.steps[2]!.effortBreakdown.reading).toBe(0);
  });

  it("a page that shows its own message instead (cancelling the bubble, or checking silently) gives only its own", async () => {
    const own = [['p#msg', 'Enter your email address, like name@example.com']];
    expect(shown(await run('native-check.html?own', { steps: SUBSCRIBE }))).toEqual(own);
    expect(shown(await run('native-check.html?silent', { steps: SUBSCRIBE }))).toEqual(own);
  });

  it('a required field the customer cannot see gets no bubble: the next failing field they can see does', async () => {
    const result = await run('native-check.html?hidden', { steps: SUBSCRIBE });
    expect(shown(result)).toEqual([["input#email (the browser's own message)", "Please include an '@' in the email address. 'ada' is missing an '@'."]]);
    const stuck = await run('native-check.html?hidden', { steps: SUBSCRIBE_RIGHT });
    // Nothing shows and nothing happens: the customer is stuck, with no message to read.
    expect(shown(stuck)).toEqual([]);
    expect(findingsOf(stuck, 'dead-tap').map((f) => f.severity)).toEqual(['high']);
  });
});

describe('messages a style rule shows (error-message)', () => {
  it('a message shown by :user-invalid when the customer leaves the field is read in the step that left it', async () => {
    const text = 'Enter a full UK postcode, like SW1A 1AA';
    const result = await run('css-message.html', {
      steps:
        '  - name: Half a postcode\n    type: { label: Postcode, text: SW1 }\n' +
        '  - name: My phone\n    type: { label: Phone, text: "07700900123" }\n' +
        '  - name: It is a gift\n    check: { label: This is a gift }\n',
    });
    const errors = findingsOf(result, 'error-message');
    expect(errors.map((f) => [f.evidence.element, f.evidence.text])).toEqual([['p', text]]);
    expect(result.steps[2]!.findings.map((f) => f.rule)).toContain('error-message');
    expect(result.steps[1]!.effortBreakdown.reading).toBe(0);
    expect(result.steps[2]!.effortBreakdown.reading).toBeCloseTo(reading(text), 2);
    // A part of the form a ticked box shows (a heading, a field and its label) is more form, not a message.
    expect(result.steps[3]!.effortBreakdown.reading).toBe(0);
  });
});

describe('a form the server sends back (error-message)', () => {
  it('the message in a field group drawn red, next to its label and field, is read on the page the customer arrives at', async () => {
    const result = await run('server-check.html', { steps: '  - name: Continue\n    tap: { role: button, name: Continue }\n    expect: { title: "Error:" }\n' });
    expect(findingsOf(result, 'error-message').map((f) => f.evidence.text)).toEqual(['Error: Enter your vehicle registration number']);
  });
});

describe('answers in toasts (error-message)', () => {
  it('words on a strong red box or in a "danger" box are an error; a green box and a "danger zone" are not', async () => {
    const tap = (name: string) => `  - name: ${name}\n    tap: { role: button, name: ${name} }\n`;
    const result = await run('toasts.html', { steps: ['Apply HOMEWARE15', 'Apply BAGS10', 'Apply SAGE5', 'Show account tools'].map(tap).join('') });
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text))).toEqual([
      [],
      ['That code works on homeware only.'],
      ['BAGS10 works on bags only.'],
      [],
      [],
    ]);
  });
});

describe('a button that says what went wrong (error-message)', () => {
  it("a button turned red whose words say the card was declined is the page's error; a red \"Try again\" under a message is not", async () => {
    const tap = (name: string) => `  - name: ${name}\n    tap: { role: button, name: ${name} }\n`;
    const result = await run('pay-button-error.html', { steps: tap('Pay £45.00') + tap('Save my details') + tap('Pay with my wallet') });
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text))).toEqual([
      [],
      ['Card declined – try another card'],
      ['We could not save your details.'],
      ['Wallet declined – choose another way to pay'],
    ]);
  });
});

describe('an error summary (error-message, vague-error)', () => {
  it("is one message with its links' words, no vague title on its own; the same words by each field say nothing more", async () => {
    const result = await run('error-summary.html', { steps: '  - name: Continue\n    tap: { role: button, name: Continue }\n' });
    expect(findingsOf(result, 'error-message').map((f) => f.evidence.text)).toEqual(['There is a problem Enter your email address Enter a password']);
    expect(findingsOf(result, 'vague-error')).toHaveLength(0);
  });
});

describe('an error summary the page draws (error-message)', () => {
  const CONTINUE = '  - name: Continue without a slot\n    tap: { role: button, name: Continue }\n';
  const SUMMARY = 'There is a problem Choose a delivery slot';

  it("a box with a heading saying there is a problem and links to the fields is one message with its links' words, with or without GOV.UK's names", async () => {
    for (const page of ['summary-unmarked.html', 'summary-unmarked.html?govuk']) {
      const result = await run(page, { steps: CONTINUE });
      const texts = findingsOf(result, 'error-message').map((f) => f.evidence.text);
      expect(texts, page).toEqual([SUMMARY, 'Choose a delivery slot']);
      expect(result.steps[1]!.effortBreakdown.reading, page).toBeCloseTo(reading(SUMMARY) + reading('Choose a delivery slot'), 2);
    }
  });

  it('the same box under a heading that says so in other words ("Fix the following to continue", "Il y a un problème") is one message too', async () => {
    for (const [flag, heading] of [['fix', 'Fix the following to continue'], ['fr', 'Il y a un problème']] as const) {
      const result = await run(`summary-unmarked.html?${flag}`, { steps: CONTINUE });
      expect(findingsOf(result, 'error-message').map((f) => f.evidence.text), flag).toEqual([`${heading} Choose a delivery slot`, 'Choose a delivery slot']);
    }
  });

  it('new sections with a heading and links (a mini bag, things to go with it, the next steps, help with an order, answers to common problems) are no message', async () => {
    const result = await run('new-sections.html', { steps: '  - name: Add to bag\n    tap: { role: button, name: Add to bag }\n' });
    expect(result.steps[1]!.status).toBe('passed');
    expect(findingsOf(result, 'error-message')).toEqual([]);
    expect(result.steps[1]!.effortBreakdown.reading).toBe(0);
  });
});

describe("an error written into a field's own label (error-message)", () => {
  const ERROR = 'Mobile number – needs 11 digits, like 07700 900123';

  it('a label the page rewrites in red with what is wrong is the message, and its words are read, drawn as a block or inline', async () => {
    for (const page of ['label-rewritten.html', 'label-rewritten.html?inline']) {
      const result = await run(page, {
        steps:
          '  - name: A digit short\n    type: { label: Mobile number, text: "0770090012" }\n' +
          '  - name: My name\n    type: { label: First name, text: Sam }\n' +
          '  - name: Send\n    tap: { role: button, name: Text me }\n    expect: { text: needs 11 digits }\n' +
          '  - name: Fix it\n    type: { label: Mobile number, text: "07700900123" }\n' +
          "  - name: Send again\n    tap: { role: button, name: Text me }\n    expect: { text: we'll text you }\n",
      });
      expect(result.steps.map((s) => s.status), page).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed']);
      expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text)), page).toEqual([[], [], [], [ERROR], [], []]);
      expect(result.steps[3]!.effortBreakdown.reading, page).toBeCloseTo(reading(ERROR), 2);
      expect(findingsOf(result, 'vague-error'), page).toEqual([]);
    }
  });

  it('labels whose words change for another reason are no message: a rule from the start, what is in the bag, a count, a label red from the start', async () => {
    const result = await run('label-counts.html', {
      steps:
        '  - name: A password\n    type: { label: Password, text: "harbour-lights-72" }\n' +
        '  - name: Engrave it\n    type: { label: Engraving, text: ANNA }\n' +
        '  - name: A gift message\n    type: { label: Gift message, text: "Happy birthday, Anna! Love from all of us at number 12." }\n' +
        '  - name: Add to bag\n    tap: { role: button, name: Add to bag }\n    expect: { text: 1 in your bag }\n',
    });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(findingsOf(result, 'error-message')).toEqual([]);
    expect(result.steps.map((s) => s.effortBreakdown.reading)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('an answer in a polite live region (error-message)', () => {
  it("red words that say what is wrong, in a live region with no error class, are the page's error: the refused check is answered", async () => {
    const result = await run('live-polite-error.html', { steps: '  - name: My email\n    type: { label: Email, text: ann@example.com }\n    press: Tab\n' });
    expect(findingsOf(result, 'error-message').map((f) => f.evidence.text)).toEqual(['This email already has an account. Sign in instead, or use another email.']);
    expect(findingsOf(result, 'failed-request')).toHaveLength(0);
  });
});

describe('a refusal told calmly, with no word of error', () => {
  it('red words in a polite live region, and dark red words on a pink banner, are the answer to the refused call; a hint offering help is none', async () => {
    const steps = [
      '  - name: Try my old code\n    type: { label: Discount code, text: SPRING24 }\n    tap: { role: button, name: Apply }\n    expect: { text: SPRING24 ended }\n',
      '  - name: Save my mobile\n    type: { label: Mobile number, text: "0770090012" }\n    tap: { role: button, name: Save }\n    expect: { text: should have 11 digits }\n',
    ];
    const result = await run('refused-calmly.html', { steps: steps.join('') });
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message' || f.rule === 'failed-request').map((f) => [f.rule, f.evidence.text ?? null]))).toEqual([
      [],
      [['error-message', 'SPRING24 ended on 31 May. Look in your latest email for a current code.']],
      [['error-message', 'Your mobile number should have 11 digits, like 07700 900123.']],
    ]);
  });
});

describe('words no one reads as a message', () => {
  it("a store list in a combobox's menu and its live region for screen readers are not read; the answer the customer sees is", async () => {
    const result = await run('store-picker.html', {
      steps: '  - name: Look for Leeds\n    type: { label: Store, text: Lee }\n  - name: Choose Trinity\n    tap: { role: option, name: Leeds Trinity }\n    expect: { text: Collect from Leeds Trinity }\n',
    });
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps.map((s) => s.appeared.map((m) => m.text))).toEqual([[], [], ['Collect from Leeds Trinity']]);
  });
});

describe('a list of results', () => {
  it('the shops near a postcode, two out of stock, are what the customer asked to see; a postcode the shop cannot place is an error', async () => {
    const check = (postcode: string) => `  - name: Check ${postcode}\n    type: { label: Postcode, text: "${postcode}", clear: true }\n    tap: { role: button, name: Check stock }\n`;
    const result = await run('stock-check.html', { steps: check('LS1 5AT') + check('99999') });
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text))).toEqual([
      [],
      [],
      ['We could not find that postcode. Check it and try again.'],
    ]);
  });
});

describe('a text box only as wide as what is typed in it', () => {
  it('is aimed at, and measured, as the box the page draws around it', async () => {
    const result = await run('store-picker.html?auto', { steps: '  - name: Look for Leeds\n    type: { label: Store, text: Lee }\n' });
    const typed = (await savedArtifacts(result)).steps[1]!.interactions.find((i) => i.kind === 'type');
    expect(typed?.target.box?.width).toBeGreaterThan(200);
    expect(result.steps[1]!.recovery ?? []).toEqual([]);
  });
});

describe('red words (error-message)', () => {
  it("red text is an error in any colour space the page writes it (Tailwind 4's oklch()), unless its words sell: few left, a sale, an item held for the customer", async () => {
    const tap = (name: string) => `  - name: ${name}\n    tap: { role: button, name: ${name}, exact: true }\n`;
    const steps = ['Check stock', 'Choose the large size', 'Choose the king size', 'Save my password', 'Add 3 to basket', 'Reserve it', 'Reserve the last one', 'Choose rust', 'Choose small', 'Show the price'];
    const result = await run('red-words.html', { steps: steps.map(tap).join('') });
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text))).toEqual([
      [],
      [],
      [],
      ['This size is not available for sale in your country'],
      ['Use 12 characters or more'],
      ["Only 2 left, so you can't add 3."],
      [],
      ['We could not hold this item for you: it has just sold out'],
      [],
      [],
      [],
    ]);
    expect(findingsOf(result, 'dead-tap')).toHaveLength(0);
  });
});

describe('messages tied to an invalid field (error-message)', () => {
  it('a message the page ties to a field it marks invalid (aria-describedby, aria-errormessage) is an error, in any class or colour; a note on a valid field is none', async () => {
    const result = await run('aria-invalid.html', {
      steps:
        '  - name: Email\n    type: { label: Email, text: ann.example.com }\n' +
        '  - name: Password\n    type: { label: Password, text: "correct horse battery" }\n' +
        '  - name: Create\n    tap: { role: button, name: Create account }\n',
    });
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text).sort())).toEqual([
      [],
      [],
      [],
      ['Enter an email address like name@example.com', 'Give a mobile number we can text'],
    ]);
  });
});

describe('a form with a field named "id" (a Shopify product form)', () => {
  const ADD = '  - name: Add\n    tap: { role: button, name: Add to cart }\n';

  it('the answer in the form is seen: no error of the page, no dead tap', async () => {
    const result = await run('product-form-id.html', { steps: ADD });
    // Timing findings aside (a long task on a loaded machine is the machine's).
    expect(result.steps.map((s) => s.findings.filter((f) => f.class === 'deterministic').map((f) => f.rule))).toEqual([[], []]);
  });

  it('an error shown in the form is an error message', async () => {
    const result = await run('product-form-id.html', { steps: '  - name: Nine\n    type: { label: Quantity, text: "9" }\n' + ADD });
    expect(findingsOf(result, 'page-error')).toEqual([]);
    const errors = findingsOf(result, 'error-message');
    expect(errors.map((f) => f.evidence.text)).toEqual(['Only 3 are left: choose a quantity of 3 or fewer.']);
  });
});

describe('pages whose old scripts replace what the browser has', () => {
  const SIGN_UP = '    tap: { role: button, name: Sign up }\n';
  const steps = '  - name: A wrong email\n    type: { label: Email, text: "ann" }\n' + SIGN_UP + '  - name: Put it right\n    type: { label: Email, text: "ann@example.com" }\n' + SIGN_UP + '    expect: { text: you are signed up }\n';

  it('a global of its own named CSS (an old stylesheet loader): its error message is found, nothing is blamed on the page, and cx-shop says nothing of its own', async () => {
    const result = await run('old-libraries.html?with=css', { steps });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    // Timing findings aside (a long task on a loaded machine is the machine's).
    expect(result.steps.map((s) => s.findings.filter((f) => f.class === 'deterministic').map((f) => f.rule))).toEqual([[], ['error-message'], []]);
    expect(findingsOf(result, 'error-message')[0]!.evidence.text).toBe('Enter an email address like name@example.com');
    expect(result.steps.flatMap((s) => s.environment ?? [])).toEqual([]);
  });

  it('an Array.from and a JSON for arrays of its own (Prototype.js on a Magento 1 shop), globals named Set and WeakMap of an old collections library, a global Map of its own (a store finder\'s map widget), helpers on every object and array (Object.prototype.extend), and a global Element of its own (a framework wrapping the DOM): the same effort and findings as without them', async () => {
    // Timing findings aside: a slow answer on a loaded machine is no difference the old libraries make.
    const measured = (result: Awaited<ReturnType<typeof run>>) =>
      result.steps.map((s) => [s.status, s.effort, s.findings.filter((f) => f.class === 'deterministic').map((f) => `${f.rule} ${f.message}`), s.environment ?? []]);
    const old = await run('old-libraries.html?with=array-from,to-json,collections,map,extend,element', { steps });
    expect(measured(old)).toEqual(measured(await run('old-libraries.html', { steps })));
    expect(findingsOf(old, 'error-message').map((f) => f.evidence.text)).toEqual(['Enter an email address like name@example.com']);
  });

  it('a global Map that is no constructor (a map module kept in an object): the page cannot be read, which is said as cx-shop\'s, and nothing is blamed on the page (no "page froze")', async () => {
    const result = await run('old-libraries.html?with=map-object', { steps });
    expect(result.steps.map((s) => s.status)).toEqual(['error', 'skipped', 'skipped']);
    expect(result.steps[0]!.reason).toMatch(/^cx-shop could not read the page: a script of the page's put something that is no constructor in the place of the browser's Map/);
    expect(result.steps.flatMap((s) => s.findings)).toEqual([]);
  });
});

describe('forms inside web components (shadow roots)', () => {
  const CHECK =
    '  - name: Euros\n    select: { label: Currency, option: EUR }\n' +
    '  - name: Check a short number\n    type: { label: Card number, text: "1234" }\n    tap: { role: button, name: Check balance }\n';
  const text = 'That card number is too short: it has 16 digits.';

  it('the taps, keys, choices and the answer inside an open component are the customer\'s and the page\'s as anywhere', async () => {
    const result = await run('component.html', { steps: CHECK });
    expect(findingsOf(result, 'dead-tap')).toHaveLength(0);
    expect(findingsOf(result, 'error-message').map((f) => [f.evidence.element, f.evidence.text])).toEqual([['p#e', text]]);
    expect(result.steps[1]!.actions).toMatchObject({ selects: 1 });
    expect(result.steps[2]!.actions).toMatchObject({ fields: 1, charsTyped: 4, taps: 2 });
    expect(result.steps[2]!.effortBreakdown.reading).toBeCloseTo(reading(text), 2);
  });
});

describe('a way to pay chosen in the picture', () => {
  it("a radio for \"Debit or credit card\" is not painted over: it holds no number, and the picture shows the choice", async () => {
    const result = await run('pay-method.html', { steps: '  - name: Card\n    check: { label: Debit or credit card }\n' });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const step = (await savedArtifacts(result)).steps[1]!;
    const radio = step.page!.fields.find((f) => f.label === 'Debit or credit card')!;
    expect(radio).toBeDefined();
    const grey = maskedPixels(result.outDir, step.screenshot!, radio.box!);
    expect(grey.length).toBeGreaterThan(4);
    expect(grey.some((pixel) => !pixel)).toBe(true);
  });
});

describe('a checkout built as one web component, each step drawn in its shadow root in place of the last', () => {
  it('judges the payment step it draws, hides its card field in the picture, and sees the goal said there', async () => {
    const result = await run('component-steps.html', {
      head: 'goal: Payment received\n',
      steps:
        '  - name: Delivery\n    type: { label: Postcode, text: SW1A 1AA }\n    tap: { role: button, name: Continue to payment }\n' +
        '  - name: Card\n    type: { label: Card number, text: "4242 4242 4242 4242" }\n' +
        '  - name: Pay\n    tap: { role: button, name: Pay £20.00 }\n    expect: { text: Payment received }\n',
    });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    // The page's own markup and text were the same at every step: the payment form is still a new state to judge.
    for (const rule of ['wrong-keyboard', 'missing-autocomplete']) {
      expect(findingsOf(result, rule).map((f) => [result.steps.findIndex((s) => s.findings.includes(f)), f.evidence.element])).toEqual([
        [1, 'textbox labelled "Card number"'],
      ]);
    }
    expect(result.journeySummary.goal?.reachedAtStep).toBe(3);

    // Every pixel of the card field in the Card step's picture is the mask's grey.
    const artifacts = await savedArtifacts(result);
    const card = artifacts.steps[2]!;
    const typed = card.interactions.find((i) => i.kind === 'type');
    const box = typed?.kind === 'type' ? typed.target.pageBox! : null;
    expect(box).not.toBeNull();
    const shot = card.screenshot!;
    const grey = maskedPixels(result.outDir, shot, box!);
    expect(grey.length).toBeGreaterThan(20);
    expect(grey.every(Boolean)).toBe(true);
  });
});

describe("a control's own words", () => {
  it("the order chosen in a sort menu, shown in a block of the sort button's own, is no message to read", async () => {
    const steps = '  - name: Open the orders\n    tap: { role: button, name: Sort by }\n  - name: Cheapest first\n    tap: { role: option, name: "Price: low to high" }\n    expect: { text: "Price: low to high" }\n';
    const result = await run('sort-button.html', { steps });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect((await savedArtifacts(result)).steps[2]!.appeared.map((m) => m.text)).toEqual([]);
    expect(result.steps[2]!.effortBreakdown.reading).toBe(0);
  });
});

describe('a listing that goes on (error-message)', () => {
  it('cards of one class that "Load more" brings are the listing, not a message: one "Out of stock" among them is no error, in grey or in red', async () => {
    for (const page of ['listing-cards.html', 'listing-cards.html?red']) {
      const result = await run(page, { steps: '  - name: Load the rest\n    tap: { role: button, name: Load more }\n    expect: { text: Out of stock }\n' });
      expect(result.steps.map((s) => s.status), page).toEqual(['passed', 'passed']);
      expect(result.steps[1]!.findings.map((f) => f.rule), page).not.toContain('error-message');
      expect(result.steps[1]!.effortBreakdown.reading, page).toBe(0);
    }
  });
});

describe('text the customer could already see (error-message)', () => {
  it("a password rule turning green as it is met is no message; a hint turning red is; results with their own headings are content", async () => {
    const result = await run('restyled.html', {
      steps:
        '  - name: A new password\n    type: { label: New password, text: "harbour-lights-72" }\n' +
        '  - name: A short name\n    type: { label: Name on your reviews, text: Al }\n    tap: { role: button, name: Save my details }\n' +
        '  - name: Stores near me\n    tap: { role: button, name: Find stores near me }\n    expect: { text: Malton }\n',
    });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text))).toEqual([
      [],
      [],
      ['Use 3 characters or more'],
      [],
    ]);
    expect(result.steps[1]!.effortBreakdown.reading).toBe(0);
  });
});

describe('an error message out of sight (error-message)', () => {
  const steps =
    '  - name: Write a long message\n    type: { label: Your message, text: "Happy birthday Mum, love from all of us" }\n' +
    '  - name: Add the message\n    tap: { role: button, name: Add gift message }\n';
  const addStep = async (variant: string) => {
    const result = await run(`message-far.html?${variant}`, { steps });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    const step = result.steps[2]!;
    expect(step.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text)).toEqual([expect.stringContaining('Keep it to 20')]);
    return step;
  };
  const swipe = 0.5 + 1.35;

  it('an error written at the top of the page, a screen above the button the customer tapped, costs a swipe and an M to find', async () => {
    const far = await addStep('far');
    expect(far.recovery.filter((r) => r.what.startsWith('scroll'))).toEqual([
      { rule: 'error-message', what: expect.stringMatching(/^scroll 1 screen up to find "Your message is too long: 39 characters/), seconds: swipe },
    ]);
    // The same message under the field, in view where the customer is: read, not looked for.
    const near = await addStep('near');
    expect(near.recovery.filter((r) => r.what.startsWith('scroll'))).toEqual([]);
    expect(far.effort).toBeCloseTo(near.effort + swipe, 2);
  });

  it('an error summary the page moves the customer to, and a toast held on the screen, are in view', async () => {
    for (const variant of ['summary', 'toast']) {
      const step = await addStep(variant);
      expect(step.recovery.filter((r) => r.what.startsWith('scroll'))).toEqual([]);
    }
  });
});

describe('a refusal with no words (wordless-error)', () => {
  const typeEmail = (text: string) => `  - name: Give my email\n    type: { label: Email, text: "${text}" }\n`;
  const CONTINUE = '  - name: Continue\n    tap: { role: button, name: Continue }\n';
  const wordless = (result: Awaited<ReturnType<typeof run>>) =>
    result.steps.map((s) => s.findings.filter((f) => f.rule === 'wordless-error').map((f) => [f.severity, f.evidence.element, f.evidence.measured]));

  it('a Continue answered only by a red outline round the slots is high, names the group, and costs working out what is wrong', async () => {
    const result = await run('marked-only.html?outline', { steps: typeEmail('ada@example.com') + CONTINUE });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(wordless(result)).toEqual([[], [], [['high', 'group "Delivery slot"', 'red outline, no words']]]);
    // The outline is the page's answer to the tap: not a dead tap. There is nothing to read, and no error message.
    expect(result.steps[2]!.findings.map((f) => f.rule)).not.toContain('dead-tap');
    expect(findingsOf(result, 'error-message')).toHaveLength(0);
    expect(result.steps[2]!.recovery.filter((r) => r.rule === 'wordless-error')).toEqual([
      { rule: 'wordless-error', what: 'work out, with no words to go on, what is wrong with group "Delivery slot" and go to it', seconds: expect.any(Number) },
    ]);
    expect(result.steps[2]!.recovery[0]!.seconds).toBeCloseTo(2 * 1.35 + 0.2, 1);
  });

  it('a red border on the field, or aria-invalid alone after Enter in it, is the same refusal, naming the field', async () => {
    const border = await run('marked-only.html?border', { steps: typeEmail('ada@example') + CONTINUE });
    expect(wordless(border)[2]).toEqual([['high', 'textbox labelled "Email"', 'red border, no words']]);
    const invalid = await run('marked-only.html?invalid', { steps: typeEmail('ada@example') + '  - name: Send it\n    press: Enter\n' });
    expect(wordless(invalid)[2]).toEqual([['high', 'textbox labelled "Email"', 'aria-invalid, no words']]);
  });

  it('a form drawn again whole with red borders on the empty fields and its labels and hints as they were: high, the same words put back say nothing', async () => {
    const result = await run('formless-redrawn.html?wordless', { steps: '  - name: Continue\n    type: { label: Full name, text: Ada Lovelace }\n    tap: { role: button, name: Continue }\n' });
    expect(wordless(result)).toEqual([[], [['high', 'textbox labelled "Address line 1"', 'red border, no words']]]);
    expect(findingsOf(result, 'wordless-error')[0]!.message).toContain('and 1 more');
    expect(findingsOf(result, 'error-message')).toHaveLength(0);
  });

  it('not when words came with the marks, nor when the page moved on to the next part (its card field red, with a red focus ring)', async () => {
    const clean = await run('marked-only.html?none', { steps: typeEmail('ada@example.com') + CONTINUE });
    expect(wordless(clean).flat()).toEqual([]);
    expect(findingsOf(clean, 'error-message').length).toBeGreaterThan(0);
    const next = await run('marked-only.html?next', { steps: typeEmail('ada@example.com') + CONTINUE });
    expect(wordless(next).flat()).toEqual([]);
  });

  it('not for a slot group drawn red as the customer leaves a field, nor a field already marked (and said so) before the press', async () => {
    const blur = await run('marked-only.html?blur', { steps: typeEmail('ada@example.com') + '  - name: A note\n    type: { label: Note for the driver, text: Ring twice }\n' });
    expect(wordless(blur).flat()).toEqual([]);
    const before = await run('marked-only.html?before', { steps: typeEmail('ada@example') + CONTINUE });
    expect(wordless(before).flat()).toEqual([]);
  });

  it("not for the browser's own check: its bubble is the message (error-message), drawn red by :user-invalid", async () => {
    const native = await run('marked-only.html?native', { steps: CONTINUE });
    expect(wordless(native).flat()).toEqual([]);
    expect(findingsOf(native, 'error-message').map((f) => f.evidence.element)).toEqual(["input#email (the browser's own message)"]);
  });
});

describe("the browser's bubble for an empty required field (vague-error)", () => {
  it('"Please fill out this field." by the field it points at is an error to read, not a vague one', async () => {
    const result = await run('required-empty.html', { steps: '  - name: Place the order\n    type: { label: Full name, text: Ada Lovelace }\n    tap: { role: button, name: Place order }\n' });
    expect(findingsOf(result, 'error-message').map((f) => [f.evidence.element, f.evidence.text])).toEqual([["input#email (the browser's own message)", 'Please fill out this field.']]);
    expect(findingsOf(result, 'vague-error')).toEqual([]);
  });
});

describe('a message a style rule draws once a class marks the field (error-message, wordless-error)', () => {
  it('".field.is-invalid::after" with the message in its content is the error, not a refusal without words; a class that changes no drawn words says nothing', async () => {
    const result = await run('drawn-on-class.html', {
      steps:
        '  - name: My name\n    type: { label: First name, text: Ada }\n' +
        '  - name: Subscribe\n    type: { label: Email, text: ada@example }\n    tap: { role: button, name: Subscribe }\n',
    });
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => [f.evidence.element, f.evidence.text]))).toEqual([
      [],
      [],
      [['div#email-box', 'Please enter a valid email address, like name@example.com']],
    ]);
    expect(findingsOf(result, 'wordless-error')).toEqual([]);
  });
});

describe('a password handed back empty (form-cleared)', () => {
  const SIGN_IN =
    '  - name: Email\n    type: { label: Email, text: ada@example.com }\n' +
    '  - name: Password\n    type: { label: Password, text: harbour-lights-72 }\n' +
    '  - name: Sign in\n    tap: { role: button, name: Sign in }\n    expect: { text: Invalid email or password }\n';

  it('a refused sign-in that empties the password only wipes nothing: no page gives a password back', async () => {
    const result = await run('sign-in-refused.html', { steps: SIGN_IN });
    expect(findingsOf(result, 'error-message').map((f) => f.evidence.text)).toEqual(['Invalid email or password.']);
    expect(findingsOf(result, 'form-cleared')).toEqual([]);
  });

  it('one that empties the email too has wiped the email, and only it', async () => {
    const result = await run('sign-in-refused.html?all', { steps: SIGN_IN });
    expect(findingsOf(result, 'form-cleared').map((f) => [f.severity, f.evidence.measured, f.evidence.items])).toEqual([
      ['high', '1 filled fields emptied', [expect.objectContaining({ element: 'textbox labelled "Email"', measured: 'empty' })]],
    ]);
  });
});

describe('few left in red (error-message, vague-error)', () => {
  const steps = ['XS', 'S', 'M', 'L'].map((size) => `  - name: Size ${size}\n    select: { label: Size, option: ${size} }\n`).join('') + '  - name: Add it\n    tap: { role: button, name: Add to bag }\n';

  it('"Almost sold out", "Fast ausverkauft", "Bientôt épuisé", "Casi agotado" sell, in each language; a size just sold out when added is the error', async () => {
    const gone = { en: 'Sorry, size L has just sold out.', de: 'Leider ist Größe L gerade ausverkauft.', fr: 'Désolé, la taille L est épuisée.', es: 'Lo sentimos, la talla L está agotada.' };
    for (const [lang, text] of Object.entries(gone)) {
      const result = await run(`stock-words.html?${lang}`, { steps });
      expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text)), lang).toEqual([[], [], [], [], [], [text]]);
      expect(findingsOf(result, 'vague-error'), lang).toEqual([]);
    }
  });
});

describe('a red alert under a field marked invalid (error-message)', () => {
  const steps = (phone: string) => `  - name: My number\n    type: { label: Mobile number, text: "${phone}" }\n  - name: Continue\n    tap: { role: button, name: Continue }\n`;

  it('is the field\'s error, right after the field or in a box of its own after it, whatever its words; a red sale banner with the role is none', async () => {
    const after = await run('alert-by-field.html', { steps: steps('07700') });
    expect(findingsOf(after, 'error-message').map((f) => [f.evidence.element, f.evidence.text])).toEqual([['p (role alert)', 'Enter a mobile number like 07700 900123']]);
    const group = await run('alert-by-field.html?group', { steps: steps('07700') });
    expect(findingsOf(group, 'error-message').map((f) => f.evidence.text)).toEqual(['Bitte gib eine gültige Handynummer ein.']);
    const banner = await run('alert-by-field.html?banner', { steps: steps('07700 900123') });
    expect(findingsOf(banner, 'error-message')).toEqual([]);
  });
});

describe('a password strength meter (error-message)', () => {
  const steps =
    '  - name: Email\n    type: { label: Email, text: ada@example.com }\n' +
    '  - name: Password\n    type: { label: Password, text: sunflower7 }\n' +
    '  - name: Create it\n    tap: { role: button, name: Create account }\n';

  it('"Weak password" in red as the customer types is a hint, no error; "Password too weak" on Create account is the refusal', async () => {
    const made = await run('strength-meter.html', { steps });
    expect(findingsOf(made, 'error-message')).toEqual([]);
    const refused = await run('strength-meter.html?refuse', { steps });
    expect(refused.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text))).toEqual([[], [], [], ['Password too weak']]);
  });
});

describe('a refusal whose words are for screen readers only (wordless-error)', () => {
  const steps = '  - name: Sign up\n    type: { label: Email, text: ada@example }\n    tap: { role: button, name: Sign up }\n';

  it('a message clipped to a pixel, with a red border and aria-invalid, leaves the customer with marks alone: high', async () => {
    const result = await run('unseen-words.html', { steps });
    expect(findingsOf(result, 'wordless-error').map((f) => [f.severity, f.evidence.element, f.evidence.measured])).toEqual([['high', 'textbox labelled "Email"', 'aria-invalid, red border, no words']]);
    // The same words where the customer sees them are the message.
    const shown = await run('unseen-words.html?shown', { steps });
    expect(findingsOf(shown, 'wordless-error')).toEqual([]);
    expect(findingsOf(shown, 'error-message').map((f) => f.evidence.text)).toEqual(['Error: enter an email address like name@example.com']);
  });
});

describe('a bag drawer opened with a class on <body> (error-message)', () => {
  it('what went wrong in the drawer is read, the drawer shown by its hidden attribute or by a class', async () => {
    for (const page of ['drawer-locked.html', 'drawer-locked.html?open-class']) {
      const result = await run(page, { steps: '  - name: Add it\n    tap: { role: button, name: Add to bag }\n    expect: { text: just sold out }\n' });
      expect(findingsOf(result, 'error-message').map((f) => [f.evidence.element, f.evidence.text]), page).toEqual([
        ['div#drawer (role dialog)', 'Your bag Size M has just sold out. Please choose another size.'],
      ]);
    }
  });
});

describe('a message written again on every key (error-message)', () => {
  it('is read once the customer stops typing a wrong address; gone when the address is right, it is none', async () => {
    const typed = (email: string) => `  - name: My email\n    type: { label: Email, text: "${email}" }\n  - name: My name\n    type: { label: First name, text: Ada }\n`;
    const wrong = await run('checked-as-typed.html', { steps: typed('ada@example') });
    expect(wrong.steps.map((s) => s.findings.filter((f) => f.rule === 'error-message').map((f) => f.evidence.text))).toEqual([[], ['Please enter a valid email address'], []]);
    const right = await run('checked-as-typed.html', { steps: typed('ada@example.com') });
    expect(findingsOf(right, 'error-message')).toEqual([]);
  });
});
