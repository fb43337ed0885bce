/**
 * A whole run: one browser, the scenarios one after another, each in its own context. A scenario that
 * breaks is reported with its reason; the others still run.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { BrowserLaunchError } from '../browser/errors.js';
import { launchBrowser } from '../browser/launch.js';
import type { BrowserChoice } from '../browser/find.js';
import type { Report, ScenarioResult, StepResult } from '../report/types.js';
import { buildReport } from '../report/build.js';
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
  /** Overrides every scenario's test-id attribute. */
  testIdAttribute?: string;
  /** Aborted when the user interrupts the run: the browser is closed, what was measured is kept. */
  signal?: AbortSignal;
  /** Most time one scenario may take (see ScenarioRunOptions.timeoutMs). */
  scenarioTimeoutMs?: number;
  events?: {
    scenarioStart?(scenario: ResolvedScenario, position: number): void;
    step?(scenario: ResolvedScenario, step: StepResult, index: number): void;
    scenarioEnd?(result: ScenarioResult, position: number): void | Promise<void>;
  };
}

export async function runScenarios(scenarios: ResolvedScenario[], options: RunOptions): Promise<Report> {
  const started = Date.now();
  const launch = async () => {
    try {
      return await launchBrowser(options.browser, { headed: options.headed });
    } catch (error) {
      throw new BrowserLaunchError(`could not start the browser at ${options.browser.executablePath}: ${firstLine(error)}`);
    }
  };
  let browser: Browser = await launch();
  const version = browser.version();
  // Artifacts of an earlier run into the same folder must not mix with this run's (cx-shop judge reads them all).
  await rm(join(options.outDir, 'scenarios'), { recursive: true, force: true });
  const results: ScenarioResult[] = [];
  // Closing the browser ends whatever it was doing at once; the scenario under way keeps its steps so far.
  const stop = () => void browser.close().catch(() => undefined);
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    for (const [position, scenario] of scenarios.entries()) {
      if (options.signal?.aborted) break;
      // A browser that died in the last scenario is started again: the scenarios after a crash still run.
      if (!browser.isConnected()) {
        browser = await launch();
        options.signal?.addEventListener('abort', stop, { once: true });
      }
      options.events?.scenarioStart?.(scenario, position);
      const result = await runScenario(browser, scenario, {
        baseUrl: options.baseUrl ?? scenario.baseUrl ?? '',
        device: options.device,
        ...(options.testIdAttribute ? { testIdAttribute: options.testIdAttribute } : {}),
        outDir: options.outDir,
        position,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.scenarioTimeoutMs ? { timeoutMs: options.scenarioTimeoutMs } : {}),
        onStep: (step, index) => options.events?.step?.(scenario, step, index),
      });
      if (!browser.isConnected() && !options.signal?.aborted) {
        result.status = 'error';
        result.completed = false;
        result.reason = `the browser crashed during this scenario; what was measured before is kept, and the next scenario gets a new browser${result.reason ? ` (${result.reason})` : ''}`;
      }
      results.push(result);
      await options.events?.scenarioEnd?.(result, position);
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await browser.close().catch(() => undefined);
  }
  return buildReport(results, started, { executable: options.browser.executablePath, version });
}

