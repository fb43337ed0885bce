/**
 * One step: run its actions in order, check its expectations, then record the artifacts, judge them with the
 * rules and price them with the effort model.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright';
import { actions } from '../actions/index.js';
import { ActionError, type ActionContext } from '../actions/types.js';
import { stepEffort, type EffortState } from '../effort/model.js';
import type { PageSnapshot } from '../probes/page-snapshot.js';
import type { StepResult, StepStatus } from '../report/types.js';
import type { ResolvedScenario, ResolvedStep } from '../scenario/schema.js';
import type { ActionTiming, StepArtifacts } from './artifacts.js';
import { checkExpectation } from './expect.js';
import { cropEvidence, judge } from './judge.js';
import type { PageSession } from './page-session.js';
import { snapshotPage, type LinkChecker } from './page-state.js';
import { checkAccessibility } from '../probes/axe.js';
import { pageClock, readLongTasks, readVitals } from '../probes/speed.js';
import { StepRecorder } from './step-recorder.js';
import { firstLine } from '../errors.js';

export interface StepEnvironment {
  page: Page;
  session: PageSession;
  scenario: ResolvedScenario;
  baseUrl: string;
  touch: boolean;
  mobile: boolean;
  viewport: { width: number; height: number };
  outDir: string;
  links: LinkChecker;
  /** A fresh context with the steps before `index` replayed (see ActionContext.replay); null while replaying. */
  replay: ((index: number) => Promise<{ ctx: ActionContext; close(): Promise<void> }>) | null;
  /** Folder for this scenario's screenshots, relative to outDir. */
  screenshotDir: string;
}

/** Fields that must never show in a screenshot: passwords and card details. */
const MASKED_FIELDS = 'input[type="password"], input[autocomplete^="cc-"], input[name*="card" i], input[id*="card" i]';

/** What a scenario carries from one step to the next. */
export interface ScenarioMemory {
  effort: EffortState;
  previousPage: PageSnapshot | null;
  /** Signatures of the page states judged so far. */
  seenStates: Set<string>;
  /** Page findings reported so far (see judge.ts). */
  reported: Set<string>;
  /** Every tap so far, with the address it was made on. */
  taps: Array<{ url: string; description: string }>;
}

