/**
 * One step, collected: the driver performs its actions (and checks its expectations) while the recorder listens,
 * then cx-shop looks at the page as it was left (picture, snapshot, accessibility, links) without changing anything
 * the customer sees. The result is the step's artifacts; judging them is the judge's job.
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from 'playwright';
import { actions } from '../actions/index.js';
import { ActionError } from '../actions/types.js';
import type { AccessibilityResult, ActionTiming, InjectedFault, Interaction, PromoProbe, ReadDocument, RequestRecord, StepArtifacts, StepOutcome } from '../artifacts/types.js';
import { ScriptContext, type ScriptOptions } from '../driver/script-context.js';
import { firstLine, timeoutsInWords } from '../errors.js';
import { PAGE_LIB_SCRIPT } from '../recorder/install.js';
import { MAX_DIALOGS, type RecordedStep, type Recorder } from '../recorder/recorder.js';
import { timed } from '../limits.js';
import { captureStep } from '../recorder/screenshot.js';
import type { ResolvedScenario, ResolvedStep } from '../scenario/schema.js';
import { ruleOff } from '../rules/findings.js';
import type { StepRuleId } from '../rules/ids.js';
import { checkExpectation } from './expect.js';
import { describeLocator, LOCATOR_KEYS, type Locator } from '../scenario/locator.js';
import { redact } from '../output/safe.js';
import { snapshotPage, type LinkChecker } from './page-state.js';
import { isSitePage } from '../recorder/parties.js';
import { pageClock, readLongTasks, readVitals } from '../probes/speed.js';
import type { FaultInjector } from './faults.js';

export interface StepEnvironment {
  /** The customer's recorder, and through it the tab they are on (see Recorder.page). */
  recorder: Recorder;
  scenario: ResolvedScenario;
  baseUrl: string;
  touch: boolean;
  mobile: boolean;
  viewport: { width: number; height: number };
  testIdAttribute: string;
  outDir: string;
  /** This scenario's folder, relative to outDir: its artifacts and pictures go there. */
  folder: string;
  links: LinkChecker;
  /** axe-core's answers for the page states this run has checked already, shared by its scenarios, and this one's device. */
  memo?: { answers: AccessibilityMemo; device: string };
  /** Page states already checked for accessibility and links in this scenario. */
  checked: Set<string>;
  /** The scenario's fault injection, when it asks for faults (see faults.ts). */
  faults: FaultInjector | null;
  /**
   * A fresh context with the steps before `index` replayed, and the first `actionsBefore` actions of that step (see
   * ActionContext.replay).
   */
  replay: ((index: number, actionsBefore: number) => ReturnType<NonNullable<ScriptOptions['replay']>>) | null;
}

/** Documents the browser shows in a viewer of its own, not as a page the site laid out. */
const VIEWED_FILES = /^(application\/pdf|image\/|video\/|audio\/)/i;

export async function runStep(env: StepEnvironment, step: ResolvedStep, index: number): Promise<StepArtifacts> {
  const { recorder, scenario } = env;
  const timeout = step.timeout ?? scenario.timeout;
  recorder.beginStep();
  // Which of the step's actions is under way: a try of it another way starts where the customer's did, after the
  // step's earlier actions (a "Have a discount code?" tap that reveals the field).
  let acting = 0;
  const ctx = new ScriptContext(recorder, {
    baseUrl: env.baseUrl,
    touch: env.touch,
    viewport: env.viewport,
    timeout,
    testIdAttribute: env.testIdAttribute,
    replay: env.replay ? () => env.replay!(index, acting) : null,
    earlierTaps: () => recorder.tapsOnThisPage(),
    ruleOff: (rule) => ruleOff(scenario, step, rule),
  });
  const tab = recorder.page;
  const clock = await timed(pageClock(tab), 2000).catch(() => Date.now());
  const started = Date.now();
  let outcome: StepOutcome = { status: 'passed' };
  const timings: ActionTiming[] = [];

  await env.faults?.begin(step.faults);
  let injected: InjectedFault[] | undefined;
  try {
    await recorder.action(async () => {
      const begun = ctx.mark();
      for (const [position, { action, args }] of step.actions.entries()) {
        acting = position;
        const waitedBefore = recorder.waitMs;
        try {
          await withGuard(actions[action].perform(ctx, args as never), timeout * 3 + 30_000, action);
          const target = describeArgs(action, args);
          timings.push({ action, target: target === null ? null : recorder.mask(target), responseMs: recorder.waitMs - waitedBefore });
        } catch (error) {
          outcome = classify(error, action);
          break;
        } finally {
          ctx.release();
        }
      }
      if (outcome.status === 'passed' && step.expect) {
        const shown = async () => (await ctx.messagesSince(begun)).map((message) => message.text);
        const unmet = await checkExpectation(recorder.page, ctx, step.expect, shown).catch((error: Error) => error.message);
        if (unmet) outcome = { status: 'failed', reason: unmet };
      }
    });
  } finally {
    // Off before cx-shop looks at the page: its look is not the customer's, and must not fail on purpose.
    injected = await env.faults?.end();
  }
  const recorded = await recorder.endStep();
  return lookAtPage(env, {
    index,
    name: step.name,
    exclude: step.exclude ?? [],
    outcome,
    recorded,
    wallMs: Date.now() - started,
    // A tab the step opened has a clock of its own, from its start.
    clock: recorder.page === tab ? clock : 0,
    timings,
    readings: ctx.readings,
    documents: ctx.documents,
    promo: ctx.promo,
    ...(injected && { injected }),
  });
}

