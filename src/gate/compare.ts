/**
 * A run against a baseline: what got worse for the customer (regressions) and what got better (improvements).
 * Only deterministic figures are compared, so the same site always gives the same verdict. Scenarios are matched by
 * file and name, steps by name within their scenario, and findings by their identity (scenario, step, rule, what it is
 * about: each element or address it lists), not by position: adding a step or reordering scenarios moves nothing. A finding that moved to another step of the same
 * scenario (a page rule reports an element where the customer first meets it) is the same finding.
 */
import { SEVERITY_RANK as RANK } from '../report/severity.js';
import type { Finding, GateChange, Report, ScenarioResult, Severity, StepResult } from '../report/types.js';
import { itemAddress, stableAddress, type EvidenceItem } from '../rules/support/items.js';

/**
 * A step's effort has risen when it grows by at least one mental operator (1.35 s, Card, Moran & Newell) and by at
 * least 5%: less is within what a small change of layout moves (a pointing distance), not new work.
 */
export const EFFORT_CHANGE = { seconds: 1.35, share: 0.05 } as const;

type Change = GateChange;

export interface Comparison {
  regressions: Change[];
  improvements: Change[];
  /** Scenarios of the run the baseline does not have, and of the baseline the run does not have. */
  added: string[];
  missing: string[];
}

export function effortChanged(before: number, after: number): boolean {
  return Math.abs(after - before) >= Math.max(EFFORT_CHANGE.seconds, EFFORT_CHANGE.share * before) - 1e-9;
}

/** The element a finding is about, as a person reads it. */
export function elementOf(finding: Finding): string {
  const { element, selector } = finding.evidence;
  return String(element ?? selector ?? '');
}

/**
 * A part of an id or class name a page generates on each load: one with a digit (`gc-msg-4kq2`, React's `:r1:`,
 * `ember123`, `css-1x2y3z`) or a run of four consonants no word has (`gc-msg-mwfjik`).
 */
const generated = (part: string) => /\d/.test(part) || (part.length >= 5 && /[bcdfghjklmnpqrstvwxz]{4}/i.test(part));

/**
 * An id or class name with its generated parts taken out: `gc-msg-4kq2x` is `gc-msg-*`. `known` says the element is
 * also known by what it says (an error message's box): then its name's last part goes whatever it looks like, since a
 * random one may be all letters (`gc-msg-lysunc`), and what the box says keeps two fields' boxes apart.
 */
const stableName = (name: string, known = false) => {
  const parts = name.split(/([-_:.\\]+)/);
  const last = parts.reduce((at, part, i) => (i % 2 === 0 && part ? i : at), -1);
  return parts.map((part, i) => (i % 2 === 0 && part && (generated(part) || (known && i === last)) ? '*' : part)).join('');
};

/** Text with what changes on every load taken out: every word with a digit (reference numbers, times, counts). */
export const stableText = (text: string) => text.replace(/[\w-]*\d[\w-]*/g, '#').replace(/\s+/g, ' ').trim();

/**
 * An element's description or selector as the same page gives it on every load: generated ids and class names
 * taken out (`div#gc-msg-4kq2x (role alert)` is `div#gc-msg-* (role alert)`), and numbers in its quoted text.
 */
export function stableElement(description: string, known = false): string {
  return description
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) => (i % 2 === 1 ? stableText(part) : part.replace(/#((?:\\.|[\w:-])+)|\.((?:\\.|[\w-])+)/g, (_, id?: string, name?: string) => (id ? `#${stableName(id, known)}` : `.${stableName(name!, known)}`))))
    .join('');
}

const METHOD = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /;

/**
 * What a finding is about, as the same site gives it on every load, once per element it lists: each broken link or
 * image by its address, an element by its selector (structural, not its visible text: a rotating banner says
 * something else on each load) or else its description, an element without a name of its own (an error message's
 * box) with what it says, a failed request by its method and address, an uncaught error by its message; session
 * ids, cache-busters, generated ids and numbers taken out. A person reads the evidence as it was.
 */
export function subjectsOf(finding: Finding): string[] {
  const { element, selector, items, text, url, method } = finding.evidence;
  if (Array.isArray(items) && items.length > 0) {
    return (items as EvidenceItem[]).map((item) => {
      const address = itemAddress(item);
      return address ? stableAddress(address) : stableElement(String(item.selector || item.element || ''));
    });
  }
  if (typeof selector === 'string' && selector) return [stableElement(selector)];
  if (typeof element === 'string' && element) {
    const named = element.includes('"');
    return [named || typeof text !== 'string' || !text ? stableElement(element) : `${stableElement(element, true)} ${stableText(text)}`];
  }
  if (typeof text === 'string' && text) return [stableText(text.split('\n')[0]!)];
  if (typeof url === 'string' && url) {
    const verb = typeof method === 'string' ? method : METHOD.exec(finding.message)?.[1];
    return [`${verb ? `${verb} ` : ''}${stableAddress(url)}`];
  }
  return [''];
}

/** What stays the same about a finding from run to run: where, what rule, what it is about. */
export function findingIdentity(scenario: string, step: string, finding: Finding, subject = subjectsOf(finding).join(' ')): string {
  return [scenario, step, finding.rule, subject].join('\u0000');
}

/**
 * Each thing a finding is about in the words a person reads, and as stable as its identity (a gate result is
 * fingerprinted by it): an item as the page describes it, with its address; an element; a failed request by its
 * method and address; else what the identity holds (an uncaught error's message).
 */
function readable(finding: Finding): string[] {
  const { items, url, method } = finding.evidence;
  if (Array.isArray(items) && items.length > 0) {
    return (items as EvidenceItem[]).map((item) => {
      const address = itemAddress(item);
      return `${item.element}${address ? ` (${stableAddress(address)})` : ''}`;
    });
  }
  const element = elementOf(finding);
  if (element) return [element];
  const verb = typeof method === 'string' ? method : METHOD.exec(finding.message)?.[1];
  return verb && typeof url === 'string' ? [`${verb} ${stableAddress(url)}`] : subjectsOf(finding);
}

/** Step names made unique within a scenario (a second "Tap Next" is "Tap Next #2"). */
export function stepKeys(steps: readonly StepResult[]): string[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const n = (seen.get(step.name) ?? 0) + 1;
    seen.set(step.name, n);
    return n === 1 ? step.name : `${step.name} #${n}`;
  });
}

