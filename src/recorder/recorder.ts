/**
 * The recorder: listens to one page for the life of a scenario and hands each step what happened in it. What the
 * customer did comes from the page's own events (see in-page.ts); requests, errors, dialogs and downloads from the
 * browser. Every request is given to its owner (the site, a third party, or cx-shop itself) and its cause (the
 * customer's action, or the background), so that only what the customer's own actions caused is ever judged as
 * the site's.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Download, Frame, Page, Request, Response } from 'playwright';
import { DEAD_TAP_WINDOW_MS, type AppearedText, type Interaction, type StepArtifacts, type PageErrorRecord, type RequestRecord, type TapResponse, type TargetInfo, type TypedField } from '../artifacts/types.js';

import type { FieldNote, PageEvent } from './in-page.js';
import { endsTyping, interactionsOf, type TypingIntent } from './interactions.js';
import { siteOf, partyOf, thrownBy, isPrefetch, isTelemetry, isSitePage, unseenByCustomer, placeThrown, readOnNothing, globalReadOnNothing } from './parties.js';
import { sameFieldValue, tookTyping } from './values.js';
import { redactor } from '../output/safe.js';
import { ask } from '../browser/ask.js';
import { closePage } from '../browser/close.js';
import { timed } from '../limits.js';
import { shortUrl } from '../rules/support/requests.js';

/** What Chrome asks before a page holding unsaved work is left: the page's own words are never shown. */
const LEAVE_QUESTION = 'Leave site? Changes you made may not be saved.';
/**
 * Browser dialogs a step reads and answers at most. A page that opens one again as each is closed (an alert in a loop)
 * is past reading: Chrome itself offers to stop a page's dialogs after a few, and the rest are closed unread, so
 * the customer's effort is the same however fast the machine closes them.
 */
export const MAX_DIALOGS = 3;

/** The button of a browser dialog that the customer taps to answer it (no box: Chrome draws it outside the page). */
const DIALOG_BUTTON: TargetInfo = { description: "the browser dialog's OK button", text: 'OK', box: null, pageBox: null };

/** Most time to wait for the site to settle after an action before moving on. */
const SETTLE_CAP_MS = 10_000;
/** The least time the site is watched after an action before it counts as answered. */
const MIN_QUIET_MS = 20;
/**
 * How long after the site's last request began or ended cx-shop asks the page again: the page counts the answers it
 * is still handling itself (see in-page.ts); this covers the moment before its part of the answer reaches it.
 */
const AFTER_ANSWER_MS = 30;
/** A main thread that takes longer than this to paint a frame is the site keeping the customer waiting. */
const FROZEN_MS = 50;
/**
 * A data call the page's own code keeps open this long, while the page has nothing left to do for the customer, is
 * held open on purpose (a chat widget's long poll, a stream of live stock): it answers when the server has news, not
 * when the page is ready, and is not waited for any longer.
 */
const HELD_OPEN_MS = 3000;
/**
 * A data call of the site's answered and asked again this soon, however long its server held it (a long poll answered
 * within 3 s as well as one let go), is a poll: the address is held open for good. A slow call the page makes once (a
 * list loading slowly) is only let go, and its address is still waited for later.
 */
const ASKED_AGAIN_MS = 250;

/** Requests that answer the customer: the page, its data calls. Pictures, fonts and beacons answer nobody. */
const ANSWERING_TYPES = new Set(['document', 'fetch', 'xhr', 'other', 'websocket', 'eventsource', 'manifest']);
/**
 * Requests the customer waits for: the answers, and the site's own code the page fetches meanwhile. A page is not
 * ready for the next tap until that code has come (islands that come alive once the page is idle after its load, a
 * part loaded when it is needed), though its coming is no answer the customer sees.
 */
const WAITED_TYPES = new Set([...ANSWERING_TYPES, 'script']);

/** Requests only a page's own code makes (never a picture, a style or a font loaded for a capture). */
const PAGE_CALLS = new Set(['fetch', 'xhr', 'websocket', 'eventsource', 'ping']);

/**
 * What a third party's request may be and still hold the page's load event without holding the customer: its script
 * (a tag manager, a chat widget, an A/B test: such a script comes async, or the page would not have been shown) and
 * its frame (a chat window, an advert); its calls hold no load event at all. Pictures, styles and fonts, wherever
 * from, are what the customer sees (a shop's pictures come from a CDN of another name).
 */
const ASIDE_TYPES = new Set(['script', 'document', 'other']);

/** An event as it came; `framed`: from a frame in the page, not the page itself. */
type Received = PageEvent & { received: number; framed?: true };
/** An input whose answer is watched: a press, or a choice in a list that acts at once. */
type Watched = Received & ({ type: 'press' } | { type: 'choice' });
/** A request as the recorder keeps it: with when it was asked for, on cx-shop's clock. */
type Asked = RequestRecord & { at: number };

/** A single-page app's new view: a route pushed or popped, not a jump within the same page (see in-page.ts). */
function newRoute(e: Received): boolean {
  return e.type === 'route' && (e.how === 'push' || e.how === 'pop') && !e.samePage;
}

const recorders = new WeakMap<Page, Recorder>();

/** Where a frame's document sits on the customer's screen (its element's box in the page), or null when it is gone. */
export async function frameOnScreen(frame: Frame): Promise<{ x: number; y: number; width: number; height: number } | null> {
  if (frame.isDetached()) return null;
  const element = await timed(frame.frameElement(), 2000).catch(() => null);
  if (!element) return null;
  try {
    return await timed(element.boundingBox(), 2000).catch(() => null);
  } finally {
    await element.dispose().catch(() => undefined);
  }
}

/** Whether the page hides all of itself (opacity 0 or hidden on the root or the body). Runs in the page. */
function hidesItself(): boolean {
  const hides = (el: Element | null) => {
    if (!el) return false;
    const style = getComputedStyle(el);
    return style.opacity === '0' || style.visibility === 'hidden';
  };
  return hides(document.documentElement) || hides(document.body);
}

/** Events of a tab no recorder follows yet (one just opened: its first events may come before it is announced). */
const unclaimed = new WeakMap<Page, Array<[PageEvent, Frame | null]>>();
/** Most events kept for a tab nobody follows (one the customer never sees, opened by the page on its own). */
const MAX_UNCLAIMED = 500;

/**
 * Where the page binding delivers an event: the recorder following that page. A tab the customer left behind (the
 * one that opened the tab they are on now) is not theirs to watch any more.
 */
export function deliver(page: Page, event: PageEvent, frame: Frame | null = null): void {
  const recorder = recorders.get(page);
  if (recorder) {
    if (recorder.page === page) recorder.receive(event, frame);
    return;
  }
  const held = unclaimed.get(page) ?? [];
  if (held.length === 0) unclaimed.set(page, held);
  if (held.length < MAX_UNCLAIMED) held.push([event, frame]);
}

/**
 * What a frame in the page (a payment provider's card field, an embedded form) says that is kept: the customer's
 * hands in it. Its documents, messages and timers are not the page the customer is on.
 */
const HANDS = new Set<PageEvent['type']>(['press', 'key', 'select', 'scroll']);
/** Fields that answer a tap by turning on or off, by their type or their role: see tapResponse. */
const TOGGLES = /^(?:checkbox|radio|switch|menuitemcheckbox|menuitemradio)\b/;

export interface RecordedStep {
  interactions: ReturnType<typeof interactionsOf>;
  taps: TapResponse[];
  typed: TypedField[];
  appeared: AppearedText[];
  requests: RequestRecord[];
  pageErrors: PageErrorRecord[];
  consoleErrors: string[];
  pages: string[];
  /** New tabs the step opened (a link with target="_blank", window.open): where they went. */
  tabs: string[];
  waitMs: number;
  /** The page opened more browser dialogs in the step than a customer reads (see MAX_DIALOGS): it opens them in a loop. */
  dialogLoop?: true;
}

/** The address of the page Chromium shows in place of one it could not open (a redirect loop, no answer). */
const BROWSER_ERROR_PAGE = /^chrome-error:/;

