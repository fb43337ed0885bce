import { defineRule } from './types.js';

export default defineRule({
  title: 'The discount does not show in the total',
  area: 'promo',
  severity: 'medium',
  threshold: 'the code is accepted but the total the customer sees stays the same',
  source: 'cx-shop convention: a customer checks the total to see the discount was taken',
  class: 'deterministic',
  detect({ promo, url }) {
    const mine = promo?.customer;
    if (!mine?.accepted || mine.totalBefore === null || mine.totalBefore !== mine.totalAfter) return [];
    return [
      {
        message: `The code was accepted, but the total stayed ${mine.totalAfter}`,
        evidence: { url, element: promo!.field, measured: `total ${mine.totalBefore} before and after`, threshold: 'the total changes' },
      },
    ];
  },
});
