/**
 * The same run done several times (`--repeat N`): a deterministic figure must be the same in every repeat, and one
 * that is not is reported as unstable, naming the step. Timing figures are expected to vary: the report gives each
 * step's median wait, the figure timing bands are read from.
 */
import type { Instability, Report } from '../report/types.js';
import { sameScenario, scenarioLabel, stepKeys, subjectsOf } from './compare.js';

export function unstableAcross(reports: readonly Report[]): Instability[] {
  const [first] = reports;
  if (!first || reports.length < 2) return [];
  const unstable: Instability[] = [];
  for (const scenario of first.scenarios) {
    const runs = reports.map((r) => r.scenarios.find(sameScenario(scenario)));
    const label = scenarioLabel(scenario, first.scenarios);
    const keys = stepKeys(scenario.steps);
    const runKeys = runs.map((run) => (run ? stepKeys(run.steps) : []));
    for (const key of keys) {
      const steps = runs.map((run, r) => run?.steps[runKeys[r]!.indexOf(key)]);
      const figure = (name: string, values: string[]) => {
        if (new Set(values).size > 1) unstable.push({ scenario: label, step: key, figure: name, values, message: `"${label}", step "${key}": ${name} differs between repeats (${values.join(' / ')})` });
      };
      figure('status', steps.map((s) => s?.status ?? 'not run'));
      figure('effort', steps.map((s) => (s ? `${s.effort.toFixed(2)} s` : 'not run')));
      // A finding is the same in every repeat when what it is about is (a generated id or a rotating banner's text is not).
      const identities = steps.map((s) =>
        s ? s.findings.filter((f) => f.class === 'deterministic' && !f.error).flatMap((f) => subjectsOf(f).map((subject) => `${f.severity} ${f.rule} ${subject}`.trim())).sort().join(', ') : 'not run',
      );
      figure('findings', identities.map((list) => list || 'none'));
    }
  }
  return unstable;
}

/** The first repeat's report, with each step's wait (timing) replaced by its median over the repeats. */
export function withMedianWaits(reports: readonly Report[]): Report {
  const [first, ...rest] = reports;
  if (!first) throw new Error('no report to take medians of');
  if (rest.length === 0) return first;
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  // The run lasted from the first repeat's start to the last one's end, not the first repeat's time alone.
  const started = Date.parse(first.startedAt);
  const ended = Math.max(...reports.map((r) => Date.parse(r.startedAt) + r.durationSeconds * 1000));
  return {
    ...first,
    durationSeconds: Math.round((ended - started) / 10) / 100,
    scenarios: first.scenarios.map((scenario) => {
      const runs = reports.map((r) => r.scenarios.find(sameScenario(scenario)));
      const steps = scenario.steps.map((step, i) => ({
        ...step,
        wait: Math.round(median(runs.map((run) => run?.steps[i]?.wait ?? step.wait)) * 1000) / 1000,
      }));
      return { ...scenario, steps, wait: Math.round(steps.reduce((sum, s) => sum + s.wait, 0) * 1000) / 1000 };
    }),
  };
}
