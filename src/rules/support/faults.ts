/**
 * What the resilience rules need to know about a step with injected faults: which of the customer's own requests
 * failed on purpose, and whether the page the customer ended on is still the site's (not an answer cx-shop made up).
 */
import type { RequestRecord, StepArtifacts } from '../../artifacts/types.js';
import { failed, shortUrl, unseenByCustomer } from './requests.js';

/** The customer's own requests that cx-shop made fail on purpose in this step (an error status, a drop, offline). */
function injectedFailures(step: Pick<StepArtifacts, 'requests'>): RequestRecord[] {
  return failed(step.requests).filter((r) => r.injected !== undefined && r.cause === 'action' && !unseenByCustomer(r) && r.party !== 'cx-shop');
}

/**
 * True when the site itself drew the page the customer ended on: the step's failures are the site's to explain.
 * A page whose own document cx-shop answered with an error, or the browser's own error page, is not.
 */
function siteDrewPage(step: Pick<StepArtifacts, 'requests' | 'url' | 'page'>): boolean {
  if (!step.page) return false;
  const here = withoutHash(step.url);
  return !step.requests.some((r) => r.injected !== undefined && r.resourceType === 'document' && withoutHash(r.url) === here);
}

/** The step's injected failures the site had to deal with, or none when there were none or the page is not the site's. */
export function failuresToJudge(step: StepArtifacts): RequestRecord[] {
  return siteDrewPage(step) ? injectedFailures(step) : [];
}

/** `POST /api/payment (answered 503)`: the first failure, and how many more, for a finding's message. */
export function describeFailures(failures: readonly RequestRecord[]): string {
  const [first] = failures;
  if (!first) return '';
  const how = first.status !== null ? `answered ${first.status}` : 'no answer';
  const more = failures.length > 1 ? ` and ${failures.length - 1} more` : '';
  return `${first.method} ${shortUrl(first.url)} (${how}, injected)${more}`;
}

function withoutHash(url: string): string {
  return url.split('#')[0]!;
}
