import { analyseInvoice, describeInvoice, englishInvoices } from '../journeys/invoice-analysis.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Invoice does not say thank you',
  area: 'invoice',
  severity: 'low',
  threshold: 'no "thank you", "thanks" or "we appreciate your order" anywhere on the invoice',
  source: 'cx-shop convention: an invoice is the last word of a sale; a bill without thanks reads as a demand',
  class: 'deterministic',
  scope: 'step',
  detect({ documents, url }) {
    return englishInvoices(documents).flatMap((doc) => {
      const { thanks, pictureOnly } = analyseInvoice(doc);
      return thanks.count > 0 || pictureOnly
        ? []
        : [
            {
              message: 'The invoice does not thank the customer for their order',
              evidence: { url, element: describeInvoice(doc), measured: 'no thank-you found', threshold: 'at least one thank-you' },
            },
          ];
    });
  },
});