/** What the customer did in a step, as the recorder heard it, before cx-shop looks at the page they were left on. */
export interface PerformedStep {
  index: number;
  /** The step's name as the scenario gives it (secrets still in it: masked here). */
  name: string;
  /** The step's own regions to leave out of the look (the scenario's are added). */
  exclude: string[];
  outcome: StepOutcome;
  recorded: RecordedStep;
  wallMs: number;
  /** The page's clock when the step began (long tasks are counted from it). */
  clock: number;
  timings: ActionTiming[];
  /** Reading the driver knows of (a `read` step): the recorder cannot see eyes. */
  readings: Interaction[];
  documents: ReadDocument[];
  promo: PromoProbe | null;
  injected?: InjectedFault[];
}

/** What cx-shop needs to look at a page: the scenario's page, its recorder and where its pictures go. */
export type LookEnvironment = Pick<StepEnvironment, 'recorder' | 'scenario' | 'outDir' | 'folder' | 'links' | 'checked' | 'viewport' | 'touch' | 'mobile' | 'memo'> & {
  /** A person watches the window (a guided run): what cx-shop's look changes there, they see. */
  personSees?: boolean;
};

/**
 * axe-core's answers for the page states a run has checked, by device and state: a scenario that comes to a page
 * state another one checked (the same markup, focus and address on the same device) gets the same answer without
 * checking again. The answer is the same either way: only the time to get it is saved.
 */
export class AccessibilityMemo {
  private readonly answers = new Map<string, AccessibilityResult>();

  async of(page: Page, device: string, exclude: string[], check: () => Promise<AccessibilityResult>, recorder?: Arrivals): Promise<AccessibilityResult> {
    const { accessibilityStateKey, AXE_PART_ABOVE } = await import('../probes/axe.js');
    // Cheap on any page: a page that does not answer it soon has stopped answering, and is not checked.
    const state = await timed(page.evaluate(accessibilityStateKey, AXE_PART_ABOVE), ANSWER_MS).catch(() => null);
    if (state === null && !(await stillAnswers(page, recorder))) throw new StoppedAnswering();
    const key = state === null ? null : JSON.stringify([device, exclude, state]);
    const known = key === null ? undefined : this.answers.get(key);
    if (known) return structuredClone(known);
    const result = await check();
    if (key !== null) this.answers.set(key, structuredClone(result));
    return result;
  }
}

/**
 * cx-shop's look at the page a step left the customer on (picture, snapshot, accessibility, links, timing), without
 * changing anything they see; with what they did, that makes the step's artifacts. The same for every driver.
 */
