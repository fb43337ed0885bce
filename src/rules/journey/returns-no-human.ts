import { phoneNumberIn } from './support.js';
import { defineJourneyRule } from '../types.js';

export default defineJourneyRule({
  title: 'No way to reach a person',
  area: 'returns',
  severity: 'medium',
  threshold: 'no page of the return offers chat, a phone number or an email address (a link or button to a person counts: "Contact", "Customer service", "Chat with us", a chat bubble named as one, a phone or email link; a phone number has nine to fifteen digits, so a date or an order number is none, nor figures named as an order\'s or a parcel\'s, a moment before ("Return an item from 400123456789"), nor a code\'s figures running on into letters, nor eleven or more figures run together with no + or 0 before them)',
  source: 'cx-shop convention: a customer stuck on a return needs a person to ask',
  class: 'deterministic',
  scope: 'journey',
  journeys: ['returns'],
  detect({ steps }) {
    // Only pages the customer saw: a site that never answered shows no page to judge.
    const seen = steps.filter((s) => s.page);
    const reachable = seen.some((s) => (s.page?.contactLinks.length ?? 0) > 0 || phoneNumberIn(s.page?.pageText ?? '') !== null);
    const last = steps.at(-1);
    if (reachable || !last || seen.length === 0) return [];
    return [
      {
        step: last.index,
        message: 'Nowhere on the way was there a chat, a phone number or an email address',
        evidence: { url: last.url, measured: `${seen.length} pages without a contact`, threshold: 'a way to reach a person' },
      },
    ];
  },
});
