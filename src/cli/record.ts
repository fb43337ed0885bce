/**
 * `cx-shop record URL`: a person does a journey in a real window and cx-shop writes it as a scenario file, checked
 * before it is written. The person ends the recording with Enter in the terminal, or by closing the window.
 */
import { access, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { findBrowser } from '../browser/find.js';
import { launchBrowser } from '../browser/launch.js';
import { EXIT } from '../gate/budget.js';
import { makeFolder } from '../output/write-whole.js';
import { recordJourney } from '../record/session.js';
import { scenarioFromActs } from '../record/to-scenario.js';
import { DEFAULT_DEVICE } from '../scenario/schema.js';
import { formatProblem, parseScenario } from '../scenario/load.js';
import { openWindow, RunError, UsageError } from './errors.js';
import { checkOptions } from './execute.js';

export interface RecordCommandOptions {
  out?: string;
  device?: string;
  name?: string;
  force?: boolean;
  browserPath?: string;
  testIdAttribute?: string;
  headless?: boolean;
}

export async function recordCommand(url: string, options: RecordCommandOptions): Promise<number> {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new UsageError(`"${url}" is not a web address`, 'e.g. cx-shop record https://shop.example.com/');
  const device = options.device ?? DEFAULT_DEVICE;
  const testIdAttribute = options.testIdAttribute ?? 'data-testid';
  // The same checks, and messages, as a run's.
  checkOptions([], { device, testIdAttribute, baseUrl: url });
  const out = options.out ? resolve(options.out) : null;
  if (out && !options.force) {
    const exists = await access(out).then(() => true, () => false);
    if (exists) throw new UsageError(`${options.out} exists`, 'choose another --out, or add --force to overwrite it');
  }
  const choice = findBrowser(options.browserPath);
  const browser = await openWindow(choice.executablePath, () => launchBrowser(choice, { headed: !options.headless }), 'run cx-shop record on a desktop, or under xvfb-run');
  process.stderr.write(`cx-shop: recording on a ${device}. Do the journey in the window, then press Enter here (or close the window).\n`);
  const reader = createInterface({ input: process.stdin, terminal: false });
  const until = new Promise<void>((done) => {
    reader.once('line', () => done());
    reader.once('close', () => done());
    process.once('SIGINT', () => done());
  });
  let acts;
  try {
    acts = await recordJourney(browser, url, { device, testIdAttribute, until });
  } catch (error) {
    throw new RunError(`could not record on ${url}: ${String((error as Error).message ?? error).split('\n')[0]}`);
  } finally {
    reader.close();
    await browser.close().catch(() => undefined);
  }
  const recorded = scenarioFromActs(acts, { startUrl: url, device, ...(options.name ? { name: options.name } : {}), testIdAttribute });
  // What cx-shop writes must load: checked as any scenario file is (the secrets it asks for are set at run time).
  const check = parseScenario(options.out ?? 'recorded.yaml', recorded.yaml, new Proxy({}, { get: () => 'set-at-run-time' }));
  if (check.problems.length > 0) throw new Error(`the recorded scenario does not validate:\n${check.problems.map(formatProblem).join('\n')}`);
  if (out) {
    await makeFolder(dirname(out));
    await writeFile(out, recorded.yaml);
    process.stderr.write(`cx-shop: wrote ${options.out}: ${recorded.steps} steps; replay it with: cx-shop run ${options.out}\n`);
  } else process.stdout.write(recorded.yaml);
  for (const note of recorded.notes) process.stderr.write(`  note: ${note}\n`);
  return EXIT.ok;
}
