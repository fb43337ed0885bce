import { z } from 'zod';
import { defineAction } from './types.js';
import { checkKey } from '../scenario/names.js';

const PressSchema = z.union([
  z.string().min(1).superRefine(checkKey).transform((key) => ({ key, times: 1 })),
  z.strictObject({
    key: z.string().min(1).superRefine(checkKey).describe('Key name: Enter, Tab, Escape, ArrowDown, ...'),
    times: z.number().int().min(1).max(50).default(1),
  }),
]);

export const press = defineAction({
  summary: 'Press a key on the keyboard (Enter, Tab, Escape, ...), on whatever has focus.',
  schema: PressSchema,
  async perform(ctx, { key, times }) {
    for (let i = 0; i < times; i += 1) await ctx.pressKey(key);
    await ctx.settle();
  },
});
