import { itemsEvidence, plural } from './support/items.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Broken image',
  area: 'errors',
  severity: 'medium',
  threshold: 'an image that finished loading with no picture (naturalWidth 0)',
  source: 'DESIGN.md §6 (errors)',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState, requests }) {
    if (!page || !newPageState) return [];
    // An image whose request failed in this step is already a failed-request finding.
    const failed = new Set(requests.filter((r) => r.failure !== null || (r.status ?? 0) >= 400).map((r) => r.url));
    const broken = page.images.filter((image) => image.broken && !failed.has(image.src));
    if (broken.length === 0) return [];
    return [
      {
        message: `${plural(broken.length, 'image')} did not load: ${broken[0]!.element} (${broken[0]!.src})`,
        evidence: itemsEvidence(
          page.url,
          broken.map((i) => ({ element: i.element, selector: i.selector, box: i.box, measured: i.src })),
          { measured: 'naturalWidth 0', threshold: 'the image shows' },
        ),
      },
    ];
  },
});
