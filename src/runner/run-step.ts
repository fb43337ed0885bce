/**
 * One step: run its actions in order, check its expectations, then record the artifacts, judge them with the
 * rules and price them with the effort model.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright';
import { actions } from '../actions/index.js';
import { ActionError } from '../actions/types.js';
import { stepEffort, type EffortState } from '../effort/model.js';
import type { StepResult, StepStatus } from '../report/types.js';
import { applyRules } from '../rules/index.js';
import type { ResolvedScenario, ResolvedStep } from '../scenario/schema.js';
import type { StepArtifacts } from './artifacts.js';
import { checkExpectation } from './expect.js';
import type { PageSession } from './page-session.js';
import { StepRecorder } from './step-recorder.js';

export interface StepEnvironment {
  page: Page;
  session: PageSession;
  scenario: ResolvedScenario;
  baseUrl: string;
  touch: boolean;
  viewport: { width: number; height: number };
  outDir: string;
  /** Folder for this scenario's screenshots, relative to outDir. */
  screenshotDir: string;
}

/** Fields that must never show in a screenshot: passwords and card details. */
const MASKED_FIELDS = 'input[type="password"], input[autocomplete^="cc-"], input[name*="card" i], input[id*="card" i]';

export async function runStep(
  env: StepEnvironment,
  step: ResolvedStep,
  index: number,
  effortState: EffortState,
): Promise<{ result: StepResult; artifacts: StepArtifacts; state: EffortState }> {
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
  await recorder.begin();
  const mark = env.session.mark();
  const started = Date.now();
  let status: StepStatus = 'passed';
  let reason: string | undefined;

  for (const { action, args } of step.actions) {
    try {
      await withGuard(actions[action].perform(recorder, args as never), timeout * 3 + 30_000, action);
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
  };
  const findings = applyRules(artifacts);
  const effort = stepEffort(artifacts, findings, effortState);
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
  return { result, artifacts, state: effort.state };
}

function classify(error: unknown, action: string): { status: StepStatus; reason: string } {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
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

async function takeScreenshot(env: StepEnvironment, index: number, name: string): Promise<string | null> {
  const relative = join(env.screenshotDir, `${String(index + 1).padStart(2, '0')}-${slug(name)}.png`);
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
