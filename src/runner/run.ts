/**
 * A whole run: one browser (started here, or a remote one), the scenarios in their own contexts, one at a time or
 * several at once (workers), reported in the run's order. A scenario that breaks is reported with its reason; the
 * others still run.
 */
import { clearEarlierRun } from '../output/earlier-run.js';
import { chromium, type Browser } from 'playwright';
import { BrowserLaunchError } from '../browser/errors.js';
import { launchBrowser } from '../browser/launch.js';
import type { BrowserChoice } from '../browser/find.js';
import type { Report, ScenarioResult, StepResult } from '../report/types.js';
import { buildReport } from '../report/build.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { AccessibilityMemo } from './run-step.js';
import { atOnce } from './at-once.js';
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
  /** Scenarios run at once, each in its own browser context (default 1). */
  workers?: number;
  /** Each scenario's place in the whole run (a shard runs some of them): its folder is named by it. */
  positions?: number[];
  /** A Playwright browser server to run on (ws://…) instead of a browser started here. */
  connect?: string;
  /** Open the sites whatever their certificates (see SiteAccess). */
  ignoreHttpsErrors?: boolean;
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
      return options.connect ? await connectBrowser(options.connect) : await launchBrowser(options.browser, { headed: options.headed });
    } catch (error) {
      const where = options.connect ? `the browser service at ${options.connect}` : `the browser at ${options.browser.executablePath}`;
      throw new BrowserLaunchError(`could not ${options.connect ? 'connect to' : 'start'} ${where}: ${firstLine(error)}`);
    }
  };
  let browser: Browser = await launch();
  const version = browser.version();
  // Artifacts of an earlier run into the same folder must not mix with this run's (cx-shop judge reads them all).
  await clearEarlierRun(options.outDir, { formats: false, report: false });
  // Closing the browser ends whatever it was doing at once; the scenarios under way keep their steps so far.
  const stop = () => void browser.close().catch(() => undefined);
  options.signal?.addEventListener('abort', stop, { once: true });
  // A browser that died is started again once, for the scenarios after the crash, whichever worker notices first.
  let relaunching: Promise<Browser> | null = null;
  const liveBrowser = async (): Promise<Browser> => {
    if (browser.isConnected()) return browser;
    relaunching ??= launch().then((fresh) => {
      browser = fresh;
      relaunching = null;
      options.signal?.addEventListener('abort', stop, { once: true });
      return fresh;
    });
    return relaunching;
  };
  const positions = options.positions ?? scenarios.map((_, i) => i);
  const results: Array<ScenarioResult | undefined> = new Array(scenarios.length);
  // Scenarios finish in any order with several workers; they are reported in the order of the run.
  let reported = 0;
  let reporting = Promise.resolve();
  const reportInOrder = () => {
    reporting = reporting.then(async () => {
      while (reported < scenarios.length && results[reported]) {
        await options.events?.scenarioEnd?.(results[reported]!, positions[reported]!);
        reported += 1;
      }
    });
    return reporting;
  };
  // One for the whole run: scenarios that pass through the same page states share axe-core's answers (a run of one
  // scenario has nothing to share: its own repeated states are judged once anyway, so it does not key them).
  const memo = scenarios.length > 1 ? new AccessibilityMemo() : undefined;
  const runOne = async (i: number) => {
    const scenario = scenarios[i]!;
    const position = positions[i]!;
    const running = await liveBrowser();
    options.events?.scenarioStart?.(scenario, position);
    const result = await runScenario(running, scenario, {
      baseUrl: options.baseUrl ?? scenario.baseUrl ?? '',
      device: options.device,
      ...(options.testIdAttribute ? { testIdAttribute: options.testIdAttribute } : {}),
      outDir: options.outDir,
      position,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.scenarioTimeoutMs ? { timeoutMs: options.scenarioTimeoutMs } : {}),
      onStep: (step, index) => options.events?.step?.(scenario, step, index),
      ...(memo && { memo }),
      ...(options.ignoreHttpsErrors && { ignoreHttpsErrors: true }),
    });
    if (!running.isConnected() && !options.signal?.aborted) {
      result.status = 'error';
      result.completed = false;
      result.reason = `the browser crashed during this scenario; what was measured before is kept, and the next scenario gets a new browser${result.reason ? ` (${result.reason})` : ''}`;
    }
    results[i] = result;
    await reportInOrder();
  };
  try {
    await atOnce(scenarios.length, options.workers ?? 1, runOne, () => options.signal?.aborted === true);
    await reporting;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await browser.close().catch(() => undefined);
  }
  const done = results.slice(0, reported).filter((r): r is ScenarioResult => r !== undefined);
  return buildReport(done, started, { executable: options.connect ?? options.browser.executablePath, version });
}

/** A browser on a remote Playwright browser server (`--connect ws://…`), used as a local one would be. */
async function connectBrowser(endpoint: string): Promise<Browser> {
  return chromium.connect(endpoint, { timeout: 30_000 });
}
