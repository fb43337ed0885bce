/**
 * GitHub Actions workflow commands: why each journey that did not pass stopped, then an annotation per finding (high
 * as error, medium as warning, low as notice), per budget miss and per regression, on the line of the step in the
 * scenario file. GitHub shows at most a few per
 * step of a job, so the most severe come first and the total is capped.
 */
import { terminalSafe } from '../output/safe.js';
import { scenarioLabel, stepKeys } from '../gate/compare.js';
import { bySeverity } from '../report/severity.js';
import { stoppedStep } from '../report/verdict.js';
import type { Report, Severity } from '../report/types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { high: 'error', medium: 'warning', low: 'notice' };
const MAX_ANNOTATIONS = 50;

/** Escaping of workflow command data and properties (percent, line breaks; in properties also : and ,). */
const data = (text: string) => terminalSafe(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

interface Annotation {
  severity: Severity;
  file: string;
  line: number;
  title: string;
  message: string;
}

export function renderGithub(report: Report): string {
  // Why a journey did not pass, on the line of the step that stopped it: first, whatever else there is.
  const stops: Annotation[] = [];
  const notes: Annotation[] = [];
  for (const scenario of report.scenarios) {
    const keys = stepKeys(scenario.steps);
    const stopped = stoppedStep(scenario)?.step;
    // A regression of the whole journey ("was completed in the baseline and is not now") is where it stopped.
    const lineOf = (key?: string) => (key === undefined ? stopped?.line : scenario.steps[keys.indexOf(key)]?.line) ?? 1;
    // The gate names a scenario with its file where another of the run has its name (one per device).
    const label = scenarioLabel(scenario, report.scenarios);
    if (stopped?.reason) stops.push({ severity: 'high', file: scenario.file, line: stopped.line ?? 1, title: `cx-shop: ${label} ${stopped.status}`, message: `${stopped.name}: ${stopped.reason}` });
    for (const step of scenario.steps) {
      for (const f of step.findings) notes.push({ severity: f.severity, file: scenario.file, line: step.line ?? 1, title: `cx-shop ${f.rule}`, message: `${step.name}: ${f.message}` });
    }
    for (const b of report.gate?.budgets.filter((x) => x.scenario === label) ?? []) notes.push({ severity: 'high', file: scenario.file, line: lineOf(b.step), title: 'cx-shop budget', message: b.message });
    for (const r of report.gate?.regressions.filter((x) => x.scenario === label) ?? []) notes.push({ severity: 'high', file: scenario.file, line: lineOf(r.step), title: 'cx-shop regression', message: r.message });
  }
  notes.sort(bySeverity);
  const all = [...stops, ...notes];
  const lines = all.slice(0, MAX_ANNOTATIONS).map((n) => `::${COMMAND[n.severity]} file=${property(n.file)},line=${n.line},title=${property(n.title)}::${data(n.message)}`);
  if (all.length > MAX_ANNOTATIONS) lines.push(`::notice title=cx-shop::${all.length - MAX_ANNOTATIONS} more annotations (findings, budgets, regressions) are in report.json`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
