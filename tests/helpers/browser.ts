/**
 * Real Chromium for browser tests: one browser per test file, scenarios written inline as YAML and run
 * through the same loader and runner the CLI uses.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { PNG } from 'pngjs';
import type { Box, ScenarioArtifacts, StepScreenshot } from '../../src/artifacts/types.js';
import { loadArtifacts } from '../../src/cli/judge.js';
import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { findBrowser } from '../../src/browser/find.js';
import { launchBrowser } from '../../src/browser/launch.js';
import type { ScenarioResult } from '../../src/report/types.js';
import { runScenario, type ScenarioRunOptions } from '../../src/runner/run-scenario.js';
import { formatProblem, parseScenario } from '../../src/scenario/load.js';

/**
 * The fixture pages' third parties (cdn.carousel-lib.example, a tag manager's real host) are never reached: every host
 * but this machine's is unknown to the tests' browser at once, as it would be offline. Left to the machine's resolver,
 * such a name can take seconds to fail on a busy or new machine, and a page waiting on its script would not open in a
 * step's time.
 */
export const OFFLINE_HOSTS_ARG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export async function startBrowser(): Promise<Browser> {
  return launchBrowser(findBrowser(), { args: [OFFLINE_HOSTS_ARG] });
}

/**
 * Runs a scenario given as YAML text against baseUrl and returns its result and where its files went; `options` adds
 * what a run gives its scenarios (the run's shared accessibility answers).
 */
export async function runYaml(browser: Browser, baseUrl: string, yaml: string, options: Pick<ScenarioRunOptions, 'memo'> = {}): Promise<ScenarioResult & { outDir: string }> {
  const { scenario, problems } = parseScenario('inline.yaml', yaml, process.env);
  if (!scenario) throw new Error(`fixture scenario is invalid:\n${problems.map(formatProblem).join('\n')}`);
  const outDir = mkdtempSync(join(tmpdir(), 'cx-shop-test-'));
  return { ...(await runScenario(browser, scenario, { baseUrl, outDir, position: 0, ...options })), outDir };
}

/**
 * Whether each of a grid of pixels inside `box` (page coordinates, 2 px in from its edges) is the mask's grey in the
 * step's picture: every one true means nothing of the field shows.
 */
export function maskedPixels(outDir: string, shot: StepScreenshot, box: Box): boolean[] {
  const image = PNG.sync.read(readFileSync(join(outDir, shot.path)));
  const grey: boolean[] = [];
  for (let y = Math.ceil(box.y - shot.offset.y + 2); y < box.y - shot.offset.y + box.height - 2; y += 4) {
    for (let x = Math.ceil(box.x + 2); x < box.x + box.width - 2; x += 8) {
      const i = (y * image.width + x) * 4;
      grey.push(image.data[i] === 64 && image.data[i + 1] === 64 && image.data[i + 2] === 64);
    }
  }
  return grey;
}

/** The findings of one rule across all steps. */
export function findingsOf(result: ScenarioResult, rule: string) {
  return result.steps.flatMap((step) => step.findings.filter((finding) => finding.rule === rule));
}

/**
 * One Chromium and one fixture server for a test file, started before its tests and closed after them.
 * `run(yaml)` runs a scenario against the fixture pages; `url` is the server's address, `browser` the browser.
 */
export function useFixtures() {
  let browser: Browser | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([startBrowser(), startFixtureServer()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });
  return {
    get url(): string {
      return server!.url;
    },
    /** The browser itself, for a test that drives a page directly. */
    get browser(): Browser {
      return browser!;
    },
    run: (yaml: string, options?: Pick<ScenarioRunOptions, 'memo'>) => runYaml(browser!, server!.url, yaml, options),
  };
}

/** The saved artifacts of a run of one scenario, read with the loader `cx-shop judge` uses. */
export async function savedArtifacts(result: { outDir: string }): Promise<ScenarioArtifacts> {
  const [artifacts] = await loadArtifacts(result.outDir);
  if (!artifacts) throw new Error(`no saved artifacts in ${result.outDir}`);
  return artifacts;
}

/** A scenario that opens /<folder>/<page>; `head` adds scenario keys (device, rules, exclude), `steps` more steps. */
export function pageScenario(folder: string, page: string, { head = '', steps = '' }: { head?: string; steps?: string } = {}) {
  return `name: fixture\n${head}steps:\n  - name: Open\n    goto: /${folder}/${page}\n${steps}`;
}

const REVEAL = '{ role: button, name: Have a promo code? }';

/**
 * A promo-code scenario on a page of the promo fixtures (`/promo/<page>.html?<flags>`): the code SAVE10 applied, with
 * `accepted: applied`, the total and SAVE100 as the invalid code. `reveal` taps "Have a promo code?" first, as a step of
 * its own or inside the promo step (reveal and apply in one go), or not at all; `before` adds steps before the promo.
 */
export function promoScenario(
  page: 'cart' | 'bag',
  flags: string,
  { reveal = 'step', before = [], apply = '{ role: button, name: Apply }' }: { reveal?: 'step' | 'in-step' | 'none'; before?: string[]; apply?: string } = {},
) {
  return [
    'name: promo',
    'journey: promo-code',
    'steps:',
    `  - name: Open the ${page}`,
    `    goto: /promo/${page}.html?${flags}`,
    ...(reveal === 'step' ? ['  - name: Find where the code goes', `    tap: ${REVEAL}`] : []),
    ...before,
    '  - name: Enter the code from the email',
    ...(reveal === 'in-step' ? [`    tap: ${REVEAL}`] : []),
    '    promo:',
    '      code: SAVE10',
    '      field: { label: Promo code }',
    `      apply: ${apply}`,
    '      accepted: applied',
    '      total: { css: "#total" }',
    '      invalid: SAVE100',
    '',
  ].join('\n');
}
