import { KEEPSAKE, contentText, lastReached } from './support.js';
import { defineJourneyRule } from '../types.js';

export default defineJourneyRule({
  title: 'Nothing to keep at the end of the return',
  area: 'returns',
  severity: 'high',
  threshold:
    'no confirmation, return number, label, slip or code in the content of the last page of the return, its header, footer and navigation aside ("return booked", "return authorised", "request received" or "submitted", a return, RMA, authorisation, confirmation, parcel or tracking number, a reference, a returns label or slip to print or emailed, a QR or drop-off code)',
  source: 'cx-shop convention: without proof of a return the customer cannot chase a refund',
  class: 'deterministic',
  scope: 'journey',
  journeys: ['returns'],
  detect({ steps }) {
    const last = lastReached(steps);
    // Read from the page's own content: a help link in the footer ("Printing your returns label") is no label.
    if (!last?.page || KEEPSAKE.test(contentText(last.page))) return [];
    return [
      {
        step: last.index,
        message: 'The return ended without a confirmation, a return number or a label the customer can keep',
        evidence: { url: last.page.url, measured: 'no confirmation on the last page', threshold: 'a confirmation, return number or label' },
      },
    ];
  },
});
