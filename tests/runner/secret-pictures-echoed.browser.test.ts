/**
 * Secrets a shop shows back its own way, in a step's picture, in real Chromium: a one-time code typed into six
 * one-digit boxes, a PIN shown whole, a phone number with its country code, a date of birth written out, a gift
 * card in a component's closed shadow root, a card number a message cuts short. Each is painted over; what merely
 * holds some of the same digits (an order number, a price, a card's first or last digits), a one-letter field, a
 * name, another phone number, another date and the gift card's balance are not.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Box, StepScreenshot } from '../../src/artifacts/types.js';
import { prepareContext } from '../../src/recorder/install.js';
import { captureStep } from '../../src/recorder/screenshot.js';
import { maskedPixels, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const SECRETS = { code: '482913', pin: '1234', mobile: '07700900123', born: '1985-03-14', gift: '6035710012345678901', card: '4111111111111111' };

let context: BrowserContext;
let page: Page;
let outDir: string;
let shot: StepScreenshot;

beforeAll(async () => {
  // Prepared as a run prepares its pages: the recorder and cx-shop's helpers are in the page before its scripts.
  context = await fixtures.browser.newContext({ viewport: { width: 900, height: 900 } });
  await prepareContext(context, { touch: false }, false);
  page = await context.newPage();
  await page.goto(`${fixtures.url}/secrets/echoed.html`);
  // Typed as the customer types a code: each box moves on to the next by itself.
  await page.focus('#d1');
  await page.keyboard.type(SECRETS.code);
  expect(await page.inputValue('#d6')).toBe('3');
  outDir = mkdtempSync(join(tmpdir(), 'cx-shop-secrets-'));
  const { saved } = await captureStep(page, join(outDir, 'details.png'), 'details.png', Object.values(SECRETS));
  shot = (await saved)!;
  expect(shot).not.toBeNull();
});

afterAll(() => context?.close());

/**
 * The box of the words in the element with this id (its own box for a field), in page coordinates; in the closed
 * shadow root, as the shop's own script gives it.
 */
async function boxOf(id: string): Promise<Box> {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el) return (window as unknown as { giftBoxOf(id: string): Box }).giftBoxOf(id);
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = el.firstChild ? range.getBoundingClientRect() : el.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  }, id);
}

/** The box of some words inside the text of the element with this id, in page coordinates. */
async function boxOfWords(id: string, words: string): Promise<Box> {
  return page.evaluate(([id, words]) => {
    const text = document.getElementById(id)!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf(words));
    range.setEnd(text, text.data.indexOf(words) + words.length);
    const r = range.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  }, [id, words] as const);
}

async function grey(id: string): Promise<boolean[]> {
  const pixels = maskedPixels(outDir, shot, await boxOf(id));
  expect(pixels.length, id).toBeGreaterThan(0);
  return pixels;
}

describe('a step picture of a page showing back what the customer typed', () => {
  it('paints over a phone number shown with its country code (the code itself may show)', async () => {
    expect(maskedPixels(outDir, shot, await boxOfWords('phone-intl', '7700 900123')).every(Boolean)).toBe(true);
  });

  it('paints over the words of a PIN in a line, not the rest of the line (a street address)', async () => {
    expect(maskedPixels(outDir, shot, await boxOfWords('address', '1234')).every(Boolean)).toBe(true);
    for (const words of ['Northwind Ltd,', 'Harbour Road, Bristol']) expect(maskedPixels(outDir, shot, await boxOfWords('address', words)).some(Boolean), words).toBe(false);
  });


  it.each([
    ['every box of a one-time code typed one digit a box', ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
    ['a PIN shown whole', ['pin-shown']],
    ['a date of birth written out', ['dob-words']],
    ["a gift card's number in a component's closed shadow root", ['gift-number']],
    ['a card number a message cut short', ['card-cut']],
  ])('paints over %s', async (_what, ids) => {
    for (const id of ids) expect((await grey(id)).every(Boolean), id).toBe(true);
  });

  it.each([
    ['a field of one letter alone, and a name', ['initial', 'name']],
    ["an order number, a total and a confirmation holding the PIN's digits inside them", ['order', 'total', 'confirm']],
    ['another phone number and another date', ['other-phone', 'joined']],
    ["the gift card's balance beside it", ['balance']],
    ["a card's last digits, and a number that begins as the card does", ['ref', 'ref-long']],
  ])('leaves %s as they are', async (_what, ids) => {
    for (const id of ids) expect((await grey(id)).some(Boolean), id).toBe(false);
  });
});

describe('a step picture of a page that quotes a card number cut short, and no other secret', () => {
  it('paints over what it shows of the card, not the rest of the page', async () => {
    const card = await context.newPage();
    try {
      await card.goto(`${fixtures.url}/secrets/card-short.html`);
      await card.fill('#card', SECRETS.card);
      const quoted = await card.evaluate(() => {
        const text = document.getElementById('err')!.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, text.data.indexOf('4111'));
        range.setEnd(text, text.data.indexOf(' is too short'));
        const r = range.getBoundingClientRect();
        return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
      });
      const { saved } = await captureStep(card, join(outDir, 'card.png'), 'card.png', [SECRETS.card]);
      const picture = (await saved)!;
      expect(maskedPixels(outDir, picture, quoted).every(Boolean)).toBe(true);
      const note = await card.evaluate(() => {
        const r = document.getElementById('note')!.getBoundingClientRect();
        return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
      });
      expect(maskedPixels(outDir, picture, note).some(Boolean)).toBe(false);
    } finally {
      await card.close();
    }
  });
});
