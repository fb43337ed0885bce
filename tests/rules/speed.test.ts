/**
 * The speed rules on hand-built artifacts: the bands at their boundaries, the severities, the class and the
 * evidence. Pure: the probes that fill `timing` are tested in real Chromium in tests/probes.
 */
import { describe, expect, it } from 'vitest';
import type { StepTiming } from '../../src/artifacts/types.js';
import type { JudgedStep } from '../../src/rules/types.js';
import longTask from '../../src/rules/long-task.js';
import { judgedStep } from '../helpers/artifacts.js';
import slowResponse from '../../src/rules/slow-response.js';
import webVitals from '../../src/rules/web-vitals.js';

/** A step that did nothing remarkable, with the timing given and anything else overridden. */
function step(timing: Partial<StepTiming>, overrides: Partial<JudgedStep> = {}): JudgedStep {
  const base = judgedStep({ index: 1, name: 'Apply the promo code' });
  return { ...base, timing: { ...base.timing, ...timing }, ...overrides };
}

const action = (responseMs: number, target: string | null = 'button "Apply"') => ({ action: 'tap', target, responseMs });

describe('every speed rule', () => {
  it('is timing class in the speed area, and finds nothing in a step without timing', () => {
    for (const rule of [slowResponse, longTask, webVitals]) {
      expect(rule.class).toBe('timing');
      expect(rule.area).toBe('speed');
      expect(rule.detect(step({}))).toEqual([]);
    }
  });
});

describe('slow-response', () => {
  it.each([
    [1000, []],
    [1001, ['low']],
    [3000, ['low']],
    [3001, ['medium']],
    [10_000, ['medium']],
    [10_001, ['high']],
  ])('a response of %i ms gives %j', (ms, severities) => {
    expect(slowResponse.detect(step({ actions: [action(ms)] })).map((hit) => hit.severity)).toEqual(severities);
  });

  it('reports each slow action with its element, the wait in seconds, the bands and the action', () => {
    const hits = slowResponse.detect(step({ actions: [action(2400), action(200), action(12_500, null)] }));
    expect(hits).toHaveLength(2);
    expect(hits[0]!.evidence).toMatchObject({ element: 'button "Apply"', measured: '2.4 s', threshold: '1 s / 3 s / 10 s', action: 'tap' });
    expect(hits[0]!.message).toContain('button "Apply"');
    expect(hits[1]!.evidence.element).toBeUndefined();
    expect(hits[1]!.evidence.measured).toBe('12.5 s');
  });

  it('does not round a wait just over a limit down to the limit', () => {
    expect(slowResponse.detect(step({ actions: [action(1040)] }))[0]!.evidence.measured).toBe('1.04 s');
  });
});

describe('long-task', () => {
  it('ignores long tasks of 200 ms or less', () => {
    const tasks = [{ startMs: 10, durationMs: 60 }, { startMs: 100, durationMs: 200 }];
    expect(longTask.detect(step({ longTasks: tasks }))).toEqual([]);
  });

  it('gives one medium hit per step with the longest task and the count over 200 ms', () => {
    const tasks = [
      { startMs: 0, durationMs: 201 },
      { startMs: 300, durationMs: 450 },
      { startMs: 900, durationMs: 120 },
      { startMs: 1200, durationMs: 260 },
    ];
    const hits = longTask.detect(step({ longTasks: tasks }));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity ?? longTask.severity).toBe('medium');
    expect(hits[0]!.evidence.measured).toBe('longest 450 ms, 3 tasks over 200 ms');
  });

  it('says task, not tasks, for one', () => {
    const hits = longTask.detect(step({ longTasks: [{ startMs: 5, durationMs: 300 }] }));
    expect(hits[0]!.evidence.measured).toBe('longest 300 ms, 1 task over 200 ms');
  });
});

describe('web-vitals', () => {
  const vitals = (lcpMs: number | null, cls: number | null, inpMs: number | null) => ({ vitals: { lcpMs, cls, inpMs } });
  const judged = (lcpMs: number | null, cls: number | null, inpMs: number | null) =>
    webVitals.detect(step(vitals(lcpMs, cls, inpMs))).map((hit) => [hit.evidence.metric, hit.severity]);

  it('finds nothing at or under the good limits, nor for values not reported', () => {
    expect(judged(2500, 0.1, 200)).toEqual([]);
    expect(judged(null, null, null)).toEqual([]);
  });

  it('is low just over the good limits and medium just over the poor ones, one hit per metric', () => {
    expect(judged(2501, 0.1001, 201)).toEqual([['LCP', 'low'], ['CLS', 'low'], ['INP', 'low']]);
    expect(judged(4000, 0.25, 500)).toEqual([['LCP', 'low'], ['CLS', 'low'], ['INP', 'low']]);
    expect(judged(4001, 0.2501, 501)).toEqual([['LCP', 'medium'], ['CLS', 'medium'], ['INP', 'medium']]);
    expect(judged(1200, 0.4, null)).toEqual([['CLS', 'medium']]);
  });

  it('shows the value and the bands in the units people know them by', () => {
    const hits = webVitals.detect(step(vitals(3100, 0.31, 620)));
    expect(hits.map((hit) => [hit.evidence.measured, hit.evidence.threshold])).toEqual([
      ['LCP 3.1 s', '2.5 s needs improvement, 4 s poor'],
      ['CLS 0.31', '0.1 needs improvement, 0.25 poor'],
      ['INP 620 ms', '200 ms needs improvement, 500 ms poor'],
    ]);
    expect(hits[0]!.evidence.url).toBe('https://shop.test/basket');
  });

  it('judges each value on the step it was taken in: not again on a step of the same document that left it as it was', () => {
    const before = { lcpMs: 9000, cls: 0.5, inpMs: 400 };
    // A client-side route of a single-page app keeps its document, and the worst interaction so far with it.
    expect(webVitals.detect(step(vitals(9000, 0.5, 400), { newPage: true, vitalsBefore: before }))).toEqual([]);
    // A slow tap on the same page is that step's.
    expect(webVitals.detect(step(vitals(9000, 0.5, 752), { newPage: false, vitalsBefore: before })).map((hit) => hit.evidence.measured)).toEqual(['INP 752 ms']);
    // A new document starts afresh.
    expect(webVitals.detect(step(vitals(9000, 0.5, 400), { vitalsBefore: null })).map((hit) => hit.evidence.metric)).toEqual(['LCP', 'CLS', 'INP']);
  });
});
