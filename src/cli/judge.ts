/**
 * `cx-shop judge OUT_DIR`: judges the artifacts a run saved (OUT_DIR/scenarios/NN-name/artifacts.json) again,
 * without a browser, and writes the report. The same artifacts always give the same findings and effort, so a
 * report can be re-made after the rules or their settings change, or checked on another machine.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ARTIFACTS_FILE, ARTIFACTS_VERSION, type ScenarioArtifacts } from '../artifacts/types.js';
import { budgetsOf } from '../gate/verdict.js';
import { cropEvidence } from '../judge/crops.js';
import { judgeScenario } from '../judge/judge.js';
import { buildReport, runHeaderOf } from '../report/build.js';
import { readReport } from '../report/load.js';
import type { ScenarioResult } from '../report/types.js';
import { formatScenario } from '../reporters/terminal.js';
import { UsageError } from './errors.js';
import { finishReport, prepareGate, type GateOptions } from './gate.js';

export async function loadArtifacts(outDir: string): Promise<ScenarioArtifacts[]> {
  const folder = join(outDir, 'scenarios');
  const names = await readdir(folder).catch(() => {
    throw new UsageError(`${outDir} holds no saved artifacts (no scenarios folder)`, 'give the --out folder of a cx-shop run, e.g. cx-shop judge cx-report');
  });
  const loaded: ScenarioArtifacts[] = [];
  for (const name of names.sort()) {
    const path = join(folder, name, ARTIFACTS_FILE);
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) continue;
    let parsed: ScenarioArtifacts;
    try {
      parsed = JSON.parse(text) as ScenarioArtifacts;
    } catch (error) {
      throw new UsageError(`${path} is not valid JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`);
    }
    if (parsed?.version !== ARTIFACTS_VERSION || !Array.isArray(parsed.steps) || !parsed.scenario) {
      throw new UsageError(`${path} is not a version ${ARTIFACTS_VERSION} artifacts file of cx-shop`, 'run the scenarios again with this version of cx-shop');
    }
    loaded.push(parsed);
  }
  if (loaded.length === 0) throw new UsageError(`no ${ARTIFACTS_FILE} under ${folder}`, 'give the --out folder of a cx-shop run');
  return loaded;
}

/** Judges saved artifacts and writes pictures of the findings from the saved screenshots. */
export async function judgeSaved(outDir: string, saved: ScenarioArtifacts[]): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const artifacts of saved) {
    const result = judgeScenario(artifacts);
    for (const [i, step] of artifacts.steps.entries()) await cropEvidence(outDir, result.steps[i]!, step.screenshot);
    results.push(result);
  }
  return results;
}

export async function judgeCommand(dir: string, options: GateOptions = {}): Promise<number> {
  const started = Date.now();
  const outDir = resolve(dir);
  const gate = await prepareGate(options);
  const saved = await loadArtifacts(outDir);
  const results = await judgeSaved(outDir, saved);
  // The report is the run's, judged again: its start, length, browser and interruption are kept from what it wrote.
  const header = runHeaderOf(await readReport(join(outDir, 'report.json')).then((r) => [r], () => []));
  const report = { ...buildReport(results, started, null), ...header };
  for (const result of results) process.stdout.write(`${formatScenario(result)}\n`);
  const { code } = await finishReport(report, gate, { budgets: saved.map((artifacts) => budgetsOf(artifacts.scenario)) }, outDir, []);
  return code;
}
