import { defineJourneyRule } from '../types.js';

export default defineJourneyRule({
  title: 'A login stands before the return',
  area: 'returns',
  severity: 'medium',
  threshold: 'a password field on the way to a return',
  source: 'Baymard Institute: forced account log-in is a top reason for abandonment; guest returns by order number and email',
  class: 'deterministic',
  scope: 'journey',
  journeys: ['returns'],
  detect({ steps }) {
    const wall = steps.find((step) => step.page?.fields.some((field) => field.type === 'password'));
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
