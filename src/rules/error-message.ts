import type { AppearedText } from '../artifacts/types.js';
import { defineRule } from './types.js';

/** Words that make a message an error rather than a confirmation. */
const ERROR_WORDS =
  /\b(error|invalid|incorrect|not valid|failed|fail|wrong|required|missing|can(no|'|’)t|could not|couldn['’]t|unable|sorry,? (?:but|we|something|there|that|your|this)|problem|declined|expired|not recogni[sz]e|try again|please (enter|check|correct)|(enter|provide|use|choose|select) an? valid|(?:is|are)(?:n['’]t| not) (?:valid|right|correct|accepted|available|recogni[sz]ed)|(?:does|do)(?:n['’]t| not) (?:exist|match|look right|work)|not (?:found|accepted|allowed|available)|no longer (?:available|valid)|sold out|out of stock|too (?:short|long)|already (?:been )?(?:used|registered|taken|in use|redeemed)|denied|rejected|refused)\b/i;

/** Words that make a message a confirmation, whatever its colour: a shop whose brand is red shows "Added" in red. */
const DONE_WORDS = /\b(added|applied|saved|updated|subscribed|confirmed|success(ful(ly)?)?|thank(s| you)|welcome|done|sent|on (its|the) way)\b/i;

/**
 * True when a message on screen reads as an error rather than a confirmation: marked as one (an error's class or
 * colour) unless its words say something went right, or worded as one.
 */
export function isErrorMessage(message: AppearedText): boolean {
  if (ERROR_WORDS.test(message.text)) return true;
  // "Not sent", "wasn't saved": a word of success said the other way round is still an error.
  return message.kind === 'error' && (!DONE_WORDS.test(message.text) || /\b(not|no|never)\b|n['’]t\b/i.test(message.text));
}

export default defineRule({
  title: 'An error message was shown',
  area: 'forms',
  severity: 'medium',
  threshold:
    'any new alert or error text after the step: marked by a role, a live region, an error or danger class, red text or a strong red box, the message of a field the page marks invalid (aria-invalid with aria-describedby, or aria-errormessage), or plain text whose words say something went wrong ("isn\'t valid", "already used", "not found", "out of stock", "declined"); a marked message whose words say something went right ("Added to your bag", "Code applied") is a confirmation in the shop\'s colours (its reading time is added to the effort)',
  source: 'cx-shop convention: every error message costs reading, thought and a retry',
  class: 'deterministic',
  detect(artifacts) {
    // Telling the customer that a service failed is what the site should do when cx-shop injects a failure: the
    // resilience rules judge those messages instead (raw, missing, no way to retry). Their reading still counts.
    if (artifacts.injectedFailures.length > 0) return [];
    return artifacts.appeared
      .filter(isErrorMessage)
      .map((message) => ({
        message: `The customer was shown: "${message.text.slice(0, 160)}"`,
        evidence: {
          element: message.where,
          text: message.text.slice(0, 500),
          measured: `${message.text.length} characters to read`,
          threshold: 'no error message',
          screenshot: artifacts.screenshot?.path ?? null,
        },
      }));
  },
});
