/**
 * `cx-shop validate` and `--help` load no browser-side code (the recorder, the probes, the driver), no Playwright, no
 * PDF.js and no readability package: checked by logging every module the process resolves while it runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REGISTER = fileURLToPath(new URL('../helpers/module-log/register.mjs', import.meta.url));

/** Runs cx-shop with the module log on and returns the modules it loaded. */
function modulesLoadedBy(args: string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'cx-shop-modules-')), 'modules.txt');
  execFileSync(process.execPath, ['--import', REGISTER, join(ROOT, 'bin/cx-shop.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, CX_SHOP_MODULE_LOG: log, NO_COLOR: '1' },
    stdio: 'pipe',
  });
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const HEAVY = [/\/dist\/recorder\//, /\/dist\/probes\//, /\/dist\/driver\//, /\/dist\/runner\//, /\/dist\/journeys\/(readability|pdf-text|invoice-analysis)\.js/, /pdfjs-dist/, /axe-core/, /flesch|syllable|gunning-fog|smog-formula|coleman-liau|automated-readability/, /web-vitals/, /pngjs/, /node_modules\/playwright(-core)?\//];

describe('light commands stay light', () => {
  it('validate loads none of the browser-side code, Playwright, PDF.js or the readability packages', () => {
    const loaded = modulesLoadedBy(['validate', 'scenarios']);
    // The log works: the scenario loader itself was loaded.
    expect(loaded.some((url) => url.endsWith('/dist/scenario/load.js'))).toBe(true);
    expect(loaded.filter((url) => HEAVY.some((pattern) => pattern.test(url)))).toEqual([]);
  });

  it('--help loads none of it either', () => {
    const loaded = modulesLoadedBy(['--help']);
    expect(loaded.some((url) => url.endsWith('/dist/cli/program.js'))).toBe(true);
    expect(loaded.filter((url) => HEAVY.some((pattern) => pattern.test(url)))).toEqual([]);
  });
});
