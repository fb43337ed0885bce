import type { AppearedText } from '../artifacts/types.js';
import { errorWords, excerpt, isRequiredLegend, leadsWithSuccess, saysWentWell } from './support/message-words.js';
import { defineRule } from './types.js';

/**
 * True when a message on screen reads as an error rather than a confirmation: marked as one (an error's class or
 * colour) unless its words say something went right, or worded as one.
 */
export function isErrorMessage(message: AppearedText): boolean {
  // "* Required fields", in red as the form's style has it: a rule of the form, shown on every visit.
  if (isRequiredLegend(message.text)) return false;
  // "Code applied – not valid on sale items": a confirmation, in no error's look, whose caveat does not undo it.
  if (message.kind !== 'error' && leadsWithSuccess(message.text)) return false;
  if (errorWords(message.text)) return true;
  // "Not sent", "wasn't saved": a word of success said the other way round is still an error.
  return message.kind === 'error' && !saysWentWell(message.text);
}

export default defineRule({
  title: 'An error message was shown',
  area: 'forms',
  severity: 'medium',
  threshold:
    'any new alert or error text after the step: marked by a role, a live region, an error or danger class, red text or a strong red box, in a dialog the page opens (its words, not its buttons\'), the message of a field the page marks invalid (aria-invalid with aria-describedby, or aria-errormessage), words the action writes into an attribute that the page\'s style draws (a field\'s message shown by content: attr(data-message)), or plain text whose words say something went wrong ("isn\'t valid", "already used", "not found", "out of stock", "declined"); a button the page turns red with such words ("Card declined – try another card"); a field\'s own label the action rewrote into red or error-marked words ("Mobile number – needs 11 digits"), not one that only turns red, was red before, or changes for another reason ("Quantity (2 in your bag)"); an error summary is one message with its links\' words (GOV.UK\'s, or a box the action brought with a heading that says there is a problem and links each to a field of the page to put right, whatever its class names and colour; not a new section with a heading and links, such as a mini bag or "You might also like", nor help offered in a question, "A problem with your order?"), and the choices of a list the customer opened are none (in a menu around the list too), nor is text for screen readers only (clipped to a pixel: a combobox\'s "7 results available"), nor a list of three results or more that the action brought (the shops near a postcode, one "Out of stock"), nor is a caution in a question they asked for ("Cancel order? You can\'t undo this."), a form\'s legend of its required fields ("* Required fields", "* Pflichtfeld"), a success that says what to do next ("Thanks! Please check your inbox"), a nudge to spend more for free delivery, help offered in case something goes wrong ("We\'ll only call if there\'s a problem", "Can\'t see your address? Enter it manually"), or a card of a listing that grows (one of three or more alike, such as the cards "Load more" brings, one "Out of stock"); red text includes dark reds (an alert\'s #842029 on pink), and red text in a polite live region is an error as any red text is; a marked message whose words say something went right ("Added to your bag", "Code applied") is a confirmation in the shop\'s colours (its reading time is added to the effort), and so is one not drawn as an error whose first words say what the customer did was done and whose caveat asks nothing to be put right ("Code applied – not valid on sale items"); red words count wherever the action drew them, in a part of the page drawn again whole too (a single-page app\'s form in no <form>), and on the page a server sends back for a form the customer sent by POST, red words that say something went wrong near the form (above it, outside it) are its answer',
  source: 'cx-shop convention: every error message costs reading, thought and a retry',
  class: 'deterministic',
  detect(artifacts) {
    // Telling the customer that a service failed is what the site should do when cx-shop injects a failure: the
    // resilience rules judge those messages instead (raw, missing, no way to retry). Their reading still counts.
    if (artifacts.injectedFailures.length > 0) return [];
    return artifacts.appeared
      .filter(isErrorMessage)
      .map((message) => ({
        message: `The customer was shown: "${excerpt(message.text, 160)}"`,
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
