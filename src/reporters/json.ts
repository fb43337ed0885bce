import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Report } from '../report/types.js';
import { redact } from '../output/safe.js';

/**
 * Writes report.json whole or not at all (a temporary file renamed into place), with every secret the
 * scenarios used replaced by •••.
 */
export async function writeJsonReport(report: Report, outDir: string, secrets: readonly string[]): Promise<string> {
  const path = join(outDir, 'report.json');
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, redact(`${JSON.stringify(report, null, 2)}\n`, secrets));
  await rename(temporary, path);
  return path;
}

