import { join } from 'node:path';
import type { Report } from '../report/types.js';
import { redactJson } from '../output/safe.js';
import { writeWhole } from '../output/write-whole.js';

/**
 * Writes report.json whole or not at all (a temporary file renamed into place), with every secret the
 * scenarios used replaced by •••.
 */
export async function writeJsonReport(report: Report, outDir: string, secrets: readonly string[]): Promise<string> {
  const path = join(outDir, 'report.json');
  await writeWhole(path, `${redactJson(JSON.stringify(report, null, 2), secrets)}\n`);
  return path;
}

