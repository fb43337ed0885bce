/** A step's artifacts for pure rule tests: a quiet step on a phone, with whatever the test overrides. */
import type { StepArtifacts } from '../../src/runner/artifacts.js';

export function stepArtifacts(overrides: Partial<StepArtifacts> = {}): StepArtifacts {
  return {
    index: 0,
    name: 'Open the basket',
    url: 'https://shop.test/basket',
    viewport: { width: 390, height: 844 },
    touch: true,
    interactions: [],
    taps: [],
    typed: [],
    appeared: [],
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    wallMs: 0,
    waitMs: 0,
    screenshot: 'screenshots/01-basket.png',
    mobile: true,
    page: null,
    previousPage: null,
    newPageState: true,
    accessibility: null,
    links: [],
    timing: { actions: [], longTasks: [], vitals: { lcpMs: null, cls: null, inpMs: null } },
    documents: [],
    ...overrides,
  };
}
