/**
 * A Chrome DevTools Recorder export as a scenario: locators in the customer's terms, secrets never written out,
 * clear errors for what is not a recording, and the imported scenario replays in real Chromium to the same end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importRecording, locatorFrom, parseRecording, RecordingError } from '../../src/scenario/import-recording.js';
import { parseScenario } from '../../src/scenario/load.js';
import { useFixtures } from '../helpers/browser.js';

const RECORDING = readFileSync(new URL('../fixtures/recordings/pay.json', import.meta.url), 'utf8');
const fixtures = useFixtures();

describe('importing a DevTools Recorder export', () => {
  it('names steps after what was done, with locators in the customer\'s terms, and keeps what replays', () => {
    const { yaml, notes } = importRecording(parseRecording(RECORDING));
    const scenario = parse(yaml) as { name: string; device: string; baseUrl: string; steps: Array<Record<string, unknown>> };
    expect(scenario).toMatchObject({ name: 'Pay for my order', device: 'Pixel 7', baseUrl: 'http://localhost:8080' });
    expect(scenario.steps).toEqual([
      { name: 'Open /faults/pay.html?mode=good', goto: '/faults/pay.html?mode=good' },
      { name: 'Type into "Name on the card"', type: { role: 'textbox', name: 'Name on the card', exact: true, text: 'Ada Lovelace' } },
      { name: 'Tap "Pay £40.00"', tap: { role: 'button', name: 'Pay £40.00', exact: true } },
      { name: 'See "your payment went through"', expect: { visible: { text: 'your payment went through' } } },
    ]);
    expect(notes).toEqual(['steps[8] (customStep) is not something cx-shop does: left out']);
    expect(parseScenario('imported.yaml', yaml, {}).problems).toEqual([]);
  });

  it('replays in Chromium to the same end state', async () => {
    const { yaml } = importRecording(parseRecording(RECORDING), { baseUrl: fixtures.url });
    const result = await fixtures.run(yaml);
    expect(result.steps.map((s) => s.status), result.steps.map((s) => s.reason).join(' / ')).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(result.steps[1]!.actions).toMatchObject({ fields: 1, charsTyped: 12 });
  });

  it('chooses aria names, then visible text, then a test id, then CSS', () => {
    expect(locatorFrom(['aria/Add to cart[role="button"]', '#add'], false)).toEqual({ role: 'button', name: 'Add to cart', exact: true });
    expect(locatorFrom(['#x', 'text/Size guide'], false)).toEqual({ text: 'Size guide' });
    expect(locatorFrom(['[data-testid="basket"]', 'xpath///a'], false)).toEqual({ testId: 'basket' });
    expect(locatorFrom(['div.card > button:nth-child(2)'], false)).toEqual({ css: 'div.card > button:nth-child(2)' });
    expect(locatorFrom(['aria/Email'], true)).toEqual({ role: 'textbox', name: 'Email', exact: true });
  });

  it('never writes out a value typed into a password or card field: it becomes a secret to set', () => {
    const recording = parseRecording(JSON.stringify({
      steps: [
        { type: 'navigate', url: 'https://shop.test/login' },
        { type: 'change', value: 'hunter2', selectors: [['aria/Password'], ['#password']] },
        { type: 'change', value: '4242424242424242', selectors: [['aria/Card number'], ['#cc']] },
      ],
    }));
    const { yaml, notes } = importRecording(recording);
    expect(yaml).not.toContain('hunter2');
    expect(yaml).not.toContain('4242');
    expect(yaml).toContain('${env.CX_SHOP_SECRET_1}');
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('set CX_SHOP_SECRET_1 when you run the scenario');
  });

  it('says what is wrong with a file that is not a recording', () => {
    expect(() => parseRecording('{ nope')).toThrow(RecordingError);
    expect(() => parseRecording('{"title": "x"}')).toThrow(/^not a DevTools Recorder export: steps: /);
    expect(() => parseRecording('{"steps": [{"url": 3}]}')).toThrow(/steps\[0\]\.type/);
    expect(() => importRecording(parseRecording('{"steps": [{"type": "setViewport"}]}'))).toThrow(/nothing in it that cx-shop can do/);
  });
});
