import type { FieldInfo } from '../../artifacts/page.js';
import { defineJourneyRule } from '../types.js';

/** A field for the order's number or reference: the way in of a guest return. */
const ORDER_NUMBER = /\border\s*(?:number|no\b|id\b|#|ref(?:erence)?\b)|\border[-_]?(?:number|no|id|ref)/i;
const asksOrderNumber = (field: FieldInfo) => ORDER_NUMBER.test(`${field.label ?? ''} ${field.name} ${field.placeholder ?? ''}`);

export default defineJourneyRule({
  title: 'A login stands before the return',
  area: 'returns',
  severity: 'medium',
  threshold: 'a password field on the way to a return, on a page with no guest way in (a field for the order number)',
  source: 'Baymard Institute: forced account log-in is a top reason for abandonment; guest returns by order number and email',
  class: 'deterministic',
  scope: 'journey',
  journeys: ['returns'],
  detect({ steps }) {
    // A sign-in beside a guest way in ("No account? Find your order" by its number) is a choice, not a wall.
    const wall = steps.find((step) => step.page?.fields.some((field) => field.type === 'password') && !step.page.fields.some(asksOrderNumber));
    if (!wall?.page) return [];
    const field = wall.page.fields.find((f) => f.type === 'password')!;
    return [
      {
        step: wall.index,
        message: `The customer must sign in before they can return anything (${wall.page.url})`,
        evidence: { url: wall.page.url, element: field.element, selector: field.selector, box: field.box, measured: 'a password field', threshold: 'a return without signing in' },
      },
    ];
  },
});
