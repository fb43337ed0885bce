/**
 * Budgets and exit codes. 0: every scenario passed within budget; 1: a scenario failed or was blocked, a budget was
 * exceeded or the run regressed against its baseline; 2: bad input or usage; 3: the run itself could not be done
 * (no browser, site down).
 */
import { SEVERITIES } from '../report/severity.js';
import { stepKeys } from './compare.js';
import type { BudgetMiss, Finding, Report, ScenarioResult, StepResult } from '../report/types.js';
import type { Budget, StepBudget } from '../scenario/schema.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, runError: 3, interrupted: 130, terminated: 143 } as const;

/** What a budget is checked against: the scenario's own, and each step's. */
export interface Budgets {
  budget?: Budget;
  steps: Array<{ name: string; budget?: StepBudget }>;
}

// Timing findings are noisy: budgets count the deterministic ones, so the same site always gives the same verdict.
const counted = (finding: Finding) => finding.class === 'deterministic' && !finding.error;

/** One budget's misses over some steps; `step` names the step when the budget is a step's own. */
function missesOf(budget: Budget | StepBudget, scenario: string, steps: StepResult[], effort: number, step?: string): BudgetMiss[] {
  const misses: BudgetMiss[] = [];
  const where = step ? `step "${step}"` : 'the scenario';
  const miss = (figure: string, limit: string, message: string) => misses.push({ scenario, ...(step !== undefined && { step }), figure, limit, message });
  if (budget.effort !== undefined && effort > budget.effort) {
    miss(`${effort.toFixed(1)} s`, `${budget.effort} s`, `${where}: effort ${effort.toFixed(1)} s is over the budget of ${budget.effort} s`);
  }
  const findings = steps.flatMap((s) => s.findings.filter(counted));
  for (const severity of SEVERITIES) {
    const allowed = budget.findings?.[severity];
    const found = findings.filter((f) => f.severity === severity).length;
    if (allowed !== undefined && found > allowed) {
      miss(`${found} ${severity}`, `${allowed} ${severity}`, `${where}: ${found} ${severity} findings, the budget allows ${allowed}`);
    }
  }
  for (const rule of budget.forbid ?? []) {
    const found = findings.filter((f) => f.rule === rule);
    if (found.length > 0) miss(`${found.length} × ${rule}`, `no ${rule}`, `${where}: ${rule} is forbidden and reported ${found.length} time${found.length === 1 ? '' : 's'}: ${found[0]!.message}`);
  }
  return misses;
}

/**
 * Every budget of the scenario file the result did not keep: the scenario's, then each step's, in step order. `label`
 * names the scenario as the rest of the gate does (with its file, where another scenario of the run has its name).
 */
export function checkBudget(result: ScenarioResult, budgets: Budgets, label = result.name): BudgetMiss[] {
  const misses = budgets.budget ? missesOf(budgets.budget, label, result.steps, result.effort) : [];
  // A step is named as every part of the gate names it: a second "Tap Next" is "Tap Next #2".
  const keys = stepKeys(result.steps);
  for (const [index, step] of result.steps.entries()) {
    const budget = budgets.steps[index]?.budget;
    if (budget && step.status !== 'skipped') misses.push(...missesOf(budget, label, [step], step.effort, keys[index]));
  }
  return misses;
}

export function exitCodeFor(report: Report): number {
  if (report.summary.byStatus.error > 0) return EXIT.runError;
  if (report.summary.byStatus.failed > 0 || report.summary.byStatus.blocked > 0 || report.gate?.passed === false) return EXIT.failed;
  return EXIT.ok;
}
