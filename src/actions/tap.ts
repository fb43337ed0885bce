import { z } from 'zod';
import { LocatorSchema } from '../scenario/locator.js';
import { defineAction } from './types.js';

/** A bare string is the element's visible text: `tap: Checkout`. */
export const TargetSchema = z.union([z.string().min(1).transform((text) => ({ text })), LocatorSchema]);

export const tap = defineAction({
  summary: 'Tap (on a phone) or click (on a laptop) an element.',
  schema: TargetSchema,
  async perform(ctx, locator) {
    const { element } = await ctx.reach(locator);
    await ctx.tap(element);
    await ctx.settle();
  },
});