export async function lookAtPage(env: LookEnvironment, step: PerformedStep): Promise<StepArtifacts> {
  const { recorder, scenario, index, recorded } = { ...env, ...step };
  const page = recorder.page;
  return recorder.collecting(async () => {
    const exclude = [...(scenario.exclude ?? []), ...step.exclude];
    // A page that does not answer within 2 s is frozen: nothing can be read from it, and waiting for it holds the run.
    // Making sure the page helpers are there is also the question whether the page answers at all.
    // A page that answers with an error instead (one that put something else in the place of what Playwright needs to
    // read it) has not stopped answering: it cannot be read, and that is said, not blamed on the site.
    let unreadable: string | null = null;
    const asked = Date.now();
    const ensure = (ms: number) =>
      timed(
        throughNavigation(page, () => ensurePageLibWhere(page)),
        ms,
      ).catch((error: unknown) => {
        // Asked again and again, each document gone before it answered: a page that keeps going (see below).
        if (!NO_ANSWER.test(firstLine(error)) && !LEFT_BY_NAVIGATION.test(firstLine(error))) unreadable = unreadableWhy(error);
        return null;
      });
    let opened = page.isClosed() ? null : await ensure(ASK_MS);
    // Putting cx-shop's helpers in a page is cx-shop's own work, slow on a loaded machine (the first page a browser
    // opens compiles them, a long page that reloads itself is gone again before they are in): a page that answers the
    // plainest question, or goes on to a new document meanwhile, is not frozen, and is given the time of a look.
    // A page that still could not be read by then is asked once more: a new document that froze as it arrived goes
    // nowhere again.
    // Not one that went to the same address again and again meanwhile: that page is going round (see below), and
    // waiting out the time of a look on it held cx-shop 20 s more on every such step.
    const unanswered = opened === null && unreadable === null && !page.isClosed();
    const goneRound = unanswered && mostLoads(recorder.arrivalsSince(asked)) >= KEPT_GOING;
    let answering = unanswered && !goneRound && (await stillAnswers(page, recorder, ASK_MS));
    if (answering) opened = await ensure(LOOK_MS);
    if (answering && opened === null && unreadable === null && !page.isClosed()) answering = await stillAnswers(page, recorder, ASK_MS);
    const shown = opened?.[0] ?? null;
    // Where the page is, as its document says: after a page the browser could not open (a redirect loop, a server
    // that sent nothing), Playwright still gives the address of the page before, while the browser shows its own error
    // page in its place. The address the customer was then on is the one the browser was asked for last.
    const showing = opened?.[1] ?? page.url();
    const url = showing.startsWith('chrome-error:') || showing === 'about:blank' ? (askedLast(recorded.requests) ?? showing) : showing;
    // A page may also stop answering during the look (a freeze a timer starts just after the load): each part of the
    // look asks first, and a page that no longer answers ends the look there, frozen, with no wait for the rest. Only
    // once cx-shop's own work in the page has ended, or had its time: a question asked behind it measures cx-shop.
    // A page that goes elsewhere by itself as soon as it arrives, again and again (two pages that send the customer to
    // each other by script), answers nothing either: it has not stopped answering, it never stays to be used.
    const arrivals = shown === null && !page.isClosed() && unreadable === null ? recorder.arrivalsSince(asked) : [];
    const wandering = arrivals.length >= KEPT_GOING ? keptGoing(arrivals) : null;
    let frozen = shown === null && !page.isClosed() && unreadable === null && wandering === null && !answering;
    // A page that answers but was never held still long enough to be read (each document gone before cx-shop's helpers
    // were in) is said so, in plain words, where its accessibility check would be; as is one that left each time it
    // was read (below).
    let leftEachTime = shown === null && answering && wandering === null && unreadable === null && !page.isClosed();
    const answers = async (ms = ANSWER_MS) => {
      if (!frozen && !page.isClosed()) frozen = !(await stillAnswers(page, recorder, ms));
      return !frozen;
    };
    // A file the browser shows in its own viewer (a PDF, a picture), or its own error page in place of one it could not
    // open, is no page of the site's to judge (its layout, zoom and accessibility are the browser's).
    const site = isSitePage(showing) && shown !== null && !VIEWED_FILES.test(shown);
    // Timing first, before cx-shop's own look keeps the page busy: the long tasks of its picture and its
    // accessibility check are not the site's. A transition or an animation that ends (a toast fading in, a drawer
    // sliding open) is let end meanwhile, for a while at most: measured mid-fade, a colour is neither the one before
    // nor the one after, and differs from run to run. Both only wait for the page's frames, and keep it no busier.
    const [longTasks, vitals] = site
      ? await Promise.all([
          timed(readLongTasks(page, step.clock), 3000).catch(() => []),
          timed(readVitals(page), 3000).catch(() => NO_VITALS),
          timed(page.evaluate(animationsEnded, ANIMATION_WAIT_MS), ANIMATION_WAIT_MS + 1000).catch(() => undefined),
        ])
      : [[], NO_VITALS];
    // A step named with a secret (`Type my card ${env.CARD}`) never puts it in a file name.
    const relative = `${env.folder}/${String(index + 1).padStart(2, '0')}-${slug(redact(step.name, scenario.secrets))}.png`;
    // What a press asking to take the form marked as wrong, read now that the marks' transitions have ended.
    const marked = site && (await answers()) ? await recorder.refusal() : null;
    const picture = site && (await answers()) ? await captureStep(page, join(env.outDir, relative), relative, scenario.secrets, { personSees: env.mobile && env.personSees === true, device: { mobile: env.mobile, touch: env.touch } }) : null;
    // A page whose main thread is frozen answers nothing: every look at it is bounded, and a frozen page gives none.
    // The picture of a tall page can keep the browser busy well after cx-shop stopped waiting for it (cx-shop's doing,
    // not the site's): the page is given that long to answer, so that neither this look nor the next step meets it.
    // A page that reloads itself (or goes elsewhere by itself) while it is read is read again on its new document; one
    // that left each time it was read is said so, in plain words, where its accessibility check would be.
    const snapshot =
      site && (await answers(PICTURE_SETTLE_MS))
        ? await timed(
            throughNavigation(page, () => snapshotPage(page, exclude)),
            LOOK_MS,
          ).catch((error: unknown) => {
            leftEachTime = LEFT_BY_NAVIGATION.test(firstLine(error));
            return null;
          })
        : null;
    // No question after a snapshot that got no answer: it would wait behind cx-shop's own snapshot, still walking the
    // page (on a page that adds a thousand links every 20 ms, for four minutes), and call a page frozen that only
    // keeps growing. Without a snapshot the look ends here in any case: there is nothing for axe-core to check.
    const fresh = snapshot !== null && !env.checked.has(snapshot.signature);
    if (snapshot) env.checked.add(snapshot.signature);
    // The links are asked from outside the page (see LinkChecker): that goes on while axe-core checks the page. Not
    // where the scenario turns the broken-link rule off: their answers would be thrown away.
    const cookies = async (href: string) => (await page.context().cookies(href)).map((c) => `${c.name}=${c.value}`).join('; ');
    const off = (rule: StepRuleId) => ruleOff(scenario, scenario.steps[index], rule);
    const linksOff = fresh && off('broken-link');
    const links = fresh && !linksOff ? env.links.check(snapshot, cookies) : Promise.resolve([]);
    // Whether the page still answers, axe-core's check asks first itself (see accessibilityOf). A step where the
    // scenario turns the accessibility rule off is not checked: axe-core's answer would be thrown away.
    const accessibility = !fresh
      ? { result: null, failure: leftEachTime ? leftEachTimeWhy(page) : null }
      : off('accessibility')
        ? { result: null, failure: ACCESSIBILITY_OFF }
        : await accessibilityOf(page, recorder, exclude, env.memo);
    if (accessibility.frozen) frozen = true;
    // A page that goes round by itself once loaded, each document read in whole and gone a moment later (a refresh to
    // itself, two pages that send the customer to each other after a beat): the wait never ended, and the look met
    // the next document. Asked only of a page the look did not already find so.
    const round = wandering ?? (page.isClosed() || unreadable !== null || frozen ? null : await goingRound(recorder, asked, leftEachTime));
    // A page that opens a dialog again as each is closed holds the customer there: that, not a busy main thread, is why.
    // What cx-shop's look found of the page itself, said after the step's own reason.
    // A page frozen while the site has not answered what the customer asked (a request its code made synchronously
    // holds it until answered) is said with those requests: the wait may be the site's, not the page's code.
    const holding = frozen ? recorder.stillUnanswered() : [];
    const broken = frozen
      ? `the page stopped answering (its main thread is busy or frozen)${holding.length > 0 ? `, with no answer yet from the site to ${holding.slice(0, 3).join(', ')}` : ''}`
      : unreadable;
    const outcome = recorded.dialogLoop
      ? {
          status: 'error' as const,
          reason: `the page kept opening browser dialogs, another as soon as one was closed (the first ${MAX_DIALOGS} read and answered, the rest closed unread)${step.outcome.reason ? `; ${step.outcome.reason}` : ''}`,
        }
      : round !== null
        ? // The site's doing, whatever the step met on the way (a load that never finished): the customer cannot go on.
          { status: 'blocked' as const, reason: [step.outcome.reason, round].filter(Boolean).join('; ') }
        : broken !== null && step.outcome.status !== 'error'
          ? { status: 'error' as const, reason: [step.outcome.reason, broken].filter(Boolean).join('; ') }
          : step.outcome;
    return {
      index,
      name: redact(step.name, scenario.secrets),
      outcome: outcome.reason ? { ...outcome, reason: recorder.mask(outcome.reason) } : outcome,
      url: recorder.mask(url),
      viewport: env.viewport,
      touch: env.touch,
      mobile: env.mobile,
      interactions: [...recorded.interactions, ...step.readings],
      taps: recorded.taps,
      typed: recorded.typed,
      appeared: recorded.appeared,
      requests: recorded.requests,
      consoleErrors: recorded.consoleErrors,
      pageErrors: recorded.pageErrors,
      pages: recorded.pages.filter(isSitePage),
      wallMs: step.wallMs,
      waitMs: recorded.waitMs,
      ...(frozen && !page.isClosed() && { frozen: true as const }),
      ...(page.isClosed() && { gone: true as const }),
      screenshot: (await picture?.saved) ?? null,
      page: snapshot,
      accessibility: frozen ? null : accessibility.result,
      accessibilityFailure: frozen ? null : accessibility.failure,
      links: await links,
      ...(linksOff && { linksNotChecked: LINKS_OFF }),
      timing: { actions: step.timings, longTasks, vitals },
      documents: step.documents,
      promo: step.promo,
      ...(marked && { marked }),
      ...(step.injected && { faults: step.injected }),
    };
  });
}

