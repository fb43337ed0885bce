/**
 * Fields in a frame, in real Chromium: a card number field a payment provider draws in its own frame, on another
 * site (localhost against the page's 127.0.0.1). The customer types into it as into any field: the step finds it,
 * the typing counts as their effort with its box on the page, and the picture hides the number. The page's own
 * button wins over an advert's frame with the same words. A consent manager's button in another site's frame takes
 * a phone's tap.
 */
import { describe, expect, it } from 'vitest';
import { maskedPixels, pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const CARD = '4242 4242 4242 4242';
/** The card number typed by its label, then Pay, which says whether the number reached the page complete. */
const payWithCard = [
  '  - name: Card number',
  `    type: { label: Card number, text: "${CARD}" }`,
  '  - name: Pay',
  '    tap: { role: button, name: Pay £45.00 }',
  '    expect: { text: your payment went through }',
  '',
].join('\n');
const steps = `  - name: Name\n    type: { label: Name on the card, text: Ada Byron }\n${payWithCard}`;

describe('a card field in a payment frame', () => {
  it('is typed into as the customer would, counted as their effort, and hidden in the picture', async () => {
    const result = await fixtures.run(pageScenario('frames', 'checkout.html', { head: 'device: Pixel 7\n', steps }));
    // The page's own Pay button took the tap (the advert's would not have paid), and the frame had the full number.
    expect(result.steps.map((s) => [s.name, s.status, s.reason ?? null])).toEqual([
      ['Open', 'passed', null],
      ['Name', 'passed', null],
      ['Card number', 'passed', null],
      ['Pay', 'passed', null],
    ]);
    const artifacts = await savedArtifacts(result);
    const card = artifacts.steps[2]!;
    const typing = card.interactions.filter((i) => i.kind === 'type');
    expect(typing).toHaveLength(1);
    expect(typing[0]).toMatchObject({ chars: CARD.length, pointed: true, target: { description: 'textbox labelled "Card number"' } });
    expect(result.steps[2]!.actions.charsTyped).toBe(CARD.length);
    expect(result.steps[2]!.effort).toBeGreaterThan(result.steps[1]!.effort);

    // Its box is where the frame shows it on the page, below the long order summary, not at the frame's own top.
    const box = typing[0]!.kind === 'type' ? typing[0]!.target.pageBox! : null;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThan(900);

    // Every pixel of the field in the step's picture is the mask's grey: the number is not in the picture.
    const shot = card.screenshot!;
    const grey = maskedPixels(result.outDir, shot, box!);
    expect(grey.length).toBeGreaterThan(20);
    expect(grey.every(Boolean)).toBe(true);
  });

  it("a frame the page labels as the field (\"Card number\") is typed into through the field inside it", async () => {
    const result = await fixtures.run(pageScenario('frames', 'labelled-frame.html', { head: 'device: Pixel 7\n', steps: payWithCard }));
    expect(result.steps.map((s) => [s.name, s.status, s.reason ?? null])).toEqual([
      ['Open', 'passed', null],
      ['Card number', 'passed', null],
      ['Pay', 'passed', null],
    ]);
    expect(result.steps[1]!.actions.charsTyped).toBe(CARD.length);
  });

  it("an answer shown in another site's frame (a newsletter sign-up) meets the step's expectation", async () => {
    const steps = '  - name: Sign up\n    type: { label: Your email, text: ada@example.com }\n    tap: { role: button, name: Sign me up }\n    expect: { text: Check your inbox }\n';
    const result = await fixtures.run(pageScenario('frames', 'newsletter.html', { head: 'device: Pixel 7\n', steps }));
    expect(result.steps.map((s) => [s.name, s.status, s.reason ?? null])).toEqual([
      ['Open', 'passed', null],
      ['Sign up', 'passed', null],
    ]);
  });

  it("a button in another site's frame (a consent manager) takes a tap on a phone's touch screen", async () => {
    const steps = '  - name: Accept\n    tap: { role: button, name: Accept all cookies }\n    expect: { text: Cookies accepted }\n';
    const result = await fixtures.run(pageScenario('frames', 'consent.html', { head: 'device: Pixel 7\n', steps }));
    expect(result.steps.map((s) => [s.name, s.status, s.reason ?? null])).toEqual([
      ['Open', 'passed', null],
      ['Accept', 'passed', null],
    ]);
  });

  it('a tap in a frame that takes itself away once answered is placed where the frame was, as in one that stays', async () => {
    const steps = '  - name: Accept\n    tap: { role: button, name: Accept all cookies }\n    expect: { text: Cookies accepted }\n';
    const gone = await fixtures.run(pageScenario('frames', 'consent.html', { head: 'device: Pixel 7\n', steps }));
    const kept = await fixtures.run(pageScenario('frames', 'consent.html?keep', { head: 'device: Pixel 7\n', steps }));
    expect(kept.steps[1]!.effortBreakdown.pointing).toBeGreaterThan(0);
    expect(gone.steps[1]!.effortBreakdown.pointing).toBe(kept.steps[1]!.effortBreakdown.pointing);
  });

  it('a field that is in no frame and not on the page is still not found, with the usual message', async () => {
    const result = await fixtures.run(pageScenario('frames', 'checkout.html', { head: 'timeout: 2000\n', steps: '  - name: Expiry\n    type: { label: Expiry date, text: "12/29" }\n' }));
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toMatch(/could not find field labelled "Expiry date" on http:\/\/127\.0\.0\.1:\d+\/frames\/checkout\.html within 2 s/);
  });
});
