/**
 * `cx-shop guide` and `cx-shop combine` through the command: the paper checklist printed, filled in and read back;
 * two shoppers combined; mistakes are exit 2 with the file and line; and a guided run in Chromium answered through
 * standard input alone, as a shopper at a terminal would.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { fillChecklist, type StepFill } from '../helpers/checklist.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { report as plainReport } from '../helpers/report.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/cx-shop.js');

function cli(args: string[], cwd?: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const SCENARIO = `name: Buy a mug
device: Pixel 7
steps:
  - name: Open the shop
    goto: /guide/shop.html
  - name: Add the mug to the cart
    tap: { role: button, name: Add to cart }
    expect: { text: 1 in cart }
  - name: Ask for gift wrap
    tap: { role: button, name: Gift wrap }
`;

/** Ticks every step done with the given times and answers. */
function fill(blank: string, shopper: string, times: string[], answers: string[], overall: string): string {
  return fillChecklist(blank, { shopper, steps: times.map((time, i) => ['done', time, answers[i]!] as StepFill), overall });
}

describe('cx-shop guide on paper, and cx-shop combine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-shop-guide-e2e-'));
  const scenario = join(dir, 'mug.yaml');
  writeFileSync(scenario, SCENARIO);

  it('prints a checklist, reads two filled-in ones back, and combines them into one report in every format', async () => {
    const printed = await cli(['guide', scenario, '--checklist', join(dir, 'checklist.txt')]);
    expect(printed.code).toBe(0);
    const blank = readFileSync(join(dir, 'checklist.txt'), 'utf8');
    expect(blank).toContain('--- Step 3 of 3: Ask for gift wrap');
    writeFileSync(join(dir, 'a.txt'), fill(blank, 'S-1', ['0:10', '0:20', '0:40'], ['6', '5', '2'], '4'));
    writeFileSync(join(dir, 'b.txt'), fill(blank, 'S-2', ['0:12', '0:18', '1:10'], ['7', '6', '1'], '3'));
    for (const who of ['a', 'b']) {
      const read = await cli(['guide', scenario, '--read-back', join(dir, `${who}.txt`), '--out', join(dir, who), '--no-predict']);
      expect(read.code).toBe(0);
      expect(read.stdout).toContain('on a paper checklist');
    }
    const a = JSON.parse(readFileSync(join(dir, 'a', 'report.json'), 'utf8')) as Report;
    expect(a.scenarios[0]!.guided).toMatchObject({ shopper: 'S-1', via: 'checklist', ease: 4 });
    const combined = await cli(['combine', join(dir, 'a', 'report.json'), join(dir, 'b', 'report.json'), '--out', join(dir, 'panel'), '--reporter', 'markdown', '--reporter', 'html']);
    expect(combined.code).toBe(0);
    expect(combined.stdout).toContain('2 shoppers: S-1, S-2');
    const report = JSON.parse(readFileSync(join(dir, 'panel', 'report.json'), 'utf8')) as Report;
    expect(report.panel![0]!.steps[2]!.seconds).toEqual({ median: 55, min: 40, max: 70 });
    expect(report.panel![0]!.ease).toMatchObject({ median: 3.5, answers: [3, 4] });
    expect(readFileSync(join(dir, 'panel', 'summary.md'), 'utf8')).toContain('### Shoppers: Buy a mug');
    expect(readFileSync(join(dir, 'panel', 'report.html'), 'utf8')).toContain('Shoppers: Buy a mug</h2>');
  });

  it('a mistake in a filled-in checklist: exit 2, the file and line, no stack', async () => {
    const blank = (await cli(['guide', scenario, '--checklist'])).stdout;
    writeFileSync(join(dir, 'bad.txt'), fill(blank, 'S-3', ['0:10'], ['8'], ''));
    const read = await cli(['guide', scenario, '--read-back', join(dir, 'bad.txt'), '--out', join(dir, 'bad'), '--no-predict']);
    expect(read.code).toBe(2);
    const line = readFileSync(join(dir, 'bad.txt'), 'utf8').split('\n').findIndex((l) => l.includes('Answer: 8')) + 1;
    expect(read.stderr).toContain(`bad.txt:${line}: the answer "8" is not a number from 1 to 7`);
    expect(read.stderr).not.toMatch(/\n\s+at /);
  });

  it('--checklist into a folder yet to be made is written; into a folder itself, or through a file: exit 2, no stack', async () => {
    const made = await cli(['guide', scenario, '--checklist', join(dir, 'new', 'sub', 'c.txt')]);
    expect(made.code).toBe(0);
    expect(readFileSync(join(dir, 'new', 'sub', 'c.txt'), 'utf8')).toContain('--- Step 1 of 3');
    const folder = await cli(['guide', scenario, '--checklist', join(dir, 'new')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`--checklist ${join(dir, 'new')} is a folder`);
    const through = await cli(['guide', scenario, '--checklist', join(dir, 'new', 'sub', 'c.txt', 'd.txt')]);
    expect(through.code).toBe(2);
    expect(through.stderr).toContain('a part of the path is a file');
    expect(through.stderr).not.toMatch(/\n\s+at /);
  });

  it('a checklist typed back in Latin-1 or UTF-16: exit 2 saying so, where it was read with � or an empty shopper id', async () => {
    const blank = (await cli(['guide', scenario, '--checklist'])).stdout;
    const filled = fill(blank, 'S-4', ['0:10', '0:20', '0:40'], ['6', '5', '2'], '4').replace('Note: ', 'Note: Café');
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from(filled, 'latin1'));
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(filled, 'utf16le')]));
    const latin1 = await cli(['guide', scenario, '--read-back', join(dir, 'latin1.txt'), '--out', join(dir, 'l1'), '--no-predict']);
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toMatch(/latin1\.txt:\d+: not UTF-8 text/);
    const utf16 = await cli(['guide', scenario, '--read-back', join(dir, 'utf16.txt'), '--out', join(dir, 'u16'), '--no-predict']);
    expect(utf16.code).toBe(2);
    expect(utf16.stderr).toContain('is UTF-16 text');
  });

  it('a guided run needs a shopper id; combine needs guided reports', async () => {
    // Run where the default output folder (cx-guide) would go: a mistake on the command line leaves nothing there.
    const here = mkdtempSync(join(tmpdir(), 'cx-shop-guide-cwd-'));
    const run = await cli(['guide', scenario, '--base-url', 'http://127.0.0.1:9'], here);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--shopper is needed');
    const bad = await cli(['guide', scenario, '--base-url', 'http://127.0.0.1:9', '--shopper', 'Ann Smith!'], here);
    expect(bad.code).toBe(2);
    expect(readdirSync(here)).toEqual([]);
    // A whole report of a run, but no guided run in it.
    writeFileSync(join(dir, 'plain.json'), JSON.stringify(plainReport([])));
    const combine = await cli(['combine', join(dir, 'plain.json')]);
    expect(combine.code).toBe(2);
    expect(combine.stderr).toContain('holds a guided run');
    // One shopper's walk given twice, as the same file or a copy of it, is not two shoppers.
    const a = join(dir, 'a', 'report.json');
    const twice = await cli(['combine', a, a, '--out', join(dir, 'twice')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is given twice');
    writeFileSync(join(dir, 'copy.json'), readFileSync(a));
    const copy = await cli(['combine', a, join(dir, 'copy.json'), '--out', join(dir, 'twice')]);
    expect(copy.code).toBe(2);
    expect(copy.stderr).toContain(`shopper S-1's walk of "Buy a mug" is in both`);
    // A report edited by hand with an answer off the 1-7 scale is refused, not taken into the medians.
    const edited = JSON.parse(readFileSync(a, 'utf8'));
    const answered = edited.scenarios[0].steps.find((step: { person?: { ease: number | null } }) => step.person);
    answered.person.ease = 9;
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    const nine = await cli(['combine', join(dir, 'edited.json'), '--out', join(dir, 'nine')]);
    expect(nine.code).toBe(2);
    expect(nine.stderr).toContain(`is 9, not a number from 1 to 7`);
  });
});

