/**
 * Real Chromium for browser tests: one browser per test file, scenarios written inline as YAML and run
 * through the same loader and runner the CLI uses.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { findBrowser } from '../../src/browser/find.js';
import { launchBrowser } from '../../src/browser/launch.js';
import type { ScenarioResult } from '../../src/report/types.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { formatProblem, parseScenario } from '../../src/scenario/load.js';

export async function startBrowser(): Promise<Browser> {
  return launchBrowser(findBrowser());
}

/** Runs a scenario given as YAML text against baseUrl and returns its result. */
export async function runYaml(browser: Browser, baseUrl: string, yaml: string): Promise<ScenarioResult> {
  const { scenario, problems } = parseScenario('inline.yaml', yaml, process.env);
  if (!scenario) throw new Error(`fixture scenario is invalid:\n${problems.map(formatProblem).join('\n')}`);
  const outDir = mkdtempSync(join(tmpdir(), 'cx-shop-test-'));
  return runScenario(browser, scenario, { baseUrl, outDir, position: 0 });
}

/** The findings of one rule across all steps. */
export function findingsOf(result: ScenarioResult, rule: string) {
  return result.steps.flatMap((step) => step.findings.filter((finding) => finding.rule === rule));
}
