import type { Severity } from '../report/types.js';
import { shortUrl } from './support/requests.js';
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
  threshold: 'response to an action over 1 s Low, over 3 s Medium, over 10 s High; a request of the customer\'s the site never answered, or a file they downloaded it never finished sending (none after 10 s, nor by the end of the step) High',
  source: 'Nielsen response-time limits (1 s, 10 s); 3 s is a cx-shop convention',
  class: 'timing',
  detect(artifacts) {
    // When cx-shop held or failed the customer's requests on purpose, the wait is cx-shop's, not the site's.
    if (artifacts.requests.some((r) => r.injected !== undefined && r.cause === 'action')) return [];
    // The customer's own requests the site never answered (an "Adding…" that never ends), and files they downloaded
    // that never all came, from whichever host the site keeps them on: said with the longest wait of the step, the one
    // that gave up on them.
    const unanswered = artifacts.requests.filter((r) => r.unanswered && r.cause === 'action' && (r.party === 'site' || r.download !== undefined));
    const longest = Math.max(0, ...artifacts.timing.actions.map((timing) => timing.responseMs));
    return artifacts.timing.actions.flatMap((timing) => {
      const never = unanswered.length > 0 && timing.responseMs === longest;
      const band = never ? BANDS[0] : BANDS.find((b) => timing.responseMs > b.overMs);
      if (!band) return [];
      const on = timing.target ? ` on ${timing.target}` : '';
      const asked = unanswered.filter((r) => r.download === undefined).map((r) => `${r.method} ${shortUrl(r.url)}`);
      const files = unanswered.filter((r) => r.download !== undefined).map((r) => `${r.download} (${r.party === 'site' ? '' : new URL(r.url).host}${shortUrl(r.url)})`);
      const what = [
        ...(asked.length > 0 ? [`never answered the customer's request (${asked.join(', ')})`] : []),
        ...(files.length > 0 ? [`never finished sending the file the customer downloaded, ${files.join(', ')}`] : []),
      ].join(' and ');
      return [
        {
          severity: band.severity,
          message: never
            ? `The site ${what}: they waited ${seconds(timing.responseMs)} after ${timing.action}${on} and ${asked.length > 0 ? 'no answer' : 'the rest never'} came`
            : `The customer waited ${seconds(timing.responseMs)} for the site to respond to ${timing.action}${on}`,
          evidence: {
            ...(timing.target ? { element: timing.target } : {}),
            measured: never ? `no answer after ${seconds(timing.responseMs)}` : seconds(timing.responseMs),
            threshold: never ? 'an answer to every request of the customer\'s' : '1 s / 3 s / 10 s',
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
