import { isErrorMessage } from './error-message.js';
import { itemsEvidence, plural } from './support/items.js';
import { defineRule } from './types.js';

const path = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
};

export default defineRule({
  title: 'The form was wiped after an error',
  area: 'forms',
  severity: 'high',
  threshold: 'fields the customer had filled are empty when an error message appears',
  source: 'Baymard Institute: clearing fields after a validation error forces customers to start over',
  class: 'deterministic',
  detect({ page: current, previousPage, appeared, typed }) {
    if (!current || !appeared.some(isErrorMessage)) return [];
    const page = current;
    if (previousPage && path(previousPage.url) !== path(page.url)) return [];
    const emptyNow = (match: (f: (typeof page.fields)[number]) => boolean) => page.fields.some((f) => match(f) && !f.filled);
    const lost = new Map<string, { element: string; selector: string; box: (typeof page.fields)[number]['box'] | null }>();
    for (const before of previousPage?.fields ?? []) {
      if (before.filled && emptyNow((f) => f.selector === before.selector)) lost.set(before.selector, before);
    }
    for (const field of typed) {
      const gone = field.keptAtStepEnd === false || (field.keptAtStepEnd === null && emptyNow((f) => f.label !== null && f.label === field.label));
      const now = page.fields.find((f) => f.label !== null && f.label === field.label);
      if (gone && now && !lost.has(now.selector)) lost.set(now.selector, now);
    }
    if (lost.size === 0) return [];
    const items = [...lost.values()].map((f) => ({ element: f.element, selector: f.selector, box: f.box, measured: 'empty' }));
    const error = appeared.find(isErrorMessage)!;
    return [
      {
        message: `After "${error.text.slice(0, 80)}", ${plural(items.length, 'field')} the customer filled in were empty again`,
        evidence: itemsEvidence(page.url, items, { text: error.text, measured: `${items.length} filled fields emptied`, threshold: 'what was typed stays' }),
      },
    ];
  },
});