/**
 * axe-core on the page as it is, or why it could not check it (the accessibility rule reports that as cx-shop's own
 * note), or that the page stopped answering meanwhile. axe-core runs in the page's main thread: a check that takes
 * longer than cx-shop waits is still let end (it is bounded, see probes/axe.ts) before the customer's next step, which
 * would otherwise meet cx-shop's own work and take it for the page's.
 */
async function accessibilityOf(page: Page, recorder: Arrivals, exclude: string[], memo?: LookEnvironment['memo']): Promise<{ result: AccessibilityResult | null; failure: string | null; frozen?: true }> {
  try {
    // axe-core is large: loaded on the first page it checks, never by validate.
    const { checkAccessibility, PageNotAnswering } = await import('../probes/axe.js');
    const check = async () => {
      // A page that reloads itself (or goes elsewhere by itself) while it is checked is checked again on its new document.
      const run = throughNavigation(page, () => atRest(page, () => checkAccessibility(page, { exclude, answerMs: ANSWER_MS })));
      try {
        return await timed(run, 2 * LOOK_MS);
      } catch (error) {
        if (error instanceof PageNotAnswering && !(await stillAnswers(page, recorder))) throw new StoppedAnswering();
        if (!NO_ANSWER.test(firstLine(error))) throw error;
        // A page that does not answer once the check has ended is frozen; one still checking is only big, and a
        // question asked meanwhile would wait behind axe-core.
        const ended = await timed(run, LOOK_MS).then(
          () => true,
          (late: unknown) => !NO_ANSWER.test(firstLine(late)),
        );
        if (ended && !page.isClosed() && !(await stillAnswers(page, recorder))) throw new StoppedAnswering();
        throw new Error(`axe-core did not finish checking the page within ${(2 * LOOK_MS) / 1000} s`);
      }
    };
    return { result: await (memo ? memo.answers.of(page, memo.device, exclude, check, recorder) : check()), failure: null };
  } catch (error) {
    if (error instanceof StoppedAnswering) return { result: null, failure: null, frozen: true };
    if (LEFT_BY_NAVIGATION.test(firstLine(error))) {
      return { result: null, failure: leftEachTimeWhy(page) };
    }
    return { result: null, failure: firstLine(error) };
  }
}

