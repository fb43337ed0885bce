/**
 * A value check on a field holding a secret, in real Chromium: the message says what differs (a card field that
 * kept 13 of the 16 digits typed) without the values, which are masked wherever the message goes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { redact } from '../../src/output/safe.js';
import { howItDiffers } from '../../src/runner/expect.js';
import { pageScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();
const CARD = '4111111111111111';

beforeAll(() => {
  process.env.CX_TEST_SHORT_CARD = CARD;
});
afterAll(() => {
  delete process.env.CX_TEST_SHORT_CARD;
});

it('says how a field holding a secret differs from what was typed, without either', async () => {
  const steps = [
    '  - name: Enter my card',
    '    type: { label: Card number, text: "${env.CX_TEST_SHORT_CARD}" }',
    '    expect: { value: { label: Card number, equals: "${env.CX_TEST_SHORT_CARD}" } }',
    '',
  ].join('\n');
  const result = await fixtures.run(pageScenario('secrets', 'card-short.html', { steps }));
  const failed = result.steps[1]!;
  expect(failed.status).toBe('failed');
  const said = redact(JSON.stringify(failed), [CARD]);
  expect(said).toContain('to hold \\"•••\\", it holds \\"•••\\" (13 of the 16 characters typed; the last 3 are missing)');
  expect(said).not.toContain('4111');
});

it('tells a value cut short, one with more after it, one that differs and an empty one', () => {
  expect(howItDiffers('4111 1111 1111 1', '4111111111111111')).toBe('13 of the 16 characters typed; the last 3 are missing');
  expect(howItDiffers('07700900123', '0770090012')).toBe('the 10 characters typed and 1 more after them');
  expect(howItDiffers('4111111111111112', '4111111111111111')).toBe('16 characters where 16 were typed; they first differ at character 16');
  expect(howItDiffers('', '737')).toBe('none of the 3 characters typed');
});
