import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { DEFAULT_DEVICE, DEFAULT_STEP_TIMEOUT_MS } from '../../src/scenario/schema.js';

const file = 'tests/scenario/fixtures/valid-aliases.yaml';
const source = readFileSync(new URL('./fixtures/valid-aliases.yaml', import.meta.url), 'utf8');

describe('resolving a valid scenario', () => {
  const { scenario, problems } = parseScenario(file, source, { PROMO_CODE: 'SAVE10' });

  it('has no problems and keeps the file name as given', () => {
    expect(problems).toEqual([]);
    expect(scenario?.file).toBe(file);
  });

  it('applies the defaults', () => {
    expect(scenario).toMatchObject({
      name: 'Apply a promo code on a phone',
      journey: 'promo-code',
      device: DEFAULT_DEVICE,
      timeout: DEFAULT_STEP_TIMEOUT_MS,
      tags: [],
    });
    expect(DEFAULT_DEVICE).toBe('Pixel 7');
  });

  it('lists actions in file order, with aliases mapped to their action and parsed arguments', () => {
    expect(scenario?.steps).toEqual([
      { name: 'Open the cart', line: 5, actions: [{ action: 'goto', args: '/cart' }] },
      {
        name: 'Enter the code the way the email shows it',
        line: 7,
        actions: [
          { action: 'type', args: { label: 'Promo code', text: 'SAVE10', clear: true } },
          { action: 'tap', args: { role: 'button', name: 'Apply' } },
          { action: 'press', args: { key: 'Enter', times: 1 } },
        ],
        expect: { text: '10% off' },
      },
      {
        name: 'Keep the literal placeholder',
        line: 12,
        timeout: 5000,
        actions: [
          { action: 'type', args: { placeholder: 'Note', text: '${env.NOT_A_SECRET}', clear: true } },
          { action: 'tap', args: { text: 'Save' } },
        ],
      },
    ]);
  });

  it('captures interpolated values as secrets, and not the escaped literal', () => {
    expect(scenario?.secrets).toEqual(['SAVE10']);
  });
});
