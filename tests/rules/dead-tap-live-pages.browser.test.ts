/**
 * Shop pages that never go quiet (a chat widget loading late, pushes on a socket, a long poll, a carousel, a render
 * loop): what the page does on its own, however soon after a tap it comes, is no answer to the tap, and what the
 * customer's tap does is still one.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const scenario = (page: string, steps: string) => `name: fixture\ndevice: Pixel 7\nsteps:\n  - name: Open\n    goto: /rules/${page}\n${steps}`;
const tap = (name: string) => `  - name: ${name}\n    tap: { role: button, name: ${name} }\n`;
const deadTaps = (result: Awaited<ReturnType<typeof fixtures.run>>) => result.steps.map((s) => s.findings.filter((f) => f.rule === 'dead-tap').map((f) => f.evidence.element));

describe('a chat widget the page loads on its own', () => {
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
