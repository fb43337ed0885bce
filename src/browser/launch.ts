import { chromium, type Browser } from 'playwright';
import type { BrowserChoice } from './find.js';

/**
 * Chromium reaches out to its own services at start (updates, sync, safe browsing). On closed networks
 * those connections stall the start, and they are never part of what a customer sees, so they are off.
 */
const QUIET_CHROMIUM_ARGS = [
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
const SAME_PROCESS_FRAMES_ARGS = ['--disable-site-isolation-trials'];

/**
 * The Chromium features Playwright switches off itself (as of Playwright 1.65: paint held back after a navigation,
 * http addresses upgraded to https, a cross-origin redirect broken off while requests are watched, requests to
 * Google's services at start). Chromium honours only the last --disable-features it is given, so a list of cx-shop's
 * own would switch these back on: cx-shop gives one list, these and its own. tests/browser/launch.browser.test.ts
 * holds it to the list the installed Playwright gives.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * cx-shop's own: frames from other sites in the page's process (see SAME_PROCESS_FRAMES_ARGS); and no omnibox popup
 * drawn as a web page. Headless Chromium gives each browser context a window with an address bar, and its popups
 * (two WebUI pages no customer of the site ever sees) start a renderer of their own with every context: on a loaded
 * two-core machine about 0.7 s of each context's start.
 */
const CX_SHOP_DISABLED_FEATURES = ['IsolateOrigins', 'site-per-process', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * The switches cx-shop starts Chromium with, `extra` after its own; the features switched off, Playwright's, cx-shop's
 * and any in `extra`, in the one --disable-features Chromium reads.
 */
export function chromiumArgs(extra: readonly string[] = []): string[] {
  const FLAG = '--disable-features=';
  const asked = extra.filter((arg) => arg.startsWith(FLAG)).flatMap((arg) => arg.slice(FLAG.length).split(','));
  const disabled = [...new Set([...PLAYWRIGHT_DISABLED_FEATURES, ...CX_SHOP_DISABLED_FEATURES, ...asked])].filter(Boolean);
  return [...QUIET_CHROMIUM_ARGS, ...SAME_PROCESS_FRAMES_ARGS, ...extra.filter((arg) => !arg.startsWith(FLAG)), FLAG + disabled.join(',')];
}

/**
 * What a customer allows when the site asks: a store finder's "Use my location" gets where they are, as on their own
 * phone once they tap Allow (cx-shop's browser would refuse without asking, and the site's fallback would be judged
 * instead). A fixed place, central London, so that every run finds the same nearest store. And what their browser
 * allows a page without asking: writing to the clipboard after a tap (an offer's "Copy code"), which cx-shop's browser
 * would refuse as an error of the page's. Reading the clipboard is not allowed: it would read what another scenario
 * of the run copied.
 */
export const CUSTOMER_ALLOWS = {
  permissions: ['geolocation', 'clipboard-write'],
  geolocation: { latitude: 51.5072, longitude: -0.1276, accuracy: 20 },
};

export interface LaunchOptions {
  headed?: boolean;
  /** More Chromium switches, after cx-shop's own. */
  args?: readonly string[];
}

/**
 * Playwright's own switches that cx-shop leaves out. Its popup blocker off: a window a page opens with no tap of the
 * customer's (an offers window as it loads) is blocked on their phone, and a window the tap asks for then opens as a
 * new tab; with the blocker off, the page's window opened behind them, and a tap naming it went there, unseen.
 */
const PLAYWRIGHT_ARGS_LEFT_OUT = ['--disable-popup-blocking'];

export async function launchBrowser(choice: BrowserChoice, options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: choice.executablePath,
    headless: !options.headed,
    args: chromiumArgs(options.args),
    ignoreDefaultArgs: PLAYWRIGHT_ARGS_LEFT_OUT,
    timeout: 60_000,
    // cx-shop handles Ctrl-C and SIGTERM itself: it closes the browser and writes the report of what was measured.
    // Playwright's own handler would close the browser too and then end the process, racing that last write.
    handleSIGINT: false,
    handleSIGTERM: false,
  });
}