export class Recorder {
  private readonly events: Received[] = [];
  /** Waits ended by the page's next event or request (see nextArrival). */
  private readonly arrivalWaits = new Set<() => void>();
  /** The page's answers to each press or choice, by document and input id. */
  private readonly answersByInput = new Map<string, Array<Received & { type: 'response' }>>();
  /** When each new document started (page clock). */
  private readonly documentTimes: number[] = [];
  /** When each route a single-page app pushed or replaced came, by its address (indexed as they come: see responsesTo). */
  private readonly routeTimes: Array<{ url: string; at: number }> = [];
  /** Documents that are the browser's own error page, shown where a page could not be opened: nothing in them is the site's. */
  private readonly browserPages = new Set<string>();
  /** Calls and errors the page said its own timers made (see in-page.ts). */
  private readonly pageOwnEvents: Array<Received & ({ type: 'call' } | { type: 'fault' })> = [];
  /** When the document the customer is on was asked for (its main frame's last navigation request). */
  private documentAskedAt = 0;
  private previousDocumentAskedAt = 0;
  /** The calls ("METHOD url") the page has sent with keepalive: see beaconSent. */
  private readonly beacons = new Set<string>();
  private readonly redact: (text: string) => string;
  private readonly requests: Asked[] = [];
  private readonly entries = new WeakMap<Request, Asked>();
  private readonly inflight = new Set<Request>();
  /** The site's own calls (fetch, XHR) not answered yet, whoever asked them, with when each was asked (see callsSince). */
  private readonly siteCallsOpen = new Map<Request, number>();
  /** Addresses (method, origin and path) of calls the page keeps open, poll after poll: their repeats are not waited for. */
  private readonly heldOpen = new Set<string>();
  /** When each address of the site's data calls was last answered. */
  private readonly lastAnswered = new Map<string, number>();
  /** Requests to such an address, not waited for as requests: the page says whether it is busy with them. */
  private readonly repeats = new WeakSet<Request>();
  /** Requests the customer's action made that were still unanswered when a wait for the site gave up on them. */
  private readonly unanswered = new WeakSet<RequestRecord>();
  /**
   * Files the customer's action is downloading (an invoice, a returns label), by the request that brought each: the
   * file's name, and once it has all come or failed, how it ended. One not yet all come is waited for as the site's
   * answer (see quiet); one still coming when that wait gave up is a download that never finished.
   */
  private readonly downloading = new Map<Asked, { name: string; ended: boolean; failure: string | null }>();
  /** When the last wait for the site ended in this step (its start before the first): see settleFrom. */
  private settledAt = 0;
  /** Of those, the ones this step's waits still wait for (as `inflight` for requests). */
  private readonly pendingDownloads = new Set<RequestRecord>();
  /** When the driver last gave the page the customer's input (a tap, a swipe, typing): see inputGiven. */
  private inputAt = 0;
  /** Whether the page said, when last asked during a wait, that it still had work to do for the customer. */
  private pageWorking = false;
  /** Faults injected on requests not yet seen (a route can run before the request event). */
  private readonly injectedEarly = new WeakMap<Request, string>();
  /** Set while cx-shop has taken the network off: every request that fails meanwhile failed on purpose. */
  offline: string | null = null;
  private readonly pageErrors: Array<PageErrorRecord & { at: number }> = [];
  /** The errors that came with no stack, and the scripts the page said it could not read (see unparsedScript). */
  private readonly stackless = new WeakSet<object>();
  private readonly unparsed: Array<{ message: string; party: PageErrorRecord['party']; at: number }> = [];
  /** The last request for each document and script address: the code an error threw in is read from its answer. */
  private readonly sources = new Map<string, Request>();
  /** That code, read once per request (a page may throw the same error on every tick of a timer). */
  private readonly sourceTexts = new WeakMap<Request, Promise<string | undefined>>();
  /** Reads of that code under way, for the errors that name no global (see globalReadOnNothing). */
  private readonly sourceReads = new Set<Promise<void>>();
  private readonly consoleErrors: Array<{ text: string; at: number }> = [];
  private readonly dialogs: Array<{ text: string; at: number }> = [];
  private readonly downloads: Array<{ name: string; at: number }> = [];
  private readonly tabs: Array<{ page: Page; at: number }> = [];
  private readonly navigations: Array<{ url: string; at: number }> = [];
  /** Each document that came on the customer's tab (its DOMContentLoaded), where and when: not a change of address within one. */
  private readonly documents: Array<{ url: string; at: number }> = [];
  private readonly lastSeq = new Map<string, number>();
  /** The same for the documents of the frames in the page. */
  private readonly frameSeq = new Map<string, number>();
  /** The frames the customer acted in, by their document: flushed with the page, and placed on it as a step ends. */
  private readonly frameDocs = new Map<string, Frame>();
  private readonly markTimes = new Map<number, number>();
  /** The site's registrable domains: its pages', and those of the hosts a scenario names as its own too (siteHosts). */
  private readonly sites: string[];
  private intents: Array<TypingIntent & { text: string }> = [];
  /** When, in this step, the customer pressed the browser's back button (see goBack). */
  private backs: number[] = [];
  /** Fields typed into in earlier steps that still held what was typed when their step ended: watched for a loss later. */
  private typedEarlier: Array<{ note: FieldNote; doc: string; chars: number }> = [];
  private stepEvents = 0;
  private stepRequests = 0;
  private stepStartedAt = Date.now();
  /** More dialogs came in this step than are read (see MAX_DIALOGS). */
  private dialogLoop = false;
  private lastSiteActivity = 0;
  /** The requests the customer waits for as a page loads still on their way, and when the last one ended (see loaded). */
  private readonly needed = new Set<Request>();
  private neededAt = 0;
  /** When the tab the customer is on last finished loading a document. */
  private loadAt = 0;
  private waited = 0;
  /** A document whose load event did not come within the settle's cap. */
  private neverLoaded: string | null = null;
  /** What cx-shop is doing: answering the customer's action, looking at the page itself, or neither. */
  private phase: 'action' | 'collect' | 'idle' = 'idle';

  /** The tab the customer is on: the first one, or the last one a tap of theirs opened (see follow). */
  private current: Page;
  /** The tabs the customer came from and the document each was on, the last one last (see closeTab). */
  private readonly openers: Array<{ page: Page; doc: string | null }> = [];
  /** The press that opened the tab the customer was last taken to. */
  private openedBy: Received | null = null;
  /** When the page said it opened a tab for the customer that the browser has not announced yet (see stillAnswering). */
  private tabAwaited: number | null = null;
  /** When a wait gave up on such a tab, at the cap: one the page said it opened before is not waited for again. */
  private tabGivenUpAt = 0;

  constructor(
    page: Page,
    /** `personDrives`: a person walks the journey (cx-shop guide), and may reload the page themselves. */
    private readonly options: { baseUrl: string; siteHosts?: readonly string[]; touch: boolean; secrets: readonly string[]; personDrives?: boolean },
  ) {
    this.sites = [siteOf(options.baseUrl), ...(options.siteHosts ?? []).map((host) => siteOf(`https://${host}/`))];
    this.redact = redactor(options.secrets);
    this.current = page;
    this.watch(page);
  }

  /** The tab the customer is on now. */
  get page(): Page {
    return this.current;
  }

  /**
   * Goes back from a tab a tap opened, as a phone's back button does when the tab has no page to go back to: the tab
   * closes and the customer is on the one that opened it. False when the customer is on the first tab.
   */
  async closeTab(): Promise<boolean> {
    const opener = this.openers.pop();
    if (!opener) return false;
    const left = this.current;
    this.back(opener, true);
    await closePage(left);
    return true;
  }

  /**
   * Back on a tab the customer came from: its document is shown again, as a page restored by going back is (the
   * customer's going back, unless the browser did it: an empty tab closed once its download began).
   */
  private back(opener: { page: Page; doc: string | null }, theirs: boolean): void {
    this.current = opener.page;
    // The customer is shown another page: an answer to the press that closed the tab, as any going to a page is.
    this.navigations.push({ url: opener.page.url(), at: Date.now() });
    if (opener.doc === null) return;
    const seq = this.lastSeq.get(opener.doc) ?? 0;
    // Its document is the one they are on again (see currentDoc).
    this.lastSeq.delete(opener.doc);
    if (theirs) this.receive({ type: 'document', url: opener.page.url(), how: 'restored', doc: opener.doc, seq, t: Date.now() });
    else this.lastSeq.set(opener.doc, seq);
  }

  /**
   * The customer is on a tab their tap opened (a link with target="_blank", window.open in answer to them): a phone
   * shows it in place of the page, and what they do from now on happens there. Its events from before it was
   * announced are taken in first.
   */
  private follow(tab: Page): void {
    this.openers.push({ page: this.current, doc: this.currentDoc() });
    this.current = tab;
    this.watch(tab);
    for (const [event, frame] of unclaimed.get(tab) ?? []) this.receive(event, frame);
    unclaimed.delete(tab);
  }

  /**
   * The customer's press, or key, within the dead-tap window: the last one, or null when there is none. `anyTime`: the
   * last one however long ago (a tab the page said it opened for them, announced once its slow page answered).
   */
  private pressedJustNow(anyTime = false): Received | null {
    const since = anyTime ? -Infinity : Date.now() - DEAD_TAP_WINDOW_MS;
    for (let i = this.events.length - 1; i >= 0 && this.events[i]!.received >= since; i -= 1) {
      const type = this.events[i]!.type;
      if (type === 'press' || type === 'key') return this.events[i]!;
    }
    return null;
  }

