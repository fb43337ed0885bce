import { afterUnreachableScript } from './support/requests.js';
import { defineRule } from './types.js';

/**
 * Work the page cancelled itself, left uncaught: a request (search as you type aborts the last keystroke's
 * suggestions), or a view transition skipped for the next one or refused while the page is not ready to draw it (the
 * page changes all the same, without the animation). What the code meant to happen, nothing the customer meets.
 * Chromium's words for them.
 */
const CANCELLED = /^(AbortError\b|signal is aborted without reason|The (user|operation) (aborted a request|was aborted)|Transition was (skipped|aborted))/;
/**
 * What the browser would not do for the page behind the customer's back, left uncaught: a service worker it could not
 * register or update (its script gone, 404, or refused), there to make the page work offline. The customer meets
 * nothing of it, whenever it lands (the registration runs as the page loads, in whichever step).
 */
const UNSEEN = /^(?:\w*Error: )?Failed to (register|update) a ServiceWorker\b/;

export default defineRule({
  title: 'The page threw an error',
  area: 'errors',
  severity: 'high',
  threshold:
    "an uncaught error in the site's own scripts while it answers the customer's action (third-party and background errors (the page's own code throwing on its own: in its timer, in a poll's promise callback, after an await, a promise its timer rejects, however soon after a tap), a value thrown that is no Error and so names no script, on a page that runs third parties' scripts too, and a missing name after a third party's script got no answer on the same page in this step, or the name of the library such a script's address names (Swiper after swiper-bundle.min.js failed, gtag after googletagmanager.com/gtag/js, jQuery's `$` after code.jquery.com's script, Lodash's or Underscore's `_`), after one that got no answer in an earlier step or has not answered yet, are listed as environment; an error in cx-shop's own script in the page, the whole of its stack in it, is cx-shop's note, never the site's; a request or a view transition the page cancelled itself, left uncaught, is no error, nor is a service worker the browser could not register)",
  source: 'Datadog RUM error clicks: an uncaught error on an action is where customers give up',
  class: 'deterministic',
  detect(artifacts) {
    // The site's own code failing while it answered the customer's action. One whose origin is unknown (no stack, on
    // a page that runs third parties' scripts too) is listed as environment.
    const own = artifacts.pageErrors.filter(
      (e) => e.party === 'site' && e.cause === 'action' && !CANCELLED.test(e.message) && !UNSEEN.test(e.message) && !afterUnreachableScript(e, artifacts.requests, artifacts.earlierUnanswered),
    );
    const unique = [...new Set(own.map((e) => e.message))];
    return unique.map((error) => ({
      message: `The page threw an uncaught error: ${error.split('\n')[0]}`,
      evidence: { text: error.slice(0, 500), url: artifacts.url, screenshot: artifacts.screenshot?.path ?? null, measured: '1 error', threshold: 'none' },
    }));
  },
});
