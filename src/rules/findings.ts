/**
 * Turning what a rule reports into findings: one place for the shape every rule registry, the runner and the
 * journey rules share.
 */
import { firstLine } from '../errors.js';
import type { Finding, Severity } from '../report/types.js';
import type { RuleDefinition, RuleHit } from './types.js';

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
