import type { FieldInfo, PageSnapshot } from '../../artifacts/page.js';
import type { StepArtifacts } from '../../artifacts/types.js';

/**
 * A run of figures that may be a phone number as printed for customers: 0800 000 0000, +44 20 7946 0000, (555)
 * 010-0199; not the figures of a code that runs on into letters (a parcel's "1Z999AA10123456784").
 */
const PHONE_LIKE = /(?<![\p{L}\d])\+?\d[\d ()-]{7,}\d(?![\p{L}\d])/gu;
/**
 * Figures run together, more than a national number has, with no + or 0 before them: printed for customers, a number
 * that long is written "+44 …" or grouped; run together, it is an order's or a parcel's ("400123456789").
 */
const RUN_TOGETHER = /^[1-9]\d{10,}$/;
/** Fewer figures than any customer line has: a date (2026-11-23) or an order number is not a phone number. */
const PHONE_DIGITS = 9;

/** More figures than any phone number has (ITU-T E.164: fifteen at most): an order number ("302-4471288-1654321"). */
const MAX_PHONE_DIGITS = 15;
/**
 * Words that name the figures after them as an order's or a parcel's: "Order 302-4471288-16", "Tracking no. 1Z 999",
 * "Return an item from 400123456789".
 */
const NAMED_NUMBER = /\b(?:order|invoice|reference|ref|tracking|parcel|return|rma|account|customer|item)\b\W{0,3}(?:(?:number|no|id)\b\W{0,3})?(?:(?:from|for|of|in)\W{1,3})?$/i;

/**
 * The first phone number in the text, or null: a run of nine to fifteen figures that is not a date, nor a number the
 * words before it name as an order's or a parcel's.
 */
export function phoneNumberIn(text: string): string | null {
  for (const match of text.matchAll(PHONE_LIKE)) {
    const run = match[0];
    if (/^\d{4}-\d{2}-\d{2}$/.test(run.trim())) continue;
    const digits = run.replace(/\D/g, '').length;
    if (digits < PHONE_DIGITS || digits > MAX_PHONE_DIGITS || RUN_TOGETHER.test(run)) continue;
    if (NAMED_NUMBER.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
    return run;
  }
  return null;
}
export const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+\.[\w.]+/;

/**
 * What a customer can keep at the end of a return: a confirmation, a number, a label, a slip or a code, in the words
 * shops use ("Your return has been booked", "Returns label", "Print your returns slip", "RMA", "Parcel ID",
 * "Authorisation number", "Drop-off code", "Tracking number", "Print your label").
 */
const KEEPSAKE_WORDS = [
  'returns? (is |was |has been )?(confirmed|created|registered|booked|submitted|accepted|approved|authori[sz]ed|placed|started)',
  'return request (is |was |has been )?(received|submitted|sent|created|accepted|approved)',
  'confirmation (number|no\\.?|id|code|#)',
  'returns? (number|no\\.?|id|code|authori[sz]ation)',
  'rma',
  'reference',
  '(return|rma|authori[sz]ation|booking|collection|consignment|parcel|tracking) (number|no\\.?|id|code|reference)',
  '(returns?|shipping|postage|prepaid|your) labels?',
  '(returns?|postage|shipping) (slips?|notes?)',
  '(print|download) (your |the )?(returns? )?(label|slip|note|form)',
  'qr code',
  'barcode',
  'drop[- ]?off code',
  'collection (is )?booked',
  "we('ve| have) (received|got|registered) your return",
  // "We've emailed you a label to print", "We'll email you a returns label".
  "we(['’]ve|['’]ll| have| will) (e-?mailed|e-?mail|sent|send|texted|text) (it |them )?(to )?you (a |an |your |the )?(returns? |prepaid |postage |shipping )?(label|slip|qr code|confirmation)",
];
export const KEEPSAKE = new RegExp(`\\b(?:${KEEPSAKE_WORDS.join('|')})\\b`, 'i');

/**
 * The words the page itself says, without the frame every page of the site shares: a footer's help link "Printing
 * your returns label" is no label the customer got. The whole page's text for artifacts saved before this was kept,
 * and for a page whose content is all in its components.
 */
export function contentText(page: PageSnapshot): string {
  return page.mainText || page.pageText;
}

/**
 * Whether a field lets the customer go on with the return on the site: one in the page's own content, not a site
 * search, a newsletter sign-up or a language picker in the frame around it.
 */
export function carriesOn(field: FieldInfo): boolean {
  return field.inFrame !== true && field.type !== 'search';
}

/** The last step the customer got to (the one that ended the journey, or the last one run). */
export function lastReached(steps: StepArtifacts[]): StepArtifacts | undefined {
  return [...steps].reverse().find((step) => step.page !== null);
}

/** All visible text the customer saw at the end of a step: messages that appeared and what they read. */
export function textOf(step: StepArtifacts): string {
  return [...step.appeared.map((m) => m.text), ...step.documents.map((d) => d.text), step.page?.pageText ?? ''].join('\n');
}