  /**
   * Listens to a tab: its requests, errors, dialogs, downloads and new tabs. What a tab the customer has left does
   * meanwhile is not theirs (its dialogs are still closed, or it would freeze).
   */
  private watch(page: Page): void {
    recorders.set(page, this);
    const here = () => page === this.current;
    // A tab that closes (a payment or sign-in window closing itself once done, or a person in a guided run closing
    // it) puts the customer back on the one that opened it; the browser did that, not a press of theirs.
    page.on('close', () => {
      if (here() && this.openers.length > 0) this.back(this.openers.pop()!, false);
    });
    page.on('request', (request) => here() && this.onRequest(request));
    page.on('load', () => here() && (this.loadAt = Date.now()));
    page.on('domcontentloaded', () => here() && this.documents.push({ url: page.url(), at: Date.now() }));
    page.on('response', (response) => {
      const entry = this.entries.get(response.request());
      if (entry) entry.status = response.status();
      // Chromium does not report a fetch as finished while the page has not read its body: the answer is enough.
      this.settleRequest(response.request());
    });
    page.on('requestfinished', (request) => {
      this.settleRequest(request);
      this.loaded(request);
    });
    page.on('requestfailed', (request) => {
      const entry = this.entries.get(request);
      if (entry) {
        entry.failure = request.failure()?.errorText ?? 'failed';
        if (this.offline && !entry.injected) entry.injected = this.offline;
      }
      this.settleRequest(request);
      this.loaded(request);
    });
    page.on('pageerror', (error) => {
      if (!here()) return;
      // A value thrown or rejected that is no Error (`Promise.reject({ code: 500 })`) has no stack to say whose code
      // it came from: the site's, on a page that runs no one else's scripts; unknown on one that does.
      const named = error.stack ? null : this.unparsed.find((u) => u.message === error.message && Date.now() - u.at < 5000);
      const party = thrownBy(error.stack ?? '', [...this.sites, siteOf(page.url())]) ?? named?.party ?? (this.othersScriptsHere() ? 'unknown' : 'site');
      const record: PageErrorRecord & { at: number } = { message: error.message, party, cause: this.phase === 'action' ? 'action' : 'background', at: Date.now() };
      if (!error.stack) this.stackless.add(record);
      this.pageErrors.push(record);
      if (readOnNothing(error.message)) this.readGlobal(record, error.stack ?? '');
    });
    page.on('console', (message) => {
      if (here() && message.type() === 'error') this.consoleErrors.push({ text: message.text(), at: Date.now() });
    });
    page.on('framenavigated', (frame) => {
      if (here() && frame === page.mainFrame()) this.navigations.push({ url: frame.url(), at: Date.now() });
    });
    // A native alert or confirm would freeze the page: read it, as the customer would, then close it. Chrome asks in
    // its own words before a page holding unsaved work is left (the page's words are never shown).
    page.on('dialog', async (dialog) => {
      if (here() && this.dialogs.filter((d) => d.at >= this.stepStartedAt).length < MAX_DIALOGS) {
        this.dialogs.push({ text: dialog.type() === 'beforeunload' && !dialog.message() ? LEAVE_QUESTION : dialog.message(), at: Date.now() });
      } else if (here()) this.dialogLoop = true;
      await dialog.accept().catch(() => undefined);
    });
    page.on('download', (download) => {
      if (!here()) return;
      this.downloads.push({ name: download.suggestedFilename(), at: Date.now() });
      this.downloadStarted(download);
      // A tab opened only to fetch a file (a PDF link with target="_blank") shows nothing: the browser closes it.
      if (this.openers.length > 0 && !isSitePage(page.url())) {
        this.back(this.openers.pop()!, false);
        void page.close().catch(() => undefined);
      }
    });
    page.on('popup', (tab) => {
      const awaited = here() && this.tabAwaited !== null;
      const press = this.pressedJustNow(awaited);
      if (here()) {
        this.tabs.push({ page: tab, at: Date.now() });
        this.tabAwaited = null;
        // A tab the page opens on its own (an advert as it loads) a phone's browser blocks: the customer stays here.
        if (press) {
          this.follow(tab);
          this.openedBy = press;
          // The site's answer to the customer came: a new tab, its page on the way (waited for on the tab).
          if (awaited) this.lastSiteActivity = Date.now();
        } else this.keepInFront();
        return;
      }
      // More tabs the same tap opened, from the page the customer just left for the first (the page blocks a second
      // window.open, see in-page.ts; a link with target="_blank" whose handler also opens one does not): a phone's
      // browser lets one tap open one tab. They are noted with the step and closed; the customer stays on the first
      // (the browser announces them in the order they were opened), on every run.
      if (press !== null && press === this.openedBy && this.openers.at(-1)?.page === page) {
        this.tabs.push({ page: tab, at: Date.now() });
        void closePage(tab);
      }
      this.keepInFront();
    });
  }

  /**
   * Puts the tab the customer is on in front again, after a window they were not taken to opened in front of it: the
   * browser draws a tab behind another once a second, and each wait for the page's next frame (every step's) would
   * take a second there (a tap on a page that opened an advert as it loaded was 1.07 s slow, against 0.06 s).
   */
  private keepInFront(): void {
    void this.current.bringToFront().catch(() => undefined);
  }

  receive(event: PageEvent, frame: Frame | null = null): void {
    if (frame) {
      // Every event a frame sends counts towards what a flush waits for; only the customer's hands are kept.
      this.frameSeq.set(event.doc, Math.max(this.frameSeq.get(event.doc) ?? 0, event.seq));
      if (!HANDS.has(event.type)) return;
      this.events.push({ ...event, received: Date.now(), framed: true });
      this.frameDocs.set(event.doc, frame);
      return;
    }
    const received = { ...event, received: Date.now() };
    this.events.push(received);
    this.arrived();
    this.lastSeq.set(event.doc, Math.max(this.lastSeq.get(event.doc) ?? 0, event.seq));
    // Indexed as they come: the press watch asks for these every 50 ms, and a scenario's events run to thousands.
    if (received.type === 'response') {
      const key = `${received.doc}:${received.id}`;
      this.answersByInput.set(key, [...(this.answersByInput.get(key) ?? []), received]);
    } else if (received.type === 'document') {
      this.documentTimes.push(received.t);
      if (BROWSER_ERROR_PAGE.test(received.url)) this.browserPages.add(received.doc);
    }
    else if (received.type === 'route' && (received.how === 'push' || received.how === 'replace')) this.routeTimes.push({ url: received.url, at: received.received });
    else if (received.type === 'call' || received.type === 'fault') this.pageOwnEvents.push(received);
    else if (received.type === 'beacon') this.beaconSent(`${received.method} ${received.url}`);
    else if (received.type === 'unparsed') this.unparsedScript(received.message, received.file);
  }

  /**
   * A script the browser could not read threw with no stack, so the error was put down to no one in particular on a
   * page that runs third parties' scripts too: the page's error event names the script, and so whose it was. The
   * error and the page's word on it come in either order.
   */
  private unparsedScript(message: string, file: string): void {
    const party = /^https?:\/\//i.test(file) ? this.whose(file) : null;
    if (party === null) return;
    const error = [...this.pageErrors].reverse().find((e) => e.message === message && this.stackless.has(e) && Date.now() - e.at < 5000);
    if (error) error.party = party;
    else this.unparsed.push({ message, party, at: Date.now() });
  }

  /**
   * A call the page sent with keepalive, to outlive it (analytics sent through the site's own address, Segment's
   * /v1/t): telemetry, which the customer neither waits for nor sees fail, whatever its address says. Its request may
   * have come before the page said so, or come after.
   */
  private beaconSent(call: string): void {
    this.beacons.add(call);
    for (const entry of this.requests) if (`${entry.method} ${entry.url}` === call) entry.telemetry = true;
    for (const request of this.inflight) {
      if (this.entries.get(request)?.telemetry && this.inflight.delete(request)) this.lastSiteActivity = Date.now();
    }
  }

  /** Finds, in the code where it threw, the global whose property an error read on nothing (see globalReadOnNothing). */
  private readGlobal(record: PageErrorRecord, stack: string): void {
    const place = placeThrown(stack);
    const request = place ? this.sources.get(place.url) : undefined;
    if (!place || !request) return;
    if (!this.sourceTexts.has(request)) this.sourceTexts.set(request, request.response().then((response) => response?.text()));
    const read = (async () => {
      const source = await this.sourceTexts.get(request);
      const name = source === undefined ? null : globalReadOnNothing(record.message, source, place.line, place.column);
      if (name !== null) record.reading = name;
    })().catch(() => undefined);
    this.sourceReads.add(read);
    void read.then(() => this.sourceReads.delete(read));
  }

