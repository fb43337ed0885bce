/**
 * The commands around saved reports: `baseline` (keep a run as the reference), `compare` (what changed between two
 * reports) and `report` (write any format again from a saved report.json).
 */
import { dirname, resolve } from 'node:path';
import chalk from 'chalk';
import { EXIT } from '../gate/budget.js';
import { compareReports } from '../gate/compare.js';
import { terminalSafe as t } from '../output/safe.js';
import { writeWhole } from '../output/write-whole.js';
import { readReport } from '../report/load.js';
import type { Severity } from '../report/types.js';
import { parseReporter, twoOnStdout, writeReports, type ReporterChoice } from '../reporters/registry.js';
import { UsageError } from './errors.js';

export async function baselineCommand(file: string, options: { out: string }): Promise<number> {
  const report = await readReport(file);
  if (!report.complete || report.interrupted) {
    throw new UsageError(`${file} is the report of a run that did not finish`, 'run the scenarios to the end, then save the baseline');
  }
  // A shopper's walk measures seconds on a clock, not the effort cx-shop computes: every step would be 0.0 s.
  const guided = report.scenarios.filter((s) => s.guided).map((s) => s.name);
  if (guided.length > 0) {
    throw new UsageError(`${file} holds guided runs (${guided.map(t).join(', ')}): a shopper's walk has no effort to hold later runs against`, `save the baseline from a cx-shop run of the scenarios, e.g. cx-shop run scenarios --out cx-report`);
  }
  const { gate: _verdict, ...kept } = report;
  const out = resolve(options.out);
  await writeWhole(out, `${JSON.stringify(kept, null, 2)}\n`).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot write the baseline to ${options.out} (${error.code ?? error.message})`, 'give --out the path of a file in a folder you can write to, e.g. --out baseline.json');
  });
  const broken = report.scenarios.filter((s) => s.status === 'error').map((s) => s.name);
  process.stdout.write(
    `baseline: ${out}\n  ${report.scenarios.length} scenarios, customer effort ${report.summary.effort.toFixed(1)} s, findings ${report.summary.findings.high} high, ${report.summary.findings.medium} medium, ${report.summary.findings.low} low\n` +
      (broken.length > 0 ? chalk.yellow(`  note: ${broken.length} scenario(s) could not be measured (${broken.map(t).join(', ')}); they compare as not completed\n`) : '') +
      `  compare later runs with: cx-shop run --baseline ${options.out}\n`,
  );
  return EXIT.ok;
}

export async function compareCommand(older: string, newer: string, options: { failOn?: string }): Promise<number> {
  const failOn = (options.failOn ?? 'high') as Severity;
  const [before, after] = [await readReport(older, 'earlier report'), await readReport(newer, 'later report')];
  const comparison = compareReports(before, after, failOn);
  const lines = [`${t(older)} → ${t(newer)} (regressions from ${failOn} up)`];
  // A run cut short is compared for what it did, and said to be cut short: what it never reached is no improvement.
  for (const [file, report] of [[older, before], [newer, after]] as const) {
    if (report.interrupted || !report.complete) lines.push(chalk.yellow(`  note: ${t(file)} is of a run that did not finish${report.interrupted ? ' (it was interrupted)' : ''}: scenarios it did not run are not compared`));
  }
  const section = (title: string, items: string[], colour: (text: string) => string) => {
    if (items.length === 0) return;
    lines.push(colour(`  ${title} (${items.length}):`), ...items.map((item) => `    ${t(item)}`));
  };
  section('regressions', comparison.regressions.map((r) => r.message), chalk.red);
  section('improvements', comparison.improvements.map((i) => i.message), chalk.green);
  section('only in the later report', comparison.added, chalk.gray);
  section('only in the earlier report', comparison.missing, chalk.gray);
  if (comparison.regressions.length + comparison.improvements.length + comparison.added.length + comparison.missing.length === 0) lines.push('  no differences');
  process.stdout.write(`${lines.join('\n')}\n`);
  return comparison.regressions.length > 0 ? EXIT.failed : EXIT.ok;
}

export async function reportCommand(file: string, options: { reporter: string[] }): Promise<number> {
  const report = await readReport(file);
  const choices: ReporterChoice[] = options.reporter.map((text) => {
    const choice = parseReporter(text);
    if (typeof choice === 'string') throw new UsageError(choice, 'e.g. cx-shop report cx-report/report.json --reporter markdown');
    // Written again from a saved report, a format goes to standard output unless a path is given.
    return { ...choice, path: choice.path ?? '-' };
  });
  const two = twoOnStdout(choices);
  if (two) throw new UsageError(two, `write all but one to a file: e.g. cx-shop report ${file} --reporter junit --reporter sarif=cx-shop.sarif`);
  const outcomes = await writeReports(report, choices, dirname(resolve(file)));
  for (const outcome of outcomes) {
    if (outcome.failure) process.stderr.write(`cx-shop: the ${outcome.name} reporter failed (${outcome.failure})\n`);
    else if (outcome.wrote !== '-') process.stderr.write(`${outcome.name}: ${outcome.wrote}\n`);
  }
  return outcomes.some((o) => o.failure) ? EXIT.runError : EXIT.ok;
}
