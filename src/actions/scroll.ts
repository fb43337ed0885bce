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

/**
 * Most screens swiped down looking for an element that is not drawn yet: a list drawn virtually (only the rows near the
 * screen are in the page) or one that loads more as the customer nears its end.
 */
const MAX_SCREENS = 60;

/**
 * Where what the customer swipes stands: the page's scroll and that of each box under the middle of the screen that
 * scrolls (a list in a box of its own, an app's shell, in a component's shadow root too), as one text. The same before
 * and after a swipe: nothing moved, the end is reached. Runs in the page.
 */
function scrollPlace(): string {
  const boxes = window.__cxShopLib?.swipedBoxes() ?? [];
  return [window.visualViewport?.pageTop ?? scrollY, ...boxes.map((box) => box.scrollTop)].join(' ');
}

/**
 * How far the customer can still swipe down from the middle of the screen: what is left below of the page, and of
 * each box there that scrolls (an app's shell, whose page never scrolls, holds its list in one). Runs in the page.
 */
function leftToSwipe(): number {
  const page = document.documentElement.scrollHeight - innerHeight - scrollY;
  const boxes = window.__cxShopLib?.swipedBoxes() ?? [];
  return Math.max(0, page) + boxes.reduce((left, box) => left + Math.max(0, box.scrollHeight - box.clientHeight - box.scrollTop), 0);
}

/** Resolves in the page two frames on, on the browser's frames (a page may have replaced requestAnimationFrame). */
function twoFrames(): Promise<void> {
  const frame = window.__cxShopRecorder?.frame ?? requestAnimationFrame;
  return new Promise((resolve) => frame(() => frame(() => resolve())));
}

export const scroll = defineAction({
  summary: 'Scroll the page: to an element, by a number of pixels, or to the bottom.',
  schema: ScrollSchema,
  async perform(ctx, args) {
    const remaining = () => ctx.page.evaluate(leftToSwipe);
    // The site's calls asked since the action began: the list's next part among them (see callsAnswered).
    const began = Date.now();
    if ('to' in args) {
      // An element further down that the page has not drawn yet (a row of a list drawn virtually, the next products
      // of a list that loads more) is looked for as the customer looks: a screen swiped down at a time, each swipe
      // theirs, once the page has answered the last, until it is there or nothing moves any more. One the page has
      // (below the screen too) is swiped to as any element is.
      await ctx.settle();
      const drawn = () => ctx.locate(args.to).count().catch(() => 0);
      const place = () => ctx.page.evaluate(scrollPlace).catch(() => '');
      for (let screens = 0; screens < MAX_SCREENS && (await drawn()) === 0; screens += 1) {
        const before = await place();
        await ctx.swipe(ctx.viewport.height);
        await ctx.settle();
        if ((await place()) !== before) continue;
        // At the end of a list whose next part is still coming (asked for as the last came in): waited for, and swiped
        // on once it has grown.
        const left = await remaining();
        await ctx.callsAnswered(began);
        await ctx.settle();
        if ((await remaining()) <= left) break;
      }
      await ctx.reach(args.to);
    } else if ('by' in args) await ctx.swipe(args.by);
    else {
      // To the end of the page as the customer finds it: a list that loads more as they near its end (an endless
      // feed) grows under them, and they scroll on, once what came is shown, until it grows no more. Of the page, and
      // of the box under their finger that scrolls (an app's shell never scrolls the page itself).
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        let left = await remaining();
        if (left <= 0) {
          // The next part of such a list is asked for once its end has come into view, a frame or two after the
          // swipe stopped, or as the part before came in (its end still near the screen): that asking is waited for,
          // and the page looked at again.
          await Promise.race([ctx.page.evaluate(twoFrames), delay(1000)]);
          await ctx.settle();
          await ctx.callsAnswered(began);
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
