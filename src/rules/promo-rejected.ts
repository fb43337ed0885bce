import { defineRule } from './types.js';

export default defineRule({
  title: 'A valid promo code is rejected',
  area: 'promo',
  severity: 'high',
  threshold: 'the valid code, entered as printed, in lower case, with spaces around it or pasted with a newline, is not accepted',
  source: 'Baymard Institute on coupon fields; cx-shop convention: High, because the customer did nothing wrong',
  class: 'deterministic',
  detect({ promo, url }) {
    if (!promo) return [];
    const rejected = [promo.customer, ...promo.tries].filter((t) => t.variant !== 'invalid code' && !t.accepted);
    if (rejected.length === 0) return [];
    return [
      {
        message: `The valid code ${promo.code} was rejected ${rejected.map((t) => `${t.variant} ("${t.typed}")`).join(', ')}`,
        evidence: {
          url,
          element: promo.field,
          measured: rejected.map((t) => `${t.variant}: ${t.message ?? 'no message'}${t.failures.length ? ` (${t.failures.join(', ')})` : ''}`).join('; '),
          threshold: 'every way a customer types a valid code is accepted',
          items: [promo.customer, ...promo.tries].map((t) => ({ element: t.variant, selector: '', box: null, measured: `${t.typed}: ${t.accepted ? 'accepted' : 'rejected'}` })),
        },
      },
    ];
  },
});
