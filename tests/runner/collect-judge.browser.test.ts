/**
 * Collect, then judge, in real Chromium on pages modelled on real shops: a single-page shop with client-side routes,
 * an icon-only cart link, placeholder-only fields, test ids in data-test and telemetry that fails at random moments.
 * A run's saved artifacts judged again give the same result; collecting never moves the customer's view; identical
 * runs give identical effort; the broken variant always costs more than the clean one.
 */
import { describe, expect, it } from 'vitest';
import { judgeSaved, loadArtifacts } from '../../src/cli/judge.js';
import type { ScenarioResult } from '../../src/report/types.js';
import { findingsOf, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const checkout = (variant: '' | '?broken') => `name: SPA checkout
testIdAttribute: data-test
steps:
  - name: Open the shop
    goto: /spa/index.html${variant}
  - name: Open the shirt
    tap: { role: link, name: Linen shirt }
  - name: Add it
    tap: { role: button, name: Add to cart }
  - name: Open the cart
    tap: { testId: cart-link }
  - name: Go to checkout
    tap: Checkout
  - name: Give my email
    type: { placeholder: Email, text: ann@example.com }
  - name: Give my postcode
    type: { testId: postcode, text: SW1A 1AA }
  - name: Pay
    tap: { role: button, name: Pay now }
    expect: { text: Thank you }
`;

/** What must not change between identical runs: per-step effort and the deterministic findings. */
function deterministic(result: ScenarioResult) {
  return result.steps.map((step) => ({
    status: step.status,
    effort: step.effort,
    breakdown: step.effortBreakdown,
    findings: step.findings.filter((f) => f.class === 'deterministic').map((f) => [f.rule, f.severity, f.evidence.element ?? null, f.message]),
  }));
}

// The machine is idle through much of these tests (a locator that finds nothing is looked for the step's whole
// timeout): a few run at once (see tests/vitest.config.ts), and identical runs must still agree.
describe.concurrent('a single-page shop, as a customer uses it', () => {
  it('finds fields by placeholder and by a configured test id, an icon link by its test id, and counts each route as a page', async () => {
    const result = await fixtures.run(checkout(''));
    expect(result.steps.map((s) => s.status)).toEqual(Array(8).fill('passed'));
    expect(result.completed).toBe(true);
    expect(result.journeySummary.pages).toBeGreaterThanOrEqual(5);
    expect(result.steps[5]!.actions).toMatchObject({ fields: 1, charsTyped: 15 });
    // Telemetry failing around the customer is the environment, never the shop's failure.
    expect(findingsOf(result, 'failed-request')).toEqual([]);
    expect(findingsOf(result, 'page-error')).toEqual([]);
  });

  it('a label finds a field, not a button whose name holds the same word ("Decrease quantity for Cotton socks")', async () => {
    const result = await fixtures.run(
      'name: fixture\nsteps:\n  - name: Open\n    goto: /rules/quantity-stepper.html\n  - name: Five pairs\n    type: { label: Quantity, text: "5" }\n    expect: { value: { label: Quantity, equals: "5" } }\n',
    );
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(result.steps[1]!.actions).toMatchObject({ fields: 1, charsTyped: 1 });
  });

  it("a list's value is the option's words the customer reads (or the value the page keeps for it), and a wrong one names the words", async () => {
    const expectSort = (equals: string) => `  - name: "Cheapest first, ${equals}"\n    select: { label: Sort by, option: "Price: low to high" }\n    expect: { value: { label: Sort by, equals: "${equals}" } }\n`;
    const result = await fixtures.run(`name: fixture\nsteps:\n  - name: Open\n    goto: /forms/sort-select.html\n${['Price: low to high', 'price-asc', 'Newest'].map(expectSort).join('')}`);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'failed']);
    expect(result.steps[3]!.reason).toBe('expected field labelled "Sort by" to hold "Newest", it holds "Price: low to high" (15 characters where 6 were typed; they first differ at character 1)');
  });

  it('sees an error in a plain paragraph after Pay, and prices the emptied form as work to do again', async () => {
    const result = await fixtures.run(checkout('?broken'));
    const pay = result.steps[7]!;
    expect(pay.status).toBe('failed');
    expect(findingsOf(result, 'error-message')[0]!.message).toContain('Something went wrong.');
    expect(findingsOf(result, 'vague-error')).toHaveLength(1);
    const [cleared] = findingsOf(result, 'form-cleared');
    expect(cleared!.evidence.count ?? (cleared!.evidence.items as unknown[]).length).toBe(2);
    expect(pay.recovery.map((item) => item.rule)).toContain('form-cleared');
    // 15 + 8 characters to type again, at least.
    expect(pay.effortBreakdown.recovery).toBeGreaterThan(23 * 0.28);
    // The shop's own payment call that failed is the shop's.
    expect(findingsOf(result, 'failed-request').map((f) => new URL(f.evidence.url as string).pathname)).toEqual(['/api/fail']);
  });

  it('tells the user what would match when a locator finds nothing', async () => {
    const result = await fixtures.run(`name: wrong locator
steps:
  - name: Open checkout
    goto: /spa/checkout
  - name: Give my email
    type: { label: Email, text: ann@example.com }
`);
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toContain('{ placeholder: Email }');
    expect(result.completed).toBe(false);
  });

  it('a run and a re-judge of its saved artifacts give identical findings and effort', async () => {
    const result = await fixtures.run(checkout('?broken'));
    const saved = await loadArtifacts(result.outDir);
    expect(saved).toHaveLength(1);
    const [again] = await judgeSaved(result.outDir, saved);
    const { outDir: _outDir, ...ran } = result;
    expect(again).toEqual(ran);
  });

  it('gives identical per-step effort and deterministic findings on 5 runs, while telemetry fails at random; the broken variant costs the customer more', async () => {
    // The two variants side by side, each run five times in a row: the same figures on a machine kept busy.
    const [clean, broken] = await Promise.all(
      (['', '?broken'] as const).map(async (variant) => {
        const runs: ScenarioResult[] = [];
        for (let i = 0; i < 5; i += 1) runs.push(await fixtures.run(checkout(variant)));
        return runs;
      }),
    );
    for (const runs of [clean!, broken!]) {
      const first = deterministic(runs[0]!);
      for (const run of runs.slice(1)) expect(deterministic(run)).toEqual(first);
      // Not vacuous: the customer did work, and telemetry did fail around them (listed as environment).
      expect(runs[0]!.effort).toBeGreaterThan(10);
      expect(runs.some((run) => run.steps.some((step) => (step.environment ?? []).length > 0))).toBe(true);
    }
    expect(broken![0]!.effort).toBeGreaterThan(clean![0]!.effort);
  });
});

