import { analyseInvoice, describeInvoice, englishInvoices, PROMINENT_RATIO, sizeUnit } from '../journeys/invoice-analysis.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Amount due hard to find',
  area: 'invoice',
  severity: 'medium',
  threshold:
    `no labelled amount due, or the amount shown at less than ${PROMINENT_RATIO}× the body text size (the last amount due, balance ` +
    "or total, in that order of preference; an earlier bill's balance never, and a balance of nothing, a settled bill, gives way " +
    'to the total unless it is itself shown large; the size of the text that shows the whole figure, or of its largest part when ' +
    'it is set in pieces)',
  source: `cx-shop convention: what the customer owes is the first thing they look for; ${PROMINENT_RATIO}× body size is about a heading`,
  class: 'deterministic',
  scope: 'step',
  detect({ documents, url }) {
    return englishInvoices(documents).flatMap((doc) => {
      const { amountDue: due, pictureOnly } = analyseInvoice(doc);
      // A picture of an invoice is invoice-essentials' one finding: nothing in it can be measured.
      if (due.prominent || pictureOnly) return [];
      const unit = sizeUnit(doc);
      const body = `${due.bodyFontSize} ${unit}`;
      const threshold = `the amount due at ${Math.round(due.bodyFontSize * PROMINENT_RATIO * 10) / 10} ${unit} or more (${PROMINENT_RATIO}× the body's ${body})`;
      const element = describeInvoice(doc);
      if (!due.text) {
        return [{ message: 'The invoice names no amount due: the customer has to work out which figure to pay', evidence: { url, element, measured: 'no amount due found', threshold } }];
      }
      const size = due.fontSize === null ? 'not found as a run of text' : `${due.fontSize} ${unit} (${due.ratio}× body)`;
      return [
        {
          message: `The amount due, ${due.amount}, does not stand out: it is shown at ${due.fontSize ?? '?'} ${unit}, the body text is ${body}`,
          evidence: { url, element, text: due.text, measured: size, threshold, fontSize: due.fontSize, bodyFontSize: due.bodyFontSize },
        },
      ];
    });
  },
});
