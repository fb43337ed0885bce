/**
 * The judge: from a scenario's recorded artifacts to its result (findings, effort, journey summary). A pure
 * function of the artifacts: a run judges step by step as it records, `cx-shop judge` judges saved artifacts again,
 * and both give the same result because both go through this one class in the same order.
 */
import { guidedRun, personStep } from '../guide/person.js';
import type { GuidedArtifacts, RequestRecord, ScenarioArtifacts, StepArtifacts } from '../artifacts/types.js';
import { emptyBreakdown, initialEffortState, round, stepEffort, wordCount, type EffortState } from '../effort/model.js';
import { recoveryFor, type View } from '../effort/recovery.js';
import { analyseInvoice } from '../journeys/invoice-analysis.js';
import { summariseJourney } from '../journeys/summary.js';
import type { Finding, ScenarioResult, StepResult } from '../report/types.js';
import { ruleSettings, withSetting } from '../rules/findings.js';
import { applyRules, rules, type RuleId } from '../rules/index.js';
import { applyJourneyRules } from '../rules/journey/index.js';
import { afterUnreachableScript, failed, shortUrl, unansweredScript, unreachableThirdParty, unseenByCustomer } from '../rules/support/requests.js';
import { failuresToJudge } from '../rules/support/faults.js';
import type { EvidenceItem } from '../rules/support/items.js';
import type { JudgedStep } from '../rules/types.js';
import type { SavedScenario } from '../scenario/schema.js';
import { shownScale } from '../rules/support/screen-scale.js';

export interface JudgeContext {
  scenario: SavedScenario;
  device: string;
  baseUrl: string;
  touch: boolean;
  viewport: { width: number; height: number };
  /** A guided run: who walked it and the prediction their steps are held against. */
  guided?: GuidedArtifacts;
}

export class ScenarioJudge {
  private readonly judged: JudgedStep[] = [];
  private readonly results: StepResult[] = [];
  private readonly seenStates = new Set<string>();
  private readonly seenPages = new Set<string>();
  /** Page findings reported so far: each page problem is reported the first time the scenario meets it. */
  private readonly reported = new Set<string>();
  /** Calls (method and address without its query) and errors the page made on its own, while the customer did nothing. */
  private readonly backgroundCalls = new Set<string>();
  private readonly backgroundErrors = new Set<string>();
  /**
   * Third parties' requests that got no answer on the document the customer is on, from the steps before: a library
   * or a picture that failed as the page loaded is still missing when the customer acts on that page later.
   */
  private documentUnanswered: RequestRecord[] = [];
  private effort: EffortState;
  private goalReachedAt: number | null = null;
  /** Words the customer has read as they came (an FAQ's answer a tap opened), on the page they are on (see readOnce). */
  private readHere: string[] = [];

  constructor(private readonly context: JudgeContext) {
    this.effort = initialEffortState(context);
  }

  /** Judges the next step; steps must come in order. */
  step(recorded: StepArtifacts): StepResult {
    const artifacts = this.withoutBackground(recorded);
    const previous = this.judged.at(-1);
    const signature = artifacts.page?.signature ?? null;
    const newPageState = signature !== null && !this.seenStates.has(signature);
    if (signature !== null) this.seenStates.add(signature);
    const arrived = [...artifacts.pages, ...(artifacts.page ? [artifacts.page.url] : [])].map(pageKey);
    const newPage = arrived.some((key) => !this.seenPages.has(key));
    for (const key of arrived) this.seenPages.add(key);
    const judged: JudgedStep = {
      ...artifacts,
      previousPage: previous?.page ?? null,
      newPageState,
      newPage,
      vitalsBefore: previous && lastNewDocument(artifacts) < 0 ? previous.timing.vitals : null,
      injectedFailures: failuresToJudge(artifacts),
      earlierUnanswered: this.unansweredOfDocument(artifacts),
    };
    this.judged.push(judged);

    const config = ruleSettings(this.context.scenario, this.context.scenario.steps[artifacts.index]);
    const findings: Finding[] = [];
    for (const finding of applyRules(judged)) {
      const set = withSetting(finding, config[finding.rule as RuleId]);
      const kept = set && rules[finding.rule as RuleId]?.scope === 'page' ? this.firstReport(set) : set;
      if (kept) findings.push(kept);
    }
    const goal = this.context.scenario.goal;
    if (goal && this.goalReachedAt === null && shows(artifacts, goal)) this.goalReachedAt = artifacts.index;

    const interactions = this.readOnce(artifacts);
    // The page the customer tapped on is the one the step began on (the last step's), as the phone drew it.
    const tappedOn = previous?.page ?? artifacts.page;
    const scale = tappedOn ? shownScale(tappedOn, artifacts.viewport.width, artifacts.mobile) : 1;
    const effort = stepEffort({ ...this.context, interactions, appeared: artifacts.appeared, view: viewAtEnd(artifacts), scale }, recoveryFor(findings, judged, this.judged.slice(0, -1)), this.effort);
    this.effort = effort.state;
    const environment = environmentOf(judged);
    const line = this.context.scenario.steps[artifacts.index]?.line;
    const person = personStep(artifacts, this.context.guided);
    const result: StepResult = {
      name: artifacts.name,
      ...(line !== undefined && { line }),
      status: artifacts.outcome.status,
      ...(artifacts.outcome.reason ? { reason: artifacts.outcome.reason } : {}),
      effort: effort.total,
      effortBreakdown: effort.breakdown,
      recovery: effort.recovery,
      wait: seconds(artifacts.waitMs),
      wall: seconds(artifacts.wallMs),
      url: artifacts.url,
      screenshot: artifacts.screenshot?.path ?? null,
      ...(artifacts.screenshot && { picture: { width: artifacts.screenshot.width, height: artifacts.screenshot.height, offset: artifacts.screenshot.offset } }),
      findings,
      ...(environment.length > 0 ? { environment } : {}),
      ...(artifacts.faults?.length ? { faults: artifacts.faults } : {}),
      actions: countActions(artifacts),
      ...(person && { person }),
    };
    this.results.push(result);
    return result;
  }

