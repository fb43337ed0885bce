import { defineRule } from './types.js';

/**
 * The customer pressed the browser's back button and the address went back, but the page stayed as it was: a
 * single-page app that puts its views in the history and does not draw them again when the history moves. They have
 * to press back again, or find their way with the page's own links.
 */
/** The address without a fragment that names a part of the page (#reviews), but with one a view is drawn from (#/basket, #!/basket). */
function partOfPage(url: string): string {
  const [address = url, fragment = ''] = url.split(/#(.*)/s);
  return /^[/!]/.test(fragment) ? `${address}#${fragment}` : address;
}

export default defineRule({
  title: 'Back changed the address, not the page',
  area: 'frustration',
  severity: 'medium',
  threshold:
    "the browser's back button takes the address back, and the page's text stays as it was (the browser putting back the scroll position it had at that address is no new view); going back from a link within the page, to a part of the same page (#reviews), only scrolls and is not this, but a view drawn from the fragment (#/basket) is a view",
  source: "Nielsen, The Top Ten New Mistakes of Web Design (1999): breaking the Back button; Baymard Institute, customers' back-button expectations in e-commerce",
  class: 'deterministic',
  detect({ interactions, previousPage, page, screenshot }) {
    const wentBack = interactions.some((interaction) => interaction.kind === 'navigate' && interaction.via === 'back');
    if (!wentBack || !previousPage || !page || page.url === previousPage.url) return [];
    // Within one page, going back scrolls to where the customer was; between views, the browser puts back the scroll
    // position the earlier view had whether or not the page draws it again: only the words say which it did.
    const withinPage = partOfPage(page.url) === partOfPage(previousPage.url);
    const same =
      page.pageText === previousPage.pageText &&
      (!withinPage || (Math.abs(page.scroll.x - previousPage.scroll.x) < 1 && Math.abs(page.scroll.y - previousPage.scroll.y) < 1));
    if (!same) return [];
    return [
      {
        message: `Going back changed the address to ${page.url} but the page still shows what it showed at ${previousPage.url}`,
        evidence: {
          url: page.url,
          measured: 'the same text after going back',
          threshold: 'the previous view drawn again, or the previous page',
          screenshot: screenshot?.path ?? null,
        },
      },
    ];
  },
});
