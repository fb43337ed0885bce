/**
 * The result shapes every output is rendered from. The JSON report is exactly `Report`, versioned by
 * `REPORT_VERSION`: bump it when a field changes meaning or disappears.
 */
import type { JourneySummary } from '../journeys/summary.js';
import type { Box, PersonAnswers } from '../artifacts/types.js';

export const REPORT_VERSION = 1;

export type Severity = 'low' | 'medium' | 'high';
export type StepStatus = 'passed' | 'failed' | 'blocked' | 'error' | 'skipped';
export type ScenarioStatus = 'passed' | 'failed' | 'blocked' | 'error';

export interface Evidence {
  /** The element in words a person can use to find it. */
  element?: string;
  text?: string;
  box?: Box | null;
  url?: string;
  /** The measured value and the threshold it was held against. */
  measured?: string;
  threshold?: string;
  screenshot?: string | null;
  [key: string]: unknown;
}

export interface Finding {
  rule: string;
  /** errors, frustration, forms, mobile, accessibility or speed. */
  area: string;
  severity: Severity;
  title: string;
  /** One sentence saying what happened, in the customer's terms. */
  message: string;
  evidence: Evidence;
  /** Where the threshold comes from. */
  source: string;
  /** 'deterministic' counts toward the gate-able effort; 'timing' is measured and noisy. */
  class: 'deterministic' | 'timing';
  /** Set when the rule itself failed: reported, but adds no effort. */
  error?: boolean;
}

/** One piece of recovery work friction forced on the customer, in seconds of the same operators. */
export interface RecoveryItem {
  /** The rule whose finding forced it. */
  rule: string;
  /** What the customer has to do, in words. */
  what: string;
  seconds: number;
}

/** Seconds per operator of the effort model: the customer's own work, and the recovery friction forced on them. */
export interface EffortBreakdown {
  mental: number;
  pointing: number;
  keystrokes: number;
  keyboardSwitches: number;
  homing: number;
  scrolling: number;
  reading: number;
  recovery: number;
}

export interface StepResult {
  name: string;
  /** The line of the step in its scenario file (for SARIF, JUnit and annotations). */
  line?: number;
  status: StepStatus;
  /** Why the step did not pass, in words: which action, which element, what was on screen. */
  reason?: string;
  effort: number;
  effortBreakdown: EffortBreakdown;
  /** The recovery work in `effortBreakdown.recovery`, item by item. */
  recovery: RecoveryItem[];
  /** Measured seconds spent waiting for the site: timing, not part of `effort`. */
  wait: number;
  wall: number;
  url: string;
  screenshot: string | null;
  /** The screenshot's size in CSS pixels and where its top-left corner is in the page (boxes are in page pixels). */
  picture?: { width: number; height: number; offset: { x: number; y: number } };
  findings: Finding[];
  /** Failed requests and errors of third parties or the background: the environment, not the site's doing; no effort. */
  environment?: string[];
  /** Faults cx-shop injected on purpose in this step, and how many requests each hit. */
  faults?: Array<{ fault: string; hits: number }>;
  /** A guided run: what the person did, how long it took them and how easy they said it was. */
  person?: PersonStep;
  /** Counts of what the customer did in this step. */
  actions: { taps: number; charsTyped: number; fields: number; selects: number; keys: number; scrolls: number; pages: number };
}

export interface ScenarioResult {
  name: string;
  file: string;
  journey: string;
  device: string;
  persona?: string;
  baseUrl: string;
  status: ScenarioStatus;
  reason?: string;
  /**
   * False when the customer could not finish (a step blocked them, or the run broke): then the effort is what they
   * spent before giving up, and any comparison ranks the journey worse than one completed with any effort.
   */
  completed: boolean;
  effort: number;
  wait: number;
  /** What the whole journey took (and, with a goal, what it took to reach it). */
  journeySummary: JourneySummary;
  steps: StepResult[];
  /** Present when a person walked the journey (cx-shop guide) rather than the scenario's script. */
  guided?: GuidedRun;
}

