import { shownScale } from './support/screen-scale.js';
import { defineRule } from './types.js';

/**
 * How wide a part of the page the screen shows at once, in the page's CSS pixels: the viewport, or on a phone that
 * shows the page zoomed out (laid out 980 px wide or wider, see shownScale) the screen's width at that scale.
 */
export function shownWidth(page: Parameters<typeof shownScale>[0], screen: number, mobile: boolean): number {
  const scale = shownScale(page, screen, mobile);
  return scale < 1 ? Math.max(page.viewport.width, Math.floor(screen / scale)) : page.viewport.width;
}

export default defineRule({
  title: 'The page scrolls sideways',
  area: 'mobile',
  severity: 'high',
  threshold: 'the document is wider than what the screen shows of it: the viewport, or the whole width a phone zooms a page out to (a page shown whole, however small, scrolls nowhere sideways: viewport-not-mobile and small-text judge it)',
  source: 'WCAG 1.4.10 Reflow; Lighthouse content-width audit',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState, viewport, mobile }) {
    if (!page || !newPageState) return [];
    const width = shownWidth(page, viewport.width, mobile);
    if (page.scrollWidth <= width + 1) return [];
    const [widest] = page.overflowing;
    const screen = width > page.viewport.width ? `the ${width} px a phone shows of it zoomed out` : `a ${width} px screen`;
    return [
      {
        message: `The page is ${page.scrollWidth} px wide on ${screen}${widest ? `; ${widest.element} sticks out` : ''}`,
        evidence: {
          url: page.url,
          element: widest?.element,
          selector: widest?.selector,
          box: widest?.box ?? null,
          measured: `${page.scrollWidth} px wide`,
          threshold: width > page.viewport.width ? `${width} px (the screen, zoomed out)` : `${page.viewport.width} px (the viewport)`,
          items: page.overflowing.map((e) => ({ element: e.element, selector: e.selector, box: e.box, measured: `right edge at ${Math.round(e.box.x + e.box.width)} px` })),
        },
      },
    ];
  },
});
