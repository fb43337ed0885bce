/**
 * One scenario in a fresh browser context with its device profile: collect each step's artifacts, save them, judge
 * them. A step whose expectation is not met has failed, but the customer can still go on, so the journey does; a
 * step the customer cannot do at all (blocked) or that broke (error) ends the journey, and the steps after it are
 * reported as skipped. Whatever was recorded before is kept: the artifacts are saved after every step.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { devices, type Browser } from 'playwright';
import { actions } from '../actions/index.js';
import type { ActionContext } from '../actions/types.js';
import { ARTIFACTS_FILE, ARTIFACTS_VERSION, type ScenarioArtifacts, type StepArtifacts, unwatched } from '../artifacts/types.js';
import { closeContext } from '../browser/close.js';
import { CUSTOMER_ALLOWS } from '../browser/launch.js';
import { ScriptContext } from '../driver/script-context.js';
import { firstLine } from '../errors.js';
import { DEFAULT_SCENARIO_TIMEOUT_MS } from '../limits.js';
import { redact, redactJson } from '../output/safe.js';
import { writeWhole } from '../output/write-whole.js';
import { cropEvidence } from '../judge/crops.js';
import { ScenarioJudge } from '../judge/judge.js';
import { prepareContext } from '../recorder/install.js';
import { Recorder } from '../recorder/recorder.js';
import type { ScenarioResult, StepResult } from '../report/types.js';
import { savedScenario, type ResolvedScenario } from '../scenario/schema.js';
import { accessOptions, siteFor, type SiteAccess } from '../scenario/site-access.js';
import { FaultInjector } from './faults.js';
import { LinkChecker } from './page-state.js';
import { type AccessibilityMemo, runStep, slug, type StepEnvironment } from './run-step.js';

export interface ScenarioRunOptions {
  baseUrl: string;
  device?: string;
  outDir: string;
  /** Overrides the scenario's test-id attribute. */
  testIdAttribute?: string;
  /** Position of the scenario in the run, used to keep scenario folders apart. */
  position: number;
  /** Aborted when the user interrupts the run. */
  signal?: AbortSignal;
  /**
   * Most time the scenario may take, whatever the page does (a frozen main thread, an answer that never ends): past
   * it, the step under way is cut short and left out, the steps before it are kept, and the run goes on.
   */
  timeoutMs?: number;
  onStep?: (step: StepResult, index: number) => void;
  /** axe-core's answers for page states the run's other scenarios checked (see AccessibilityMemo). */
  memo?: AccessibilityMemo;
  /** Open the site whatever its certificate (see SiteAccess). */
  ignoreHttpsErrors?: boolean;
}

export type DeviceProfile = Omit<(typeof devices)[string], 'defaultBrowserType'>;

/** A Playwright device as a context's options (its browser type aside), with its viewport and touch. */
export function deviceProfile(name: string): { profile: DeviceProfile; viewport: { width: number; height: number }; touch: boolean } {
  const { defaultBrowserType: _ignored, ...profile } = devices[name]!;
  return { profile, viewport: profile.viewport ?? { width: 1280, height: 720 }, touch: profile.hasTouch ?? false };
}

export function scenarioFolder(position: number, name: string): string {
  return `scenarios/${String(position + 1).padStart(2, '0')}-${slug(name)}`;
}

