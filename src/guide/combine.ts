/**
 * Several shoppers' guided runs of one scenario put together: per step, how many reached it and how many could not do
 * it, the median time and its range, the spread of their 1-7 answers, the predicted effort; per scenario, Spearman's
 * rank correlation between predicted effort and median measured time over the steps (does the model order the steps
 * the way people find them?).
 */
import type { PanelSummary, ScenarioResult } from '../report/types.js';
import { median, spearman, spread } from './stats.js';

export function combineGuided(results: readonly ScenarioResult[]): PanelSummary[] {
  const groups = new Map<string, ScenarioResult[]>();
  for (const result of results) {
    if (!result.guided) continue;
    const key = `${result.file}\u0000${result.name}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()].map((runs) => {
    const first = runs[0]!;
    // Steps are put together by name, not place: a step added to the scenario between two shoppers' walks is a step of
    // its own, and the answers after it stay on their steps. (A name given twice counts its first, second, ... time.)
    const keyed = runs.map((run) => {
      const seen = new Map<string, number>();
      return run.steps.map((step) => {
        const time = (seen.get(step.name) ?? 0) + 1;
        seen.set(step.name, time);
        return { key: `${step.name}\u0000${time}`, step };
      });
    });
    const order: string[] = [];
    for (const run of keyed) {
      let after = -1;
      for (const { key } of run) {
        const at = order.indexOf(key);
        if (at >= 0) after = at;
        else order.splice((after += 1), 0, key);
      }
    }
    const steps: PanelSummary['steps'] = [];
    for (const key of order) {
      const walked = keyed.map((run) => run.find((s) => s.key === key)?.step).filter((s) => s !== undefined && s.status !== 'skipped' && s.person);
      const timed = walked.filter((s) => s!.person!.said !== 'opened for them');
      const answers = walked.map((s) => s!.person!.ease).filter((e): e is number => e !== null);
      const predictions = walked.map((s) => s!.person!.predicted?.effort).filter((e): e is number => e !== undefined);
      steps.push({
        name: key.split('\u0000')[0]!,
        runs: walked.length,
        couldNot: walked.filter((s) => s!.person!.said === 'could not').length,
        seconds: spread(timed.map((s) => s!.person!.seconds)),
        ease: { ...spread(answers), answers: answers.sort((a, b) => a - b) },
        predictedEffort: median(predictions),
      });
    }
    const paired = steps.filter((s) => s.predictedEffort !== null && s.seconds.median !== null);
    const overall = runs.map((r) => r.guided!.ease).filter((e): e is number => e !== null);
    return {
      scenario: first.name,
      file: first.file,
      shoppers: runs.map((r) => r.guided!.shopper),
      steps,
      ease: { ...spread(overall), answers: overall.sort((a, b) => a - b) },
      rankCorrelation: spearman(
        paired.map((s) => s.predictedEffort!),
        paired.map((s) => s.seconds.median!),
      ),
    };
  });
}
