import { analyseInvoice, describeInvoice, englishInvoices } from '../journeys/invoice-analysis.js';
import { plural } from './support/items.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Invoice threatens more than it helps',
  area: 'invoice',
  severity: 'medium',
  threshold:
    'more threats (late fees, interest charged, debt collectors, legal action or court over a sum not paid) than offers of help ' +
    '(questions, payment plans, "let us know")',
  source: 'cx-shop convention: a customer who cannot pay needs a way to talk, not only what happens if they do not',
  class: 'deterministic',
  scope: 'step',
  detect({ documents, url }) {
    return englishInvoices(documents).flatMap((doc) => {
      const { threats, help } = analyseInvoice(doc);
      if (threats.count <= help.count) return [];
      const quoted = threats.phrases.map((p) => `"${p}"`).join(', ');
      return [
        {
          message: `The invoice makes ${plural(threats.count, 'threat')} (${quoted}) and ${help.count === 0 ? 'offers no help' : `offers help ${help.count === 1 ? 'once' : `${help.count} times`}`}`,
          evidence: {
            url,
            element: describeInvoice(doc),
            measured: `${plural(threats.count, 'threat')}, ${plural(help.count, 'offer')} of help`,
            threshold: 'no more threats than offers of help',
            threats: threats.phrases,
            help: help.phrases,
          },
        },
      ];
    });
  },
});
