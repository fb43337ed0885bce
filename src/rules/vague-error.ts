import { isErrorMessage } from './error-message.js';
import { givesFix, namesFieldKind, excerpt } from './support/message-words.js';
import { defineRule } from './types.js';

/**
 * Words saying what the shop did about it ("so we have taken it out of your bag", "your new total is £5.00"): the
 * customer knows what happened and has nothing to put right.
 */
const SHOP_ACTED =
  /\bwe(?:['’]ve| have)? (?:taken|removed|updated|changed|refunded|cancell?ed|moved|replaced|adjusted|saved|kept|reduced|limited|set|lowered)\b|\byour new (?:total|price|delivery date)\b/i;

export default defineRule({
  title: 'Error message that does not help',
  area: 'forms',
  severity: 'low',
  threshold: 'an error message that names neither the field nor how to put it right (one that says what the shop did about it, "we have taken it out of your bag", "we\'ve kept 3 in your bag", leaves nothing to put right)',
  source: 'Nielsen Norman Group, error-message guidelines',
  class: 'deterministic',
  detect(step) {
    const { appeared, page } = step;
    // A message about a failure cx-shop injected is judged by the resilience rules (raw, missing, no way to retry).
    if (step.injectedFailures.length > 0) return [];
    const labels = (page?.fields ?? []).map((f) => f.label?.toLowerCase()).filter((l): l is string => Boolean(l));
    return appeared
      .filter(isErrorMessage)
      .filter((message) => {
        const text = message.text.toLowerCase();
        const namesField = namesFieldKind(text) || labels.some((label) => text.includes(label));
        return !namesField && !givesFix(text) && !SHOP_ACTED.test(text);
      })
      .map((message) => ({
        message: `"${excerpt(message.text, 120)}" says neither which field is wrong nor how to fix it`,
        evidence: { element: message.where, text: message.text, measured: 'no field named, no fix given', threshold: 'names the field or the fix' },
      }));
  },
});
