import { agrees, itemsEvidence, plural } from './support/items.js';
import { defineRule } from './types.js';

/**
 * Most links asked about per page state: the page's own content first, then its menus and footer (a shop's menu
 * alone can hold more). Each address is asked once per scenario, so each later page adds its own.
 */
export const MAX_LINKS_PER_PAGE = 30;

export default defineRule({
  title: 'Broken link',
  area: 'errors',
  severity: 'medium',
  threshold: `a visible link on the site whose address answers 404, 410, 5xx or not at all, or sends the customer round a loop of redirects (up to ${MAX_LINKS_PER_PAGE} new links a page state, those in the page's content before its menus', header's and footer's; a link that sends the customer on to another site has done its part, whether that site answers or not, and one slower than 5 s to answer is not judged)`,
  source: 'cx-shop convention: a link that leads nowhere is a dead end; each address is asked once per scenario, without cookies, and again with the customer\'s if it fails',
  class: 'deterministic',
  scope: 'page',
  detect({ links, linksNotChecked, page }) {
    if (linksNotChecked) throw new Error(linksNotChecked);
    // 401 and 403 may only want a login (links are checked without the customer's cookies): not broken.
    const broken = links.filter((l) => l.status === 404 || l.status === 410 || (l.status ?? 0) >= 500 || l.failure !== null);
    if (broken.length === 0) return [];
    const answer = (l: (typeof broken)[number]) => (l.status !== null ? `HTTP ${l.status}` : `no answer (${l.failure})`);
    return [
      {
        message: `${plural(broken.length, 'link')} ${agrees(broken.length, 'leads', 'lead')} nowhere: ${broken[0]!.element} → ${answer(broken[0]!)}`,
        evidence: itemsEvidence(
          page?.url ?? broken[0]!.href,
          broken.map((l) => ({ element: l.element, selector: l.selector, box: l.box ?? null, measured: `${l.href}: ${answer(l)}` })),
          { measured: answer(broken[0]!), threshold: 'HTTP status below 400' },
        ),
      },
    ];
  },
});
