import { z } from 'zod';
import { LocatorSchema } from '../scenario/locator.js';
import { ActionError, defineAction } from './types.js';

const WaitSchema = z.union([
  z.strictObject({ text: z.string().min(1).describe('Wait until this text is visible') }),
  z.strictObject({ url: z.string().min(1).describe('Wait until the address contains this') }),
  z.strictObject({ visible: LocatorSchema.describe('Wait until this element is visible') }),
  z.strictObject({ ms: z.number().int().min(0).max(60_000).describe('Wait a fixed time (avoid: slows every run)') }),
]);

export const wait = defineAction({
  summary: 'Wait for text, an element or an address to appear (the time counts as waiting, not effort).',
  schema: WaitSchema,
  async perform(ctx, args) {
    // A fixed pause is the scenario author's, not the site's: it is never counted as waiting on the site.
    if ('ms' in args) {
      await ctx.page.waitForTimeout(args.ms);
      await ctx.settle();
      return;
    }
    const started = Date.now();
    try {
      await ctx.waiting(async () => {
        if ('text' in args) await ctx.page.getByText(args.text).first().waitFor({ state: 'visible', timeout: ctx.timeout });
        else if ('url' in args) await ctx.page.waitForURL((url) => url.toString().includes(args.url), { timeout: ctx.timeout });
        else await ctx.locate(args.visible).waitFor({ state: 'visible', timeout: ctx.timeout });
      });
    } catch {
      const what = 'text' in args ? `text "${args.text}"` : 'url' in args ? `address containing "${args.url}"` : 'element';
      throw new ActionError(`waited ${Math.round((Date.now() - started) / 1000)} s for ${what}, it did not appear`);
    }
    await ctx.settle();
  },
});
