/**
 * Comparing journeys for the customer: a journey they could not finish is worse than any they finished, whatever
 * effort either took; between two finished (or two unfinished) journeys, more effort is worse.
 */
import type { ScenarioResult } from './types.js';

/** Negative when `a` was easier for the customer than `b`, positive when harder, 0 when the same. */
export function compareForCustomer(a: Pick<ScenarioResult, 'completed' | 'effort'>, b: Pick<ScenarioResult, 'completed' | 'effort'>): number {
  if (a.completed !== b.completed) return a.completed ? -1 : 1;
  return a.effort - b.effort;
}

/** The journey in words for a summary: its effort, or that it was not completed. */
export function verdictOf(result: Pick<ScenarioResult, 'completed' | 'effort'>): string {
  return result.completed ? `effort ${result.effort.toFixed(1)} s` : `not completed (gave up after ${result.effort.toFixed(1)} s of effort)`;
}

/** Why cx-shop could not finish measuring a journey (one whose status is error), in the words the run gave. */
export function whyNotMeasured(result: Pick<ScenarioResult, 'reason' | 'steps'>): string {
  return result.reason ?? result.steps.find((step) => step.status === 'error')?.reason ?? 'the run broke off';
}

/** The step a journey that did not pass stopped at (the first neither passed nor skipped), with its index; null if none. */
export function stoppedStep<S extends { status: string }>(result: { steps: readonly S[] }): { index: number; step: S } | null {
  const index = result.steps.findIndex((step) => step.status !== 'passed' && step.status !== 'skipped');
  return index < 0 ? null : { index, step: result.steps[index]! };
}
