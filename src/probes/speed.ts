/**
 * Speed probes: Google's web-vitals library (LCP, CLS, INP) and a long-task observer, installed in every page
 * before its own scripts run, and read by the runner around each step. What they measure is timing, so it is
 * noisy: findings made from it are class 'timing' and stay out of the gate-able effort.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import type * as WebVitals from 'web-vitals';
import type { StepTiming } from '../artifacts/types.js';
import { inPageScript } from '../recorder/parties.js';
import { ask } from '../browser/ask.js';

/** What the page keeps; long-task starts are on the page clock of `pageClock`. */
interface SpeedRecord {
  lcpMs: number | null;
  cls: number | null;
  inpMs: number | null;
  longTasks: Array<{ start: number; duration: number }>;
}

declare global {
  interface Window {
    __cxShopSpeed?: SpeedRecord;
  }
}

/** A page left open for hours keeps only its latest long tasks. */
const MAX_LONG_TASKS = 1000;
/**
 * How long a vitals read waits for the page's pending measurement work, at most (twice this when hidden). An idle
 * moment comes within a few milliseconds of the frame on a page that has one; on a page that keeps its main thread
 * from idling (seen after a tap on a shop's product page), waiting longer gains nothing: web-vitals' own work waits
 * for the same idle moment, without a limit, and is read at a later step.
 */
const VITALS_SETTLE_MS = 60;
/** A read that takes longer than this is on a page that is busy navigating or hung: it reads as nothing. */
const READ_TIMEOUT_MS = 2000;

/** Runs in the page (serialised into the init script): it may only use what a browser has and its arguments. */
function recordSpeed(vitals: typeof WebVitals, maxLongTasks: number): void {
  // Frames report their long tasks to the top page; measuring inside them too would count twice.
  if (window !== window.top || window.__cxShopSpeed) return;
  const record: SpeedRecord = { lcpMs: null, cls: null, inpMs: null, longTasks: [] };
  window.__cxShopSpeed = record;
  // LCP is only final on the first input or when the page hides; every candidate is wanted before that.
  const options = { reportAllChanges: true };
  vitals.onLCP((metric) => (record.lcpMs = metric.value), options);
  vitals.onCLS((metric) => (record.cls = metric.value), options);
  vitals.onINP((metric) => (record.inpMs = metric.value), options);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        // Absolute time, so that a mark taken on one document still compares after a navigation.
        record.longTasks.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration });
      }
      if (record.longTasks.length > maxLongTasks) record.longTasks.splice(0, record.longTasks.length - maxLongTasks);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // A browser without long-task timing records none.
  }
}

/**
 * The page's globals as web-vitals reads them (it asks `globalThis` for its idle callbacks), but with the browser's
 * own idle callbacks, kept by the page helpers (see installSpeedProbes). Runs in the page.
 */
function globalsWithOwnIdle(): typeof globalThis {
  const idle = window.__cxShopLib?.natives.idle;
  if (!idle) return window;
  return new Proxy(window, {
    get: (w, key) => (key === 'requestIdleCallback' ? idle.request : key === 'cancelIdleCallback' ? idle.cancel : Reflect.get(w, key)),
  });
}

let webVitalsSource: Promise<string> | undefined;

/** The IIFE build of web-vitals: the package does not export it, so it is read from beside its main file. */
function loadWebVitals(): Promise<string> {
  const main = createRequire(import.meta.url).resolve('web-vitals');
  webVitalsSource ??= readFile(join(dirname(main), 'web-vitals.iife.js'), 'utf8');
  return webVitalsSource;
}

/** Adds web-vitals and a long-task observer to every page of the context (call before the first page opens). */
export async function installSpeedProbes(context: BrowserContext): Promise<void> {
  const library = await loadWebVitals();
  // Inside a function the library's `var webVitals` stays out of the page's own globals. Its idle work is cx-shop's
  // own: it asks the browser's idle callbacks, not the ones the recorder counts as the page's (see in-page.ts).
  await context.addInitScript({
    content: inPageScript(`const globalThis = (${globalsWithOwnIdle.toString()})();\n${library}\n;(${recordSpeed.toString()})(webVitals, ${MAX_LONG_TASKS});`),
  });
}

/** Web vitals so far on the current page (null where not yet reported): LCP and INP in ms, CLS unitless. */
export async function readVitals(page: Page): Promise<StepTiming['vitals']> {
  const vitals = await readSafely(
    page,
    async (settleMs) => {
      // web-vitals works out INP in idle time, and headless Chromium has none after an input until a frame is
      // asked for: ask for one, then let the queued idle work (web-vitals' first) run before reading.
      await new Promise((resolve) => {
        (window.__cxShopRecorder?.frame ?? requestAnimationFrame)(() => (window.__cxShopLib?.natives.idle?.request ?? requestIdleCallback)(resolve, { timeout: settleMs }));
        // cx-shop's own wait: a timer the page's count of pending timers leaves out (see recorder/in-page.ts).
        (window.__cxShopRecorder?.later ?? setTimeout)(() => resolve(undefined), settleMs * 2);
      });
      const record = window.__cxShopSpeed;
      return record ? { lcpMs: record.lcpMs, cls: record.cls, inpMs: record.inpMs } : null;
    },
    VITALS_SETTLE_MS,
  );
  return {
    lcpMs: vitals?.lcpMs == null ? null : Math.round(vitals.lcpMs),
    cls: vitals?.cls == null ? null : Math.round(vitals.cls * 10_000) / 10_000,
    inpMs: vitals?.inpMs == null ? null : Math.round(vitals.inpMs),
  };
}

/**
 * Long tasks (over 50 ms) that started on the current page since the given mark from `pageClock`, with their
 * start relative to it. Tasks of an earlier document in the step are not seen: its record went with it.
 */
export async function readLongTasks(page: Page, sinceMs: number): Promise<StepTiming['longTasks']> {
  const tasks = await readSafely(
    page,
    (since) => (window.__cxShopSpeed?.longTasks ?? []).filter((task) => task.start >= since),
    sinceMs,
  );
  return (tasks ?? []).map((task) => ({
    startMs: Math.round(task.start - sinceMs),
    durationMs: Math.round(task.duration),
  }));
}

/**
 * The page's clock now, to mark the start of a step: `performance.timeOrigin + performance.now()`, in ms.
 * Unlike `performance.now()` alone it does not restart with each document, so a mark survives a navigation;
 * when the page cannot answer, the machine's clock (the same epoch) stands in.
 */
export async function pageClock(page: Page): Promise<number> {
  return (await readSafely(page, () => performance.timeOrigin + performance.now())) ?? Date.now();
}

/** Evaluates in the page; a page that is closed, navigating or hung gives null instead of an error. */
async function readSafely<T>(page: Page, read: (arg: number) => T | Promise<T>, arg = 0): Promise<T | null> {
  if (page.isClosed()) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), READ_TIMEOUT_MS)));
  try {
    return await Promise.race([ask(page, read, arg).catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