class StoppedAnswering extends Error {}

/** Why a page was not checked that went on to a new document (a reload or a redirect of its own) each time it was read. */
function leftEachTimeWhy(page: Page): string {
  return `axe-core could not check ${page.url()}: the page went on to a new document (a reload or a redirect of its own) each of the ${NAVIGATION_TRIES} times it was read`;
}

/**
 * Does `work` on the page at rest: an animation that ends (a slide part-way through its fade-in) is finished, one that
 * loops for ever (a LIVE badge that blinks, a dot that pulses) is held at its start, so that colours are measured on
 * the same look whichever moment of the loop the step ended at; the loops go on from where they were after. One the
 * page starts while cx-shop looks (a hero's next slide, faded in by the page's own timer) is put at rest as it starts.
 */
async function atRest<T>(page: Page, work: () => Promise<T>): Promise<T> {
  type Held = Window & { __cxShopHeld?: { held: Array<[Animation, CSSNumberish | null]>; started: (event: Event) => void } };
  const hold = () => {
    const held: Array<[Animation, CSSNumberish | null]> = [];
    const rest = (animations: Animation[]) => {
      for (const animation of animations) {
        if (animation.playState !== 'running' || animation.effect === null) continue;
        try {
          if (Number.isFinite(animation.effect.getComputedTiming().endTime ?? Infinity)) animation.finish();
          else {
            held.push([animation, animation.currentTime]);
            animation.pause();
            animation.currentTime = 0;
          }
        } catch {
          // One that cannot be finished or held (its playback rate is 0) is left as it is.
        }
      }
    };
    rest(document.getAnimations());
    // A transition or a CSS animation says it has started before its first frame is drawn.
    const started = (event: Event) => {
      if (event.target instanceof Element) rest(event.target.getAnimations());
    };
    for (const type of ['transitionrun', 'animationstart']) document.addEventListener(type, started, true);
    (window as Held).__cxShopHeld = { held, started };
  };
  const release = () => {
    const state = (window as Held).__cxShopHeld;
    if (!state) return;
    for (const type of ['transitionrun', 'animationstart']) document.removeEventListener(type, state.started, true);
    for (const [animation, time] of state.held) {
      animation.currentTime = time;
      animation.play();
    }
    delete (window as Held).__cxShopHeld;
  };
  await timed(page.evaluate(hold), ANSWER_MS).catch(() => undefined);
  try {
    return await work();
  } finally {
    await timed(page.evaluate(release), ANSWER_MS).catch(() => undefined);
  }
}

