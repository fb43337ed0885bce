import { defineRule } from './types.js';

/**
 * The customer pressed the browser's back button and the address went back, but the page stayed as it was: a
 * single-page app that puts its views in the history and does not draw them again when the history moves. They have
 * to press back again, or find their way with the page's own links.
 */
export default defineRule({
  title: 'Back changed the address, not the page',
  area: 'frustration',
  severity: 'medium',
  threshold:
    "the browser's back button takes the address back, and the page's text and scroll position stay as they were (going back from a link within the page scrolls, and is not this)",
  source: "Nielsen, The Top Ten New Mistakes of Web Design (1999): breaking the Back button; Baymard Institute, customers' back-button expectations in e-commerce",
  class: 'deterministic',
  detect({ interactions, previousPage, page, screenshot }) {
    const wentBack = interactions.some((interaction) => interaction.kind === 'navigate' && interaction.via === 'back');
    if (!wentBack || !previousPage || !page || page.url === previousPage.url) return [];
    const same =
      page.pageText === previousPage.pageText &&
      Math.abs(page.scroll.x - previousPage.scroll.x) < 1 &&
      Math.abs(page.scroll.y - previousPage.scroll.y) < 1;
    if (!same) return [];
    return [
      {
        message: `Going back changed the address to ${page.url} but the page still shows what it showed at ${previousPage.url}`,
        evidence: {
          url: page.url,
          measured: 'the same text and scroll position after going back',
          threshold: 'the previous view drawn again, or the previous page',
          screenshot: screenshot?.path ?? null,
        },
      },
    ];
  },
});
