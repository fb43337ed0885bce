import { parseViewportMeta } from './support/viewport-meta.js';
import { defineRule } from './types.js';

/** A customer must be able to zoom to at least 500% (axe-core's meta-viewport-large). */
const MIN_MAX_SCALE = 5;

export default defineRule({
  title: 'Zooming is switched off',
  area: 'mobile',
  severity: 'medium',
  threshold: `on a phone or tablet, user-scalable=no, or maximum-scale below ${MIN_MAX_SCALE} (a laptop's browser zooms whatever the page says)`,
  source: 'axe-core meta-viewport and meta-viewport-large; WCAG 1.4.4 Resize Text',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState, mobile }) {
    // Desktop browsers leave the viewport tag alone: Ctrl and + zooms any page.
    if (!page?.viewportMeta || !newPageState || !mobile) return [];
    const values = parseViewportMeta(page.viewportMeta);
    const scalable = values.get('user-scalable');
    const maxScale = values.has('maximum-scale') ? Number(values.get('maximum-scale')) : Infinity;
    const locked = scalable === 'no' || scalable === '0';
    if (!locked && !(maxScale < MIN_MAX_SCALE)) return [];
    return [
      {
        message: locked ? 'The page stops customers from zooming in (user-scalable=no)' : `The page lets customers zoom only to ${maxScale * 100}%`,
        evidence: {
          url: page.url,
          element: 'meta name="viewport"',
          text: page.viewportMeta,
          measured: locked ? `user-scalable=${scalable}` : `maximum-scale=${values.get('maximum-scale')}`,
          threshold: `zoom allowed to at least ${MIN_MAX_SCALE * 100}%`,
        },
      },
    ];
  },
});
