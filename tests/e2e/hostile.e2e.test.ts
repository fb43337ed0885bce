/**
 * A hostile page through the whole command: its words carry escape sequences, and it shows the customer's card
 * number (a secret from the environment) back, spaced. Nothing of either reaches the terminal or the report.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioArtifacts } from '../../src/artifacts/types.js';
import { startBrowser } from '../helpers/browser.js';
import { STAGING_LOGIN, startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CARD = '4111111111111111';
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/cx-shop.js'), ...args], { cwd: ROOT, env: { ...process.env, CI: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under a folder, as text (pictures as their bytes in latin1). */
function everyFile(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.name}\n${readFileSync(join(entry.parentPath, entry.name), 'latin1')}`)
    .join('\n');
}

describe('a hostile page', () => {
  it('cannot write escape sequences to the terminal, and the card number shows nowhere in any form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-hostile-'));
    const file = join(dir, 'pay.yaml');
    writeFileSync(
      file,
      [
        'name: Pay by card',
        'steps:',
        '  - name: Open',
        '    goto: /hostile/escapes.html',
        '  - name: Type my card ${env.CX_TEST_CARD}',
        '    type: { label: Card, text: "${env.CX_TEST_CARD}" }',
        '  - name: Pay',
        '    tap: { css: "#pay" }',
        '    expect: { text: "${env.CX_TEST_CARD} accepted" }',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const formats = ['junit', 'markdown', 'sarif', 'html'].flatMap((name) => ['--reporter', name]);
    const ran = await run(['run', file, '--base-url', server.url, '--out', out, ...formats], { CX_TEST_CARD: CARD });
    expect(ran.code).toBe(1);
    const printed = ran.stdout + ran.stderr;
    expect(printed).toContain('was declined');
    // No escape sequence of the page's: only cx-shop's own colours (none here, CI and not a terminal).
    expect(printed).not.toMatch(/\u001b|\u0007/);
    for (const form of [CARD, '4111 1111 1111 1111', '4111-1111-1111-1111']) {
      expect(printed).not.toContain(form);
      expect(everyFile(out)).not.toContain(form);
    }
    expect(printed).toContain('•••');
    // The echoed text did reach the files, masked.
    expect(everyFile(out)).toContain('was declined');
    // (everyFile reads bytes as latin1: the mask is looked for as its UTF-8 bytes.)
    expect(everyFile(out)).toContain(Buffer.from('•••').toString('latin1'));
    // The page's markup reached the report as text: opened, the HTML report runs none of it.
    const browser = await startBrowser();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(join(out, 'report.html')).href);
      expect(await page.locator('main').textContent()).toContain('window.__pwned = 1');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(1);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
    // In the picture of the last step, the card field and the message that echoes the number are painted over.
    const folder = join(out, 'scenarios', '01-pay-by-card');
    const artifacts = JSON.parse(readFileSync(join(folder, 'artifacts.json'), 'utf8')) as ScenarioArtifacts;
    const pay = artifacts.steps[2]!;
    const picture = PNG.sync.read(readFileSync(join(out, pay.screenshot!.path)));
    const painted = (box: { x: number; y: number; width: number; height: number }) => {
      const x = Math.round(box.x + box.width / 2);
      const y = Math.round(box.y + box.height / 2 - pay.screenshot!.offset.y);
      const i = (y * picture.width + x) * 4;
      return [picture.data[i], picture.data[i + 1], picture.data[i + 2]];
    };
    // The words that show the number are painted over, not the whole message (which runs over several lines).
    const message = pay.appeared.find((m) => m.text.includes('declined'))!;
    const box = message.box!;
    let [paint, all] = [0, 0];
    for (let dy = 0; dy < box.height; dy += 2) {
      for (let dx = 0; dx < box.width; dx += 2) {
        const [r, g, b] = painted({ x: box.x + dx, y: box.y + dy, width: 0, height: 0 });
        all += 1;
        if (r === 64 && g === 64 && b === 64) paint += 1;
      }
    }
    expect(paint).toBeGreaterThan(all / 10);
    expect(paint).toBeLessThan(all / 2);
    const card = pay.page!.fields.find((f) => f.label === 'Card')!;
    expect(painted(card.box)).toEqual([64, 64, 64]);
  });

  it('a short secret (a 3-digit security code) equal to a figure of the run leaves every file whole and the figure as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-cvc-'));
    const file = join(dir, 'cvc.yaml');
    // On a Pixel 7 the screen is 412 CSS pixels wide: the width is in every step's record, the code is not.
    writeFileSync(file, ['name: Give my security code', 'device: Pixel 7', 'steps:', '  - name: Open', '    goto: /hostile/escapes.html', '  - name: Type my code ${env.CX_TEST_CVC}', '    type: { label: Card, text: "${env.CX_TEST_CVC}" }', ''].join('\n'));
    const out = join(dir, 'out');
    const formats = ['junit', 'markdown', 'sarif', 'html'].flatMap((name) => ['--reporter', name]);
    const ran = await run(['run', file, '--base-url', server.url, '--out', out, ...formats], { CX_TEST_CVC: '412' });
    expect(ran.stderr).not.toContain('reporter failed');
    expect(ran.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { scenarios: Array<{ steps: Array<{ name: string }> }> };
    expect(report.scenarios[0]!.steps[1]!.name).toBe('Type my code •••');
    const artifacts = JSON.parse(readFileSync(join(out, 'scenarios', '01-give-my-security-code', 'artifacts.json'), 'utf8')) as ScenarioArtifacts;
    expect(artifacts.steps[1]!.viewport.width).toBe(412);
    expect(JSON.parse(readFileSync(join(out, 'cx-shop.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    for (const name of ['junit.xml', 'summary.md', 'report.html']) expect(readdirSync(out)).toContain(name);
    expect(ran.stdout).toContain('Type my code •••');
  });

  it('a staging site behind the browser sign-in prompt is walked with the base URL password, which shows nowhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-staging-'));
    const file = join(dir, 'coat.yaml');
    writeFileSync(file, 'name: Look at a coat\nsteps:\n  - name: Open\n    goto: index.html\n  - name: Open the coat\n    tap: { role: link, name: The wool coat }\n');
    const [user, password] = STAGING_LOGIN.split(':') as [string, string];
    // As a CI variable holds it: the "@" of the password written %40.
    const site = (login: string) => server.url.replace('//', `//${user}:${login}@`) + '/staging/';
    const out = join(dir, 'out');
    const ran = await run(['run', file, '--base-url', site(encodeURIComponent(password)), '--out', out, '--reporter', 'junit', '--reporter', 'markdown'], {});
    expect(ran.code).toBe(0);
    for (const form of [password, encodeURIComponent(password)]) {
      expect(ran.stdout + ran.stderr).not.toContain(form);
      expect(everyFile(out)).not.toContain(form);
    }
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { scenarios: Array<{ baseUrl: string; steps: Array<{ url: string; findings: unknown[] }> }> };
    const [walked] = report.scenarios;
    expect(walked!.baseUrl).toBe(`${server.url}/staging/`);
    expect(walked!.steps.map((s) => s.url)).toEqual([`${server.url}/staging/index.html`, `${server.url}/staging/coat.html`]);
    // The links between its pages, asked from outside the page, are asked with the password too: none is broken.
    expect(walked!.steps.flatMap((s) => s.findings)).toEqual([]);

    // A wrong password: the journey cannot start, and the message says what to do; the site's refusal is not judged.
    const refused = await run(['run', file, '--base-url', site('not-it-7Zx'), '--out', join(dir, 'refused')], {});
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('HTTP authentication');
    expect(refused.stdout + refused.stderr).not.toContain('not-it-7Zx');
    const first = (JSON.parse(readFileSync(join(dir, 'refused', 'report.json'), 'utf8')) as typeof report).scenarios[0]!.steps[0]!;
    expect(first.findings).toEqual([]);
  });

  it('a page that freezes its main thread for good ends its scenario with a reason, and the run goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-frozen-'));
    writeFileSync(
      join(dir, '1-frozen.yaml'),
      'name: Frozen checkout\ntimeout: 2000\nsteps:\n  - name: Open\n    goto: /hostile/freeze.html\n  - name: Place the order\n    tap: Place order\n  - name: Do something else\n    tap: Something else\n',
    );
    writeFileSync(join(dir, '2-after.yaml'), 'name: After it\nsteps:\n  - name: Open\n    goto: /rules/dead-tap.html\n');
    const out = join(dir, 'out');
    const ran = await run(['run', dir, '--base-url', server.url, '--out', out], {});
    expect(ran.stderr + ran.stdout).not.toMatch(/\n\s+at /);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { scenarios: Array<{ status: string; steps: Array<{ status: string; reason?: string }> }> };
    const [frozen, after] = report.scenarios;
    expect(frozen!.steps.map((s) => s.status)).toEqual(['passed', 'error', 'skipped']);
    expect(frozen!.steps[1]!.reason).toContain('the page stopped answering');
    expect(after!.status).toBe('passed');
  });
});
