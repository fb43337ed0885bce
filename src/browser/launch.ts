import { chromium, type Browser } from 'playwright';
import type { BrowserChoice } from './find.js';

/**
 * Chromium reaches out to its own services at start (updates, sync, safe browsing). On closed networks
 * those connections stall the start, and they are never part of what a customer sees, so they are off.
 */
export const QUIET_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

export interface LaunchOptions {
  headed?: boolean;
}

export async function launchBrowser(choice: BrowserChoice, options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: choice.executablePath,
    headless: !options.headed,
    args: QUIET_CHROMIUM_ARGS,
    timeout: 60_000,
    // cx-shop handles Ctrl-C and SIGTERM itself: it closes the browser and writes the report of what was measured.
    // Playwright's own handler would close the browser too and then end the process, racing that last write.
    handleSIGINT: false,
    handleSIGTERM: false,
  });
}
