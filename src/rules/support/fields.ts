/** What the form rules (form-cleared, value-not-kept) share about fields and the pages they are on. */
import type { FieldInfo } from '../../artifacts/types.js';

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
