/**
 * A guided run in real Chromium with a simulated person: a second driver acts on the same page as a shopper would
 * (trusted taps and keys), while cx-shop records and asks its questions through a stream standing in for the
 * terminal. The recorded counts, times and answers are checked, and so are the panel's places on the page.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioArtifacts } from '../../src/artifacts/types.js';
import { Prompter } from '../../src/guide/ask.js';
import { guideScenario } from '../../src/guide/session.js';
import { spearman } from '../../src/guide/stats.js';
import { judgeSaved } from '../../src/cli/judge.js';
import type { ScenarioResult } from '../../src/report/types.js';
import { runScenario, scenarioFolder } from '../../src/runner/run-scenario.js';
import { parseScenario } from '../../src/scenario/load.js';
import { startBrowser } from '../helpers/browser.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

let browser: Browser;
let server: FixtureServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([startBrowser(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const SCENARIO = `name: Buy a mug
device: Pixel 7
steps:
  - name: Open the shop
    goto: /guide/shop.html
  - name: Add the mug to the cart
    tap: { role: button, name: Add to cart }
    expect: { text: 1 in cart }
  - name: Give my email
    type: { label: Email, text: "\${env.SHOPPER_EMAIL}" }
  - name: Ask for gift wrap
    tap: { role: button, name: Gift wrap }
`;

function load(yaml: string) {
  const { scenario, problems } = parseScenario('mug.yaml', yaml, { SHOPPER_EMAIL: 'ann@example.com' });
  if (!scenario) throw new Error(problems.map((p) => p.message).join('\n'));
  return scenario;
}

/**
 * The terminal: cx-shop writes to `output`, the person answers on `input`. `onText` sees everything cx-shop wrote so
 * far and acts when a question or a step appears.
 */
function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  const listeners: Array<(all: string) => void> = [];
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener(text);
  });
  /** Resolves once `pattern` has appeared `count` times. */
  const seen = (pattern: string, count = 1) =>
    new Promise<void>((resolve) => {
      const check = (all: string) => {
        if (all.split(pattern).length - 1 >= count) resolve();
      };
      listeners.push(check);
      check(text);
    });
  return { input, output, seen, type: (line: string) => input.write(`${line}\n`), text: () => text };
}

/** A person tapping with a finger: a trusted touch at the middle of the element. */
async function tapOn(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

describe('cx-shop guide, with a simulated person', () => {
  let result: ScenarioResult;
  let outDir: string;
  let transcript: string;

  beforeAll(async () => {
    const scenario = load(SCENARIO);
    outDir = mkdtempSync(join(tmpdir(), 'cx-shop-guide-'));
    // The prediction: an automated run of the same scenario.
    const automated = await runScenario(browser, scenario, { baseUrl: server.url, outDir: join(outDir, 'predicted'), position: 0 });
    const predicted = { from: 'an automated run', steps: automated.steps.map((s) => ({ name: s.name, effort: s.effort, status: s.status })) };
    const term = terminal();
    const ask = new Prompter(term.input, term.output);
    let page!: Page;
    const person = (async () => {
      // Step 2: tap Add to cart; the expectation ("1 in cart") ends the step by itself.
      await term.seen('Step 2 of 4');
      await delay(300);
      await tapOn(page, '#add');
      await term.seen('Your answer (1-7', 1);
      term.type('5');
      await term.seen('A note', 1);
      term.type('');
      // Step 3: tap the field, type the email key by key, say it is done in the terminal.
      await term.seen('Step 3 of 4');
      await delay(300);
      await tapOn(page, '#email');
      await page.keyboard.type('ann@example.com', { delay: 20 });
      term.type('d');
      await term.seen('Your answer (1-7', 2);
      term.type('9');
      await term.seen('is not a number from 1 to 7');
      term.type('6');
      await term.seen('A note', 2);
      term.type('Easy, the keyboard had an @');
      // Step 4: the gift wrap button does nothing: three quick taps, then "I could not do it" in the panel.
      await term.seen('Step 4 of 4');
      await delay(300);
      for (let i = 0; i < 3; i += 1) {
        await tapOn(page, '#wrap');
        await delay(120);
      }
      await delay(2800);
      await page.getByRole('button', { name: 'I could not do it' }).click();
      await term.seen('Your answer (1-7', 3);
      term.type('2');
      await term.seen('A note', 3);
      term.type('');
      await term.seen('Your answer (1-7', 4);
      term.type('3');
      await term.seen('Anything else');
      term.type('The gift wrap button is broken');
    })();
    result = await guideScenario(
      browser,
      scenario,
      { baseUrl: server.url, outDir, shopper: 'S-001', predicted, pollMs: 200, onPage: (p) => void (page = p) },
      ask,
    );
    await person;
    transcript = term.text();
  });

  it('shows each step and its instructions in the terminal', () => {
    expect(transcript).toContain('Step 1 of 4: Open the shop');
    expect(transcript).toContain(`cx-shop opens ${server.url}/guide/shop.html for you`);
    expect(transcript).toContain('Tap button "Add to cart"');
    // The email is a secret: the shopper types the one they were given, and it is never shown.
    expect(transcript).toContain('Type the value you were given for this (not shown here) into field labelled "Email"');
    expect(transcript).not.toContain('ann@example.com');
    expect(transcript).toContain('"It was easy to add the mug to the cart."');
  });

  it('records how each step ended and what the person answered', () => {
    expect(result.guided).toMatchObject({ shopper: 'S-001', via: 'browser', ease: 3, note: 'The gift wrap button is broken', predictedFrom: 'an automated run' });
    expect(result.steps.map((s) => s.person?.said)).toEqual(['opened for them', 'expectation met', 'done', 'could not']);
    expect(result.steps.map((s) => s.person?.ease)).toEqual([null, 5, 6, 2]);
    expect(result.steps[2]!.person!.note).toBe('Easy, the keyboard had an @');
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'blocked']);
    expect(result.status).toBe('blocked');
  });

  it('counts what the hands did, never the panel: taps, keystrokes, dead and rage taps', () => {
    const [, add, email, wrap] = result.steps.map((s) => s.person!.counts);
    expect(add).toMatchObject({ taps: 1, deadTaps: 0, rageTaps: 0, keystrokes: 0 });
    expect(email).toMatchObject({ taps: 1, keystrokes: 15 });
    // Three taps on Gift wrap; the panel's button is not one of them.
    expect(wrap).toMatchObject({ taps: 3, deadTaps: 3, rageTaps: 3 });
    const rules = result.steps[3]!.findings.map((f) => f.rule);
    expect(rules).toContain('rage-tap');
    expect(rules).toContain('dead-tap');
    // The person's effort is judged from what they did, as a scripted run's is.
    expect(result.steps[2]!.effortBreakdown.keystrokes).toBeCloseTo(15 * 0.28, 5);
  });

  it('measures each step\'s time and puts the prediction beside it, with the perception gap', () => {
    for (const step of result.steps.slice(1)) expect(step.person!.seconds).toBeGreaterThan(0.2);
    // The gift wrap step took at least the three taps and the wait before giving up.
    expect(result.steps[3]!.person!.seconds).toBeGreaterThan(2.5);
    for (const step of result.steps) expect(step.person!.predicted).not.toBeNull();
    // The script tapped the dead button and went on; the person could not do it.
    expect(result.steps[3]!.person!.gap).toContain('the automated run passed this step; the shopper could not do it');
    expect(result.guided!.rankCorrelation === null || Math.abs(result.guided!.rankCorrelation) <= 1).toBe(true);
    // The run's rank correlation is that of the steps the person walked (not the one cx-shop opened for them).
    const walked = result.steps.filter((s) => s.person!.said !== 'opened for them');
    expect(result.guided!.rankCorrelation).toBe(spearman(walked.map((s) => s.person!.predicted!.effort), walked.map((s) => s.person!.seconds)));
  });

  it('saves the artifacts, judged again to the same result, with the secret typed never in them', async () => {
    const file = join(outDir, scenarioFolder(0, 'Buy a mug'), 'artifacts.json');
    const text = readFileSync(file, 'utf8');
    const saved = JSON.parse(text) as ScenarioArtifacts;
    expect(saved.driver).toBe('person');
    expect(text).not.toContain('ann@example.com');
    const [again] = await judgeSaved(outDir, [saved]);
    expect(again).toEqual(result);
  });
});

