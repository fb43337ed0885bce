import type { StepArtifacts } from '../runner/artifacts.js';
import type { Evidence, Finding, Severity } from '../report/types.js';

/** What a rule reports for one occurrence; the runner adds the rule's id, title, source and class. */
export interface RuleHit {
  message: string;
  evidence: Evidence;
  /** Only when this occurrence is more or less severe than the rule's default. */
  severity?: Severity;
}

/** A friction rule: static metadata plus one pure function over a step's artifacts. The id is the file name. */
export interface RuleDefinition {
  title: string;
  severity: Severity;
  /** The threshold in words, for `cx-shop rules` and the README. */
  threshold: string;
  source: string;
  class: Finding['class'];
  detect(artifacts: StepArtifacts): RuleHit[];
}

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}
