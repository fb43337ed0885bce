/** `cx-shop import` through the command: a scenario file written and valid; a bad recording is exit 2 with one line. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RECORDING = fileURLToPath(new URL('../fixtures/recordings/pay.json', import.meta.url));
const NEW_TAB = fileURLToPath(new URL('../fixtures/recordings/new-tab.json', import.meta.url));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/cx-shop.js'), ...args], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('cx-shop import', () => {
  it('writes a scenario that validate accepts, lists what it left out, and will not overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-import-'));
    const out = join(dir, 'pay.yaml');
    const ran = await cli(['import', RECORDING, '--out', out]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain('wrote');
    expect(ran.stderr).toContain('note: steps[8] (customStep) is not something cx-shop does: left out');
    expect(readFileSync(out, 'utf8')).toContain('name: Pay for my order');
    expect((await cli(['validate', out])).code).toBe(0);
    const again = await cli(['import', RECORDING, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists');
  });

  it('a file that is not a recording: exit 2, one line saying what is wrong, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-import-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"title": "no steps"}');
    const ran = await cli(['import', bad]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('not a DevTools Recorder export: steps:');
    expect(ran.stderr).not.toMatch(/\n\s+at /);
  });

  it('a recording that starts on the browser\'s new tab page: the site is the first web page opened, the new tab is left out', async () => {
    const ran = await cli(['import', NEW_TAB]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('baseUrl: https://shop.example.com\n');
    expect(ran.stdout).toContain('goto: /cart');
    expect(ran.stderr).toContain('steps[1] opens chrome://newtab/, a page of the browser, not of a site: left out');
  });

  it('--out through a file, or to a folder (even with --force): exit 2 saying which, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-import-'));
    writeFileSync(join(dir, 'afile'), 'x');
    mkdirSync(join(dir, 'adir'));
    const through = await cli(['import', RECORDING, '--out', join(dir, 'afile', 'x.yaml')]);
    expect(through.code).toBe(2);
    expect(through.stderr).toContain('a part of the path is a file');
    for (const force of [[], ['--force']]) {
      const folder = await cli(['import', RECORDING, '--out', join(dir, 'adir'), ...force]);
      expect(folder.code).toBe(2);
      expect(folder.stderr).toContain(`--out ${join(dir, 'adir')} is a folder`);
      expect(folder.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a recording saved as Latin-1 or UTF-16 is refused saying so; one with a byte order mark is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-import-'));
    const json = readFileSync(NEW_TAB, 'utf8').replace('Check out from the cart', 'Caf\u00e9 order');
    writeFileSync(join(dir, 'latin1.json'), Buffer.from(json, 'latin1'));
    writeFileSync(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${json}`);
    const latin1 = await cli(['import', join(dir, 'latin1.json')]);
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toContain('latin1.json:2: not UTF-8 text');
    const utf16 = await cli(['import', join(dir, 'utf16.json')]);
    expect(utf16.code).toBe(2);
    expect(utf16.stderr).toContain('is UTF-16 text');
    const bom = await cli(['import', join(dir, 'bom.json')]);
    expect(bom.code).toBe(0);
    expect(bom.stdout).toContain('name: Café order');
  });

  it('a base URL with a password: the file and the terminal read ${env.CX_SHOP_SITE_PASSWORD}, and say to set it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-import-'));
    const out = join(dir, 'pay.yaml');
    const ran = await cli(['import', RECORDING, '--out', out, '--base-url', 'https://team:Hunter2pass@staging.shop.example/']);
    expect(ran.code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('baseUrl: https://team:${env.CX_SHOP_SITE_PASSWORD}@staging.shop.example/');
    expect(ran.stderr).toContain('set CX_SHOP_SITE_PASSWORD');
    const printed = await cli(['import', RECORDING, '--base-url', 'https://team:Hunter2pass@staging.shop.example/']);
    for (const text of [written, ran.stdout, ran.stderr, printed.stdout, printed.stderr]) expect(text).not.toContain('Hunter2pass');
  });

  it('a base URL without https:// is refused with exit 2, naming what is missing and not its password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-import-'));
    const out = join(dir, 'pay.yaml');
    const ran = await cli(['import', RECORDING, '--out', out, '--base-url', 'team:Hunter2pass@staging.shop.example']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('is missing https:// at its start');
    expect(ran.stdout + ran.stderr).not.toContain('Hunter2pass');
    expect(existsSync(out)).toBe(false);
  });
});

describe('cx-shop init', () => {
  it('a file where the folder should be, or a folder that cannot be made: exit 2 at once, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-init-'));
    writeFileSync(join(dir, 'afile'), 'x');
    const file = await cli(['init', join(dir, 'afile')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('is a file');
    const proc = await cli(['init', '/proc/cx-shop-scenarios']);
    expect(proc.code).toBe(2);
    expect(proc.stderr).toContain('cannot write to /proc/cx-shop-scenarios');
    expect(proc.stderr).not.toMatch(/\n\s+at /);
  });

  it('a base URL with a password: no template holds it, each reads it from CX_SHOP_SITE_PASSWORD', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-init-'));
    const ran = await cli(['init', dir, '--base-url', 'https://team:Hunter2pass@staging.shop.example/']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('set CX_SHOP_SITE_PASSWORD');
    expect(ran.stdout).not.toContain('Hunter2pass');
    for (const name of ['mobile-visit.yaml', 'promo-code.yaml']) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text).not.toContain('Hunter2pass');
      expect(text).toContain('baseUrl: https://team:${env.CX_SHOP_SITE_PASSWORD}@staging.shop.example/');
    }
    const valid = await new Promise<number>((resolve) =>
      execFile(process.execPath, [join(ROOT, 'bin/cx-shop.js'), 'validate', dir], { env: { ...process.env, CX_SHOP_SITE_PASSWORD: 'p' } }, (error) => resolve(error ? 1 : 0)),
    );
    expect(valid).toBe(0);
  });
});
