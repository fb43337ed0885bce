/**
 * The page as it is at the end of a step: a snapshot for the page rules, and the status of the links a
 * customer could follow from it. What a scenario has seen already is remembered, so each page state is judged
 * once and each address is asked once.
 */
import { request, type APIRequestContext, type APIResponse, type Page } from 'playwright';
import { LEGIBLE_FONT_PX, takePageSnapshot, type PageSnapshot } from '../probes/page-snapshot.js';
import type { StepArtifacts } from '../artifacts/types.js';
import { firstLine, timeoutsInWords } from '../errors.js';
import { atOnce } from './at-once.js';
import { accessOptions, type SiteAccess } from '../scenario/site-access.js';
import { ask } from '../browser/ask.js';
import { MAX_LINKS_PER_PAGE } from '../rules/broken-link.js';

const LINK_TIMEOUT_MS = 5000;
/** Redirects a browser follows before it gives up (Chromium's ERR_TOO_MANY_REDIRECTS). */
const MAX_REDIRECTS = 20;
/** Links asked at once, as a browser asks one site for a page's resources (a handful at a time). */
const LINKS_AT_ONCE = 4;
/** Links whose address suggests an action (sign out, remove an item): asking for them could change something. */
const ACTION_LINK = /log.?out|sign.?out|remove|delete|cancel|unsubscribe|logout/i;

export interface LinkStatus {
  status: number | null;
  failure: string | null;
}

export async function snapshotPage(page: Page, exclude: string[]): Promise<PageSnapshot | null> {
  return ask(page, takePageSnapshot, { legiblePx: LEGIBLE_FONT_PX, exclude });
}

/**
 * Asks for each visible same-origin link once per scenario, from a context without the customer's cookies,
 * so that checking a link never changes the customer's session (one that fails is asked again with their cookies
 * sent along, from the same context: see check). It asks as the customer's browser (its user
 * agent): a site that turns away scripts must not look broken. An answer that only says "not now" (a 503 with
 * Retry-After, a bot challenge) says nothing about the link, and the link is not judged. (A 429 is kept as it is:
 * the rule never counts it.)
 */
export class LinkChecker {
  private context: APIRequestContext | undefined;
  private readonly known = new Map<string, LinkStatus | null>();

  /**
   * `site.credentials`: the site's user name and password (see site-access.ts), sent to it alone when it asks; with
   * `site.ignoreHttpsErrors`, links are asked whatever the certificate, as the customer's browser opens them.
   */
  constructor(
    private readonly userAgent?: string,
    private readonly site: Pick<SiteAccess, 'credentials' | 'ignoreHttpsErrors'> = { credentials: null },
  ) {}

  /**
   * `cookies`: the customer's cookies for an address, as a Cookie header. A link that fails without them is asked
   * again with them (a wishlist or an order page that answers 404 to a visitor who is not signed in), from the same
   * context: whatever it answers never reaches the customer's browser.
   */
  async check(snapshot: PageSnapshot, cookies: (href: string) => Promise<string> = async () => ''): Promise<StepArtifacts['links']> {
    const fresh = [...new Map(snapshot.links.map((l) => [l.href.split('#')[0]!, l])).entries()]
      .filter(([href]) => !this.known.has(href) && !ACTION_LINK.test(href))
      .slice(0, MAX_LINKS_PER_PAGE);
    const statuses: Array<LinkStatus | null> = new Array(fresh.length).fill(null);
    await atOnce(fresh.length, LINKS_AT_ONCE, async (i) => {
      const href = fresh[i]![0];
      const first = await this.ask(href);
      const failed = first !== null && (first.status === null || first.status >= 400);
      const header = failed ? await cookies(href).catch(() => '') : '';
      const again = header ? await this.ask(href, header) : null;
      statuses[i] = again?.status != null && again.status < 400 ? again : first;
    });
    // In the order the snapshot gives them (the page's content, then its frame), whatever order the answers came in.
    const results: StepArtifacts['links'] = [];
    for (const [i, [href, link]] of fresh.entries()) {
      const status = statuses[i]!;
      this.known.set(href, status);
      if (status) results.push({ href, element: link.element, selector: link.selector, ...(link.box && { box: link.box }), ...status });
    }
    return results;
  }

  async dispose(): Promise<void> {
    await this.context?.dispose().catch(() => undefined);
  }

  /**
   * What a link's address answers, its redirects followed as the browser follows them, within the site: a link that
   * sends the customer on to another site (a payment provider's checkout, a social network) has done its part by
   * sending them, and whether that site answers is no fault of this one's (its 3xx is the link's answer). A loop of
   * redirects is broken, as the browser gives up on it.
   */
  private async follow(href: string, method: 'HEAD' | 'GET', headers?: Record<string, string>): Promise<LinkStatus | APIResponse> {
    let url = href;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const response = await this.context!.fetch(url, { method, ...(headers && { headers }), timeout: LINK_TIMEOUT_MS, failOnStatusCode: false, maxRedirects: 0 });
      const location = response.headers()['location'];
      if (response.status() < 300 || response.status() >= 400 || !location) return response;
      const next = new URL(location, url);
      if (next.origin !== new URL(href).origin) return response;
      url = next.href;
    }
    return { status: null, failure: 'sent round a loop of redirects' };
  }

  private async ask(href: string, cookie?: string): Promise<LinkStatus | null> {
    this.context ??= await request.newContext({ ...(this.userAgent && { userAgent: this.userAgent }), ...accessOptions(this.site) });
    try {
      if (cookie) {
        const again = await this.follow(href, 'GET', { cookie });
        return 'failure' in again ? again : { status: again.status(), failure: null };
      }
      let response = await this.follow(href, 'HEAD');
      // Some servers do not answer HEAD, or answer it with an error their pages never give (an app that routes only
      // GET): a link is broken only when the browser's own request fails, so any error is asked again as a GET.
      if (!('failure' in response) && response.status() >= 400) response = await this.follow(href, 'GET');
      if ('failure' in response) return response;
      const headers = response.headers();
      const notNow = (response.status() === 503 && 'retry-after' in headers) || 'cf-mitigated' in headers;
      return notNow ? null : { status: response.status(), failure: null };
    } catch (error) {
      // An answer slower than the check waits says nothing of the link (the customer who follows it waits, and a
      // step's wait is judged as timing): not judged, so that a slow server never makes a link broken on one run
      // and not the next.
      if (error instanceof Error && error.name === 'TimeoutError') return null;
      return { status: null, failure: timeoutsInWords(firstLine(error)) };
    }
  }
}