describe('cx-shop guide on paper with secrets in the scenario', () => {
  const secrets = { SHOP_EMAIL: 'jane.q.shopper+vip@example.com', SHOP_TOKEN: 'tok9fKq2LmZ7xW', SHOP_OTP: '739184', SHOP_PHONE: '5551234567' };
  const text = (value: (name: keyof typeof secrets) => string) => `name: Check out as ${value('SHOP_EMAIL')}
device: Pixel 7
steps:
  - name: Open details for ${value('SHOP_EMAIL')}
    goto: /misc.html?e=${value('SHOP_EMAIL')}&t=${value('SHOP_TOKEN')}&o=${value('SHOP_OTP')}
  - name: Voucher ${value('SHOP_TOKEN')} goes in
    type: { label: Voucher code, text: "${value('SHOP_TOKEN')}" }
  - name: Tap the code
    tap: { text: "Send ${value('SHOP_OTP')} to ${value('SHOP_PHONE')}" }
`;
  const dir = mkdtempSync(join(tmpdir(), 'cx-shop-guide-secrets-'));
  writeFileSync(join(dir, 'secret.yaml'), text((name) => `\${env.${name}}`));
  writeFileSync(join(dir, 'plain.yaml'), text((name) => secrets[name]));
  const site = ['--base-url', 'http://127.0.0.1:9'];
  /** Every file and folder name under a folder, and every file's text. */
  const everything = (root: string): string =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .map((entry) => `${join(entry.parentPath, entry.name)}\n${entry.isFile() ? readFileSync(join(entry.parentPath, entry.name), 'utf8') : ''}`)
      .join('\n');
  const shown = (output: string) => Object.values(secrets).filter((secret) => output.includes(secret) || output.includes(encodeURIComponent(secret)));

  it('the checklist, on file or on the terminal, the terminal and the folder of the read-back show none of them', async () => {
    const printed = await cli(['guide', join(dir, 'secret.yaml'), '--checklist', join(dir, 'secret-paper.txt'), ...site], dir, secrets);
    expect(printed.code).toBe(0);
    const paper = readFileSync(join(dir, 'secret-paper.txt'), 'utf8');
    expect(shown(paper + printed.stdout + printed.stderr)).toEqual([]);
    expect(paper).toContain('--- Step 2 of 3: Voucher ••• goes in');
    expect(paper).toContain('Open http://127.0.0.1:9/misc.html?e=•••&t=•••&o=•••');
    const onTerminal = await cli(['guide', join(dir, 'secret.yaml'), '--checklist', '-', ...site], dir, secrets);
    expect(shown(onTerminal.stdout + onTerminal.stderr)).toEqual([]);
    expect(onTerminal.stdout).toContain('Tap text "Send ••• to •••"');

    writeFileSync(join(dir, 'secret-filled.txt'), fill(paper, 'S-1', ['0:10', '0:20', '0:40'], ['6', '5', '2'], '4'));
    const read = await cli(['guide', join(dir, 'secret.yaml'), '--read-back', join(dir, 'secret-filled.txt'), '--out', join(dir, 'secret-out'), '--no-predict', '--reporter', 'markdown', ...site], dir, secrets);
    expect(read.code).toBe(0);
    expect(shown(read.stdout + read.stderr)).toEqual([]);
    expect(read.stdout).toContain('Voucher ••• goes in');
    expect(readdirSync(join(dir, 'secret-out', 'scenarios'))).toEqual(['01-check-out-as']);
    expect(shown(everything(join(dir, 'secret-out')))).toEqual([]);

    // A mistake on the paper that quotes a secret is said with ••• in its place.
    writeFileSync(join(dir, 'secret-wrong.txt'), readFileSync(join(dir, 'secret-filled.txt'), 'utf8').replace('Voucher ••• goes in', `Voucher ${secrets.SHOP_TOKEN} comes out`));
    const wrong = await cli(['guide', join(dir, 'secret.yaml'), '--read-back', join(dir, 'secret-wrong.txt'), '--out', join(dir, 'wrong-out'), '--no-predict', ...site], dir, secrets);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('step 2 is "Voucher ••• comes out" here');
    expect(shown(wrong.stdout + wrong.stderr)).toEqual([]);
  });

  it('the same scenario with no secrets keeps its names and addresses on paper, on the terminal and in the folder name', async () => {
    const printed = await cli(['guide', join(dir, 'plain.yaml'), '--checklist', join(dir, 'plain-paper.txt'), ...site], dir);
    expect(printed.code).toBe(0);
    const paper = readFileSync(join(dir, 'plain-paper.txt'), 'utf8');
    expect(paper).toContain('--- Step 2 of 3: Voucher tok9fKq2LmZ7xW goes in');
    expect(paper).toContain('Open http://127.0.0.1:9/misc.html?e=jane.q.shopper+vip@example.com&t=tok9fKq2LmZ7xW&o=739184');
    expect(paper).toContain('Tap text "Send 739184 to 5551234567"');
    expect(paper).not.toContain('•••');
    writeFileSync(join(dir, 'plain-filled.txt'), fill(paper, 'S-1', ['0:10', '0:20', '0:40'], ['6', '5', '2'], '4'));
    const read = await cli(['guide', join(dir, 'plain.yaml'), '--read-back', join(dir, 'plain-filled.txt'), '--out', join(dir, 'plain-out'), '--no-predict', ...site], dir);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('Voucher tok9fKq2LmZ7xW goes in');
    expect(readdirSync(join(dir, 'plain-out', 'scenarios'))).toEqual(['01-check-out-as-jane-q-shopper-vip-example-com']);
  });
});

