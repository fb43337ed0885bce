import { DEAD_TAP_WINDOW_MS } from '../runner/step-recorder.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'Nothing happened after a tap',
  area: 'frustration',
  severity: 'high',
  threshold: `no DOM change, navigation, request, scroll or dialog within ${DEAD_TAP_WINDOW_MS} ms`,
  source: 'PostHog dead clicks (2500 ms window)',
  class: 'deterministic',
  detect(artifacts) {
    return artifacts.taps
      .filter((tap) => tap.responses.length === 0)
      .map((tap) => ({
        message: `Tapping ${tap.target.description} did nothing the customer could see`,
        evidence: {
          element: tap.target.description,
          text: tap.target.text,
          box: tap.target.pageBox,
          measured: `no response in ${tap.watchedMs} ms`,
          threshold: `a response within ${DEAD_TAP_WINDOW_MS} ms`,
          screenshot: artifacts.screenshot,
        },
      }));
  },
});
