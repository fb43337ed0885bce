/**
 * What a phone's screen draws of a page, for the rules that judge sizes: the size text must have, and the scale a
 * phone shows a page at. Kept apart from the page snapshot (which runs in the browser), so the commands that load
 * the rules without a browser load none of it.
 */
import type { PageSnapshot } from '../../artifacts/page.js';

/** Text at or above this size counts as legible on a phone (Lighthouse's font-size audit). */
export const LEGIBLE_FONT_PX = 12;

/** The least a phone zooms a page out to show it whole, unless its viewport tag sets its own minimum-scale (Chromium's 25%). */
const LEAST_SCALE = 0.25;

/**
 * How a phone shows the page at first: a page laid out at its own width (no viewport tag, width=1024, or a page
 * wider than device-width) without an initial-scale is zoomed out to show its whole width on the screen, down to
 * 25%, so its 16 px text is drawn at 5.5 px on a 1200 px page; an initial-scale is kept as the page gives it. 1 on a
 * laptop, whose browser lays the page out at its window's width. `screen`: the width of the device's screen.
 */
export function shownScale(page: Pick<PageSnapshot, 'viewport' | 'viewportMeta' | 'scrollWidth'>, screen: number, mobile: boolean): number {
  if (!mobile) return 1;
  const setting = (name: string) => {
    const value = new RegExp(`(?:^|[,;\\s])${name}\\s*=\\s*([\\d.]+)`, 'i').exec(page.viewportMeta ?? '')?.[1];
    return value !== undefined && Number.isFinite(parseFloat(value)) && parseFloat(value) > 0 ? parseFloat(value) : null;
  };
  const initial = setting('initial-scale');
  if (initial !== null) return Math.min(1, initial);
  return Math.min(1, Math.max(setting('minimum-scale') ?? LEAST_SCALE, screen / Math.max(page.viewport.width, page.scrollWidth, 1)));
}
