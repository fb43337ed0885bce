/**
 * What `run` and `demo` share: load and check the scenarios, find a browser, run, print, write the report,
 * and turn the outcome into an exit code.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { devices } from 'playwright';
import { findBrowser } from '../browser/find.js';
import { EXIT } from '../gate/budget.js';
import { unstableAcross, withMedianWaits } from '../gate/repeat.js';
import { budgetsOf } from '../gate/verdict.js';
import type { Report, ScenarioResult } from '../report/types.js';
import { writeJsonReport } from '../reporters/json.js';
import { createProgress } from '../reporters/progress.js';
import { clearEarlierRun } from '../output/earlier-run.js';
import { formatScenario, formatSummary } from '../reporters/terminal.js';
import { buildReport } from '../report/build.js';
import { runScenarios } from '../runner/run.js';
import { RULE_IDS, RULE_SETTINGS, type ResolvedScenario, type RulesConfig } from '../scenario/schema.js';
import { baseUrlProblem, withSiteSecrets } from '../scenario/site-access.js';
import { didYouMean } from '../scenario/suggest.js';
import { UsageError, whyNotWritten } from './errors.js';
import { makeFolder } from '../output/write-whole.js';
import { finishReport, prepareGate, writeFormats, type GateOptions, type PreparedGate } from './gate.js';
import { guardOutput } from '../output/safe.js';
export { loadOrExplain } from './load.js';

export interface ExecuteOptions extends GateOptions {
  baseUrl?: string;
  device?: string;
  out: string;
  headed?: boolean;
  browserPath?: string;
  testIdAttribute?: string;
  /** Seconds, as typed. */
  scenarioTimeout?: string;
  /** Scenarios at once, as typed (default from the cores). */
  workers?: string;
  /** `I/N`: run the I-th of N deterministic parts of the scenarios (a CI matrix). */
  shard?: string;
  /** A Playwright browser server's ws:// address to run on. */
  connect?: string;
  ignoreHttpsErrors?: boolean;
  /** `RULE=SETTING` as typed, for every scenario and step of the run (see withRunRules). */
  rule?: string[];
}

/** Checks the options a run of these scenarios takes; returns the base URL given on the command line or in the environment. */
export function checkOptions(scenarios: ResolvedScenario[], options: Pick<ExecuteOptions, 'device' | 'scenarioTimeout' | 'testIdAttribute' | 'baseUrl'>): string | undefined {
  if (options.device && !(options.device in devices)) {
    throw new UsageError(
      `--device "${options.device}" is not a Playwright device name`,
      didYouMean(options.device, Object.keys(devices)) ?? 'e.g. "Pixel 7", "iPhone 13" or "Desktop Chrome"',
    );
  }
  if (options.scenarioTimeout !== undefined && !(/^\d+$/.test(options.scenarioTimeout) && Number(options.scenarioTimeout) >= 10 && Number(options.scenarioTimeout) <= 86_400)) {
    throw new UsageError(`--scenario-timeout "${options.scenarioTimeout}" is not a number of seconds from 10 to 86400`, 'e.g. --scenario-timeout 300');
  }
  if (options.testIdAttribute !== undefined && !/^[A-Za-z_][\w.:-]*$/.test(options.testIdAttribute)) {
    throw new UsageError(`--test-id-attribute "${options.testIdAttribute}" is not an attribute name`, 'e.g. data-test or data-qa');
  }
  const baseUrl = options.baseUrl ?? process.env.CX_SHOP_BASE_URL;
  for (const given of baseUrl !== undefined ? [baseUrl] : scenarios.map((s) => s.baseUrl)) {
    const problem = given === undefined ? null : baseUrlProblem(given);
    if (problem) throw new UsageError(problem, 'e.g. --base-url https://shop.example.com, or https://team:PASSWORD@staging.shop.example for a site behind a sign-in prompt');
  }
  const missing = scenarios.filter((s) => !s.baseUrl).map((s) => s.file);
  if (!baseUrl && missing.length > 0) {
    throw new UsageError(
      `no base URL for ${missing.join(', ')}`,
      'add baseUrl: to the scenario, or pass --base-url (or set CX_SHOP_BASE_URL)',
    );
  }
  return baseUrl;
}

/**
 * The scenarios with the run's rule settings (`--rule accessibility=off`) over their own and their steps': a rule
 * turned off for a quick job is off everywhere, and not measured (see ruleOff). Saved with the scenarios, so that
 * judging their artifacts again gives the same report.
 */
