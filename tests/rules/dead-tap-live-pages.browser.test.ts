/**
 * Shop pages that never go quiet (a chat widget loading late, pushes on a socket, a long poll, a carousel, a render
 * loop): what the page does on its own, however soon after a tap it comes, is no answer to the tap, and what the
 * customer's tap does is still one.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const scenario = (page: string, steps: string) => `name: fixture\ndevice: Pixel 7\nsteps:\n  - name: Open\n    goto: /rules/${page}\n${steps}`;
const tap = (name: string) => `  - name: ${name}\n    tap: { role: button, name: ${name} }\n`;
const deadTaps = (result: Awaited<ReturnType<typeof fixtures.run>>) => result.steps.map((s) => s.findings.filter((f) => f.rule === 'dead-tap').map((f) => f.evidence.element));

// Most of these tests wait out a tap's time to be answered: a few run at once (see tests/vitest.config.ts).
describe.concurrent('a chat widget the page loads on its own', () => {
  it('arriving just after a tap on a button that does nothing does not answer it: the tap is dead', async () => {
    const result = await fixtures.run(scenario('chat-widget.html', tap('Size guide')));
    expect(deadTaps(result)).toEqual([[], ['button "Size guide"']]);
  });

  it("a script the customer's tap loads answers the tap", async () => {
    const result = await fixtures.run(scenario('chat-widget.html', `${tap('Show reviews')}    expect: { text: Fits true to size }\n`));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
  });
});

describe.concurrent('what a tap set going before the next one', () => {
  it("a reminder an earlier tap's timer shows is not read as the next tap's message", async () => {
    const result = await fixtures.run(scenario('bag-reminder.html', `${tap('Add to bag')}${tap('Size guide')}  - name: Look\n    wait: { ms: 2500 }\n`));
    const steps = (await savedArtifacts(result)).steps;
    expect(steps.map((s) => s.appeared.map((m) => m.text))).toEqual([[], ['Added to your bag'], ['Waist 76 cm fits a 30.'], []]);
  });

  it('nor read in a later step when it comes before the next tap (a slow machine, or the customer pausing)', async () => {
    const result = await fixtures.run(scenario('bag-reminder.html', `${tap('Add to bag')}  - name: Pause\n    wait: { ms: 2500 }\n${tap('Size guide')}`));
    const steps = (await savedArtifacts(result)).steps;
    expect(steps.map((s) => s.appeared.map((m) => m.text))).toEqual([[], ['Added to your bag'], [], ['Waist 76 cm fits a 30.']]);
  });
});

describe.concurrent("a chat's socket the customer's tap opened", () => {
  it("the shopper counts the server pushes on it later are the page's: no answer to a dead tap, and not read; the reply to the customer's message is theirs", async () => {
    const chat = `${tap('Chat with a stylist')}    expect: { text: Maya is online }\n`;
    const ask = '  - name: Ask\n    type: { label: Your message, text: Do these run small? }\n    tap: { role: button, name: Send }\n    expect: { text: "Maya got your message" }\n';
    const result = await fixtures.run(scenario('chat-socket.html', chat + tap('Size guide') + ask + tap('Size guide')));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(deadTaps(result)).toEqual([[], [], ['button "Size guide"'], [], ['button "Size guide"']]);
    const steps = (await savedArtifacts(result)).steps;
    expect(steps.flatMap((s) => s.appeared.map((m) => m.text)).filter((text) => /shoppers here/.test(text))).toEqual([]);
    expect(steps[3]!.appeared.map((m) => m.text)).toContain('Maya got your message: Do these run small?');
  });
});

describe.concurrent('a long poll its server answers within 3 s, asked again as soon as it is answered', () => {
  it('is a poll: no step waits for it, and its answers answer no dead tap', async () => {
    const like = (times: string) => `  - name: Like\n    tap: { role: button, name: Like }\n    expect: { text: ${times} }\n`;
    const result = await fixtures.run(scenario('long-poll-quick.html', like('Liked 1 time') + like('Liked 2 times') + tap('Size guide') + like('Liked 3 times')));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(deadTaps(result)).toEqual([[], [], [], ['button "Size guide"'], []]);
    // Each step took as long as its tap's answer, not poll after poll up to the 10 s cap.
    for (const step of (await savedArtifacts(result)).steps.slice(1)) expect(step.wallMs).toBeLessThan(6000);
  });
});

describe.concurrent('a banner of offers the page turns on its own', () => {
  it("an offer its own timer shows just after a tap does not answer the tap; the customer's turn does", async () => {
    const result = await fixtures.run(scenario('offers-turning.html', tap('Previous offer') + tap('Next offer') + tap('Previous offer')));
    expect(deadTaps(result)).toEqual([[], ['button "Previous offer"'], [], ['button "Previous offer"']]);
  });
});