const deterministic = (finding: Finding) => finding.class === 'deterministic' && !finding.error;

/** One thing a finding is about (a finding that lists several broken links is one per link), where it was found. */
interface Located {
  step: string;
  finding: Finding;
  subject: string;
  /** The element or item in a person's words. */
  what: string;
}

function findingsOf(scenario: ScenarioResult): Located[] {
  const keys = stepKeys(scenario.steps);
  return scenario.steps.flatMap((step, i) =>
    step.findings.filter(deterministic).flatMap((finding) => {
      const what = readable(finding);
      return subjectsOf(finding).map((subject, n) => ({ step: keys[i]!, finding, subject, what: what[n] ?? '' }));
    }),
  );
}

/**
 * Findings of `now` without a counterpart in `then`: matched first in the same step, then anywhere in the scenario
 * (each counterpart used once). A counterpart of lower severity does not count.
 */
function unmatched(now: Located[], then: Located[], scenario: string): Located[] {
  const pool = new Map<string, Located[]>();
  const add = (key: string, item: Located) => pool.set(key, [...(pool.get(key) ?? []), item]);
  for (const item of then) {
    add(findingIdentity(scenario, item.step, item.finding, item.subject), item);
    add(findingIdentity(scenario, '*', item.finding, item.subject), item);
  }
  const used = new Set<Located>();
  const take = (key: string, severity: Severity) => {
    const candidate = (pool.get(key) ?? []).find((c) => !used.has(c) && RANK[c.finding.severity] >= RANK[severity]);
    if (candidate) used.add(candidate);
    return candidate;
  };
  const left: Located[] = [];
  const second: Located[] = [];
  for (const item of now) {
    if (!take(findingIdentity(scenario, item.step, item.finding, item.subject), item.finding.severity)) second.push(item);
  }
  for (const item of second) {
    if (!take(findingIdentity(scenario, '*', item.finding, item.subject), item.finding.severity)) left.push(item);
  }
  return left;
}

/** The element or item a change is about, where the finding's own message may name another (its first item). */
const on = (what: string, finding: Finding) => (what && elementOf(finding) && !finding.message.includes(what) ? ` on ${what}` : '');

const seconds = (value: number) => `${value.toFixed(1)} s`;

/** A step the customer did to the end: a blocked or broken one has no effort to compare (the journey says it). */
const measuredThrough = (step: StepResult) => step.status === 'passed' || step.status === 'failed';

/** Worst first: a journey no longer completed, then new findings by severity, then effort. */
const ORDER: Record<Change['kind'], number> = { 'now-blocked': 0, 'now-completed': 0, 'new-finding': 1, 'finding-gone': 1, 'effort-up': 2, 'effort-down': 2, slower: 3, faster: 3 };

/**
 * Nielsen's response-time limits: under 0.1 s feels instant, under 1 s keeps the flow of thought, under 10 s keeps
 * attention; beyond, attention is lost. A wait gates only by the band it falls in, never by its exact value.
 */
const BANDS = [
  { below: 0.1, name: 'instant' },
  { below: 1, name: 'flow kept' },
  { below: 10, name: 'attention kept' },
  { below: Infinity, name: 'attention lost' },
] as const;
export const waitBand = (wait: number) => BANDS.findIndex((band) => wait < band.below);
const bandName = (wait: number) => `${wait.toFixed(2)} s, ${BANDS[waitBand(wait)]!.name}`;
const byWeight = (a: Change, b: Change) => ORDER[a.kind] - ORDER[b.kind] || (b.severity ? RANK[b.severity] : 0) - (a.severity ? RANK[a.severity] : 0);

/** The same scenario in another run of it: its file and its name (two files may hold scenarios of one name). */
export const sameScenario = (a: ScenarioResult) => (b: ScenarioResult) => a.name === b.name && a.file === b.file;

