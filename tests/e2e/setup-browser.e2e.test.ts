/**
 * npm's prepare step runs bin/setup-browser.js against the built dist/: it must load, find the browser it is given
 * and say which, without installing anything.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('set-up', () => {
  it('names the browser it was given and installs nothing', () => {
    const browser = findBrowser().executablePath;
    const out = execFileSync(process.execPath, ['bin/setup-browser.js'], {
      cwd: ROOT,
      env: { ...process.env, CX_SHOP_BROWSER: browser, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(out).toContain(`using the configured browser at ${browser}`);
    expect(out).not.toMatch(/installing|downloading/);
  });

  it('with CX_SHOP_SKIP_BROWSER_SETUP set, says so and looks for nothing', () => {
    const out = execFileSync(process.execPath, ['bin/setup-browser.js'], {
      cwd: ROOT,
      env: { ...process.env, CX_SHOP_SKIP_BROWSER_SETUP: '1' },
      encoding: 'utf8',
    });
    expect(out).toContain('CX_SHOP_SKIP_BROWSER_SETUP is set');
  });
});
