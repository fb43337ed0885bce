/**
 * How cx-shop starts Chromium, in real Chromium: Chromium reads only the last --disable-features it is given, so
 * cx-shop's one list must hold every feature the installed Playwright switches off as well as its own; and with it, a
 * browser context opens no omnibox popup pages of its own, and another site's frame stays in the page's process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find.js';
import { chromiumArgs, launchBrowser } from '../../src/browser/launch.js';

const FLAG = '--disable-features=';
/** The features the last --disable-features of a command line switches off: the only one Chromium reads. */
const disabledBy = (args: readonly string[]) => (args.filter((arg) => arg.startsWith(FLAG)).at(-1) ?? FLAG).slice(FLAG.length).split(',').filter(Boolean);

describe('the switches cx-shop starts Chromium with', () => {
  it("keep every feature the installed Playwright switches off switched off, with cx-shop's own, in the one list Chromium reads", async () => {
    // The command line Playwright itself starts Chromium with, given cx-shop's switches and given none.
    const spawned = async (args: string[]) => {
      const server = await chromium.launchServer({ executablePath: findBrowser().executablePath, args });
      try {
        return server.process().spawnargs;
      } finally {
        await server.close();
      }
    };
    const [playwrights, ours] = await Promise.all([spawned([]), spawned(chromiumArgs(['--disable-features=Translate']))]);
    const playwrightOff = disabledBy(playwrights);
    expect(playwrightOff.length).toBeGreaterThan(0);
    expect(disabledBy(ours)).toEqual(expect.arrayContaining([...playwrightOff, 'site-per-process', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'Translate']));
  });
});

describe('a browser cx-shop starts', () => {
  let browser: Browser;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    // A page on 127.0.0.1 with a frame from localhost: another site, as a payment provider's card field is.
    server = createServer((req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(req.url === '/frame' ? '<p>Card number</p>' : `<iframe src="http://localhost:${port}/frame"></iframe>`);
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    port = (server.address() as AddressInfo).port;
    browser = await launchBrowser(findBrowser());
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("opens no page of its own beside the customer's (an omnibox popup drawn as a web page), and keeps another site's frame in the page's process", async () => {
    const cdp = await browser.newBrowserCDPSession();
    for (let context = 0; context < 2; context += 1) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.frameLocator('iframe').getByText('Card number').waitFor();
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> };
      // A frame in a process of its own is a target of its own ("iframe"); the browser's own pages are "browser_ui".
      expect(targetInfos.map((target) => `${target.type} ${target.url}`)).toEqual([`page http://127.0.0.1:${port}/`]);
      await page.context().close();
    }
  });
});
