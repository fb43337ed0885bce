import type { ElementRef } from '../../probes/page-snapshot.js';
import type { Evidence } from '../../report/types.js';

/** How many elements a finding lists; the count says how many there were in all. */
export const MAX_ITEMS = 20;

export interface EvidenceItem {
  element: string;
  selector: string;
  text?: string;
  box: ElementRef['box'] | null;
  measured?: string;
  /** Characters the field held, for a field the customer has to fill again. */
  chars?: number;
}

/**
 * Evidence for a finding about several elements of one page: the first stands for the finding (element, box),
 * all of them (up to MAX_ITEMS) are listed in `items` so a developer can find each one.
 */
export function itemsEvidence(url: string, items: EvidenceItem[], rest: Partial<Evidence>): Evidence {
  const [first] = items;
  return {
    element: first?.element,
    selector: first?.selector,
    box: first?.box ?? null,
    url,
    count: items.length,
    items: items.slice(0, MAX_ITEMS),
    ...rest,
  };
}

/**
 * Query parameters a shop changes on every load or visit: session ids, cache-busters (jQuery's `cache: false` adds
 * `_=` and a timestamp), timestamps, asset versions, random nonces.
 */
const VOLATILE_PARAMS = /^(?:_|_t|_ts|_v|sid|session|sessionid|session_id|jsessionid|phpsessid|cb|cachebust|cachebuster|nocache|ts|timestamp|v|ver|version|rnd|rand|random|nonce|token|csrf)$/i;

/** A value no person chose: a long number (a timestamp), a long hex run or a UUID (a session). */
const VOLATILE_VALUE = /^(?:\d{6,}|[0-9a-f]{12,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * An address as the same shop gives it on every load: its path and the query parameters that choose what is asked
 * for, without session ids, cache-busters and timestamps, the fragment, or the host (the same shop on staging is the
 * same address). Text that is no address comes back as it is.
 */
export function stableAddress(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  const kept = [...url.searchParams].filter(([name, value]) => !VOLATILE_PARAMS.test(name) && !VOLATILE_VALUE.test(value)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  return `${url.pathname.replace(/;jsessionid=[^/]*/i, '')}${query ? `?${query}` : ''}`;
}

/** The address an item's measured value starts with (a link's `href: HTTP 404`, an image's `src (HTTP 404)`), if it does. */
export function itemAddress(item: { measured?: string }): string | null {
  const first = /^\S+/.exec(item.measured ?? '')?.[0]?.replace(/:$/, '');
  return first && /^[a-z][a-z0-9+.-]*:\/\/./i.test(first) ? first : null;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The verb that agrees with a count: `agrees(1, 'has', 'have')` is "has". */
export function agrees(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
