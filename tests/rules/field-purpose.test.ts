/**
 * What a field is for, read from its words, type and autocomplete token, and what that asks of its keyboard: a sign-in
 * field for an email address or a phone number, or a username, asks for no email keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../src/artifacts/types.js';
import { eitherSignInName, fieldPurpose } from '../../src/rules/support/field-purpose.js';
import missingAutocomplete from '../../src/rules/missing-autocomplete.js';
import wrongKeyboard from '../../src/rules/wrong-keyboard.js';
import { fieldInfo, judgedStep, pageSnapshot } from '../helpers/artifacts.js';

const field = (label: string, more: Partial<FieldInfo> = {}) => fieldInfo(label, { selector: '#login', name: 'login', ...more });

const wrongKeyboards = (fields: FieldInfo[]) => wrongKeyboard.detect(judgedStep({ page: pageSnapshot({ fields }) }) as never);

describe('a sign-in name', () => {
  it('for an email address or another name is a text field, rightly', () => {
    const either = [
      field('Email or mobile number', { autocomplete: 'username' }),
      field('Mobile number or email'),
      field('Username or email address', { autocomplete: 'username' }),
      field('E-mail or customer number'),
      // A returns lookup for guests: the order is found by either.
      field('Email address or postcode'),
    ];
    for (const f of either) expect(eitherSignInName(f)).toBe(true);
    expect(wrongKeyboards(either)).toEqual([]);
    // Still an email or a phone to the autocomplete rule, which "username" satisfies.
    expect(fieldPurpose(either[0]!)).toBe('email');
    expect(fieldPurpose(either[1]!)).toBe('phone');
  });

  it('named a username is no email address', () => {
    expect(fieldPurpose(field('Username', { autocomplete: 'username' }))).toBeNull();
    expect(wrongKeyboards([field('Username', { autocomplete: 'username' })])).toEqual([]);
  });

  it('that is an email address alone still asks for the email keyboard, whatever its token', () => {
    const email = field('Email', { autocomplete: 'username', name: 'email' });
    expect(eitherSignInName(email)).toBe(false);
    expect(fieldPurpose(email)).toBe('email');
    expect(wrongKeyboards([email]).map((f) => f.message)).toEqual(['1 field opens the wrong keyboard: "Email" needs type="email"']);
    expect(fieldPurpose(field('Mobile number'))).toBe('phone');
    expect(wrongKeyboards([field('Mobile number')])).toHaveLength(1);
  });
});

describe('a field to find an order by', () => {
  const missing = (fields: FieldInfo[]) => missingAutocomplete.detect(judgedStep({ page: pageSnapshot({ fields }) }) as never);

  it('by the email or the postcode owes no autofill token; a sign-in by the email or the phone still does', () => {
    expect(missing([field('Email address or postcode'), field('Order number or email')])).toEqual([]);
    expect(missing([field('Email or mobile number')])).toHaveLength(1);
  });
});

describe("a phone number's dialling code", () => {
  const missing = (fields: FieldInfo[]) => missingAutocomplete.detect(judgedStep({ page: pageSnapshot({ fields }) }) as never);

  it("is no address's country, by its autofill name or its words", () => {
    const codes = [
      field('Country code', { tag: 'select', name: 'cc', autocomplete: 'tel-country-code' }),
      field('Country code', { tag: 'select', name: 'dial' }),
      field('Dialling code', { name: 'dial' }),
    ];
    for (const code of codes) expect(fieldPurpose(code)).toBeNull();
    expect(missing(codes)).toEqual([]);
    // A country list for an address still asks for its token.
    expect(fieldPurpose(field('Country', { tag: 'select', name: 'country' }))).toBe('country');
  });
});

describe('a field nobody types into', () => {
  const missing = (fields: FieldInfo[]) => missingAutocomplete.detect(judgedStep({ page: pageSnapshot({ fields }) }) as never);

  it('a box to tick or a choice is about its words, not for typing them', () => {
    const boxes = [
      field('Email me about new arrivals', { type: 'checkbox', name: 'news-email' }),
      field('Text me when it ships', { type: 'checkbox', name: 'sms' }),
      field('Email', { type: 'radio', name: 'contact-method' }),
      field('Phone call', { type: 'radio', name: 'contact-method' }),
    ];
    for (const box of boxes) expect(fieldPurpose(box)).toBeNull();
    expect(wrongKeyboards(boxes)).toEqual([]);
    expect(missing(boxes)).toEqual([]);
  });

  it("a whole date's DD/MM/YYYY is no card's MM/YY", () => {
    expect(fieldPurpose(field('Send it on', { placeholder: 'DD/MM/YYYY', inputMode: 'numeric' }))).toBeNull();
    expect(fieldPurpose(field('Card', { placeholder: 'MM/YY' }))).toBe('card-expiry');
  });

  it('a list holds a country or an expiry date, never an email address', () => {
    const list = (label: string) => field(label, { tag: 'select', type: 'select', element: `combobox labelled "${label}"` });
    expect(fieldPurpose(list('How often we email you'))).toBeNull();
    expect(fieldPurpose(list('Your phone type'))).toBeNull();
    expect(fieldPurpose(list('Country'))).toBe('country');
    expect(fieldPurpose(list('Expiry month'))).toBe('card-expiry');
    expect(wrongKeyboards([list('How often we email you')])).toEqual([]);
    expect(missing([list('How often we email you')])).toEqual([]);
    // What the page says in the token still counts.
    expect(fieldPurpose({ ...list('Where we deliver'), autocomplete: 'shipping country' })).toBe('country');
  });
});

describe('a name in parts, and a passkey offered on the sign-in name', () => {
  const missing = (fields: FieldInfo[]) =>
    missingAutocomplete
      .detect(judgedStep({ page: pageSnapshot({ fields }) }) as never)
      .flatMap((f) => (f.evidence.items as Array<{ element: string; measured: string }> | undefined) ?? [])
      .map((i) => [i.element, i.measured]);

  it('asks a first name for given-name, a last name or surname for family-name, the name on a card for cc-name', () => {
    const fields = [field('First name', { name: 'fn' }), field('Last name', { name: 'ln' }), field('Surname', { name: 'sn' }), field('Name on card', { name: 'nc' }), field('Cardholder name', { name: 'ch' }), field('Full name', { name: 'n' })];
    expect(fields.map(fieldPurpose)).toEqual(['name', 'name', 'name', 'name', 'name', 'name']);
    expect(missing(fields)).toEqual([
      ['textbox labelled "First name"', 'autocomplete="", needs "given-name"'],
      ['textbox labelled "Last name"', 'autocomplete="", needs "family-name"'],
      ['textbox labelled "Surname"', 'autocomplete="", needs "family-name"'],
      ['textbox labelled "Name on card"', 'autocomplete="", needs "cc-name"'],
      ['textbox labelled "Cardholder name"', 'autocomplete="", needs "cc-name"'],
      ['textbox labelled "Full name"', 'autocomplete="", needs "name"'],
    ]);
    expect(missing([field('Name on card', { autocomplete: 'cc-name' })])).toEqual([]);
  });

  it('"username webauthn" on an email field is the username token, as passkey sign-in writes it', () => {
    const email = field('Email', { type: 'email', name: 'email', autocomplete: 'username webauthn' });
    expect(fieldPurpose(email)).toBe('email');
    expect(missing([email])).toEqual([]);
    expect(missing([field('Email', { type: 'email', name: 'email', autocomplete: 'webauthn' })])).toEqual([['textbox labelled "Email"', 'autocomplete="webauthn", needs "email"']]);
  });
});
