/**
 * A whole run: one browser, the scenarios one after another, each in its own context. A scenario that
 * breaks is reported with its reason; the others still run.
 */
import { createRequire } from 'node:module';
import type { Browser } from 'playwright';
import { launchBrowser } from '../browser/launch.js';
import type { BrowserChoice } from '../browser/find.js';
import { REPORT_VERSION, type Report, type ScenarioResult, type StepResult } from '../report/types.js';
import { round } from '../effort/model.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { runScenario } from './run-scenario.js';
import { firstLine } from '../errors.js';

export interface RunOptions {
  browser: BrowserChoice;
  headed?: boolean;
  outDir: string;
  /** Overrides every scenario's baseUrl. */
  baseUrl?: string;
  /** Overrides every scenario's device. */
  device?: string;
  events?: {
    scenarioStart?(scenario: ResolvedScenario, position: number): void;
    step?(scenario: ResolvedScenario, step: StepResult, index: number): void;
    scenarioEnd?(result: ScenarioResult, position: number): void | Promise<void>;
  };
}

export class BrowserLaunchError extends Error {}

export function toolVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

export async function runScenarios(scenarios: ResolvedScenario[], options: RunOptions): Promise<Report> {
  const started = Date.now();
  let browser: Browser;
  try {
    browser = await launchBrowser(options.browser, { headed: options.headed });
  } catch (error) {
    const detail = firstLine(error);
    throw new BrowserLaunchError(`could not start the browser at ${options.browser.executablePath}: ${detail}`);
  }
  const version = browser.version();
  const results: ScenarioResult[] = [];
  try {
    for (const [position, scenario] of scenarios.entries()) {
      options.events?.scenarioStart?.(scenario, position);
      const result = await runScenario(browser, scenario, {
        baseUrl: options.baseUrl ?? scenario.baseUrl ?? '',
        device: options.device,
        outDir: options.outDir,
        position,
        onStep: (step, index) => options.events?.step?.(scenario, step, index),
      });
      results.push(result);
      await options.events?.scenarioEnd?.(result, position);
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  return buildReport(results, started, { executable: options.browser.executablePath, version });
}

export function buildReport(
  scenarios: ScenarioResult[],
  startedMs: number,
  browser: Report['browser'],
): Report {
  const byStatus = { passed: 0, failed: 0, blocked: 0, error: 0 };
  const findings = { high: 0, medium: 0, low: 0 };
  const byArea: Record<string, number> = {};
  let timingFindings = 0;
  for (const scenario of scenarios) {
    byStatus[scenario.status] += 1;
    for (const finding of scenario.steps.flatMap((step) => step.findings)) {
      findings[finding.severity] += 1;
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
      findings,
      timingFindings,
      byArea,
    },
    scenarios,
  };
}
