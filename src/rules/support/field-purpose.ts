/**
 * What a form field is for, guessed the way a customer would read it: from its autocomplete token, its type,
 * its name or id, and its label. Used by the form rules to know which keyboard and autocomplete a field needs.
 */
import type { FieldInfo } from '../../probes/page-snapshot.js';

export type FieldPurpose =
  | 'name'
  | 'email'
  | 'phone'
  | 'street-address'
  | 'city'
  | 'postal-code'
  | 'country'
  | 'card-number'
  | 'card-expiry'
  | 'card-cvc'
  | 'one-time-code';

/** The autocomplete tokens (WCAG 1.3.5, HTML's autofill names) that satisfy each purpose. */
export const AUTOCOMPLETE_TOKENS: Record<FieldPurpose, string[]> = {
  name: ['name', 'given-name', 'family-name', 'additional-name', 'nickname', 'cc-name'],
  email: ['email', 'username'],
  phone: ['tel', 'tel-national', 'tel-local'],
  'street-address': ['street-address', 'address-line1', 'address-line2', 'address-line3'],
  city: ['address-level2'],
  'postal-code': ['postal-code'],
  country: ['country', 'country-name'],
  'card-number': ['cc-number'],
  'card-expiry': ['cc-exp', 'cc-exp-month', 'cc-exp-year'],
  'card-cvc': ['cc-csc'],
  'one-time-code': ['one-time-code'],
};

const BY_WORDS: Array<[FieldPurpose, RegExp]> = [
  ['email', /e-?mail/i],
  ['phone', /phone|mobile|\btel\b|telephone/i],
  ['postal-code', /post.?code|postal|zip/i],
  ['card-number', /card.?(number|no)|\bcc.?num|credit.?card|debit.?card/i],
  // MM/YY, not the month and year of a whole date (DD/MM/YYYY).
  ['card-expiry', /expir|\bexp\b|(?<!dd\W?)mm.?yy/i],
  ['card-cvc', /\bcvc\b|\bcvv\b|security code/i],
  ['one-time-code', /one.?time|verification code|\botp\b/i],
  ['street-address', /address|street/i],
  ['city', /\bcity\b|\btown\b/i],
  ['country', /country/i],
  ['name', /(full|first|last|given|family|your).?name|^name$|\bsurname|\bforename|name on (?:the |your )?card|card.?holder/i],
];

/** Words naming a shop's own code or number, which no browser autofill holds. */
const NOT_PERSONAL = /order.?(number|no\b|id\b|ref)|gift.?card|tracking|reference|booking|membership|loyalty|account.?number|invoice/i;

/** Words naming a sign-in name that is no email address: a phone number, a username, a member or customer number. */
const OTHER_SIGN_IN = /phone|mobile|user.?name|(member|customer|account).?(number|no\b|id\b)/i;

/** Words naming what a guest finds an order by besides the email address: a postcode, an order number. */
const ORDER_LOOKUP = /post.?code|postal|zip|order.?(number|no\b|id\b)/i;

/**
 * Autofill names (HTML's) for details cx-shop has no purpose of its own for: a field that gives one has said exactly
 * what it holds ("tel-country-code" on a phone's country list is no address's country).
 */
const OTHER_TOKENS = new Set([
  'honorific-prefix', 'honorific-suffix', 'organization', 'organization-title', 'address-level1', 'address-level3',
  'address-level4', 'transaction-currency', 'transaction-amount', 'language', 'bday', 'bday-day', 'bday-month',
  'bday-year', 'sex', 'url', 'photo', 'tel-country-code', 'tel-area-code', 'tel-extension', 'impp',
  'new-password', 'current-password',
]);

/** A phone number's dialling code ("Country code", "Area code"): part of a number, not an address's country. */
const DIALLING_CODE = /(country|dial(l)?ing|area).?code/i;

/** Inputs nobody types into. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'range', 'color', 'file']);

const wordsOf = (field: FieldInfo) => [field.label, field.name, field.placeholder].filter(Boolean).join(' ');

/**
 * A field for whichever the customer has of an email address and something else ("Email or mobile number",
 * "Username or email", a returns lookup's "Email address or postcode"): a text field, as it must be (an email field
 * would refuse the number), with a text keyboard.
 */
export function eitherSignInName(field: FieldInfo): boolean {
  const words = wordsOf(field);
  return /e-?mail/i.test(words) && (OTHER_SIGN_IN.test(words) || ORDER_LOOKUP.test(words));
}

/**
 * A field to find a record by, the customer's email or something else of it ("Email address or postcode", "Order
 * number or email", a guest's way to their order): neither of the browser's saved details is what it asks for.
 */