  /** The driver is giving the page the customer's input now: what the page asks for after it answers them. */
  inputGiven(): void {
    this.inputAt = Date.now();
  }

  /** Starts a new step: what is recorded from now on belongs to it. */
  beginStep(): void {
    this.stepEvents = this.events.length;
    this.stepRequests = this.requests.length;
    this.stepStartedAt = Date.now();
    this.dialogLoop = false;
    this.intents = [];
    this.backs = [];
    this.waited = 0;
    // A tab an earlier step's page said it opened and the browser never announced is no answer to this step.
    this.tabAwaited = null;
    // A request still unanswered from an earlier step (a long poll the page keeps open, one that hangs) was waited
    // for there, up to the cap: it is not this step's answer, and waiting for it again would hold every step.
    this.inflight.clear();
    this.pendingDownloads.clear();
  }

  /** Whether the customer did anything in this step so far: pressed, typed, chose or scrolled. */
  actedInStep(): boolean {
    for (let i = this.stepEvents; i < this.events.length; i += 1) {
      const type = this.events[i]!.type;
      if (type === 'press' || type === 'key' || type === 'select' || type === 'choice' || type === 'scroll') return true;
    }
    return false;
  }

  /** Runs the customer's action: requests it starts are caused by the customer. */
  async action<T>(work: () => Promise<T>): Promise<T> {
    this.phase = 'action';
    try {
      return await work();
    } finally {
      this.phase = 'idle';
    }
  }

  /** From now on (a replayed page used only for tries), everything is the action's answer. */
  actingFromNowOn(): void {
    this.phase = 'action';
  }

  /** Runs cx-shop's own look at the page: what it makes the page request is cx-shop's, not the site's. */
  async collecting<T>(work: () => Promise<T>): Promise<T> {
    this.phase = 'collect';
    try {
      return await work();
    } finally {
      this.phase = 'idle';
    }
  }

  /**
   * The browser's back button, pressed by the customer: the time it went back to a document counts as their waiting.
   * The document, or null when there was none to load (a single-page app's route popped, or no page before).
   */
  goBack(timeout: number): Promise<Response | null> {
    this.backs.push(Date.now());
    return this.waiting(() => this.page.goBack({ timeout, waitUntil: 'domcontentloaded' }));
  }

  /** The driver's intent for the next field typed into: the text it means to type, and whether it is a code. */
  intend(intent: TypingIntent & { text: string }): void {
    this.intents.push(intent);
  }

  /** When the wait for the site under way began (a page load, a settle), or null when none is. */
  private waitingSince: number | null = null;

  /** Time spent waiting on the site in this step so far, in milliseconds. */
  get waitMs(): number {
    return this.waited;
  }

  /** Counts work that waits on the site (a page load) as the customer's waiting. */
  async waiting<T>(work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const outer = this.waitingSince === null;
    if (outer) this.waitingSince = started;
    try {
      return await work();
    } finally {
      if (outer) this.waitingSince = null;
      this.waited += Date.now() - started;
    }
  }

  /** The customer's waiting in this step so far, a wait still under way counted up to now (a step cut short in it). */
  waitedSoFar(): number {
    return this.waited + (this.waitingSince === null ? 0 : Date.now() - this.waitingSince);
  }

  /** Events received so far: a mark to wait for the answer to a press made after it, or for new text. */
  get mark(): number {
    this.markTimes.set(this.events.length, Date.now());
    return this.events.length;
  }

  /**
   * The customer's swipes up or down the page since the mark, counted as `swipes` of a screen each, in place of the
   * gestures as they came: for a page that pulls the screen back against them, where how many came and how far each
   * went is the page's timer's doing (see ScriptContext.swipeTo).
   */
  countSwipesAs(mark: number, swipes: number, height: number): void {
    const since = this.events.slice(mark);
    const ours = (e: Received) => e.type === 'scroll' && e.direction === 'vertical' && !e.framed;
    const at = since.findIndex(ours);
    const like = (at >= 0 ? since[at] : since.at(-1) ?? this.events.at(-1)) as Received | undefined;
    if (!like) return;
    const size = like.type === 'scroll' ? like.size : Math.round(height);
    const { seq, t, doc, received } = like;
    const counted: Received[] = Array.from({ length: swipes }, () => ({ seq, t, doc, received, type: 'scroll', pixels: size, direction: 'vertical', size }));
    const kept = since.filter((e) => !ours(e));
    const place = at >= 0 ? at : kept.length;
    this.events.splice(mark, since.length, ...kept.slice(0, place), ...counted, ...kept.slice(place));
  }

  /** Messages that appeared since the mark (new text on the page, browser dialogs), secrets masked. */
  async messagesSince(mark: number): Promise<AppearedText[]> {
    await this.flush();
    return this.messagesOf(this.events.slice(mark), this.markTimes.get(mark) ?? 0, () => true);
  }

  /** The messages among events, and the browser dialogs since a time, as the customer read them (secrets masked). */
  private messagesOf(events: Received[], since: number, keep: (message: { arrival: boolean; answers?: number }) => boolean): AppearedText[] {
    // The browser's own error page ("This page isn't working") says what the browser met, in its words, not the site's.
    const messages = events.filter((e): e is Received & { type: 'message' } => e.type === 'message' && !this.browserPages.has(e.doc) && keep(e));
    // A dialog read again as it filled in: its last reading is what the customer read there.
    const last = new Map(messages.flatMap((m, i) => (m.dialog !== undefined ? [[m.dialog, i] as const] : [])));
    return [
      ...messages
        .filter((m, i) => m.dialog === undefined || last.get(m.dialog) === i)
        .map(({ kind, text, where, box, pinned }) => ({ kind, text: this.mask(text), where, box: box ?? null, ...(pinned && { pinned }) })),
      ...this.dialogs.filter((d) => d.at >= since).map((d) => ({ kind: 'dialog' as const, text: this.mask(d.text), where: 'browser dialog' })),
    ];
  }

  /** The addresses the tab arrived at since `since`, in order, secrets masked (a page sending the customer on by itself). */
  arrivalsSince(since: number): string[] {
    return this.navigations.filter((n) => n.at >= since).map((n) => this.mask(n.url));
  }

  /**
   * The documents that came on the customer's tab since the step began (look included), where (secrets masked) and
   * when: each a page read in whole, not a change of address a single-page shop makes within one.
   */
  documentsThisStep(): Array<{ url: string; at: number }> {
    return this.documents.filter((d) => d.at >= this.stepStartedAt).map((d) => ({ url: this.mask(d.url), at: d.at }));
  }

  /**
   * The site's pages and calls the customer's action asked for in this step that have neither an answer nor a failure
   * yet, as "METHOD /path", secrets masked: what a page that stopped answering may be held by (a request its code made
   * synchronously, which freezes it until answered).
   */
  stillUnanswered(): string[] {
    return this.requests
      .slice(this.stepRequests)
      .filter((r) => r.party === 'site' && r.cause === 'action' && !r.telemetry && ANSWERING_TYPES.has(r.resourceType) && r.status === null && r.failure === null)
      .map((r) => this.mask(`${r.method} ${shortUrl(r.url)}`));
  }

  /** What the customer pressed on the page they are on now (since the last new document or route), in words. */
  tapsOnThisPage(): string[] {
    const taps: string[] = [];
    for (let i = this.events.length - 1; i >= 0; i -= 1) {
      const e = this.events[i]!;
      if (e.type === 'document' || newRoute(e)) break;
      if (e.type === 'press') taps.unshift(e.target.description);
    }
    return taps;
  }

  /** Whether the page said the customer pressed something after `mark`. */
  pressedSince(mark: number): boolean {
    return this.events.slice(mark).some((e) => e.type === 'press');
  }

  /**
   * Whether the press made after `mark` slipped (see in-page.ts): the page scrolled its control away from under the
   * finger as it came down, and the tap went to what lay there then, on the same page. That press is then no press of
   * the customer's: the tap is the driver's to make again, as the browser's automation makes one again that something
   * lay over; how often the page's own timer catches it depends on the run. Its events stay where they were.
   */
  dropSlippedPress(mark: number): boolean {
    const since = this.events.slice(mark);
    const slip = since.find((e): e is Received & { type: 'slipped' } => e.type === 'slipped');
    if (!slip || since.some((e) => e.type === 'document' || newRoute(e))) return false;
    const index = this.events.findIndex((e, i) => i >= mark && e.type === 'press' && e.doc === slip.doc && e.id === slip.id);
    if (index < 0) return false;
    const press = this.events[index]!;
    this.events[index] = { ...slip, seq: press.seq, t: press.t, received: press.received };
    return true;
  }

