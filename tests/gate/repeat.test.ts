/** Repeats: a deterministic figure that changes between repeats is named; waits (timing) become medians. */
import { describe, expect, it } from 'vitest';
import { unstableAcross, withMedianWaits } from '../../src/gate/repeat.js';
import { finding, report, scenario, step } from '../helpers/report.js';

const run = (effort: number, findings = [finding('dead-tap', 'high', 'button "Pay"')], wait = 0.1) => {
  const pay = step('Pay', effort, findings);
  pay.wait = wait;
  return report([scenario('Check out', [step('Open', 2), pay])]);
};

describe('repeats', () => {
  it('identical repeats are stable', () => {
    expect(unstableAcross([run(10), run(10), run(10)])).toEqual([]);
    expect(unstableAcross([run(10)])).toEqual([]);
  });

  it('names the step and the figure whose value changed, with every value', () => {
    const unstable = unstableAcross([run(10), run(10.5), run(10, [])]);
    expect(unstable.map((u) => [u.step, u.figure])).toEqual([
      ['Pay', 'effort'],
      ['Pay', 'findings'],
    ]);
    expect(unstable[0]!.values).toEqual(['10.00 s', '10.50 s', '10.00 s']);
    expect(unstable[1]!.message).toContain('"Check out", step "Pay": findings differs between repeats');
  });

  it('two scenarios of one name in two files (a phone and a desktop one) are each held against themselves', () => {
    const both = (desktopEffort: number) =>
      report([scenario('Add to cart', [step('Add', 4)], 'scenarios/add-mobile.yaml'), scenario('Add to cart', [step('Add', desktopEffort)], 'scenarios/add-desktop.yaml')]);
    expect(unstableAcross([both(6), both(6)])).toEqual([]);
    const unstable = unstableAcross([both(6), both(9)]);
    expect(unstable.map((u) => u.message)).toEqual(['"Add to cart (scenarios/add-desktop.yaml)", step "Add": effort differs between repeats (6.00 s / 9.00 s)']);
  });

  it('timing figures are not instability: waits differ, and the report gives their median', () => {
    const reports = [run(10, undefined, 0.4), run(10, undefined, 3.2), run(10, undefined, 0.5)];
    expect(unstableAcross(reports)).toEqual([]);
    expect(withMedianWaits(reports).scenarios[0]!.steps[1]!.wait).toBe(0.5);
  });

  it("the run's length is from the first repeat's start to the last one's end", () => {
    const at = (start: string, seconds: number) => ({ ...run(10), startedAt: start, durationSeconds: seconds });
    const whole = withMedianWaits([at('2026-12-08T10:00:00.000Z', 9), at('2026-12-08T10:00:09.500Z', 9.4), at('2026-12-08T10:00:19.000Z', 9.1)]);
    expect([whole.startedAt, whole.durationSeconds]).toEqual(['2026-12-08T10:00:00.000Z', 28.1]);
  });
});
