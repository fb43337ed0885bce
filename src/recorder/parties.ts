/**
 * Whose a request is. The site is its registrable domain (shop.example.co.uk covers www., cdn. and api.); an
 * address on any other domain is a third party's. Telemetry (beacons, analytics calls) is never something the
 * customer waits for or loses, wherever it goes.
 */
import { parse } from 'tldts';
import type { RequestRecord } from '../artifacts/types.js';

/** The site an address belongs to: its registrable domain, or its host name for an IP address or localhost. */
export function siteOf(url: string): string {
  try {
    const parsed = parse(url);
    return parsed.domain ?? parsed.hostname ?? '';
  } catch {
    return '';
  }
}

export function partyOf(url: string, sites: readonly string[]): 'site' | 'third-party' {
  if (!/^https?:/i.test(url)) return 'site';
  const site = siteOf(url);
  return site !== '' && sites.includes(site) ? 'site' : 'third-party';
}

/**
 * Path segments analytics and monitoring services post to, on their own hosts or proxied through the site's
 * (Plausible's /api/event, Vercel's /_vercel/insights and speed-insights/vitals, Matomo's matomo.php, Shopify's
 * /.well-known/shopify/monorail/…, the /monitoring tunnel Sentry's Next.js set-up proposes, a shop's own /_events),
 * and whole paths they end in (Snowplow's /com.snowplowanalytics.snowplow/tp2, Amplitude's /2/httpapi, Umami's
 * /api/send, Segment's /v1/t, /v1/p, /v1/i, /v1/g, /v1/a and /v1/m).
 */
const TELEMETRY_PATH =
  /\/(collect|beacon|beacons|telemetry|analytics|rum|pixel|ingest|track|tracking|metrics|log|logs|envelope|insights|speed-insights|vitals|pageviews?|matomo|piwik|monorail|monitoring|_events|com\.snowplowanalytics\.snowplow)(\/|$|\?|\.)|\/(api\/event|api\/send|2\/httpapi|v1\/[tpigam])\/?$/i;

/** What the browser sends of itself when the page breaks its security policy: a report, of the page to its owner. */
const REPORT_TYPES = /^application\/(csp-report|reports\+json|expect-ct-report\+json)\b/i;

/** Whether a request is telemetry; `contentType` is the request's own (a browser's report says what it is there). */
export function isTelemetry(url: string, resourceType: string, contentType = ''): boolean {
  if (resourceType === 'ping' || resourceType === 'cspreport' || REPORT_TYPES.test(contentType)) return true;
  if (resourceType === 'document') return false;
  try {
    return TELEMETRY_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/**
 * A request sent ahead of a tap that may come: the browser's prefetch (`<link rel="prefetch">`, speculation rules:
 * `Sec-Purpose: prefetch`, or the older `Purpose`) or a router's prefetch of the next page's data (Next.js marks it
 * `Next-Router-Prefetch: 1`). Nothing the customer waits for or sees fail.
 */
export function isPrefetch(headers: Record<string, string>): boolean {
  const purpose = headers['sec-purpose'] ?? headers['purpose'] ?? '';
  return /\bprefetch\b/i.test(purpose) || headers['next-router-prefetch'] === '1';
}

/** A beacon, telemetry or a prefetch: a request of the site the customer neither waits for nor sees fail. */
export function unseenByCustomer(request: Pick<RequestRecord, 'telemetry' | 'prefetch'>): boolean {
  return request.telemetry || request.prefetch === true;
}

/** Pages the customer never sees as the site's: the empty tab, browser error pages, inline documents. */
export function isSitePage(url: string): boolean {
  return /^https?:/i.test(url);
}

/**
 * The name cx-shop's own scripts in the page go by (its recorder and its speed probes, see install.ts), so that an
 * error thrown in them is told from the site's.
 */
export const IN_PAGE_SCRIPT = 'cx-shop-in-page.js';

/**
 * One of cx-shop's scripts as it is put in a document: named IN_PAGE_SCRIPT, inside a closure that holds the browser's
 * own collections and Element, so that a page's global of its own of the same name (an old collections library's Set,
 * a framework's Element that wraps the DOM) is not what cx-shop's code uses. Put in every document before the page's
 * own scripts, it takes them from the window; put in later (axe-core), from those the page helpers kept (see
 * PageLib.natives).
 */
export function inPageScript(body: string, natives: 'window' | 'kept' = 'window'): string {
  const from = natives === 'window' ? 'window' : 'window.__cxShopLib?.natives ?? window';
  return `((n) => ((Map, Set, WeakMap, WeakSet, Element) => {\n${body}\n})(n.Map, n.Set, n.WeakMap, n.WeakSet, n.Element))(${from});\n//# sourceURL=${IN_PAGE_SCRIPT}`;
}

/** A place in a script: its address (or name), line and column (from 1). */
interface Place {
  url: string;
  line: number;
  column: number;
}

/** The places a stack names, innermost first: each frame that has an address (or a script name). */
function framesOf(stack: string): Place[] {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .flatMap((line) => {
      const place = /\(?((?:[a-z][a-z0-9+.-]*:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/i.exec(line.trim());
      return place ? [{ url: place[1]!, line: Number(place[2]), column: Number(place[3]) }] : [];
    });
}

/**
 * Whose code threw, from an error's stack: the first frame with an address says whose script it is; a stack whose
 * every frame is cx-shop's own in-page script is cx-shop's (its recorder failing on an unusual page), never the
 * site's. One that passes through cx-shop's code on its way from the site's (a page calling `fetch` wrongly, through
 * cx-shop's watch on it) is the site's. Null when the stack names no address (a value thrown that is no Error).
 */
export function thrownBy(stack: string, sites: readonly string[]): 'site' | 'third-party' | 'cx-shop' | null {
  const frames = framesOf(stack).map((frame) => frame.url);
  const theirs = frames.filter((frame) => frame !== IN_PAGE_SCRIPT);
  if (frames.length > 0 && theirs.length === 0) return 'cx-shop';
  const from = theirs.find((frame) => /^https?:\/\//i.test(frame));
  return from === undefined ? null : partyOf(from, sites);
}

/** A property read on nothing: "Cannot read properties of undefined (reading 'maps')", its property. */
const READ_ON_NOTHING = /^Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)$/;

/** Where the innermost frame of a stack that has a web address threw. */
export function placeThrown(stack: string): Place | null {
  return framesOf(stack).find((frame) => /^https?:\/\//i.test(frame.url)) ?? null;
}

/**
 * The global whose property a failing read asked for, from the code where it threw: `window.google.maps.Map` read
 * when google is not there says "Cannot read properties of undefined (reading 'maps')", naming no global; the code
 * at that place (Chromium puts the column on the property) says it was google. Only a global read through the window
 * (`window.X`, `self.X`, `globalThis.X`): anything else is the page's own value. Null when it cannot tell.
 */
export function globalReadOnNothing(message: string, source: string, line: number, column: number): string | null {
  const property = READ_ON_NOTHING.exec(message)?.[1];
  const text = source.split('\n')[line - 1];
  if (property === undefined || text === undefined) return null;
  const at = column - 1;
  if (text.slice(at, at + property.length) !== property) return null;
  return /(?:^|[^\w$.])(?:window|self|globalThis)\s*\.\s*([\w$]+)\s*\.\s*$/.exec(text.slice(0, at))?.[1] ?? null;
}

/** Whether an error is a property read on nothing, whose global globalReadOnNothing may find. */
export function readOnNothing(message: string): boolean {
  return READ_ON_NOTHING.test(message);
}