/**
 * Whether the page's main thread still answers a question that costs it nothing, within `ms`: a page busy for a
 * moment answers once it is done, a frozen one never (a closed page is no frozen one). A page that went on to a new
 * document meanwhile (one that reloads itself again and again, each document gone before it could answer on a loaded
 * machine) has not stopped answering: a page whose main thread is frozen goes nowhere. The recorder following the
 * page says whether it went on (it hears each document the tab arrives at).
 */
async function stillAnswers(page: Page, recorder: Arrivals | undefined, ms = ANSWER_MS): Promise<boolean> {
  const asked = Date.now();
  return timed(
    throughNavigation(page, () => page.evaluate(() => true)),
    ms,
  ).then(
    () => true,
    (error: unknown) => page.isClosed() || (recorder?.arrivalsSince(asked).length ?? 0) > 0 || LEFT_BY_NAVIGATION.test(firstLine(error)),
  );
}

/** The recorder's record of the documents its tab arrived at (see Recorder.arrivalsSince). */
type Arrivals = Pick<Recorder, 'arrivalsSince'>;

/** How many documents a question is asked of, when navigations keep taking the one asked away (see throughNavigation). */
const NAVIGATION_TRIES = 3;

/**
 * Asks the page, and asks again the document that replaces the one asked when a navigation took it away meanwhile (a
 * page that reloads itself to show news, a redirect a timer makes): that is no page that stopped answering.
 */
async function throughNavigation<T>(page: Page, ask: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await ask();
    } catch (error) {
      if (tries >= NAVIGATION_TRIES || page.isClosed() || !LEFT_BY_NAVIGATION.test(firstLine(error))) throw error;
      await page.waitForLoadState('domcontentloaded').catch(() => undefined);
    }
  }
}

/**
 * The page the browser was asked for last in the step: the first address of its chain of redirects (a redirect loop
 * fails at whichever hop the browser gave up on, the customer asked for the first).
 */
function askedLast(requests: readonly RequestRecord[]): string | null {
  const documents = requests.filter((r) => r.resourceType === 'document');
  let last = documents.length - 1;
  if (last < 0) return null;
  while (last > 0 && REDIRECTED(documents[last - 1]!.status)) last -= 1;
  return documents[last]!.url;
}

const REDIRECTED = (status: number | null) => status !== null && status >= 300 && status < 400 && status !== 304;

/**
 * Documents that make a page that keeps going: arriving while cx-shop's first question to the page got no answer, or
 * while its look met each document gone; or one address loaded that often in a page's round (see goingRound).
 */
const KEPT_GOING = 3;

/**
 * The longest a document of a page going round stays: one that moves on within a second of coming, each time, is never
 * there for the customer to use. A page that refreshes itself every few seconds (an order's status) is.
 */
const ROUND_STAY_MAX_MS = 1000;
/** And a little longer, when cx-shop waits for the next: a document's arrival is told a moment after it came. */
const ROUND_MARGIN_MS = 250;

/**
 * Whether the page went round by itself in the step and was still at it once the wait was over, in words (see
 * keptGoing), or null. A page the look could not read, each document gone before it could, going to as many addresses
 * as a page that keeps going; or a round of documents at the end of the step, each come within ROUND_STAY_MAX_MS of
 * the one before, one address among them KEPT_GOING times, and another document come since the look began (waited
 * for as long as the longest one stayed, so that a page read quickly is judged as one read slowly). A browser check
 * that reloads the page a few times and then stays has stopped by then, as have the customer's own taps that reload
 * one page (a quantity stepper that posts its form).
 */
async function goingRound(recorder: Recorder, asked: number, leftEachTime: boolean): Promise<string | null> {
  const arrivals = recorder.arrivalsSince(asked);
  if (leftEachTime && arrivals.length >= KEPT_GOING) return keptGoing(arrivals);
  const documents = recorder.documentsThisStep();
  let first = documents.length - 1;
  while (first > 0 && documents[first]!.at - documents[first - 1]!.at <= ROUND_STAY_MAX_MS) first -= 1;
  const round = documents.slice(first);
  if (mostLoads(round.map((d) => d.url)) < KEPT_GOING) return null;
  const stayed = Math.max(...round.slice(1).map((d, i) => d.at - round[i]!.at));
  const until = Date.now() + stayed + ROUND_MARGIN_MS;
  const cameSince = () => recorder.documentsThisStep().some((d) => d.at >= asked);
  while (!cameSince() && Date.now() < until) await delay(50);
  return cameSince() ? keptGoing(recorder.documentsThisStep().slice(first).map((d) => d.url)) : null;
}

