/** Budgets in the scenario file, per scenario and per step: each miss names where, the figure and the limit. */
import { describe, expect, it } from 'vitest';
import { checkBudget, exitCodeFor } from '../../src/gate/budget.js';
import { decideGate, budgetsOf } from '../../src/gate/verdict.js';
import { formatProblem, parseScenario } from '../../src/scenario/load.js';
import { finding, report, scenario, step } from '../helpers/report.js';

const result = () =>
  scenario('Check out', [
    step('Open the cart', 5, [finding('tap-target-size', 'high', 'link "Cart"')]),
    step('Pay', 12, [finding('dead-tap', 'high', 'button "Pay"'), { ...finding('slow-response', 'high', 'button "Pay"'), class: 'timing' }]),
  ]);

describe('budgets', () => {
  it('a scenario budget: effort, findings by severity (deterministic only) and forbidden rules', () => {
    const misses = checkBudget(result(), { budget: { effort: 15, findings: { high: 1 }, forbid: ['dead-tap'] }, steps: [] });
    expect(misses.map((m) => [m.step, m.figure, m.limit])).toEqual([
      [undefined, '17.0 s', '15 s'],
      [undefined, '2 high', '1 high'],
      [undefined, '1 × dead-tap', 'no dead-tap'],
    ]);
    expect(misses[2]!.message).toContain('dead-tap is forbidden and reported 1 time');
  });

  it('a step budget names the step, and counts that step only', () => {
    const misses = checkBudget(result(), { steps: [{ name: 'Open the cart' }, { name: 'Pay', budget: { effort: 10, findings: { high: 0 } } }] });
    expect(misses.map((m) => m.message)).toEqual(['step "Pay": effort 12.0 s is over the budget of 10 s', 'step "Pay": 1 high findings, the budget allows 0']);
    expect(misses.every((m) => m.step === 'Pay' && m.scenario === 'Check out')).toBe(true);
  });

  it('is part of the report\'s verdict, and a miss makes the run exit 1', () => {
    const run = report([result()]);
    const verdict = decideGate(run, { budgets: [{ steps: [{ name: 'Open the cart', budget: { forbid: ['tap-target-size'] } }, { name: 'Pay' }] }] });
    expect(verdict.passed).toBe(false);
    expect(verdict.budgets).toHaveLength(1);
    expect(exitCodeFor({ ...run, gate: verdict })).toBe(1);
    expect(exitCodeFor({ ...run, gate: decideGate(run, { budgets: [] }) })).toBe(0);
  });

  it('are written in the scenario file, per scenario and per step; an unknown rule to forbid is a located problem', () => {
    const source = 'name: A\nbudget: { effort: 60, forbid: [dead-tap] }\nsteps:\n  - name: Pay\n    goto: /pay\n    budget: { effort: 5, findings: { high: 0 }, forbid: [form-cleared] }\n';
    const { scenario: parsed, problems } = parseScenario('a.yaml', source, {});
    expect(problems).toEqual([]);
    expect(budgetsOf(parsed!)).toEqual({ budget: { effort: 60, forbid: ['dead-tap'] }, steps: [{ name: 'Pay', budget: { effort: 5, findings: { high: 0 }, forbid: ['form-cleared'] } }] });
    expect(parsed!.steps[0]!.line).toBe(4);
    const bad = parseScenario('a.yaml', source.replace('forbid: [form-cleared]', 'forbid: [form-cleard]'), {}).problems.map(formatProblem);
    expect(bad[0]).toMatch(/^a\.yaml:6:\d+ steps\[0\]\.budget\.forbid\[0\]: /);
  });
});