export async function runScenario(browser: Browser, scenario: ResolvedScenario, options: ScenarioRunOptions): Promise<ScenarioResult> {
  const deviceName = options.device ?? scenario.device;
  const { profile, viewport, touch } = deviceProfile(deviceName);
  // A user name and password in the base URL are the browser's answer to the site's sign-in prompt, not part of any
  // address cx-shop goes to or reports.
  const site = siteFor(options.baseUrl, scenario.siteHosts, options.ignoreHttpsErrors);
  const { baseUrl } = site;
  const folder = scenarioFolder(options.position, redact(scenario.name, scenario.secrets));
  const saved = savedScenario(scenario);
  const artifacts: ScenarioArtifacts = {
    version: ARTIFACTS_VERSION,
    driver: 'script',
    scenario: saved,
    baseUrl,
    device: deviceName,
    startedAt: new Date().toISOString(),
    steps: [],
  };
  const judge = new ScenarioJudge({ scenario: saved, device: deviceName, baseUrl, touch, viewport });
  const save = () => saveArtifacts(options.outDir, folder, artifacts, scenario.secrets);
  const testIdAttribute = options.testIdAttribute ?? scenario.testIdAttribute;
  const links = new LinkChecker(profile.userAgent, site);
  let context: Awaited<ReturnType<typeof openPage>>['context'] | undefined;
  try {
    await mkdir(join(options.outDir, folder), { recursive: true });
    const opened = await openPage(browser, profile, site, scenario.secrets);
    context = opened.context;
    const env = {
      recorder: opened.recorder,
      scenario,
      baseUrl,
      touch,
      mobile: profile.isMobile ?? false,
      viewport,
      testIdAttribute,
      outDir: options.outDir,
      folder,
      links,
      checked: new Set<string>(),
      ...(options.memo && { memo: { answers: options.memo, device: deviceName } }),
      faults: await FaultInjector.forScenario(opened.context, opened.recorder, scenario),
      replay: (index: number, actionsBefore: number) => replayUpTo(browser, profile, scenario, site, testIdAttribute, index, actionsBefore),
    };
    const watchdog = scenarioWatchdog(options.timeoutMs ?? DEFAULT_SCENARIO_TIMEOUT_MS, () => context && closeContext(context));
    try {
      for (const [index, step] of scenario.steps.entries()) {
        if (options.signal?.aborted) break;
        const started = Date.now();
        const running = runStep(env, step, index);
        running.catch(() => undefined);
        const recorded = await Promise.race([running, watchdog.expired]);
        if (recorded === 'expired') {
          artifacts.brokeOff = `the scenario ran for more than ${Math.round(watchdog.ms / 1000)} s (--scenario-timeout); step ${index + 1} "${saved.steps[index]?.name ?? ''}" was cut short, the steps before it are kept`;
          const cut = cutShort(env, step.name, index, Date.now() - started);
          artifacts.steps.push(cut);
          options.onStep?.(judge.step(cut), index);
          break;
        }
        // A step cut short by the interruption is not the site's doing: it is left out, the steps before it stay.
        if (options.signal?.aborted) break;
        artifacts.steps.push(recorded);
        const result = judge.step(recorded);
        await cropEvidence(options.outDir, result, recorded.screenshot);
        await save();
        options.onStep?.(result, index);
        if (recorded.outcome.status === 'blocked' || recorded.outcome.status === 'error') break;
      }
    } finally {
      watchdog.cancel();
    }
  } catch (error) {
    artifacts.brokeOff = firstLine(error);
  } finally {
    if (context) await closeContext(context);
    await links.dispose();
  }
  if (options.signal?.aborted) artifacts.brokeOff = 'the run was interrupted';
  await save().catch(() => undefined);
  return judge.finish(artifacts.brokeOff);
}

/**
 * The step the scenario's time ran out in: an error of the run, with how long it ran and how long the customer had
 * waited for the site in it. Nothing else of it is known (cx-shop could not look at the page), so nothing is judged.
 */
function cutShort(env: Pick<StepEnvironment, 'recorder' | 'scenario' | 'viewport' | 'touch' | 'mobile'>, name: string, index: number, ranMs: number): StepArtifacts {
  const { recorder } = env;
  return {
    index,
    name: redact(name, env.scenario.secrets),
    outcome: { status: 'error', reason: `cut short by --scenario-timeout after ${Math.round(ranMs / 1000)} s` },
    url: recorder.mask(recorder.page.url()),
    viewport: env.viewport,
    touch: env.touch,
    mobile: env.mobile,
    ...unwatched(),
    wallMs: ranMs,
    waitMs: recorder.waitedSoFar(),
  };
}

