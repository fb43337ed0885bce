import { z } from 'zod';
import { locatorFields, requireOneLocator } from '../scenario/locator.js';
import { defineAction } from './types.js';

const CheckSchema = z.union([
  z.string().min(1).transform((label) => ({ label, checked: true })),
  requireOneLocator(z.strictObject({ ...locatorFields, checked: z.boolean().default(true).describe('false to untick') })),
]);

export const check = defineAction({
  summary: 'Tick (or with checked: false, untick) a checkbox or choose a radio button.',
  schema: CheckSchema,
  async perform(ctx, args) {
    const { checked, ...locator } = args;
    const { element } = await ctx.reach(locator);
    if ((await element.isChecked({ timeout: ctx.timeout })) === checked) return;
    // The customer taps the box, or the label that shows it when the page hides the box (a colour swatch, a switch).
    await ctx.tap(element);
    await ctx.settle();
  },
});
