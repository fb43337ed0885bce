#!/usr/bin/env node
/**
 * cx-shop's benchmark: figures, not a test. Whole processes, timed side by side and alternating so the machine's
 * noise falls on both:
 *   - the bundled scenarios against the fixed demo shop, by cx-shop (one worker, and two) and by a bare Playwright
 *     replay of the same actions with nothing measured (bare-replay.mjs); medians, the ratio, peak memory and
 *     processor time;
 *   - a single-page shop's 12-step checkout (spa-checkout.yaml), the same way;
 *   - six fields typed into on a long page of 3,600 elements (long-form.yaml, the page built below), the same way;
 *   - `cx-shop --help` start-up; `cx-shop validate` over 200 scenario files; `cx-shop judge` of saved artifacts.
 *
 *   npm run bench [-- --runs N]
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoShop } from '../../dist/demo-shop/server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const BIN = join(ROOT, 'bin/cx-shop.js');
const BARE = join(ROOT, 'tests/bench/bare-replay.mjs');
const work = mkdtempSync(join(tmpdir(), 'cx-shop-bench-'));

/** Clock ticks a second, in which /proc gives processor time (100 on Linux). */
const TICKS = 100;

/**
 * A process and all its children (the browser's too), from /proc: their memory in KiB, as proportional set size, so
 * pages the browser's processes share are counted once between them; and each one's processor time so far (user and
 * system, seconds), by process id.
 */
function sampleTree(pid) {
  const children = new Map();
  const cpu = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // Gone meanwhile.
    }
  }
  let pss = 0;
  const seconds = new Map();
  const visit = (p) => {
    try {
      const found = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'));
      pss += found ? Number(found[1]) : 0;
    } catch {
      return;
    }
    if (cpu.has(p)) seconds.set(p, cpu.get(p));
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return { pss, seconds };
}

/**
 * Runs a command to its end: wall milliseconds, peak memory of its process tree in MiB, the processor seconds of its
 * process tree, and its exit code. Processor time is each process's last reading: a process that ended (a closed
 * page's renderer) loses at most its last quarter second, so the figure is a little low, alike for both sides.
 */
