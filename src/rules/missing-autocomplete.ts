import { aboutSomeoneElse, AUTOCOMPLETE_TOKENS, autofillName, fieldName, fieldPurpose, lookupField, suggestedToken } from './support/field-purpose.js';
import { agrees, itemsEvidence, plural } from './support/items.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Personal details the browser cannot fill in',
  area: 'forms',
  severity: 'medium',
  threshold:
    "a name, email, phone, address or card field without an autocomplete token for its purpose (search, promo-code and shop-code fields, and text boxes with suggestions of the page's own, such as an address finder, hold no personal data; a field for someone else's details, such as a gift's recipient or a friend to refer, is not the customer's to fill in, nor a field to find an order by the email or the postcode; a field that asks for part of a name asks for that part: given-name, family-name, cc-name on a card's; a trailing webauthn, a passkey offered there too, is no purpose of its own)",
  source: 'WCAG 2.1 SC 1.3.5 Identify Input Purpose; HTML autofill tokens',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState }) {
    if (!page || !newPageState) return [];
    const missing = page.fields.flatMap((field) => {
      const purpose = fieldPurpose(field);
      if (!purpose || aboutSomeoneElse(field) || lookupField(field)) return [];
      const token = autofillName(field);
      return AUTOCOMPLETE_TOKENS[purpose].includes(token) ? [] : [{ field, token, needs: suggestedToken(field, purpose) }];
    });
    if (missing.length === 0) return [];
    const first = missing[0]!;
    return [
      {
        message: `${plural(missing.length, 'field')} ${agrees(missing.length, 'makes', 'make')} the customer type what the browser already knows: ${fieldName(first.field)} has no autocomplete="${first.needs}"`,
        evidence: itemsEvidence(
          page.url,
          missing.map(({ field, token, needs }) => ({
            element: field.element,
            selector: field.selector,
            box: field.box,
            measured: `autocomplete="${token}", needs "${needs}"`,
          })),
          { measured: first.token ? `autocomplete="${first.token}"` : 'no autocomplete', threshold: `autocomplete="${first.needs}"` },
        ),
      },
    ];
  },
});
