/**
 * One scenario in a fresh browser context with its device profile. A step whose expectation is not met has
 * failed, but the customer can still go on, so the journey does; a step the customer cannot do at all
 * (blocked) or that broke (error) ends the journey, and the steps after it are reported as skipped.
 * Whatever was measured before is kept.
 */
import { devices, type Browser, type Page } from 'playwright';
import { summariseJourney } from '../journeys/summary.js';
import { applyJourneyRules } from '../rules/journey/index.js';
import type { StepArtifacts } from './artifacts.js';
import { installPageWatch } from '../probes/page-watch.js';
import { installSpeedProbes } from '../probes/speed.js';
import type { ScenarioResult, StepResult } from '../report/types.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { emptyBreakdown, initialEffortState, penaltyOf, round } from '../effort/model.js';
import { withSetting } from '../rules/findings.js';
import { actions } from '../actions/index.js';
import type { ActionContext } from '../actions/types.js';
import { PageSession } from './page-session.js';
import { StepRecorder } from './step-recorder.js';
import { LinkChecker } from './page-state.js';
import { runStep, slug, type ScenarioMemory } from './run-step.js';
import { firstLine } from '../errors.js';

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
    journeySummary: summariseJourney([]),
    steps: [],
  };
  const artifacts: StepArtifacts[] = [];
  let goalReachedAt: number | null = null;
  const { context, page, session } = await openPage(browser, profile);
  const links = new LinkChecker();
  try {
    const env = {
      page,
      session,
      scenario,
      baseUrl: options.baseUrl,
      touch: profile.hasTouch ?? false,
      mobile: profile.isMobile ?? false,
      viewport,
      links,
      outDir: options.outDir,
      replay: (index: number) => replayUpTo(browser, profile, scenario, options.baseUrl, index),
      screenshotDir: `screenshots/${String(options.position + 1).padStart(2, '0')}-${slug(scenario.name)}`,
    };
    const memory: ScenarioMemory = {
      effort: initialEffortState(env),
      previousPage: null,
      seenStates: new Set(),
      reported: new Set(),
      taps: [],
    };
    let ended = false;
    for (const [index, step] of scenario.steps.entries()) {
      if (ended) {
        result.steps.push(skipped(step.name));
        continue;
      }
      const ran = await runStep(env, step, index, memory);
      result.steps.push(ran.result);
      artifacts.push(ran.artifacts);
      if (scenario.goal && goalReachedAt === null && (await goalInView(page, scenario.goal))) goalReachedAt = index;
      options.onStep?.(ran.result, index);
      const status = ran.result.status;
      if (status === 'passed' || status === 'skipped') continue;
      ended = status === 'blocked' || status === 'error';
      if (result.status === 'passed' || ended) {
        result.status = status;
        result.reason = `step ${index + 1} "${step.name}": ${ran.result.reason ?? status}`;
      }
    }
    addJourneyFindings(result, scenario, artifacts);
  } catch (error) {
    result.status = 'error';
    result.reason = `the run broke off: ${firstLine(error)}`;
  } finally {
    await context.close().catch(() => undefined);
    await links.dispose();
  }
  result.journeySummary = summariseJourney(
    result.steps,
    scenario.goal ? { text: scenario.goal, reachedAtStep: goalReachedAt } : undefined,
  );
  result.effort = round(result.steps.reduce((sum, step) => sum + step.effort, 0));
  result.wait = round(result.steps.reduce((sum, step) => sum + step.wait, 0));
  return result;
}

type DeviceProfile = Omit<(typeof devices)[string], 'defaultBrowserType'>;

/** A fresh context on the device, with cx-shop's in-page probes, and its one page. */
async function openPage(browser: Browser, profile: DeviceProfile) {
  const context = await browser.newContext({ ...profile, acceptDownloads: true });
  await context.addInitScript(installPageWatch);
  await installSpeedProbes(context);
  const page = await context.newPage();
  return { context, page, session: new PageSession(page) };
}

/**
 * A second context on the same device, with the steps before `index` done again (actions only, nothing
 * recorded): the starting point of the step at `index`, for trying it another way.
 */
async function replayUpTo(
  browser: Browser,
  profile: DeviceProfile,
  scenario: ResolvedScenario,
  baseUrl: string,
  index: number,
): Promise<{ ctx: ActionContext; close(): Promise<void> }> {
  const { context, page, session } = await openPage(browser, profile);
  const viewport = profile.viewport ?? { width: 1280, height: 720 };
  const fresh = () =>
    new StepRecorder(page, session, baseUrl, profile.hasTouch ?? false, viewport, scenario.timeout, scenario.secrets);
  try {
    for (const step of scenario.steps.slice(0, index)) {
      for (const { action, args } of step.actions) await actions[action].perform(fresh(), args as never);
    }
  } catch (error) {
    await context.close();
    throw error;
  }
  return { ctx: fresh(), close: () => context.close() };
}

async function goalInView(page: Page, goal: string): Promise<boolean> {
  return page
    .getByText(goal)
    .filter({ visible: true })
    .count()
    .then((n) => n > 0, () => false);
}

/** The journey rules' findings, placed on the step of their evidence, with their penalties in its effort. */
function addJourneyFindings(result: ScenarioResult, scenario: ResolvedScenario, artifacts: StepArtifacts[]): void {
  const statuses = result.steps.map((s) => s.status);
  for (const { step, finding } of applyJourneyRules({ journey: scenario.journey, steps: artifacts, statuses })) {
    const target = result.steps[step];
    const kept = target && withSetting(finding, { ...scenario.rules, ...scenario.steps[step]?.rules }[finding.rule]);
    if (!target || !kept) continue;
    target.findings.push(kept);
    target.effortBreakdown.penalties = round(target.effortBreakdown.penalties + penaltyOf(kept));
    target.effort = round(target.effort + penaltyOf(kept));
  }
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
