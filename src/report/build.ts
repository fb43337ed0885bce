/**
 * The JSON report from scenario results: what a run writes and what `cx-shop judge` writes again from saved artifacts.
 */
import { createRequire } from 'node:module';
import { round } from '../effort/model.js';
import { countBySeverity, findingsOfSteps } from './severity.js';
import { REPORT_VERSION, type Report, type ScenarioResult } from './types.js';

export function toolVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

export function buildReport(
  scenarios: ScenarioResult[],
  startedMs: number,
  browser: Report['browser'],
): Report {
  const byStatus = { passed: 0, failed: 0, blocked: 0, error: 0 };
  const byArea: Record<string, number> = {};
  let timingFindings = 0;
  for (const scenario of scenarios) {
    byStatus[scenario.status] += 1;
    for (const finding of findingsOfSteps(scenario.steps)) {
      byArea[finding.area] = (byArea[finding.area] ?? 0) + 1;
      if (finding.class === 'timing') timingFindings += 1;
    }
  }
  return {
    version: REPORT_VERSION,
    complete: true,
    tool: { name: 'cx-shop', version: toolVersion() },
    startedAt: new Date(startedMs).toISOString(),
    durationSeconds: round((Date.now() - startedMs) / 1000),
    browser,
    summary: {
      scenarios: scenarios.length,
      byStatus,
      effort: round(scenarios.reduce((sum, s) => sum + s.effort, 0)),
      findings: countBySeverity(scenarios.flatMap((s) => findingsOfSteps(s.steps))),
      timingFindings,
      byArea,
    },
    scenarios,
  };
}

/** What a report says of the run that measured it, apart from its results. */
export type RunHeader = Pick<Report, 'startedAt' | 'durationSeconds' | 'browser'> & Pick<Partial<Report>, 'interrupted'>;

/**
 * The run that measured saved artifacts, from the report(s) it wrote: `judge` writes the report again with the
 * run's own start, length, browser and interruption, not its own; `merge` puts shards together as one run from the
 * first shard's start to the last one's end, interrupted when any shard was. Null when no report is left to say.
 */
export function runHeaderOf(reports: readonly Report[]): RunHeader | null {
  if (reports.length === 0) return null;
  const starts = reports.map((r) => Date.parse(r.startedAt));
  const ends = reports.map((r, i) => starts[i]! + r.durationSeconds * 1000);
  const first = Math.min(...starts);
  const interrupted = reports.find((r) => r.interrupted)?.interrupted;
  return {
    startedAt: new Date(first).toISOString(),
    durationSeconds: round((Math.max(...ends) - first) / 1000),
    browser: reports.find((r) => r.browser)?.browser ?? null,
    ...(interrupted && { interrupted }),
  };
}
