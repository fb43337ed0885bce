import type { StepTiming } from '../artifacts/types.js';
import type { Severity } from '../report/types.js';
import type { RuleHit } from './types.js';
import { defineRule } from './types.js';

interface VitalLimits {
  key: keyof StepTiming['vitals'];
  name: string;
  /** Over the first: needs improvement; over the second: poor (web.dev's bands, as web-vitals rates them). */
  limits: [number, number];
  format(value: number): string;
  what: string;
}

const VITALS: VitalLimits[] = [
  { key: 'lcpMs', name: 'LCP', limits: [2500, 4000], format: (ms) => `${Number((ms / 1000).toFixed(2))} s`, what: 'the main content took long to appear' },
  { key: 'cls', name: 'CLS', limits: [0.1, 0.25], format: (cls) => String(Number(cls.toFixed(3))), what: 'content moved under the customer' },
  { key: 'inpMs', name: 'INP', limits: [200, 500], format: (ms) => `${Math.round(ms)} ms`, what: 'the page was slow to show the result of an interaction' },
];

export default defineRule({
  title: 'Web vitals outside the good range',
  area: 'speed',
  severity: 'low',
  threshold: 'LCP 2.5 / 4 s, CLS 0.1 / 0.25, INP 200 / 500 ms (needs improvement: Low / poor: Medium)',
  source: 'web-vitals thresholds (web.dev: LCP, CLS, INP)',
  class: 'timing',
  detect(artifacts) {
    // Vitals belong to a document, not a step: each is judged on the step in which it took its value (the load, a
    // slow interaction, a shift), not again on a step that left it as it was. A single-page app's route keeps its
    // document, and its worst interaction so far with it: not the new route's doing.
    const before = artifacts.vitalsBefore;
    return VITALS.flatMap((vital): RuleHit[] => {
      const value = artifacts.timing.vitals[vital.key];
      if (value === null || value <= vital.limits[0] || (before !== null && before[vital.key] === value)) return [];
      const poor = value > vital.limits[1];
      const severity: Severity = poor ? 'medium' : 'low';
      const [good, bad] = vital.limits.map(vital.format);
      return [
        {
          severity,
          message: `${vital.name} ${vital.format(value)} is ${poor ? 'poor' : 'in need of improvement'}: ${vital.what}`,
          evidence: {
            metric: vital.name,
            measured: `${vital.name} ${vital.format(value)}`,
            threshold: `${good} needs improvement, ${bad} poor`,
            url: artifacts.url,
            screenshot: artifacts.screenshot?.path ?? null,
          },
        },
      ];
    });
  },
});
