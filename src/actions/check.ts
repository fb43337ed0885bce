import { z } from 'zod';
import { locatorFields, requireOneLocator } from '../scenario/locator.js';
import { ActionError, defineAction } from './types.js';

const CheckSchema = z.union([
  z.string().min(1).transform((label) => ({ label, checked: true })),
  requireOneLocator(z.strictObject({ ...locatorFields, checked: z.boolean().default(true).describe('false to untick') })),
]);

export const check = defineAction({
  summary: 'Tick (or with checked: false, untick) a checkbox or choose a radio button.',
  schema: CheckSchema,
  async perform(ctx, args) {
    const { checked, ...locator } = args;
    const { element, target } = await ctx.reach(locator);
    // The browser's own question answers only for what can be ticked (a box, a radio, a switch, or their label).
    const before = await element.isChecked({ timeout: ctx.timeout }).catch((error: Error) => {
      if (/not a checkbox or radio button/i.test(error.message)) throw new ActionError(`${target.description} is not a tick box, radio or switch: the customer cannot tick it`);
      throw error;
    });
    if (before === checked) return;
    // The customer taps the box, or the label that shows it when the page hides the box (a colour swatch, a switch).
    await ctx.tap(element);
    await ctx.settle();
    // They see whether it turned: one that did not (a switch whose handler does nothing) is the step failing.
    const now = await element.isChecked({ timeout: 2000 }).catch(() => null);
    if (now !== null && now !== checked) throw new ActionError(`${target.description} is still ${checked ? 'off' : 'on'} after the customer's tap`, 'failed');
  },
});
