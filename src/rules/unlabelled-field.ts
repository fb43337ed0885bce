import { agrees, itemsEvidence, plural } from './support/items.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Field without a label',
  area: 'forms',
  severity: 'medium',
  threshold: 'a visible field with no label, aria-label or aria-labelledby (a placeholder is not a label: it vanishes as the customer types)',
  source: 'WCAG 2.1 SC 1.3.1 and 3.3.2; NN/g, placeholders in form fields are harmful',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState }) {
    if (!page || !newPageState) return [];
    const unlabelled = page.fields.filter((field) => field.label === null);
    if (unlabelled.length === 0) return [];
    const describe = (f: (typeof unlabelled)[number]) => (f.placeholder ? `field with placeholder "${f.placeholder}"` : f.element);
    return [
      {
        message: `${plural(unlabelled.length, 'field')} ${agrees(unlabelled.length, 'has', 'have')} no label: ${describe(unlabelled[0]!)}`,
        evidence: itemsEvidence(
          page.url,
          unlabelled.map((f) => ({ element: describe(f), selector: f.selector, box: f.box, measured: 'no label' })),
          { measured: 'no label', threshold: 'a label for every field' },
        ),
      },
    ];
  },
});
