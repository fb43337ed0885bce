/**
 * `cx-shop record` in real Chromium keeps out what a person types into a one-time code, bank, or card field, as the
 * page names them in English, German or French; a promo code and a name are written as typed.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordJourney } from '../../src/record/session.js';
import { scenarioFromActs } from '../../src/record/to-scenario.js';
import { startBrowser } from '../helpers/browser.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

let browser: Browser;
let server: FixtureServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([startBrowser(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const TYPED: Array<[string, string, boolean]> = [
  ['Enter the 6-digit code', '482913', true],
  ['IBAN', 'GB29NWBK60161331926819', true],
  ['Kennwort', 'Tr0ub4dor&3-Horse', true],
  ['Numéro de carte', '4111111111111111', true],
  ['Promo code', 'SPRING25', false],
  ['Full name', 'Jane Doe', false],
];

it('writes a secret typed into a code, bank or card field, in English, German or French, as a variable', async () => {
  let finish!: () => void;
  const until = new Promise<void>((resolve) => (finish = resolve));
  const url = `${server.url}/secrets/bank-details.html`;
  const person = async (page: Page) => {
    for (const [label, value] of TYPED) {
      await page.getByLabel(label, { exact: true }).tap();
      await page.keyboard.type(value);
    }
    await page.getByRole('heading').tap();
  };
  const acts = await recordJourney(browser, url, { device: 'Pixel 7', testIdAttribute: 'data-testid', until, onPage: (page) => void person(page).then(finish) });
  const typed = acts.flatMap((act) => (act.kind === 'type' ? [[act.words, act.secret] as const] : []));
  expect(typed).toEqual(TYPED.map(([label, , secret]) => [label, secret]));
  const { yaml } = scenarioFromActs(acts, { startUrl: url, device: 'Pixel 7', name: 'Confirm details' });
  for (const [, value, secret] of TYPED) expect(yaml.includes(value), value).toBe(!secret);
});
