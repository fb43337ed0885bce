/**
 * From artifacts to a step's findings: a rule that throws becomes an error finding and the others still run;
 * the scenario's rule settings turn rules off or change their severity; a page problem is reported once.
 */
import { describe, expect, it } from 'vitest';
import { applyRules } from '../../src/rules/index.js';
import { defineRule } from '../../src/rules/types.js';
import { judge } from '../../src/runner/judge.js';
import { pageSnapshot as page, stepArtifacts } from '../helpers/artifacts.js';

const tiny = (id: string, x: number) => ({
  element: `button "${id}"`,
  selector: `#${id}`,
  text: id,
  box: { x, y: 100, width: 16, height: 16 },
  inline: false,
});

describe('applyRules', () => {
  it('turns a rule that throws into an error finding for that rule, and runs the others', () => {
    const registry = {
      broken: defineRule({
        title: 'Broken rule',
        area: 'errors',
        severity: 'high',
        threshold: '-',
        source: '-',
        class: 'deterministic',
        detect: () => {
          throw new Error('cannot read the page');
        },
      }),
      fine: defineRule({
        title: 'Fine rule',
        area: 'forms',
        severity: 'low',
        threshold: '-',
        source: '-',
        class: 'deterministic',
        detect: () => [{ message: 'found it', evidence: {} }],
      }),
    };
    const findings = applyRules(stepArtifacts(), registry);
    expect(findings.map((f) => [f.rule, f.severity, f.error ?? false, f.message])).toEqual([
      ['broken', 'low', true, 'cannot read the page'],
      ['fine', 'low', false, 'found it'],
    ]);
  });

  it('runs page rules only on a page state not judged before', () => {
    const artifacts = stepArtifacts({ page: page() });
    expect(applyRules(artifacts).map((f) => f.rule)).toContain('zoom-disabled');
    expect(applyRules({ ...artifacts, newPageState: false }).map((f) => f.rule)).not.toContain('zoom-disabled');
  });
});

describe('judge', () => {
  const artifacts = stepArtifacts({ page: page({ targets: [tiny('fewer', 10), tiny('more', 28)] }) });

  it("turns a rule off, or gives its findings the scenario's severity", () => {
    const off = judge(artifacts, { 'zoom-disabled': 'off' }, new Set());
    expect(off.map((f) => f.rule)).not.toContain('zoom-disabled');
    const raised = judge(artifacts, { 'zoom-disabled': 'high' }, new Set());
    expect(raised.find((f) => f.rule === 'zoom-disabled')?.severity).toBe('high');
  });

  it('reports a page problem once per scenario, and only the elements not reported before', () => {
    const reported = new Set<string>();
    const first = judge(artifacts, {}, reported).filter((f) => f.rule === 'tap-target-size' && f.severity === 'high');
    expect(first).toHaveLength(1);
    expect(first[0]!.evidence.count).toBe(2);

    const samePageAgain = judge({ ...artifacts, page: page({ signature: 'cart', targets: [tiny('fewer', 10), tiny('more', 28)] }) }, {}, reported);
    expect(samePageAgain.map((f) => f.rule)).not.toContain('tap-target-size');
    expect(samePageAgain.map((f) => f.rule)).not.toContain('zoom-disabled');

    const withNew = page({ signature: 'product', targets: [tiny('fewer', 10), tiny('more', 28), tiny('remove', 46)] });
    const [partial] = judge({ ...artifacts, page: withNew }, {}, reported).filter((f) => f.rule === 'tap-target-size' && f.severity === 'high');
    expect(partial!.evidence.element).toBe('button "remove"');
    expect(partial!.evidence.count).toBe(1);
    expect(partial!.message).toContain('1 not reported on an earlier page');
  });
});
