/**
 * What an earlier run of cx-shop wrote into an output folder, taken away as a new run (or merge) into it starts: its
 * scenarios' artifacts would be judged with this run's (cx-shop judge reads every one), and its report and formats
 * would be published as this run's by a CI job that uploads the folder whatever happens, a browser that would not
 * start included.
 *
 * Only what cx-shop wrote goes. The folder may be a project's own (`--out .` at a repository's root), with its
 * scenario files in a folder named scenarios/ as cx-shop's artifacts are, and files of its own named as cx-shop's
 * formats are: each is recognised by its content before it is removed.
 */
import { open, readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS_FILE } from '../artifacts/types.js';

/** A scenario's folder as a run names it: its place in the run, then its name (01-check-out-on-a-phone). */
const SCENARIO_FOLDER = /^\d+-/;
/** What a run writes into a scenario's folder: its artifacts, its pictures, and a file being written whole. */
const SCENARIO_FILE = /^(?:artifacts\.json|.+\.png)(?:\.\d+\.tmp)?$/;

/** The head of each of cx-shop's files, by name in the output folder: what says cx-shop wrote it. */
const WRITTEN_BY_CX_SHOP: Record<string, RegExp> = {
  'report.json': /"tool":\s*\{\s*"name":\s*"cx-shop"/,
  // Its suites say so; a run of no scenarios has none, and its file is no more than that.
  'junit.xml': /<testsuite package="cx-shop"|^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites>\n\n<\/testsuites>\n$/,
  'cx-shop.sarif': /"driver":\s*\{\s*"name":\s*"cx-shop"/,
  'summary.md': /^## Customer experience \(cx-shop\)/,
  'report.html': /<meta name="generator" content="cx-shop">/,
};

/** The first few kilobytes of a file ('' when it cannot be read). */
async function headOf(path: string, bytes = 4096): Promise<string> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return '';
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}

async function entries(dir: string) {
  return readdir(dir, { withFileTypes: true }).catch(() => []);
}

/** Removes a folder that is left empty; one holding anything stays. */
async function removeIfEmpty(dir: string): Promise<void> {
  await rmdir(dir).catch(() => undefined);
}

/** Removes, in `outDir`, what an earlier run of cx-shop wrote there (see above); nothing else. */
export async function clearEarlierRun(outDir: string, { formats = true, report = true } = {}): Promise<void> {
  const scenarios = join(outDir, 'scenarios');
  for (const entry of await entries(scenarios)) {
    if (!entry.isDirectory() || !SCENARIO_FOLDER.test(entry.name)) continue;
    const inside = await entries(join(scenarios, entry.name));
    if (inside.every((file) => file.isFile() && SCENARIO_FILE.test(file.name))) await rm(join(scenarios, entry.name), { recursive: true, force: true });
  }
  await removeIfEmpty(scenarios);
  // A run's repeats: each a run of its own, in a folder named by its number.
  const repeats = join(outDir, 'repeats');
  for (const entry of await entries(repeats)) {
    if (!entry.isDirectory() || !/^\d+$/.test(entry.name)) continue;
    await clearEarlierRun(join(repeats, entry.name));
    await removeIfEmpty(join(repeats, entry.name));
  }
  await removeIfEmpty(repeats);
  const names = Object.keys(WRITTEN_BY_CX_SHOP).filter((name) => (name === 'report.json' ? report : formats));
  await Promise.all(
    names.map(async (name) => {
      const path = join(outDir, name);
      if (WRITTEN_BY_CX_SHOP[name]!.test(await headOf(path))) await rm(path, { force: true });
    }),
  );
}