export async function runStep(
  env: StepEnvironment,
  step: ResolvedStep,
  index: number,
  memory: ScenarioMemory,
): Promise<{ result: StepResult; artifacts: StepArtifacts }> {
  const timeout = step.timeout ?? env.scenario.timeout;
  const recorder = new StepRecorder(
    env.page,
    env.session,
    env.baseUrl,
    env.touch,
    env.viewport,
    timeout,
    env.scenario.secrets,
  );
  recorder.replay = env.replay ? () => env.replay!(index) : null;
  recorder.earlierTaps = memory.taps;
  await recorder.begin();
  const mark = env.session.mark();
  const clock = await pageClock(env.page);
  const started = Date.now();
  let status: StepStatus = 'passed';
  let reason: string | undefined;

  const timings: ActionTiming[] = [];
  for (const { action, args } of step.actions) {
    const waitedBefore = recorder.waitMs;
    try {
      await withGuard(actions[action].perform(recorder, args as never), timeout * 3 + 30_000, action);
      const target = recorder.interactions.at(-1);
      timings.push({ action, target: target && 'target' in target ? target.target.description : null, responseMs: recorder.waitMs - waitedBefore });
    } catch (error) {
      ({ status, reason } = classify(error, action));
      break;
    }
  }
  if (status === 'passed' && step.expect) {
    const unmet = await checkExpectation(env.page, recorder, step.expect).catch((error: Error) => error.message);
    if (unmet) {
      status = 'failed';
      reason = unmet;
    }
  }
  await recorder.noteMessages();
  const typed = await recorder.typedFields();
  const wallMs = Date.now() - started;
  const screenshot = await takeScreenshot(env, index, step.name);
  const exclude = [...(env.scenario.exclude ?? []), ...(step.exclude ?? [])];
  const page = await snapshotPage(env.page, exclude);
  const newPageState = page !== null && !memory.seenStates.has(page.signature);
  if (page) memory.seenStates.add(page.signature);
  const accessibility = newPageState ? await accessibilityOf(env, exclude) : { result: null, failure: null };

  const artifacts: StepArtifacts = {
    index,
    name: step.name,
    url: env.page.url(),
    viewport: env.viewport,
    touch: env.touch,
    interactions: recorder.interactions,
    taps: recorder.taps,
    typed,
    appeared: recorder.appeared,
    requests: env.session.requests.slice(mark.requests),
    consoleErrors: env.session.consoleErrors.slice(mark.consoleErrors),
    pageErrors: env.session.pageErrors.slice(mark.pageErrors),
    wallMs,
    waitMs: recorder.waitMs,
    screenshot,
    mobile: env.mobile,
    page,
    previousPage: memory.previousPage,
    newPageState,
    accessibility: accessibility.result,
    accessibilityFailure: accessibility.failure,
    links: page && newPageState ? await env.links.check(page) : [],
    documents: recorder.documents,
    promo: recorder.promo,
    timing: { actions: timings, longTasks: await readLongTasks(env.page, clock), vitals: await readVitals(env.page) },
  };
  memory.previousPage = page;
  memory.taps.push(...recorder.taps.map((tap) => ({ url: artifacts.url, description: tap.target.description })));
  const findings = judge(artifacts, { ...env.scenario.rules, ...step.rules }, memory.reported);
  await cropEvidence(env.page, findings, env.outDir, screenshotStem(env, index, step.name), MASKED_FIELDS);
  const effort = stepEffort(artifacts, findings, memory.effort);
  memory.effort = effort.state;
  const result: StepResult = {
    name: step.name,
    status,
    ...(reason ? { reason } : {}),
    effort: effort.total,
    effortBreakdown: effort.breakdown,
    wait: seconds(recorder.waitMs),
    wall: seconds(wallMs),
    url: artifacts.url,
    screenshot,
    findings,
    actions: countActions(artifacts),
  };
  return { result, artifacts };
}

/** axe-core on the page as it is, or why it could not check it (the accessibility rule reports that). */
async function accessibilityOf(env: StepEnvironment, exclude: string[]) {
  try {
    return { result: await checkAccessibility(env.page, { exclude }), failure: null };
  } catch (error) {
    return { result: null, failure: firstLine(error) };
  }
}

function classify(error: unknown, action: string): { status: StepStatus; reason: string } {
  const message = firstLine(error);
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

function screenshotStem(env: StepEnvironment, index: number, name: string): string {
  return join(env.screenshotDir, `${String(index + 1).padStart(2, '0')}-${slug(name)}`);
}

async function takeScreenshot(env: StepEnvironment, index: number, name: string): Promise<string | null> {
  const relative = `${screenshotStem(env, index, name)}.png`;
  const path = join(env.outDir, relative);
  try {
    await mkdir(dirname(path), { recursive: true });
    await env.page.screenshot({ path, mask: [env.page.locator(MASKED_FIELDS)], timeout: 10_000 });
    return relative.split('\\').join('/');
  } catch {
    return null;
  }
}

function countActions(artifacts: StepArtifacts): StepResult['actions'] {
  const counts = { taps: 0, charsTyped: 0, fields: 0, selects: 0, keys: 0, scrolls: 0, pages: 0 };
  for (const i of artifacts.interactions) {
    if (i.kind === 'tap' || i.kind === 'hover') counts.taps += 1;
    if (i.kind === 'type') {
      counts.fields += 1;
      counts.charsTyped += i.chars;
    }
    if (i.kind === 'select') counts.selects += 1;
    if (i.kind === 'press') counts.keys += 1;
    if (i.kind === 'scroll') counts.scrolls += i.viewports;
    if ('scrolls' in i) counts.scrolls += i.scrolls;
  }
  counts.pages += new Set(artifacts.requests.filter((r) => r.resourceType === 'document').map((r) => r.url)).size;
  return counts;
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48) || 'step'
  );
}

function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
