/** Requests as the rules and the judge read them: which failed, and their address in short. */
import type { PageErrorRecord, RequestRecord } from '../../artifacts/types.js';

/** Beacons, telemetry and prefetches: how the recorder tells them (see parties.ts), as the rules read it. */
export { unseenByCustomer } from '../../recorder/parties.js';

/** Requests that got an error status or no answer (a request the page itself cancelled is not a failure). */
export function failed<T extends RequestRecord>(requests: readonly T[]): T[] {
  return requests.filter((r) => (r.status !== null && r.status >= 400) || (r.failure !== null && !r.failure.includes('ERR_ABORTED')));
}

export function shortUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`.slice(0, 120);
}

/**
 * Failures the browser gives a request whose host did answer, with something it will not hand the page: a picture
 * answered with an HTML error page (a CDN's 404), blocked by Chromium's opaque-response blocking. The host is there.
 */
const ANSWERED_BUT_BLOCKED = /ERR_BLOCKED_BY_(?:ORB|RESPONSE)/;

/**
 * A third party's request that got no answer at all (offline, a firewall, a name that does not resolve): that says
 * where cx-shop runs, not how the site treats the customer (one cx-shop made fail on purpose is not counted here).
 */
export function unreachableThirdParty(r: RequestRecord): boolean {
  return r.party === 'third-party' && r.status === null && r.failure !== null && !ANSWERED_BUT_BLOCKED.test(r.failure) && r.injected === undefined;
}

/**
 * The name in an error that says something the code expected to be there is not: "Carousel is not defined", and a
 * call through the window to a function a script would have put there ("window.gtag is not a function": gtag). A
 * read on nothing names none: the recorder finds it in the code (see PageErrorRecord.reading).
 */
const MISSING_NAME = /^([\w$.]+) is not defined$|^(?:window|self|globalThis)\.([\w$]+) is not a function$/;

/** A third party's script that got no answer at all: a library the page asked for and never had. */
export function unreachableScript(r: RequestRecord): boolean {
  return r.resourceType === 'script' && unreachableThirdParty(r);
}

/**
 * Whether an error of the site's own code is the knock-on of a third party's script that got no answer at all
 * (offline, blocked by a firewall): the site's code calls the library it would have defined. That is where cx-shop
 * runs, listed as environment, not the site failing the customer. A script that failed in the step itself is enough;
 * one that failed earlier on the same page (as it loaded, before the customer acted), or one still unanswered, only for
 * the name its address bears: a name the shop's own code misses later on that page (a function it lost) is still the
 * shop's.
 */
export function afterUnreachableScript(error: PageErrorRecord, requests: readonly RequestRecord[], earlier: readonly RequestRecord[] = []): boolean {
  const found = MISSING_NAME.exec(error.message);
  const name = found?.[1] ?? found?.[2] ?? error.reading;
  if (name === undefined) return false;
  return requests.some(unreachableScript) || [...requests, ...earlier].some((r) => (unreachableScript(r) || unansweredScript(r)) && bearsName(r.url, name));
}

/** A third party's script still unanswered when the step ended: a tag manager that takes its time ("gtag is not defined"). */
export function unansweredScript(r: RequestRecord): boolean {
  return r.resourceType === 'script' && r.party === 'third-party' && r.status === null && r.failure === null && r.injected === undefined;
}

/**
 * Whether a script's address names the library: Carousel from carousel.min.js, Swiper from swiper-bundle.min.js,
 * google from maps.googleapis.com, grecaptcha from /recaptcha/api.js. Words of four letters or more, one within the
 * other.
 */
function bearsName(url: string, name: string): boolean {
  let address: string;
  try {
    const parsed = new URL(url);
    address = `${parsed.host} ${parsed.pathname}`;
  } catch {
    return false;
  }
  const wordsOf = (text: string) =>
    text
      .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
      .filter((w) => w.length >= 4 && !/^\d+$/.test(w))
      .map((w) => w.toLowerCase());
  const named = [...wordsOf(name), ...wordsOf(name.replace(/[^A-Za-z0-9]/g, '').toLowerCase())];
  const parts = wordsOf(address);
  if (named.some((word) => parts.some((part) => part.includes(word) || word.includes(part)))) return true;
  // A library whose name its address does not bear: its vendor's hosts.
  const global = name.split('.')[0]!;
  return VENDOR_GLOBALS.some(([names, host]) => names.test(global) && host.test(address));
}

/**
 * Names that well-known third parties' scripts define, and the hosts they are served from, where the address does not
 * bear the name: OneTrust's consent manager from cdn.cookielaw.org, Google's tag from googletagmanager.com, Meta's
 * pixel from connect.facebook.net, Adobe's tags from assets.adobedtm.com, Tealium's from tags.tiqcdn.com, Hotjar's;
 * and names too short for any address to bear them ($ from jquery-3.7.1.min.js).
 */
const VENDOR_GLOBALS: Array<[RegExp, RegExp]> = [
  [/^(?:OneTrust|Optanon|OptanonWrapper|OnetrustActiveGroups)$/, /cookielaw|onetrust/i],
  [/^(?:Cookiebot|CookieConsent)$/, /cookiebot/i],
  [/^(?:__tcfapi|__cmp)$/, /cookielaw|onetrust|cookiebot|didomi|privacy-center|usercentrics|quantcast|consensu|trustarc|sourcepoint|cmp/i],
  [/^(?:UC_UI|usercentrics)$/, /usercentrics/i],
  [/^(?:Didomi)$/, /didomi|privacy-center/i],
  [/^(?:gtag|dataLayer|google_tag_manager)$/, /googletagmanager|google-analytics|gtag/i],
  [/^(?:fbq|_fbq)$/, /facebook|fbcdn/i],
  [/^(?:_satellite)$/, /adobedtm|launch/i],
  [/^(?:utag|utag_data)$/, /tiqcdn|tealium/i],
  [/^(?:hj)$/, /hotjar/i],
  [/^(?:ttq)$/, /tiktok/i],
  // Libraries whose usual name is one sign: jQuery's $ (code.jquery.com, jquery.min.js on any CDN), Lodash's or
  // Underscore's _.
  [/^\$$/, /jquery/i],
  [/^_$/, /lodash|underscore/i],
];
