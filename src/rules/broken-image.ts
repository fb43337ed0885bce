import { itemsEvidence, plural } from './support/items.js';
import { unreachableThirdParty } from './support/requests.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Broken image',
  area: 'errors',
  severity: 'medium',
  threshold:
    "an image that finished loading with no picture (naturalWidth 0): its address failed or it is not a picture (a third party's host that gave no answer at all is environment, one that answered with an error page the browser would not show as a picture is not; an image a lazy loader has not filled in yet, with an empty src or none, asked for nothing; an advertisement's picture, in a sponsored link or an ad slot, is the ad network's; a tracker's pixel of 2×2 px or less is no picture)",
  source: 'cx-shop convention: a missing picture of a product is a question the customer cannot answer',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState, requests, earlierUnanswered }) {
    if (!page || !newPageState) return [];
    const answers = new Map(requests.map((r) => [r.url, r.status !== null ? `HTTP ${r.status}` : r.failure]));
    // A picture cx-shop made fail on purpose is not the site's broken image.
    const injected = new Set(requests.filter((r) => r.injected !== undefined).map((r) => r.url));
    // Nor is a third party's host that gave no answer at all (offline, blocked by a firewall): that is where cx-shop
    // runs, listed as environment; a missing picture there (an HTTP error) is still the site's. The picture may have
    // been asked for in an earlier step, on the same page.
    const unreachable = new Set([...requests, ...earlierUnanswered].filter(unreachableThirdParty).map((r) => r.url));
    // Nor an advertisement that did not fill (a sponsored link, an ad slot): the ad network's, not a picture of the shop's.
    const broken = page.images.filter((image) => image.broken && !image.advert && !injected.has(image.src) && !unreachable.has(image.src));
    if (broken.length === 0) return [];
    return [
      {
        message: `${plural(broken.length, 'image')} did not load: ${broken[0]!.element} (${broken[0]!.src})`,
        evidence: itemsEvidence(
          page.url,
          broken.map((i) => ({ element: i.element, selector: i.selector, box: i.box, measured: `${i.src}${answers.get(i.src) ? ` (${answers.get(i.src)})` : ''}` })),
          { measured: 'naturalWidth 0', threshold: 'the image shows' },
        ),
      },
    ];
  },
});