/** How many times the address loaded most often among `addresses` came. */
function mostLoads(addresses: string[]): number {
  const times = new Map<string, number>();
  for (const url of addresses) times.set(url, (times.get(url) ?? 0) + 1);
  return Math.max(0, ...times.values());
}

/**
 * The words for a page that kept going elsewhere by itself: where to, each address once (in their own order: where in
 * its round the page was when cx-shop asked is chance).
 */
function keptGoing(arrivals: string[]): string {
  const addresses = [...new Set(arrivals)].sort();
  const shown = addresses.slice(0, 4).join(', ') + (addresses.length > 4 ? ', …' : '');
  if (addresses.length === 1) return `the page kept loading itself again and again by itself (${shown}), never staying for the customer to use`;
  return `the page kept going elsewhere by itself, again and again (${shown}), never staying for the customer to use`;
}

/**
 * Makes sure the page helpers are in the page's current document (see ensurePageLib), and says what kind of document
 * it is and where, in one question: a page busy drawing answers each question late.
 */
function ensurePageLibWhere(page: Page): Promise<[string, string]> {
  // One string: an array or an object comes back through the page's own Array and Object, which an old library may
  // have replaced (Prototype.js's Array.prototype.toJSON), and a string never does.
  return page
    .evaluate<string>(`${PAGE_LIB_SCRIPT}\ndocument.contentType + '\\n' + location.href`)
    .then((answer) => {
      const [type = '', ...address] = answer.split('\n');
      return [type, address.join('\n')];
    });
}

/** How `timed` says a question got no answer in time. */
const NO_ANSWER = /^no answer within/;

/**
 * Why cx-shop could not read a page that answered its first question with an error, in words for the report: most
 * often a page's own global named Map that is no constructor (`var Map = { init() {…} }`), which Playwright needs for
 * any question to the page (a page's Map that is a constructor is no trouble: see browser/ask.ts).
 */
function unreadableWhy(error: unknown): string {
  const line = firstLine(error).replace(/^[a-zA-Z.]+: /, '');
  if (/\bMap is not a constructor|refs\.(set|get) is not a function/.test(line)) {
    return "cx-shop could not read the page: a script of the page's put something that is no constructor in the place of the browser's Map, which Playwright needs to ask the page anything (not the site's failing the customer)";
  }
  return `cx-shop could not read the page (not the site's failing the customer): ${line}`;
}

/** Why a page state has no answer of a check whose rule the scenario turned off at the step (said if judged with it on). */
const turnedOff = (rule: StepRuleId, unasked: string) => `not checked: the scenario turned the ${rule} rule off for this step, so ${unasked}`;
const ACCESSIBILITY_OFF = turnedOff('accessibility', 'axe-core did not check the page');
const LINKS_OFF = turnedOff('broken-link', 'cx-shop did not ask where the links lead');

/** What Playwright says of a question whose document a navigation took away before it answered. */
const LEFT_BY_NAVIGATION = /Execution context was destroyed|because of a navigation|Cannot find context with specified id|Inspected target navigated/i;

/** Longest cx-shop waits for the page's answer to its first question: a page that does not answer then is frozen. */
const ASK_MS = 2000;

/** Longest cx-shop waits for a page to answer during its look, after the first question (2 s) found it answering. */
const ANSWER_MS = 5000;

/**
 * Longest cx-shop waits for a page to answer after taking its picture: Chromium painting a very tall page beyond the
 * screen holds the page's main thread all along (38 s was seen with a focused field's outline on a page of 20,000
 * elements, on a busy 2-core machine, before the picture took that outline off: see screenshot.ts).
 */
const PICTURE_SETTLE_MS = 60_000;

/** The element an action worked on, in the scenario's words (as its locator says it), for the step's timing. */
function describeArgs(action: string, args: unknown): string | null {
  if (typeof args === 'string') return args;
  if (!args || typeof args !== 'object') return null;
  // In `type`, text is what was typed, not a way to find the element: never shown.
  const { text, ...rest } = args as Record<string, unknown>;
  const locator = action === 'type' ? rest : { text, ...rest };
  return LOCATOR_KEYS.some((key) => typeof locator[key] === 'string') ? describeLocator(locator as Locator) : null;
}

