import { TargetSchema } from './tap.js';
import { defineAction } from './types.js';

/** How long the customer rests the pointer on a menu before the next move: long enough for it to open. */
const REST_MS = 400;

export const hover = defineAction({
  summary: 'Point at an element without clicking (menus that open on hover). Phones have no hover.',
  schema: TargetSchema,
  async perform(ctx, locator) {
    const { element } = await ctx.reach(locator);
    // The customer points there on purpose: the rest counts as their act whatever the markup (a menu that opens on
    // :hover alone says nothing of it).
    await element.evaluate(() => window.__cxShopRecorder?.meanHover()).catch(() => undefined);
    await element.hover({ timeout: ctx.timeout });
    await ctx.page.waitForTimeout(REST_MS);
    await ctx.settle();
  },
});