describe.concurrent('collecting never changes what the customer sees', () => {
  it('keeps the device the page is on through the step pictures: a phone stays a touch screen of its size and pixels, a laptop its screen', async () => {
    const ask = (device: string, answer: string) =>
      fixtures.run(`name: screen\ndevice: ${device}\nsteps:\n  - name: Open\n    goto: /spa/screen.html\n  - name: Ask\n    tap: Check my screen\n    expect: { text: "${answer}" }\n  - name: Ask again\n    tap: Check my screen\n    expect: { text: "${answer}" }\n`);
    for (const [device, answer, width] of [
      ['Pixel 7', 'touch, 412 wide, 2.625 pixels, screen 412x915', 412],
      ['Desktop Chrome', 'no touch, 1280 wide, 1 pixels, screen 1920x1080', 1280],
    ] as const) {
      const result = await ask(device, answer);
      expect(result.steps.map((s) => [s.status, s.reason ?? null])).toEqual([['passed', null], ['passed', null], ['passed', null]]);
      // Every picture is in CSS pixels, as the boxes of its findings are, at the device's pixel density or not.
      expect((await savedArtifacts(result)).steps.map((step) => step.screenshot?.width)).toEqual([width, width, width]);
    }
  });

  it('keeps the scroll position through the picture, the snapshot, the accessibility check and the crops', async () => {
    const result = await fixtures.run(`name: long page
steps:
  - name: Open
    goto: /spa/long.html
  - name: Read on
    scroll: { by: 850 }
  - name: Like it
    tap: Like this story
`);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    const [, read, like] = artifacts.steps;
    expect(read!.page!.scroll.y).toBeGreaterThan(800);
    // The picture was taken where the customer was, and nothing moved the view before the next step.
    expect(read!.screenshot!.scroll).toEqual(read!.page!.scroll);
    expect(like!.interactions.filter((i) => i.kind === 'scroll')).toEqual([]);
    expect(like!.page!.scroll).toEqual(read!.page!.scroll);
    // The unlabelled field far down the page got its crop from the saved picture.
    const label = findingsOf(result, 'accessibility').find((f) => f.evidence.axeRule === 'label');
    expect(label?.evidence.crop).toMatch(/^scenarios\/01-long-page\/01-open-\d+-accessibility\.png$/);
  });
});
