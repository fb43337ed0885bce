import type { Severity } from '../report/types.js';
import { defineRule } from './types.js';

/** What the customer loses when a request fails: the page or their action (high), a part of the page (medium). */
const SEVERITY_BY_TYPE: Record<string, Severity> = {
  document: 'high',
  fetch: 'high',
  xhr: 'high',
  script: 'medium',
  stylesheet: 'medium',
  font: 'medium',
};

export default defineRule({
  title: 'A request failed',
  area: 'errors',
  severity: 'high',
  threshold: 'HTTP 4xx/5xx or no response; page, fetch and XHR: High; scripts, styles, fonts: Medium; other: Low (images: see broken-image)',
  source: 'cx-shop convention: a failed page or fetch loses what the customer did; a failed image, script or style loses part of the page',
  class: 'deterministic',
  detect(artifacts) {
    return artifacts.requests
      .filter((r) => (r.status !== null && r.status >= 400) || (r.failure !== null && !r.failure.includes('ERR_ABORTED')))
      // Browsers ask for a favicon on their own; a missing one is not something the customer asked for.
      .filter((r) => !new URL(r.url).pathname.endsWith('/favicon.ico'))
      // A picture that fails is judged where the customer sees it, by broken-image, once per scenario.
      .filter((r) => r.resourceType !== 'image')
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