export function withRunRules(scenarios: ResolvedScenario[], given: string[] | undefined): ResolvedScenario[] {
  if (!given || given.length === 0) return scenarios;
  const settings: RulesConfig = {};
  for (const value of given) {
    const parts = value.split('=');
    const [rule = '', setting = ''] = parts;
    if (!RULE_IDS.includes(rule)) {
      throw new UsageError(`--rule "${value}" names no rule of cx-shop's`, didYouMean(rule, RULE_IDS) ?? 'cx-shop rules lists them, e.g. --rule accessibility=off');
    }
    const known = RULE_SETTINGS.find((name) => name === setting);
    if (!known || parts.length !== 2) throw new UsageError(`--rule "${value}" is not RULE=off, low, medium or high`, `e.g. --rule ${rule}=off`);
    settings[rule] = known;
  }
  return scenarios.map((scenario) => ({
    ...scenario,
    rules: { ...scenario.rules, ...settings },
    steps: scenario.steps.map((step) => (step.rules ? { ...step, rules: { ...step.rules, ...settings } } : step)),
  }));
}

/** The output folder must take files before any browser starts: a run that cannot write its report is no run. */
export async function checkWritable(outDir: string): Promise<void> {
  const probe = join(outDir, `.cx-shop-write-check-${process.pid}`);
  try {
    await makeFolder(outDir);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw new UsageError(`cannot write to the output folder ${outDir} (${whyNotWritten(error)})`, 'choose another folder with --out');
  }
}

/** Scenarios at once when --workers is not given: one per two cores (a scenario keeps its page's renderer and cx-shop busy). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, Math.floor(availableParallelism() / 2)));
}

/** The scenarios of shard I of N (`--shard I/N`): every N-th from the I-th, in the run's order, with their places in it. */
export function shardOf<T>(scenarios: readonly T[], shard: string | undefined): { scenarios: T[]; positions: number[]; part?: { index: number; count: number } } {
  if (shard === undefined) return { scenarios: [...scenarios], positions: scenarios.map((_, i) => i) };
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const [index, total] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || total < 1 || total > 1000 || index < 1 || index > total) {
    throw new UsageError(`--shard "${shard}" is not I/N with 1 ≤ I ≤ N`, 'e.g. --shard 2/4 runs the second of four parts');
  }
  const positions = scenarios.map((_, i) => i).filter((i) => i % total === index - 1);
  return { scenarios: positions.map((i) => scenarios[i]!), positions, part: { index, count: total } };
}

function checkRunShape(options: ExecuteOptions): number {
  if (options.connect !== undefined && !(URL.canParse(options.connect) && /^wss?:$/.test(new URL(options.connect).protocol))) {
    throw new UsageError(`--connect "${options.connect}" is not a ws:// or wss:// address`, 'e.g. --connect ws://127.0.0.1:3000/ (a Playwright browser server)');
  }
  if (options.workers === undefined) return defaultWorkers();
  if (!/^\d+$/.test(options.workers) || Number(options.workers) < 1 || Number(options.workers) > 32) {
    throw new UsageError(`--workers "${options.workers}" is not a whole number from 1 to 32`, 'e.g. --workers 2');
  }
  return Number(options.workers);
}

export async function execute(given: ResolvedScenario[], options: ExecuteOptions): Promise<number> {
  const all = withRunRules(given, options.rule);
  const baseUrl = checkOptions(all, options);
  const workers = checkRunShape(options);
  const { scenarios, positions, part } = shardOf(withSiteSecrets(all, baseUrl), options.shard);
  const gate = await prepareGate(options);
  const outDir = resolve(options.out);
  await checkWritable(outDir);
  const unlock = await lockFolder(outDir);
  try {
    // Nothing of an earlier run into the folder is left to be read as this one's, even when no browser starts.
    await clearEarlierRun(outDir);
    // On a remote browser service there is no browser to find here.
    const browser = options.connect ? { executablePath: options.connect, source: 'option' as const } : findBrowser(options.browserPath);
    return await executeIn(outDir, scenarios, options, baseUrl, browser, gate, { workers, positions, total: all.length, ...(part && { shard: part }) });
  } finally {
    await unlock();
  }
}

/** The name of the file that says a run is writing to an output folder. */
const LOCK_FILE = '.cx-shop-run.lock';

/**
 * One run per output folder at a time: two runs into one folder would mix their screenshots and artifacts. A lock
 * left by a run that died (its process is gone) is taken over.
 */
