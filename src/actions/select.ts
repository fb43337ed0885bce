import { z } from 'zod';
import { locatorFields, requireOneLocator } from '../scenario/locator.js';
import type { Locator as PwLocator } from 'playwright';
import { ActionError, defineAction, type ActionContext } from './types.js';
import { askElement } from '../browser/ask.js';

const SelectSchema = requireOneLocator(
  z.strictObject({
    ...locatorFields,
    option: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe('The visible text (or value) of the option to choose; a list for multiple choice'),
  }),
  ['role', 'label', 'placeholder', 'testId', 'css'],
);

/** The customer taps the drop-down open, then taps the option (role "option") named as the scenario says. */
async function pickFromList(ctx: ActionContext, opener: PwLocator, description: string, option: string): Promise<void> {
  await ctx.tap(opener);
  await ctx.settle();
  const choice = ctx.page.getByRole('option', { name: option, exact: true }).filter({ visible: true }).first();
  if (!(await choice.waitFor({ state: 'visible', timeout: ctx.timeout }).then(() => true, () => false))) {
    const offered = await ctx.page.getByRole('option').filter({ visible: true }).allInnerTexts().catch(() => [] as string[]);
    const offers = offered.map((text) => text.trim()).filter(Boolean);
    throw new ActionError(`${description} opened no option "${option}"${offers.length > 0 ? ` (it offers: ${offers.join(', ')})` : ''}`);
  }
  const { element } = await ctx.reach({ role: 'option', name: option, exact: true });
  await ctx.tap(element);
  await ctx.settle();
}

export const select = defineAction({
  summary: 'Choose an option in a drop-down list, by its visible text (a list the page draws itself: tapped open, then the option tapped).',
  schema: SelectSchema,
  async perform(ctx, args) {
    const { option, ...locator } = args;
    const { element, target } = await ctx.reach(locator);
    const options = Array.isArray(option) ? option : [option];
    const wanted = await askElement(
      element,
      (el, labels: string[]) => {
        const list = el as HTMLSelectElement;
        if (!list.options) return null;
        return labels.map((label) => {
          const match = Array.from(list.options).find((o) => o.label.trim() === label || o.value === label);
          return match ? match.value : null;
        });
      },
      options,
    );
    if (wanted === null) {
      // A drop-down the page draws itself (a combobox and its list of options): tapped open, then the option tapped.
      if (options.length === 1 && /^(?:combobox|button)\b/.test(target.description)) return pickFromList(ctx, element, target.description, options[0]!);
      throw new ActionError(`${target.description} is not a drop-down list (a list the page draws itself needs a combobox and options with their roles)`);
    }
    const missing = options.filter((_, i) => wanted[i] === null);
    if (missing.length > 0) {
      const available = await element.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.label.trim()).join(', '));
      throw new ActionError(`${target.description} has no option "${missing.join('", "')}" (it offers: ${available})`);
    }
    // An option the page offers but will not let be chosen (greyed out: "Ireland (no deliveries)") is said at once.
    const disabled = await askElement(element, (el, values: string[]) => {
      const list = el as HTMLSelectElement;
      return Array.from(list.options).filter((o) => values.includes(o.value) && o.matches(':disabled')).map((o) => o.label.trim());
    }, wanted as string[]);
    if (disabled && disabled.length > 0) {
      throw new ActionError(`option "${disabled.join('", "')}" of ${target.description} is disabled: the customer cannot choose it`);
    }
    // The customer's finger opens the list, then picks; a list that does nothing in answer is dead like a button.
    await ctx.tap(element);
    await element.selectOption(wanted as string[], { timeout: ctx.timeout });
    await ctx.settle();
  },
});
