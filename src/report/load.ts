/** Reading a saved report.json back (a baseline, or a report to render again), with a clear message when it is not one. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from '../cli/errors.js';
import { formatPath } from '../scenario/problems.js';
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
  if (typeof parsed.version !== 'number') {
    throw new UsageError(`the ${what} ${file} is not a whole cx-shop report: its version is ${JSON.stringify(parsed.version) ?? 'missing'}, where cx-shop writes the number ${REPORT_VERSION}`, 'give the path of a report.json written by cx-shop run, unedited');
  }
  if (parsed.version !== REPORT_VERSION) {
    throw new UsageError(`the ${what} ${file} is a version ${String(parsed.version)} report; this cx-shop reads version ${REPORT_VERSION}`, 'run the scenarios again with this version of cx-shop');
  }
  const shape = REPORT_SHAPE.safeParse(parsed);
  if (!shape.success) {
    const [issue] = shape.error.issues;
    const where = formatPath((issue?.path ?? []).filter((key): key is string | number => typeof key !== 'symbol'));
    throw new UsageError(`the ${what} ${file} is not a whole cx-shop report: ${where || 'the report'} ${issue?.code === 'invalid_type' && issue.input === undefined ? 'is missing' : 'is not what cx-shop writes'}`, 'give the path of a report.json written by cx-shop run, unedited');
  }
  return parsed as Report;
}

/**
 * What comparing, gating and rendering a report read of it: checked before anything uses it (a file cut short or
 * edited by hand is said as such, not a crash halfway through a run).
 */
const STEP_SHAPE = z.looseObject({
  name: z.string(),
  status: z.string(),
  effort: z.number(),
  wait: z.number(),
  findings: z.array(z.looseObject({ rule: z.string(), severity: z.string(), message: z.string() })),
  actions: z.looseObject({}),
  effortBreakdown: z.looseObject({}),
});
const REPORT_SHAPE = z.looseObject({
  startedAt: z.string(),
  durationSeconds: z.number(),
  summary: z.looseObject({ scenarios: z.number(), effort: z.number(), findings: z.looseObject({}) }),
  scenarios: z.array(
    z.looseObject({ name: z.string(), file: z.string(), status: z.string(), completed: z.boolean(), effort: z.number(), steps: z.array(STEP_SHAPE) }),
  ),
});
