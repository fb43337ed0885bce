import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/**/*.test.ts'],
    // A test's time limit only catches a hang: on a slow or loaded machine a browser test that runs three scenarios
    // takes minutes where it takes seconds on a quiet one, and that is no failure of cx-shop's.
    testTimeout: 300_000,
    hookTimeout: 400_000,
    // Browser and end-to-end tests each start Chromium, and cx-shop in it watches the clock (a page that stops
    // answering, a step's time): two files at a time, one per core. Three at a time ran a little faster on a quiet
    // machine but overloaded a slow one (load 12 to 18 on two cores), where waits meant for the site timed out.
    maxWorkers: 2,
    // The files of a worker share their modules (Playwright, cx-shop's own) instead of loading them anew: the 45 files
    // without a browser spent 12.9 s loading modules, 4.6 s shared. No test changes module state another reads; the two
    // that set an environment variable take it away again.
    isolate: false,
    // A file whose tests mostly wait (a site that never answers, a tab that never comes, each waited for up to
    // cx-shop's cap) runs them a few at a time, marked `describe.concurrent`, each in its own browser context as
    // `cx-shop run --workers` runs scenarios. Alone, such a file kept one core only 40-60% busy (the processor time of
    // all its processes, Chromium's too, against its wall time). The rules' and the recorder's files, the two longest,
    // kept theirs 76-82% busy, with many tests that wait out a window on purpose (a tap nobody answers is watched
    // 2.5 s): they run a few at a time too (each passed beside another file and a busy loop taking a core). Files that
    // keep their core busy stay one at a time.
    maxConcurrency: 3,
  },
});
