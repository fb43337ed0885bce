/**
 * Faults injected on purpose, in real Chromium: the same checkout page takes a failed payment in several ways, and
 * the resilience rules tell them apart. An injected failure is never the site's failed request, and a page that
 * handles it well gets no finding at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioArtifacts } from '../../src/artifacts/types.js';
import type { ScenarioResult } from '../../src/report/types.js';
import { findingsOf, pageScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const PAY = '  - name: Give my name\n    type: { label: Name on the card, text: Ada Lovelace }\n  - name: Pay\n    tap: { role: button, name: Pay £40.00 }\n';
const FAILING = '    faults:\n      - { match: /api/ok, status: 503 }\n';

const payWith = (mode: string, { faults = FAILING, head = '', steps = '' } = {}) =>
  fixtures.run(pageScenario('faults', `pay.html?mode=${mode}`, { head, steps: PAY + faults + steps }));

const RESILIENCE = ['fault-unexplained', 'fault-raw-error', 'fault-blank-page', 'fault-endless-spinner', 'fault-no-retry', 'fault-cart-emptied'];
const rulesOf = (result: ScenarioResult) => result.steps.flatMap((step) => step.findings.map((f) => f.rule));
const resilienceOf = (result: ScenarioResult) => rulesOf(result).filter((rule) => RESILIENCE.includes(rule)).sort();

// Most of these tests wait out one of cx-shop's caps: a few run at once (see tests/vitest.config.ts).
describe.concurrent('a page whose server never finishes sending it', () => {
  it('is used as the customer uses it, once it shows: the step goes on after the wait, and the page answers', async () => {
    const result = await fixtures.run(pageScenario('rules', 'held-open.html?unending', { head: 'timeout: 3000\n', steps: '  - name: Where is it\n    tap: { role: button, name: Where is it? }\n    expect: { text: Your parcel is in Leeds }\n' }));
    expect(result.steps.map((s) => [s.status, s.reason ?? null])).toEqual([['passed', null], ['passed', null]]);
    // Its load, which never comes, was waited for once, on arrival: the tap's answer is not held up by it again.
    expect(result.steps[1]!.findings.filter((f) => f.rule === 'slow-response')).toEqual([]);
  });
});

describe.concurrent('a page that redirects to itself for ever', () => {
  it("is a failed request of the site's, at the address the customer asked for, not the browser's error page", async () => {
    const result = await fixtures.run('name: loop\nsteps:\n  - name: Open\n    goto: /loop\n');
    expect(result.steps[0]!.url).toBe(`${fixtures.url}/loop`);
    expect(findingsOf(result, 'failed-request').map((f) => f.severity)).toEqual(['high']);
    // The browser's own error page is not the site's: its zoom, tap targets and landmarks are judged on no page.
    expect(result.steps[0]!.findings.map((f) => f.rule)).toEqual(['failed-request']);
    // By a link on a page the customer was on: the browser shows its own error page in its place.
    const later = await fixtures.run(pageScenario('rules', 'loop-link.html', { steps: '  - name: Track it\n    tap: { role: link, name: Track my parcel }\n' }));
    expect(later.steps.map((s) => s.url)).toEqual([`${fixtures.url}/rules/loop-link.html`, `${fixtures.url}/loop`]);
    expect(later.steps[1]!.findings.map((f) => f.rule)).toEqual(['failed-request']);
  });
});

describe.concurrent('a page the browser could not open, after one it could', () => {
  const STEPS = (to: string) => `  - name: Go on\n    goto: ${to}\n`;

  it('is judged at the address the customer asked for, and the browser\'s error page is not judged as that page', async () => {
    for (const to of ['/loop', '/dropped']) {
      const result = await fixtures.run(pageScenario('rules', 'loop-link.html', { steps: STEPS(to) }));
      expect(result.steps.map((s) => s.url)).toEqual([`${fixtures.url}/rules/loop-link.html`, `${fixtures.url}${to}`]);
      expect(result.steps[1]!.status).toBe('error');
      // Not the earlier page's zoom, landmarks or tap targets: the browser's "This page isn't working" is no page of the site's.
      expect(result.steps[1]!.findings.map((f) => f.rule)).toEqual(['failed-request']);
    }
  });

  it("a link to a server that sends nothing: one failed request, and the browser's error page is no message of the site's", async () => {
    const result = await fixtures.run(pageScenario('hostile', 'broken-links.html', { steps: '  - name: Open the jumper\n    tap: { role: link, name: Merino jumper }\n' }));
    const step = result.steps[1]!;
    expect(step.url).toBe(`${fixtures.url}/dropped`);
    // Chromium asks again by itself once the server sent nothing: still one address the customer lost.
    expect(step.findings.filter((f) => f.class !== 'timing').map((f) => [f.rule, f.message])).toEqual([['failed-request', 'GET /dropped failed (net::ERR_EMPTY_RESPONSE)']]);
    expect(step.recovery).toEqual([]);
  });

  it('a page cut off part-way is said to be cut off after its status, not to have answered it', async () => {
    const result = await fixtures.run(pageScenario('hostile', 'broken-links.html', { steps: '  - name: Open the scarf\n    tap: { role: link, name: Wool scarf }\n' }));
    const failed = findingsOf(result, 'failed-request');
    expect(failed.map((f) => [f.message, f.evidence.measured])).toEqual([
      ['GET /cut-off was cut off after HTTP 200 (net::ERR_CONTENT_LENGTH_MISMATCH)', 'net::ERR_CONTENT_LENGTH_MISMATCH after HTTP 200'],
    ]);
  });
});

describe.concurrent("a library's script from a CDN that got no answer", () => {
  it("jQuery's $ missing in a tap's handler is where cx-shop runs, listed as environment: no page error, no dead tap", async () => {
    const result = await fixtures.run(pageScenario('hostile', 'jquery-offline.html', { steps: '  - name: Add it\n    tap: { role: button, name: Add to bag }\n' }));
    const add = result.steps[1]!;
    expect(add.findings.filter((f) => f.class !== 'timing').map((f) => f.rule)).toEqual([]);
    expect(add.recovery).toEqual([]);
    expect(add.environment?.join('\n')).toContain('$ is not defined');
  });
});

describe.concurrent('injecting faults', () => {
  it('answers the matching request with the status, records it in the step, and never counts it as the site failing', async () => {
    const result = await payWith('good');
    const pay = result.steps[2]!;
    expect(pay.faults).toEqual([{ fault: '/api/ok answered 503', hits: 1 }]);
    expect(rulesOf(result)).not.toContain('failed-request');
    // The page told the customer and let them try again: nothing to report, and no error-message tax for doing right.
    expect(pay.findings).toEqual([]);
    expect(result.steps[1]!.faults).toBeUndefined();
  });

  it('a page without faults pays, and no resilience rule has anything to say', async () => {
    const result = await payWith('silent', { faults: '    expect: { text: your payment went through }\n' });
    expect(result.status).toBe('passed');
    expect(resilienceOf(result)).toEqual([]);
    expect(result.steps[2]!.faults).toBeUndefined();
  });

  it('a failure the page swallows is unexplained (high), and priced as waiting and tapping again', async () => {
    const result = await payWith('silent');
    const [finding, ...rest] = findingsOf(result, 'fault-unexplained');
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('high');
    expect(finding?.message).toContain('POST /api/ok (answered 503, injected)');
    expect(result.steps[2]!.recovery.map((r) => r.rule)).toEqual(['fault-unexplained']);
    expect(resilienceOf(result)).toEqual(['fault-unexplained']);
  });

  it('a new page tells the customer only if it says something went wrong: sent back a step in silence is unexplained', async () => {
    expect(resilienceOf(await payWith('away'))).toContain('fault-unexplained');
    expect(resilienceOf(await payWith('apology'))).not.toContain('fault-unexplained');
  });

  it('a status shown as it came is a raw error, found in a plain paragraph without ARIA', async () => {
    const result = await payWith('raw');
    const [finding] = findingsOf(result, 'fault-raw-error');
    expect(finding?.severity).toBe('high');
    expect(finding?.evidence.measured).toBe('a raw HTTP status');
    expect(finding?.evidence.text).toContain('HTTP 503 Service Unavailable');
    expect(resilienceOf(result)).toEqual(['fault-raw-error']);
  });

  it('a dropped connection shown as the browser words it is a raw programming error', async () => {
    const result = await payWith('raw', { faults: '    faults:\n      - { match: /api/ok, drop: true }\n' });
    expect(result.steps[2]!.faults).toEqual([{ fault: '/api/ok dropped', hits: 1 }]);
    expect(findingsOf(result, 'fault-raw-error')[0]?.evidence.text).toContain('Failed to fetch');
    expect(rulesOf(result)).not.toContain('failed-request');
  });

  it('a spinner left turning with the button disabled: endless spinner (high) and no way to try again (medium)', async () => {
    const result = await payWith('spinner');
    expect(resilienceOf(result)).toEqual(['fault-endless-spinner', 'fault-no-retry', 'fault-unexplained']);
    expect(findingsOf(result, 'fault-endless-spinner')[0]?.evidence.element).toBe('p "Processing…"');
    expect(findingsOf(result, 'fault-no-retry')[0]).toMatchObject({ severity: 'medium', evidence: { measured: 'disabled' } });
  });

  it('a button left saying it is working ("Paying…", disabled): endless spinner (high) on the button, and no way to try again (medium) though its words changed', async () => {
    const result = await payWith('paying');
    expect(resilienceOf(result)).toEqual(['fault-endless-spinner', 'fault-no-retry', 'fault-unexplained']);
    expect(findingsOf(result, 'fault-endless-spinner')[0]?.evidence.element).toBe('button "Paying…"');
    const [noRetry] = findingsOf(result, 'fault-no-retry');
    expect(noRetry).toMatchObject({ severity: 'medium', evidence: { measured: 'disabled' } });
    expect(noRetry!.message).toContain('button "Pay £40.00" is disabled (now button "Paying…")');
  });

  it('a widget that was loading before the customer acted is not the failure\'s spinner', async () => {
    const handled = await payWith('good&recs');
    expect(resilienceOf(handled)).toEqual([]);
    const stuck = await payWith('spinner&recs');
    const spinner = findingsOf(stuck, 'fault-endless-spinner');
    expect(spinner.map((f) => (f.evidence.items as Array<{ element: string }>).map((item) => item.element))).toEqual([['p "Processing…"']]);
  });

  it('an app that crashes to nothing is a blank page, and its button is gone', async () => {
    const result = await payWith('blank');
    expect(resilienceOf(result)).toEqual(['fault-blank-page', 'fault-no-retry', 'fault-unexplained']);
    expect(findingsOf(result, 'fault-no-retry')[0]?.evidence.measured).toBe('gone');
  });

  it('a page that wipes the form and the basket: input lost (form-cleared) and cart emptied', async () => {
    const result = await payWith('wipe');
    expect(findingsOf(result, 'form-cleared')[0]?.message).toContain('1 field the customer filled in');
    expect(findingsOf(result, 'fault-cart-emptied')[0]?.evidence.measured).toBe('2 → 0');
    expect(resilienceOf(result)).toEqual(['fault-cart-emptied']);
  });

  it('offline for one step: the failure is injected, the page explains it, and the network is back for the next step', async () => {
    const result = await payWith('good', {
      faults: '    faults:\n      - offline: true\n',
      steps: '  - name: Pay again\n    tap: { role: button, name: Pay £40.00 }\n    expect: { text: your payment went through }\n',
    });
    expect(result.steps[2]!.faults).toEqual([{ fault: 'network offline', hits: 0 }]);
    expect(result.steps[2]!.findings).toEqual([]);
    // The network really was off: the payment call failed, marked as injected, and the page said so.
    const saved = JSON.parse(readFileSync(join(result.outDir, 'scenarios', '01-fixture', 'artifacts.json'), 'utf8')) as ScenarioArtifacts;
    expect(saved.steps[2]!.requests.filter((r) => r.url.endsWith('/api/ok')).map((r) => [r.failure !== null, r.injected])).toEqual([[true, 'network offline']]);
    expect(saved.steps[2]!.appeared.map((m) => m.text).join(' ')).toContain("couldn't take your payment");
    expect(result.steps[3]!.status).toBe('passed');
    expect(rulesOf(result)).not.toContain('failed-request');
  });

  it('a held request is not a failure and its wait is not blamed on the site', async () => {
    const result = await payWith('silent', { faults: '    faults:\n      - { match: /api/ok, delay: 1500 }\n    expect: { text: your payment went through }\n' });
    expect(result.steps[2]!.status).toBe('passed');
    expect(result.steps[2]!.faults).toEqual([{ fault: '/api/ok held 1500 ms', hits: 1 }]);
    expect(rulesOf(result)).not.toContain('slow-response');
    expect(resilienceOf(result)).toEqual([]);
  });

  it('a scenario-wide fault with times: 1 fails the first payment only, so trying again works', async () => {
    const result = await fixtures.run(
      pageScenario('faults', 'pay.html?mode=good', {
        head: 'faults:\n  - { match: /api/ok, method: POST, status: 500, times: 1 }\n',
        steps: `${PAY}  - name: Pay again\n    tap: { role: button, name: Pay £40.00 }\n    expect: { text: your payment went through }\n`,
      }),
    );
    expect(result.steps.map((s) => s.faults?.[0]?.hits)).toEqual([0, 0, 1, 0]);
    expect(result.status).toBe('passed');
    expect(resilienceOf(result)).toEqual([]);
  });
});
