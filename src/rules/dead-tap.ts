import { DEAD_TAP_WINDOW_MS } from '../artifacts/types.js';
import { afterUnreachableScript } from './support/requests.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Nothing happened after a tap',
  area: 'frustration',
  severity: 'high',
  threshold: `a tap, or a choice in a sort or filter list, gets no DOM change the page draws (a button busy for a moment that comes back as it was changed nothing; an error put in a section still folded away shows nothing), no canvas drawn again (one the page animates on its own aside), no animation its code starts (a ripple in the control aside), no video or sound started or stopped, no tick box, radio or switch turned (the focus it takes is no answer), nothing hidden around it shown by a style rule with words of its own, navigation (a single-page app's route pushed with nothing drawn is none), request of the site (not a prefetch), scroll, focus elsewhere or dialog within ${DEAD_TAP_WINDOW_MS} ms (a handler that freezes the page counts from when it began to handle the tap; a page still frozen when the step ends is long-task's; a tab gone when cx-shop comes to look is not judged; a tap whose handler failed on a library whose script never came, listed as environment, is not counted)`,
  source: 'PostHog dead clicks (2500 ms window)',
  class: 'deterministic',
  detect(artifacts) {
    // A page that stopped answering could show nothing: what it would have done is unknown, and the freeze is
    // long-task's to report.
    if (artifacts.frozen || artifacts.gone) return [];
    // A handler that failed on a library whose script never came (offline, a firewall: "OneTrust is not defined") did
    // nothing for that reason: where cx-shop runs, listed with the error as environment, not the site's dead control.
    const knockOn = artifacts.pageErrors.some((e) => e.cause === 'action' && e.party === 'site' && afterUnreachableScript(e, artifacts.requests, artifacts.earlierUnanswered));
    if (knockOn) return [];
    return artifacts.taps
      .filter((tap) => tap.responses.length === 0)
      .map((tap) => ({
        message:
          tap.input === 'choice'
            ? `Choosing in ${tap.target.description} changed nothing the customer could see`
            : `Tapping ${tap.target.description} did nothing the customer could see`,
        evidence: {
          element: tap.target.description,
          text: tap.target.text,
          box: tap.target.pageBox,
          measured: `no response in ${tap.watchedMs} ms`,
          threshold: `a response within ${DEAD_TAP_WINDOW_MS} ms`,
          screenshot: artifacts.screenshot?.path ?? null,
        },
      }));
  },
});
