/**
 * Budgets and exit codes. 0: every scenario passed within budget; 1: a scenario failed or was blocked, or a
 * budget was exceeded; 2: bad input or usage; 3: the run itself could not be done (no browser, site down).
 */
import type { Report, ScenarioResult, Severity } from '../report/types.js';
import type { Budget } from '../scenario/schema.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, runError: 3, interrupted: 130, terminated: 143 } as const;

export interface BudgetBreach {
  scenario: string;
  message: string;
}

export function checkBudget(result: ScenarioResult, budget: Budget | undefined): BudgetBreach[] {
  if (!budget) return [];
  const breaches: BudgetBreach[] = [];
  if (budget.effort !== undefined && result.effort > budget.effort) {
    breaches.push({
      scenario: result.name,
      message: `effort ${result.effort.toFixed(1)} s is over the budget of ${budget.effort} s`,
    });
  }
  for (const severity of ['high', 'medium', 'low'] as Severity[]) {
    const allowed = budget.findings?.[severity];
    if (allowed === undefined) continue;
    // Timing findings are noisy: a budget counts the deterministic ones, so the same site always gives the same verdict.
    const found = result.steps.reduce(
      (n, s) => n + s.findings.filter((f) => f.severity === severity && f.class === 'deterministic' && !f.error).length,
      0,
    );
    if (found > allowed) {
      breaches.push({ scenario: result.name, message: `${found} ${severity} findings, the budget allows ${allowed}` });
    }
  }
  return breaches;
}

export function exitCodeFor(report: Report, breaches: BudgetBreach[]): number {
  if (report.summary.byStatus.error > 0) return EXIT.runError;
  if (report.summary.byStatus.failed > 0 || report.summary.byStatus.blocked > 0 || breaches.length > 0) return EXIT.failed;
  return EXIT.ok;
}
