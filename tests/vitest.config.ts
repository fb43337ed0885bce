import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser and end-to-end tests each start Chromium; two cores do not gain from more workers.
    maxWorkers: 2,
    // A worker runs file after file in one process: cx-shop's modules (Playwright, PDF.js, axe-core) are loaded once
    // per worker, not once per file. No test stubs globals or changes the environment, and each file starts and
    // closes its own browser and servers.
    isolate: false,
  },
});
