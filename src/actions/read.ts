import { TargetSchema } from './tap.js';
import { defineAction } from './types.js';

export const read = defineAction({
  summary: 'The customer reads an element: a policy, an invoice, a message. Its text counts as reading time.',
  schema: TargetSchema,
  async perform(ctx, locator) {
    const { element, target } = await ctx.reach(locator);
    const text = await element.innerText({ timeout: ctx.timeout });
    ctx.recordDocument({ kind: 'text', source: 'page', location: ctx.page.url(), text, items: [], bodyFontSize: 0, gradeTarget: 8 }, target);
  },
});
