import { parseViewportMeta } from './support/viewport-meta.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Page not built for phones',
  area: 'mobile',
  severity: 'high',
  threshold: 'a viewport meta tag with width=device-width and an initial-scale of at least 1',
  source: 'Lighthouse viewport audit; MDN viewport meta tag',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState, mobile }) {
    if (!page || !newPageState || !mobile) return [];
    const meta = page.viewportMeta;
    const values = meta === null ? null : parseViewportMeta(meta);
    const scale = values?.has('initial-scale') ? Number(values.get('initial-scale')) : 1;
    let problem: string | null = null;
    if (values === null) problem = 'has no viewport meta tag, so a phone shows it as a shrunken desktop page';
    else if (values.get('width') !== 'device-width') problem = `sets width=${values.get('width') ?? '(none)'} instead of device-width`;
    else if (scale < 1) problem = `starts zoomed out (initial-scale=${values.get('initial-scale')})`;
    if (!problem) return [];
    return [
      {
        message: `The page ${problem}`,
        evidence: { url: page.url, element: 'meta name="viewport"', text: meta ?? '(missing)', measured: meta ?? 'no viewport meta tag', threshold: 'width=device-width, initial-scale=1' },
      },
    ];
  },
});
