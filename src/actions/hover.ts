import { TargetSchema } from './tap.js';
import { defineAction } from './types.js';

export const hover = defineAction({
  summary: 'Point at an element without clicking (menus that open on hover). Phones have no hover.',
  schema: TargetSchema,
  async perform(ctx, locator) {
    const { element, target, scrolls } = await ctx.reach(locator);
    ctx.record({ kind: 'hover', target, scrolls });
    await element.hover({ timeout: ctx.timeout });
    await ctx.settle();
  },
});
