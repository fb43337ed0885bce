import { z } from 'zod';
import { locatorFields, requireOneLocator } from '../scenario/locator.js';
import { defineAction } from './types.js';

const CheckSchema = z.union([
  z.string().min(1).transform((label) => ({ label, checked: true })),
  requireOneLocator(
    z.strictObject({ ...locatorFields, checked: z.boolean().default(true).describe('false to untick') }),
  ),
]);

export const check = defineAction({
  summary: 'Tick (or with checked: false, untick) a checkbox or choose a radio button.',
  schema: CheckSchema,
  async perform(ctx, args) {
    const { element, target, scrolls } = await ctx.reach(args);
    if ((await element.isChecked()) === args.checked) return;
    ctx.record({ kind: 'tap', target, scrolls });
    await ctx.tapAndWatch(target, () => element.setChecked(args.checked, { timeout: ctx.timeout }));
    await ctx.settle();
  },
});
