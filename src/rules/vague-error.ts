import { isErrorMessage } from './error-message.js';
import { excerpt, givesFixBeyondRetry, namesFieldKind, saysShopActed } from './support/message-words.js';
import { defineRule } from './types.js';

/** How the recorder names where the browser's own message showed: by the field it checked (see recorder/in-page.ts). */
const BROWSER_BUBBLE = "(the browser's own message)";

export default defineRule({
  title: 'Error message that does not help',
  area: 'forms',
  severity: 'low',
  threshold: 'an error message that names neither the field (by its kind, "email", "postcode", "voucher", or by its label) nor how to put it right (the browser\'s own bubble points at its field; "Please try again" alone is no way to put it right; one that says what the shop did about it, "we have taken it out of your bag", "we\'ve kept 3 in your bag", leaves nothing to put right)',
  source: 'Nielsen Norman Group, error-message guidelines',
  class: 'deterministic',
  detect(step) {
    const { appeared, page } = step;
    // A message about a failure cx-shop injected is judged by the resilience rules (raw, missing, no way to retry).
    if (step.injectedFailures.length > 0) return [];
    const labels = (page?.fields ?? []).map((f) => f.label?.toLowerCase()).filter((l): l is string => Boolean(l));
    return appeared
      .filter(isErrorMessage)
      // The browser's own bubble ("Please fill out this field.") points at the field it is about: it names it.
      .filter((message) => !message.where.endsWith(BROWSER_BUBBLE))
      .filter((message) => {
        const text = message.text.toLowerCase();
        const namesField = namesFieldKind(text) || labels.some((label) => text.includes(label));
        return !namesField && !givesFixBeyondRetry(text) && !saysShopActed(text);
      })
      .map((message) => ({
        message: `"${excerpt(message.text, 120)}" says neither which field is wrong nor how to fix it`,
        evidence: { element: message.where, text: message.text, measured: 'no field named, no fix given', threshold: 'names the field or the fix' },
      }));
  },
});
