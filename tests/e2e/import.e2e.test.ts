/** `cx-shop import` through the command: a scenario file written and valid; a bad recording is exit 2 with one line. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RECORDING = fileURLToPath(new URL('../fixtures/recordings/pay.json', import.meta.url));

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
});
