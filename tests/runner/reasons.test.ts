/** Why a step did not pass, in cx-shop's words: Playwright's timeouts said as what the customer was doing. */
import { describe, expect, it } from 'vitest';
import { timeoutsInWords } from '../../src/errors.js';

describe('timeouts in words', () => {
  it('says which of the customer\'s actions did not finish, and within how long', () => {
    expect(timeoutsInWords('tap: locator.tap: Timeout 5000ms exceeded.')).toBe('tap: the tap did not finish within 5 s');
    expect(timeoutsInWords('type: locator.pressSequentially: Timeout 2500ms exceeded.')).toBe('type: the typing did not finish within 2.5 s');
    expect(timeoutsInWords('apiRequestContext.fetch: Timeout 5000ms exceeded.')).toBe('the request did not finish within 5 s');
    expect(timeoutsInWords('goto: could not open http://shop.example/: page.goto: Timeout 10000ms exceeded.')).toBe(
      'goto: could not open http://shop.example/: opening the page did not finish within 10 s',
    );
    expect(timeoutsInWords("page.waitForLoadState: Timeout 5000ms exceeded.")).toBe("the page's load did not finish within 5 s");
  });

  it('leaves every other message as it is', () => {
    expect(timeoutsInWords('tap: button "Pay" is disabled')).toBe('tap: button "Pay" is disabled');
  });
});
