import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser and end-to-end tests each start Chromium and spend much of their time waiting on it: three files at a
    // time keep two cores busy (the whole suite took 882 s on a two-core machine, against about 1,100 s two at a time).
    maxWorkers: 3,
  },
});
