/**
 * `cx-shop guide SCENARIO`: a recruited shopper walks a scenario by hand in a real browser window while cx-shop
 * records what they do and asks how easy each step was; `--checklist` prints the paper version, `--read-back` reads a
 * filled one in. `cx-shop combine` puts several shoppers' reports together.
 */
import { stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { GuidedArtifacts } from '../artifacts/types.js';
import { findBrowser } from '../browser/find.js';
import { launchBrowser } from '../browser/launch.js';
import { EXIT } from '../gate/budget.js';
import { Prompter } from '../guide/ask.js';
import { checklistArtifacts, ChecklistError, readChecklist, renderChecklist } from '../guide/checklist.js';
import { combineGuided } from '../guide/combine.js';
import { guideScenario } from '../guide/session.js';
import { judgeScenario } from '../judge/judge.js';
import { guardOutput, redact } from '../output/safe.js';
import { buildReport } from '../report/build.js';
import { readReport } from '../report/load.js';
import type { Report, ScenarioResult } from '../report/types.js';
import { writeJsonReport } from '../reporters/json.js';
import type { ReporterChoice } from '../reporters/registry.js';
import { formatPanel, formatScenario } from '../reporters/terminal.js';
import { runScenarios } from '../runner/run.js';
import { saveArtifacts, scenarioFolder } from '../runner/run-scenario.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { siteAccess, withSiteSecrets } from '../scenario/site-access.js';
import { makeFolder } from '../output/write-whole.js';
import { openWindow, UsageError, whyNotWritten } from './errors.js';
import { readText } from './read-text.js';
import { checkOptions, checkWritable } from './execute.js';
import { reporterChoices, writeFormats } from './gate.js';
import { loadOrExplain } from './load.js';

export interface GuideCommandOptions {
  shopper?: string;
  baseUrl?: string;
  device?: string;
  out: string;
  browserPath?: string;
  testIdAttribute?: string;
  ignoreHttpsErrors?: boolean;
  /** A report.json of an automated run of the scenario: its effort per step is the prediction. */
  predicted?: string;
  /** False with --no-predict: no automated run first. */
  predict?: boolean;
  checklist?: string | boolean;
  readBack?: string;
  headless?: boolean;
  reporter?: string[];
}

export async function guideCommand(path: string, options: GuideCommandOptions): Promise<number> {
  const scenarios = await loadOrExplain([path]);
  if (scenarios.length > 1) throw new UsageError(`${path} holds ${scenarios.length} scenarios; a guided run walks one`, 'name one scenario file, e.g. cx-shop guide scenarios/checkout.yaml');
  const loaded = scenarios[0]!;
  // From here on, no line on the terminal shows a secret of the scenario, whichever way the guided run goes.
  guardOutput(loaded.secrets);
  const reporters = reporterChoices(options.reporter ?? []);

  // A paper walk needs no address: the shopper may have been given it apart.
  const paper = Boolean(options.checklist || options.readBack);
  const given = (paper ? checkOptions([{ ...loaded, baseUrl: loaded.baseUrl ?? 'http://localhost/' }], options) : checkOptions([loaded], options)) ?? loaded.baseUrl ?? '';
  // The site's password is a secret, and no paper shows it (the shopper is given it apart, like the address may be).
  const [scenario] = withSiteSecrets([loaded], given) as [typeof loaded];
  guardOutput(scenario.secrets);
  const baseUrl = paper ? siteAccess(given).baseUrl : given;
  const guide = options.device ? { ...scenario, device: options.device } : scenario;
  if (options.checklist) {
    const text = renderChecklist(guide, baseUrl);
    if (typeof options.checklist === 'string' && options.checklist !== '-') {
      const file = options.checklist;
      if ((await stat(file).catch(() => null))?.isDirectory()) throw new UsageError(`--checklist ${file} is a folder`, `give the checklist file's path, e.g. --checklist ${join(file, 'checklist.txt')}`);
      const cannot = (error: NodeJS.ErrnoException) => new UsageError(`cannot write the checklist ${file} (${whyNotWritten(error)})`, 'choose another --checklist');
      await makeFolder(dirname(resolve(file))).catch((error: NodeJS.ErrnoException) => {
        throw cannot(error);
      });
      await writeFile(file, text).catch((error: NodeJS.ErrnoException) => {
        throw cannot(error);
      });
      process.stderr.write(`cx-shop: wrote the checklist ${options.checklist} (${scenario.steps.length} steps); print it, and type the answers back in before cx-shop guide --read-back\n`);
    } else process.stdout.write(text);
    return EXIT.ok;
  }

  if (options.shopper !== undefined && !/^[\w.@+-]{1,64}$/.test(options.shopper)) {
    throw new UsageError(`--shopper "${options.shopper}" is not a shopper id: letters, digits and . _ - @ + only, up to 64`, 'e.g. --shopper S-014');
  }
  // A walk in the browser needs the shopper's id (a checklist read back carries its own): said before the output
  // folder is made, so a mistake on the command line leaves nothing behind.
  if (!options.readBack && !options.shopper) throw new UsageError('--shopper is needed: the id of the person walking the journey', `e.g. cx-shop guide ${path} --shopper S-014`);
  const shopper = options.shopper ?? '';
  const outDir = resolve(options.out);
  await checkWritable(outDir);
  const predicted = options.predicted ? await predictionFrom(options.predicted, scenario) : null;

  if (options.readBack) {
    const text = await readText(options.readBack, `type the filled-in checklist into a text file (cx-shop guide ${path} --checklist prints a blank one)`);
    let answers;
    try {
      answers = readChecklist(text, guide);
    } catch (error) {
      if (error instanceof ChecklistError) throw new UsageError(`${options.readBack}:${error.line}: ${error.message}`, `write it as the checklist shows (cx-shop guide ${path} --checklist)`);
      throw error;
    }
    const artifacts = checklistArtifacts(guide, answers, { baseUrl, predicted });
    await saveArtifacts(outDir, scenarioFolder(0, redact(scenario.name, scenario.secrets)), artifacts, scenario.secrets);
    return finish([judgeScenario(artifacts)], Date.now(), null, outDir, reporters, scenario.secrets);
  }

  const browser = findBrowser(options.browserPath);
  const started = Date.now();
  let prediction = predicted;
  if (!prediction && options.predict !== false) {
    process.stderr.write('cx-shop: first an automated run of the same scenario, for the predicted effort of each step (--no-predict to skip)\n');
    const run = await runScenarios([scenario], { browser, outDir: join(outDir, 'predicted'), baseUrl, ...(options.device ? { device: options.device } : {}), ...(options.testIdAttribute ? { testIdAttribute: options.testIdAttribute } : {}), ...(options.ignoreHttpsErrors && { ignoreHttpsErrors: true }) });
    // Kept, so that later shoppers can be held against the same prediction (--predicted).
    const saved = await writeJsonReport(run, join(outDir, 'predicted'), scenario.secrets);
    prediction = predictionOf(run.scenarios[0], relative(process.cwd(), saved) || saved);
  }
  const launched = await openWindow(
    browser.executablePath,
    () => launchBrowser(browser, { headed: !options.headless }),
    'run cx-shop guide on a desktop, or under xvfb-run on a server (or print a checklist: --checklist)',
  );
  const controller = new AbortController();
  const stop = () => {
    process.stderr.write('\ncx-shop: stopped; writing the report of the steps walked so far\n');
    controller.abort();
  };
  process.once('SIGINT', stop);
  const ask = new Prompter(process.stdin, process.stdout);
  ask.say(`cx-shop guide: ${scenario.name}\n  Shopper ${options.shopper}. A browser window opens as a ${guide.device}. Do each step as you would at home.`);
  let result: ScenarioResult;
  try {
    result = await guideScenario(
      launched,
      scenario,
      { baseUrl, outDir, shopper, predicted: prediction, signal: controller.signal, ...(options.ignoreHttpsErrors && { ignoreHttpsErrors: true }), ...(options.device ? { device: options.device } : {}), ...(options.testIdAttribute ? { testIdAttribute: options.testIdAttribute } : {}) },
      ask,
    );
  } finally {
    process.off('SIGINT', stop);
    ask.end();
    await launched.close().catch(() => undefined);
  }
  return finish([result], started, { executable: browser.executablePath, version: launched.version() }, outDir, reporters, scenario.secrets);
}

/** `cx-shop combine REPORT...`: several shoppers' guided runs in one report, with the panel's figures per step. */
export async function combineCommand(files: string[], options: { out: string; reporter?: string[] }): Promise<number> {
  const reporters = reporterChoices(options.reporter ?? []);
  const reports: Array<{ file: string; report: Report }> = [];
  for (const file of files) {
    const twice = reports.find((r) => resolve(r.file) === resolve(file));
    if (twice) throw new UsageError(`${file} is given twice`, 'give each shopper\'s report.json once');
    reports.push({ file, report: await readReport(file) });
  }
  const guided = reports.flatMap((r) => r.report.scenarios.filter((s) => s.guided));
  if (guided.length === 0) throw new UsageError(`none of ${files.join(', ')} holds a guided run`, 'give the report.json files that cx-shop guide wrote, one per shopper');
  // One shopper's walk of a scenario counts once: the same report copied elsewhere is not a second shopper.
  const walks = new Map<string, string>();
  for (const { file, report } of reports) {
    for (const result of report.scenarios.filter((s) => s.guided)) {
      const key = `${result.file}\u0000${result.name}\u0000${result.guided!.shopper}`;
      const earlier = walks.get(key);
      if (earlier) throw new UsageError(`shopper ${result.guided!.shopper}'s walk of "${result.name}" is in both ${earlier} and ${file}`, 'give each shopper\'s walk once');
      walks.set(key, file);
      // An answer on the 1-7 scale, or none: a report edited by hand may hold another, which no median should take in.
      const answers = [{ where: 'the journey', ease: result.guided!.ease }, ...result.steps.map((step) => ({ where: `step "${step.name}"`, ease: step.person?.ease ?? null }))];
      const off = answers.find(({ ease }) => ease !== null && !(Number.isInteger(ease) && ease >= 1 && ease <= 7));
      if (off) throw new UsageError(`${file}: shopper ${result.guided!.shopper}'s answer for ${off.where} of "${result.name}" is ${JSON.stringify(off.ease)}, not a number from 1 to 7`, 'give the report.json cx-shop guide wrote, as it wrote it');
    }
  }
  const outDir = resolve(options.out);
  await checkWritable(outDir);
  const panel = combineGuided(guided);
  const report: Report = { ...buildReport(guided, Date.now(), null), durationSeconds: 0, panel };
  const path = await writeJsonReport(report, outDir, []);
  process.stdout.write(`${formatPanel(panel)}\n\n  ${guided.length} guided runs of ${panel.length} scenario${panel.length === 1 ? '' : 's'}\n  report: ${path}\n`);
  await writeFormats(report, reporters, outDir, []);
  return EXIT.ok;
}

async function finish(results: ScenarioResult[], started: number, browser: Report['browser'], outDir: string, reporters: ReporterChoice[], secrets: readonly string[]): Promise<number> {
  const report = buildReport(results, started, browser);
  for (const result of results) process.stdout.write(`${formatScenario(result)}\n`);
  const path = await writeJsonReport(report, outDir, secrets);
  process.stdout.write(`\n  report: ${path}\n  put several shoppers together with: cx-shop combine A/report.json B/report.json --out panel\n`);
  await writeFormats(report, reporters, outDir, secrets);
  return EXIT.ok;
}

/** The prediction for this scenario from a saved report of an automated run. */
async function predictionFrom(file: string, scenario: ResolvedScenario): Promise<GuidedArtifacts['predicted']> {
  const report = await readReport(file, 'predicted report');
  const match =
    report.scenarios.find((s) => !s.guided && resolve(s.file) === resolve(scenario.file)) ?? report.scenarios.find((s) => !s.guided && s.name === scenario.name);
  if (!match) throw new UsageError(`the report ${file} has no automated run of "${scenario.name}" (${scenario.file})`, `run it first: cx-shop run ${scenario.file}`);
  return predictionOf(match, file);
}

function predictionOf(result: ScenarioResult | undefined, from: string): GuidedArtifacts['predicted'] {
  if (!result) return null;
  return { from, steps: result.steps.map((s) => ({ name: s.name, effort: s.effort, status: s.status })) };
}
