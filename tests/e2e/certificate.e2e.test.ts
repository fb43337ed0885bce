/**
 * A staging site with a certificate of its own (self-signed, as a team's in-house one is to the browser), through the
 * whole command: without --ignore-https-errors the journey stops at its first page and says what to do; with it, the
 * journey runs, and its links are asked for as the browser opens them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioArtifacts } from '../../src/artifacts/types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TLS = join(ROOT, 'tests/fixtures/tls');

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Staging shop</title><style>body{font:16px/1.5 sans-serif;padding:16px} button,a{display:inline-block;min-height:48px;min-width:160px}</style></head>
<body><main><h1>Linen shirt</h1><p><a href="/delivery">Delivery and returns</a></p>
<button id="add">Add to bag</button><p id="bag" role="status"></p></main>
<script>document.getElementById('add').addEventListener('click', () => { document.getElementById('bag').textContent = 'Added to your bag'; });</script>
</body></html>`;

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer({ key: readFileSync(join(TLS, 'self-signed.key')), cert: readFileSync(join(TLS, 'self-signed.crt')) }, (req, res) => {
    if (req.url === '/delivery') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Delivery</title><h1>Delivery</h1>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs cx-shop; `answers` are typed, each when the output shows its question (a guided run's shopper). */
function run(args: string[], answers: Array<[RegExp, string]> = []): Promise<{ code: number | null; stderr: string; unanswered: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/cx-shop.js'), ...args], { cwd: ROOT, env: { ...process.env, CI: '1', NO_COLOR: '1' } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      while (answers.length > 0) {
        const match = answers[0]![0].exec(stdout);
        if (!match) break;
        stdout = stdout.slice(match.index + match[0].length);
        child.stdin.write(`${answers.shift()![1]}\n`);
      }
    });
    child.on('close', (code) => resolve({ code, stderr, unanswered: answers.length }));
  });
}

const scenario = ['name: Add a shirt on staging', 'steps:', '  - name: Open it', '    goto: /', '  - name: Add it', '    tap: Add to bag', '    expect: { text: Added to your bag }', ''].join('\n');

describe('a staging site whose certificate the browser does not trust', () => {
  it('stops at the first page with what to do; with --ignore-https-errors it runs, and its links are checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-certificate-'));
    writeFileSync(join(dir, 'staging.yaml'), scenario);
    const refused = await run(['run', join(dir, 'staging.yaml'), '--base-url', baseUrl, '--out', join(dir, 'refused'), '--workers', '1']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const stopped = JSON.parse(readFileSync(join(dir, 'refused/report.json'), 'utf8'));
    expect(stopped.scenarios[0].steps[0].status).toBe('error');
    expect(stopped.scenarios[0].steps[0].reason).toMatch(/ERR_CERT_AUTHORITY_INVALID.*--ignore-https-errors/);

    const trusted = await run(['run', join(dir, 'staging.yaml'), '--base-url', baseUrl, '--out', join(dir, 'trusted'), '--workers', '1', '--ignore-https-errors']);
    expect(trusted.stderr).not.toMatch(/\n\s+at /);
    expect(trusted.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'trusted/report.json'), 'utf8'));
    expect(report.scenarios[0].steps.map((s: { status: string }) => s.status)).toEqual(['passed', 'passed']);
    expect(report.scenarios[0].steps.flatMap((s: { findings: Array<{ rule: string }> }) => s.findings.map((f) => f.rule))).not.toContain('broken-link');
    const [folder] = readdirSync(join(dir, 'trusted/scenarios'));
    const artifacts = JSON.parse(readFileSync(join(dir, 'trusted/scenarios', folder!, 'artifacts.json'), 'utf8')) as ScenarioArtifacts;
    expect(artifacts.steps[0]!.links.map((l) => [new URL(l.href).pathname, l.status])).toEqual([['/delivery', 200]]);
  });

  it('a guided run on it opens the pages for the shopper with --ignore-https-errors too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-certificate-guide-'));
    writeFileSync(join(dir, 'staging.yaml'), scenario);
    // The shopper could not do the second step, found it hard (2) and the whole journey middling (4).
    const answers: Array<[RegExp, string]> = [[/Step 2 of 2/, 'x'], [/Your answer \(1-7/, '2'], [/A note/, ''], [/Your answer \(1-7/, '4'], [/Anything else/, '']];
    const guided = await run(['guide', join(dir, 'staging.yaml'), '--shopper', 'S-1', '--base-url', baseUrl, '--out', join(dir, 'guided'), '--headless', '--ignore-https-errors'], answers);
    expect(guided.stderr).not.toMatch(/\n\s+at /);
    expect(guided.unanswered).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'guided/report.json'), 'utf8'));
    // The first page was opened for the shopper, and the automated run beforehand passed both steps.
    expect(report.scenarios[0].steps.map((s: { status: string; person?: { said: string; predicted?: { status: string } } }) => [s.status, s.person?.said, s.person?.predicted?.status])).toEqual([
      ['passed', 'opened for them', 'passed'],
      ['blocked', 'could not', 'passed'],
    ]);
  });
});
