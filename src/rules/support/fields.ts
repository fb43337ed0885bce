/** What the form rules (form-cleared, value-not-kept) share about fields and the pages they are on. */
import type { FieldInfo } from '../../artifacts/types.js';
import { fieldPurpose } from './field-purpose.js';

/** A page's address without its query or fragment: the same page, whatever state its address carries. */
export function pagePath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

const NOT_TYPED = new Set(['checkbox', 'radio', 'hidden', 'submit', 'button', 'range', 'color', 'file']);

/** A field a customer fills by typing: a box the page ticked (or unticked) or a list it set is not their work. */
export function typedInto(field: Pick<FieldInfo, 'tag' | 'type'>): boolean {
  return field.tag === 'textarea' || (field.tag === 'input' && !NOT_TYPED.has(field.type));
}

/** A box no wider than this holds one character of a code split into boxes. */
const CODE_BOX_PX = 64;

/**
 * A box of a one-time code: a field for the code, or one of the boxes it is split into ("Digit 2 of 6", or a box a
 * character wide in a form whose first box takes the code from the browser). A code that was wrong is typed anew,
 * whatever the page does with the boxes.
 */
export function codeBox(field: FieldInfo, fields: readonly FieldInfo[]): boolean {
  if (fieldPurpose(field) === 'one-time-code' || /\b(?:digit|character|number) \d+ of \d+\b/i.test(field.label ?? '')) return true;
  const narrow = field.box !== null && field.box.width <= CODE_BOX_PX;
  return narrow && field.form >= 0 && fields.some((other) => other.form === field.form && /\bone-time-code\b/.test(other.autocomplete ?? ''));
}
