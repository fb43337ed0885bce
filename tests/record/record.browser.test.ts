/**
 * `cx-shop record` in real Chromium: a simulated person (a second driver on the same page) does a checkout on a
 * single-page shop with placeholder-only fields and an icon-only cart link; the recorded scenario validates, names
 * elements in the customer's terms, keeps the secret out, and replays to the same end state.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordJourney } from '../../src/record/session.js';
import { scenarioFromActs } from '../../src/record/to-scenario.js';
import { runScenario, scenarioFolder } from '../../src/runner/run-scenario.js';
import type { ScenarioArtifacts } from '../../src/artifacts/types.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { RecordedAct } from '../../src/record/in-page.js';
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

/** What recordJourney hears while `person` drives the page it opened, until the person is done. */
async function recordWhile(url: string, person: (page: Page) => Promise<void>): Promise<RecordedAct[]> {
  let finish!: () => void;
  const until = new Promise<void>((resolve) => (finish = resolve));
  return recordJourney(browser, url, { device: 'Pixel 7', testIdAttribute: 'data-testid', until, onPage: (page) => void person(page).then(finish) });
}

describe('cx-shop record', () => {
  let acts: RecordedAct[];
  let yaml: string;
  let notes: string[];
  let endText: string;

  beforeAll(async () => {
    const person = async (page: Page) => {
      // The person's hands: trusted taps and keys on the page cx-shop is watching.
      await page.getByRole('link', { name: 'Linen shirt' }).tap();
      await page.getByRole('button', { name: 'Add to cart' }).tap();
      await page.getByRole('link', { name: 'Cart' }).tap();
      await page.getByRole('link', { name: 'Checkout' }).tap();
      await page.getByPlaceholder('Email').tap();
      await page.keyboard.type('ann@example.com');
      await page.getByPlaceholder('Postcode').tap();
      await page.keyboard.type('SW1A 1AA');
      await page.getByRole('button', { name: 'Pay now' }).tap();
      await page.getByText('Thank you').waitFor();
      endText = await page.locator('main').innerText();
    };
    acts = await recordWhile(`${server.url}/spa/index.html`, person);
    ({ yaml, notes } = scenarioFromActs(acts, { startUrl: `${server.url}/spa/index.html`, device: 'Pixel 7', name: 'Buy a linen shirt' }));
  });

  it('writes a step per act, named from what was done, with locators in the customer\'s terms', () => {
    const { scenario, problems } = parseScenario('recorded.yaml', yaml, {});
    expect(problems).toEqual([]);
    expect(scenario!.steps.map((s) => s.name)).toEqual([
      // The shop puts its address in order as it loads: the page the person saw.
      'Open /spa/',
      'Tap "Linen shirt"',
      'Tap "Add to cart"',
      'Tap "Cart"',
      'Tap "Checkout"',
      'Type into "Email"',
      'Type into "Postcode"',
      'Tap "Pay now"',
    ]);
    const args = scenario!.steps.map((s) => s.actions[0]!.args);
    expect(args[1]).toEqual({ role: 'link', name: 'Linen shirt', exact: true });
    // The icon-only cart link by its accessible name, the fields by their placeholders: no CSS, no test ids.
    expect(args[3]).toEqual({ role: 'link', name: 'Cart', exact: true });
    expect(args[5]).toMatchObject({ placeholder: 'Email', text: 'ann@example.com' });
    expect(yaml).not.toMatch(/css:|testId:/);
    expect(notes).toEqual([]);
  });

  it('replays to the same end state', async () => {
    const { scenario } = parseScenario('recorded.yaml', yaml, {});
    const outDir = mkdtempSync(join(tmpdir(), 'cx-shop-replay-'));
    const result = await runScenario(browser, scenario!, { baseUrl: server.url, outDir, position: 0 });
    expect(result.steps.map((s) => s.status)).toEqual(Array(8).fill('passed'));
    // The page the replay ends on says what the person's ended on.
    const saved = JSON.parse(readFileSync(join(outDir, scenarioFolder(0, scenario!.name), 'artifacts.json'), 'utf8')) as ScenarioArtifacts;
    const last = saved.steps.at(-1)!;
    expect(endText).toContain('Thank you');
    expect(last.page!.pageText).toContain('Thank you');
    expect(new URL(last.url).pathname).toBe(new URL(acts.filter((a) => a.kind === 'document').at(-1)!.url).pathname);
  });

  it('never writes out a value typed into a secret field', () => {
    const secretActs: RecordedAct[] = [
      { kind: 'document', how: 'navigate', t: 0, url: 'https://shop.example/login' },
      { kind: 'type', locator: { label: 'Password', exact: true }, words: 'Password', value: 'hunter2', secret: true, t: 10, url: 'https://shop.example/login' },
    ];
    const recorded = scenarioFromActs(secretActs, { startUrl: 'https://shop.example/login', device: 'Pixel 7' });
    expect(recorded.yaml).not.toContain('hunter2');
    expect(recorded.yaml).toContain('${env.CX_SHOP_SECRET_1}');
    expect(recorded.notes[0]).toContain('set CX_SHOP_SECRET_1');
  });

  it('goes on in a tab the person\'s tap opened, and closing it is their going back: the scenario replays that way', async () => {
    const person = async (page: Page) => {
      // The page's own advert opens a tab as it loads: the person's tab is the tracking one.
      const tracking = page.waitForEvent('popup', { predicate: (tab) => tab.url().includes('tracking') });
      await page.getByRole('link', { name: 'Track my parcel' }).tap();
      const tab = await tracking;
      await tab.getByRole('button', { name: 'Text me when it is close' }).tap();
      await tab.getByText('We will text you').waitFor();
      await tab.close();
      await page.getByRole('button', { name: 'View invoice' }).tap();
      await new Promise((resolve) => setTimeout(resolve, 500));
    };
    const tabActs = await recordWhile(`${server.url}/tabs/order.html`, person);
    const recorded = scenarioFromActs(tabActs, { startUrl: `${server.url}/tabs/order.html`, device: 'Pixel 7', name: 'Track my parcel' });
    const { scenario, problems } = parseScenario('recorded.yaml', recorded.yaml, {});
    expect(problems).toEqual([]);
    expect(scenario!.steps.map((s) => s.name)).toEqual([
      'Open /tabs/order.html',
      'Tap "Track my parcel"',
      'Tap "Text me when it is close"',
      'Go back',
      'Tap "View invoice"',
    ]);
    const outDir = mkdtempSync(join(tmpdir(), 'cx-shop-replay-'));
    const result = await runScenario(browser, scenario!, { baseUrl: server.url, outDir, position: 0 });
    expect(result.steps.map((s) => [s.status, new URL(s.url).pathname])).toEqual([
      ['passed', '/tabs/order.html'],
      ['passed', '/tabs/tracking.html'],
      ['passed', '/tabs/tracking.html'],
      ['passed', '/tabs/order.html'],
      ['passed', '/tabs/invoice.html'],
    ]);
  });
});
