#!/usr/bin/env node
// Part of set-up (npm's prepare step, after the build): make sure cx-shop has a browser to drive, and say
// which. Where none is found it gets one, saying so: Playwright's own Chromium where the network allows,
// Debian's chromium package where it does not. A run never installs anything; only set-up does.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BrowserNotFoundError } from '../dist/browser/errors.js';
import { HOW_TO_GET_A_BROWSER, findBrowser } from '../dist/browser/find.js';

const say = (line) => process.stdout.write(`cx-shop set-up: ${line}\n`);

function found() {
  try {
    return findBrowser();
  } catch (error) {
    if (error instanceof BrowserNotFoundError) return undefined;
    throw error;
  }
}

function tryPlaywrightDownload() {
  say("no Chrome or Chromium found; downloading Playwright's Chromium (npx playwright install chromium)");
  const manifest = createRequire(import.meta.url).resolve('playwright/package.json');
  const cli = join(dirname(manifest), 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', timeout: 600_000 });
  return run.status === 0;
}

function tryDebianPackage() {
  if (!existsSync('/usr/bin/apt-get')) return false;
  const asRoot = process.getuid?.() === 0;
  // With a font for Chinese and Japanese, which Debian's chromium does not bring: a page in those languages is then
  // measured as a customer's phone draws it, not in the boxes of missing glyphs.
  say(`installing Debian's chromium package (${asRoot ? '' : 'sudo '}apt-get install -y chromium fonts-wqy-zenhei)`);
  const run = (args) => {
    const [command, ...rest] = asRoot ? args : ['sudo', '-n', ...args];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    return spawnSync(command, rest, { stdio: 'inherit', env });
  };
  run(['apt-get', 'update', '-qq']);
  return run(['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-wqy-zenhei']).status === 0;
}

if (process.env.CX_SHOP_SKIP_BROWSER_SETUP) {
  say('CX_SHOP_SKIP_BROWSER_SETUP is set: not looking for a browser');
} else {
  let browser = found();
  if (!browser) {
    if (tryPlaywrightDownload()) browser = found();
    if (!browser) {
      say("Playwright's download did not work here");
      if (tryDebianPackage()) browser = found();
    }
  }
  if (browser) say(`using ${browser.source === 'system' ? 'the system' : browser.source === 'playwright' ? "Playwright's" : 'the configured'} browser at ${browser.executablePath}`);
  else say(`could not get a browser.\n${HOW_TO_GET_A_BROWSER}`);
}
