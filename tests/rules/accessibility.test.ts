/**
 * The accessibility rule on hand-built artifacts: one finding per axe-core violation, its severity from axe's
 * impact, and evidence that names the elements. The probe that records these is tested in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import accessibility from '../../src/rules/accessibility.js';
import type { AccessibilityResult, AxeViolation } from '../../src/artifacts/types.js';
import type { JudgedStep } from '../../src/rules/types.js';
import { judgedStep } from '../helpers/artifacts.js';

function artifactsWith(accessibility: AccessibilityResult | null): JudgedStep {
  return judgedStep({ accessibility });
}

const node = (name: string, y: number, summary = `Fix ${name}`) => ({
  element: `button "${name}"`,
  selector: `#${name.toLowerCase()}`,
  html: `<button id="${name.toLowerCase()}"></button>`,
  box: { x: 0, y, width: 16, height: 16 },
  summary,
});

const violation = (id: string, impact: AxeViolation['impact'], nodes = [node('Apply', 10)]): AxeViolation => ({
  id,
  impact,
  help: `Help for ${id}`,
  helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${id}`,
  nodes,
});

const detect = (...violations: AxeViolation[]) =>
  accessibility.detect(artifactsWith({ url: 'https://shop.test/basket', engine: 'axe-core 4.14.1', violations }));

describe('accessibility', () => {
  it('is an accessibility rule, deterministic, medium by default', () => {
    expect(accessibility).toMatchObject({ area: 'accessibility', class: 'deterministic', severity: 'medium' });
    expect(accessibility.source).toContain('axe-core (Deque)');
  });

  it('takes severity from impact: critical high, serious medium, moderate, minor and none low', () => {
    const hits = detect(
      violation('button-name', 'critical'),
      violation('color-contrast', 'serious'),
      violation('color-contrast-enhanced', 'moderate'),
      violation('region', 'minor'),
      violation('custom', null),
    );
    expect(hits.map((hit) => hit.severity ?? accessibility.severity)).toEqual(['high', 'medium', 'low', 'low', 'low']);
  });

  it("leaves target size and zoom to cx-shop's own rules, so one problem is not counted twice", () => {
    const hits = detect(violation('target-size', 'serious'), violation('meta-viewport', 'moderate'), violation('label', 'critical'));
    expect(hits.map((hit) => hit.evidence.axeRule)).toEqual(['label']);
  });

  it('names the count, the help and the rule, with the first element and all elements as evidence', () => {
    const nodes = [node('Fewer', 130), node('More', 130), node('Remove', 170)];
    const [hit, ...rest] = detect(violation('button-name', 'serious', nodes));
    expect(rest).toEqual([]);
    expect(hit!.message).toBe('3 elements: Help for button-name (button-name)');
    expect(hit!.evidence).toEqual({
      element: 'button "Fewer"',
      box: { x: 0, y: 130, width: 16, height: 16 },
      selector: '#fewer',
      measured: '3 elements fail button-name',
      threshold: 'no violations of this axe-core rule',
      helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/button-name',
      axeRule: 'button-name',
      items: nodes.map(({ element, selector, box, summary }) => ({ element, selector, box, summary })),
      screenshot: 'scenarios/01-basket/01-open-the-basket.png',
    });
  });

  it('says one element in the singular', () => {
    const [hit] = detect(violation('label', 'critical'));
    expect(hit!.message).toBe('1 element: Help for label (label)');
    expect(hit!.evidence.measured).toBe('1 element fails label');
  });

  it('counts the elements the probe left out', () => {
    const nodes = [node('First', 10), node('Last', 20, 'Fix it\n(5 more elements not listed)')];
    const [hit] = detect(violation('image-alt', 'critical', nodes));
    expect(hit!.message).toBe('7 elements: Help for image-alt (image-alt)');
    expect(hit!.evidence.items).toHaveLength(2);
  });

  it('finds nothing when the page state was not checked or has no violations', () => {
    expect(accessibility.detect(artifactsWith(null))).toEqual([]);
    expect(detect()).toEqual([]);
  });
});
