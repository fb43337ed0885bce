import { defineRule } from './types.js';

/** Words that tell the customer why a code did not work, or what to do. */
/**
 * Words that say why a code failed or what to do about it. "Invalid code", "not valid", "not recognised" and "does
 * not exist" only restate that it failed: they are not reasons.
 */
const REASON = /expired|check the|spelling|typo|minimum|at least|over \p{Sc}?\d|eligible|applies to|only (?:for|on|valid|applies|works)|ended|already (?:been )?used|once per|first order|new customers|sale items|case.sensitive|upper.?case|capital/iu;

export default defineRule({
  title: 'A rejected code gets no reason',
  area: 'promo',
  severity: 'medium',
  threshold: 'after an invalid code, no message, or one that says neither why nor what to do ("invalid code", "not valid", "not recognised" are not reasons)',
  source: 'Nielsen Norman Group, error-message guidelines; Baymard Institute on coupon fields',
  class: 'deterministic',
  detect({ promo, url }) {
    const invalid = promo?.tries.find((t) => t.variant === 'invalid code');
    if (!invalid || invalid.accepted || (invalid.message && REASON.test(invalid.message))) return [];
    return [
      {
        message: invalid.message
          ? `For the invalid code "${invalid.typed}" the customer is told only "${invalid.message.slice(0, 80)}"`
          : `For the invalid code "${invalid.typed}" the customer is told nothing`,
        evidence: { url, element: promo!.field, text: invalid.message ?? '', measured: invalid.message ?? 'no message', threshold: 'says why the code did not work' },
      },
    ];
  },
});