  /**
   * The step's interactions, each `read` of a text priced for the words the customer has not read on this page yet:
   * what came in answer to them (an FAQ's answer a tap opened, a message) is read as it comes, and counted there, so
   * a step that then reads the answer reads only what else the text holds.
   */
  private readOnce(artifacts: StepArtifacts): StepArtifacts['interactions'] {
    if (artifacts.pages.length > 0) this.readHere = [];
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
    this.readHere.push(...artifacts.appeared.map((a) => flat(a.text)).filter(Boolean));
    // Each reading is of the document recorded with it, in order (see ScriptContext.recordDocument).
    const texts = artifacts.documents.map((d) => flat(d.text));
    let k = 0;
    return artifacts.interactions.map((interaction) => {
      if (interaction.kind !== 'read') return interaction;
      const text = texts[k++];
      if (text === undefined) return interaction;
      const already = this.readHere.filter((read) => ` ${text} `.includes(` ${read} `)).reduce((sum, read) => sum + wordCount(read), 0);
      return { ...interaction, words: Math.max(0, interaction.words - already) };
    });
  }

  /** The scenario's result once its last step is judged: journey rules, totals, the summary. */
  finish(brokeOff?: string): ScenarioResult {
    const { scenario } = this.context;
    const steps = [...this.results];
    // Steps not run: after a step that stopped the journey, or because the run broke off (interrupted) before them.
    const stopped = steps.some((step) => step.status === 'blocked' || step.status === 'error');
    const why = brokeOff && !stopped ? `not run: ${brokeOff}` : 'an earlier step did not pass';
    for (const step of scenario.steps.slice(steps.length)) steps.push(skipped(step.name, why));
    let status: ScenarioResult['status'] = 'passed';
    let reason: string | undefined;
    for (const [index, step] of steps.entries()) {
      if (step.status === 'passed' || step.status === 'skipped') continue;
      const ends = step.status === 'blocked' || step.status === 'error';
      if (status === 'passed' || ends) {
        status = step.status;
        reason = `step ${index + 1} "${step.name}": ${step.reason ?? step.status}`;
      }
      if (ends) break;
    }
    if (brokeOff) {
      status = 'error';
      reason = `the run broke off: ${brokeOff}`;
    }
    const statuses = steps.map((s) => s.status);
    for (const { step, finding } of applyJourneyRules({ journey: scenario.journey, steps: this.judged, statuses })) {
      const target = steps[step];
      const kept = target && withSetting(finding, ruleSettings(scenario, scenario.steps[step])[finding.rule]);
      if (target && kept) target.findings.push(kept);
    }
    return {
      name: scenario.name,
      file: scenario.file,
      journey: scenario.journey,
      device: this.context.device,
      ...(scenario.persona ? { persona: scenario.persona } : {}),
      baseUrl: this.context.baseUrl,
      status,
      ...(reason ? { reason } : {}),
      completed: status === 'passed' || status === 'failed',
      effort: round(steps.reduce((sum, step) => sum + step.effort, 0)),
      wait: round(steps.reduce((sum, step) => sum + step.wait, 0)),
      journeySummary: summariseJourney(steps, scenario.goal ? { text: scenario.goal, reachedAtStep: this.goalReachedAt } : undefined),
      steps,
      ...(this.context.guided && { guided: guidedRun(this.context.guided, steps) }),
    };
  }

