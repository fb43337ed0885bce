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
 * A third party's request that got no answer at all (offline, a firewall, a name that does not resolve): that says
 * where cx-shop runs, not how the site treats the customer (one cx-shop made fail on purpose is not counted here).
 */
export function unreachableThirdParty(r: RequestRecord): boolean {
  return r.party === 'third-party' && r.status === null && r.failure !== null && r.injected === undefined;
}

/** An error that names something the code expected to be there ("Carousel is not defined"). */
const MISSING_NAME = /^[\w$.]+ is not defined$/;

/**
 * Whether an error of the site's own code is the knock-on of a third party's script that got no answer at all in the
 * step (offline, blocked by a firewall): the site's code calls the library it would have defined. That is where
 * cx-shop runs, listed as environment, not the site failing the customer.
 */
export function afterUnreachableScript(error: PageErrorRecord, requests: readonly RequestRecord[]): boolean {
  return (
    MISSING_NAME.test(error.message) &&
    requests.some((r) => r.resourceType === 'script' && unreachableThirdParty(r))
  );
}
