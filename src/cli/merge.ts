/**
 * `cx-shop merge DIR...`: the shards of a run (`--shard i/n`, each in its own CI job) put together. Each shard saved
 * its scenarios' artifacts and screenshots in folders named by their place in the whole run; merged into one folder
 * and judged there, they give the report one run of all the scenarios would have written, in every format.
 */
import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { ARTIFACTS_FILE } from '../artifacts/types.js';
import { join, resolve } from 'node:path';
import { budgetsOf } from '../gate/verdict.js';
import { buildReport, runHeaderOf } from '../report/build.js';
import type { Report } from '../report/types.js';
import { readReport } from '../report/load.js';
import { clearEarlierRun } from '../output/earlier-run.js';
import { formatScenario } from '../reporters/terminal.js';
import { UsageError } from './errors.js';
import { checkWritable } from './execute.js';
import { finishReport, prepareGate, type GateOptions } from './gate.js';
import { judgeSaved, loadArtifacts } from './judge.js';

export async function mergeCommand(dirs: string[], options: GateOptions & { out: string }): Promise<number> {
  const started = Date.now();
  const outDir = resolve(options.out);
  const sources = dirs.map((dir) => resolve(dir));
  if (sources.includes(outDir)) throw new UsageError(`--out ${options.out} is one of the shards`, 'merge into a folder of its own, e.g. --out cx-report');
  const gate = await prepareGate(options);
  await checkWritable(outDir);
  const seen = new Map<string, string>();
  const shardReports: Report[] = [];
  // Each part's report, read once (null where it has none that can be read).
  const reports = await Promise.all(sources.map((source) => readReport(join(source, 'report.json')).catch(() => null)));
  // Every part of the split: a part whose job failed before it kept its folder would leave its scenarios out of the
  // merged report, which would pass without them.
  checkAllParts(reports, dirs);
  // A shard given no scenarios (a matrix of more shards than scenarios) ran nothing and saved none: it adds nothing.
  const filled: string[] = [];
  for (const [i, source] of sources.entries()) {
    const shard = reports[i];
    const names = await readdir(join(source, 'scenarios')).catch(() => {
      if (shard?.complete && shard.scenarios.length === 0) return null;
      throw new UsageError(`${dirs[i]} holds no saved artifacts (no scenarios folder)`, 'give the --out folders of the cx-shop runs with --shard');
    });
    if (names === null) continue;
    filled.push(source);
    for (const name of names) {
      const place = name.split('-')[0]!;
      if (seen.has(place)) throw new UsageError(`${dirs[i]} and ${seen.get(place)} both hold scenario ${Number(place)} of the run`, 'give each shard once');
      seen.set(place, dirs[i]!);
    }
    // A scenario of the shard whose artifacts are not there would be left out of the merged report without a word.
    const saved = await Promise.all(names.map((name) => stat(join(source, 'scenarios', name, ARTIFACTS_FILE)).then((s) => s.isFile(), () => false)));
    const without = names.filter((_, k) => !saved[k]);
    if (without.length > 0) {
      throw new UsageError(`${join(dirs[i]!, 'scenarios', without[0]!)} has no ${ARTIFACTS_FILE}: its scenario would be left out of the merged report`, 'give the whole --out folder of each shard, as its run wrote it');
    }
    if (shard && shard.scenarios.length > names.length) {
      throw new UsageError(`${join(dirs[i]!, 'report.json')} lists ${shard.scenarios.length} scenarios, but ${dirs[i]} holds the artifacts of ${names.length}: the others would be left out of the merged report`, 'give the whole --out folder of each shard, as its run wrote it');
    }
    if (shard) shardReports.push(shard);
  }
  // A folder merged into before keeps nothing of that merge.
  await clearEarlierRun(outDir);
  await mkdir(join(outDir, 'scenarios'), { recursive: true });
  for (const source of filled) await cp(join(source, 'scenarios'), join(outDir, 'scenarios'), { recursive: true, force: true });
  const saved = await loadArtifacts(outDir);
  const results = await judgeSaved(outDir, saved);
  const report = { ...buildReport(results, started, null), ...runHeaderOf(shardReports) };
  for (const result of results) process.stdout.write(`${formatScenario(result)}\n`);
  process.stdout.write(`\n  merged ${sources.length} shard${sources.length === 1 ? '' : 's'}: ${results.length} scenarios\n`);
  const { code } = await finishReport(report, gate, { budgets: saved.map((artifacts) => budgetsOf(artifacts.scenario)) }, outDir, []);
  return code;
}

/**
 * Checks that the folders given are every part of one split run (`--shard I/N` for each I from 1 to N), each once, as
 * their reports say. Folders whose report says nothing of a split (a run of this cx-shop before it said so) are taken as
 * they are.
 */
function checkAllParts(reports: ReadonlyArray<Report | null>, dirs: readonly string[]): void {
  const parts = new Map<number, string>();
  let count: number | null = null;
  for (const [i, report] of reports.entries()) {
    const shard = report?.shard;
    if (!shard) continue;
    if (count !== null && shard.count !== count) {
      throw new UsageError(`${dirs[i]} is part ${shard.index} of ${shard.count}, but the others are parts of ${count}`, 'give the parts of one split run, each run with --shard I/N with the same N');
    }
    count = shard.count;
    if (parts.has(shard.index)) throw new UsageError(`${dirs[i]} and ${parts.get(shard.index)} are both part ${shard.index} of ${count}`, 'give each part once');
    parts.set(shard.index, dirs[i]!);
  }
  if (count === null) return;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !parts.has(index));
  if (missing.length > 0) {
    const which = missing.map((index) => `${index}/${count}`).join(', ');
    throw new UsageError(`part${missing.length === 1 ? '' : 's'} ${which} of the run ${missing.length === 1 ? 'is' : 'are'} missing: the merged report would leave ${missing.length === 1 ? 'its' : 'their'} scenarios out`, `give the --out folder of every part (--shard 1/${count} to ${count}/${count}); a part whose job failed is run again`);
  }
}