  /**
   * A poll or a timer of the page's own keeps going whatever the customer does: a call to an address, or an error,
   * that the page also made while the customer did nothing (in this step or an earlier one) is background, even
   * when it happened to come while an action was being answered.
   */
  private withoutBackground(step: StepArtifacts): StepArtifacts {
    const call = (r: { method: string; url: string }) => `${r.method} ${r.url.split(/[?#]/)[0]}`;
    for (const r of step.requests) if (r.cause === 'background' && r.party !== 'cx-shop') this.backgroundCalls.add(call(r));
    for (const e of step.pageErrors) if (e.cause === 'background') this.backgroundErrors.add(e.message);
    return {
      ...step,
      requests: step.requests.map((r) => (r.cause === 'action' && this.backgroundCalls.has(call(r)) ? { ...r, cause: 'background' as const } : r)),
      pageErrors: step.pageErrors.map((e) => (e.cause === 'action' && this.backgroundErrors.has(e.message) ? { ...e, cause: 'background' as const } : e)),
    };
  }

  /**
   * The third parties' requests that got no answer on the page the customer is on (see JudgedStep), from the steps
   * before this one; then what this step adds for the steps after it. A step that brings a new document starts
   * afresh: its own requests are judged as they are, and only what the new document asked for is handed on.
   */
  private unansweredOfDocument(step: StepArtifacts): RequestRecord[] {
    const opened = lastNewDocument(step);
    const earlier = opened < 0 ? this.documentUnanswered : [];
    const kept = [...earlier, ...step.requests.slice(Math.max(opened, 0)).filter((r) => unreachableThirdParty(r) || unansweredScript(r))];
    this.documentUnanswered = [...new Map(kept.map((r) => [r.url, r])).values()];
    return earlier;
  }

  /**
   * The same page problem on several pages (a tiny navigation bar, a locked zoom) is one thing to fix: each element
   * is reported the first time the scenario meets it.
   */
  private firstReport(finding: Finding): Finding | null {
    const items = finding.evidence.items as EvidenceItem[] | undefined;
    // A finding of the page as a whole (wider than the screen, with nothing to name as the cause) has no items.
    if (!items || items.length === 0) {
      const key = [finding.rule, finding.evidence.element, finding.evidence.selector, finding.evidence.measured].join('|');
      if (this.reported.has(key)) return null;
      this.reported.add(key);
      return finding;
    }
    // A count in an element's name (a cart badge going from 1 to 0) does not make it another element. An element with
    // words of its own is known by them (a product's link moved up the grid by a sort is the same link); one without,
    // by its place. Two items of this finding alike (the "|" between links of one menu) are both this page's: only
    // earlier reports count.
    const keyOf = (item: EvidenceItem) =>
      [finding.rule, finding.severity, withoutCounts(item.element), item.text?.trim() ? withoutCounts(item.text) : item.selector].join('|');
    const fresh = items.filter((item) => !this.reported.has(keyOf(item)));
    for (const item of fresh) this.reported.add(keyOf(item));
    if (fresh.length === 0) return null;
    if (fresh.length === items.length) return finding;
    // The message names the finding's first element and its measure: the first new one's, when that was reported.
    const first = fresh[0]!;
    const lead = items[0]!;
    let message = finding.message;
    let measured = finding.evidence.measured;
    if (lead !== first) {
      message = message.replace(lead.element, first.element);
      if (lead.measured && first.measured) message = message.replace(lead.measured, first.measured);
      if (measured === lead.measured && first.measured) measured = first.measured;
    }
    return {
      ...finding,
      message: `${message} (${fresh.length} not reported on an earlier page)`,
      evidence: { ...finding.evidence, element: first.element, selector: first.selector, box: first.box, measured, count: fresh.length, items: fresh },
    };
  }
}

/** Judges a whole scenario's saved artifacts. */
export function judgeScenario(artifacts: ScenarioArtifacts): ScenarioResult {
  const first = artifacts.steps[0];
  const judge = new ScenarioJudge({
    scenario: artifacts.scenario,
    device: artifacts.device,
    baseUrl: artifacts.baseUrl,
    touch: first?.touch ?? false,
    viewport: first?.viewport ?? { width: 1280, height: 720 },
    ...(artifacts.guided && { guided: artifacts.guided }),
  });
  for (const step of artifacts.steps) judge.step(step);
  return judge.finish(artifacts.brokeOff);
}

/** A page for the journey: its address without the fragment-less query noise of a hash route kept apart. */
function pageKey(url: string): string {
  try {
    const u = new URL(url);
    // A hash route (#/cart) is a page of a single-page app; a plain anchor (#reviews) is not.
    const hash = u.hash.startsWith('#/') || u.hash.startsWith('#!/') ? u.hash : '';
    return `${u.origin}${u.pathname}${hash}`;
  } catch {
    return url;
  }
}

/**
 * Where in the step's requests the last new document the customer arrived on was asked for, or -1 when the step
 * brought none (a client-side route change keeps the document, and a frame's document is not the page).
 */
