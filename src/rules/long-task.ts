import { defineRule } from './types.js';

/** Tasks of 50 ms are long to the browser; at 200 ms a customer feels the page freeze under their finger. */
const LONG_TASK_MS = 200;

export default defineRule({
  title: 'The page froze after an action',
  area: 'speed',
  severity: 'medium',
  threshold: `main-thread tasks over ${LONG_TASK_MS} ms after an action: medium; a page still frozen when the step ends (no answer to cx-shop within 2 s): high`,
  source: 'W3C Long Tasks API (tasks over 50 ms); the 200 ms limit is a cx-shop convention',
  class: 'timing',
  detect(artifacts) {
    // A task that has not ended is in no list of long tasks: the page that never answered again is the worst case.
    if (artifacts.frozen) {
      return [
        {
          severity: 'high',
          message: 'The page stopped answering the customer: its main thread was still busy when the step ended',
          evidence: {
            measured: `no answer after ${(artifacts.wallMs / 1000).toFixed(1)} s`,
            threshold: `no main-thread task over ${LONG_TASK_MS} ms`,
            url: artifacts.url,
            screenshot: artifacts.screenshot?.path ?? null,
          },
        },
      ];
    }
    const blocking = artifacts.timing.longTasks.filter((task) => task.durationMs > LONG_TASK_MS);
    if (blocking.length === 0) return [];
    const longest = Math.max(...blocking.map((task) => task.durationMs));
    const count = `${blocking.length} ${blocking.length === 1 ? 'task' : 'tasks'} over ${LONG_TASK_MS} ms`;
    return [
      {
        message: `The page could not react to the customer for up to ${longest} ms at a time (${count})`,
        evidence: {
          measured: `longest ${longest} ms, ${count}`,
          threshold: `no main-thread task over ${LONG_TASK_MS} ms`,
          url: artifacts.url,
          screenshot: artifacts.screenshot?.path ?? null,
        },
      },
    ];
  },
});
