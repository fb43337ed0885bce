/**
 * A page that goes elsewhere by itself as soon as it arrives, again and again (two pages that send the customer to each
 * other by script), in real Chromium: the site blocks the customer there; the page has not stopped answering.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../src/report/types.js';
import { pageScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const WORDS = (url: string) =>
  `the page kept going elsewhere by itself, again and again (${url}/hostile/checking-session.html, ${url}/hostile/signing-in.html), never staying for the customer to use`;

const judged = (result: ScenarioResult) => {
  const last = result.steps.at(-1)!;
  return { status: last.status, rules: last.findings.filter((f) => f.class !== 'timing').map((f) => f.rule), longTask: last.findings.some((f) => f.rule === 'long-task') };
};

describe('two pages that send the customer to each other for ever', () => {
  it('opened after another page: the step is blocked by the site, saying where the page kept going, not a frozen page', async () => {
    const result = await fixtures.run(pageScenario('hostile', 'account.html', { steps: '  - name: Sign in\n    goto: /hostile/signing-in.html\n' }));
    // The reason first: a step ended otherwise says why.
    expect(result.steps[1]!.reason).toContain(WORDS(fixtures.url));
    expect(judged(result)).toEqual({ status: 'blocked', rules: [], longTask: false });
    expect(result.status).toBe('blocked');
  });

  it('reached by a tap: the same', async () => {
    const result = await fixtures.run(pageScenario('hostile', 'account.html', { steps: '  - name: Sign in\n    tap: { role: link, name: Sign in }\n' }));
    expect(result.steps[1]!.reason).toBe(WORDS(fixtures.url));
    expect(judged(result)).toEqual({ status: 'blocked', rules: [], longTask: false });
  });
});
