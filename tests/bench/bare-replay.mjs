#!/usr/bin/env node
/**
 * The benchmark's yardstick: the same scenarios' actions replayed with plain Playwright, one browser, a context per
 * scenario with its device, and nothing measured (no recorder, no pictures, no rules, no variant tries). What
 * cx-shop costs on top of driving the browser is its run time against this one.
 *
 *   node tests/bench/bare-replay.mjs BASE_URL FILE...
 */
import { readFile } from 'node:fs/promises';
import { chromium, devices } from 'playwright';
import { findBrowser } from '../../dist/browser/find.js';
import { chromiumArgs } from '../../dist/browser/launch.js';
import { parseScenario } from '../../dist/scenario/load.js';

const [baseUrl, ...files] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: findBrowser().executablePath, args: chromiumArgs() });
const env = new Proxy({}, { get: () => 'bench-secret' });

function locate(page, l, testIdAttribute) {
  const exact = l.exact ?? false;
  let found;
  if (l.role) found = page.getByRole(l.role, l.name ? { name: l.name, exact } : {});
  else if (l.label) found = page.getByLabel(l.label, { exact });
  else if (l.text) found = page.getByText(l.text, { exact });
  else if (l.placeholder) found = page.getByPlaceholder(l.placeholder, { exact });
  else if (l.testId) found = page.locator(`[${testIdAttribute}=${JSON.stringify(l.testId)}]`);
  else found = page.locator(l.css);
  return found.filter({ visible: true }).nth(l.nth ?? 0);
}

async function act(page, action, args, touch, testIdAttribute) {
  const find = (l) => locate(page, l, testIdAttribute);
  const press = (el) => (touch ? el.tap() : el.click());
  switch (action) {
    case 'goto':
      return page.goto(new URL(args, baseUrl).href, { waitUntil: 'load' });
    case 'tap':
      return press(find(args));
    case 'hover':
      return find(args).hover();
    case 'type': {
      const { text, code: _c, clear: _k, ...l } = args;
      return find(l).fill(text);
    }
    case 'select': {
      const { option, ...l } = args;
      return find(l).selectOption((Array.isArray(option) ? option : [option]).map((label) => ({ label })));
    }
    case 'check': {
      const { checked, ...l } = args;
      return checked === false ? find(l).uncheck() : find(l).check();
    }
    case 'press':
      for (let i = 0; i < (args.times ?? 1); i += 1) await page.keyboard.press(args.key);
      return;
    case 'scroll':
      if (args.to) return find(args.to).scrollIntoViewIfNeeded();
      return page.mouse.wheel(0, args.bottom ? 100_000 : args.by);
    case 'read':
      return find(args).innerText();
    case 'back':
      return page.goBack({ waitUntil: 'load' });
    case 'wait':
      if ('ms' in args) return page.waitForTimeout(args.ms);
      if ('text' in args) return page.getByText(args.text).first().waitFor();
      if ('url' in args) return page.waitForURL((u) => u.toString().includes(args.url));
      return find(args.visible).waitFor();
    case 'promo':
      await find(args.field).fill(args.code);
      await press(find(args.apply));
      return page.getByText(args.accepted).first().waitFor();
    case 'invoice':
      if (args.download) {
        const [download] = await Promise.all([page.waitForEvent('download'), press(find(args.download))]);
        return download.path();
      }
      if (args.file) return readFile(args.file);
      return page.locator('body').innerText();
    default:
      throw new Error(`the bare replay does not know ${action}`);
  }
}

/**
 * The step's (and scenario's) injected faults, as plain routes: the same failures, nothing recorded. The step is over
 * once each fault has met its request (5 s at most): a tap returns before the page sends what it asks, and a route
 * taken away first would let the request through (the payment that was to fail goes through, and the next step's
 * "Place order" is never there to tap). A fault whose request never comes costs its step those 5 s: none of the
 * benchmark's scenarios has one.
 */
async function withFaults(context, faults, work) {
  if (!faults || faults.length === 0) return work();
  const matcher = (pattern) => {
    const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
    return regex && /[.*+?^${}()|[\]\\]/.test(regex[1]) ? (url) => new RegExp(regex[1], regex[2]).test(url) : (url) => url.includes(pattern);
  };
  const routes = [];
  const met = [];
  for (const fault of faults) {
    if (fault.offline) {
      await context.setOffline(true);
      continue;
    }
    const matches = matcher(fault.match);
    let meet;
    met.push(new Promise((resolve) => (meet = resolve)));
    const handler = async (route) => {
      if (fault.method && route.request().method() !== fault.method) return route.fallback();
      meet();
      if (fault.delay) await new Promise((resolve) => setTimeout(resolve, fault.delay));
      if (fault.drop) return route.abort();
      if (fault.status) return route.fulfill({ status: fault.status, body: fault.body ?? '' });
      return route.fallback();
    };
    const predicate = (url) => matches(url.toString());
    await context.route(predicate, handler, fault.times ? { times: fault.times } : undefined);
    routes.push([predicate, handler]);
  }
  try {
    await work();
    let timer;
    await Promise.race([Promise.all(met), new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
  } finally {
    await context.setOffline(false);
    for (const [predicate, handler] of routes) await context.unroute(predicate, handler).catch(() => undefined);
  }
}

for (const file of files) {
  const { scenario, problems } = parseScenario(file, await readFile(file, 'utf8'), env);
  if (!scenario) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
  const { defaultBrowserType: _d, ...profile } = devices[scenario.device];
  const context = await browser.newContext({ ...profile, acceptDownloads: true });
  const page = await context.newPage();
  try {
    for (const step of scenario.steps) {
      await withFaults(context, [...(scenario.faults ?? []), ...(step.faults ?? [])], async () => {
        for (const { action, args } of step.actions) await act(page, action, args, profile.hasTouch ?? false, scenario.testIdAttribute);
      });
      if (step.expect?.text) for (const text of [step.expect.text].flat()) await page.getByText(text).first().waitFor();
      if (step.expect?.url) await page.waitForURL((u) => u.toString().includes(step.expect.url));
    }
  } catch (error) {
    process.stderr.write(`${file}: ${String(error).split('\n')[0]}\n`);
    process.exitCode = 1;
  } finally {
    await context.close();
  }
}
await browser.close();