function classify(error: unknown, action: string): StepOutcome {
  const message = timeoutsInWords(firstLine(error));
  if (error instanceof ActionError) return { status: error.kind, reason: `${action}: ${message}` };
  if (/has been closed|crash|Target closed|browser has disconnected/i.test(message)) {
    return { status: 'error', reason: `${action}: the browser page went away (${message})` };
  }
  return { status: 'blocked', reason: `${action}: ${message}` };
}

async function withGuard<T>(work: Promise<T>, ms: number, action: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ActionError(`${action} did not finish within ${ms / 1000} s`, 'error')), ms);
  });
  try {
    return await Promise.race([work, guard]);
  } finally {
    clearTimeout(timer);
  }
}

const NO_VITALS = { lcpMs: null, cls: null, inpMs: null };

/** Longest wait for the page's transitions and animations to end before cx-shop looks at it. */
const ANIMATION_WAIT_MS = 1000;

/**
 * Runs in the page: resolves once the customer's last press has let go, then its running transitions and animations
 * that end have ended (one that repeats for ever, a spinner, is not waited for), or after `max` ms, on cx-shop's own
 * timer (not one of the page's).
 */
function animationsEnded(max: number): Promise<void> {
  const nextFrame = window.__cxShopRecorder?.frame ?? requestAnimationFrame;
  // Chromium shows a tapped control pressed (:active) for about 160 ms after the finger has lifted, longer than most
  // taps take to settle: measured then, a link in the browser's own colours is its pressed red, a button the shade or
  // size the page gives it while pressed. Let go, in frames, when the pressed look is any different: a link, or a
  // rule of the page's for :active that matches (one in a sheet cx-shop may not read, from another host, may). What
  // its letting go starts (a transition back to its colour) is among the animations after.
  const pressedLooksOwn = (): boolean => {
    const pressed = Array.from(document.querySelectorAll(':active'));
    if (pressed.length === 0) return false;
    if (pressed.some((el) => el.matches('a:any-link, area:any-link'))) return true;
    const matchesPressed = (rules: CSSRuleList): boolean =>
      Array.from(rules).some((rule) => {
        const selector = (rule as CSSStyleRule).selectorText;
        if (typeof selector === 'string' && selector.includes(':active')) {
          try {
            if (pressed.some((el) => el.matches(selector))) return true;
          } catch {
            // A nested rule's selector (`&:active`) is no selector on its own: taken as matching.
            return true;
          }
        }
        const inner = (rule as CSSGroupingRule).cssRules;
        return inner !== undefined && matchesPressed(inner);
      });
    const roots = new Set<Document | ShadowRoot>([document, ...pressed.map((el) => el.getRootNode() as Document | ShadowRoot)]);
    return [...roots].some((root) =>
      [...Array.from(root.styleSheets), ...root.adoptedStyleSheets].some((sheet) => {
        try {
          return matchesPressed(sheet.cssRules);
        } catch {
          return true;
        }
      }),
    );
  };
  const letGo = new Promise<void>((resolve) => {
    const frame = () => (document.querySelector(':active') === null ? resolve() : nextFrame(frame));
    if (pressedLooksOwn()) frame();
    else resolve();
  });
  const settled = () => {
    const ending = document.getAnimations().filter((a) => a.playState === 'running' && a.effect !== null && Number.isFinite(a.effect.getComputedTiming().endTime ?? Infinity));
    // The page scrolling on its own (a link to a part of it, scrolled smoothly) is let stop too: held still for three
    // frames, counted in frames so that a busy machine waits for the same scroll. A document that has not scrolled
    // since its last scroll ended, and holds still for the next frame, is not scrolling: one frame is enough there.
    const standing = () => window.__cxShopRecorder?.scrollUnderWay() === false;
    const still = new Promise<void>((resolve) => {
      let last = scrollY;
      let steady = 0;
      let frames = 0;
      const frame = () => {
        frames += 1;
        steady = scrollY === last ? steady + 1 : 0;
        last = scrollY;
        if (steady >= 3 || (steady >= 1 && standing()) || frames >= 120) resolve();
        else nextFrame(frame);
      };
      nextFrame(frame);
    });
    return Promise.all([still, ...ending.map((a) => a.finished.catch(() => undefined))]);
  };
  return new Promise((resolve) => {
    (window.__cxShopRecorder?.later ?? setTimeout)(() => resolve(), max);
    void letGo.then(settled).then(() => resolve());
  });
}

/** Most time cx-shop spends on one look at the page (a snapshot; twice that for the accessibility check). */
const LOOK_MS = 15_000;

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48) || 'step'
  );
}
