/**
 * One scenario in a fresh browser context with its device profile. A step whose expectation is not met has
 * failed, but the customer can still go on, so the journey does; a step the customer cannot do at all
 * (blocked) or that broke (error) ends the journey, and the steps after it are reported as skipped.
 * Whatever was measured before is kept.
 */
import { devices, type Browser } from 'playwright';
import { initialEffortState } from '../effort/model.js';
import { installPageWatch } from '../probes/page-watch.js';
import { installSpeedProbes } from '../probes/speed.js';
import type { ScenarioResult, StepResult } from '../report/types.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { emptyBreakdown, round } from '../effort/model.js';
import { PageSession } from './page-session.js';
import { LinkChecker } from './page-state.js';
import { runStep, slug, type ScenarioMemory } from './run-step.js';

export interface ScenarioRunOptions {
  baseUrl: string;
  device?: string;
  outDir: string;
  /** Position of the scenario in the run, used to keep screenshot folders apart. */
  position: number;
  onStep?: (step: StepResult, index: number) => void;
}

export async function runScenario(
  browser: Browser,
  scenario: ResolvedScenario,
  options: ScenarioRunOptions,
): Promise<ScenarioResult> {
  const deviceName = options.device ?? scenario.device;
  const { defaultBrowserType: _ignored, ...profile } = devices[deviceName];
  const viewport = profile.viewport ?? { width: 1280, height: 720 };
  const result: ScenarioResult = {
    name: scenario.name,
    file: scenario.file,
    journey: scenario.journey,
    device: deviceName,
    ...(scenario.persona ? { persona: scenario.persona } : {}),
    baseUrl: options.baseUrl,
    status: 'passed',
    effort: 0,
    wait: 0,
    steps: [],
  };
  const context = await browser.newContext({ ...profile, acceptDownloads: true });
  const links = new LinkChecker();
  try {
    await context.addInitScript(installPageWatch);
    await installSpeedProbes(context);
    const page = await context.newPage();
    const env = {
      page,
      session: new PageSession(page),
      scenario,
      baseUrl: options.baseUrl,
      touch: profile.hasTouch ?? false,
      mobile: profile.isMobile ?? false,
      viewport,
      links,
      outDir: options.outDir,
      screenshotDir: `screenshots/${String(options.position + 1).padStart(2, '0')}-${slug(scenario.name)}`,
    };
    const memory: ScenarioMemory = {
      effort: initialEffortState(env),
      previousPage: null,
      seenStates: new Set(),
      reported: new Set(),
    };
    let ended = false;
    for (const [index, step] of scenario.steps.entries()) {
      if (ended) {
        result.steps.push(skipped(step.name));
        continue;
      }
      const ran = await runStep(env, step, index, memory);
      result.steps.push(ran.result);
      options.onStep?.(ran.result, index);
      const status = ran.result.status;
      if (status === 'passed' || status === 'skipped') continue;
      ended = status === 'blocked' || status === 'error';
      if (result.status === 'passed' || ended) {
        result.status = status;
        result.reason = `step ${index + 1} "${step.name}": ${ran.result.reason ?? status}`;
      }
    }
  } catch (error) {
    result.status = 'error';
    result.reason = `the run broke off: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    await context.close().catch(() => undefined);
    await links.dispose();
  }
  result.effort = round(result.steps.reduce((sum, step) => sum + step.effort, 0));
  result.wait = round(result.steps.reduce((sum, step) => sum + step.wait, 0));
  return result;
}

function skipped(name: string): StepResult {
  return {
    name,
    status: 'skipped',
    reason: 'an earlier step did not pass',
    effort: 0,
    effortBreakdown: emptyBreakdown(),
    wait: 0,
    wall: 0,
    url: '',
    screenshot: null,
    findings: [],
    actions: { taps: 0, charsTyped: 0, fields: 0, selects: 0, keys: 0, scrolls: 0, pages: 0 },
  };
}
