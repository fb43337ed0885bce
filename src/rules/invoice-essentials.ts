import { analyseInvoice, describeInvoice, englishInvoices, TEXT_WORDS } from '../journeys/invoice-analysis.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Invoice leaves out what the customer needs',
  area: 'invoice',
  severity: 'medium',
  threshold:
    'an invoice with no text (a scan) is one finding; otherwise each missing one is a finding: invoice number, invoice date, who it is from, how to reach them, what is charged, ' +
    'total amount due, due date (a date), how to pay (neither is needed on a bill already paid, or a refund)',
  source:
    'GOV.UK "Invoicing and taking payment from customers" (what an invoice must include); due date and how to pay: cx-shop convention',
  class: 'deterministic',
  scope: 'step',
  detect({ documents, url }) {
    return englishInvoices(documents).flatMap((doc) => {
      const { missing, essentials, pictureOnly, words } = analyseInvoice(doc);
      if (pictureOnly) {
        return [
          {
            message:
              `The invoice has no text to read (${words} ${words === 1 ? 'word' : 'words'}): a scanned or pictured invoice cannot be read aloud, searched ` +
              'or copied from (its number, its amount, its bank details), and what it must say could not be checked',
            evidence: { url, element: describeInvoice(doc), measured: `${words} ${words === 1 ? 'word' : 'words'} of text`, threshold: `text on the invoice (${TEXT_WORDS} words or more)` },
          },
        ];
      }
      const found = essentials.filter((e) => e.found).map((e) => ({ essential: e.id, text: e.evidence }));
      return missing.map((essential) => ({
        message: `Not on the invoice: ${essential.label}. The customer cannot find out ${essential.need}`,
        evidence: {
          url,
          element: describeInvoice(doc),
          essential: essential.id,
          measured: `not found: ${essential.label}`,
          threshold: `on the invoice: ${essential.label}`,
          found,
        },
      }));
    });
  },
});
