import type { FieldInfo } from '../probes/page-snapshot.js';
import { eitherSignInName, fieldName, fieldPurpose, type FieldPurpose } from './support/field-purpose.js';
import { agrees, itemsEvidence, plural } from './support/items.js';
import { defineRule } from './types.js';

/** What brings up the right phone keyboard for each purpose: an input type or an inputmode. */
const RIGHT_KEYBOARD: Partial<Record<FieldPurpose, { types: string[]; modes: string[]; wanted: string }>> = {
  email: { types: ['email'], modes: ['email'], wanted: 'type="email"' },
  phone: { types: ['tel'], modes: ['tel'], wanted: 'type="tel"' },
  'card-number': { types: ['tel', 'number'], modes: ['numeric'], wanted: 'inputmode="numeric"' },
  'card-cvc': { types: ['tel', 'number'], modes: ['numeric'], wanted: 'inputmode="numeric"' },
  'one-time-code': { types: ['tel', 'number'], modes: ['numeric'], wanted: 'inputmode="numeric"' },
};

function keyboardProblem(field: FieldInfo): string | null {
  const purpose = fieldPurpose(field);
  const needs = purpose ? RIGHT_KEYBOARD[purpose] : undefined;
  if (!needs || eitherSignInName(field)) return null;
  if (field.inputMode) return needs.modes.includes(field.inputMode) ? null : needs.wanted;
  return needs.types.includes(field.type) ? null : needs.wanted;
}

export default defineRule({
  title: 'Wrong keyboard on a phone',
  area: 'forms',
  severity: 'medium',
  threshold: 'email, phone, card number, security code and one-time-code fields without the input type or inputmode that brings up the right keyboard',
  source: 'Baymard Institute, touch keyboard layouts; HTML inputmode',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState, touch }) {
    if (!page || !newPageState || !touch) return [];
    const wrong = page.fields.flatMap((field) => {
      const wanted = keyboardProblem(field);
      return wanted ? [{ field, wanted }] : [];
    });
    if (wrong.length === 0) return [];
    const first = wrong[0]!;
    return [
      {
        message: `${plural(wrong.length, 'field')} ${agrees(wrong.length, 'opens', 'open')} the wrong keyboard: ${fieldName(first.field)} needs ${first.wanted}`,
        evidence: itemsEvidence(
          page.url,
          wrong.map(({ field, wanted }) => ({
            element: field.element,
            selector: field.selector,
            box: field.box,
            measured: `type="${field.type}"${field.inputMode ? ` inputmode="${field.inputMode}"` : ''}, needs ${wanted}`,
          })),
          { measured: `type="${first.field.type}"`, threshold: first.wanted },
        ),
      },
    ];
  },
});
