import { z } from 'zod';
import { ActionError, defineAction } from './types.js';
import { firstLine } from '../errors.js';

/** What the browser's refusals to open a page mean for whoever runs the scenario. */
const BROWSER_REFUSALS: Array<[RegExp, string]> = [
  [
    /ERR_INVALID_AUTH_CREDENTIALS/,
    "the site asks for a user name and password (HTTP authentication), and none or wrong ones were given: put them in the base URL, https://USER:PASSWORD@host/; the password is kept out of every report",
  ],
  [
    /ERR_CERT_|ERR_SSL_/,
    "the browser does not trust the site's certificate, and neither would a customer's; for a staging site with a self-signed or in-house certificate, run with --ignore-https-errors",
  ],
];

/** Schemes of addresses a browser opens as a page; `javascript:` runs code instead, `localhost:3000` lacks its http://. */
const PAGE_SCHEMES = new Set(['http', 'https', 'file', 'data', 'about']);

function checkAddress(address: string, ctx: z.RefinementCtx<string>): void {
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(address)?.[1];
  if (scheme === undefined || PAGE_SCHEMES.has(scheme.toLowerCase())) return;
  const hint = /^\d/.test(address.slice(scheme.length + 1)) ? `; a host and port is written http://${address}` : '';
  ctx.addIssue({
    code: 'custom',
    message: `a "${scheme}:" address is no page to open: goto takes a path such as /cart or an http(s) address${hint}`,
  });
}

export const goto = defineAction({
  summary: 'Open a page: a path relative to baseUrl, or a full URL. The customer arriving costs no effort.',
  schema: z.string().min(1).superRefine(checkAddress).describe('Path such as /cart, or a full URL'),
  async perform(ctx, path) {
    const url = new URL(path, ctx.baseUrl).toString();
    try {
      // The page is there once its document is: a third party's picture or script that never finishes holds the load
      // event, not the customer (the wait for the load that follows is bounded, and counted as their waiting). A
      // document whose server holds the connection open after its last byte never finishes either: once the wait is
      // over, a page that shows something is used as it is, as the customer uses it.
      await ctx.waiting(async () => {
        const response = await ctx.page.goto(url, { timeout: ctx.timeout, waitUntil: 'commit' });
        // The browser's sign-in prompt, answered with a wrong user name or password: what it shows then is the site's
        // refusal, no page of the shop's to judge (left for a blank one, as the browser's own error page would be).
        if (response?.status() === 401 && /^\s*(basic|digest)\b/i.test(response.headers()['www-authenticate'] ?? '')) {
          await ctx.page.goto('about:blank').catch(() => undefined);
          throw new Error('net::ERR_INVALID_AUTH_CREDENTIALS (HTTP 401)');
        }
        await ctx.page.waitForLoadState('domcontentloaded', { timeout: ctx.timeout }).catch(async (error: unknown) => {
          const shows = await ctx.page.evaluate(() => (document.body?.innerText ?? '').trim().length > 0).catch(() => false);
          if (!shows) throw error;
        });
      });
    } catch (error) {
      const message = firstLine(error);
      const why = BROWSER_REFUSALS.find(([code]) => code.test(message))?.[1];
      throw new ActionError(`could not open ${url}: ${message}${why ? ` (${why})` : ''}`, 'error');
    }
    await ctx.settle();
  },
});
