import { parseViewportMeta } from './support/viewport-meta.js';
import { defineRule } from './types.js';

/**
 * Why a phone would not lay the page out at its own width, or none. A phone browser lays a page out at the device's
 * width when its viewport tag asks for width=device-width, or, with no width, for an initial-scale (Chromium and
 * Safari fit the layout to the screen at that zoom; Lighthouse's viewport audit passes either). A fixed width
 * (width=1024) is a desktop page shrunk onto the phone however it is zoomed, and a tag with neither, or none at all,
 * leaves the phone's 980 px desktop default.
 */
function notBuiltForPhones(values: Map<string, string> | null): string | null {
  if (values === null) return 'has no viewport meta tag, so a phone shows it as a shrunken desktop page';
  const width = values.get('width');
  // A scale that is no number (initial-scale=auto) is ignored by the browser, as if the tag did not give one.
  const given = values.get('initial-scale');
  const initialScale = given !== undefined && given !== '' && Number.isFinite(Number(given)) ? given : undefined;
  if (width !== undefined && width !== 'device-width') return `sets width=${width || '(empty)'} instead of device-width`;
  if (width === undefined && initialScale === undefined) return 'sets neither width=device-width nor an initial-scale, so a phone shows it as a shrunken desktop page';
  if (initialScale !== undefined && Number(initialScale) < 1) return `starts zoomed out (initial-scale=${initialScale})`;
  return null;
}

export default defineRule({
  title: 'Page not built for phones',
  area: 'mobile',
  severity: 'high',
  threshold: 'a viewport meta tag with width=device-width or an initial-scale, no fixed width, and an initial-scale (if any) of at least 1',
  source: 'Lighthouse viewport audit; MDN viewport meta tag',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState, mobile }) {
    if (!page || !newPageState || !mobile) return [];
    const meta = page.viewportMeta;
    const problem = notBuiltForPhones(meta === null ? null : parseViewportMeta(meta));
    if (!problem) return [];
    return [
      {
        message: `The page ${problem}`,
        evidence: { url: page.url, element: 'meta name="viewport"', text: meta ?? '(missing)', measured: meta ?? 'no viewport meta tag', threshold: 'width=device-width, initial-scale=1' },
      },
    ];
  },
});
