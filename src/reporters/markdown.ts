/**
 * Markdown for a CI job summary or a pull-request comment: the verdict first, then what got worse, then what is
 * over budget, then the journeys one line each, then what got better. Every string from the site is escaped, so a
 * page cannot add links, images or markup to the comment.
 */
import { countBySeverity, findingsOfSteps } from '../report/severity.js';
import type { Report } from '../report/types.js';
import { formatSpread } from '../guide/stats.js';
import { stoppedStep, verdictOf, whyNotMeasured } from '../report/verdict.js';
import { scenarioLabel } from '../gate/compare.js';

/** Text safe inside a Markdown table cell or list item. */
export function mdText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    // Markup characters as entities (a backslash before < still leaves an HTML tag in the text), the rest escaped.
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|!~])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const MAX_LISTED = 30;

/** Where a journey that did not pass stopped, and why, in the step's words: `Check out: step 4 "Pay": …`. */
function stoppedAt(scenario: Report['scenarios'][number], all: Report['scenarios']): string[] {
  const stopped = stoppedStep(scenario);
  if (!stopped) return [];
  const { index, step } = stopped;
  return [`${scenarioLabel(scenario, all)}: step ${index + 1} "${step.name}" ${step.status}${step.reason ? `: ${step.reason}` : ''}`];
}

function list(title: string, lines: string[]): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, MAX_LISTED).map((line) => `- ${mdText(line)}`);
  if (lines.length > MAX_LISTED) shown.push(`- and ${lines.length - MAX_LISTED} more (see report.json)`);
  return [`### ${title} (${lines.length})`, '', ...shown, ''];
}

export function renderMarkdown(report: Report): string {
  const gate = report.gate;
  const { byStatus } = report.summary;
  const runFailed = byStatus.failed + byStatus.blocked + byStatus.error > 0;
  const passed = !runFailed && gate?.passed !== false && !report.interrupted;
  const verdict = report.interrupted
    ? `⏹ **cx-shop: interrupted** (${report.interrupted === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'}): the journeys below were measured before it, the rest were not run`
    : passed
    ? '✅ **cx-shop: passed**'
    : `❌ **cx-shop: failed**: ${[
        gate?.regressions.length ? `${gate.regressions.length} regression${gate.regressions.length === 1 ? '' : 's'}` : '',
        gate?.budgets.length ? `${gate.budgets.length} budget miss${gate.budgets.length === 1 ? '' : 'es'}` : '',
        gate?.unstable.length ? `${gate.unstable.length} unstable figure${gate.unstable.length === 1 ? '' : 's'}` : '',
        runFailed ? `${byStatus.failed + byStatus.blocked + byStatus.error} scenario${byStatus.failed + byStatus.blocked + byStatus.error === 1 ? '' : 's'} not passed` : '',
      ]
        .filter(Boolean)
        .join(', ')}`;
  const against = gate?.baseline ? ` Compared with the baseline \`${mdText(gate.baseline.file)}\` of ${gate.baseline.startedAt.slice(0, 10)}; regressions from ${gate.failOn} up.` : '';
  const repeats = gate && gate.repeats > 1 ? ` ${gate.repeats} repeats.` : '';
  const lines = [
    '## Customer experience (cx-shop)',
    '',
    `${verdict}`,
    '',
    `${report.summary.scenarios} journeys, customer effort ${report.summary.effort.toFixed(1)} s, findings ${report.summary.findings.high} high, ${report.summary.findings.medium} medium, ${report.summary.findings.low} low.${against}${repeats}`,
    '',
    ...list('Regressions', (gate?.regressions ?? []).map((r) => r.message)),
    ...list('Budgets exceeded', (gate?.budgets ?? []).map((b) => `${b.scenario}: ${b.message}`)),
    ...list('Unstable between repeats', (gate?.unstable ?? []).map((u) => u.message)),
    ...list(
      'Could not be measured',
      report.scenarios.filter((s) => s.status === 'error').map((s) => `${scenarioLabel(s, report.scenarios)}: ${whyNotMeasured(s)}`),
    ),
    ...list('Why journeys stopped', report.scenarios.filter((s) => s.status === 'failed' || s.status === 'blocked').flatMap((s) => stoppedAt(s, report.scenarios))),
    '### Journeys',
    '',
    '| journey | status | effort | high | medium | low |',
    '|---|---|---:|---:|---:|---:|',
    ...report.scenarios.map((s) => {
      const c = countBySeverity(findingsOfSteps(s.steps));
      return `| ${mdText(scenarioLabel(s, report.scenarios))} | ${s.status} | ${mdText(verdictOf(s))} | ${c.high} | ${c.medium} | ${c.low} |`;
    }),
    '',
    ...guidedSection(report),
    ...panelSection(report),
    ...list('Improvements', (gate?.improvements ?? []).map((i) => i.message)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Guided runs: who walked which journey, how easy they said it was, and where they and the prediction disagree. */
function guidedSection(report: Report): string[] {
  const guided = report.scenarios.filter((s) => s.guided);
  if (guided.length === 0) return [];
  return [
    '### Guided runs',
    '',
    '| journey | shopper | via | overall ease | rank correlation |',
    '|---|---|---|---:|---:|',
    ...guided.map((s) => `| ${mdText(s.name)} | ${mdText(s.guided!.shopper)} | ${s.guided!.via} | ${s.guided!.ease === null ? '–' : `${s.guided!.ease}/7`} | ${s.guided!.rankCorrelation === null ? '–' : s.guided!.rankCorrelation.toFixed(2)} |`),
    '',
    ...list(
      'Perception gaps',
      guided.flatMap((s) => s.steps.filter((step) => step.person?.gap).map((step) => `${s.name} · ${step.name} (${s.guided!.shopper}): ${step.person!.gap}`)),
    ),
  ];
}

/** Several shoppers put together (cx-shop combine): per step the median time, the spread of answers, the prediction. */
function panelSection(report: Report): string[] {
  return (report.panel ?? []).flatMap((p) => [
    `### Shoppers: ${mdText(p.scenario)}`,
    '',
    `${p.shoppers.length} shoppers; overall ease ${formatSpread(p.ease)}; rank correlation of predicted effort and median time: ${p.rankCorrelation === null ? 'not enough steps' : p.rankCorrelation.toFixed(2)}.`,
    '',
    '| step | runs | could not | predicted | time: median (range) | ease: median (range) |',
    '|---|---:|---:|---:|---:|---:|',
    ...p.steps.map((s) => `| ${mdText(s.name)} | ${s.runs} | ${s.couldNot} | ${s.predictedEffort === null ? '–' : `${s.predictedEffort.toFixed(1)} s`} | ${formatSpread(s.seconds, ' s')} | ${formatSpread(s.ease)} |`),
    '',
  ]);
}
