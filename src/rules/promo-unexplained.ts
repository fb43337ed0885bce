import { givesReason, excerpt } from './support/message-words.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'A rejected code gets no reason',
  area: 'promo',
  severity: 'medium',
  threshold: 'after an invalid code, no message, or one that says neither why nor what to do ("invalid code", "not valid", "not recognised" are not reasons)',
  source: 'Nielsen Norman Group, error-message guidelines; Baymard Institute on coupon fields',
  class: 'deterministic',
  detect({ promo, url }) {
    const invalid = promo?.tries.find((t) => t.variant === 'invalid code');
    if (!invalid || invalid.accepted || (invalid.message && givesReason(invalid.message))) return [];
    return [
      {
        message: invalid.message
          ? `For the invalid code "${invalid.typed}" the customer is told only "${excerpt(invalid.message, 80)}"`
          : `For the invalid code "${invalid.typed}" the customer is told nothing`,
        evidence: { url, element: promo!.field, text: invalid.message ?? '', measured: invalid.message ?? 'no message', threshold: 'says why the code did not work' },
      },
    ];
  },
});
