import { z } from 'zod';
import { ActionError, defineAction } from './types.js';
import { firstLine } from '../errors.js';

export const goto = defineAction({
  summary: 'Open a page: a path relative to baseUrl, or a full URL. The customer arriving costs no effort.',
  schema: z.string().min(1).describe('Path such as /cart, or a full URL'),
  async perform(ctx, path) {
    const url = new URL(path, ctx.baseUrl).toString();
    try {
      // The page is there once its document is: a third party's picture or script that never finishes holds the load
      // event, not the customer (the wait for the load that follows is bounded, and counted as their waiting).
      await ctx.waiting(() => ctx.page.goto(url, { timeout: ctx.timeout, waitUntil: 'domcontentloaded' }));
    } catch (error) {
      throw new ActionError(`could not open ${url}: ${firstLine(error)}`, 'error');
    }
    await ctx.settle();
  },
});
