/**
 * New tabs, in real Chromium: a tap that opens one (a link with target="_blank", window.open in answer to the tap)
 * puts the customer on it, as a phone does, and the scenario goes on there; going back from it closes it and puts
 * them back where they tapped. A tab the page opens on its own (an advert as it loads) is not followed.
 */
import { describe, expect, it } from 'vitest';
import { pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

describe('a tap that opens a new tab', () => {
  it('takes the customer there; back closes it; an advert the page opened on its own is left alone', async () => {
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
  }, 60_000);

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
  }, 60_000);
});
