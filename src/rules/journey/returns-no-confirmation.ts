import { KEEPSAKE, lastReached } from './support.js';
import { defineJourneyRule } from '../types.js';

export default defineJourneyRule({
  title: 'Nothing to keep at the end of the return',
  area: 'returns',
  severity: 'high',
  threshold:
    'no confirmation, return number, label or code on the last page of the return ("return booked", "request received", a return number, RMA or reference, a returns label to print, a QR or drop-off code)',
  source: 'cx-shop convention: without proof of a return the customer cannot chase a refund',
  class: 'deterministic',
  scope: 'journey',
  journeys: ['returns'],
  detect({ steps }) {
    const last = lastReached(steps);
    if (!last?.page || KEEPSAKE.test(last.page.pageText)) return [];
    return [
      {
        step: last.index,
        message: 'The return ended without a confirmation, a return number or a label the customer can keep',
        evidence: { url: last.page.url, measured: 'no confirmation on the last page', threshold: 'a confirmation, return number or label' },
      },
    ];
  },
});