/**
 * Each scenario of `current` with its counterpart in `baseline`: the one of the same file and name, else the one of
 * the same name where neither report has another of that name left (a scenario file moved or renamed).
 */
export function pairScenarios(baseline: readonly ScenarioResult[], current: readonly ScenarioResult[]): Map<ScenarioResult, ScenarioResult> {
  const pairs = new Map<ScenarioResult, ScenarioResult>();
  const taken = new Set<ScenarioResult>();
  for (const scenario of current) {
    const old = baseline.find((s) => !taken.has(s) && sameScenario(scenario)(s));
    if (!old) continue;
    pairs.set(scenario, old);
    taken.add(old);
  }
  for (const scenario of current.filter((s) => !pairs.has(s))) {
    const olds = baseline.filter((s) => !taken.has(s) && s.name === scenario.name);
    const nows = current.filter((s) => !pairs.has(s) && s.name === scenario.name);
    if (olds.length !== 1 || nows.length !== 1) continue;
    pairs.set(scenario, olds[0]!);
    taken.add(olds[0]!);
  }
  return pairs;
}

/** A scenario as messages name it: by its name, with its file where another scenario of the report has that name. */
export function scenarioLabel(scenario: ScenarioResult, all: readonly ScenarioResult[]): string {
  return all.filter((s) => s.name === scenario.name).length > 1 ? `${scenario.name} (${scenario.file})` : scenario.name;
}

/** Regressions at or above `failOn` and every improvement, from `baseline` to `current`. */
export function compareReports(baseline: Report, current: Report, failOn: Severity = 'high', options: { timing?: boolean } = {}): Comparison {
  const regressions: Change[] = [];
  const improvements: Change[] = [];
  const pairs = pairScenarios(baseline.scenarios, current.scenarios);
  const paired = new Set(pairs.values());

  for (const scenario of current.scenarios) {
    const old = pairs.get(scenario);
    if (!old) continue;
    const name = scenarioLabel(scenario, current.scenarios);
    if (old.completed && !scenario.completed) {
      regressions.push({ kind: 'now-blocked', scenario: name, message: `"${name}" was completed in the baseline and is not now: ${scenario.reason ?? scenario.status}` });
    } else if (!old.completed && scenario.completed) {
      improvements.push({ kind: 'now-completed', scenario: name, message: `"${name}" is completed now; in the baseline it was not (${old.reason ?? old.status})` });
    }

    const oldSteps = new Map(stepKeys(old.steps).map((key, i) => [key, old.steps[i]!]));
    for (const [i, key] of stepKeys(scenario.steps).entries()) {
      const step = scenario.steps[i]!;
      const was = oldSteps.get(key);
      // Effort of a step is compared only where both runs measured the step through.
      if (!was || !measuredThrough(step) || !measuredThrough(was)) continue;
      if (options.timing && waitBand(step.wait) !== waitBand(was.wait)) {
        const slower = waitBand(step.wait) > waitBand(was.wait);
        (slower ? regressions : improvements).push({
          kind: slower ? 'slower' : 'faster',
          scenario: name,
          step: key,
          before: was.wait,
          after: step.wait,
          message: `"${name}", step "${key}": the wait went from ${bandName(was.wait)} to ${bandName(step.wait)}`,
        });
      }
      if (!effortChanged(was.effort, step.effort)) continue;
      const change = { scenario: name, step: key, before: was.effort, after: step.effort };
      if (step.effort > was.effort) {
        regressions.push({ ...change, kind: 'effort-up', message: `"${name}", step "${key}": effort rose from ${seconds(was.effort)} to ${seconds(step.effort)}` });
      } else {
        improvements.push({ ...change, kind: 'effort-down', message: `"${name}", step "${key}": effort fell from ${seconds(was.effort)} to ${seconds(step.effort)}` });
      }
    }

    const nowFindings = findingsOf(scenario);
    const oldFindings = findingsOf(old);
    for (const { step, finding, what } of unmatched(nowFindings, oldFindings, name)) {
      if (RANK[finding.severity] < RANK[failOn]) continue;
      regressions.push({
        kind: 'new-finding',
        scenario: name,
        step,
        rule: finding.rule,
        element: what,
        severity: finding.severity,
        message: `"${name}", step "${step}": new ${finding.severity} ${finding.rule}${on(what, finding)}: ${finding.message}`,
      });
    }
    for (const { step, finding, what } of unmatched(oldFindings, nowFindings, name)) {
      improvements.push({
        kind: 'finding-gone',
        scenario: name,
        step,
        rule: finding.rule,
        element: what,
        severity: finding.severity,
        message: `"${name}", step "${step}": ${finding.severity} ${finding.rule}${on(what, finding)} is gone: ${finding.message}`,
      });
    }
  }
  return {
    regressions: regressions.sort(byWeight),
    improvements: improvements.sort(byWeight),
    added: current.scenarios.filter((s) => !pairs.has(s)).map((s) => scenarioLabel(s, current.scenarios)),
    missing: baseline.scenarios.filter((s) => !paired.has(s)).map((s) => scenarioLabel(s, baseline.scenarios)),
  };
}