function lastNewDocument(step: StepArtifacts): number {
  const arrived = new Set(step.pages.map(withoutHash));
  let last = -1;
  for (const [i, r] of step.requests.entries()) if (r.resourceType === 'document' && arrived.has(withoutHash(r.url))) last = i;
  return last;
}

function withoutHash(url: string): string {
  return url.split('#')[0]!;
}

/**
 * Where the customer was looking when the step ended, on the page they stayed on. A step that brought a new page
 * (or route) gives none: the boxes of what appeared before it left belong to the page left behind.
 */
function viewAtEnd(artifacts: StepArtifacts): View | null {
  const page = artifacts.page;
  if (!page || artifacts.pages.length > 0) return null;
  return { scroll: page.scroll, viewport: page.viewport, ...(page.covered && { covered: page.covered }) };
}

function shows(artifacts: StepArtifacts, goal: string): boolean {
  const norm = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();
  return norm(artifacts.page?.pageText ?? '').includes(norm(goal));
}

/** What failed around the customer without being the site's answer to them: third parties, the background. */
function environmentOf(artifacts: JudgedStep): string[] {
  const notes = failed(artifacts.requests)
    .filter((r) => r.injected === undefined)
    .filter((r) => r.party === 'third-party' || (r.party === 'site' && (r.cause === 'background' || unseenByCustomer(r))))
    .map((r) => `${r.party === 'third-party' ? new URL(r.url).host : 'background'}: ${r.method} ${shortUrl(r.url)} ${r.status !== null ? `HTTP ${r.status}` : r.failure}`);
  const errors = artifacts.pageErrors.flatMap((e) => {
    const line = e.message.split('\n')[0];
    if (e.party === 'cx-shop') return [`cx-shop's own script in the page failed (not the site's doing): ${line}`];
    if (e.party === 'third-party' || e.cause === 'background') return [`${e.party === 'third-party' ? 'third-party script' : 'background'} error: ${line}`];
    if (e.party === 'unknown') return [`error of unknown origin (a value thrown that is no Error, on a page that runs third parties' scripts): ${line}`];
    return afterUnreachableScript(e, artifacts.requests, artifacts.earlierUnanswered) ? [`error after a third party's script got no answer: ${line}`] : [];
  });
  // An invoice in a language the invoice checks do not read was not checked: said, so no one takes silence for a pass.
  const unread = artifacts.documents
    .filter((doc) => doc.kind === 'invoice')
    .flatMap((doc) => analyseInvoice(doc).language ?? [])
    .map((language) => `invoice in ${language}: cx-shop reads English invoices, so what it says was not checked`);
  // A way of typing the code cx-shop could not try was not judged: said, so no one takes silence for a pass.
  const untried = (artifacts.promo?.untried ?? []).map((u) => `promo code not tried ${u.variant}: ${u.reason}`);
  // A page too big to check whole had part of it checked for accessibility: said, so no one takes silence for a pass.
  const limited = artifacts.accessibility?.limited;
  const partly = limited
    ? [
        `accessibility: the page has ${limited.elements} elements, too many to check with every rule within a few seconds; axe-core checked ${limited.checked === limited.elements ? 'them all' : `${limited.checked} of them (those on the screen first, then in page order)`} without its rules ${limited.rulesLeftOut.join(', ')}`,
      ]
    : [];
  return [...new Set([...notes, ...errors, ...unread, ...untried, ...partly])].sort();
}

function countActions(artifacts: StepArtifacts): StepResult['actions'] {
  const counts = { taps: 0, charsTyped: 0, fields: 0, selects: 0, keys: 0, scrolls: 0, pages: 0 };
  for (const i of artifacts.interactions) {
    if (i.kind === 'tap' || i.kind === 'hover') counts.taps += 1;
    if (i.kind === 'type') {
      counts.fields += 1;
      counts.charsTyped += i.chars;
      if (i.pointed) counts.taps += 1;
    }
    if (i.kind === 'select') counts.selects += 1;
    if (i.kind === 'press') counts.keys += 1;
    if (i.kind === 'scroll') counts.scrolls += i.viewports;
  }
  counts.pages = artifacts.pages.length;
  return counts;
}

function skipped(name: string, reason: string): StepResult {
  return {
    name,
    status: 'skipped',
    reason,
    effort: 0,
    effortBreakdown: emptyBreakdown(),
    recovery: [],
    wait: 0,
    wall: 0,
    url: '',
    screenshot: null,
    findings: [],
    actions: { taps: 0, charsTyped: 0, fields: 0, selects: 0, keys: 0, scrolls: 0, pages: 0 },
  };
}

function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

function withoutCounts(name: string): string {
  return name.replace(/[\d()[\]]+/g, '').replace(/\s+/g, ' ').trim();
}
