/**
 * A missing name after a third party's script got no answer earlier on the page: the knock-on of where cx-shop runs,
 * when the script is the one that defines the name, by its address or by its vendor's host.
 */
import { describe, expect, it } from 'vitest';
import type { PageErrorRecord, RequestRecord } from '../../src/artifacts/types.js';
import { afterUnreachableScript } from '../../src/rules/support/requests.js';

const unreachable = (url: string): RequestRecord => ({ url, method: 'GET', resourceType: 'script', status: null, failure: 'net::ERR_NAME_NOT_RESOLVED', party: 'third-party', cause: 'background', telemetry: false });
const missing = (name: string): PageErrorRecord => ({ message: `${name} is not defined`, party: 'site', cause: 'action' });

describe('a missing name after an unreachable script earlier on the page', () => {
  it("is the consent manager's, Google's tag's or Meta's pixel's, by the vendor's host though the address does not bear the name", () => {
    const cases: Array<[string, string]> = [
      ['OneTrust', 'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js'],
      ['Optanon', 'https://cdn.cookielaw.org/consent/0b1c/otSDKStub.js'],
      ['gtag', 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC123'],
      ['fbq', 'https://connect.facebook.net/en_US/fbevents.js'],
      ['Carousel', 'https://cdn.carousel-lib.example/carousel.min.js'],
    ];
    for (const [name, url] of cases) expect(afterUnreachableScript(missing(name), [], [unreachable(url)]), name).toBe(true);
  });

  it("is jQuery's $, Lodash's or Underscore's _, names too short for an address to bear, by the library's name in it", () => {
    const jquery = [unreachable('https://code.jquery.com/jquery-3.7.1.min.js')];
    expect(afterUnreachableScript(missing('$'), [], jquery)).toBe(true);
    expect(afterUnreachableScript(missing('$'), [], [unreachable('https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js')])).toBe(true);
    expect(afterUnreachableScript(missing('_'), [], [unreachable('https://cdn.jsdelivr.net/npm/lodash@4.17.21/lodash.min.js')])).toBe(true);
    expect(afterUnreachableScript(missing('_'), [], [unreachable('https://cdnjs.cloudflare.com/ajax/libs/underscore.js/1.13.6/underscore-min.js')])).toBe(true);
    // Another library's script that got no answer says nothing of $ or _.
    expect(afterUnreachableScript(missing('$'), [], [unreachable('https://cdn.jsdelivr.net/npm/lodash@4.17.21/lodash.min.js')])).toBe(false);
    expect(afterUnreachableScript(missing('_'), [], jquery)).toBe(false);
  });

  it('is named too by a call through the window to the function the script would have put there', () => {
    const called = (path: string): PageErrorRecord => ({ message: `${path} is not a function`, party: 'site', cause: 'action' });
    const tag = [unreachable('https://www.googletagmanager.com/gtag/js?id=G-ABC123')];
    expect(afterUnreachableScript(called('window.gtag'), [], tag)).toBe(true);
    // The shop's own function, and a method of something that is there, are the shop's.
    expect(afterUnreachableScript(called('window.saveForLater'), [], tag)).toBe(false);
    expect(afterUnreachableScript(called('items.map'), [], tag)).toBe(false);
  });

  it("is the shop's own when the script that got no answer is another vendor's", () => {
    expect(afterUnreachableScript(missing('OneTrust'), [], [unreachable('https://connect.facebook.net/en_US/fbevents.js')])).toBe(false);
    expect(afterUnreachableScript(missing('addToBag'), [], [unreachable('https://cdn.cookielaw.org/scripttemplates/otSDKStub.js')])).toBe(false);
  });
});
