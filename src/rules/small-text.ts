import type { PageSnapshot } from '../probes/page-snapshot.js';
import { LEGIBLE_FONT_PX, shownScale } from './support/screen-scale.js';
import { defineRule } from './types.js';

/** Lighthouse fails a page when less than 60% of its text is at 12 px or more. */
const LEGIBLE_SHARE = 0.6;
/** A page with almost no text (a splash, an image gallery) says nothing about legibility. */
const MIN_CHARS = 50;

/** Whether too little of the page's text is legible: the page the customer has to zoom into to read. */
export function textTooSmall(page: Pick<PageSnapshot, 'text'>): boolean {
  return page.text.chars >= MIN_CHARS && page.text.legibleChars / page.text.chars < LEGIBLE_SHARE;
}

export default defineRule({
  title: 'Text too small to read on a phone',
  area: 'mobile',
  severity: 'medium',
  threshold: `less than ${LEGIBLE_SHARE * 100}% of the text at ${LEGIBLE_FONT_PX} px or more as the screen draws it (on a page the phone shows zoomed out, its size times the page's scale: 16 px text on a 1200 px page without a viewport tag is drawn at 5.5 px), text the customer sees: not what is folded away in a panel of no height, an accordion's (or an accordion component's) until it opens, nor a menu drawer slid off the screen until it opens`,
  source: 'Lighthouse font-size audit',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState, mobile, viewport }) {
    if (!page || !newPageState || !mobile || !textTooSmall(page)) return [];
    const share = page.text.legibleChars / page.text.chars;
    const percent = `${Math.round(share * 100)}%`;
    const [sample] = page.text.smallSamples;
    // A page the phone shows zoomed out draws its text smaller than its styles say (see shownScale).
    const scale = shownScale(page, viewport.width, mobile);
    const zoomedOut = scale < 0.995 ? ` as the phone draws it, the page shown at ${Math.round(scale * 100)}%` : '';
    const size = (px: number) => (zoomedOut ? `${px} px, drawn at ${Math.round(px * scale * 10) / 10} px` : `${px} px`);
    return [
      {
        // The sample is named as its item is, so that a later state of the page, reported for its new small text
        // alone (a toast's), quotes that text rather than the first page's.
        message: `Only ${percent} of the text is ${LEGIBLE_FONT_PX} px or larger${zoomedOut}${sample ? `; text "${sample.text}" is ${size(sample.px)}` : ''}`,
        evidence: {
          url: page.url,
          element: sample ? `text "${sample.text}"` : undefined,
          selector: sample?.selector,
          measured: `${percent} of ${page.text.chars} characters legible`,
          threshold: `${LEGIBLE_SHARE * 100}% at ${LEGIBLE_FONT_PX} px or more`,
          items: page.text.smallSamples.map((s) => ({ element: `text "${s.text}"`, selector: s.selector, measured: size(s.px) })),
        },
      },
    ];
  },
});