export function lookupField(field: FieldInfo): boolean {
  const words = wordsOf(field);
  return /e-?mail/i.test(words) && ORDER_LOOKUP.test(words);
}

/**
 * The autofill name a field's autocomplete gives (its last token: "section-ship shipping postal-code" is a postal
 * code), '' for none. A trailing "webauthn" asks the browser to offer a passkey there too ("username webauthn", as
 * passkey sign-in is written): the name is the token before it.
 */
export function autofillName(field: Pick<FieldInfo, 'autocomplete'>): string {
  const tokens = (field.autocomplete ?? '').toLowerCase().trim().split(/\s+/);
  if (tokens.length > 1 && tokens.at(-1) === 'webauthn') tokens.pop();
  return tokens.pop() ?? '';
}

/**
 * The token to ask for on a field of this purpose: for a name, the part of it the field asks for ("First name":
 * given-name, "Surname": family-name, "Name on card": cc-name); otherwise the purpose's first.
 */
export function suggestedToken(field: FieldInfo, purpose: FieldPurpose): string {
  if (purpose === 'name') {
    const words = wordsOf(field);
    if (/name on (?:the |your )?card|card.?holder/i.test(words)) return 'cc-name';
    if (/(first|given|fore).?name/i.test(words)) return 'given-name';
    if (/(last|family|sur).?name/i.test(words)) return 'family-name';
  }
  return AUTOCOMPLETE_TOKENS[purpose][0]!;
}

/** The purpose of a field, or null when it is not a personal-data or payment field cx-shop knows. */
export function fieldPurpose(field: FieldInfo): FieldPurpose | null {
  const words = wordsOf(field);
  const token = autofillName(field);
  // The sign-in name is an email address only where the field says so: a username is no personal data cx-shop knows.
  if (token === 'username' && field.type !== 'email' && !/e-?mail/i.test(words)) return null;
  for (const [purpose, tokens] of Object.entries(AUTOCOMPLETE_TOKENS) as Array<[FieldPurpose, string[]]>) {
    if (tokens.includes(token)) return purpose;
  }
  if (OTHER_TOKENS.has(token)) return null;
  if (field.type === 'email') return 'email';
  if (field.type === 'tel') return 'phone';
  // A box to tick, a choice, a slider or a file: its words say what it is about ("Email me about new arrivals"),
  // never that the customer types that in.
  if (NOT_TYPED.has(field.type)) return null;
  // A list holds only what its options offer: of the purposes cx-shop knows, a country or a card's expiry ("How
  // often we email you" is no email field).
  if (field.tag === 'select') {
    const listed = bestByWords(words);
    return listed === 'country' || listed === 'card-expiry' ? listed : null;
  }
  // Search and promo-code fields carry no personal data, whatever else their words say.
  if (field.type === 'search' || /promo|coupon|voucher|search/i.test(words)) return null;
  // A text field that offers suggestions of the page's own (an address finder, a store finder) completes for the
  // customer; its words name what it finds, not what they type.
  if (field.tag === 'input' && /^combobox\b/.test(field.element)) return null;
  // The field's own name comes first in its words; a hint after it ("Order number: on your confirmation email")
  // names something else. A field first named as a shop's own code (an order, a gift card) is not personal data.
  return bestByWords(words);
}

/**
 * The purpose the field's words name first, or null; none when they first name a shop's own code (an order, a gift
 * card).
 */
function bestByWords(words: string): FieldPurpose | null {
  if (DIALLING_CODE.test(words) && !/number/i.test(words)) return null;
  const shopCode = words.search(NOT_PERSONAL);
  let best: { purpose: FieldPurpose; at: number } | null = null;
  for (const [purpose, pattern] of BY_WORDS) {
    const at = words.search(pattern);
    if (at >= 0 && (best === null || at < best.at)) best = { purpose, at };
  }
  if (!best || (shopCode >= 0 && shopCode <= best.at)) return null;
  return best.purpose;
}

/**
 * Words saying a field holds another person's details (a gift's recipient, a friend to refer): the browser should
 * not fill in the customer's own there, so no autocomplete token is owed. Its keyboard still matters.
 */
const SOMEONE_ELSE = /\brecipient|\bgiftee|\bfriend(['’]s|s)?\b|\btheir\b|someone else|\bgift.?(to|for)\b/i;

/** True when the field's words say it is about someone other than the customer. */
export function aboutSomeoneElse(field: FieldInfo): boolean {
  return SOMEONE_ELSE.test(wordsOf(field));
}

/** The field in words for a finding: its label, else its name, else its element description. */
export function fieldName(field: FieldInfo): string {
  return field.label ? `"${field.label}"` : field.element;
}
