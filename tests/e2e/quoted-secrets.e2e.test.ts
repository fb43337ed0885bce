/**
 * What cx-shop says back about a scenario or an option never holds a secret: `validate` names a scenario whose name
 * holds one with ••• in its place, a mistake whose message quotes a secret's value (a regular expression's own
 * error repeats its pattern) says •••, and an address given with a password that is no URL is said without it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/cx-shop.js', import.meta.url));
const SECRETS = { SHOP_USER: 'Zanzibarquux', SHOP_PW: 'Hunter2Secret' };

function cli(args: string[]) {
  const ran = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...SECRETS, NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: ran.status, out: ran.stdout + ran.stderr };
}

function scenario(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cx-shop-quoted-'));
  const file = join(dir, 'checkout.yaml');
  writeFileSync(file, body);
  return file;
}

describe('secrets in what cx-shop says back', () => {
  it('validate names the scenario with ••• for a secret in its name', () => {
    const ran = cli(['validate', scenario('name: Check out as ${env.SHOP_USER}\nbaseUrl: https://shop.example\nsteps:\n  - name: Open\n    goto: /\n')]);
    expect(ran.code).toBe(0);
    expect(ran.out).toContain('"Check out as •••"');
    expect(ran.out).not.toContain(SECRETS.SHOP_USER);
  });

  it("a mistake whose message quotes a secret's value says ••• (a regular expression's error repeats its pattern)", () => {
    const ran = cli(['validate', scenario('name: Sign in\nbaseUrl: https://shop.example\nsteps:\n  - name: Open\n    goto: /\n    expect: { url: "/${env.SHOP_PW}(/" }\n')]);
    expect(ran.code).toBe(2);
    expect(ran.out).toContain('is not a valid regular expression: /•••(/');
    expect(ran.out).not.toContain(SECRETS.SHOP_PW);
  });

  it('a base URL with a password that is no URL is said without its password', () => {
    const file = scenario('name: Open\nsteps:\n  - name: Open\n    goto: /\n');
    const ran = cli(['run', file, '--base-url', 'http://team:Pw9Secretx@shop example.com/']);
    expect(ran.code).toBe(2);
    expect(ran.out).toContain('base URL "http://team:•••@shop example.com/" is not a URL');
    expect(ran.out).not.toContain('Pw9Secretx');
  });
});
