/**
 * The cx-shop command line: one small function per command that parses and delegates. Every command's
 * action resolves to an exit code. Each command's module is loaded only when that command runs: `validate` and
 * `--help` never load the browser, the recorder, PDF.js or the readability packages.
 */
import { Command, Option } from 'commander';
import { toolVersion } from '../report/build.js';

export type ExitCode = number;

function runOptions(command: Command): Command {
  return command
    .option('--device <name>', 'Playwright device for every scenario (default: each scenario\'s own, else "Pixel 7")')
    .option('--out <dir>', 'folder for report.json and screenshots', 'cx-report')
    .option('--headed', 'show the browser window while it runs')
    .option('--browser-path <path>', 'Chrome or Chromium to use (or set CX_SHOP_BROWSER)')
    .option('--test-id-attribute <name>', 'the attribute testId locators match, e.g. data-test (default: each scenario\'s own, else data-testid)')
    .option('--scenario-timeout <seconds>', 'most seconds one scenario may take; past it the scenario ends with what it measured and the run goes on', '600');
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

  program
    .command('judge')
    .description('judge the artifacts a run saved again, without a browser, and write the report')
    .argument('[dir]', 'the output folder of a run', 'cx-report')
    .action(async (dir: string) => setExitCode(await (await import('./judge.js')).judgeCommand(dir)));

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

  return program;
}
