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
  },
});