describe('cx-shop guide in a browser, answered at the terminal', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('predicts with an automated run, walks the steps, asks the questions, and writes the guided report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-guide-run-'));
    const file = join(dir, 'mug.yaml');
    writeFileSync(file, SCENARIO);
    const child = spawn(process.execPath, [BIN, 'guide', file, '--shopper', 'S-9', '--base-url', server.url, '--out', join(dir, 'out'), '--headless'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    // The shopper's answers, each given when its question shows: a step said done (d), one they could not do (x).
    const script: Array<[RegExp, string]> = [
      [/Step 2 of 3/, 'd'],
      [/Your answer \(1-7/, '4'],
      [/A note/, 'The button gave no sign'],
      [/Step 3 of 3/, 'x'],
      [/Your answer \(1-7/, '1'],
      [/A note/, ''],
      [/Your answer \(1-7/, '2'],
      [/Anything else/, ''],
    ];
    let seenUpTo = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      while (script.length > 0) {
        const [pattern, answer] = script[0]!;
        const match = pattern.exec(out.slice(seenUpTo));
        if (!match) break;
        seenUpTo += match.index + match[0].length;
        script.shift();
        child.stdin.write(`${answer}\n`);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toContain('first an automated run');
    expect(code).toBe(0);
    expect(script).toEqual([]);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as Report;
    const [walked] = report.scenarios;
    expect(walked!.guided).toMatchObject({ shopper: 'S-9', via: 'browser', ease: 2 });
    // Said done without tapping: the expectation was not met, and the step failed.
    expect(walked!.steps.map((s) => [s.status, s.person?.said, s.person?.ease])).toEqual([
      ['passed', 'opened for them', null],
      ['failed', 'done', 4],
      ['blocked', 'could not', 1],
    ]);
    expect(walked!.steps[1]!.reason).toContain('the shopper said it was done, but expected to see "1 in cart"');
    expect(walked!.steps[1]!.person!.predicted).toMatchObject({ status: 'passed' });
    expect(out).toContain('perception gap: the automated run passed this step; the shopper could not do it');
  });
});
