/** Small reports for gate and reporter tests: scenarios of steps with findings, built like the judge builds them. */
import type { Finding, Report, ScenarioResult, Severity, StepResult } from '../../src/report/types.js';
import { buildReport } from '../../src/report/build.js';

export function finding(rule: string, severity: Severity, element: string, message = `${rule} on ${element}`): Finding {
  return { rule, area: 'mobile', severity, title: rule, message, evidence: { element, measured: 'x', threshold: 'y' }, source: 'test', class: 'deterministic' };
}

/** A deterministic finding of the rule with nothing else said, for the effort model's tests: `extra` says the rest. */
export function ruleFinding(rule: string, extra: Partial<Finding> = {}): Finding {
  return { rule, area: 'forms', severity: 'high', title: rule, message: '', evidence: {}, source: '', class: 'deterministic', ...extra };
}

export function step(name: string, effort: number, findings: Finding[] = [], status: StepResult['status'] = 'passed', line?: number): StepResult {
  const zero: StepResult['effortBreakdown'] = { mental: 0, pointing: 0, keystrokes: 0, keyboardSwitches: 0, homing: 0, scrolling: 0, reading: 0, recovery: 0 };
  return {
    name,
    ...(line !== undefined && { line }),
    status,
    effort,
    effortBreakdown: zero,
    recovery: [],
    wait: 0.1,
    wall: 0.5,
    url: 'https://shop.test/',
    screenshot: null,
    findings,
    actions: { taps: 1, charsTyped: 0, fields: 0, selects: 0, keys: 0, scrolls: 0, pages: 0 },
  };
}

export function scenario(name: string, steps: StepResult[], file = `scenarios/${name.toLowerCase().replace(/\W+/g, '-')}.yaml`): ScenarioResult {
  const stopped = steps.find((s) => s.status === 'blocked' || s.status === 'error');
  return {
    name,
    file,
    journey: 'custom',
    device: 'Pixel 7',
    baseUrl: 'https://shop.test',
    status: stopped ? stopped.status as ScenarioResult['status'] : steps.some((s) => s.status === 'failed') ? 'failed' : 'passed',
    ...(stopped && { reason: `step "${stopped.name}": ${stopped.status}` }),
    completed: !stopped,
    effort: steps.reduce((sum, s) => sum + s.effort, 0),
    wait: 0,
    journeySummary: { pages: 1, taps: 1, fields: 0, charsTyped: 0, scrolls: 0, readingSeconds: 0 },
    steps,
  };
}

export function report(scenarios: ScenarioResult[]): Report {
  return { ...buildReport(scenarios, Date.now(), null), complete: true };
}
