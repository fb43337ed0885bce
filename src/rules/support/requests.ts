/** Requests as the rules and the judge read them: which failed, and their address in short. */
import type { RequestRecord } from '../../artifacts/types.js';

/** Requests that got an error status or no answer (a request the page itself cancelled is not a failure). */
export function failed<T extends RequestRecord>(requests: readonly T[]): T[] {
  return requests.filter((r) => (r.status !== null && r.status >= 400) || (r.failure !== null && !r.failure.includes('ERR_ABORTED')));
}

export function shortUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`.slice(0, 120);
}
