/**
 * The cx-shop command line: one small function per command that parses and delegates. Every command's
 * action resolves to an exit code. Each command's module is loaded only when that command runs: `validate` and
 * `--help` never load the browser, the recorder, PDF.js or the readability packages.
 */
import { Command, Option } from 'commander';
import { DEFAULT_SCENARIO_TIMEOUT_MS } from '../limits.js';
import { toolVersion } from '../report/build.js';

export type ExitCode = number;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** What decides the verdict and what formats are written: for run, demo and judge. */
function gateOptions(command: Command): Command {
  return command
    .option('--baseline <file>', 'a saved report (cx-shop baseline) to compare with: new findings, higher effort and blocked journeys are regressions (exit 1)')
    .addOption(new Option('--fail-on <severity>', 'the lowest severity a new finding must have to count as a regression').choices(['high', 'medium', 'low']).default('high'))
    .option('--reporter <name[=path]>', 'also write this format: junit, markdown, sarif, github, html (repeatable; =path to choose the file, =- for standard output)', collect);
}

function runOptions(command: Command): Command {
  return gateOptions(command)
    .option('--device <name>', 'Playwright device for every scenario (default: each scenario\'s own, else "Pixel 7")')
    .option('--out <dir>', 'folder for report.json and screenshots', 'cx-report')
    .option('--headed', 'show the browser window while it runs')
    .option('--browser-path <path>', 'Chrome or Chromium to use (or set CX_SHOP_BROWSER)')
    .option('--test-id-attribute <name>', 'the attribute testId locators match, e.g. data-test (default: each scenario\'s own, else data-testid)')
    .option('--repeat <n>', 'run everything n times: a deterministic figure that differs between repeats fails the gate; waits are medians')
    .option('--gate-timing', 'with --repeat 3+ and --baseline: a step whose median wait moves into a slower band (0.1 / 1 / 10 s) is a regression')
    .option('--rule <rule=setting>', 'turn a rule off or set its severity in every scenario and step of the run, over what they say (repeatable), e.g. --rule accessibility=off', collect)
    .option('--workers <n>', 'scenarios at once, each in its own browser context (default: one per two cores); output stays in the run\'s order')
    .option('--shard <i/n>', 'run only part i of n of the scenarios (a deterministic split for a CI matrix); put the parts together with cx-shop merge')
    .option('--connect <ws-endpoint>', 'run on a remote Playwright browser server (ws://…) instead of a browser started here')
    .option('--ignore-https-errors', "open the site whatever its certificate: a staging site's self-signed or in-house one")
    .option('--scenario-timeout <seconds>', 'most seconds one scenario may take; past it the scenario ends with what it measured and the run goes on', String(DEFAULT_SCENARIO_TIMEOUT_MS / 1000));
}

