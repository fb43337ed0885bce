/**
 * A guided step as the report shows it: what the person's hands did (from the recorder), how long it took them, how
 * easy they said it was, and the perception gap against the automated run's prediction. Pure, so `cx-shop judge`
 * gives the same from saved artifacts.
 */
import type { GuidedArtifacts, StepArtifacts } from '../artifacts/types.js';
import type { GuidedRun, PersonStep, StepResult } from '../report/types.js';
import { rageBursts } from '../rules/rage-tap.js';
import { median, spearman } from './stats.js';

/** A step that took the person this many times the predicted effort (and 10 s more) is a gap worth naming. */
const SLOWER_RATIO = 3;
const SLOWER_MIN_S = 10;

export function personStep(artifacts: StepArtifacts, guided: GuidedArtifacts | undefined): PersonStep | undefined {
  const answers = artifacts.person;
  if (!answers) return undefined;
  const presses = artifacts.taps.filter((t) => t.input === 'press');
  let keystrokes = 0;
  let scrolls = 0;
  for (const i of artifacts.interactions) {
    if (i.kind === 'type') keystrokes += i.chars + i.deletes;
    else if (i.kind === 'press') keystrokes += 1;
    else if (i.kind === 'scroll') scrolls += i.viewports;
  }
  const predictedSteps = guided?.predicted?.steps ?? [];
  const predicted = predictedSteps[artifacts.index] ?? null;
  const seconds = round(artifacts.wallMs / 1000);
  return {
    said: answers.said,
    seconds,
    ease: answers.ease,
    ...(answers.note ? { note: answers.note } : {}),
    counts: {
      taps: presses.length,
      deadTaps: presses.filter((t) => t.responses.length === 0).length,
      rageTaps: rageBursts(artifacts.taps).reduce((n, burst) => n + burst.length, 0),
      keystrokes,
      scrolls,
      pages: artifacts.pages.length,
      errorsSeen: artifacts.appeared.filter((a) => a.kind === 'alert' || a.kind === 'error' || a.kind === 'dialog').length,
    },
    predicted: predicted && { effort: predicted.effort, status: predicted.status },
    gap: predicted ? gapOf(answers.said, seconds, answers.ease, predicted, predictedSteps) : null,
  };
}

/**
 * Where the person and the prediction disagree, in words: a step the script passed that the person could not do
 * (or the other way round), a step rated hard that the model thought among the easier ones of the journey (or
 * easy among the harder ones), a step that took far longer than predicted. Thresholds are cx-shop conventions.
 */
export function gapOf(
  said: PersonStep['said'],
  seconds: number,
  ease: number | null,
  predicted: { effort: number; status: string },
  all: ReadonlyArray<{ effort: number }>,
): string | null {
  const parts: string[] = [];
  const scriptDid = predicted.status === 'passed';
  if (said === 'could not' && scriptDid) parts.push('the automated run passed this step; the shopper could not do it');
  if ((said === 'done' || said === 'expectation met') && (predicted.status === 'blocked' || predicted.status === 'error')) {
    parts.push(`the automated run was ${predicted.status} here; the shopper managed`);
  }
  const middle = median(all.map((s) => s.effort));
  if (ease !== null && middle !== null && all.length >= 2) {
    if (ease <= 3 && predicted.effort < middle) parts.push(`rated hard (${ease}/7) though predicted among the easier steps (${predicted.effort.toFixed(1)} s)`);
    if (ease >= 6 && predicted.effort > middle) parts.push(`rated easy (${ease}/7) though predicted among the harder steps (${predicted.effort.toFixed(1)} s)`);
  }
  if (seconds > SLOWER_RATIO * predicted.effort && seconds - predicted.effort >= SLOWER_MIN_S) {
    parts.push(`took ${seconds.toFixed(1)} s against ${predicted.effort.toFixed(1)} s predicted`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The guided run's line of the report, with the rank correlation of predicted effort and measured time. */
export function guidedRun(guided: GuidedArtifacts, steps: readonly StepResult[]): GuidedRun {
  const pairs = steps.filter((s) => s.person?.predicted && s.status !== 'skipped' && s.person.said !== 'opened for them');
  return {
    shopper: guided.shopper,
    via: guided.via,
    ease: guided.ease,
    ...(guided.note ? { note: guided.note } : {}),
    predictedFrom: guided.predicted?.from ?? null,
    rankCorrelation: spearman(
      pairs.map((s) => s.person!.predicted!.effort),
      pairs.map((s) => s.person!.seconds),
    ),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
