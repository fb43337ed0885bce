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
import { askElement } from '../browser/ask.js';

/** How long an expectation may take to come true: the page may still be updating after the step. */
const EXPECT_TIMEOUT_MS = 5000;

/** Text as getByText compares it: spaces run together, in any case. */
const loose = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether a drop-down on the page shows the text as its chosen option. A closed list shows the words of its chosen
 * option, as the customer sees them ("Size: M"), though no visible element holds them.
 */
function chosenInList(page: Page, text: string): Promise<boolean> {
  return page
    .evaluate((wanted) => {
      const loose = (words: string) => words.replace(/\s+/g, ' ').trim().toLowerCase();
      return [...document.querySelectorAll('select')].some((list) => {
        const box = list.getBoundingClientRect();
        if (box.width <= 4 || box.height <= 4 || getComputedStyle(list).visibility !== 'visible') return false;
        return [...list.selectedOptions].some((option) => loose(option.label || option.text).includes(wanted));
      });
    }, loose(text))
    .catch(() => false);
}

/**
 * `shown`, when given: the messages the page showed during the step. A text the customer saw there counts, though it
 * has gone (a toast shown for under a second, hidden while the step waited for the page's short timers).
 */
export async function checkExpectation(
  page: Page,
  recorder: Pick<ActionContext, 'locate' | 'sees' | 'timeout'>,
  expect: Expectation,
  shown?: () => Promise<string[]>,
): Promise<string | null> {
  const timeout = Math.min(EXPECT_TIMEOUT_MS, recorder.timeout);
  const texts = expect.text === undefined ? [] : Array.isArray(expect.text) ? expect.text : [expect.text];
  const seen = texts.length > 0 && shown ? (await shown()).map(loose) : [];
  for (const text of texts) {
    if (seen.some((message) => message.includes(loose(text)))) continue;
    // On the page, or in a frame it shows (a newsletter provider's "Check your inbox").
    if (!(await recorder.sees({ text }, timeout)) && !(await chosenInList(page, text))) return `expected to see "${text}"`;
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
    // code): its type, and its words as the recorder reads them (page-lib.ts's fieldWords). A list (a <select>) shows
    // its chosen option's words, not the value the page keeps for it ("price-asc"): the customer, and the `select`
    // action, go by the words.
    const kind = () =>
      askElement(field, (el) => {
        const lib = window.__cxShopLib;
        const shown = el instanceof HTMLSelectElement ? [...el.selectedOptions].map((option) => option.label || option.text).join(', ') : null;
        return { type: (el.getAttribute('type') ?? '').toLowerCase(), words: lib?.fieldWords(el) ?? '', shown };
      }).catch(() => ({ type: '', words: '', shown: null }));
    if (!sameValue(value, equals)) {
      const { shown, ...seen } = await kind();
      if (shown !== null && sameValue(shown, equals)) return null;
      if (!sameFieldValue(seen, value, equals)) return `expected ${describeLocator(locator)} to hold "${equals}", it holds "${shown ?? value}" (${howItDiffers(shown ?? value, equals)})`;
    }
  }
  return null;
}

/**
 * What differs between what a field holds and what was typed, without either value: a secret's (a card number a field
 * cut short) is masked in the message, and "•••" against "•••" says nothing. Compared as sameValue does, without what
 * a site puts between characters.
 */
export function howItDiffers(holds: string, typed: string): string {
  const plain = (text: string) => [...text.replace(/[\s\-().\/]/g, '').toLowerCase()];
  const [held, wanted] = [plain(holds), plain(typed)];
  const characters = (n: number) => `${n} character${n === 1 ? '' : 's'}`;
  if (held.length === 0) return `none of the ${characters(wanted.length)} typed`;
  let same = 0;
  while (same < held.length && same < wanted.length && held[same] === wanted[same]) same += 1;
  if (same === held.length && held.length < wanted.length) {
    const missing = wanted.length - held.length;
    return `${held.length} of the ${characters(wanted.length)} typed; the last ${missing === 1 ? 'one is' : `${missing} are`} missing`;
  }
  if (same === wanted.length) return `the ${characters(wanted.length)} typed and ${held.length - wanted.length} more after them`;
  return `${characters(held.length)} where ${wanted.length} were typed; they first differ at character ${same + 1}`;
}
