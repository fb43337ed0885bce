/**
 * The friction rules, keyed by id (each id is its file name). Rules are pure functions over a step's
 * artifacts; a rule that throws becomes an error finding for that rule, never a crashed run.
 */
import type { StepArtifacts } from '../runner/artifacts.js';
import type { Finding } from '../report/types.js';
import deadTap from './dead-tap.js';
import errorMessage from './error-message.js';
import failedRequest from './failed-request.js';
import pageError from './page-error.js';
import valueNotKept from './value-not-kept.js';

export const rules = {
  'page-error': pageError,
  'failed-request': failedRequest,
  'dead-tap': deadTap,
  'value-not-kept': valueNotKept,
  'error-message': errorMessage,
};

export type RuleId = keyof typeof rules;

export function applyRules(artifacts: StepArtifacts): Finding[] {
  const findings: Finding[] = [];
  for (const [id, rule] of Object.entries(rules)) {
    try {
      for (const hit of rule.detect(artifacts)) {
        findings.push({
          rule: id,
          severity: hit.severity ?? rule.severity,
          title: rule.title,
          message: hit.message,
          evidence: hit.evidence,
          source: rule.source,
          class: rule.class,
        });
      }
    } catch (error) {
      findings.push({
        rule: id,
        severity: 'low',
        title: `The ${id} rule could not run`,
        message: error instanceof Error ? error.message : String(error),
        evidence: { url: artifacts.url },
        source: 'cx-shop',
        class: 'deterministic',
        error: true,
      });
    }
  }
  return findings;
}
