import type { PageSnapshot, RequestRecord, StepArtifacts } from '../artifacts/types.js';
import type { Evidence, Finding, Severity } from '../report/types.js';

/**
 * A step's artifacts as the rules see them: with what the judge knows from the steps before it. The page the
 * customer saw at the end of the previous step; whether this page state (or this page) is new in the scenario.
 */
export interface JudgedStep extends StepArtifacts {
  previousPage: PageSnapshot | null;
  /** This page state was not judged earlier in the scenario: page rules judge each state once. */
  newPageState: boolean;
  /** The customer arrived on a page (a document or a client-side route) they had not been on before. */
  newPage: boolean;
  /**
   * The web vitals read at the end of the previous step, when this step stayed on the same document (a client-side
   * route keeps it): what the document's vitals were before this step; null on a new document or the first step.
   */
  vitalsBefore: StepArtifacts['timing']['vitals'] | null;
  /**
   * The customer's own requests cx-shop failed on purpose in this step, when the page they ended on is the site's
   * (see support/faults.ts): what the resilience rules judge, worked out once per step.
   */
  injectedFailures: RequestRecord[];
  /**
   * Third parties' requests that got no answer at all on the page the customer is on (and their scripts still
   * unanswered), asked for in earlier steps since its document loaded (a client-side route keeps the document; a step
   * that brings a new one starts afresh): a library or a picture that never came stays missing for as long as the
   * customer stays on the page.
   */
  earlierUnanswered: RequestRecord[];
}

/** What a rule reports for one occurrence; the runner adds the rule's id, title, source and class. */
export interface RuleHit {
  message: string;
  evidence: Evidence;
  /** Only when this occurrence is more or less severe than the rule's default. */
  severity?: Severity;
}

/** Where in the experience a rule looks: how findings are grouped in reports. */
export type RuleArea =
  | 'errors'
  | 'frustration'
  | 'forms'
  | 'mobile'
  | 'accessibility'
  | 'speed'
  | 'invoice'
  | 'returns'
  | 'promo'
  | 'resilience'
  | 'journey';

/** A friction rule: static metadata plus one pure function over a step's artifacts. The id is the file name. */
export interface RuleDefinition {
  title: string;
  area: RuleArea;
  severity: Severity;
  /** The threshold in words, for `cx-shop rules` and the README. */
  threshold: string;
  source: string;
  class: Finding['class'];
  /**
   * 'page': judges the page as it is (layout, forms, accessibility); runs once per new page state, and what it
   * found is reported once per scenario. 'step' (default): judges what happened during the step.
   */
  scope?: 'page' | 'step';
  detect(artifacts: JudgedStep): RuleHit[];
}

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

/** The steps of one scenario, for the rules that judge a journey as a whole (returns, mobile visit). */
export interface JourneyArtifacts {
  journey: string;
  steps: JudgedStep[];
  statuses: Array<'passed' | 'failed' | 'blocked' | 'error' | 'skipped'>;
}

/** A rule over a whole journey; each hit names the step its evidence comes from. */
export interface JourneyRuleDefinition extends Omit<RuleDefinition, 'detect' | 'scope'> {
  scope: 'journey';
  /** The journeys it checks. */
  journeys: string[];
  detect(journey: JourneyArtifacts): Array<RuleHit & { step: number }>;
}

export function defineJourneyRule(rule: JourneyRuleDefinition): JourneyRuleDefinition {
  return rule;
}
