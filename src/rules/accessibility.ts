import { countElements } from '../probes/axe.js';
import type { AxeViolation } from '../artifacts/types.js';
import type { Severity } from '../report/types.js';
import { defineRule } from './types.js';

const SEVERITY: Record<NonNullable<AxeViolation['impact']>, Severity> = {
  critical: 'high',
  serious: 'medium',
  moderate: 'low',
  minor: 'low',
};

/**
 * axe-core rules that cx-shop's own rules already judge with more to say (the 44 px advisory, the zoom limit):
 * reporting both would count one problem twice. (target-size is no longer run, see AXE_NOT_RUN; artifacts saved by an
 * earlier cx-shop may still hold it.)
 */
const COVERED = new Set(['target-size', 'meta-viewport', 'meta-viewport-large']);

/** One finding per axe-core rule the page breaks, naming every element (up to the probe's cap) that breaks it. */
export default defineRule({
  title: 'Breaks an accessibility rule',
  area: 'accessibility',
  severity: 'medium',
  threshold: "no violations of axe-core's WCAG 2.2 A/AA and best-practice rules, per new page state (target size and zoom: see tap-target-size, zoom-disabled; a skip link before the page's links is passed as axe-core means to, where the page's first link is in a component's shadow root too)",
  source: 'axe-core (Deque), WCAG 2.2 A/AA and best practices; impact critical: High, serious: Medium, moderate/minor: Low',
  class: 'deterministic',
  scope: 'page',
  detect(artifacts) {
    if (artifacts.accessibilityFailure) throw new Error(artifacts.accessibilityFailure);
    const violations = (artifacts.accessibility?.violations ?? []).filter((v) => !COVERED.has(v.id));
    return violations.map((violation) => {
      const count = countElements(violation);
      const first = violation.nodes[0];
      const severity = violation.impact ? SEVERITY[violation.impact] : 'low';
      return {
        message: `${count} element${count === 1 ? '' : 's'}: ${violation.help} (${violation.id})`,
        ...(severity === 'medium' ? {} : { severity }),
        evidence: {
          element: first?.element,
          box: first?.box ?? null,
          selector: first?.selector,
          measured: `${count} element${count === 1 ? '' : 's'} fail${count === 1 ? 's' : ''} ${violation.id}`,
          threshold: 'no violations of this axe-core rule',
          helpUrl: violation.helpUrl,
          axeRule: violation.id,
          items: violation.nodes.map(({ element, selector, box, summary }) => ({ element, selector, box, summary })),
          screenshot: artifacts.screenshot?.path ?? null,
        },
      };
    });
  },
});
