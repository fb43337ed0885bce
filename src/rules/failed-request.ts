import type { Severity } from '../report/types.js';
import { defineRule } from './types.js';

/** What the customer loses when a request fails: the page or their action (high), a part of the page (medium). */
const SEVERITY_BY_TYPE: Record<string, Severity> = {
  document: 'high',
  fetch: 'high',
  xhr: 'high',
  image: 'medium',
  script: 'medium',
  stylesheet: 'medium',
  font: 'medium',
};

export default defineRule({
  title: 'A request failed',
  area: 'errors',
  severity: 'high',
  threshold: 'HTTP 4xx/5xx or no response; page, fetch and XHR: High; images, scripts, styles, fonts: Medium; other: Low',
  source: 'cx-shop convention after DESIGN.md §6 (errors)',
  class: 'deterministic',
  detect(artifacts) {
    return artifacts.requests
      .filter((r) => (r.status !== null && r.status >= 400) || (r.failure !== null && !r.failure.includes('ERR_ABORTED')))
      // Browsers ask for a favicon on their own; a missing one is not something the customer asked for.
      .filter((r) => !new URL(r.url).pathname.endsWith('/favicon.ico'))
      .map((r) => ({
        severity: SEVERITY_BY_TYPE[r.resourceType] ?? 'low',
        message: `${r.method} ${shortUrl(r.url)} ${r.status !== null ? `answered HTTP ${r.status}` : `failed (${r.failure})`}`,
        evidence: {
          url: r.url,
          measured: r.status !== null ? `HTTP ${r.status}` : String(r.failure),
          threshold: 'HTTP status below 400',
          resourceType: r.resourceType,
          screenshot: artifacts.screenshot,
        },
      }));
  },
});

function shortUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`.slice(0, 120);
}
