import type { FieldInfo, PageSnapshot } from '../../artifacts/page.js';
import { defineJourneyRule } from '../types.js';

/** A field for the order's number or reference: the way in of a guest return. */
const ORDER_NUMBER = /\border\s*(?:number|no\b|id\b|#|ref(?:erence)?\b)|\border[-_]?(?:number|no|id|ref)/i;
const asksOrderNumber = (field: FieldInfo) => ORDER_NUMBER.test(`${field.label ?? ''} ${field.name} ${field.placeholder ?? ''}`);
/** A link or button that leads past the sign-in as a guest: "Return without signing in", "Continue as a guest". */
const GUEST_WAY = /\b(?:guests?|without (?:(?:signing|logging) in|(?:an |a )?(?:account|password|sign[- ]?in|log[- ]?in))|no account)\b/i;
const guestWay = (page: PageSnapshot) => page.targets.some((target) => /^(?:link|button)\b/.test(target.element) && GUEST_WAY.test(target.element));

export default defineJourneyRule({
  title: 'A login stands before the return',
  area: 'returns',
  severity: 'medium',
  threshold: 'a password field on the way to a return, on a page with no guest way in (a field for the order number, or a link or button past the sign-in: "Return without signing in", "Continue as a guest")',
  source: 'Baymard Institute: forced account log-in is a top reason for abandonment; guest returns by order number and email',
  class: 'deterministic',
  scope: 'journey',
  journeys: ['returns'],
  detect({ steps }) {
    // A sign-in beside a guest way in ("No account? Find your order" by its number, or a link "Return without signing
    // in" to a page that asks for it) is a choice, not a wall.
    const wall = steps.find((step) => step.page?.fields.some((field) => field.type === 'password') && !step.page.fields.some(asksOrderNumber) && !guestWay(step.page));
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
