/** `cx-shop import RECORDING.json`: a Chrome DevTools Recorder export as a scenario file, checked before it is written. */
import { stat, writeFile } from 'node:fs/promises';
import { makeFolder } from '../output/write-whole.js';
import { dirname, join, resolve } from 'node:path';
import { EXIT } from '../gate/budget.js';
import { importRecording, parseRecording, RecordingError } from '../scenario/import-recording.js';
import { formatProblem, parseScenario } from '../scenario/load.js';
import { baseUrlProblem } from '../scenario/site-access.js';
import { UsageError, whyNotWritten } from './errors.js';
import { readText } from './read-text.js';

export async function importCommand(file: string, options: { out?: string; baseUrl?: string; force?: boolean }): Promise<number> {
  const problem = options.baseUrl === undefined ? null : baseUrlProblem(options.baseUrl);
  if (problem) throw new UsageError(`--base-url: ${problem}`);
  const text = await readText(file, 'give the JSON file of "Export recording" in the DevTools Recorder panel');
  let imported;
  try {
    imported = importRecording(parseRecording(text), options.baseUrl ? { baseUrl: options.baseUrl } : {});
  } catch (error) {
    if (error instanceof RecordingError) throw new UsageError(`${file}: ${error.message}`, 'export the recording from the DevTools Recorder panel as JSON');
    throw error;
  }
  // What cx-shop writes must load: checked as any scenario file is (secrets it asks for are not needed for that).
  const check = parseScenario(options.out ?? 'imported.yaml', imported.yaml, new Proxy({}, { get: () => 'set-at-run-time' }));
  if (check.problems.length > 0) {
    throw new UsageError(
      `${file}: the scenario it makes does not validate:\n${check.problems.map(formatProblem).join('\n')}`,
      'cx-shop import should never write such a file: please report it, with the recording',
    );
  }
  if (options.out) {
    const out = resolve(options.out);
    if ((await stat(out).catch(() => null))?.isDirectory()) {
      throw new UsageError(`--out ${options.out} is a folder`, `give the scenario file's path, e.g. --out ${join(options.out, 'recorded.yaml')}`);
    }
    const cannot = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return new UsageError(`${options.out} exists`, 'choose another --out, or add --force to overwrite it');
      return new UsageError(`cannot write ${options.out} (${whyNotWritten(error)})`, 'choose another --out');
    };
    await makeFolder(dirname(out)).catch((error: NodeJS.ErrnoException) => {
      throw cannot(error);
    });
    await writeFile(out, imported.yaml, { flag: options.force ? 'w' : 'wx' }).catch((error: NodeJS.ErrnoException) => {
      throw cannot(error);
    });
    process.stderr.write(`cx-shop: wrote ${options.out}: ${check.scenario!.steps.length} steps\n`);
  } else {
    process.stdout.write(imported.yaml);
  }
  for (const note of imported.notes) process.stderr.write(`  note: ${note}\n`);
  return EXIT.ok;
}