/**
 * A timer that holds whatever the page does: when it fires, `expired` resolves and `stop` runs (closing the
 * scenario's context, which ends every call still waiting on its page).
 */
function scenarioWatchdog(ms: number, stop: () => Promise<void> | undefined) {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => {
      void stop()?.catch(() => undefined);
      resolve('expired');
    }, ms);
  });
  return { ms, expired, cancel: () => clearTimeout(timer) };
}

export async function saveArtifacts(outDir: string, folder: string, artifacts: ScenarioArtifacts, secrets: readonly string[]): Promise<void> {
  // Secrets are masked where they are recorded; this is the last guard, for any form a site showed them in. Written
  // whole: cx-shop judge may read it while a later step is saved.
  await writeWhole(join(outDir, folder, ARTIFACTS_FILE), `${redactJson(JSON.stringify(artifacts, null, 2), secrets)}\n`);
}

/**
 * A fresh context on the device, prepared for recording, and its one page with its recorder (see Recorder's options).
 * The site's user name and password, if it asks for them (see site-access.ts), are sent to it alone, once it asks.
 * A replay's context (`replay`) has no speed probes: its timing is nobody's.
 */
export async function openPage(browser: Browser, profile: DeviceProfile, site: SiteAccess, secrets: readonly string[], { personDrives = false, replay = false } = {}) {
  const context = await browser.newContext({ ...profile, acceptDownloads: true, ...CUSTOMER_ALLOWS, ...accessOptions(site) });
  await prepareContext(context, { touch: profile.hasTouch ?? false }, !replay);
  const page = await context.newPage();
  const recorder = new Recorder(page, { baseUrl: site.baseUrl, siteHosts: site.hosts ?? [], touch: profile.hasTouch ?? false, secrets, personDrives });
  return { context, page, recorder };
}

/**
 * A second context on the same device, with the steps before `index` done again and then the first `actionsBefore`
 * actions of that step (actions only, nothing judged): where the customer stood when they began the action at hand,
 * for trying it another way. Nothing recorded there is the customer's.
 */
async function replayUpTo(
  browser: Browser,
  profile: DeviceProfile,
  scenario: ResolvedScenario,
  site: SiteAccess,
  testIdAttribute: string,
  index: number,
  actionsBefore: number,
): Promise<{ ctx: ActionContext; close(): Promise<void> }> {
  const { context, page, recorder } = await openPage(browser, profile, site, scenario.secrets, { replay: true });
  const fresh = () =>
    new ScriptContext(recorder, {
      baseUrl: site.baseUrl,
      touch: profile.hasTouch ?? false,
      viewport: profile.viewport ?? { width: 1280, height: 720 },
      timeout: scenario.timeout,
      testIdAttribute,
      replay: null,
      earlierTaps: () => recorder.tapsOnThisPage(),
    });
  try {
    await recorder.action(async () => {
      for (const { action, args } of actionsUpTo(scenario, index, actionsBefore)) {
        const ctx = fresh();
        await actions[action].perform(ctx, args as never).finally(() => ctx.release());
      }
    });
  } catch (error) {
    await closeContext(context);
    throw error;
  }
  recorder.beginStep();
  recorder.actingFromNowOn();
  return { ctx: fresh(), close: () => closeContext(context) };
}

/** The actions of the steps before `index`, then the first `actionsBefore` of the step at `index`, in order. */
function actionsUpTo(scenario: ResolvedScenario, index: number, actionsBefore: number): ResolvedScenario['steps'][number]['actions'] {
  const earlier = scenario.steps.slice(0, index).flatMap((step) => step.actions);
  return [...earlier, ...(scenario.steps[index]?.actions.slice(0, actionsBefore) ?? [])];
}
