/**
 * Whose a request is, and which requests are telemetry (never something the customer waits for or loses): analytics
 * and monitoring calls on their own hosts or proxied through the site's own, but not the site's own data calls.
 */
import { describe, expect, it } from 'vitest';
import { globalReadOnNothing, IN_PAGE_SCRIPT, isPrefetch, isTelemetry, partyOf, placeThrown, siteOf, thrownBy, unseenByCustomer } from '../../src/recorder/parties.js';

describe('telemetry', () => {
  it.each([
    'https://www.google-analytics.com/g/collect?v=2',
    'https://o4504.ingest.sentry.io/api/4504/envelope/',
    'https://shop.example/api/event',
    'https://shop.example/_vercel/insights/view',
    'https://shop.example/_vercel/speed-insights/vitals',
    'https://shop.example/cdn-cgi/rum?',
    'https://stats.shop.example/matomo.php?idsite=1',
    'https://shop.example/telemetry/collect?e=view_item',
    'https://shop.example/.well-known/shopify/monorail/unstable/produce_batch',
    'https://shop.example/monitoring?o=4504&p=4504',
    'https://shop.example/_events',
    'https://shop.example/com.snowplowanalytics.snowplow/tp2',
    'https://shop.example/amp/2/httpapi',
    'https://shop.example/api/send',
    'https://shop.example/seg/v1/t',
    'https://shop.example/seg/v1/p',
  ])('%s is telemetry', (url) => {
    expect(isTelemetry(url, 'fetch')).toBe(true);
  });

  it("a report of the page's security policy is telemetry, as the browser sends it (Playwright calls its type other)", () => {
    expect(isTelemetry('https://shop.example/csp-report', 'other', 'application/csp-report')).toBe(true);
    expect(isTelemetry('https://shop.example/reports', 'other', 'application/reports+json')).toBe(true);
    expect(isTelemetry('https://shop.example/api/cart', 'fetch', 'application/json')).toBe(false);
  });

  it.each(['https://shop.example/api/cart', 'https://shop.example/api/sender/42', 'https://shop.example/v1/tickets', 'https://shop.example/api/events/42/tickets', 'https://shop.example/api/promo', 'https://shop.example/checkout/payment'])(
    '%s is the site answering the customer',
    (url) => {
      expect(isTelemetry(url, 'fetch')).toBe(false);
    },
  );

  it('a page is never telemetry, whatever its address; a ping always is', () => {
    expect(isTelemetry('https://shop.example/track/order', 'document')).toBe(false);
    expect(isTelemetry('https://shop.example/anything', 'ping')).toBe(true);
  });
});

describe('parties', () => {
  it('the site is its registrable domain: www., api. and cdn. are the same site; another domain is a third party', () => {
    const sites = [siteOf('https://www.fernhill.co.uk/')];
    expect(sites).toEqual(['fernhill.co.uk']);
    expect(partyOf('https://api.fernhill.co.uk/cart', sites)).toBe('site');
    expect(partyOf('https://cdn.fernhill.co.uk/app.js', sites)).toBe('site');
    expect(partyOf('https://widgets.reviews.example/w.js', sites)).toBe('third-party');
  });
});

describe('prefetches', () => {
  it('the browser prefetching for a link, or a router prefetching the next page, is a prefetch', () => {
    expect(isPrefetch({ 'sec-purpose': 'prefetch' })).toBe(true);
    expect(isPrefetch({ 'sec-purpose': 'prefetch;prerender' })).toBe(true);
    expect(isPrefetch({ purpose: 'prefetch' })).toBe(true);
    expect(isPrefetch({ rsc: '1', 'next-router-prefetch': '1' })).toBe(true);
  });

  it("the router's own fetch when the customer taps, and an ordinary call, are not", () => {
    expect(isPrefetch({ rsc: '1' })).toBe(false);
    expect(isPrefetch({ accept: 'application/json', 'next-router-prefetch': '0' })).toBe(false);
    expect(isPrefetch({})).toBe(false);
  });

  it("a prefetch, like telemetry, is a request the customer neither waits for nor sees fail; the site's own call is not", () => {
    expect(unseenByCustomer({ telemetry: false, prefetch: true })).toBe(true);
    expect(unseenByCustomer({ telemetry: true })).toBe(true);
    expect(unseenByCustomer({ telemetry: false })).toBe(false);
  });
});

describe('whose code threw', () => {
  // Stacks as Chromium gives them, cx-shop's own in-page script named as it names it.
  const sites = ['fernhill.co.uk'];
  const at = (frames: string[]) => ['TypeError: something went wrong', ...frames.map((frame) => `    at ${frame}`)].join('\n');

  it('an error with every frame in cx-shop\'s own in-page script is cx-shop\'s, never the site\'s', () => {
    expect(thrownBy(at([`pageBox (${IN_PAGE_SCRIPT}:2:153)`, `HTMLDocument.<anonymous> (${IN_PAGE_SCRIPT}:3:4012)`]), sites)).toBe('cx-shop');
  });

  it('one that passes through cx-shop\'s watch on its way from the site\'s code is the site\'s; from another domain, a third party\'s', () => {
    expect(thrownBy(at([`window.fetch (${IN_PAGE_SCRIPT}:2:153)`, 'HTMLButtonElement.onclick (https://www.fernhill.co.uk/signup:1:50)']), sites)).toBe('site');
    expect(thrownBy(at(['https://cdn.fernhill.co.uk/app.js:1:2', 'new Promise (<anonymous>)']), sites)).toBe('site');
    expect(thrownBy(at(['Object.track (https://cdn.segment.com/analytics.js:4:88)', `HTMLButtonElement.<anonymous> (${IN_PAGE_SCRIPT}:2:10)`]), sites)).toBe('third-party');
  });

  it('a stack that names no address says nothing of whose code it was', () => {
    expect(thrownBy('[object Object]', sites)).toBeNull();
    expect(thrownBy(at(['site (<anonymous>:1:18)']), sites)).toBeNull();
  });
});


describe('the global a read on nothing asked for, from the code where it threw', () => {
  const message = "Cannot read properties of undefined (reading 'maps')";
  /** The column Chromium gives: the property's, from 1. */
  const at = (line: string) => line.lastIndexOf('maps') + 1;
  it('is the one read through the window, at the column Chromium gives (the property)', () => {
    const line = '  const map = new window.google.maps.Map(el, { zoom: 12 });';
    expect(globalReadOnNothing(message, `const a = 1;\n${line}\n`, 2, at(line))).toBe('google');
    expect(globalReadOnNothing(message, 'x=self.google.maps', 1, at('x=self.google.maps'))).toBe('google');
  });
  it("is none for the page's own values, a deeper path, another column or another error", () => {
    for (const line of ['const m = settings.google.maps;', 'const m = window.shop.google.maps;']) expect(globalReadOnNothing(message, line, 1, at(line)), line).toBeNull();
    expect(globalReadOnNothing(message, 'const m = window.google.maps;', 1, at('const m = window.google.maps;') - 3)).toBeNull();
    expect(globalReadOnNothing('google is not defined', 'const m = window.google.maps;', 1, at('const m = window.google.maps;'))).toBeNull();
  });
  it('is found at the innermost frame with a web address', () => {
    const stack = `TypeError: ${message}\n    at HTMLButtonElement.<anonymous> (http://127.0.0.1:5000/rules/tag-offline.html:31:37)\n    at cx-shop-in-page.js:10:5`;
    expect(placeThrown(stack)).toEqual({ url: 'http://127.0.0.1:5000/rules/tag-offline.html', line: 31, column: 37 });
  });
});
