import { defineRule } from './types.js';

export default defineRule({
  title: 'The promo code field has to be hunted for',
  area: 'promo',
  severity: 'low',
  threshold: 'the field is out of view (a swipe or more) or hidden behind a tap',
  source: 'Baymard Institute: a hidden coupon field costs searching; a prominent one sends customers off to hunt for codes',
  class: 'deterministic',
  detect({ promo, url }) {
    if (!promo || (promo.hunt.scrolls === 0 && promo.hunt.revealTaps.length === 0)) return [];
    const parts = [
      ...(promo.hunt.revealTaps.length ? [`a tap on ${promo.hunt.revealTaps.join(', ')}`] : []),
      ...(promo.hunt.scrolls ? [`${promo.hunt.scrolls} swipe${promo.hunt.scrolls === 1 ? '' : 's'}`] : []),
    ];
    return [
      {
        message: `Finding the promo code field took ${parts.join(' and ')}`,
        evidence: { url, element: promo.field, measured: parts.join(', '), threshold: 'the field in view, no tap to reveal it' },
      },
    ];
  },
});
