import { excerpt } from './support/message-words.js';
import { isErrorMessage } from './error-message.js';
import { describeFailures } from './support/faults.js';
import { codeBox, pagePath, typedInto } from './support/fields.js';
import { agrees, itemsEvidence, plural } from './support/items.js';
import { defineRule } from './types.js';

/** A password box (its type, or HTML's autofill name for a password when a "show password" made it text). */
const passwordField = (field: { type: string; autocomplete: string | null }) =>
  field.type === 'password' || /\b(?:current|new)-password\b/i.test(field.autocomplete ?? '');

export default defineRule({
  title: 'The form was wiped after an error',
  area: 'forms',
  severity: 'high',
  threshold: 'fields the customer had filled are empty when an error message appears, or after a request of theirs failed (injected); the boxes of a one-time code the page empties after a wrong code are none, nor are password fields, which no page hands back filled',
  source: 'Baymard Institute: clearing fields after a validation error forces customers to start over',
  class: 'deterministic',
  detect(step) {
    const { page: current, previousPage, appeared, typed } = step;
    const failures = step.injectedFailures;
    if (!current || (!appeared.some(isErrorMessage) && failures.length === 0)) return [];
    const page = current;
    const samePage = previousPage !== null && pagePath(previousPage.url) === pagePath(page.url);
    // The same field on the page now: by its place when the address is the same, else by its label (a form
    // posted to another address and shown again there).
    const now = (field: { selector: string; label: string | null }) =>
      page.fields.find((f) => (samePage && f.selector === field.selector) || (f.label !== null && f.label === field.label));
    const lost = new Map<string, { element: string; selector: string; box: (typeof page.fields)[number]['box'] | null; chars: number }>();
    for (const before of (previousPage?.fields ?? []).filter(typedInto)) {
      const field = before.filled ? now(before) : undefined;
      if (field && !field.filled) lost.set(field.selector, { ...field, chars: before.length });
    }
    for (const typedField of typed) {
      const field = page.fields.find((f) => f.label !== null && f.label === typedField.label);
      const gone = typedField.keptAtStepEnd === false || (typedField.keptAtStepEnd === null && field !== undefined && !field.filled);
      if (gone && field && !lost.has(field.selector)) lost.set(field.selector, { ...field, chars: typedField.chars });
    }
    // A wrong one-time code emptied from its boxes is typed anew whatever the page does: no work of the customer's lost.
    // Nor is a password a refused sign-in or sign-up hands back empty: a page never echoes one back (OWASP), and
    // the customer types it again whatever the page does.
    for (const field of page.fields) if (codeBox(field, page.fields) || passwordField(field)) lost.delete(field.selector);
    if (lost.size === 0) return [];
    const items = [...lost.values()].map((f) => ({ element: f.element, selector: f.selector, box: f.box, measured: 'empty', chars: f.chars }));
    const error = appeared.find(isErrorMessage);
    const after = error ? `"${excerpt(error.text, 80)}"` : `${describeFailures(failures)} failed`;
    return [
      {
        message: `After ${after}, ${plural(items.length, 'field')} the customer filled in ${agrees(items.length, 'was', 'were')} empty again`,
        evidence: itemsEvidence(page.url, items, { ...(error && { text: error.text }), measured: `${items.length} filled fields emptied`, threshold: 'what was typed stays' }),
      },
    ];
  },
});
