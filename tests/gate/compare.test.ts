/** The gate against a baseline: regressions and improvements by identity, never by position. */
import { describe, expect, it } from 'vitest';
import { compareReports, effortChanged } from '../../src/gate/compare.js';
import { finding, report, scenario, step } from '../helpers/report.js';

const checkout = () =>
  scenario('Check out', [
    step('Open the cart', 5, [finding('tap-target-size', 'low', 'link "Cart"')]),
    step('Pay', 10, [finding('wrong-keyboard', 'medium', 'textbox "Card"')]),
  ]);
const promo = () => scenario('Promo', [step('Enter the code', 8)]);

describe('compareReports', () => {
  it('finds no difference between a report and itself', () => {
    const base = report([checkout(), promo()]);
    expect(compareReports(base, base)).toEqual({ regressions: [], improvements: [], added: [], missing: [] });
  });

  it('a new high finding is a regression, named with its scenario, step and rule; a new medium one only from --fail-on medium', () => {
    const base = report([checkout()]);
    const worse = checkout();
    worse.steps[1]!.findings.push(finding('form-cleared', 'high', 'form'), finding('vague-error', 'medium', 'p "Error"'));
    const now = report([worse]);
    expect(compareReports(base, now).regressions.map((r) => r.message)).toEqual(['"Check out", step "Pay": new high form-cleared: form-cleared on form']);
    expect(compareReports(base, now, 'medium').regressions.map((r) => r.rule)).toEqual(['form-cleared', 'vague-error']);
    // The other way round, both are gone: improvements, whatever --fail-on says.
    expect(compareReports(now, base).improvements.map((r) => r.rule).sort()).toEqual(['form-cleared', 'vague-error']);
  });

  it('two scenarios of one name in two files are each compared with their own baseline; a file moved still matches', () => {
    const both = (desktopEffort: number, mobileFile = 'scenarios/add-mobile.yaml') =>
      report([scenario('Add to cart', [step('Add', 4)], mobileFile), scenario('Add to cart', [step('Add', desktopEffort)], 'scenarios/add-desktop.yaml')]);
    expect(compareReports(both(9), both(9), 'low')).toEqual({ regressions: [], improvements: [], added: [], missing: [] });
    expect(compareReports(both(9), both(12), 'low').regressions.map((r) => r.message)).toEqual(['"Add to cart (scenarios/add-desktop.yaml)", step "Add": effort rose from 9.0 s to 12.0 s']);
    const moved = report([scenario('Check out', [step('Open the cart', 5), step('Pay', 10)], 'journeys/checkout.yaml')]);
    expect(compareReports(report([checkout()]), moved, 'low')).toMatchObject({ added: [], missing: [] });
  });

  it('a finding whose severity rose counts as new; one that fell does not', () => {
    const base = report([checkout()]);
    const raised = checkout();
    raised.steps[1]!.findings[0] = finding('wrong-keyboard', 'high', 'textbox "Card"');
    expect(compareReports(base, report([raised])).regressions.map((r) => r.kind)).toEqual(['new-finding']);
    expect(compareReports(report([raised]), base, 'low').regressions).toEqual([]);
  });

  it('reordered scenarios, an added step, and a page finding now first reported in another step: no regression', () => {
    const base = report([checkout(), promo()]);
    const moved = scenario('Check out', [
      step('Look at the offers', 3, [finding('tap-target-size', 'low', 'link "Cart"')]),
      step('Open the cart', 5),
      step('Pay', 10, [finding('wrong-keyboard', 'medium', 'textbox "Card"')]),
    ]);
    const result = compareReports(base, report([promo(), moved]), 'low');
    expect(result.regressions).toEqual([]);
    expect(result.improvements).toEqual([]);
  });

  it('effort: a rise of at least max(1.35 s, 5%) in a step is a regression, less is not; a fall is an improvement', () => {
    expect(effortChanged(10, 11.3)).toBe(false);
    expect(effortChanged(10, 11.35)).toBe(true);
    expect(effortChanged(40, 41.9)).toBe(false);
    expect(effortChanged(40, 42)).toBe(true);
    const base = report([checkout()]);
    const slower = checkout();
    slower.steps[1]!.effort = 12;
    const result = compareReports(base, report([slower]));
    expect(result.regressions).toMatchObject([{ kind: 'effort-up', scenario: 'Check out', step: 'Pay', before: 10, after: 12 }]);
    expect(compareReports(report([slower]), base).improvements).toMatchObject([{ kind: 'effort-down', step: 'Pay' }]);
  });

  it('a journey completed before and blocked now is a regression (its blocked step is not an effort change); the reverse an improvement', () => {
    const base = report([checkout()]);
    const blocked = scenario('Check out', [step('Open the cart', 5, [finding('tap-target-size', 'low', 'link "Cart"')]), step('Pay', 0, [finding('wrong-keyboard', 'medium', 'textbox "Card"')], 'blocked')]);
    const result = compareReports(base, report([blocked]));
    expect(result.regressions.map((r) => r.kind)).toEqual(['now-blocked']);
    expect(compareReports(report([blocked]), base).improvements.map((r) => r.kind)).toEqual(['now-completed']);
  });

  it('lists scenarios only one report has, without calling them regressions', () => {
    const result = compareReports(report([checkout()]), report([promo()]));
    expect(result).toEqual({ regressions: [], improvements: [], added: ['Promo'], missing: ['Check out'] });
  });
});

describe('timing through bands', () => {
  const withWait = (wait: number) => {
    const s = checkout();
    s.steps[1]!.wait = wait;
    return report([s]);
  };

  it('gates only when asked, and only when the median wait moves into another of Nielsen\'s bands (0.1 / 1 / 10 s)', () => {
    expect(compareReports(withWait(0.5), withWait(3)).regressions).toEqual([]);
    expect(compareReports(withWait(0.5), withWait(0.95), 'high', { timing: true }).regressions).toEqual([]);
    const slower = compareReports(withWait(0.5), withWait(1.5), 'high', { timing: true });
    expect(slower.regressions).toMatchObject([{ kind: 'slower', step: 'Pay', before: 0.5, after: 1.5 }]);
    expect(slower.regressions[0]!.message).toBe('"Check out", step "Pay": the wait went from 0.50 s, flow kept to 1.50 s, attention kept');
    expect(compareReports(withWait(12), withWait(2), 'high', { timing: true }).improvements.map((c) => c.kind)).toEqual(['faster']);
  });
});