describe('the guide panel', () => {
  async function panelOn(path: string) {
    const scenario = load(`name: Look\ndevice: Pixel 7\nsteps:\n  - name: Open\n    goto: ${path}\n  - name: Look around\n    tap: Nothing\n`);
    const term = terminal();
    const ask = new Prompter(term.input, term.output);
    let page!: Page;
    const done = guideScenario(browser, scenario, { baseUrl: server.url, outDir: mkdtempSync(join(tmpdir(), 'cx-shop-panel-')), shopper: 'S-002', predicted: null, onPage: (p) => void (page = p) }, ask);
    await term.seen('Step 2 of 2');
    await delay(400);
    const place = await page.evaluate(() => window.__cxShopGuidePanel!.place());
    // Where the panel is, and the site's controls it lies over.
    const covered = await page.evaluate(() => {
      const host = document.querySelector('cx-shop-guide')!;
      const inner = host.shadowRoot!.querySelector('.panel:not([hidden]), .pill:not([hidden])')!.getBoundingClientRect();
      return Array.from(document.querySelectorAll('a[href], button, input'))
        .filter((el) => !el.closest('cx-shop-guide'))
        .map((el) => el.getBoundingClientRect())
        .filter((b) => b.width > 0 && b.left < inner.right && inner.left < b.right && b.top < inner.bottom && inner.top < b.bottom).length;
    });
    // A folded panel opens when tapped; then Done ends the step.
    if (place.startsWith('pill')) await page.getByRole('button', { name: 'Show the cx-shop guide' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    term.type('');
    term.type('');
    term.type('');
    term.type('');
    const result = await done;
    return { place, covered, result };
  }

  it('stays clear of the site\'s controls: above the fixed footer links of a shop page', async () => {
    const { place, covered, result } = await panelOn('/guide/shop.html');
    expect(place).toBe('top');
    expect(covered).toBe(0);
    // Pressing Done in the panel ended the step, and was not counted as a tap on the site.
    expect(result.steps[1]!.person).toMatchObject({ said: 'done', counts: { taps: 0 } });
  });

  it('keeps to the step\'s name and its buttons in a slim strip when a whole panel would cover a form', async () => {
    const { place, covered, result } = await panelOn('/guide/form.html');
    expect(place).toBe('compact bottom');
    expect(covered).toBe(0);
    expect(result.steps[1]!.person).toMatchObject({ said: 'done', counts: { taps: 0 } });
  });

  it('answers Done on a page whose old library turns arrays into strings for JSON (Prototype.js)', async () => {
    const { result } = await panelOn('/guide/shop.html?old-library');
    expect(result.steps[1]!.person).toMatchObject({ said: 'done', counts: { taps: 0 } });
  });

  it('folds to a round button in the one free corner of a page full of controls', async () => {
    const { place, covered, result } = await panelOn('/guide/crowded.html');
    expect(place).toBe('pill bottom-right');
    expect(covered).toBe(0);
    expect(result.steps[1]!.person!.counts.taps).toBe(0);
  });
});
