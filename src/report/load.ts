/** Reading a saved report.json back (a baseline, or a report to render again), with a clear message when it is not one. */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../cli/errors.js';
import { REPORT_VERSION, type Report } from './types.js';

export async function readReport(file: string, what = 'report'): Promise<Report> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read the ${what} ${file} (${error.code ?? 'error'})`, 'give the path of a report.json written by cx-shop run, or of a baseline written by cx-shop baseline');
  });
  let parsed: Partial<Report>;
  try {
    parsed = JSON.parse(text) as Partial<Report>;
  } catch (error) {
    throw new UsageError(`the ${what} ${file} is not valid JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`);
  }
  if (parsed?.tool?.name !== 'cx-shop' || !Array.isArray(parsed.scenarios) || !parsed.summary) {
    throw new UsageError(`the ${what} ${file} is not a cx-shop report`, 'give the path of a report.json written by cx-shop run');
  }
  if (parsed.version !== REPORT_VERSION) {
    throw new UsageError(`the ${what} ${file} is a version ${String(parsed.version)} report; this cx-shop reads version ${REPORT_VERSION}`, 'run the scenarios again with this version of cx-shop');
  }
  return parsed as Report;
}
