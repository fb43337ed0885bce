/**
 * A guided run: a person walks a scenario's steps by hand in a real browser window with the scenario's device, while
 * the same recorder as a scripted run listens to the page. For each step the shopper sees what to do (in the terminal
 * and in the guide panel), does it, and says it is done or that they could not do it; a step whose expectation comes
 * true as they work ends by itself. Then they answer "It was easy to …" (1-7) and may leave a note. The steps are
 * judged by the same judge as a scripted run and saved the same way, marked as driven by a person.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, Page } from 'playwright';
import { actions } from '../actions/index.js';
import { ARTIFACTS_VERSION, type GuidedArtifacts, type PersonAnswers, type ScenarioArtifacts, type StepOutcome } from '../artifacts/types.js';
import { closeContext } from '../browser/close.js';
import { ScriptContext } from '../driver/script-context.js';
import { firstLine } from '../errors.js';
import { cropEvidence } from '../judge/crops.js';
import { ScenarioJudge } from '../judge/judge.js';
import { redact } from '../output/safe.js';
import { pageClock } from '../probes/speed.js';
import { timed } from '../limits.js';
import type { ScenarioResult, StepResult } from '../report/types.js';
import { checkExpectation } from '../runner/expect.js';
import { LinkChecker } from '../runner/page-state.js';
import { deviceProfile, openPage, saveArtifacts, scenarioFolder } from '../runner/run-scenario.js';
import { lookAtPage } from '../runner/run-step.js';
import { savedScenario, type ResolvedScenario } from '../scenario/schema.js';
import { siteFor } from '../scenario/site-access.js';
import type { Prompter } from './ask.js';
import { easeStatement, instructionsFor, isOpening } from './instructions.js';
import { installPanel, type PanelState, type PanelWord } from './panel.js';

export interface GuideOptions {
  baseUrl: string;
  device?: string;
  outDir: string;
  shopper: string;
  testIdAttribute?: string;
  /** Open the site whatever its certificate (see SiteAccess). */
  ignoreHttpsErrors?: boolean;
  /** The automated run's figures for this scenario, when there is one. */
  predicted: GuidedArtifacts['predicted'];
  /** Position of the scenario in the output folder. */
  position?: number;
  /** How often the step's expectation is looked at while the shopper works, in ms. */
  pollMs?: number;
  signal?: AbortSignal;
  /** Called with the page once it is open (a test's second driver acts on it). */
  onPage?: (page: Page) => void | Promise<void>;
  onStep?: (step: StepResult, index: number) => void;
}

