/**
 * Everything the runner listens to on one page for the life of a scenario: requests, errors, navigations,
 * dialogs and downloads. Steps take slices of it (`mark()` then `since(mark)`).
 */
import type { Page, Request } from 'playwright';
import type { RequestRecord } from './artifacts.js';

export interface SessionMark {
  requests: number;
  started: number;
  consoleErrors: number;
  pageErrors: number;
  navigations: number;
  dialogs: number;
  downloads: number;
}

export class PageSession {
  readonly requests: RequestRecord[] = [];
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];
  readonly dialogTexts: string[] = [];
  readonly downloads: string[] = [];
  navigations = 0;
  private readonly inflight = new Set<Request>();
  private readonly recorded = new WeakMap<Request, RequestRecord>();
  /** Requests started over the life of the page, answered or not. */
  private started = 0;
  private lastNetworkActivity = Date.now();

  constructor(readonly page: Page) {
    page.on('request', (request) => {
      this.started += 1;
      this.inflight.add(request);
      this.lastNetworkActivity = Date.now();
    });
    // A request counts as answered when its response arrives: Chromium does not report a fetch as
    // finished while the page has not read its body, and many pages never do.
    page.on('response', (response) => {
      const request = response.request();
      this.done(request);
      const entry = record(request, response.status(), null);
      this.recorded.set(request, entry);
      this.requests.push(entry);
    });
    page.on('requestfinished', (request) => this.done(request));
    page.on('requestfailed', (request) => {
      this.done(request);
      const failure = request.failure()?.errorText ?? 'failed';
      const entry = this.recorded.get(request);
      if (entry) entry.failure = failure;
      else this.requests.push(record(request, null, failure));
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.navigations += 1;
    });
    // A native alert or confirm would freeze the page: read it, as the customer would, then close it.
    page.on('dialog', async (dialog) => {
      this.dialogTexts.push(dialog.message());
      await dialog.accept().catch(() => undefined);
    });
    page.on('download', (download) => this.downloads.push(download.suggestedFilename()));
  }

  mark(): SessionMark {
    return {
      requests: this.requests.length,
      started: this.started,
      consoleErrors: this.consoleErrors.length,
      pageErrors: this.pageErrors.length,
      navigations: this.navigations,
      dialogs: this.dialogTexts.length,
      downloads: this.downloads.length,
    };
  }

  /** Requests started since the mark, answered or not: the page reacting over the network. */
  requestsStartedSince(mark: SessionMark): number {
    return this.started - mark.started;
  }

  /** When a request last started or ended. */
  get lastActivity(): number {
    return this.lastNetworkActivity;
  }

  /**
   * Waits until no request has been in flight for `quietMs` (counted from the call at the earliest, so a
   * navigation the page is about to start is waited for), or `capMs` passed.
   */
  async networkQuiet(quietMs: number, capMs: number): Promise<void> {
    const started = Date.now();
    const deadline = started + capMs;
    while (Date.now() < deadline) {
      const lastActivity = Math.max(this.lastNetworkActivity, started);
      if (this.inflight.size === 0 && Date.now() - lastActivity >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private done(request: Request): void {
    this.inflight.delete(request);
    this.lastNetworkActivity = Date.now();
  }
}

function record(request: Request, status: number | null, failure: string | null): RequestRecord {
  return { url: request.url(), method: request.method(), resourceType: request.resourceType(), status, failure };
}
