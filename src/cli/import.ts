/** `cx-shop import RECORDING.json`: a Chrome DevTools Recorder export as a scenario file, checked before it is written. */
import { readFile, writeFile } from 'node:fs/promises';
import { makeFolder } from '../output/write-whole.js';
import { dirname, resolve } from 'node:path';
import { EXIT } from '../gate/budget.js';
import { importRecording, parseRecording, RecordingError } from '../scenario/import-recording.js';
import { formatProblem, parseScenario } from '../scenario/load.js';
import { UsageError } from './errors.js';

export async function importCommand(file: string, options: { out?: string; baseUrl?: string; force?: boolean }): Promise<number> {
  if (options.baseUrl !== undefined && !URL.canParse(options.baseUrl)) throw new UsageError(`--base-url "${options.baseUrl}" is not a URL`);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file} (${error.code ?? 'error'})`, 'give the JSON file of "Export recording" in the DevTools Recorder panel');
  });
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
    throw new Error(`the imported scenario does not validate:\n${check.problems.map(formatProblem).join('\n')}`);
  }
  if (options.out) {
    const out = resolve(options.out);
    await makeFolder(dirname(out));
    await writeFile(out, imported.yaml, { flag: options.force ? 'w' : 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') throw new UsageError(`${options.out} exists`, 'choose another --out, or add --force to overwrite it');
      throw error;
    });
    process.stderr.write(`cx-shop: wrote ${options.out}: ${check.scenario!.steps.length} steps\n`);
  } else {
    process.stdout.write(imported.yaml);
  }
  for (const note of imported.notes) process.stderr.write(`  note: ${note}\n`);
  return EXIT.ok;
}
