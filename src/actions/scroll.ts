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
    const before = await ctx.page.evaluate(() => window.scrollY);
    if ('to' in args) {
      await ctx.reach(args.to);
    } else if ('by' in args) {
      await ctx.page.evaluate((by) => window.scrollBy(0, by), args.by);
    } else {
      await ctx.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    }
    const pixels = Math.abs((await ctx.page.evaluate(() => window.scrollY)) - before);
    ctx.record({ kind: 'scroll', pixels, viewports: Math.ceil(pixels / ctx.viewport.height) });
    await ctx.settle();
  },
});