  /**
   * Waits until the press made after `mark` got an answer from the page or the dead-tap window passed. A press
   * the page never reported (covered by another element, for instance) is waited for a moment only.
   */
  async pressAnswered(mark: number): Promise<void> {
    const deadline = Date.now() + DEAD_TAP_WINDOW_MS + 1000;
    while (Date.now() < deadline) {
      const since = this.events.slice(mark);
      const press = since.find((e): e is Watched => e.type === 'press');
      if (press && (this.responsesTo(press).length > 0 || Date.now() - press.t >= DEAD_TAP_WINDOW_MS)) return;
      // One that slipped is answered by nothing of its own (see dropSlippedPress).
      if (press && since.some((e) => e.type === 'slipped' && e.doc === press.doc && e.id === press.id)) return;
      // One the page asked a third party to answer (an address finder): the wait for the site to settle waits for the
      // page to handle that answer, and counts it (see thirdPartyCallsHandled).
      if (press && this.askedThirdParty(this.markTimes.get(mark) ?? press.received)) return;
      if (!press && Date.now() > deadline - DEAD_TAP_WINDOW_MS) return;
      // Asked again as soon as the page says something (most answers are its events), and every 50 ms for the rest.
      await this.nextArrival(50);
    }
  }

  /**
   * Waits, up to `ms`, until the site's calls asked since `since` (a time) are answered, whoever asked them. The next
   * part of an endless list, which the page asks for as the part before comes in (its end still near the screen), is
   * asked again as soon as the last was answered, as a poll is (see heldOpen), and the wait for the site lets it go;
   * a customer at the list's end waits for it. Not their waiting as the settle counts it: a call held open that is no
   * part of the list is waited for here up to `ms`.
   */
  async callsSince(since: number, ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && [...this.siteCallsOpen.values()].some((at) => at >= since)) await this.nextArrival(Math.min(50, until - Date.now()));
  }

  /** Resolves once the page sends its next event or asks for something, or after `ms`. */
  private nextArrival(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const waiting = this.arrivalWaits;
      function done() {
        clearTimeout(timer);
        waiting.delete(done);
        resolve();
      }
      waiting.add(done);
    });
  }

  /** Something the page did arrived: whoever waits for it asks again. */
  private arrived(): void {
    for (const done of [...this.arrivalWaits]) done();
  }

  /**
   * Waits for the site to answer: its own requests done, nothing more it set out to do for the customer, the page
   * loaded, the main thread free to paint. The time it took counts as the customer's waiting (not cx-shop's checks).
   */
  async settle(): Promise<void> {
    const started = Date.now();
    const outer = this.waitingSince === null;
    if (outer) this.waitingSince = started;
    try {
      await this.settleFrom(started);
    } finally {
      if (outer) this.waitingSince = null;
    }
  }

  private async settleFrom(started: number): Promise<void> {
    // A file the customer's action asked for since the last wait has been waited for since it was asked for: the
    // tap's answer was the download itself, which the browser says only once the file has begun to come (or has come
    // whole), and the time before this wait is counted nowhere else.
    const since = Math.max(this.stepStartedAt, this.settledAt);
    const waitingFrom = Math.min(started, ...[...this.downloading.keys()].filter((entry) => entry.at >= since).map((entry) => entry.at));
    const gaveUpAt = await this.quiet(started);
    const beforeLoad = Date.now();
    // A document whose load never came (a third party's file that never finishes) is not waited for again. One whose
    // own last byte never came has not said it is there either (it says so once it is read whole): known by its address.
    const unannounced = `unannounced ${this.page.url()}`;
    const doc = this.currentDoc() ?? unannounced;
    // The same document, once it has said something (the customer's first tap on it).
    if (this.neverLoaded === unannounced) this.neverLoaded = doc;
    let neverCame = false;
    // The cap is the whole wait's: a page that goes round by itself (each document gone a moment after it loads) is
    // never quiet, and each of the three waits taking the cap in turn held cx-shop 30 s on one action.
    const capAt = started + SETTLE_CAP_MS;
    if (doc !== this.neverLoaded) {
      neverCame = !(await this.page.waitForLoadState('load', { timeout: Math.max(1, capAt - Date.now()) }).then(() => true, () => false));
      if (neverCame) this.neverLoaded = doc;
    }
    // When the load came, if it was still to come once the site was quiet: read from the event, not from how long
    // asking took (on a busy machine that is no sign of waiting). One that never came was waited for to the cap.
    // Either way the customer waited only until the last of what they needed came: a third party's script that holds
    // the load (a chat widget's, a tag manager's) holds cx-shop, not them.
    const held = neverCame || this.loadAt >= beforeLoad;
    const loadEnd = neverCame ? Date.now() : this.loadAt;
    const loadedAt = held ? Math.max(started, this.needed.size > 0 ? loadEnd : Math.min(loadEnd, this.neededAt)) : started;
    // Quiet again after a load that came late, or when asking took a while: what the page's load handlers sent may
    // have been on its way when the site was last found quiet.
    if ((held || Date.now() - beforeLoad > 5) && Date.now() < capAt) await this.quiet(Date.now(), capAt);
    // The frame after the wait also says whether the page hides all of itself (see shownAt): asked in one question.
    const frame = await this.nextFrame();
    const frameLate = frame.late;
    const shownAt = frame.hidden ? await this.shownAt(started) : started;
    // A request of the customer's still unanswered when the wait gave up (an "Adding…" that never ends): they waited
    // for it all that time. A frame that came late is waited for on top of what they waited for, but not the time
    // before cx-shop asked for it (a third party's script that held the load was no wait of theirs).
    this.waited += Math.max(0, Math.max(this.lastSiteActivity, loadedAt, gaveUpAt, shownAt) - waitingFrom) + frameLate;
    this.settledAt = Date.now();
  }

  /**
   * When the page showed itself: one that hides all of itself until a script says so (an A/B test's anti-flicker
   * snippet: the whole page at opacity 0 until the test's script comes, or 4 s pass) shows the customer a blank
   * screen all that while, and nothing on it can be seen or tapped. Waited for, up to the cap, as their waiting.
   */
  private async shownAt(started: number): Promise<number> {
    while (Date.now() - started < SETTLE_CAP_MS) {
      await delay(50);
      if (!(await timed(ask(this.page, hidesItself), 2000).catch(() => false))) return Date.now();
    }
    return Date.now();
  }

  /** The document the customer is on, as the page last said (see in-page.ts), or null before it said anything. */
  private currentDoc(): string | null {
    return [...this.lastSeq.keys()].at(-1) ?? null;
  }

  /**
   * Waits until the site is quiet: none of its requests that answer the customer in flight, nothing the page still
   * has to do for them (a short timer to run, an answer to handle, a new page to ask for: see in-page.ts), and that
   * found twice in a row. Events, not a fixed time after every action: a step that sends nothing is not held for a
   * request that never comes, and a request a timer sends is waited for through the timer. Returns when it gave up
   * on requests of the customer's that never answered, up to the cap (0 when none was left): `until`, the settle's own
   * when the wait is its second.
   */
  private async quiet(started: number, until = started + SETTLE_CAP_MS): Promise<number> {
    let calm = 0;
    while ((calm < 2 || Date.now() - started < MIN_QUIET_MS) && Date.now() < until) {
      if (this.pendingDownloads.size > 0 || (this.inflight.size > 0 && !(await this.onlyHeldOpen()))) {
        calm = 0;
        await delay(10);
        continue;
      }
      const since = Date.now() - this.lastSiteActivity;
      if (since < AFTER_ANSWER_MS) {
        calm = 0;
        await delay(AFTER_ANSWER_MS - since);
        continue;
      }
      const activity = this.lastSiteActivity;
      const busy = await this.stillAnswering();
      this.pageWorking = busy;
      calm = !busy && this.inflight.size === 0 && this.lastSiteActivity === activity ? calm + 1 : 0;
      // Found quiet twice, long enough: nothing to wait for before saying so.
      if (calm >= 2 && Date.now() - started >= MIN_QUIET_MS) break;
      await delay(10);
    }
    this.pageWorking = false;
    const tab = this.tabAwaited !== null;
    if (Date.now() < until || (this.inflight.size === 0 && this.pendingDownloads.size === 0 && !tab)) return 0;
    // Waited for once, up to the cap: the next wait in the step does not wait for these again. Each one is still the
    // customer's request the site never answered, or download it never finished (unless it does before the step
    // ends: see endStep), or the tab that never came.
    if (tab) [this.tabGivenUpAt, this.tabAwaited] = [Date.now(), null];
    for (const request of this.inflight) this.unanswered.add(this.entries.get(request)!);
    for (const entry of this.pendingDownloads) this.unanswered.add(entry);
    this.inflight.clear();
    this.pendingDownloads.clear();
    return Date.now();
  }

  /**
   * Whether every request still waited for is a call the page holds open (see HELD_OPEN_MS); if so they are let go
   * (asked again as soon as answered, their address is a poll: see ASKED_AGAIN_MS). A call made in answer to the customer keeps the page busy while it is open (see
   * in-page.ts), so a slow answer to the customer is never taken for one.
   */
  private async onlyHeldOpen(): Promise<boolean> {
    const now = Date.now();
    const open = [...this.inflight].map((request) => this.entries.get(request));
    if (!open.every((entry) => entry && PAGE_CALLS.has(entry.resourceType) && now - entry.at >= HELD_OPEN_MS)) return false;
    if (await this.stillAnswering()) return false;
    this.inflight.clear();
    return true;
  }

  /**
   * Whether the page still has something to do in answer to the customer (see in-page.ts): a page it started leaving
   * for counts until a download that came since shows that it never goes (the download may have come before this
   * wait began: a step that reads the file it got settles after).
   */
  async stillAnswering(): Promise<boolean> {
    const asked = Date.now();
    const busy = await timed(ask(this.page, () => window.__cxShopRecorder?.busy() ?? null), 2000).catch(() => null);
    if (!busy) return false;
    this.thirdPartyCallsHandled(busy.answered);
    // A tab the page opened for the customer is announced only once its page has answered (a slow server's: seconds
    // later): until then the customer waits for it, and what they do next they do there. When it opened, on cx-shop's
    // clock, a little early rather than late (see leftAt below).
    if (typeof busy.opening === 'number') {
      const openedAt = asked - busy.opening - 50;
      if (openedAt > this.tabGivenUpAt && !this.tabs.some((tab) => tab.at >= openedAt)) {
        this.tabAwaited = openedAt;
        return true;
      }
    }
    // A call that only came soon after the customer's input, to an address the page holds open, is the page asking
    // again on its own (its poll answered just then), not an answer to them.
    if (busy.work > 0 || busy.maybe.some((call) => !this.heldOpen.has(callAddress(call)))) return true;
    if (busy.leaving === null) return false;
    // When it started leaving, on cx-shop's clock (a little early rather than late: the answer took a moment to come).
    const leftAt = asked - busy.leaving - 50;
    return !this.downloads.some((d) => d.at >= leftAt);
  }

  /** Whose an address is: the site's (its own hosts, and the host of the page the customer is on) or a third party's. */
  private whose(url: string): 'site' | 'third-party' {
    return partyOf(url, [...this.sites, siteOf(this.page.url())]);
  }

  /** Whether the customer's action made a call to a third party since `since` (not telemetry, not one they never see). */
  private askedThirdParty(since: number): boolean {
    return this.requests
      .slice(this.stepRequests)
      .some((r) => r.at >= since && r.cause === 'action' && r.party === 'third-party' && (r.resourceType === 'fetch' || r.resourceType === 'xhr') && !r.telemetry && !unseenByCustomer(r));
  }

  /**
   * A call the customer's action made to a third party (an address finder, a payment provider's token, a search
   * service) keeps the page busy until it has handled the answer, as a call to the site does; one whose answer the
   * page read is what the customer waits for, as for the site's (one sent and never read, a recommendation widget's
   * note of the tap, is not). Its request is not the site's (its failure is no fault of the site's), so their wait
   * ends when the page said it had handled the answer.
   */
  private thirdPartyCallsHandled(answered: ReadonlyArray<{ method: string; url: string }>): void {
    if (this.phase !== 'action' || answered.length === 0) return;
    if (answered.some((call) => this.whose(call.url) === 'third-party' && !isTelemetry(call.url, 'fetch'))) this.lastSiteActivity = Date.now();
  }

  /** Asks the page, and the frames the customer acted in, to send what they hold back, and waits until it arrived. */
  async flush(): Promise<void> {
    const frames = [...new Set(this.frameDocs.values())].filter((frame) => !frame.isDetached());
    await Promise.all([this.flushDocument(this.page, this.lastSeq), ...frames.map((frame) => this.flushDocument(frame, this.frameSeq))]);
  }

  /** One document's part of a flush: it sends what it holds back (a scroll gesture, new text), then all of it is waited for. */
  private async flushDocument(where: Page | Frame, seqs: Map<string, number>): Promise<void> {
    const state = await timed(
      ask(where, () => (window.__cxShopRecorder ? { doc: window.__cxShopRecorder.doc, seq: window.__cxShopRecorder.flush() } : null)),
      2000,
    ).catch(() => null);
    if (!state) return;
    const deadline = Date.now() + 1000;
    // Asked again as each event arrives from the page (a frame's every 10 ms).
    while ((seqs.get(state.doc) ?? 0) < state.seq && Date.now() < deadline) await this.nextArrival(10);
  }

  /** Where each frame the customer was about to act in was on their screen then (see noteFrame). */
  private readonly frameBoxes = new WeakMap<Frame, { x: number; y: number }>();

  /**
   * Notes where a frame is on the screen before the customer acts in it: a frame that takes itself away once answered
   * (a consent manager's) is placed there when the step ends.
   */
  async noteFrame(frame: Frame): Promise<void> {
    const box = await frameOnScreen(frame);
    if (box) this.frameBoxes.set(frame, box);
  }

  /**
   * Events from frames with their boxes moved from the frame's own coordinates to the page's: where the frame is on
   * the customer's screen now, plus the page's scroll for document coordinates. A frame that is gone by then is
   * placed where it was before the customer acted in it, if cx-shop acted there; else it leaves no box.
   */
  private async placeFramed(events: Received[]): Promise<Received[]> {
    const docs = [...new Set(events.filter((e) => e.framed).map((e) => e.doc))];
    if (docs.length === 0) return events;
    const scroll = await timed(ask(this.page, () => ({ x: scrollX, y: scrollY })), 2000).catch(() => ({ x: 0, y: 0 }));
    const offsets = new Map<string, { x: number; y: number } | null>();
    for (const doc of docs) {
      const frame = this.frameDocs.get(doc);
      offsets.set(doc, frame ? ((await frameOnScreen(frame)) ?? this.frameBoxes.get(frame) ?? null) : null);
    }
    const place = (target: TargetInfo, at: { x: number; y: number } | null): TargetInfo => {
      const box = target.box && at ? { ...target.box, x: target.box.x + at.x, y: target.box.y + at.y } : null;
      return { ...target, box, pageBox: box ? { ...box, x: box.x + scroll.x, y: box.y + scroll.y } : null };
    };
    return events.map((e) => {
      if (!e.framed) return e;
      const at = offsets.get(e.doc) ?? null;
      const placed = { ...e } as Received & { target?: TargetInfo; field?: FieldNote | null };
      if (placed.target) placed.target = place(placed.target, at);
      if (placed.field) placed.field = { ...placed.field, target: place(placed.field.target, at) };
      return placed as Received;
    });
  }

  /** What happened in the step, put together once its actions and expectations are done. */
  async endStep(): Promise<RecordedStep> {
    await this.flush();
    await timed(Promise.all(this.sourceReads), 2000).catch(() => undefined);
    const events = await this.placeFramed(this.events.slice(this.stepEvents));
    // Each browser dialog is read (see messagesOf) and answered with a tap on its button, as the customer does.
    const answered = this.dialogs
      .filter((d) => d.at >= this.stepStartedAt)
      .map((): Interaction => ({ kind: 'tap', target: DIALOG_BUTTON, pointer: this.options.touch ? 'touch' : 'mouse' }));
    const interactions = [...interactionsOf(events, this.options.touch, { intents: this.intents, personDrives: this.options.personDrives === true, backs: this.backs }), ...answered];
    const acted = events.some((e) => e.type === 'press' || e.type === 'select' || (e.type === 'key' && e.key !== 'char'));
    // A message already on a page the customer arrived at counts only when they did something in the step.
    // A message that answers an action of an earlier step, come after that step ended (a reminder its tap's code showed
    // 2 s on, once a slow machine had moved on), is no answer to this step's.
    const appeared = this.messagesOf(events, this.stepStartedAt, (message) => (!message.arrival || acted) && (message.answers === undefined || message.answers >= this.stepStartedAt));
    return {
      interactions,
      // A tap in a frame is counted as effort; what answered it there is the frame's, not seen from the page.
      taps: events
        .filter((e): e is Watched => !e.framed && (e.type === 'press' || (e.type === 'choice' && e.expectsAnswer)))
        .map((input) => this.tapResponse(input)),
      typed: await this.typedFields(events),
      appeared,
      requests: this.requests.slice(this.stepRequests).map((entry) => {
        const { at, ...request } = entry;
        if (this.pageOwn('call', request, at)) return { ...request, cause: 'background' as const };
        const file = this.downloading.get(entry);
        // The browser fails the request it turned into a download (ERR_ABORTED): how the download ended is its answer.
        if (file) return { ...request, download: file.name, failure: file.failure, ...(!file.ended && this.unanswered.has(entry) && { unanswered: true as const }) };
        return this.unanswered.has(entry) && request.status === null && request.failure === null ? { ...request, unanswered: true as const } : request;
      }),
      pageErrors: this.pageErrors
        .filter((e) => e.at >= this.stepStartedAt)
        .map(({ at, ...error }) => (this.pageOwn('fault', error, at) ? { ...error, cause: 'background' as const } : error)),
      consoleErrors: this.consoleErrors.filter((e) => e.at >= this.stepStartedAt).map((e) => e.text),
      pages: events
        .filter((e) => (e.type === 'document' && e.how !== 'restored') || newRoute(e))
        .map((e) => (e as { url: string }).url),
      tabs: this.tabs.filter((t) => t.at >= this.stepStartedAt).map((t) => this.mask(t.page.url())),
      waitMs: this.waited,
      ...(this.dialogLoop && { dialogLoop: true as const }),
    };
  }

  /**
   * What the step's last press asking the page to take a form (a button, Enter in a field) left marked as wrong on the
   * document the customer is on now (see watchRefusal in in-page.ts); null when this step made no such press there,
   * or it marked nothing.
   */
  async refusal(): Promise<StepArtifacts['marked'] | null> {
    const found = await timed(
      ask(this.page, () => (window.__cxShopRecorder ? { doc: window.__cxShopRecorder.doc, refusal: window.__cxShopRecorder.refusal() } : null)),
      2000,
    ).catch(() => null);
    const refusal = found?.refusal;
    if (!refusal || refusal.fields.length === 0) return null;
    const ours = this.events
      .slice(this.stepEvents)
      .some((e) => e.doc === found.doc && ((e.type === 'press' && e.id === refusal.press) || (e.type === 'key' && e.seq === refusal.key)));
    if (!ours) return null;
    const fields = refusal.fields.map((field) => ({ ...field, element: this.mask(field.element) }));
    return { fields, wordsAdded: refusal.wordsAdded, fieldsShown: refusal.fieldsShown };
  }

  /** Replaces every secret in text by ••• (in each form a site may show it: see output/safe.ts). */
  mask(text: string): string {
    return this.redact(text);
  }

  /** A fault cx-shop injected on this request on purpose: recorded with it, so it never counts as the site's. */
  markInjected(request: Request, fault: string): void {
    const entry = this.entries.get(request);
    if (entry) entry.injected = fault;
    else this.injectedEarly.set(request, fault);
  }

  /**
   * True when the page said its own code made this call or threw this error on its own (a timer it set while the
   * customer did nothing), around the time it happened.
   */
  private pageOwn(kind: 'call' | 'fault', what: { method?: string; url?: string; message?: string; cause: string }, at: number): boolean {
    if (what.cause !== 'action') return false;
    return this.pageOwnEvents.some(
      (e) =>
        Math.abs(e.received - at) <= 1500 &&
        ((kind === 'call' && e.type === 'call' && e.method === what.method && e.url === what.url) ||
          (kind === 'fault' && e.type === 'fault' && e.message === what.message)),
    );
  }

  /** Whether the document the customer is on has asked for a third party's script. */
  private othersScriptsHere(): boolean {
    // The document before counts too: its last errors can come after the next one was asked for, as it unloads.
    return this.requests.some((r) => r.at >= this.previousDocumentAskedAt && r.resourceType === 'script' && r.party === 'third-party');
  }

  private onRequest(request: Request): void {
    const at = Date.now();
    if (request.isNavigationRequest() && request.frame() === this.page.mainFrame()) [this.previousDocumentAskedAt, this.documentAskedAt] = [this.documentAskedAt, at];
    // While cx-shop looks at the page, what loads because of that (pictures of a full-page capture) is cx-shop's; a
    // call the page's own code makes meanwhile (a poll, telemetry) is the page's, in the background.
    const ownCall = PAGE_CALLS.has(request.resourceType());
    const party: RequestRecord['party'] = this.phase === 'collect' && !ownCall ? 'cx-shop' : this.whose(request.url());
    const headers = request.headers();
    const entry = {
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      status: null,
      failure: null,
      party,
      cause: this.phase === 'action' ? ('action' as const) : ('background' as const),
      telemetry: isTelemetry(request.url(), request.resourceType(), headers['content-type']) || this.beacons.has(`${request.method()} ${request.url()}`),
      ...(isPrefetch(headers) && { prefetch: true as const }),
      ...(this.injectedEarly.has(request) && { injected: this.injectedEarly.get(request)! }),
      at,
    };
    this.entries.set(request, entry);
    if (entry.party === 'site' && (entry.resourceType === 'fetch' || entry.resourceType === 'xhr')) this.siteCallsOpen.set(request, at);
    if (entry.resourceType === 'document' || entry.resourceType === 'script') this.sources.set(entry.url, request);
    this.requests.push(entry);
    this.arrived();
    if (Recorder.neededToLoad(entry)) this.needed.add(request);
    // A call asked again as soon as it was answered (between steps too) is a poll; not one asked again after the
    // customer's input came between (the next part of a list they swiped to the end of, the next page they tapped).
    const address = PAGE_CALLS.has(entry.resourceType) && entry.party === 'site' ? callAddress(entry) : null;
    const answered = address === null ? 0 : (this.lastAnswered.get(address) ?? 0);
    if (address !== null && answered > 0 && at - answered <= ASKED_AGAIN_MS && this.inputAt <= answered) this.heldOpen.add(address);
    if (address !== null && this.heldOpen.has(address)) this.repeats.add(request);
    // A call the page's own timer makes (a stock poll every second: the page says so as it makes it) is no answer to
    // the customer, however often it comes.
    if (this.answers(entry) && !this.repeats.has(request) && !this.pageOwn('call', entry, at)) {
      this.inflight.add(request);
      this.lastSiteActivity = at;
    }
  }

  /**
   * A file sent as a download in answer to the customer (the browser turned the request into a download): they wait
   * until it has all come, whichever host the site keeps it on (its own, or a documents host: a storage bucket, a
   * billing service). A file a script makes in the page (a blob, a data: address) comes at once.
   */
  private downloadStarted(download: Download): void {
    const entry = this.requests.filter((r) => r.url === download.url()).at(-1);
    if (!entry || entry.cause !== 'action') return;
    const state = { name: download.suggestedFilename(), ended: false, failure: null as string | null };
    this.downloading.set(entry, state);
    this.pendingDownloads.add(entry);
    this.lastSiteActivity = Date.now();
    void download.failure().then(
      (failure) => {
        // Chromium ends one the connection dropped under as "canceled": cx-shop never cancels one, so it broke off.
        Object.assign(state, { ended: true, failure: failure === null ? null : 'download broke off' });
        if (this.pendingDownloads.delete(entry)) this.lastSiteActivity = Date.now();
      },
      // The browser or its tab closed first: nothing is known of how the download would have ended.
      () => this.pendingDownloads.delete(entry),
    );
  }

  /** A request the customer waits on: the site's own, caused by their action, not a beacon or a picture. */
  private answers(entry: RequestRecord): boolean {
    return entry.party === 'site' && entry.cause === 'action' && !unseenByCustomer(entry) && WAITED_TYPES.has(entry.resourceType);
  }

  private settleRequest(request: Request): void {
    this.siteCallsOpen.delete(request);
    // A held-open call's repeat that ends while the page works on it was the customer's call to that address.
    if (this.inflight.delete(request) || (this.repeats.has(request) && this.pageWorking)) this.lastSiteActivity = Date.now();
    // When its answer came, and then when it finished coming (the page asks again once it has read it).
    const entry = this.entries.get(request);
    if (entry && PAGE_CALLS.has(entry.resourceType) && entry.party === 'site') this.lastAnswered.set(callAddress(entry), Date.now());
  }

  /**
   * A request of the tab's ended. One the customer waits for as a page loads (not a third party's script, call or
   * frame: see ASIDE_TYPES, nor telemetry) marks when the page had what the customer needed of it, once none is left.
   */
  private loaded(request: Request): void {
    if (this.needed.delete(request)) this.neededAt = Date.now();
  }

  /** Whether the customer waits for a request as a page loads (see loaded). */
  private static neededToLoad(entry: RequestRecord): boolean {
    // The page's calls hold no load event: the site's are waited for as answers (see quiet).
    if (entry.party === 'cx-shop' || unseenByCustomer(entry) || PAGE_CALLS.has(entry.resourceType)) return false;
    return !(entry.party === 'third-party' && ASIDE_TYPES.has(entry.resourceType));
  }

  /**
   * How late the page painted its next frame (0 when in time): a frozen main thread answers late, and that is waiting
   * too. And whether, at that frame, the page hid all of itself (see shownAt).
   */
  private async nextFrame(): Promise<{ late: number; hidden: boolean }> {
    const asked = Date.now();
    // As text: the page's own code may not build functions from strings (its content security policy), and this is
    // no code of the page's.
    const hidden = await timed(
      this.page.evaluate<boolean>(`new Promise((resolve) => (window.__cxShopRecorder?.frame ?? requestAnimationFrame)(() => resolve((${hidesItself.toString()})())))`),
      SETTLE_CAP_MS,
    ).catch(() => false);
    const took = Date.now() - asked;
    return { late: took > FROZEN_MS ? took : 0, hidden };
  }

  private responsesTo(press: Watched): TapResponse['responses'] {
    const within = (at: number) => at >= press.t - 50 && at <= press.t + DEAD_TAP_WINDOW_MS;
    const responses = new Set<TapResponse['responses'][number]>();
    // A tap on a field answers itself: the caret is there, the keyboard opens (or already is).
    // A field takes the focus, and a keyboard or a picker with it: that is its answer. A tick box, a radio or a switch
    // answers by turning, which the page shows (a native one turns by itself): the focus alone says nothing.
    if (press.type === 'press' && press.field && !TOGGLES.test(press.field.type) && !TOGGLES.test(press.target.description)) responses.add('focus');
    for (const answer of this.answersTo(press)) responses.add(answer.what);
    // A single-page app's route pushed or replaced changes the address only: the view it draws is the answer, if any.
    const routed = (n: { url: string; at: number }) => this.routeTimes.some((r) => r.url === n.url && Math.abs(r.at - n.at) <= 1000);
    if (this.navigations.some((n) => within(n.at) && n.at >= press.t && !routed(n))) responses.add('navigation');
    if (this.documentTimes.some((t) => t > press.t && within(t))) responses.add('navigation');
    if (this.requests.some((r) => within(r.at) && r.at >= press.t && r.party === 'site' && !unseenByCustomer(r) && ANSWERING_TYPES.has(r.resourceType) && !this.pageOwn('call', r, r.at))) {
      responses.add('network');
    }
    if (this.dialogs.some((d) => within(d.at) && d.at >= press.t)) responses.add('dialog');
    if (this.downloads.some((d) => within(d.at) && d.at >= press.t)) responses.add('download');
    // A new tab is a new page in front of the customer.
    if (this.tabs.some((t) => within(t.at) && t.at >= press.t)) responses.add('navigation');
    return [...responses].sort();
  }

  private answersTo(input: Watched): Array<Received & { type: 'response' }> {
    return this.answersByInput.get(`${input.doc}:${input.id}`) ?? [];
  }

  private tapResponse(input: Watched): TapResponse {
    const responses = this.responsesTo(input);
    const answers = this.answersTo(input).map((e) => e.t - input.t);
    const watchedMs = responses.length === 0 ? DEAD_TAP_WINDOW_MS : Math.max(0, Math.min(DEAD_TAP_WINDOW_MS, ...answers));
    return {
      input: input.type,
      target: { ...input.target, text: this.mask(input.target.text) },
      responses,
      watchedMs,
      at: Math.max(0, input.t - this.stepStartedAt),
      ...(input.type === 'press' && { point: input.point }),
    };
  }

  /** Whether each field typed into in this step kept what was typed, read from the page now. */
  private async typedFields(events: Received[]): Promise<TypedField[]> {
    // Each field typed into, and the run of typing it belongs to: fields the page moved the focus through as the
    // customer typed (see endsTyping) share the run of the first, and one text typed across them.
    type Session = { note: FieldNote; doc: string; chars: number; run: number };
    const sessions: Session[] = [];
    let runs = 0;
    let last: Session | null = null;
    for (const e of events) {
      if (endsTyping(e)) last = null;
      if (e.type !== 'key' || !e.field || (e.key !== 'char' && e.key !== 'delete')) continue;
      let known = sessions.find((s) => s.note.id === e.field!.id && s.doc === e.doc);
      if (!known) {
        known = { note: e.field, doc: e.doc, chars: 0, run: last && last.doc === e.doc ? last.run : runs++ };
        sessions.push(known);
      }
      if (e.key === 'char') known.chars += 1;
      last = known;
    }
    const currentDoc = this.currentDoc();
    const reads = await Promise.all(sessions.map(({ note, doc }) => (doc === currentDoc ? this.readField(note.id) : Promise.resolve(null))));
    // Each run's verdict, once: did its fields take, in order, the text the driver meant (unknown: taken)?
    const runKept = new Map<number, boolean>();
    for (let run = 0; run < runs; run += 1) {
      const parts = sessions.flatMap((s, i) => (s.run === run ? [reads[i]?.typed ?? null] : []));
      const intended = this.intents[run]?.text;
      const fieldsOfRun = sessions.filter((s) => s.run === run).map((s) => s.note);
      runKept.set(run, intended === undefined || parts.includes(null) || tookTyping(fieldsOfRun, parts as string[], intended));
    }
    const results: TypedField[] = [];
    for (const [i, { note, chars, run }] of sessions.entries()) {
      const read = reads[i];
      const now = read?.now ?? null;
      const own = read?.typed ?? null;
      // A text lost across a run is reported once, on the field the run began in (the one the scenario named); its
      // other fields are not judged again (a box that kept one digit of three).
      const leads = sessions.findIndex((s) => s.run === run) === i;
      const kept = runKept.get(run)!;
      const keptAtStepEnd = now === null || (!leads && !kept) ? null : own === null ? true : sameFieldValue(note, now, own);
      results.push({ target: note.target, label: note.label, keptAfterTyping: !leads || kept, keptAtStepEnd, chars, valueAtEnd: this.shownValue(note, now), ...(read?.sent && { sent: true }) });
    }
    // A field typed into earlier that loses its value now (blanked when the customer moved on to the next field): lost
    // in this step. Each is reported once; one that is gone from the page, or on a page left behind, is forgotten.
    const stillHeld: typeof this.typedEarlier = [];
    for (const earlier of this.typedEarlier) {
      if (earlier.doc !== currentDoc || sessions.some((s) => s.doc === earlier.doc && s.note.id === earlier.note.id)) continue;
      const read = await this.readField(earlier.note.id);
      if (!read || read.now === null || read.typed === null) continue;
      if (sameFieldValue(earlier.note, read.now, read.typed)) {
        stillHeld.push(earlier);
        continue;
      }
      results.push({ target: earlier.note.target, label: earlier.note.label, keptAfterTyping: true, keptAtStepEnd: false, chars: earlier.chars, valueAtEnd: this.shownValue(earlier.note, read.now), ...(read.sent && { sent: true }) });
    }
    this.typedEarlier = [
      ...stillHeld,
      ...sessions.filter((_, i) => results[i]?.keptAtStepEnd === true).map(({ note, doc, chars }) => ({ note, doc, chars })),
    ];
    return results;
  }

  /** A field's value now and what it held once the customer's typing into it was done; null when it cannot be read. */
  private readField(id: number): Promise<{ now: string | null; typed: string | null; sent: boolean } | null> {
    return timed(
      ask(
        this.page,
        (field: number) => ({
          now: window.__cxShopRecorder?.fieldValue(field) ?? null,
          typed: window.__cxShopRecorder?.typedValue(field) ?? null,
          sent: window.__cxShopRecorder?.sentSinceTyped(field) ?? false,
        }),
        id,
      ),
      2000,
    ).catch(() => null);
  }

  /** A field's value as a report may show it: a payment or password field's never, other secrets masked. */
  private shownValue(note: FieldNote, value: string | null): string | null {
    if (value === null) return null;
    const secret = note.type === 'password' || /card|cc-|cvc|cvv/i.test(note.words);
    return secret && value !== '' ? '•••' : this.mask(value);
  }
}

/** A call's method and address without its query (a long poll asks again with a new cursor or time). */
function callAddress(entry: Pick<RequestRecord, 'method' | 'url'>): string {
  try {
    const url = new URL(entry.url);
    return `${entry.method} ${url.origin}${url.pathname}`;
  } catch {
    return `${entry.method} ${entry.url}`;
  }
}
