/**
 * A local site that misbehaves in every way a real one can, through the whole command in one run: refused, a 500
 * page, a 500 from an API mid-step, a response that never ends, a page that throws on load, one that navigates away
 * by itself, one whose main thread freezes, one that grows its DOM for ever, one that writes escape sequences. Each
 * scenario gets a status and a reason, the run goes on to the next, the report is whole, nothing hangs, no stack.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioArtifacts } from '../../src/artifacts/types.js';
import type { Report } from '../../src/report/types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const page = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main>${body}</main><script>${script}</script></body></html>`;

const PAGES: Record<string, (res: ServerResponse) => void> = {
  '/page-500': (res) => res.writeHead(500, { 'content-type': 'text/html' }).end(page('Error', '<h1>Something went wrong</h1>')),
  '/api-500': (res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      page('Stock', '<h1>Stock</h1><button id="check" style="height:48px">Check stock</button><p id="out"></p>', "check.onclick = () => fetch('/api/broken').then((r) => { out.textContent = r.ok ? 'In stock' : 'Sorry, we could not check the stock. Please try again.'; });"),
    ),
  '/api/broken': (res) => res.writeHead(500).end('upstream down'),
  // Headers, a first piece of the page, and then nothing more, ever.
  '/never-ends': (res) => res.writeHead(200, { 'content-type': 'text/html' }).write('<!doctype html><html><head><title>Loading</title></head><body><h1>Loading'),
  '/throws-on-load': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Shop', '<h1>Shop</h1><p>Welcome to the shop.</p>', 'window.analytics.track("load");')),
  '/navigates-away': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Offer', '<h1>Offer</h1><button style="height:48px">Take the offer</button>', "setTimeout(() => { location.href = '/elsewhere'; }, 200);")),
  '/elsewhere': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Elsewhere', '<h1>Somewhere else</h1><p>You were sent here.</p>')),
  '/freeze': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Freeze', '<h1>Checkout</h1><button style="height:48px">Place order</button>', 'document.querySelector("button").onclick = () => { for (;;) {} };')),
  // Adds a thousand links every 20 ms for as long as the page lives.
  '/grows': (res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      page('Feed', '<h1>Feed</h1><button style="height:48px">More</button><div id="feed"></div>', "setInterval(() => { const f = document.createDocumentFragment(); for (let i = 0; i < 1000; i++) { const a = document.createElement('a'); a.href = '#item' + i; a.textContent = 'Item ' + i; f.append(a); } feed.append(f); }, 20);"),
    ),
  '/escapes': (res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(page('\u001b]0;pwned\u0007\u001b[2JShop', '<h1>Shop\u001b[31m red</h1><button style="height:48px">Buy\u001b[2J now</button><p id="m"></p>', 'document.querySelector("button").onclick = () => { m.setAttribute("role", "alert"); m.textContent = "Sold out\\u001b[2J\\u001b]0;owned\\u0007"; };')),
};

let server: Server;
let url: string;
let closedPort: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    const handler = PAGES[new URL(req.url ?? '/', 'http://x').pathname];
    if (handler) handler(res);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nobody listens on: connections to it are refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const SCENARIOS: Record<string, string> = {
  '01-refused': `name: Refused\nsteps:\n  - name: Open\n    goto: http://127.0.0.1:{closed}/\n  - name: Look\n    expect: { text: Shop }\n`,
  '02-page-500': 'name: Page 500\nsteps:\n  - name: Open\n    goto: /page-500\n',
  '03-api-500': 'name: API 500 mid-step\nsteps:\n  - name: Open\n    goto: /api-500\n  - name: Check\n    tap: Check stock\n',
  '04-never-ends': 'name: Never ends\nsteps:\n  - name: Open\n    goto: /never-ends\n  - name: Read\n    expect: { text: Welcome }\n',
  '05-throws': 'name: Throws on load\nsteps:\n  - name: Open\n    goto: /throws-on-load\n    expect: { text: Welcome }\n',
  '06-navigates': 'name: Navigates away\nsteps:\n  - name: Open\n    goto: /navigates-away\n  - name: Take it\n    tap: Take the offer\n',
  '07-freeze': 'name: Freezes\nsteps:\n  - name: Open\n    goto: /freeze\n  - name: Order\n    tap: Place order\n  - name: After\n    goto: /elsewhere\n',
  '08-grows': 'name: Grows\nsteps:\n  - name: Open\n    goto: /grows\n  - name: More\n    tap: More\n',
  '09-escapes': 'name: Escapes\nsteps:\n  - name: Open\n    goto: /escapes\n  - name: Buy\n    tap: { role: button }\n',
  '10-after': 'name: After all that\nsteps:\n  - name: Open\n    goto: /elsewhere\n    expect: { text: Somewhere else }\n',
};

describe('a site that misbehaves in every way', () => {
  it('gives each scenario a status and a reason, goes on, writes the whole report, and never hangs or prints a stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-misbehaving-'));
    for (const [name, yaml] of Object.entries(SCENARIOS)) writeFileSync(join(dir, `${name}.yaml`), `timeout: 3000\n${yaml.replace('{closed}', String(closedPort))}`);
    const out = join(dir, 'out');
    const started = Date.now();
    const ran = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/cx-shop.js'), 'run', dir, '--base-url', url, '--out', out], { env: { ...process.env, CI: '1', NO_COLOR: '1' } });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (code) => resolve({ code, output }));
    });
    const seconds = (Date.now() - started) / 1000;

    expect(ran.output).not.toMatch(/\n\s+at .*:\d+|cx-shop crashed/);
    // Nothing the pages wrote reached the terminal as an escape sequence or control character.
    expect(ran.output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect([1, 3]).toContain(ran.code);

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    const byName = Object.fromEntries(report.scenarios.map((s) => [s.name, s]));
    expect(Object.keys(byName)).toHaveLength(Object.keys(SCENARIOS).length);
    for (const scenario of report.scenarios) {
      if (scenario.status !== 'passed') expect(scenario.reason ?? scenario.steps.find((s) => s.reason)?.reason, scenario.name).toBeTruthy();
    }
    const statuses = (name: string) => byName[name]!.steps.map((s) => s.status);
    const rules = (name: string) => byName[name]!.steps.flatMap((s) => s.findings.map((f) => f.rule));

    expect(byName.Refused!.status).not.toBe('passed');
    expect(byName.Refused!.steps[0]!.reason).toMatch(/ERR_CONNECTION_REFUSED|refused/i);
    expect(rules('Page 500')).toContain('failed-request');
    expect(rules('API 500 mid-step')).toContain('failed-request');
    // The first piece of the page shows ("Loading"), and is used as it is once the wait is over; what never came
    // is never seen.
    expect(statuses('Never ends')).toEqual(['passed', 'failed']);
    expect(byName['Never ends']!.steps[1]!.reason).toBe('expected to see "Welcome"');
    expect(rules('Throws on load')).toContain('page-error');
    expect(byName['Navigates away']!.steps).toHaveLength(2);
    expect(statuses('Freezes')).toEqual(['passed', 'error', 'skipped']);
    expect(byName.Freezes!.steps[1]!.reason).toContain('the page stopped answering');
    expect(byName['After all that']!.status).toBe('passed');

    // A page that grows for ever still gives a snapshot and artifacts of bounded size.
    expect(statuses('Grows')[0]).toBe('passed');
    const grows = join(out, 'scenarios', '08-grows', 'artifacts.json');
    expect(statSync(grows).size).toBeLessThan(8_000_000);
    const artifacts = JSON.parse(readFileSync(grows, 'utf8')) as ScenarioArtifacts;
    for (const step of artifacts.steps) expect(step.page?.targets.length ?? 0).toBeLessThanOrEqual(2000);
    expect(artifacts.steps).not.toHaveLength(0);

    console.log(`misbehaving site: ${report.scenarios.length} scenarios kept of ${Object.keys(SCENARIOS).length}, statuses ${report.scenarios.map((s) => s.status).join(', ')}, in ${seconds.toFixed(0)} s`);
  });
});

describe('the scenario watchdog', () => {
  it('ends a scenario that runs past --scenario-timeout with a reason, keeps its earlier steps, and the run goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-watchdog-'));
    // Each action may take a minute: only the scenario's own limit can stop the wait for a page that never ends.
    writeFileSync(join(dir, '1-stuck.yaml'), 'name: Stuck\ntimeout: 60000\nsteps:\n  - name: Open\n    goto: /elsewhere\n  - name: Wait for ever\n    goto: /never-ends\n');
    writeFileSync(join(dir, '2-next.yaml'), 'name: Next\nsteps:\n  - name: Open\n    goto: /elsewhere\n    expect: { text: Somewhere else }\n');
    const out = join(dir, 'out');
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/cx-shop.js'), 'run', dir, '--base-url', url, '--out', out, '--scenario-timeout', '10'], { env: { ...process.env, CI: '1' }, stdio: 'ignore' });
      child.on('close', resolve);
    });
    const seconds = (Date.now() - started) / 1000;
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    const [stuck, next] = report.scenarios;
    // A scenario cx-shop could not finish measuring is an error of the run: exit 3.
    expect(code).toBe(3);
    expect(stuck!.status).toBe('error');
    expect(stuck!.reason).toContain('ran for more than 10 s');
    // The step under way is the one cut short, with how long it ran and what the customer waited there; none after it ran.
    expect(stuck!.steps.map((s) => [s.status, s.reason ?? null])).toEqual([
      ['passed', null],
      ['error', expect.stringMatching(/^cut short by --scenario-timeout after \d+ s$/)],
    ]);
    // How long it ran: what was left of the 10 s once the browser had started and the first step was done.
    expect(Number(/after (\d+) s/.exec(stuck!.steps[1]!.reason!)![1])).toBeLessThanOrEqual(10);
    // The customer waited there for the page that never came (most of what was left of the 10 s, less on a loaded machine).
    expect(stuck!.steps[1]!.wait).toBeGreaterThan(2);
    expect(next!.status).toBe('passed');
    // Well before the minute the stuck action could have taken on its own.
    expect(seconds).toBeLessThan(55);
  });
});
