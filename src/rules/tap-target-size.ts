import type { PageSnapshot } from '../probes/page-snapshot.js';
import { shownScale } from './support/screen-scale.js';
import type { Box } from '../artifacts/types.js';
import { itemsEvidence, plural } from './support/items.js';
import { defineRule, type RuleHit } from './types.js';

/** WCAG 2.5.8 (AA) minimum, and the 44 pt Apple recommends for fingers (WCAG 2.5.5, AAA). */
const MINIMUM = 24;
const COMFORTABLE = 44;

type Target = PageSnapshot['targets'][number];

const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** Distance from a point to the nearest point of a box (0 inside it). */
function distanceToBox(p: { x: number; y: number }, box: Box): number {
  const dx = Math.max(box.x - p.x, 0, p.x - (box.x + box.width));
  const dy = Math.max(box.y - p.y, 0, p.y - (box.y + box.height));
  return Math.hypot(dx, dy);
}

const undersized = (t: Target) => t.box.width < MINIMUM || t.box.height < MINIMUM;

/**
 * WCAG 2.5.8's spacing exception: a 24 px circle centred on an undersized target must not touch another
 * target, nor the circle of another undersized target. A target held on the screen (a sticky header's bag icon) and
 * one in the page scrolling under it are next to each other only where the customer happened to stop scrolling: only
 * targets that move together are held against each other.
 */
export function hasSpacing(target: Target, all: readonly Target[]): boolean {
  const c = centre(target.box);
  return all.every((other) => {
    if (other === target || Boolean(other.pinned) !== Boolean(target.pinned)) return true;
    if (undersized(other)) return Math.hypot(centre(other.box).x - c.x, centre(other.box).y - c.y) >= MINIMUM;
    return distanceToBox(c, other.box) >= MINIMUM / 2;
  });
}

/**
 * A target's size in whole pixels, but to a tenth where rounding would reach the limit it is under (43.9 px wide is
 * not "44" when 44 is what it misses).
 */
const size = (t: Target, limit: number) => {
  const side = (px: number) => (px < limit && Math.round(px) >= limit ? Math.min(Math.round(px * 10) / 10, limit - 0.1).toFixed(1) : String(Math.round(px)));
  return `${side(t.box.width)}×${side(t.box.height)} px`;
};

export default defineRule({
  title: 'Tap targets too small',
  area: 'mobile',
  severity: 'high',
  threshold: `measured as the screen draws it (on a page a phone shows zoomed out, its size times the page's scale): under ${MINIMUM}×${MINIMUM} px without ${MINIMUM} px spacing (from targets that scroll with it: a sticky header's icons and the page's links under it are not held against each other): High; under ${COMFORTABLE}×${COMFORTABLE} px on touch: Low (advisory); a checkbox or radio is measured with its label when a tap on the label works it, a link laid over its whole card by a pseudo-element or an empty element of its own (a product card's title link, Tailwind UI's \`absolute inset-0\` span) as the card, and a link in a sentence (WCAG's inline exception) or a field or link parked off the page or clipped to a pixel for screen readers, or folded away in a panel of no height (an accordion's, max-height: 0, until it opens) is not measured`,
  source: 'WCAG 2.2 SC 2.5.8 Target Size (Minimum); WCAG 2.5.5 and Apple HIG 44 pt (advisory)',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState, touch, viewport, mobile }) {
    if (!page || !newPageState) return [];
    // Measured as the screen draws them: on a page a phone shows zoomed out (see shownScale), a 44 px button of its
    // styles is 15 px under the finger on a 1200 px page. The evidence keeps each one's place in the page.
    const scale = shownScale(page, viewport.width, mobile);
    const inPage = new Map<Target, Box>();
    const targets = page.targets
      .filter((t) => !t.inline && t.box.width > 0 && t.box.height > 0)
      .map((t) => {
        const shown = scale < 1 ? { ...t, box: { x: t.box.x * scale, y: t.box.y * scale, width: t.box.width * scale, height: t.box.height * scale } } : t;
        inPage.set(shown, t.box);
        return shown;
      });
    const zoomedOut = scale < 0.995 ? ` as the phone draws it (the page shown at ${Math.round(scale * 100)}%)` : '';
    const failing = targets.filter((t) => undersized(t) && !hasSpacing(t, targets));
    const hits: RuleHit[] = [];
    if (failing.length > 0) {
      hits.push({
        severity: 'high',
        message: `${plural(failing.length, 'target')} under ${MINIMUM}×${MINIMUM} px, too close to others to hit reliably: ${failing[0]!.element} is ${size(failing[0]!, MINIMUM)}${zoomedOut}`,
        evidence: itemsEvidence(
          page.url,
          failing.map((t) => ({ element: t.element, selector: t.selector, text: t.text, box: inPage.get(t)!, measured: size(t, MINIMUM) })),
          { measured: size(failing[0]!, MINIMUM), threshold: `${MINIMUM}×${MINIMUM} px, or ${MINIMUM} px spacing` },
        ),
      });
    }
    const small = touch
      ? targets.filter((t) => !failing.includes(t) && (t.box.width < COMFORTABLE || t.box.height < COMFORTABLE))
      : [];
    if (small.length > 0) {
      hits.push({
        severity: 'low',
        message: `${plural(small.length, 'target')} under the ${COMFORTABLE}×${COMFORTABLE} px a finger needs: ${small[0]!.element} is ${size(small[0]!, COMFORTABLE)}${zoomedOut}`,
        evidence: itemsEvidence(
          page.url,
          small.map((t) => ({ element: t.element, selector: t.selector, text: t.text, box: inPage.get(t)!, measured: size(t, COMFORTABLE) })),
          { measured: size(small[0]!, COMFORTABLE), threshold: `${COMFORTABLE}×${COMFORTABLE} px (advisory)` },
        ),
      });
    }
    return hits;
  },
});
