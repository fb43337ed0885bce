/**
 * Everything the runner listens to on one page for the life of a scenario: requests, errors, navigations,
 * dialogs and downloads. Steps take slices of it (`mark()` then `since(mark)`).
 */
import type { Page, Request } from 'playwright';
import type { RequestRecord } from './artifacts.js';

export interface SessionMark {
  requests: number;
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
  private lastNetworkActivity = Date.now();

  constructor(readonly page: Page) {
    page.on('request', (request) => {
      this.inflight.add(request);
      this.lastNetworkActivity = Date.now();
    });
    page.on('requestfinished', async (request) => {
      this.done(request);
      const response = await request.response().catch(() => null);
      this.requests.push(record(request, response?.status() ?? null, null));
    });
    page.on('requestfailed', (request) => {
      this.done(request);
      this.requests.push(record(request, null, request.failure()?.errorText ?? 'failed'));
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
      consoleErrors: this.consoleErrors.length,
      pageErrors: this.pageErrors.length,
      navigations: this.navigations,
      dialogs: this.dialogTexts.length,
      downloads: this.downloads.length,
    };
  }

  /** Requests started since the mark, finished or not: the page reacting over the network. */
  requestsStartedSince(mark: SessionMark): number {
    return this.requests.length - mark.requests + this.inflight.size;
  }

  /** Waits until no request has been in flight for `quietMs`, or `capMs` passed. */
  async networkQuiet(quietMs: number, capMs: number): Promise<void> {
    const deadline = Date.now() + capMs;
    while (Date.now() < deadline) {
      if (this.inflight.size === 0 && Date.now() - this.lastNetworkActivity >= quietMs) return;
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
