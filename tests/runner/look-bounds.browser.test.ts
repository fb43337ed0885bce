/**
 * cx-shop's look at the page after a step, in real Chromium, on pages that make it work hard or stop answering: a big
 * but healthy page is tested (its accessibility check limited, and said so as cx-shop's own note), and a page that
 * freezes just after it loads is the error of the step that loaded it, not the next one, and one that only keeps
 * growing is busy, not frozen.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const typeEmail = '  - name: Leave my email\n    type: { label: Email for stock alerts, text: "ann@example.com" }\n  - name: Save it\n    tap: Save\n    expect: { text: We will write to you }\n';

describe('a page with 20,000 elements', () => {
  it('is no frozen page: every step passes, and the accessibility check, limited, says so as cx-shop\'s note', async () => {
    const result = await fixtures.run(pageScenario('rules', 'big-list.html', { head: 'timeout: 5000\n', steps: typeEmail }));
    expect(result.steps.map((s) => [s.status, s.reason ?? null])).toEqual([
      ['passed', null],
      ['passed', null],
      ['passed', null],
    ]);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps.map((s) => s.frozen ?? false)).toEqual([false, false, false]);
    expect(artifacts.steps[0]!.accessibilityFailure).toBeNull();
    expect(artifacts.steps[0]!.accessibility?.limited).toMatchObject({ checked: expect.any(Number), rulesLeftOut: ['color-contrast', 'link-in-text-block'] });
    expect(artifacts.steps[0]!.accessibility!.limited!.elements).toBeGreaterThan(20_000);
    expect(result.steps[0]!.environment?.some((note) => note.startsWith('accessibility: the page has'))).toBe(true);
    // Nothing of the site's is blamed for cx-shop's own work.
    expect(findingsOf(result, 'long-task').filter((f) => f.severity === 'high')).toEqual([]);
    expect(result.steps.flatMap((s) => s.findings).filter((f) => f.error)).toEqual([]);
  });

  it('a small page is checked whole, with no note', async () => {
    const result = await fixtures.run(pageScenario('rules', 'big-list.html?n=10', { steps: typeEmail }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[0]!.accessibility).not.toBeNull();
    expect(artifacts.steps[0]!.accessibility!.limited).toBeUndefined();
    expect(result.steps.flatMap((s) => s.environment ?? [])).toEqual([]);
  });
});

describe('a page that freezes just after it loads', () => {
  it('is the error of the step that opened it, found at once; the next step is not blamed', async () => {
    const result = await fixtures.run(pageScenario('rules', 'late-freeze.html', { head: 'timeout: 3000\n', steps: '  - name: Leave my email\n    type: { label: Email for stock alerts, text: "ann@example.com" }\n' }));
    expect(result.steps.map((s) => s.status)).toEqual(['error', 'skipped']);
    expect(result.steps[0]!.reason).toBe('the page stopped answering (its main thread is busy or frozen)');
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[0]!.frozen).toBe(true);
    // What cx-shop could not look at is no note of its own and no wait of the site's (the freeze, counted, would be a
    // wait of seconds; opening the page may take over a second on a loaded machine, a low one).
    expect(artifacts.steps[0]!.accessibilityFailure).toBeNull();
    expect(findingsOf(result, 'slow-response').filter((f) => f.severity !== 'low')).toEqual([]);
  });
});

describe('a long feed of links in one list', () => {
  it('is looked at whole within the look\'s bounds, and the next tap meets no work of cx-shop\'s', async () => {
    const steps = '  - name: Back to the newest\n    tap: Back to the newest\n    expect: { text: Showing the newest first }\n';
    const result = await fixtures.run(pageScenario('rules', 'feed.html', { head: 'timeout: 5000\n', steps }));
    expect(result.steps.map((s) => [s.status, s.reason ?? null])).toEqual([
      ['passed', null],
      ['passed', null],
    ]);
    const artifacts = await savedArtifacts(result);
    // Its snapshot was taken (the first links of the feed, as many as a snapshot keeps), not given up on.
    expect(artifacts.steps[0]!.page?.links.length).toBe(2000);
    expect(artifacts.steps[0]!.page?.links[0]).toMatchObject({ element: 'link "Post 0"', selector: '#feed > a:nth-of-type(1)' });
    expect(artifacts.steps[0]!.page?.links[1999]).toMatchObject({ selector: '#feed > a:nth-of-type(2000)' });
    expect(artifacts.steps.map((s) => s.frozen ?? false)).toEqual([false, false]);
  });
});

describe('a page that keeps growing for ever', () => {
  it('is busy, not frozen: the step that opened it passes', async () => {
    const result = await fixtures.run(pageScenario('rules', 'grows.html', { head: 'timeout: 3000\n' }));
    expect(result.steps.map((s) => [s.status, s.reason ?? null])).toEqual([['passed', null]]);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[0]!.frozen).toBeUndefined();
  });
});