/** One step of a guided run, as the person walked it, beside the automated run's prediction. */
export interface PersonStep {
  said: PersonAnswers['said'];
  /** Measured seconds the person took for the step: timing (a person's pace), not the deterministic effort. */
  seconds: number;
  /** "It was easy to …": 1 strongly disagree to 7 strongly agree; null when not asked or skipped. */
  ease: number | null;
  note?: string;
  /** What their hands did, as the recorder heard it. */
  counts: { taps: number; deadTaps: number; rageTaps: number; keystrokes: number; scrolls: number; pages: number; errorsSeen: number };
  /** The automated run's effort and status for the same step. */
  predicted: { effort: number; status: string } | null;
  /** The perception gap in words: where the person's time or rating and the prediction disagree; null when they agree. */
  gap: string | null;
}

export interface GuidedRun {
  shopper: string;
  via: 'browser' | 'checklist';
  /** Their answer for the whole journey (1-7), null when skipped. */
  ease: number | null;
  note?: string;
  /** Where the prediction came from (a report file, or the automated run cx-shop made first); null without one. */
  predictedFrom: string | null;
  /** Spearman's rank correlation between predicted effort and measured seconds over the steps; null below 3 steps. */
  rankCorrelation: number | null;
}

/** Several shoppers' guided runs of one scenario, put together (cx-shop combine). */
export interface PanelSummary {
  scenario: string;
  file: string;
  shoppers: string[];
  steps: Array<{
    name: string;
    /** Runs that reached this step. */
    runs: number;
    couldNot: number;
    seconds: { median: number | null; min: number | null; max: number | null };
    ease: { median: number | null; min: number | null; max: number | null; answers: number[] };
    predictedEffort: number | null;
  }>;
  ease: { median: number | null; min: number | null; max: number | null; answers: number[] };
  /** Spearman's rank correlation between each step's predicted effort and its median measured seconds. */
  rankCorrelation: number | null;
}

export interface Report {
  version: typeof REPORT_VERSION;
  /** False while a run is still going (or when it died): the scenarios listed are the ones finished. */
  complete: boolean;
  /** Set when the user stopped the run (Ctrl-C or SIGTERM): the scenarios listed are what was measured by then. */
  interrupted?: 'SIGINT' | 'SIGTERM';
  tool: { name: 'cx-shop'; version: string };
  /** Set on the report of part I of N of a run split with `--shard I/N` (cx-shop merge checks it has every part). */
  shard?: { index: number; count: number };
  startedAt: string;
  durationSeconds: number;
  browser: { executable: string; version: string } | null;
  summary: {
    scenarios: number;
    byStatus: Record<ScenarioStatus, number>;
    effort: number;
    findings: Record<Severity, number>;
    /** Findings of the timing class (measured, noisy), included in `findings`. */
    timingFindings: number;
    /** Findings per area: errors, frustration, forms, mobile, accessibility, speed. */
    byArea: Record<string, number>;
  };
  scenarios: ScenarioResult[];
  /** The gate's verdict: budgets, changes against a baseline, unstable figures. Every format renders this one. */
  gate?: GateVerdict;
  /** Guided runs of several shoppers put together, per scenario (cx-shop combine). */
  panel?: PanelSummary[];
}

/** A budget the scenario file set that the run did not keep. */
export interface BudgetMiss {
  scenario: string;
  /** The step, when the budget was the step's own. */
  step?: string;
  figure: string;
  limit: string;
  message: string;
}

/** One difference from the baseline, for better or worse. */
export interface GateChange {
  kind: 'new-finding' | 'finding-gone' | 'effort-up' | 'effort-down' | 'now-blocked' | 'now-completed' | 'slower' | 'faster';
  scenario: string;
  step?: string;
  rule?: string;
  element?: string;
  severity?: Severity;
  before?: number;
  after?: number;
  /** The change in words, naming the scenario, the step and the figures. */
  message: string;
}

/** A deterministic figure that was not the same in every repeat of the run (`--repeat`). */
export interface Instability {
  scenario: string;
  step: string;
  figure: string;
  values: string[];
  message: string;
}

export interface GateVerdict {
  /** Regressions count from this severity up. */
  failOn: Severity;
  /** Whether waits gate too (through Nielsen's bands on the median of repeats). */
  timing: boolean;
  baseline: { file: string; startedAt: string } | null;
  repeats: number;
  budgets: BudgetMiss[];
  regressions: GateChange[];
  improvements: GateChange[];
  unstable: Instability[];
  /** True when nothing above fails the gate (scenario statuses aside). */
  passed: boolean;
}
