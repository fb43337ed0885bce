/**
 * What `run`, `demo` and `judge` share at the end of a run: the gate's options checked before anything runs, then
 * the verdict put into the report, the report written, the verdict printed, and every chosen format written.
 */
import { keepStdoutForDocuments } from '../output/stdout.js';
import chalk from 'chalk';
import { EXIT, exitCodeFor } from '../gate/budget.js';
import { decideGate, type GateInput } from '../gate/verdict.js';
import { terminalSafe as t } from '../output/safe.js';
import { readReport } from '../report/load.js';
import { SEVERITIES } from '../report/severity.js';
import type { GateVerdict, Instability, Report, Severity } from '../report/types.js';
import { writeJsonReport } from '../reporters/json.js';
import { onStdout, parseReporter, twoOnStdout, writeReports, type ReporterChoice } from '../reporters/registry.js';
import { formatSummary } from '../reporters/terminal.js';
import { UsageError } from './errors.js';

export interface GateOptions {
  baseline?: string;
  failOn?: string;
  reporter?: string[];
  repeat?: string;
  gateTiming?: boolean;
}

export interface PreparedGate {
  baseline: { file: string; report: Report } | null;
  failOn: Severity;
  reporters: ReporterChoice[];
  repeats: number;
  timing: boolean;
}

/** Checks the gate's options (and reads the baseline) before any browser starts: a mistake is exit 2, at once. */
export async function prepareGate(options: GateOptions, env: NodeJS.ProcessEnv = process.env): Promise<PreparedGate> {
  const failOn = options.failOn ?? 'high';
  if (!(SEVERITIES as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on "${failOn}" is not a severity`, 'one of high, medium, low');
  const repeats = options.repeat === undefined ? 1 : Number(options.repeat);
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > 20) throw new UsageError(`--repeat "${options.repeat}" is not a whole number from 1 to 20`, 'e.g. --repeat 3');
  const reporters = reporterChoices(options.reporter ?? []);
  // In GitHub Actions the annotations come by themselves, unless asked for elsewhere.
  // (Not when standard output is asked to hold another format: that document has it to itself.)
  if (env.GITHUB_ACTIONS === 'true' && !reporters.some((r) => r.name === 'github' || onStdout(r))) reporters.push({ name: 'github' });
  // Where a job summary is wanted, the Markdown summary goes there by itself too.
  if (env.GITHUB_STEP_SUMMARY && !reporters.some((r) => r.name === 'markdown')) reporters.push({ name: 'markdown' });
  // Timing is noisy: it gates only through bands, on the median of at least three repeats, against a baseline.
  const timing = options.gateTiming === true;
  if (timing && (repeats < 3 || !options.baseline)) throw new UsageError('--gate-timing needs --repeat 3 or more and a --baseline', 'e.g. --gate-timing --repeat 3 --baseline cx-baseline.json');
  const baseline = options.baseline ? { file: options.baseline, report: await readReport(options.baseline, 'baseline') } : null;
  // A format asked for on standard output has it to itself: the person's report goes to standard error.
  if (reporters.some((r) => r.path === '-')) keepStdoutForDocuments();
  return { baseline, failOn: failOn as Severity, reporters, repeats, timing };
}

/** Puts the verdict into the report, writes it and every chosen format, prints the summary and the verdict. */
export async function finishReport(
  report: Report,
  gate: PreparedGate,
  input: Pick<GateInput, 'budgets'> & { unstable?: Instability[] },
  outDir: string,
  secrets: readonly string[],
): Promise<{ report: Report; code: number }> {
  const verdict = decideGate(report, { budgets: input.budgets, baseline: gate.baseline, failOn: gate.failOn, timing: gate.timing, repeats: gate.repeats, unstable: input.unstable ?? [] });
  const final: Report = { ...report, gate: verdict };
  const path = await writeJsonReport(final, outDir, secrets);
  process.stdout.write(`${formatSummary(final, path)}\n${formatGate(verdict)}`);
  // A format asked for and not written (a CI job's JUnit or SARIF) is a run cx-shop could not finish, whatever the verdict.
  const written = await writeFormats(final, gate.reporters, outDir, secrets);
  const code = exitCodeFor(final);
  return { report: final, code: written ? code : Math.max(code, EXIT.runError) };
}

/** The formats asked for with --reporter (report.json is always written: asked for alone, it is no extra format). */
export function reporterChoices(texts: readonly string[]): ReporterChoice[] {
  const reporters: ReporterChoice[] = [];
  for (const text of texts) {
    const choice = parseReporter(text);
    if (typeof choice === 'string') throw new UsageError(choice, 'e.g. --reporter junit --reporter sarif=out/cx-shop.sarif');
    if (choice.name !== 'json' || choice.path) reporters.push(choice);
  }
  const two = twoOnStdout(reporters);
  if (two) throw new UsageError(two, 'write all but one to a file: e.g. --reporter junit=- --reporter sarif=cx-shop.sarif');
  return reporters;
}

/**
 * Writes each chosen format and says where; one that fails is reported, the others are still written. False when
 * one failed.
 */
export async function writeFormats(report: Report, reporters: readonly ReporterChoice[], outDir: string, secrets: readonly string[]): Promise<boolean> {
  let all = true;
  for (const outcome of await writeReports(report, reporters, outDir, secrets)) {
    if (outcome.failure) process.stderr.write(`cx-shop: the ${outcome.name} reporter failed (${outcome.failure}); the other reports were written\n`);
    else if (outcome.wrote !== '-') process.stdout.write(`  ${outcome.name}: ${outcome.wrote}\n`);
    all &&= !outcome.failure;
  }
  return all;
}

const MAX_LINES = 20;

/** The verdict in a few lines: what fails the gate first, then what got better. */
export function formatGate(verdict: GateVerdict): string {
  const lines: string[] = [];
  const section = (title: string, items: string[], colour: (text: string) => string) => {
    if (items.length === 0) return;
    lines.push(colour(`  ${title} (${items.length}):`));
    for (const item of items.slice(0, MAX_LINES)) lines.push(`    ${t(item)}`);
    if (items.length > MAX_LINES) lines.push(`    and ${items.length - MAX_LINES} more (see report.json)`);
  };
  if (verdict.baseline) lines.push(`  against the baseline ${t(verdict.baseline.file)} (${verdict.baseline.startedAt.slice(0, 10)}), regressions from ${verdict.failOn} up`);
  section('budgets exceeded', verdict.budgets.map((b) => `${b.scenario}: ${b.message}`), chalk.red);
  section('regressions', verdict.regressions.map((r) => r.message), chalk.red);
  section('unstable between repeats', verdict.unstable.map((u) => u.message), chalk.red);
  section('improvements', verdict.improvements.map((i) => i.message), chalk.green);
  if (verdict.baseline || verdict.budgets.length > 0 || verdict.repeats > 1) lines.push(`  gate: ${verdict.passed ? chalk.green('passed') : chalk.red('failed')}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
