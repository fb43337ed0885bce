/**
 * The formats one run can write, by name. `--reporter NAME` writes a format to its default place, `NAME=PATH` to
 * PATH (`-` for standard output). A reporter that throws is reported and the others still write.
 */
import { writeDocument } from '../output/stdout.js';
import { appendFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { redactJson } from '../output/safe.js';
import { writeWhole } from '../output/write-whole.js';
import type { Report } from '../report/types.js';
import { renderGithub } from './github.js';
import { renderHtml } from './html/render.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';

export interface Reporter {
  description: string;
  /** Where it writes by default, relative to the output folder; null for standard output. */
  defaultFile: string | null;
  /** `outDir`: the folder of the report, where its screenshots are. */
  render(report: Report, context: { outDir: string }): string;
}

export const REPORTERS = {
  json: { description: 'the whole report (always written to report.json)', defaultFile: 'report.json', render: (report) => `${JSON.stringify(report, null, 2)}\n` },
  junit: { description: 'JUnit XML, one test case per step', defaultFile: 'junit.xml', render: renderJunit },
  markdown: { description: 'a summary for a CI job or a pull-request comment (also appended to $GITHUB_STEP_SUMMARY when set)', defaultFile: 'summary.md', render: renderMarkdown },
  sarif: { description: 'SARIF 2.1.0 for code-scanning tools', defaultFile: 'cx-shop.sarif', render: renderSarif },
  github: { description: 'GitHub Actions annotations (on by itself in GitHub Actions)', defaultFile: null, render: renderGithub },
  html: { description: 'one self-contained HTML file to read and share: screenshots with the findings outlined, effort per step', defaultFile: 'report.html', render: renderHtml },
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;

export interface ReporterChoice {
  name: ReporterName;
  /** A file path, '-' for standard output, or undefined for the reporter's default. */
  path?: string;
}

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(REPORTERS, name);
}

/** `junit`, `junit=out/junit.xml`: a problem in words, or the choice. */
export function parseReporter(text: string): ReporterChoice | string {
  const [name = '', ...rest] = text.split('=');
  const path = rest.join('=');
  if (!isReporterName(name)) return `unknown reporter "${name}" (known: ${Object.keys(REPORTERS).join(', ')})`;
  if (rest.length > 0 && path === '') return `--reporter ${name}= needs a path after =, or - for standard output`;
  return path ? { name, path } : { name };
}

/** Whether a format goes to standard output: asked for there (`=-`), or written nowhere else by default. */
export function onStdout(choice: ReporterChoice): boolean {
  return (choice.path ?? (REPORTERS[choice.name].defaultFile === null ? '-' : '')) === '-';
}

/**
 * Standard output holds one document, for a program to read: two formats asked for there would come one after the
 * other, and neither could be read. A problem in words, or null.
 */
export function twoOnStdout(choices: readonly ReporterChoice[]): string | null {
  const names = choices.filter(onStdout).map((choice) => choice.name);
  if (names.length < 2) return null;
  return `${names.join(' and ')} are ${names.length === 2 ? 'both' : 'all'} asked for on standard output, which takes one document`;
}

export interface ReporterOutcome {
  name: ReporterName;
  /** Where it wrote, or '-' for standard output. */
  wrote?: string;
  failure?: string;
}

/**
 * Renders and writes each chosen format. Files are written whole (a temporary file renamed into place); secrets are
 * masked in every one. A reporter that throws is named in the outcome and the others still write.
 */
export async function writeReports(report: Report, choices: readonly ReporterChoice[], outDir: string, secrets: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<ReporterOutcome[]> {
  const outcomes: ReporterOutcome[] = [];
  // Secrets are masked in the report's texts, once: every format is written from them. The files themselves are not
  // searched again, which could change their numbers (a PIN of 412 in a width of 412) and break their format.
  let masked: Report | undefined;
  for (const choice of choices) {
    const reporter: Reporter = REPORTERS[choice.name];
    try {
      masked ??= secrets.length > 0 ? (JSON.parse(redactJson(JSON.stringify(report), secrets)) as Report) : report;
      const text = reporter.render(masked, { outDir });
      const target = choice.path ?? (reporter.defaultFile === null ? '-' : join(outDir, reporter.defaultFile));
      if (target === '-') writeDocument(text);
      else {
        await writeWhole(isAbsolute(target) ? target : join(process.cwd(), target), text);
      }
      if (choice.name === 'markdown' && env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, text);
      outcomes.push({ name: choice.name, wrote: target });
    } catch (error) {
      outcomes.push({ name: choice.name, failure: (error as Error).message.split('\n')[0] ?? String(error) });
    }
  }
  return outcomes;
}
