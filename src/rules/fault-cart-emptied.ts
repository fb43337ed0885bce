import type { PageSnapshot } from '../artifacts/page.js';
import { describeFailures } from './support/faults.js';
import { defineRule } from './types.js';

const CART = /\b(cart|basket|bag|trolley)\b/i;
const EMPTY = /\b(?:your )?(?:shopping )?(?:cart|basket|bag|trolley) is (?:now )?empty\b/i;

/** The count a page shows next to its cart (`Cart (2)`, `Basket, 2 items`): 0 when it shows the cart without one. */
function cartCount(page: PageSnapshot): number | null {
  const carts = page.targets.filter((t) => CART.test(t.element) || CART.test(t.text));
  for (const cart of carts) {
    const number = /(\d+)/.exec(`${cart.text} ${cart.element}`);
    if (number) return Number(number[1]);
  }
  return carts.length > 0 ? 0 : null;
}

export default defineRule({
  title: 'A failure emptied the cart',
  area: 'resilience',
  severity: 'high',
  threshold: 'after an injected failure, the cart count drops to 0 or the page says the cart is empty, where it held items before',
  source: 'Baymard Institute: customers who lose their cart often abandon; cx-shop convention for the threshold',
  class: 'deterministic',
  detect(step) {
    const failures = step.injectedFailures;
    const { page, previousPage } = step;
    if (failures.length === 0 || !page || !previousPage) return [];
    const before = cartCount(previousPage);
    if (!before) return [];
    const after = cartCount(page);
    const saysEmpty = EMPTY.test(page.pageText);
    if (after !== 0 && !saysEmpty) return [];
    return [
      {
        message: `After ${describeFailures(failures)} failed, the cart went from ${before} to ${saysEmpty ? 'empty' : '0'}: the customer has to find and add everything again`,
        evidence: {
          url: step.url,
          measured: `${before} → ${saysEmpty ? 'empty' : '0'}`,
          threshold: 'the cart keeps its items',
          screenshot: step.screenshot?.path ?? null,
        },
      },
    ];
  },
});
