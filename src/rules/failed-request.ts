import type { Severity } from '../report/types.js';
import type { RequestRecord } from '../artifacts/types.js';
import { isErrorMessage } from './error-message.js';
import { saysWentWell } from './support/message-words.js';
import { stableAddress } from './support/items.js';
import { failed, shortUrl, unseenByCustomer } from './support/requests.js';
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

/**
 * Statuses with which a site refuses what the customer sent, rather than failing: input it cannot take (400, 422),
 * a wrong password (401), a declined card (402), not allowed (403), nothing by that number (404, 410), already there
 * (409). Not a timeout (408), too many requests (429) or a server error (5xx): those are the service failing.
 */
const REFUSALS = new Set([400, 401, 402, 403, 404, 409, 410, 422]);

/**
 * A call of the page's own code that the site refused, in a step where the page told the customer why (an error
 * message came with it, or an alert or a status that says anything but that all went well: "SPRING24 ended on
 * 31 May"): the site answered them, and the message rules judge what it said. A refusal the page shows nothing for,
 * or a success for, still loses what the customer did.
 */
function refusalShown(r: RequestRecord, shownError: boolean): boolean {
  return shownError && (r.resourceType === 'fetch' || r.resourceType === 'xhr') && r.status !== null && REFUSALS.has(r.status);
}

/** A network error that says no server answered at all. */
const NOT_THERE = /ERR_(?:CONNECTION_REFUSED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|UNSAFE_PORT|CONNECTION_FAILED)/;

/** An answer that began well and broke off (the connection dropped part-way through the page): its status is not what failed. */
function cutOff(r: RequestRecord): boolean {
  return r.status !== null && r.status < 400 && r.failure !== null;
}

function answered(r: RequestRecord): string {
  if (cutOff(r)) return `was cut off after HTTP ${r.status} (${r.failure})`;
  return r.status !== null ? `answered HTTP ${r.status}` : `failed (${r.failure})`;
}

export default defineRule({
  title: 'A request failed',
  area: 'errors',
  severity: 'high',
  threshold:
    "a request of the site started by the customer's action answers HTTP 4xx/5xx, not at all or only in part (cut off after its status), once per address in a step (its parameters that change on every load, a cache-buster's `_`, a session id, a timestamp, make no other address); page, fetch and XHR: High; scripts, styles, fonts: Medium; other: Low (images: see broken-image; a GET answered 401, not signed in, is an answer; a fetch or XHR the site refuses (400, 401, 402, 403, 404, 409, 410, 422) while the page shows the customer an error message, or an alert or a status that does not say all went well (\"SPRING24 ended on 31 May\"), is an answer, which the message rules judge; beacons, prefetches, background and third-party requests are environment; failures cx-shop injects on purpose are never counted, nor a page no server answered at all, refused or no such host, where the step could not go on: the site is not there, the step's error says so and the run ends with exit 3)",
  source: 'cx-shop convention: a failed page or fetch loses what the customer did; a failed image, script or style loses part of the page',
  class: 'deterministic',
  detect(artifacts) {
    const shownError = artifacts.appeared.some(
      (message) => isErrorMessage(message) || ((message.kind === 'alert' || message.kind === 'status') && !saysWentWell(message.text)),
    );
    // Only what the customer's own action asked of the site: background calls, beacons, third parties and
    // cx-shop's own requests are never the site failing the customer (third parties are reported as environment).
    return failed(artifacts.requests)
      .filter((r) => r.party === 'site' && r.cause === 'action' && !unseenByCustomer(r))
      // A failure cx-shop injected on purpose is not the site's: the resilience rules judge how the site took it.
      .filter((r) => r.injected === undefined)
      // Browsers ask for a favicon on their own; a missing one is not something the customer asked for.
      .filter((r) => !new URL(r.url).pathname.endsWith('/favicon.ico'))
      // A question answered 401 is the site learning the customer has not signed in (a guest's "who am I" as a page
      // starts), not a failure; a change they asked for and were refused (a POST answered 401) still is.
      .filter((r) => !(r.status === 401 && (r.method === 'GET' || r.method === 'HEAD')))
      .filter((r) => !refusalShown(r, shownError))
      // A picture that fails is judged where the customer sees it, by broken-image, once per scenario.
      .filter((r) => r.resourceType !== 'image')
      // A page no server answered at all (refused, no such host, unreachable), where the step could not go on: the
      // site is not there to judge, and the step's error says so (the run ends with exit 3), not a finding of it.
      .filter((r) => !(artifacts.outcome.status === 'error' && r.resourceType === 'document' && r.status === null && NOT_THERE.test(r.failure ?? '')))
      // The same address failing again in the step is the same loss to the customer: Chromium asks once more by
      // itself for a page whose server sent nothing (ERR_EMPTY_RESPONSE), and a page may retry a call on its own, each
      // try with a cache-buster or timestamp of its own (jQuery's `cache: false` adds `?_=` and the time).
      .filter((r, i, all) => all.findIndex((other) => other.method === r.method && stableAddress(other.url) === stableAddress(r.url)) === i)
      .map((r) => ({
        severity: SEVERITY_BY_TYPE[r.resourceType] ?? 'low',
        message: `${r.method} ${shortUrl(r.url)} ${answered(r)}`,
        evidence: {
          url: r.url,
          method: r.method,
          measured: cutOff(r) ? `${r.failure} after HTTP ${r.status}` : r.status !== null ? `HTTP ${r.status}` : String(r.failure),
          threshold: cutOff(r) ? 'the whole answer, with HTTP status below 400' : 'HTTP status below 400',
          resourceType: r.resourceType,
          screenshot: artifacts.screenshot?.path ?? null,
        },
      }));
  },
});
