import type { Severity } from '../report/types.js';
import { defineRule } from './types.js';

/** Nielsen's response-time limits: flow of thought interrupted (1 s), attention wanders (10 s). 3 s is ours. */
const BANDS: Array<{ overMs: number; severity: Severity }> = [
  { overMs: 10_000, severity: 'high' },
  { overMs: 3000, severity: 'medium' },
  { overMs: 1000, severity: 'low' },
];

export default defineRule({
  title: 'The site was slow to respond',
  area: 'speed',
  severity: 'low',
  threshold: 'response to an action over 1 s Low, over 3 s Medium, over 10 s High',
  source: 'Nielsen response-time limits (1 s, 10 s); 3 s is a cx-shop convention',
  class: 'timing',
  detect(artifacts) {
    // When cx-shop held or failed the customer's requests on purpose, the wait is cx-shop's, not the site's.
    if (artifacts.requests.some((r) => r.injected !== undefined && r.cause === 'action')) return [];
    return artifacts.timing.actions.flatMap((timing) => {
      const band = BANDS.find((b) => timing.responseMs > b.overMs);
      if (!band) return [];
      const on = timing.target ? ` on ${timing.target}` : '';
      return [
        {
          severity: band.severity,
          message: `The customer waited ${seconds(timing.responseMs)} for the site to respond to ${timing.action}${on}`,
          evidence: {
            ...(timing.target ? { element: timing.target } : {}),
            measured: seconds(timing.responseMs),
            threshold: '1 s / 3 s / 10 s',
            action: timing.action,
            url: artifacts.url,
            screenshot: artifacts.screenshot?.path ?? null,
          },
        },
      ];
    });
  },
});

/** Seconds to at most two decimals, so that a wait just over a limit does not read as the limit itself. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 2 : 1))} s`;
}