export async function guideScenario(browser: Browser, scenario: ResolvedScenario, options: GuideOptions, ask: Prompter): Promise<ScenarioResult> {
  const deviceName = options.device ?? scenario.device;
  const { profile, viewport, touch } = deviceProfile(deviceName);
  // The site's user name and password go to the browser, never into an address (see site-access.ts).
  const site = siteFor(options.baseUrl, scenario.siteHosts, options.ignoreHttpsErrors);
  const folder = scenarioFolder(options.position ?? 0, redact(scenario.name, scenario.secrets));
  const saved = savedScenario(scenario);
  const guided: GuidedArtifacts = { shopper: options.shopper, via: 'browser', ease: null, predicted: options.predicted };
  const artifacts: ScenarioArtifacts = {
    version: ARTIFACTS_VERSION,
    driver: 'person',
    scenario: saved,
    baseUrl: site.baseUrl,
    device: deviceName,
    startedAt: new Date().toISOString(),
    guided,
    steps: [],
  };
  const judge = new ScenarioJudge({ scenario: saved, device: deviceName, baseUrl: site.baseUrl, touch, viewport, guided });
  const save = () => saveArtifacts(options.outDir, folder, artifacts, scenario.secrets);
  const testIdAttribute = options.testIdAttribute ?? scenario.testIdAttribute;
  const links = new LinkChecker(profile.userAgent, site);
  let panel: PanelState | null = null;
  let heard: ((word: PanelWord) => void) | null = null;
  await mkdir(join(options.outDir, folder), { recursive: true });
  const opened = await openPage(browser, profile, site, scenario.secrets, { personDrives: true });
  const { context, page, recorder } = opened;
  const refreshPanel = () => timed(recorder.page.evaluate(() => window.__cxShopGuidePanel?.refresh()), 2000).catch(() => undefined);
  try {
    await installPanel(context, { state: () => panel, say: (word) => heard?.(word) });
    await options.onPage?.(page);
    const env = { recorder, scenario, outDir: options.outDir, folder, links, checked: new Set<string>(), viewport, touch, mobile: profile.isMobile ?? false, personSees: true };
    const left = new Promise<'left'>((resolve) => {
      page.once('close', () => resolve('left'));
      options.signal?.addEventListener('abort', () => resolve('left'), { once: true });
    });
    const of = scenario.steps.length;
    for (const [index, step] of scenario.steps.entries()) {
      if (options.signal?.aborted || page.isClosed()) break;
      const lines = instructionsFor(step, { ...scenario, device: deviceName }, site.baseUrl);
      const name = redact(step.name, scenario.secrets);
      panel = { step: index + 1, of, name, lines, hidden: false };
      ask.say(`\nStep ${index + 1} of ${of}: ${name}`);
      for (const line of lines) ask.say(`  - ${line}`);
      const timeout = step.timeout ?? scenario.timeout;
      const ctx = new ScriptContext(recorder, { baseUrl: site.baseUrl, touch, viewport, timeout, testIdAttribute, replay: null, earlierTaps: () => recorder.tapsOnThisPage() });
      recorder.beginStep();
      const tab = recorder.page;
      const clock = await timed(pageClock(tab), 2000).catch(() => Date.now());
      const started = Date.now();
      let said = 'opened for them' as PersonAnswers['said'];
      let outcome: StepOutcome = { status: 'passed' };
      await recorder.action(async () => {
        // Arriving costs the customer nothing: cx-shop opens the page, the shopper does the rest.
        for (const { action, args } of step.actions.filter((a) => isOpening(a.action))) {
          try {
            await actions[action].perform(ctx, args as never);
          } catch (error) {
            outcome = { status: 'error', reason: `${action}: ${firstLine(error)}` };
            return;
          }
        }
        await refreshPanel();
        if (step.actions.every((a) => isOpening(a.action))) return;
        ask.say('  When it is done, press Done in the page or type d and Enter here; x and Enter if you could not do it.');
        said = await untilTheShopperIsDone(step.expect ? () => checkExpectation(recorder.page, { locate: (l) => ctx.locate(l), sees: (l, ms) => ctx.sees(l, ms), timeout: 100 }, step.expect!) : null);
      });
      if (said === 'left') {
        artifacts.brokeOff = page.isClosed() ? 'the shopper closed the browser' : 'the guided run was stopped';
        break;
      }
      if (said === 'could not') outcome = { status: 'blocked', reason: 'the shopper said they could not do it' };
      else if (said === 'done' && step.expect) {
        const unmet = await checkExpectation(recorder.page, ctx, step.expect).catch((error: Error) => error.message);
        if (unmet) outcome = { status: 'failed', reason: `the shopper said it was done, but ${unmet}` };
      }
      const recorded = await recorder.endStep();
      const wallMs = Date.now() - started;
      panel = { ...panel, hidden: true };
      await refreshPanel();
      const stepArtifacts = await lookAtPage(env, { index, name: step.name, exclude: step.exclude ?? [], outcome, recorded, wallMs, clock: recorder.page === tab ? clock : 0, timings: [], readings: ctx.readings, documents: ctx.documents, promo: null });
      panel = { ...panel, hidden: false, asking: true, lines: ['Answer the question in the terminal.'] };
      await refreshPanel();
      const asked = said !== 'opened for them';
      const ease = asked ? await ask.ease(easeStatement(name)) : null;
      const note = asked ? await ask.note() : undefined;
      stepArtifacts.person = { said, ease, ...(note ? { note: redact(note, scenario.secrets) } : {}) };
      artifacts.steps.push(stepArtifacts);
      const result = judge.step(stepArtifacts);
      await cropEvidence(options.outDir, result, stepArtifacts.screenshot);
      await save();
      options.onStep?.(result, index);
      if (stepArtifacts.outcome.status === 'blocked' || stepArtifacts.outcome.status === 'error') break;
    }

    /**
     * Waits for the shopper: Done or "I could not do it" in the page, d or x in the terminal, the step's expectation
     * coming true once they have done something, or the browser closing.
     */
    async function untilTheShopperIsDone(expectation: (() => Promise<string | null>) | null): Promise<PersonAnswers['said']> {
      const stop = new AbortController();
      const fromPanel = new Promise<PersonAnswers['said']>((resolve) => {
        heard = (word) => resolve(word === 'done' ? 'done' : 'could not');
      });
      const fromTerminal = (async (): Promise<PersonAnswers['said']> => {
        for (;;) {
          const line = await ask.line(stop.signal);
          // The input has ended (or the page answered first): the page's buttons still work.
          if (line === null) return new Promise<never>(() => undefined);
          const word = line.trim().toLowerCase();
          if (/^d(one)?$/.test(word)) return 'done';
          if (/^(x|could not|couldn't|no)$/.test(word)) return 'could not';
          if (word !== '') ask.say('  Type d and Enter when the step is done, or x and Enter if you could not do it.');
        }
      })();
      const fromPage = (async (): Promise<PersonAnswers['said']> => {
        if (!expectation) return new Promise<never>(() => undefined);
        while (!stop.signal.aborted) {
          await delay(options.pollMs ?? 500);
          if (stop.signal.aborted || page.isClosed()) break;
          if (recorder.actedInStep() && (await expectation().catch(() => 'no')) === null) return 'expectation met';
        }
        return new Promise<never>(() => undefined);
      })();
      try {
        return await Promise.race([fromPanel, fromTerminal, fromPage, left]);
      } finally {
        stop.abort();
        heard = null;
      }
    }
  } catch (error) {
    artifacts.brokeOff = firstLine(error);
  } finally {
    if (!page.isClosed()) {
      panel = panel && { ...panel, name: 'Thank you', lines: ['One last question in the terminal.'], hidden: false, asking: true };
      await refreshPanel();
    }
  }
  if (!artifacts.brokeOff || artifacts.steps.length > 0) {
    guided.ease = await ask.ease(easeStatement(scenario.name));
    const note = await ask.note('  Anything else about the whole journey? (optional, Enter to skip): ');
    if (note) guided.note = redact(note, scenario.secrets);
  }
  await closeContext(context);
  await links.dispose();
  await save().catch(() => undefined);
  return judge.finish(artifacts.brokeOff);
}
