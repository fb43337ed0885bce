import { defineRule } from './types.js';

export default defineRule({
  title: 'The page threw an error',
  area: 'errors',
  severity: 'high',
  threshold: 'any uncaught error in the page during or right after the step',
  source: 'Datadog RUM error clicks: an uncaught error on an action is where customers give up',
  class: 'deterministic',
  detect(artifacts) {
    const unique = [...new Set(artifacts.pageErrors)];
    return unique.map((error) => ({
      message: `The page threw an uncaught error: ${error.split('\n')[0]}`,
      evidence: { text: error.slice(0, 500), url: artifacts.url, screenshot: artifacts.screenshot, measured: '1 error', threshold: 'none' },
    }));
  },
});
