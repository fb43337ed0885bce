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
    const count = Math.max(...runs.map((r) => r.steps.length));
    const steps: PanelSummary['steps'] = [];
    for (let index = 0; index < count; index += 1) {
      const walked = runs.map((r) => r.steps[index]).filter((s) => s !== undefined && s.status !== 'skipped' && s.person);
      const timed = walked.filter((s) => s!.person!.said !== 'opened for them');
      const answers = walked.map((s) => s!.person!.ease).filter((e): e is number => e !== null);
      const predictions = walked.map((s) => s!.person!.predicted?.effort).filter((e): e is number => e !== undefined);
      steps.push({
        name: first.steps[index]?.name ?? runs.find((r) => r.steps[index])!.steps[index]!.name,
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
