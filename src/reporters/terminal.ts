/**
 * The terminal report: per scenario, a table of its steps and, under each step, its findings in words.
 */
import chalk from 'chalk';
import { terminalSafe } from '../output/safe.js';
import { formatSpread } from '../guide/stats.js';
import { verdictOf } from '../report/verdict.js';
import type { Finding, GuidedRun, PanelSummary, PersonStep, Report, ScenarioResult, ScenarioStatus, StepStatus } from '../report/types.js';

const t = terminalSafe;

/** A scenario's or a step's name as the terminal shows it: on one line (one written over two lines in YAML would break the table). */
export function oneLine(name: string): string {
  return terminalSafe(name).replace(/[ \t]*[\r\n\t][ \t]*/g, ' ');
}

const STATUS_MARK: Record<StepStatus | ScenarioStatus, string> = {
  passed: chalk.green('✓ passed'),
  failed: chalk.red('✗ failed'),
  blocked: chalk.red('⊘ blocked'),
  error: chalk.magenta('! error'),
  skipped: chalk.gray('- skipped'),
};

const SEVERITY_MARK = { high: chalk.red.bold('HIGH  '), medium: chalk.yellow('MEDIUM'), low: chalk.cyan('LOW   ') };

export function formatScenario(result: ScenarioResult): string {
  const findings = result.steps.reduce((n, s) => n + s.findings.length, 0);
  const lines = [
    '',
    `${chalk.bold(oneLine(result.name))}  ${chalk.gray(t(`${result.file} · ${result.journey} · ${result.device}`))}`,
    `${STATUS_MARK[result.status]} · ${verdictOf(result)} · ${findings} finding${findings === 1 ? '' : 's'} · waited ${seconds(result.wait)}`,
  ];
  // Why the scenario ended, where no step's own reason says it (the browser crashed, --scenario-timeout cut it off).
  if (result.reason && !/^step \d+ "/.test(result.reason)) lines.push(chalk.red(`  ↳ ${t(result.reason)}`));
  const j = result.journeySummary;
  lines.push(
    chalk.gray(
      `  ${j.pages} pages · ${j.taps} taps · ${j.fields} fields (${j.charsTyped} characters) · ${j.scrolls} swipes · ${j.readingSeconds.toFixed(1)} s reading` +
        (j.goal
          ? j.goal.reachedAtStep === null
            ? ` · goal "${t(j.goal.text)}" not reached`
            : ` · goal "${t(j.goal.text)}" reached at step ${j.goal.reachedAtStep + 1} after ${j.goal.taps} taps, ${j.goal.effort.toFixed(1)} s`
          : ''),
    ),
  );
  if (result.guided) lines.push(chalk.cyan(`  ${guidedLine(result.guided)}`));
  const nameWidth = Math.min(44, Math.max(4, ...result.steps.map((s) => oneLine(s.name).length)));
  lines.push(chalk.gray(`  ${'#'.padStart(2)}  ${'step'.padEnd(nameWidth)}  ${'status'.padEnd(9)}  ${'effort'.padStart(8)}  findings  ${'wait'.padStart(7)}`));
  result.steps.forEach((step, i) => {
    lines.push(
      `  ${String(i + 1).padStart(2)}  ${truncate(oneLine(step.name), nameWidth).padEnd(nameWidth)}  ${pad(STATUS_MARK[step.status], 9)}  ${seconds(step.effort).padStart(8)}  ${String(step.findings.length).padStart(8)}  ${seconds(step.wait).padStart(7)}`,
    );
    for (const finding of step.findings) lines.push(formatFinding(finding));
    if (step.recovery.length > 0) {
      const total = step.recovery.reduce((sum, item) => sum + item.seconds, 0);
      lines.push(chalk.gray(`      recovery ${seconds(total)}: ${step.recovery.map((item) => `${t(item.what)} (${item.seconds.toFixed(1)} s)`).join('; ')}`));
    }
    if (step.faults?.length) {
      const said = step.faults.map((f) => `${f.fault}: ${f.hits} request${f.hits === 1 ? '' : 's'}`).join('; ');
      lines.push(chalk.magenta(`      injected on purpose: ${truncate(t(said), 100)}`));
    }
    if (step.environment?.length) {
      lines.push(chalk.gray(`      environment, not counted: ${step.environment.length} failure${step.environment.length === 1 ? '' : 's'} of third parties or the background (${truncate(t(step.environment[0]!), 70)})`));
    }
    if (step.person) lines.push(...personLines(step.person));
    if (step.reason && step.status !== 'passed' && step.status !== 'skipped') lines.push(chalk.red(`      ↳ ${t(step.reason)}`));
  });
  return lines.join('\n');
}

function guidedLine(guided: GuidedRun): string {
  return [
    `guided: shopper ${t(guided.shopper)} (${guided.via === 'browser' ? 'in a browser' : 'on a paper checklist'})`,
    `overall ease ${guided.ease === null ? 'not given' : `${guided.ease}/7`}`,
    guided.predictedFrom ? `predicted by ${t(guided.predictedFrom)}` : 'no prediction',
    ...(guided.rankCorrelation !== null ? [`rank correlation of predicted effort and measured time ${guided.rankCorrelation.toFixed(2)}`] : []),
  ].join(' · ') + (guided.note ? `\n  note: "${t(guided.note)}"` : '');
}

function personLines(person: PersonStep): string[] {
  const c = person.counts;
  const hands = [
    `${c.taps} tap${c.taps === 1 ? '' : 's'}${c.deadTaps || c.rageTaps ? ` (${[c.deadTaps ? `${c.deadTaps} dead` : '', c.rageTaps ? `${c.rageTaps} in rage` : ''].filter(Boolean).join(', ')})` : ''}`,
    `${c.keystrokes} keys`,
    ...(c.scrolls ? [`${c.scrolls} swipes`] : []),
    ...(c.errorsSeen ? [`${c.errorsSeen} error${c.errorsSeen === 1 ? '' : 's'} seen`] : []),
  ];
  const out = [
    chalk.cyan(
      `      shopper: ${person.said}, ${seconds(person.seconds)} (timing) · ease ${person.ease === null ? '–' : `${person.ease}/7`} · ${hands.join(' · ')}` +
        (person.predicted ? ` · predicted ${seconds(person.predicted.effort)}${person.predicted.status === 'passed' ? '' : ` (${person.predicted.status})`}` : ''),
    ),
  ];
  if (person.gap) out.push(chalk.yellow(`      perception gap: ${t(person.gap)}`));
  if (person.note) out.push(chalk.gray(`      note: "${t(person.note)}"`));
  return out;
}

/** Several shoppers' runs of each scenario: per step the median time, the spread of answers, the prediction. */
export function formatPanel(panel: readonly PanelSummary[]): string {
  const lines: string[] = [];
  for (const p of panel) {
    lines.push(
      '',
      `${chalk.bold(oneLine(p.scenario))}  ${chalk.gray(t(`${p.file} · ${p.shoppers.length} shopper${p.shoppers.length === 1 ? '' : 's'}: ${p.shoppers.join(', ')}`))}`,
      `  overall ease: median ${formatSpread(p.ease)} · rank correlation of predicted effort and median time: ${p.rankCorrelation === null ? 'not enough steps' : p.rankCorrelation.toFixed(2)}`,
      chalk.gray(`  ${'#'.padStart(2)}  ${'step'.padEnd(36)}  ${'runs'.padStart(4)}  ${'could not'.padStart(9)}  ${'predicted'.padStart(9)}  ${'time: median (range)'.padEnd(22)}  ease: median (range)`),
    );
    p.steps.forEach((s, i) => {
      lines.push(
        `  ${String(i + 1).padStart(2)}  ${truncate(oneLine(s.name), 36).padEnd(36)}  ${String(s.runs).padStart(4)}  ${String(s.couldNot).padStart(9)}  ${(s.predictedEffort === null ? '–' : seconds(s.predictedEffort)).padStart(9)}  ${formatSpread(s.seconds, ' s').padEnd(22)}  ${formatSpread(s.ease)}`,
      );
    });
  }
  return lines.join('\n');
}

export function formatFinding(finding: Finding): string {
  const element = finding.evidence.element ? String(finding.evidence.element) : '';
  // An element with no name of its own ("button", an icon nobody labelled) is said with where it is in the page.
  const selector = typeof finding.evidence.selector === 'string' && element !== '' && !element.includes('"') ? ` (${truncate(finding.evidence.selector, 60)})` : '';
  const where = element ? chalk.gray(` — ${t(element + selector)}`) : '';
  const timing = finding.class === 'timing' ? chalk.blue(' (timing)') : '';
  return `      ${SEVERITY_MARK[finding.severity]} ${finding.title}${timing}${where}\n             ${chalk.gray(t(finding.message))}`;
}

export function formatSummary(report: Report, reportPath: string | null): string {
  const { byStatus, findings } = report.summary;
  const statuses = (Object.entries(byStatus) as Array<[ScenarioStatus, number]>)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  return [
    '',
    chalk.bold('Summary'),
    `  ${report.summary.scenarios} scenario${report.summary.scenarios === 1 ? '' : 's'}: ${statuses || 'none'}`,
    `  customer effort ${seconds(report.summary.effort)} (deterministic: the customer's actions and the recovery friction forced)` +
      (report.summary.byStatus.blocked + report.summary.byStatus.error > 0
        ? `; ${report.summary.byStatus.blocked + report.summary.byStatus.error} journey(s) not completed, worse than any effort`
        : ''),
    `  findings: ${findings.high} high, ${findings.medium} medium, ${findings.low} low${
      report.summary.timingFindings > 0 ? ` (${report.summary.timingFindings} of them timing)` : ''
    }`,
    ...(Object.keys(report.summary.byArea).length > 0
      ? [`  by area: ${Object.entries(report.summary.byArea).map(([area, n]) => `${area} ${n}`).join(', ')}`]
      : []),
    `  ran in ${report.durationSeconds.toFixed(1)} s`,
    ...(reportPath ? [`  report: ${reportPath}`] : []),
  ].join('\n');
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** Pads text that carries colour codes by its visible length. */
function pad(text: string, width: number): string {
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/\u001b\[[0-9;]*m/g, '').length;
  return text + ' '.repeat(Math.max(0, width - visible));
}
