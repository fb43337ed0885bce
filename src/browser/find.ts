/**
 * Finding a browser without help: an explicit path first, then the CX_SHOP_BROWSER variable, then
 * Playwright's own installed Chromium, then a Chrome or Chromium installed on the system.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import { BrowserNotFoundError } from './errors.js';

export interface BrowserChoice {
  executablePath: string;
  source: 'option' | 'environment' | 'playwright' | 'system';
}

const SYSTEM_BROWSERS: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export const HOW_TO_GET_A_BROWSER = [
  'cx-shop needs Chrome or Chromium. Any one of these will do:',
  '  npx playwright install chromium          (downloads Playwright\'s Chromium)',
  '  sudo apt-get install -y chromium         (Debian and Ubuntu)',
  '  --browser-path /path/to/chrome           (or CX_SHOP_BROWSER=/path/to/chrome)',
].join('\n');

/** Returns the browser to use, or throws BrowserNotFoundError saying what was tried and how to get one. */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  if (explicit) {
    if (existsSync(explicit)) return { executablePath: explicit, source: 'option' };
    throw new BrowserNotFoundError(`--browser-path ${explicit}: no such file.\n${HOW_TO_GET_A_BROWSER}`);
  }
  const fromEnv = env.CX_SHOP_BROWSER;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { executablePath: fromEnv, source: 'environment' };
    throw new BrowserNotFoundError(`CX_SHOP_BROWSER=${fromEnv}: no such file.\n${HOW_TO_GET_A_BROWSER}`);
  }
  const bundled = playwrightChromium();
  if (bundled) return { executablePath: bundled, source: 'playwright' };
  const system = (SYSTEM_BROWSERS[process.platform] ?? []).find((path) => existsSync(path));
  if (system) return { executablePath: system, source: 'system' };
  throw new BrowserNotFoundError(`No Chrome or Chromium found.\n${HOW_TO_GET_A_BROWSER}`);
}

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