export function buildProgram(setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('cx-shop')
    .description('Experience the experience: walk customer journeys in a real browser and report the effort and friction of every step.')
    .version(toolVersion(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 all passed within budget, 1 a scenario failed or was blocked or a budget was exceeded,\n' +
        '2 bad input or usage, 3 the run could not be done (no browser, site unreachable),\n' +
        '130 or 143 interrupted by Ctrl-C or SIGTERM (the report keeps what was measured).',
    );

  runOptions(
    program
      .command('run')
      .description('run scenarios against a site and report effort and friction per step')
      .argument('[paths...]', 'scenario files, folders or globs (default: scenarios/)')
      .option('--base-url <url>', 'the site to test; overrides each scenario\'s baseUrl (or set CX_SHOP_BASE_URL)'),
  ).action(async (paths: string[], options) => setExitCode(await (await import('./run.js')).runCommand(paths, options)));

  runOptions(
    program
      .command('demo')
      .description('serve the bundled demo shop and run the bundled scenarios against it')
      .addOption(new Option('--variant <name>', 'which demo shop: with its friction, or with it fixed').choices(['shipped', 'fixed']).default('shipped'))
      .option('--port <port>', 'port for the demo shop on 127.0.0.1 (default: a free one)')
      .option('--strict', 'exit 1 when a scenario fails or is blocked, as run does'),
  ).action(async (options) => setExitCode(await (await import('./demo.js')).demoCommand(options)));

  program
    .command('validate')
    .description('check scenario files without a browser; lists every problem with file:line:col')
    .argument('[paths...]', 'scenario files, folders or globs (default: scenarios/)')
    .action(async (paths: string[]) => setExitCode(await (await import('./validate.js')).validateCommand(paths)));

  gateOptions(
    program
      .command('judge')
      .description('judge the artifacts a run saved again, without a browser, and write the report')
      .argument('[dir]', 'the output folder of a run', 'cx-report'),
  ).action(async (dir: string, options) => setExitCode(await (await import('./judge.js')).judgeCommand(dir, options)));

  gateOptions(
    program
      .command('merge')
      .description('put the output folders of shards (--shard i/n) together: one report, as one run would have written it')
      .argument('<dirs...>', 'the --out folders of the shards')
      .option('--out <dir>', 'folder for the merged report, artifacts and screenshots', 'cx-report'),
  ).action(async (dirs: string[], options) => setExitCode(await (await import('./merge.js')).mergeCommand(dirs, options)));

  program
    .command('baseline')
    .description('save a run\'s report as the baseline later runs are compared with (--baseline)')
    .argument('[report]', 'the report.json of a run', 'cx-report/report.json')
    .option('--out <file>', 'where to write the baseline', 'cx-baseline.json')
    .action(async (report: string, options) => setExitCode(await (await import('./baseline.js')).baselineCommand(report, options)));

  program
    .command('compare')
    .description('print what got worse and what got better from one report to another; exit 1 on regressions')
    .argument('<old>', 'the earlier report (or baseline)')
    .argument('<new>', 'the later report')
    .addOption(new Option('--fail-on <severity>', 'the lowest severity a new finding must have to count as a regression').choices(['high', 'medium', 'low']).default('high'))
    .action(async (older: string, newer: string, options) => setExitCode(await (await import('./baseline.js')).compareCommand(older, newer, options)));

  program
    .command('report')
    .description('write any format again from a saved report.json')
    .argument('<file>', 'a report.json written by cx-shop')
    .requiredOption('--reporter <name[=path]>', 'the format: junit, markdown, sarif, github, html, json (repeatable; standard output unless =path)', collect)
    .action(async (file: string, options) => setExitCode(await (await import('./baseline.js')).reportCommand(file, options)));

  program
    .command('schema')
    .description('print the JSON Schema of the scenario format (for editor autocompletion)')
    .action(async () => setExitCode((await import('./schema.js')).schemaCommand()));

  program
    .command('rules')
    .description('list every friction rule: id, area, default severity, threshold and source')
    .option('--json', 'print the list as JSON')
    .action(async (options) => setExitCode((await import('./rules.js')).rulesCommand(options)));

  program
    .command('init')
    .description('create a scenarios folder for your own site: one commented template per journey')
    .argument('[dir]', 'folder to create', 'cx-scenarios')
    .option('--base-url <url>', 'your site\'s address, written into the templates')
    .option('--force', 'overwrite templates that already exist')
    .action(async (dir: string, options) => setExitCode(await (await import('./init.js')).initCommand(dir, options)));

  program
    .command('guide')
    .description('a recruited shopper walks a scenario by hand in a real browser; cx-shop records what they do and asks how easy each step was (1-7)')
    .argument('<scenario>', 'the scenario file to walk')
    .option('--shopper <id>', 'who walks it, e.g. S-014 (kept in the report)')
    .option('--base-url <url>', 'the site; overrides the scenario\'s baseUrl (or set CX_SHOP_BASE_URL)')
    .option('--device <name>', 'Playwright device for the window (default: the scenario\'s own)')
    .option('--out <dir>', 'folder for report.json, artifacts and screenshots', 'cx-guide')
    .option('--predicted <report>', 'a report.json of an automated run of the scenario: its effort per step is the prediction (default: cx-shop runs it first)')
    .option('--no-predict', 'no automated run first: the report has no prediction and no perception gap')
    .option('--checklist [file]', 'print a checklist of the steps for a shopper without a browser (to the file, or standard output)')
    .option('--read-back <file>', 'read a filled-in checklist back into a report')
    .option('--reporter <name[=path]>', 'also write this format: markdown, html, junit, sarif, github (repeatable)', collect)
    .option('--browser-path <path>', 'Chrome or Chromium to use (or set CX_SHOP_BROWSER)')
    .option('--test-id-attribute <name>', 'the attribute testId locators match, e.g. data-test')
    .option('--ignore-https-errors', "open the site whatever its certificate: a staging site's self-signed or in-house one")
    .addOption(new Option('--headless', 'no window (for trying a guided run from a script)').hideHelp())
    .action(async (scenario: string, options) => setExitCode(await (await import('./guide.js')).guideCommand(scenario, options)));

  program
    .command('combine')
    .description('put several shoppers\' guided runs of a scenario together: median time, spread of ratings, rank correlation with the predicted effort')
    .argument('<reports...>', 'report.json files written by cx-shop guide')
    .option('--out <dir>', 'folder for the combined report.json', 'cx-panel')
    .option('--reporter <name[=path]>', 'also write this format: markdown, html, junit, sarif, github (repeatable)', collect)
    .action(async (reports: string[], options) => setExitCode(await (await import('./guide.js')).combineCommand(reports, options)));

  program
    .command('record')
    .description('do a journey by hand in a real window; cx-shop writes it as a scenario file')
    .argument('<url>', 'the page the journey starts on')
    .option('--out <file>', 'write the scenario here (default: standard output)')
    .option('--device <name>', 'Playwright device for the window', 'Pixel 7')
    .option('--name <text>', 'the scenario\'s name: what the customer sets out to do')
    .option('--test-id-attribute <name>', 'the attribute that holds test ids on this site, when a locator needs one', 'data-testid')
    .option('--force', 'overwrite --out if it exists')
    .option('--browser-path <path>', 'Chrome or Chromium to use (or set CX_SHOP_BROWSER)')
    .addOption(new Option('--headless', 'no window (for trying it from a script)').hideHelp())
    .action(async (url: string, options) => setExitCode(await (await import('./record.js')).recordCommand(url, options)));

  program
    .command('import')
    .description('turn a Chrome DevTools Recorder export (JSON) into a scenario file')
    .argument('<recording>', 'the JSON file of "Export recording" in the DevTools Recorder panel')
    .option('--out <file>', 'write the scenario here (default: standard output)')
    .option('--base-url <url>', 'the site\'s address (default: the origin of the first page the recording opens)')
    .option('--force', 'overwrite --out if it exists')
    .action(async (recording: string, options) => setExitCode(await (await import('./import.js')).importCommand(recording, options)));

  return program;
}
