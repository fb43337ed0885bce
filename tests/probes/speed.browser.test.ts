/**
 * The speed probes in real Chromium against fixture pages that do known things: a busy button, a late
 * layout shift, a click handler that blocks the next paint, a quick page. Only lower bounds are asserted:
 * the machine is shared, so timings vary upwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright';
import { installSpeedProbes, pageClock, readLongTasks, readVitals } from '../../src/probes/speed.js';
import { startBrowser } from '../helpers/browser.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

let browser: Browser;
let server: FixtureServer;
let context: BrowserContext;

beforeAll(async () => {
  [browser, server] = await Promise.all([startBrowser(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});
afterEach(async () => {
  await context?.close();
});

async function open(fixture: string, touch = false): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, hasTouch: touch });
  await installSpeedProbes(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/speed/${fixture}`);
  return page;
}

/** Vitals arrive from observers and idle callbacks after the fact; this waits for the one wanted. */
async function vitalOnceReported(page: Page, name: 'lcpMs' | 'cls' | 'inpMs') {
  await expect.poll(async () => (await readVitals(page))[name], { timeout: 10_000 }).not.toBeNull();
  return readVitals(page);
}

describe('long tasks', () => {
  it('finds the 400 ms task a button runs, relative to the mark, and not the start-up task before it', async () => {
    const page = await open('busy.html');
    const longest = async (since: number) => Math.max(0, ...(await readLongTasks(page, since)).map((task) => task.durationMs));
    await expect.poll(() => longest(0), { timeout: 10_000 }).toBeGreaterThanOrEqual(120);
    const mark = await pageClock(page);
    await page.getByRole('button', { name: 'Run report' }).click();
    await expect.poll(() => longest(mark), { timeout: 10_000 }).toBeGreaterThanOrEqual(400);
    const tasks = await readLongTasks(page, mark);
    expect(tasks.every((task) => task.startMs >= 0)).toBe(true);

    // With a mark of 0 the starts are on the page clock itself: the start-up task lies before the mark.
    const all = await readLongTasks(page, 0);
    expect(all.some((task) => task.startMs < mark && task.durationMs >= 120)).toBe(true);
    expect(all.filter((task) => task.startMs >= mark)).toHaveLength(tasks.length);
  });

  it('sees no long task on a quick page after a quick tap', async () => {
    const page = await open('quick.html');
    const mark = await pageClock(page);
    await page.getByRole('button', { name: 'Show amounts' }).click();
    await page.getByText('10, 25 or 50 euros.').waitFor();
    // A vitals read waits for a frame and idle time: by then any long task of the tap has been reported.
    await readVitals(page);
    expect(await readLongTasks(page, mark)).toEqual([]);
  });
});

describe('web vitals', () => {
  it('a banner inserted above the content after load gives a CLS over 0.1', async () => {
    const page = await open('shift.html');
    await page.locator('#banner').waitFor();
    await expect.poll(async () => (await readVitals(page)).cls ?? 0, { timeout: 10_000 }).toBeGreaterThan(0.1);
  });

  it('a quick page reports CLS 0 and an LCP', async () => {
    const page = await open('quick.html');
    const { cls } = await vitalOnceReported(page, 'cls');
    expect(cls).toBe(0);
    const { lcpMs } = await vitalOnceReported(page, 'lcpMs');
    expect(lcpMs).toBeGreaterThan(0);
  });

  it('a click whose handler blocks 600 ms gives an INP of at least 500 ms', async () => {
    const page = await open('slow-click.html');
    expect((await readVitals(page)).inpMs).toBeNull();
    await page.getByRole('button', { name: 'Add to basket' }).click();
    await page.getByText('1 item').waitFor();
    const { inpMs } = await vitalOnceReported(page, 'inpMs');
    expect(inpMs).toBeGreaterThanOrEqual(500);
  });

  it('a tap on a touch screen counts as an interaction too', async () => {
    const page = await open('slow-click.html', true);
    await page.getByRole('button', { name: 'Add to basket' }).tap();
    await page.getByText('1 item').waitFor();
    // A touch screen's press may be drawn before its click is handled: the press alone is reported first (a few ms),
    // then the whole interaction.
    await expect.poll(async () => (await readVitals(page)).inpMs ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(500);
  });
});

describe('reads never throw', () => {
  it('give nulls and empty lists on a page that has none of the probes, is navigating or is closed', async () => {
    context = await browser.newContext();
    const bare = await context.newPage();
    await bare.goto(`${server.url}/speed/quick.html`);
    expect(await readVitals(bare)).toEqual({ lcpMs: null, cls: null, inpMs: null });
    expect(await readLongTasks(bare, 0)).toEqual([]);

    const page = await open('quick.html');
    const navigation = page.goto(`${server.url}/slow?ms=1500`);
    const reads = await Promise.all([readVitals(page), readLongTasks(page, 0), pageClock(page)]);
    expect(reads[2]).toBeGreaterThan(0);
    await navigation;

    await page.close();
    expect(await readVitals(page)).toEqual({ lcpMs: null, cls: null, inpMs: null });
    expect(await readLongTasks(page, 0)).toEqual([]);
    expect(await pageClock(page)).toBeGreaterThan(0);
  });
});
