/**
 * Secrets in a step's picture, in real Chromium: a shop shows the customer's details back formatted its own way (a
 * card number over spans, table cells or dotted, a phone number or voucher code its field reformats as it is typed,
 * an email over two spans or in a list, a password as a placeholder, a token drawn by CSS, a card number inside a component). Each is painted over in the picture;
 * an order number, a date, a price, another phone number and an ordinary placeholder are not.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Box, StepScreenshot } from '../../src/artifacts/types.js';
import { PAGE_LIB_SCRIPT } from '../../src/recorder/install.js';
import { captureStep } from '../../src/recorder/screenshot.js';
import { maskedPixels, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const SECRETS = {
  card: '4242424242424242',
  voucher: 'tok9fKq2LmZ7xW',
  phone: '5551234567',
  mail: 'jane.q.shopper+vip@example.com',
  password: 'Hunter2&Go!',
  token: 'Zq81xT5mRw',
  nick: 'p"w\\d9Zq',
  cvc: '412',
};

let page: Page;
let outDir: string;
let shot: StepScreenshot;

beforeAll(async () => {
  page = await fixtures.browser.newPage({ viewport: { width: 900, height: 700 } });
  const { cvc: _cvc, ...shown } = SECRETS;
  await page.goto(`${fixtures.url}/secrets/shown.html?${new URLSearchParams(shown)}`);
  // cx-shop's helpers in the page, as every step has them: field words, components' shadow roots.
  await page.evaluate(PAGE_LIB_SCRIPT);
  // Typed as the customer types them: the page's input masks reformat both.
  await page.fill('#mobile', SECRETS.phone);
  await page.fill('#voucher', SECRETS.voucher);
  expect(await page.inputValue('#mobile')).toBe('(555) 123-4567');
  expect(await page.inputValue('#voucher')).toBe('tok9-fKq2-LmZ7-xW');
  outDir = mkdtempSync(join(tmpdir(), 'cx-shop-secrets-'));
  const { saved } = await captureStep(page, join(outDir, 'account.png'), 'account.png', Object.values(SECRETS));
  shot = (await saved)!;
  expect(shot).not.toBeNull();
});

afterAll(() => page?.close());

/** The box of the words in the element with this id (its own box for a field, or words drawn by CSS), in page coordinates. */
async function boxOf(id: string): Promise<Box> {
  return page.evaluate((id) => {
    const el = document.getElementById(id) ?? document.querySelector('saved-card')!.shadowRoot!.getElementById(id)!;
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = el.firstChild && !(el instanceof HTMLSelectElement) ? range.getBoundingClientRect() : el.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  }, id);
}

async function grey(id: string): Promise<boolean[]> {
  const pixels = maskedPixels(outDir, shot, await boxOf(id));
  expect(pixels.length, id).toBeGreaterThan(0);
  return pixels;
}

describe('a step picture of a page showing secrets formatted its own way', () => {
  it.each([
    ['a card number over four spans', ['split1', 'split2', 'split3', 'split4']],
    ['a card number over two table cells', ['cell1', 'cell2']],
    ['a dotted card number', ['dotted']],
    ['the phone number written (555) 123-4567 and 555.123.4567', ['phone-bracketed', 'phone-dotted']],
    ['an email over two spans', ['mail1', 'mail2']],
    ['a value JSON-escaped', ['json']],
    ['a secret of three characters, as a word', ['cvc']],
    ['a token drawn by CSS from an attribute', ['token']],
    ['a voucher code written in a style sheet', ['drawn-code']],
    ["a card number over spans and a token drawn by CSS in a component's shadow root", ['saved1', 'saved2', 'saved-token']],
    ['a phone number and a voucher code the fields reformatted as they were typed', ['mobile', 'voucher']],
    ['a field whose placeholder is the password', ['reminder']],
    ["a list whose chosen option shows the email", ['send-to']],
  ])('paints over %s', async (_what, ids) => {
    for (const id of ids) expect((await grey(id)).every(Boolean), id).toBe(true);
  });

  it.each([
    ['the words beside a secret', ['cell0']],
    ['an order number, a date and a price', ['order', 'date', 'price', 'saved-order']],
    ['another phone number, in the text and in a field', ['other-phone', 'landline']],
    ['a number that holds a short secret within it', ['unit']],
    ['CSS-drawn text that is no secret', ['note']],
    ['a field with an ordinary placeholder, and a list', ['hint', 'size']],
    ['ordinary prose', ['prose']],
  ])('leaves %s as they are', async (_what, ids) => {
    for (const id of ids) expect((await grey(id)).some(Boolean), id).toBe(false);
  });
});
