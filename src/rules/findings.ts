/**
 * Turning what a rule reports into findings: one place for the shape every rule registry, the runner and the
 * journey rules share.
 */
import { firstLine } from '../errors.js';
import type { Finding, Severity } from '../report/types.js';
import type { RuleDefinition, RuleHit } from './types.js';
import type { JourneyRuleId, StepRuleId } from './ids.js';
import type { ResolvedStep, RulesConfig, Scenario } from '../scenario/schema.js';

type RuleMetadata = Pick<RuleDefinition, 'area' | 'title' | 'source' | 'class' | 'severity'>;

export function findingOf(id: string, rule: RuleMetadata, hit: RuleHit): Finding {
  return {
    rule: id,
    area: rule.area,
    severity: hit.severity ?? rule.severity,
    title: rule.title,
    message: hit.message,
    evidence: hit.evidence,
    source: rule.source,
    class: rule.class,
  };
}

/** A rule (or the probe it depends on) that could not run: reported, low, with no penalty. */
export function ruleFailure(id: string, area: string, error: unknown, url?: string, title = `The ${id} rule could not run`): Finding {
  return {
    rule: id,
    area,
    severity: 'low',
    title,
    message: firstLine(error),
    evidence: url ? { url } : {},
    source: 'cx-shop',
    class: 'deterministic',
    error: true,
  };
}

/** A scenario's or step's setting for a rule: 'off' drops the finding, a severity replaces the rule's. */
export function withSetting(finding: Finding, setting: 'off' | Severity | undefined): Finding | null {
  if (setting === 'off') return null;
  if (setting) finding.severity = setting;
  return finding;
}

/** The rule settings that hold at a step: the scenario's, with the step's own over them. */
export function ruleSettings(scenario: Pick<Scenario, 'rules'>, step: Pick<ResolvedStep, 'rules'> | undefined): RulesConfig {
  return { ...scenario.rules, ...step?.rules };
}

/**
 * Whether the scenario turns the rule off at the step (see ruleSettings): a rule turned off is not measured there, so
 * what only it would judge (axe-core's check, a promo code's other tries) is not done.
 */
export function ruleOff(scenario: Pick<Scenario, 'rules'>, step: Pick<ResolvedStep, 'rules'> | undefined, rule: StepRuleId | JourneyRuleId): boolean {
  return ruleSettings(scenario, step)[rule] === 'off';
}
