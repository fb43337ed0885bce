import { defineRule } from './types.js';

/** Tasks of 50 ms are long to the browser; at 200 ms a customer feels the page freeze under their finger. */
const LONG_TASK_MS = 200;

export default defineRule({
  title: 'The page froze after an action',
  area: 'speed',
  severity: 'medium',
  threshold: `main-thread tasks over ${LONG_TASK_MS} ms after an action`,
  source: 'W3C Long Tasks API (tasks over 50 ms); the 200 ms limit is a cx-shop convention',
  class: 'timing',
  detect(artifacts) {
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
