import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Report } from '../report/types.js';

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

/** Replaces each secret, and its JSON-escaped form, in text. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (!secret) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) out = out.split(form).join('•••');
  }
  return out;
}
