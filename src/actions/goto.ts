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
      // event, not the customer (the wait for the load that follows is bounded, and counted as their waiting). A
      // document whose server holds the connection open after its last byte never finishes either: once the wait is
      // over, a page that shows something is used as it is, as the customer uses it.
      await ctx.waiting(async () => {
        await ctx.page.goto(url, { timeout: ctx.timeout, waitUntil: 'commit' });
        await ctx.page.waitForLoadState('domcontentloaded', { timeout: ctx.timeout }).catch(async (error: unknown) => {
          const shows = await ctx.page.evaluate(() => (document.body?.innerText ?? '').trim().length > 0).catch(() => false);
          if (!shows) throw error;
        });
      });
    } catch (error) {
      throw new ActionError(`could not open ${url}: ${firstLine(error)}`, 'error');
    }
    await ctx.settle();
  },
});
