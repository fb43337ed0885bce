import { z } from 'zod';
import { ActionError, defineAction } from './types.js';
import { firstLine } from '../errors.js';

export const back = defineAction({
  summary: "Go back to the previous page with the browser's back button (on a tab a tap opened, with no page before it, the tab closes).",
  schema: z.literal(true).describe('back: true'),
  async perform(ctx) {
    const before = ctx.page.url();
    const went = await ctx.goBack().catch((error: Error) => {
      throw new ActionError(`could not go back: ${firstLine(error)}`);
    });
    // A tab a tap opened has no page before its first: going back closes it, and the customer is where they tapped.
    if (went === null && ctx.page.url() === before && (await ctx.closeTab())) return await ctx.settle();
    if (ctx.page.url() === before && before === 'about:blank') throw new ActionError('there was no page to go back to');
    await ctx.settle();
  },
});
