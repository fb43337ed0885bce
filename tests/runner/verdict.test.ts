/** A journey the customer could not finish is worse than any finished one, whatever the effort. */
import { describe, expect, it } from 'vitest';
import { compareForCustomer, verdictOf } from '../../src/report/verdict.js';

describe('compareForCustomer', () => {
  it('ranks a blocked journey after any completed one, even one with more effort', () => {
    const blockedEarly = { completed: false, effort: 3 };
    const longButDone = { completed: true, effort: 300 };
    expect(compareForCustomer(blockedEarly, longButDone)).toBeGreaterThan(0);
    expect(compareForCustomer(longButDone, blockedEarly)).toBeLessThan(0);
    const sorted = [blockedEarly, longButDone, { completed: true, effort: 20 }].sort(compareForCustomer);
    expect(sorted.map((j) => j.effort)).toEqual([20, 300, 3]);
  });

  it('between finished journeys, more effort is harder', () => {
    expect(compareForCustomer({ completed: true, effort: 10 }, { completed: true, effort: 12 })).toBeLessThan(0);
    expect(verdictOf({ completed: false, effort: 12.34 })).toBe('not completed (gave up after 12.3 s of effort)');
  });
});
