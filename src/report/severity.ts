/** Severities in one place: their order (worst first), their rank, and counting findings by them. */
import type { Finding, Severity } from './types.js';

/** Worst first. */
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/** Higher is worse. */
export const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** Worst first, for sorting. */
export const bySeverity = (a: { severity: Severity }, b: { severity: Severity }) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];

export function countBySeverity(findings: Iterable<Pick<Finding, 'severity'>>): Record<Severity, number> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Every finding of a scenario's steps. */
export const findingsOfSteps = (steps: ReadonlyArray<{ findings: Finding[] }>): Finding[] => steps.flatMap((step) => step.findings);
