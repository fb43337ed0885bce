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

/**
 * Frames from other sites (a consent manager, a payment provider's card fields) run in the page's own process, as
 * on most phones: Chrome on Android keeps only a few sites apart. With each site in a process of its own, taps sent
 * to an emulated touch screen never reach such a frame, and a customer's "Accept all cookies" would do nothing.
 */
export const SAME_PROCESS_FRAMES_ARGS = ['--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'];

/**
 * What a customer allows when the site asks: a store finder's "Use my location" gets where they are, as on their own
 * phone once they tap Allow (cx-shop's browser would refuse without asking, and the site's fallback would be judged
 * instead). A fixed place, central London, so that every run finds the same nearest store.
 */
export const CUSTOMER_ALLOWS = {
  permissions: ['geolocation'],
  geolocation: { latitude: 51.5072, longitude: -0.1276, accuracy: 20 },
};

export interface LaunchOptions {
  headed?: boolean;
  /** More Chromium switches, after cx-shop's own. */
  args?: readonly string[];
}

export async function launchBrowser(choice: BrowserChoice, options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: choice.executablePath,
    headless: !options.headed,
    args: [...QUIET_CHROMIUM_ARGS, ...SAME_PROCESS_FRAMES_ARGS, ...(options.args ?? [])],
    timeout: 60_000,
    // cx-shop handles Ctrl-C and SIGTERM itself: it closes the browser and writes the report of what was measured.
    // Playwright's own handler would close the browser too and then end the process, racing that last write.
    handleSIGINT: false,
    handleSIGTERM: false,
  });
}
