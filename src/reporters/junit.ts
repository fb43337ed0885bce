/**
 * JUnit XML (the Apache Ant schema CI systems read): one test suite per scenario, one test case per step. A step
 * that failed or was blocked is a failure, one that broke is an error, one not reached is skipped; a budget it missed
 * or a regression against the baseline makes it a failure too. What concerns a scenario as a whole (its budget, a
 * journey no longer completed) is one more test case, "gate".
 */
import { hostname } from 'node:os';
import type { GateChange, Report, ScenarioResult, StepResult } from '../report/types.js';
import { scenarioLabel, stepKeys } from '../gate/compare.js';
import { terminalSafe } from '../output/safe.js';

/** Text fit for XML 1.0: escaped, and without the characters XML cannot hold at all. */
export function xmlText(text: string): string {
  // A terminal's escape sequences whole (a colour code's "[31m" too), then what XML cannot hold.
  return terminalSafe(text)
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  name: string;
  time: number;
  outcome: { kind: 'failure' | 'error'; type: string; message: string; detail: string } | { kind: 'skipped'; message: string } | null;
}

function stepCase(step: StepResult, index: number, gateLines: string[]): Case {
  const name = `${String(index + 1).padStart(2, '0')} ${step.name}`;
  const findings = step.findings.map((f) => `${f.severity.toUpperCase()} ${f.rule}: ${f.message}`);
  const detail = [...(step.reason ? [step.reason] : []), ...gateLines, ...findings].join('\n');
  if (step.status === 'skipped') return { name, time: 0, outcome: { kind: 'skipped', message: step.reason ?? 'not run' } };
  if (step.status === 'error') return { name, time: step.wall, outcome: { kind: 'error', type: 'error', message: step.reason ?? 'error', detail } };
  if (step.status === 'failed' || step.status === 'blocked') {
    return { name, time: step.wall, outcome: { kind: 'failure', type: step.status, message: step.reason ?? step.status, detail } };
  }
  if (gateLines.length > 0) return { name, time: step.wall, outcome: { kind: 'failure', type: 'gate', message: gateLines[0]!, detail } };
  return { name, time: step.wall, outcome: null };
}

function casesOf(report: Report, scenario: ScenarioResult): Case[] {
  const gate = report.gate;
  const keys = stepKeys(scenario.steps);
  // The gate names a scenario with its file where another of the run has its name (one per device).
  const label = scenarioLabel(scenario, report.scenarios);
  const ofStep = (key: string | undefined) => [
    ...(gate?.budgets ?? []).filter((b) => b.scenario === label && b.step === key).map((b) => `budget: ${b.message}`),
    ...(gate?.regressions ?? []).filter((r: GateChange) => r.scenario === label && r.step === key).map((r) => `regression: ${r.message}`),
    ...(gate?.unstable ?? []).filter((u) => u.scenario === label && u.step === key).map((u) => `unstable: ${u.message}`),
  ];
  const cases = scenario.steps.map((step, i) => stepCase(step, i, ofStep(keys[i])));
  const whole = ofStep(undefined);
  if (whole.length > 0) cases.push({ name: 'gate', time: 0, outcome: { kind: 'failure', type: 'gate', message: whole[0]!, detail: whole.join('\n') } });
  return cases;
}

/** ISO date and time without a zone, as the schema's timestamp pattern wants. */
const timestamp = (iso: string) => iso.slice(0, 19);

export function renderJunit(report: Report): string {
  const host = xmlText(hostname() || 'localhost');
  const suites = report.scenarios.map((scenario, id) => {
    const cases = casesOf(report, scenario);
    // Named with its file where another scenario of the run has its name (one per device), as the gate names it.
    const name = xmlText(scenarioLabel(scenario, report.scenarios));
    const count = (kind: string) => cases.filter((c) => c.outcome?.kind === kind).length;
    const time = cases.reduce((sum, c) => sum + c.time, 0);
    const body = cases.map((c) => {
      const open = `    <testcase name="${xmlText(c.name)}" classname="${name}" time="${c.time.toFixed(3)}"`;
      if (!c.outcome) return `${open}/>`;
      if (c.outcome.kind === 'skipped') return `${open}>\n      <skipped message="${xmlText(c.outcome.message)}"/>\n    </testcase>`;
      const { kind, type, message, detail } = c.outcome;
      return `${open}>\n      <${kind} message="${xmlText(message)}" type="${xmlText(type)}">${xmlText(detail)}</${kind}>\n    </testcase>`;
    });
    const findings = scenario.steps.flatMap((s) => s.findings);
    const out = `${scenario.file} · ${scenario.journey} · ${scenario.device}: ${scenario.status}, effort ${scenario.effort.toFixed(1)} s, ${findings.length} findings`;
    return [
      `  <testsuite package="cx-shop" id="${id}" name="${name}" timestamp="${timestamp(report.startedAt)}" hostname="${host}" tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="${time.toFixed(3)}">`,
      '    <properties>',
      `      <property name="file" value="${xmlText(scenario.file)}"/>`,
      `      <property name="journey" value="${xmlText(scenario.journey)}"/>`,
      `      <property name="effort" value="${scenario.effort.toFixed(3)}"/>`,
      '    </properties>',
      ...body,
      `    <system-out>${xmlText(out)}</system-out>`,
      '    <system-err></system-err>',
      '  </testsuite>',
    ].join('\n');
  });
  // A run stopped by Ctrl-C or SIGTERM is one broken test case of its own: the journeys not run are in no suite.
  if (report.interrupted) {
    const why = `interrupted by ${report.interrupted === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'}: ${report.scenarios.length} journey(s) measured before it, the rest not run`;
    suites.push(
      [
        `  <testsuite package="cx-shop" id="${suites.length}" name="cx-shop run" timestamp="${timestamp(report.startedAt)}" hostname="${host}" tests="1" failures="0" errors="1" skipped="0" time="0.000">`,
        '    <properties/>',
        `    <testcase name="run" classname="cx-shop run" time="0.000">`,
        `      <error message="${xmlText(why)}" type="interrupted">${xmlText(why)}</error>`,
        '    </testcase>',
        '    <system-out></system-out>',
        '    <system-err></system-err>',
        '  </testsuite>',
      ].join('\n'),
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}
