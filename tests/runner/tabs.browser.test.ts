/**
 * New tabs, in real Chromium: a tap that opens one (a link with target="_blank", window.open in answer to the tap)
 * puts the customer on it, as a phone does, and the scenario goes on there; going back from it closes it and puts
 * them back where they tapped. A window the page opens on its own (an advert as it loads) is blocked, as on a phone;
 * on a browser that lets it open, it is not followed.
 */
import { chromium } from 'playwright';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find.js';
import { chromiumArgs } from '../../src/browser/launch.js';
import { OFFLINE_HOSTS_ARG, pageScenario, runYaml, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

// Most of these tests wait out one of cx-shop's caps: a few run at once (see tests/vitest.config.ts).
describe.concurrent('a tap that opens a new tab', () => {
  it('takes the customer there; back closes it; an advert the page tries to open on its own is left alone', async () => {
    const result = await fixtures.run(
      pageScenario('tabs', 'order.html', {
        steps: `  - name: Track it
    tap: Track my parcel
    expect: { text: Out for delivery }
  - name: Ask for a text
    tap: Text me when it is close
    expect: { text: We will text you }
  - name: Back to my order
    back: true
    expect: { text: Dispatched on 1 December }
  - name: Open the invoice
    tap: View invoice
    expect: { text: "Total paid: £48.95" }
`,
      }),
    );
    expect(result.steps.map((s) => [s.status, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', 'order.html'],
      ['passed', 'tracking.html?parcel=JD0001'],
      ['passed', 'tracking.html?parcel=JD0001'],
      ['passed', 'order.html'],
      ['passed', 'invoice.html'],
    ]);
    // The tap on the new tab was answered there: no dead tap, and no finding at all on these well-made pages.
    expect(result.steps.flatMap((s) => s.findings.filter((f) => f.area !== 'accessibility' && f.class !== 'timing').map((f) => f.rule))).toEqual([]);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[1]!.pages.map((p) => p.replace(/^.*\/tabs\//, ''))).toContain('tracking.html?parcel=JD0001');
    // Going back is a decision and a press, as on any page.
    expect(artifacts.steps[3]!.interactions.filter((i) => i.kind === 'navigate').map((i) => i.kind === 'navigate' && i.via)).toEqual(['back']);
    expect(result.steps[3]!.effort).toBeGreaterThan(0);
  });

  it('a window that closes itself once done (a wallet, a sign-in) puts the customer back where they were, at no cost', async () => {
    const result = await fixtures.run(
      pageScenario('tabs', 'pay.html', {
        steps: `  - name: Pay with the wallet
    tap: Pay with Wallet
    expect: { text: Pay Harbour Store }
  - name: Approve
    tap: Approve
    expect: { text: Payment approved }
`,
      }),
    );
    expect(result.steps.map((s) => [s.status, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', 'pay.html'],
      ['passed', 'wallet.html'],
      ['passed', 'pay.html'],
    ]);
    const artifacts = await savedArtifacts(result);
    // The customer pressed Approve; the window closing was the browser's doing, no going back of theirs.
    expect(artifacts.steps[2]!.interactions.filter((i) => i.kind === 'navigate')).toEqual([]);
    expect(result.steps[2]!.findings.filter((f) => f.class !== 'timing' && f.area !== 'accessibility').map((f) => f.rule)).toEqual([]);
  });

  it("the customer's scrolling and taps on it count as they do on any page: the same as on that page opened directly", async () => {
    const there = `  - name: Look at the bottom
    scroll: bottom
  - name: Go to the cart
    tap: Go to the cart
    expect: { text: Your cart }
`;
    const followed = await fixtures.run(
      pageScenario('tabs', 'shirt.html', { steps: `  - name: Add it\n    tap: Add to cart\n    expect: { text: Wear them with the shirt }\n${there}` }),
    );
    const direct = await fixtures.run(pageScenario('tabs', 'trousers.html?w=0', { steps: there }));
    expect(followed.steps.map((s) => [s.status, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', 'shirt.html'],
      ['passed', 'trousers.html?w=0'],
      ['passed', 'trousers.html?w=0'],
      ['passed', 'cart.html'],
    ]);
    expect(direct.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    // The same swipe and the same tap, heard as on the page opened directly. (Reaching the link costs a little more
    // there: the thumb comes from "Add to cart", where it was, not from rest.)
    const onTab = (await savedArtifacts(followed)).steps.slice(2).map((step) => step.interactions);
    expect(onTab).toEqual((await savedArtifacts(direct)).steps.slice(1).map((step) => step.interactions));
    expect(onTab.map((step) => step.map((i) => i.kind))).toEqual([['scroll'], ['tap']]);
    expect(followed.steps.slice(2).map((s) => s.actions)).toEqual(direct.steps.slice(1).map((s) => s.actions));
    expect(followed.steps[2]!.effort).toBe(direct.steps[1]!.effort);
    expect(followed.steps[2]!.effort).toBeGreaterThan(0);
    expect(followed.steps[3]!.effort).toBeGreaterThanOrEqual(direct.steps[2]!.effort);
    expect(direct.steps[2]!.effort).toBeGreaterThan(0);
  });

  it('a tab whose page the server sends 2 s late is where the customer looks for what the step expects', async () => {
    const steps = '  - name: Add it\n    tap: Add to cart\n    expect: { text: Wear them with the shirt }\n';
    const result = await fixtures.run(pageScenario('tabs', 'shirt.html?slow=2000', { steps }));
    expect(result.steps.map((s) => [s.status, s.reason, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', undefined, 'shirt.html?slow=2000'],
      ['passed', undefined, 'trousers.html?w=0&delay=2000'],
    ]);
  });

  it('a tab whose page the server sends 4 s late is waited for, as the customer waits for it, and what they do next they do there', async () => {
    // A window.open in answer to the tap, the step expecting what the tab shows.
    const opened = await fixtures.run(pageScenario('tabs', 'shirt.html?slow=4000', { steps: '  - name: Add it\n    tap: Add to cart\n    expect: { text: Wear them with the shirt }\n' }));
    expect(opened.steps.map((s) => [s.status, s.reason, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', undefined, 'shirt.html?slow=4000'],
      ['passed', undefined, 'trousers.html?w=0&delay=4000'],
    ]);
    // A link with target="_blank", the step expecting nothing: the next step's tap is on the new tab.
    const linked = await fixtures.run(
      pageScenario('tabs', 'order.html?slow=4000', { steps: '  - name: Track it\n    tap: Track my parcel\n  - name: Ask for a text\n    tap: Text me when it is close\n    expect: { text: We will text you }\n' }),
    );
    expect(linked.steps.map((s) => [s.status, s.reason, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', undefined, 'order.html?slow=4000'],
      ['passed', undefined, 'tracking.html?parcel=JD0001&delay=4000'],
      ['passed', undefined, 'tracking.html?parcel=JD0001&delay=4000'],
    ]);
    // A form sent to a new tab.
    const sent = await fixtures.run(pageScenario('tabs', 'track-form.html', { steps: '  - name: Track it\n    tap: Track it\n    expect: { text: Out for delivery }\n' }));
    expect(sent.steps.map((s) => [s.status, s.reason, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', undefined, 'track-form.html'],
      ['passed', undefined, 'tracking.html?parcel=JD0001&delay=4000'],
    ]);
    // The customer's wait for the tab is the step's, and the same tap on a tab that answers at once is waited for less.
    const quick = await fixtures.run(pageScenario('tabs', 'order.html', { steps: '  - name: Track it\n    tap: Track my parcel\n' }));
    for (const result of [opened, linked, sent]) expect(result.steps[1]!.wait).toBeGreaterThanOrEqual(3.9);
    expect(quick.steps[1]!.wait).toBeLessThan(3);
    expect(linked.steps[1]!.findings.filter((f) => f.class !== 'timing' && f.area !== 'accessibility').map((f) => f.rule)).toEqual([]);
  });

  it('a tab that never comes is waited for once in a step, up to the cap: the step\'s next action does not wait for it again', async () => {
    // The tracking page's server answers 30 s late; the step swipes down after its tap.
    const result = await fixtures.run(pageScenario('tabs', 'order.html?slow=30000', { steps: '  - name: Track it\n    tap: Track my parcel\n    scroll: { by: 200 }\n' }));
    expect(result.steps.map((s) => [s.status, s.reason, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', undefined, 'order.html?slow=30000'],
      ['passed', undefined, 'order.html?slow=30000'],
    ]);
    // The tap's wait gave up at the 10 s cap, counted; the swipe's did not wait for the same tab again (up to the cap
    // once more: the tab comes 30 s after the tap). A swipe's own wait is well under a second on a quiet machine, a
    // little over one on a loaded one.
    const waits = (await savedArtifacts(result)).steps[1]!.timing.actions.map((a) => [a.action, a.responseMs]);
    expect(waits).toEqual([
      ['tap', expect.any(Number)],
      ['scroll', expect.any(Number)],
    ]);
    expect(waits[0]![1]).toBeGreaterThanOrEqual(9900);
    expect(waits[1]![1]).toBeLessThan(5000);
  });

  it('a link with a target that opens no tab (its click taken over by the page, a frame of the page named, a form sent to that frame) is not waited for as one', async () => {
    const result = await fixtures.run(
      pageScenario('tabs', 'kept.html', {
        steps: `  - name: Track it
    tap: Track my parcel
    expect: { text: Out for delivery today }
  - name: Show the invoice
    tap: Show the invoice below
  - name: Show it again
    tap: Show it again
`,
      }),
    );
    expect(result.steps.map((s) => [s.status, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', 'kept.html'],
      ['passed', 'kept.html'],
      ['passed', 'kept.html'],
      ['passed', 'kept.html'],
    ]);
    for (const step of result.steps.slice(1)) expect(step.wait, step.name).toBeLessThan(3);
    expect(result.steps.flatMap((s) => s.findings.filter((f) => f.rule === 'slow-response' || f.rule === 'dead-tap'))).toEqual([]);
  });

  it("on a browser that lets a page open windows on its own (a browser service started with Playwright's defaults, reached with --connect), the customer's tab is kept in front of the one it opened as it loaded", async () => {
    const browser = await chromium.launch({ executablePath: findBrowser().executablePath, args: chromiumArgs([OFFLINE_HOSTS_ARG]) });
    try {
      const steps = '  - name: Track it\n    tap: Track my parcel\n    expect: { text: Out for delivery today }\n  - name: Show the invoice\n    tap: Show the invoice below\n';
      const result = await runYaml(browser, fixtures.url, pageScenario('tabs', 'kept.html', { steps }));
      expect(result.steps.map((s) => [s.status, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
        ['passed', 'kept.html'],
        ['passed', 'kept.html'],
        ['passed', 'kept.html'],
      ]);
      // Behind that window, each of the tab's frames would come a second late, and the taps would be slow.
      for (const step of result.steps.slice(1)) expect(step.wait, step.name).toBeLessThan(3);
      expect(result.steps.flatMap((s) => s.findings.filter((f) => f.rule === 'slow-response'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("a window the page opens as it loads is blocked, as on the customer's phone: a tap that opens a window of that name opens it as a new tab, where they are", async () => {
    const result = await fixtures.run(pageScenario('tabs', 'kept.html', { steps: '  - name: See the offers\n    tap: See the offers\n    expect: { text: Half price on everything }\n' }));
    expect(result.steps.map((s) => [s.status, s.url.replace(/^.*\/tabs\//, '')])).toEqual([
      ['passed', 'kept.html'],
      ['passed', 'advert.html?again'],
    ]);
    // The window opened as the page loaded is no page of the customer's: the first step saw only the order.
    expect((await savedArtifacts(result)).steps[0]!.pages.map((p) => p.replace(/^.*\/tabs\//, ''))).toEqual(['kept.html']);
    expect(result.steps.flatMap((s) => s.findings.filter((f) => f.rule === 'dead-tap' || f.rule === 'slow-response'))).toEqual([]);
  });

  it("a tap that opens many at once puts the customer on the first, the same on every run; the others blocked, as a phone's browser blocks them", async () => {
    const steps = `  - name: Add it
    tap: Add to cart
    expect: { text: Wear them with the shirt }
  - name: Go to the cart
    tap: Go to the cart
    expect: { text: Your cart }
`;
    for (const run of [1, 2]) {
      const result = await fixtures.run(pageScenario('tabs', 'shirt.html?tabs=12', { steps }));
      expect(result.steps.map((s) => [s.status, s.url.replace(/^.*\/tabs\//, '')]), `run ${run}`).toEqual([
        ['passed', 'shirt.html?tabs=12'],
        ['passed', 'trousers.html?w=0'],
        ['passed', 'cart.html'],
      ]);
      expect(result.steps[2]!.actions.taps, `run ${run}`).toBe(1);
      expect(result.steps[2]!.effort, `run ${run}`).toBeGreaterThan(0);
    }
  });
});