async function lockFolder(outDir: string): Promise<() => Promise<void>> {
  const lock = join(outDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new UsageError(`another cx-shop run (process ${holder}) is writing to ${outDir}`, 'wait for it to finish, or give this run another folder with --out');
      }
      await rm(lock, { force: true });
    }
  }
  throw new UsageError(`cannot take the output folder ${outDir}: another run keeps taking it`, 'give this run another folder with --out');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function executeIn(
  outDir: string,
  scenarios: ResolvedScenario[],
  options: ExecuteOptions,
  baseUrl: string | undefined,
  browser: ReturnType<typeof findBrowser>,
  gate: PreparedGate,
  shape: { workers: number; positions: number[]; total: number; shard?: Report['shard'] },
): Promise<number> {
  const secrets = scenarios.flatMap((s) => s.secrets);
  // Whatever prints from here on (the report, progress, a message of the site), no secret shows in any form.
  guardOutput(secrets);
  // Ctrl-C or SIGTERM: stop, close the browser, write the report of what was measured, marked interrupted.
  const controller = new AbortController();
  let interrupted: 'SIGINT' | 'SIGTERM' | undefined;
  let stopProgress = () => {};
  const onSignal = (name: 'SIGINT' | 'SIGTERM') => {
    // Again while the report of what was measured is written (a second Ctrl-C): it is written first, whole.
    if (interrupted) return void process.stderr.write('cx-shop: still writing the report of what was measured; a moment\n');
    interrupted = name;
    stopProgress();
    process.stderr.write(`\ncx-shop: ${name === 'SIGINT' ? 'interrupted' : 'terminated'}; closing the browser and writing the report of what was measured\n`);
    controller.abort();
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const reports: Report[] = [];
  // Which part of a split run this is, in each report it writes (see cx-shop merge).
  const part = shape.shard ? { shard: shape.shard } : {};
  try {
    for (let repeat = 1; repeat <= gate.repeats && !interrupted; repeat += 1) {
      // The first repeat is the run: its pictures and artifacts are in the output folder; later ones keep theirs apart.
      const dir = repeat === 1 ? outDir : join(outDir, 'repeats', String(repeat));
      if (gate.repeats > 1) process.stderr.write(`cx-shop: repeat ${repeat} of ${gate.repeats}\n`);
      const progress = createProgress(shape.total);
      stopProgress = () => progress.stop();
      const done: ScenarioResult[] = [];
      const started = Date.now();
      try {
        const report = await runScenarios(scenarios, {
          signal: controller.signal,
          browser,
          headed: options.headed,
          workers: shape.workers,
          positions: shape.positions,
          ...(options.connect ? { connect: options.connect } : {}),
          ...(options.ignoreHttpsErrors && { ignoreHttpsErrors: true }),
          outDir: dir,
          baseUrl,
          device: options.device,
          ...(options.testIdAttribute ? { testIdAttribute: options.testIdAttribute } : {}),
          ...(options.scenarioTimeout ? { scenarioTimeoutMs: Number(options.scenarioTimeout) * 1000 } : {}),
          events: {
            scenarioStart: (scenario, position) => progress.scenarioStart(scenario, position),
            step: (scenario, step, index) => progress.step(scenario, step, index),
            scenarioEnd: async (result, position) => {
              progress.scenarioEnd(result, position);
              if (repeat > 1) return;
              process.stdout.write(`${formatScenario(result)}\n`);
              done.push(result);
              // Written after every scenario, so a run that dies later keeps what it measured.
              await writeJsonReport({ ...buildReport(done, started, null), ...part, complete: false }, outDir, secrets);
            },
          },
        });
        reports.push(report);
      } finally {
        progress.stop();
      }
    }
    if (interrupted) {
      const [first] = reports;
      const report = first ?? buildReport([], Date.now(), null);
      const final: Report = { ...report, ...part, complete: true, interrupted };
      const path = await writeJsonReport(final, outDir, secrets);
      process.stdout.write(`${formatSummary(report, path)}\n  interrupted: the report lists the ${report.scenarios.length} scenario(s) measured before it\n`);
      // The formats asked for too (a CI job's JUnit): they say the run was interrupted.
      await writeFormats(final, gate.reporters, outDir, secrets);
      return interrupted === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
    }
    const report = { ...withMedianWaits(reports), ...part, complete: true };
    const { code } = await finishReport(report, gate, { budgets: scenarios.map(budgetsOf), unstable: unstableAcross(reports) }, outDir, secrets);
    return code;
  } finally {
    // Listened for until the report and its formats are written.
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
