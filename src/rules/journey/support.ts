import type { StepArtifacts } from '../../artifacts/types.js';

/** A run of figures that may be a phone number as printed for customers: 0800 000 0000, +44 20 7946 0000, (555) 010-0199. */
const PHONE_LIKE = /\+?\d[\d ()-]{7,}\d/g;
/** Fewer figures than any customer line has: a date (2026-11-23) or an order number is not a phone number. */
const PHONE_DIGITS = 9;

/** The first phone number in the text, or null: a run of figures with at least nine digits that is not a date. */
export function phoneNumberIn(text: string): string | null {
  for (const [run] of text.matchAll(PHONE_LIKE)) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(run.trim())) continue;
    if (run.replace(/\D/g, '').length >= PHONE_DIGITS) return run;
  }
  return null;
}
export const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+\.[\w.]+/;

/**
 * What a customer can keep at the end of a return: a confirmation, a number, a label or a code, in the words shops
 * use ("Your return has been booked", "Returns label", "RMA", "Drop-off code", "Print your label").
 */
export const KEEPSAKE =
  /\b(returns? (is |has been )?(confirmed|created|registered|booked|submitted|accepted|approved|started)|return request (received|submitted|sent)|returns? (number|no\.?|id|code|authori[sz]ation)|rma|reference|(returns?|shipping|postage|prepaid|your) labels?|(print|download) (your |the )?label|qr code|barcode|drop[- ]?off code|collection (is )?booked|we('ve| have) (received|got|registered) your return)\b/i;

/** The last step the customer got to (the one that ended the journey, or the last one run). */
export function lastReached(steps: StepArtifacts[]): StepArtifacts | undefined {
  return [...steps].reverse().find((step) => step.page !== null);
}

/** All visible text the customer saw at the end of a step: messages that appeared and what they read. */
export function textOf(step: StepArtifacts): string {
  return [...step.appeared.map((m) => m.text), ...step.documents.map((d) => d.text), step.page?.pageText ?? ''].join('\n');
}
