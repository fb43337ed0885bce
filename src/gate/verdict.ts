/**
 * The gate's verdict on a run, put into the report so that every format (terminal, JSON, JUnit, Markdown, SARIF,
 * annotations) renders the same one: budgets missed, changes against a baseline, figures unstable across repeats.
 */
import type { GateVerdict, Instability, Report, Severity } from '../report/types.js';
import { checkBudget, type Budgets } from './budget.js';
import { compareReports, scenarioLabel } from './compare.js';

export interface GateInput {
  /** Per scenario of the report, in its order: the budgets its file set. */
  budgets: Budgets[];
  baseline?: { file: string; report: Report } | null;
  failOn?: Severity;
  /** Waits gate too, through their bands (the report's waits are medians of repeats). */
  timing?: boolean;
  repeats?: number;
  unstable?: Instability[];
}

export function decideGate(report: Report, input: GateInput): GateVerdict {
  const failOn = input.failOn ?? 'high';
  const budgets = report.scenarios.flatMap((scenario, i) => checkBudget(scenario, input.budgets[i] ?? { steps: [] }, scenarioLabel(scenario, report.scenarios)));
  const timing = input.timing ?? false;
  const comparison = input.baseline ? compareReports(input.baseline.report, report, failOn, { timing }) : { regressions: [], improvements: [] };
  const unstable = input.unstable ?? [];
  return {
    failOn,
    timing,
    baseline: input.baseline ? { file: input.baseline.file, startedAt: input.baseline.report.startedAt } : null,
    repeats: input.repeats ?? 1,
    budgets,
    regressions: comparison.regressions,
    improvements: comparison.improvements,
    unstable,
    passed: budgets.length === 0 && comparison.regressions.length === 0 && unstable.length === 0,
  };
}

/** The budgets a scenario's file set, as the gate reads them. */
export function budgetsOf(scenario: { budget?: Budgets['budget']; steps: Array<{ name: string; budget?: Budgets['steps'][number]['budget'] }> }): Budgets {
  return { ...(scenario.budget && { budget: scenario.budget }), steps: scenario.steps.map((s) => ({ name: s.name, ...(s.budget && { budget: s.budget }) })) };
}
