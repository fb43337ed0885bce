import { z } from 'zod';
import { FIELD_LOCATOR_KEYS, locatorFields, requireOneLocator } from '../scenario/locator.js';
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

export const type = defineAction({
  summary: 'Tap a field and type into it, key by key, as a customer would.',
  schema: TypeSchema,
  async perform(ctx, args) {
    // `text` here is what is typed, never a way of finding the field.
    const { text, code, clear, ...locator } = args;
    const { element } = await ctx.reach(locator);
    await ctx.typeInto(element, text, { clear, code });
    await ctx.settle();
  },
});
