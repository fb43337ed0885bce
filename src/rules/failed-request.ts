import type { Severity } from '../report/types.js';
import { failed, shortUrl } from './support/requests.js';
import { defineRule } from './types.js';

/** What the customer loses when a request fails: the page or their action (high), a part of the page (medium). */
const SEVERITY_BY_TYPE: Record<string, Severity> = {
  document: 'high',
  fetch: 'high',
  xhr: 'high',
  script: 'medium',
  stylesheet: 'medium',
  font: 'medium',
};

export default defineRule({
  title: 'A request failed',
  area: 'errors',
  severity: 'high',
  threshold:
    "a request of the site started by the customer's action answers HTTP 4xx/5xx or not at all; page, fetch and XHR: High; scripts, styles, fonts: Medium; other: Low (images: see broken-image; a GET answered 401, not signed in, is an answer; beacons, background and third-party requests are environment; failures cx-shop injects on purpose are never counted)",
  source: 'cx-shop convention: a failed page or fetch loses what the customer did; a failed image, script or style loses part of the page',
  class: 'deterministic',
  detect(artifacts) {
    // Only what the customer's own action asked of the site: background calls, beacons, third parties and
    // cx-shop's own requests are never the site failing the customer (third parties are reported as environment).
    return failed(artifacts.requests)
      .filter((r) => r.party === 'site' && r.cause === 'action' && !r.telemetry)
      // A failure cx-shop injected on purpose is not the site's: the resilience rules judge how the site took it.
      .filter((r) => r.injected === undefined)
      // Browsers ask for a favicon on their own; a missing one is not something the customer asked for.
      .filter((r) => !new URL(r.url).pathname.endsWith('/favicon.ico'))
      // A question answered 401 is the site learning the customer has not signed in (a guest's "who am I" as a page
      // starts), not a failure; a change they asked for and were refused (a POST answered 401) still is.
      .filter((r) => !(r.status === 401 && (r.method === 'GET' || r.method === 'HEAD')))
      // A picture that fails is judged where the customer sees it, by broken-image, once per scenario.
      .filter((r) => r.resourceType !== 'image')
      .map((r) => ({
        severity: SEVERITY_BY_TYPE[r.resourceType] ?? 'low',
        message: `${r.method} ${shortUrl(r.url)} ${r.status !== null ? `answered HTTP ${r.status}` : `failed (${r.failure})`}`,
        evidence: {
          url: r.url,
          measured: r.status !== null ? `HTTP ${r.status}` : String(r.failure),
          threshold: 'HTTP status below 400',
          resourceType: r.resourceType,
          screenshot: artifacts.screenshot?.path ?? null,
        },
      }));
  },
});
