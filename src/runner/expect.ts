/**
 * Checks a step's expectations: what the customer must see once the step is done. Returns the first unmet
 * one in words, or null when all are met.
 */
import type { Page } from 'playwright';
import { describeLocator } from '../scenario/locator.js';
import type { Expectation } from '../scenario/schema.js';
import type { ActionContext } from '../actions/types.js';
import { sameFieldValue, sameValue } from '../recorder/values.js';
import { regexParts, urlMatcher } from '../scenario/regex.js';

/** How long an expectation may take to come true: the page may still be updating after the step. */
const EXPECT_TIMEOUT_MS = 5000;

/** Text as getByText compares it: spaces run together, in any case. */
const loose = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** How often the page's frames are asked again for a text while the page itself is waited on. */
const FRAME_POLL_MS = 100;

/**
 * Whether the customer sees the text within `timeout`: on the page, or in a frame the page shows (a sign-up form
 * or a payment provider's answer in a frame of its own).
 */
async function shows(page: Page, text: string, timeout: number): Promise<boolean> {
  let settled = false;
  const inPage = page
    .getByText(text)
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'visible', timeout })
    .then(() => true, () => false);
  const inFrames = (async () => {
    const deadline = Date.now() + timeout;
    while (!settled) {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame() || frame.isDetached()) continue;
        const found = await frame.getByText(text).filter({ visible: true }).first().isVisible().catch(() => false);
        if (found && (await frame.frameElement().then((el) => el.isVisible()).catch(() => false))) return true;
      }
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, FRAME_POLL_MS));
    }
    return false;
  })();
  const found = await new Promise<boolean>((resolve) => {
    let pending = 2;
    for (const look of [inPage, inFrames]) void look.then((ok) => (ok ? resolve(true) : --pending === 0 && resolve(false)));
  });
  settled = true;
  return found;
}

/**
 * `shown`, when given: the messages the page showed during the step. A text the customer saw there counts, though it
 * has gone (a toast shown for under a second, hidden while the step waited for the page's short timers).
 */
export async function checkExpectation(
  page: Page,
  recorder: Pick<ActionContext, 'locate' | 'timeout'>,
  expect: Expectation,
  shown?: () => Promise<string[]>,
): Promise<string | null> {
  const timeout = Math.min(EXPECT_TIMEOUT_MS, recorder.timeout);
  const texts = expect.text === undefined ? [] : Array.isArray(expect.text) ? expect.text : [expect.text];
  const seen = texts.length > 0 && shown ? (await shown()).map(loose) : [];
  for (const text of texts) {
    if (seen.some((message) => message.includes(loose(text)))) continue;
    if (!(await shows(page, text, timeout))) return `expected to see "${text}"`;
  }
  if (expect.url !== undefined) {
    const matches = urlMatcher(expect.url);
    const ok = await page.waitForURL((url) => matches(url.toString()), { timeout }).then(() => true, () => false);
    if (!ok) return `expected the address to ${regexParts(expect.url) ? 'match' : 'contain'} ${expect.url}, it is ${page.url()}`;
  }
  if (expect.title !== undefined) {
    const title = await page.title();
    if (!title.includes(expect.title)) return `expected the title to contain "${expect.title}", it is "${title}"`;
  }
  if (expect.visible !== undefined) {
    const ok = await recorder
      .locate(expect.visible)
      .waitFor({ state: 'visible', timeout })
      .then(() => true, () => false);
    if (!ok) return `expected to see ${describeLocator(expect.visible)}`;
  }
  if (expect.value !== undefined) {
    const { equals, ...locator } = expect.value;
    const field = recorder.locate(locator);
    const value = await field.inputValue({ timeout }).catch(() => null);
    if (value === null) return `expected ${describeLocator(locator)} to hold "${equals}", the field was not found`;
    // The field's kind decides what else counts as the same value (a phone number written again with its country
    // code): its type, and its words as the recorder reads them (page-lib.ts's fieldWords).
    const kind = () =>
      field
        .evaluate((el) => {
          const lib = window.__cxShopLib;
          return { type: (el.getAttribute('type') ?? '').toLowerCase(), words: lib?.fieldWords(el) ?? '' };
        })
        .catch(() => ({ type: '', words: '' }));
    if (!sameValue(value, equals) && !sameFieldValue(await kind(), value, equals)) return `expected ${describeLocator(locator)} to hold "${equals}", it holds "${value}"`;
  }
  return null;
}
