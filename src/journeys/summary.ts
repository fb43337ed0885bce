/**
 * What the whole journey took, for the report: pages, taps, fields, characters typed, swipes and reading, and,
 * when the scenario names its goal, what it took to reach it.
 */
import type { StepResult } from '../report/types.js';

export interface JourneySummary {
  pages: number;
  taps: number;
  fields: number;
  charsTyped: number;
  /** Swipes: each viewport height scrolled, to a target or on purpose. */
  scrolls: number;
  /** Seconds of reading (messages, policies, invoices). */
  readingSeconds: number;
  /**
   * When the scenario names a goal: the step where the customer first saw it (its index in the steps, from 0; the
   * terminal counts from 1), and what it took to get there.
   */
  goal?: { text: string; reachedAtStep: number | null; taps: number; scrolls: number; readingSeconds: number; effort: number };
}

function totals(steps: StepResult[]) {
  const sum = (pick: (s: StepResult) => number) => Math.round(steps.reduce((n, s) => n + pick(s), 0) * 1000) / 1000;
  return {
    pages: sum((s) => s.actions.pages),
    taps: sum((s) => s.actions.taps),
    fields: sum((s) => s.actions.fields),
    charsTyped: sum((s) => s.actions.charsTyped),
    scrolls: sum((s) => s.actions.scrolls),
    readingSeconds: sum((s) => s.effortBreakdown.reading),
    effort: sum((s) => s.effort),
  };
}

export function summariseJourney(steps: StepResult[], goal?: { text: string; reachedAtStep: number | null }): JourneySummary {
  const { effort: _effort, ...all } = totals(steps);
  if (!goal) return all;
  const upTo = goal.reachedAtStep === null ? steps : steps.slice(0, goal.reachedAtStep + 1);
  const reached = totals(upTo);
  return {
    ...all,
    goal: { ...goal, taps: reached.taps, scrolls: reached.scrolls, readingSeconds: reached.readingSeconds, effort: reached.effort },
  };
}
