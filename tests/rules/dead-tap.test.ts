/** A dead tap, on hand-built artifacts: judged only where the page was there to answer. */
import { describe, expect, it } from 'vitest';
import deadTap from '../../src/rules/dead-tap.js';
import { judgedStep } from '../helpers/artifacts.js';

const unanswered = { input: 'press' as const, target: { description: 'button "Add to cart"', text: 'Add to cart', box: null, pageBox: null }, responses: [], watchedMs: 2500 };

describe('dead-tap', () => {
  it('is a tap that got no answer from a page that was there', () => {
    expect(deadTap.detect(judgedStep({ taps: [unanswered] }))).toHaveLength(1);
  });

  it('is not judged on a page that froze or a tab that was gone (the browser crashed under it): its answer is unknown', () => {
    expect(deadTap.detect(judgedStep({ taps: [unanswered], frozen: true }))).toEqual([]);
    expect(deadTap.detect(judgedStep({ taps: [unanswered], gone: true }))).toEqual([]);
  });
});
