/** `cx-shop record` through the command: Enter ends it and a valid scenario is written; bad input is exit 2. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

const BIN = fileURLToPath(new URL('../../bin/cx-shop.js', import.meta.url));

function cli(args: string[], stdin: string, delayMs = 0): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      // Enter once cx-shop says it is recording.
      if (stderr.includes('press Enter')) setTimeout(() => child.stdin.end(stdin), delayMs);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cx-shop record', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('ends on Enter and writes a scenario that cx-shop validate accepts', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cx-shop-record-')), 'journey.yaml');
    const ran = await cli(['record', `${server.url}/guide/shop.html`, '--out', out, '--headless', '--name', 'Look at the mug'], '\n', 500);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain('wrote');
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('name: Look at the mug');
    expect(yaml).toContain('goto: /guide/shop.html');
    expect((await cli(['validate', out], '')).code).toBe(0);
    const again = await cli(['record', `${server.url}/guide/shop.html`, '--out', out, '--headless'], '\n');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists');
  });

  it('an address that is not a web address: exit 2, no stack', async () => {
    const ran = await cli(['record', 'shop.example'], '');
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('"shop.example" is not a web address');
    expect(ran.stderr).not.toMatch(/\n\s+at /);
  });
});
