import { z } from 'zod';
import { locatorFields, requireOneLocator } from '../scenario/locator.js';
import { ActionError, defineAction } from './types.js';

const SelectSchema = requireOneLocator(
  z.strictObject({
    ...locatorFields,
    option: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe('The visible text (or value) of the option to choose; a list for multiple choice'),
  }),
  ['role', 'label', 'placeholder', 'testId', 'css'],
);

export const select = defineAction({
  summary: 'Choose an option in a drop-down list, by its visible text.',
  schema: SelectSchema,
  async perform(ctx, args) {
    const { option, ...locator } = args;
    const { element, target } = await ctx.reach(locator);
    const options = Array.isArray(option) ? option : [option];
    const wanted = await element.evaluate((el, labels) => {
      const list = el as HTMLSelectElement;
      if (!list.options) return null;
      return labels.map((label) => {
        const match = Array.from(list.options).find((o) => o.label.trim() === label || o.value === label);
        return match ? match.value : null;
      });
    }, options);
    if (wanted === null) throw new ActionError(`${target.description} is not a drop-down list`);
    const missing = options.filter((_, i) => wanted[i] === null);
    if (missing.length > 0) {
      const available = await element.evaluate((el) => Array.from((el as HTMLSelectElement).options, (o) => o.label.trim()).join(', '));
      throw new ActionError(`${target.description} has no option "${missing.join('", "')}" (it offers: ${available})`);
    }
    // The customer's finger opens the list, then picks; a list that does nothing in answer is dead like a button.
    await ctx.tap(element);
    await element.selectOption(wanted as string[], { timeout: ctx.timeout });
    await ctx.settle();
  },
});
