import { defineRule } from './types.js';

export default defineRule({
  title: 'The page scrolls sideways',
  area: 'mobile',
  severity: 'high',
  threshold: 'the document is wider than the viewport',
  source: 'WCAG 1.4.10 Reflow; Lighthouse content-width audit',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState }) {
    if (!page || !newPageState || page.scrollWidth <= page.viewport.width + 1) return [];
    const [widest] = page.overflowing;
    return [
      {
        message: `The page is ${page.scrollWidth} px wide on a ${page.viewport.width} px screen${widest ? `; ${widest.element} sticks out` : ''}`,
        evidence: {
          url: page.url,
          element: widest?.element,
          selector: widest?.selector,
          box: widest?.box ?? null,
          measured: `${page.scrollWidth} px wide`,
          threshold: `${page.viewport.width} px (the viewport)`,
          items: page.overflowing.map((e) => ({ element: e.element, selector: e.selector, box: e.box, measured: `right edge at ${Math.round(e.box.x + e.box.width)} px` })),
        },
      },
    ];
  },
});
