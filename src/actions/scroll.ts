import { z } from 'zod';
import { TargetSchema } from './tap.js';
import { defineAction } from './types.js';

const ScrollSchema = z.union([
  z.literal('bottom').transform(() => ({ bottom: true as const })),
  z.strictObject({ to: TargetSchema.describe('Scroll until this element is in view') }),
  z.strictObject({ by: z.number().int().describe('CSS pixels down (negative: up)') }),
]);

export const scroll = defineAction({
  summary: 'Scroll the page: to an element, by a number of pixels, or to the bottom.',
  schema: ScrollSchema,
  async perform(ctx, args) {
    if ('to' in args) await ctx.reach(args.to);
    else if ('by' in args) await ctx.swipe(args.by);
    else {
      const left = await ctx.page.evaluate(() => document.documentElement.scrollHeight - innerHeight - scrollY);
      if (left > 0) await ctx.swipe(left);
    }
    await ctx.settle();
  },
});