function measure(args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let peak = 0;
    const seconds = new Map();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Every quarter second: reading /proc for every process more often slows what is measured.
    const poll = setInterval(() => {
      const now = sampleTree(child.pid);
      peak = Math.max(peak, now.pss);
      for (const [pid, used] of now.seconds) seconds.set(pid, Math.max(seconds.get(pid) ?? 0, used));
    }, 250);
    child.on('close', (code) => {
      clearInterval(poll);
      const cpu = [...seconds.values()].reduce((sum, used) => sum + used, 0);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, mib: peak / 1024, cpu, code, stderr });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * A page as long as a real shop's (about 3,600 elements): a checkout form of six labelled fields above a menu of 200
 * links and a list of 400 products, each with its picture, price, button and compare box. The demo shop's pages have
 * under 200 elements, and what grows with a page's size does not show there. Its pictures and links lead nowhere
 * (this server answers 404), so cx-shop's broken-image and broken-link checks have more to say than on a real shop.
 */
function longPage() {
  const fields = ['Full name', 'Email', 'Phone', 'Street', 'Town', 'Postcode'];
  const form = fields.map((name, i) => `<label for="f${i}">${name}</label><input id="f${i}" type="text">`).join('');
  const menu = Array.from({ length: 200 }, (_, i) => `<li><a href="/c/${i}">Category ${i}</a></li>`).join('');
  const list = Array.from(
    { length: 400 },
    (_, i) =>
      `<article><a href="/p/${i}"><img alt="Shirt ${i}" src="/p/${i}.png"><h3>Shirt number ${i}</h3></a><p>£${i}.00</p>` +
      `<button type="button">Add shirt ${i} to bag</button><label><input type="checkbox"> Compare</label></article>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Checkout</title></head><body><main><form>${form}<button type="button">Pay now</button></form><nav><ul>${menu}</ul></nav>${list}</main></body></html>`;
}

/** The fixture pages (the single-page shop) and the long page on 127.0.0.1, as the browser tests serve them. */
async function serveFixtures() {
  const pages = join(ROOT, 'tests/fixtures/pages');
  const long = longPage();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    if (req.method === 'POST') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    if (url.pathname === '/bench/long-form.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(long);
    if (url.pathname.startsWith('/spa/') && extname(url.pathname) === '') url.pathname = '/spa/index.html';
    const path = normalize(join(pages, url.pathname));
    let body;
    try {
      body = readFileSync(path);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** cx-shop and the bare replay of the same files, alternating, RUNS times each. */
async function sideBySide(title, baseUrl, files, extra = []) {
  const variants = [
    { name: 'bare Playwright replay', args: () => [BARE, baseUrl, ...files] },
    { name: 'cx-shop, 1 worker', args: (i) => [BIN, 'run', ...files, '--base-url', baseUrl, '--out', join(work, `out-1-${i}`), '--workers', '1'] },
    ...extra.map((workers) => ({ name: `cx-shop, ${workers} workers`, args: (i) => [BIN, 'run', ...files, '--base-url', baseUrl, '--out', join(work, `out-${workers}-${i}`), '--workers', String(workers)] })),
  ];
  const results = variants.map(() => []);
  for (let i = 0; i < RUNS; i += 1) {
    for (const [v, variant] of variants.entries()) {
      const result = await measure(variant.args(i));
      if (result.code !== 0 && !(variant.name.startsWith('cx-shop') && result.code === 1)) {
        process.stderr.write(`${variant.name} exited ${result.code}:\n${result.stderr}\n`);
      }
      results[v].push(result);
    }
  }
  const bare = median(results[0].map((r) => r.ms));
  console.log(`\n${title} (${RUNS} runs each, medians)`);
  const bareCpu = median(results[0].map((r) => r.cpu));
  console.log(`  ${'what'.padEnd(26)} ${'time'.padStart(9)} ${'× bare'.padStart(7)} ${'peak memory'.padStart(12)} ${'processor'.padStart(10)} ${'× bare'.padStart(7)}`);
  for (const [v, variant] of variants.entries()) {
    const ms = median(results[v].map((r) => r.ms));
    const mib = median(results[v].map((r) => r.mib));
    const cpu = median(results[v].map((r) => r.cpu));
    console.log(
      `  ${variant.name.padEnd(26)} ${s(ms).padStart(9)} ${(ms / bare).toFixed(2).padStart(7)} ${`${mib.toFixed(0)} MiB`.padStart(12)} ${`${cpu.toFixed(1)} s`.padStart(10)} ${(cpu / bareCpu).toFixed(2).padStart(7)}`,
    );
  }
}

async function simple(title, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const result = await measure(args);
    if (result.code !== 0) process.stderr.write(`${title} exited ${result.code}:\n${result.stderr}\n`);
    times.push(result.ms);
  }
  console.log(`  ${title.padEnd(44)} ${s(median(times)).padStart(9)}  (median of ${runs}, min ${s(Math.min(...times))})`);
}

const shop = await startDemoShop({ variant: 'fixed' });
const fixtures = await serveFixtures();
try {
  console.log(`cx-shop benchmark · node ${process.version} · ${new Date().toISOString()}`);
  const bundled = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f));
  await sideBySide(`Bundled scenarios on the fixed demo shop (${bundled.length} scenarios)`, shop.url, bundled, [2]);
  await sideBySide('Single-page shop, 12-step checkout', fixtures.url, ['tests/bench/spa-checkout.yaml']);
  await sideBySide('Six fields on a long page (3,600 elements)', fixtures.url, ['tests/bench/long-form.yaml']);

  console.log('\nCommands');
  await simple('cx-shop --help', [BIN, '--help'], 10);
  const many = join(work, 'many');
  mkdirSync(many);
  for (let i = 0; i < 200; i += 1) cpSync(join(ROOT, bundled[i % bundled.length]), join(many, `scenario-${String(i).padStart(3, '0')}.yaml`));
  await simple('cx-shop validate, 200 scenario files', [BIN, 'validate', many], 5);
  await simple(`cx-shop judge, saved artifacts of ${bundled.length} scenarios`, [BIN, 'judge', join(work, 'out-1-0')], 5);
} finally {
  await shop.close();
  fixtures.close();
  rmSync(work, { recursive: true, force: true });
}
