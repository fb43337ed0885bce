/**
 * The checkout form's fields and their checks. Shipped renders every field as a bare type=text input (wrong
 * phone keyboard, no autofill); fixed gives each the right type, inputmode and autocomplete token.
 */
import type { ShopVariant } from './variant.js';

export interface FieldSpec {
  id: 'name' | 'email' | 'phone' | 'postcode' | 'card';
  label: string;
  /** Attributes in the fixed variant; shipped uses type=text and nothing else. */
  fixed: Record<string, string>;
  hint?: string;
  /** A message naming the field and the fix, or undefined when the value is fine. */
  check(value: string): string | undefined;
}

const digits = (value: string) => value.replace(/[\s-]/g, '');

export const CHECKOUT_FIELDS: readonly FieldSpec[] = [
  {
    id: 'name',
    label: 'Full name',
    fixed: { type: 'text', autocomplete: 'name' },
    check: (v) => (v.trim() ? undefined : 'Enter your full name, as it should appear on the parcel.'),
  },
  {
    id: 'email',
    label: 'Email',
    fixed: { type: 'email', autocomplete: 'email', spellcheck: 'false' },
    check: (v) =>
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? undefined : 'Enter your email address, like name@example.com.',
  },
  {
    id: 'phone',
    label: 'Phone',
    fixed: { type: 'tel', autocomplete: 'tel' },
    hint: 'Only for delivery updates.',
    check: (v) =>
      /^\+?\d{10,13}$/.test(digits(v).replace(/[()]/g, ''))
        ? undefined
        : 'Enter your phone number with 10 or 11 digits, like 07700 900123.',
  },
  {
    id: 'postcode',
    label: 'Postcode',
    fixed: { type: 'text', autocomplete: 'postal-code', autocapitalize: 'characters' },
    check: (v) =>
      /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i.test(v.trim()) ? undefined : 'Enter your postcode, like PO1 2AB.',
  },
  {
    id: 'card',
    label: 'Card number',
    fixed: { type: 'text', inputmode: 'numeric', autocomplete: 'cc-number' },
    hint: 'The long number on the front of your card. This demo shop takes no real payment.',
    check: (v) =>
      /^\d{12,19}$/.test(digits(v)) ? undefined : 'Enter the 12 to 19 digit number on the front of your card.',
  },
];

export type CheckoutValues = Record<FieldSpec['id'], string>;

export function readValues(body: Record<string, string>): CheckoutValues {
  const get = (id: FieldSpec['id']) => (body[id] ?? '').slice(0, 200);
  return { name: get('name'), email: get('email'), phone: get('phone'), postcode: get('postcode'), card: get('card') };
}

/** Error messages by field id; empty when the form is fine. */
export function validate(values: CheckoutValues): Partial<Record<FieldSpec['id'], string>> {
  const errors: Partial<Record<FieldSpec['id'], string>> = {};
  for (const field of CHECKOUT_FIELDS) {
    const message = field.check(values[field.id]);
    if (message) errors[field.id] = message;
  }
  return errors;
}

/** Input attributes for a field in a variant. */
export function fieldAttributes(field: FieldSpec, variant: ShopVariant): Record<string, string> {
  return variant === 'fixed' ? field.fixed : { type: 'text' };
}

/**
 * Shipped: a phone "formatter" keeps only numbers already in +44 form and blanks everything else when the
 * field loses focus, so a number typed the usual way (07700 900123) disappears.
 */
export const SHIPPED_PHONE_SCRIPT = `
var phone = document.getElementById('phone');
phone.addEventListener('blur', function () {
  if (!/^\\+44\\d{10}$/.test(phone.value)) phone.value = '';
});
`;
