import { excerpt } from '../support/message-words.js';
import { EMAIL_ADDRESS, KEEPSAKE, carriesOn, contentText, lastReached, phoneNumberIn } from './support.js';
import { defineJourneyRule } from '../types.js';

/**
 * Words of a page that sends the customer away to phone or write instead of letting them finish: "call our team", or
 * "email returns@shop.example with your order number".
 */
const SENT_AWAY =
  /\b(call|phone|ring|e-?mail|write to|contact)\b(?:[^.]{0,80}\b(us|our|team|department|service)\b|\s+(?:at\s+|on\s+)?(?:[\w.+-]+@[\w-]+\.|\+?\(?\d))/i;

export default defineJourneyRule({
  title: 'The return ends in "call us"',
  area: 'returns',
  severity: 'high',
  threshold:
    'the content of the last page the customer reaches only offers a phone number or an email address to go on: no field there to go on with (a site search, or a field in the header, footer or navigation, does not count) and no confirmation',
  source: 'cx-shop convention: a self-service journey that hands the customer to a phone line has failed them',
  class: 'deterministic',
  scope: 'journey',
  journeys: ['returns'],
  detect({ steps }) {
    const last = lastReached(steps);
    const page = last?.page;
    if (!last || !page) return [];
    // The page's own words: the site's header and footer (a "Contact us" line, a help link) say nothing of this return.
    const text = contentText(page);
    const sentAway = SENT_AWAY.exec(text);
    const contact = phoneNumberIn(text) ?? EMAIL_ADDRESS.exec(text)?.[0] ?? null;
    // A page that still has a form to fill in, or that confirms the return, is not a dead end. A site search, a
    // newsletter sign-up or a language picker in the page's frame is no way to go on with the return.
    if (!sentAway || !contact || page.fields.some(carriesOn) || KEEPSAKE.test(text)) return [];
    const sentence = text.split(/(?<=[.!?])\s+/).find((s) => SENT_AWAY.test(s)) ?? sentAway[0];
    return [
      {
        step: last.index,
        message: `The return stops at "${excerpt(sentence, 120)}": the customer has to phone or write to finish`,
        evidence: { url: page.url, text: sentence, measured: `contact only: ${contact}`, threshold: 'a way to finish the return on the site' },
      },
    ];
  },
});
