import { z } from 'zod';
import { FIELD_LOCATOR_KEYS, locatorFields, requireOneLocator } from '../scenario/locator.js';
import { keyboardSwitches } from '../effort/keyboard.js';
import { defineAction } from './types.js';

const TypeSchema = requireOneLocator(
  z.strictObject({
    ...locatorFields,
    text: z.string().describe('What the customer types; ${env.NAME} for secrets'),
    code: z
      .boolean()
      .optional()
      .describe('The value is a code (promo code, order number): typed slower. Guessed from the field when absent'),
    clear: z.boolean().default(true).describe('Empty the field first (default true)'),
  }),
  FIELD_LOCATOR_KEYS,
);

/** Field words that mark a code: customers type codes character by character, checking each one. */
const CODE_FIELD = /promo|coupon|voucher|discount|gift.?card|order.?(number|no\b|id)|tracking|reference|\bcode\b/i;

export const type = defineAction({
  summary: 'Tap a field and type into it, key by key, as a customer would.',
  schema: TypeSchema,
  async perform(ctx, args) {
    const { element, target, scrolls } = await ctx.reach(args);
    const field = await element.evaluate((el) => {
      const input = el as HTMLInputElement;
      const words = [input.name, input.id, input.getAttribute('autocomplete'), input.getAttribute('aria-label')];
      const labels = 'labels' in input && input.labels ? Array.from(input.labels, (l) => l.textContent) : [];
      return {
        type: (input.getAttribute('type') ?? input.tagName.toLowerCase()).toLowerCase(),
        inputMode: input.getAttribute('inputmode'),
        words: [...words, ...labels].filter(Boolean).join(' '),
      };
    });
    const code = args.code ?? CODE_FIELD.test(`${field.words} ${target.description}`);
    ctx.record({
      kind: 'type',
      target,
      chars: [...args.text].length,
      code,
      keyboardSwitches: ctx.touch ? keyboardSwitches(args.text, field) : 0,
      scrolls,
    });
    await ctx.press(element);
    if (args.clear) await element.fill('', { timeout: ctx.timeout });
    await element.pressSequentially(args.text, { timeout: ctx.timeout });
    await ctx.watchTypedField(element, target, args.text);
    await ctx.settle();
  },
});
