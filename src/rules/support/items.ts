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

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The verb that agrees with a count: `agrees(1, 'has', 'have')` is "has". */
export function agrees(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
