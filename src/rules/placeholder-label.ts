import { agrees, itemsEvidence, plural } from './support/items.js';
import { defineRule } from './types.js';

/** Words of a search box: a lone field whose purpose its magnifier and button carry. */
const SEARCH = /search|such|recherch|busca|cerca|zoek/i;

export default defineRule({
  title: 'Placeholder as the only visible label',
  area: 'forms',
  severity: 'low',
  threshold:
    'a field to type in, in a form with other such fields, whose label is only for screen readers (an aria-label, or a label clipped out of sight) and whose placeholder is all the customer sees of what it is for; it vanishes as they type (a field with no label at all is unlabelled-field; a search is no form)',
  source: 'NN/g, placeholders in form fields are harmful (Sherwin 2014); W3C WAI forms tutorial, labelling controls',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState }) {
    if (!page || !newPageState) return [];
    const hinted = page.fields.filter(
      (field) =>
        field.label !== null &&
        field.labelShown === false &&
        (field.placeholder ?? '').trim() !== '' &&
        (field.typingPeers ?? 0) > 0 &&
        field.type !== 'search' &&
        !SEARCH.test(`${field.name} ${field.label} ${field.placeholder}`),
    );
    if (hinted.length === 0) return [];
    const describe = (field: (typeof hinted)[number]) => `field with placeholder "${field.placeholder!.trim()}"`;
    return [
      {
        message: `${plural(hinted.length, 'field')} ${agrees(hinted.length, 'has', 'have')} only a placeholder to say what ${agrees(hinted.length, 'it is', 'they are')} for, gone once the customer types: ${describe(hinted[0]!)}`,
        evidence: itemsEvidence(
          page.url,
          hinted.map((field) => ({ element: describe(field), selector: field.selector, box: field.box, measured: 'label hidden from sight' })),
          { measured: 'only a placeholder to see', threshold: 'a visible label for every field of a form' },
        ),
      },
    ];
  },
});
