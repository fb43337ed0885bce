import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { TargetSchema } from './tap.js';
import { defineAction } from './types.js';

const ScrollSchema = z.union([
  z.literal('bottom').transform(() => ({ bottom: true as const })),
  z.strictObject({ to: TargetSchema.describe('Scroll until this element is in view') }),
  z.strictObject({ by: z.number().int().describe('CSS pixels down (negative: up)') }),
]);

/** Most swipes to the end of a page that keeps growing (an endless feed): forty loads of more. */
const MAX_ROUNDS = 40;

/** Resolves in the page two frames on, on the browser's frames (a page may have replaced requestAnimationFrame). */
function twoFrames(): Promise<void> {
  const frame = window.__cxShopRecorder?.frame ?? requestAnimationFrame;
  return new Promise((resolve) => frame(() => frame(() => resolve())));
}

export const scroll = defineAction({
  summary: 'Scroll the page: to an element, by a number of pixels, or to the bottom.',
  schema: ScrollSchema,
  async perform(ctx, args) {
    if ('to' in args) await ctx.reach(args.to);
    else if ('by' in args) await ctx.swipe(args.by);
    else {
      // To the end of the page as the customer finds it: a list that loads more as they near its end (an endless
      // feed) grows under them, and they scroll on, once what came is shown, until it grows no more.
      const remaining = () => ctx.page.evaluate(() => document.documentElement.scrollHeight - innerHeight - scrollY);
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        let left = await remaining();
        if (left <= 0) {
          // The next part of such a list is asked for once its end has come into view, a frame or two after the
          // swipe stopped: that asking is waited for, and the page looked at again.
          await Promise.race([ctx.page.evaluate(twoFrames), delay(1000)]);
          await ctx.settle();
          left = await remaining();
          if (left <= 0) break;
        }
        await ctx.swipe(left);
        await ctx.settle();
      }
    }
    await ctx.settle();
  },
});
