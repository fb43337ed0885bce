/**
 * The part of the recorder that runs in the page, added before the page's own scripts. It watches what the customer
 * does through the page's own events (trusted presses, keystrokes, scroll gestures, selections, navigations) and
 * what the page does in answer (DOM changes, new text), and sends each observation to cx-shop through a binding.
 * It never sends what was typed: only counts and the kind of each character. Serialised by Playwright.
 */
import type { AppearedText, Box, MarkedField, TapResponse, TargetInfo } from '../artifacts/types.js';
import type { PageLib } from './page-lib.js';

/** What the page itself may answer a press with: the requests and downloads it starts are seen from outside. */
type PageAnswer = Exclude<TapResponse['responses'][number], 'network' | 'download'>;

/** What the page sends; `seq` numbers every event of a document, `t` is the page's clock (ms since the epoch). */
export type PageEvent = { seq: number; t: number; doc: string } & (
  | { type: 'press'; id: number; pointer: 'touch' | 'mouse' | 'pen'; point: { x: number; y: number }; target: TargetInfo; field: FieldNote | null }
  | { type: 'response'; id: number; what: PageAnswer }
  | { type: 'key'; key: string; cls: 'L' | 'D' | 'O' | 'X'; field: FieldNote | null }
  | { type: 'select'; target: TargetInfo; choices: number; field: FieldNote }
  | { type: 'choice'; id: number; target: TargetInfo; expectsAnswer: boolean }
  | { type: 'scroll'; pixels: number; direction: 'vertical' | 'horizontal'; size: number }
  | { type: 'hover'; target: TargetInfo }
  | { type: 'document'; url: string; how: 'navigate' | 'reload' | 'back_forward' | 'prerender' | 'restored' }
  | { type: 'route'; url: string; how: 'push' | 'replace' | 'pop' | 'hash'; /** A jump within the same page (see withinPage). */ samePage?: true }
  /** `answers`: when the customer's action began that the message answers (absent for one on arrival). */
  | ({ type: 'message'; arrival: boolean; dialog?: string; answers?: number } & AppearedText)
  /** A request the page's own code made on its own (in a timer it set while the customer did nothing). */
  | { type: 'call'; method: string; url: string }
  /** An error thrown by such code. */
  | { type: 'fault'; message: string }
  /** A call the page sends to outlive it (a fetch with keepalive), as telemetry is sent: a beacon by another name. */
  | { type: 'beacon'; method: string; url: string }
  /** A script the page loaded that the browser could not run at all (no stack): the message and the script's address. */
  | { type: 'unparsed'; message: string; file: string }
  /**
   * The press `id` never reached its control: the page scrolled it away from under the finger before the tap came
   * (a carousel that brings its slide into view pulls the page back up), and the click went to what lay there then.
   */
  | { type: 'slipped'; id: number }
);

/** What a press that asked the page to take a form left marked as wrong, and what else the page did (see refusal). */
export interface Refusal {
  /** The press's id, or the seq of the Enter key's event: which of the step's inputs it was. */
  press: number | null;
  key: number | null;
  fields: MarkedField[];
  wordsAdded: boolean;
  fieldsShown: boolean;
}

/** A field as the recorder notes it: which one it is in this document, and what it is for. */
export interface FieldNote {
  id: number;
  target: TargetInfo;
  label: string | null;
  words: string;
  type: string;
  inputMode: string | null;
}

export interface RecorderOptions {
  /** How long after a press the page is watched for an answer (a dead tap gets none). */
  responseWindowMs: number;
  /** A region that mutated this recently before a press is background motion (a carousel), not an answer to it. */
  noisyWindowMs: number;
  /** New text counts as a message when it appears this close (CSS px) to what the customer acted on. */
  nearPx: number;
  /** Record a mouse resting on a control as a hover (laptops; a phone has no hover). */
  hover: boolean;
}

declare global {
  interface Window {
    __cxShopLib?: PageLib;
    /** Takes each event as JSON text (see browser/ask.ts: a page's own global Map would stop an object crossing). */
    __cxShopRecord?: (event: string) => void;
    __cxShopRecorder?: {
      /** Which document this is, as its events say. */
      doc: string;
      /** Whether the window still shows the document this recorder began in (see `moved` in recordInPage). */
      watching(): boolean;
      flush(): number;
      quiet(on: boolean): void;
      /**
       * What the page still does in answer to the customer (`work` counts it; `maybe`: calls that may be its own
       * instead), and the customer's calls whose answer it read and has handled since it was last asked.
       */
      busy(): { work: number; answered: Array<{ method: string; url: string }>; maybe: Array<{ method: string; url: string }>; leaving: number | null; opening: number | null };
      /** A timer of cx-shop's own (its probes wait with it): never counted as the page's. */
      later(callback: () => void, ms: number): void;
      /** A frame of cx-shop's own (its probes count frames with it): never the page's, nor taken as its answer. */
      frame(callback: () => void): void;
      /**
       * Whether the document has scrolled since it last said its scrolling ended (a smooth scroll under way, or one
       * whose end never came): false for a document that has stood still since.
       */
      scrollUnderWay(): boolean;
      /** How many wheel events have reached the window so far: the mark `wheelScrollEnded` is asked from. */
      wheels(): number;
      /**
       * Whether the document is done scrolling by a wheel event that came after `mark` (see wheels): the last one came,
       * no handler of the page took it over (scrolling by its own script, frame by frame), and the document has not
       * scrolled since its last scrollend. Asked once the document has moved. False when any of that is not known.
       */
      wheelScrollEnded(mark: number): boolean;
      fieldValue(id: number): string | null;
      typedValue(id: number): string | null;
      /** Whether the field's form was sent (a submit event) since the customer last typed into it. */
      sentSinceTyped(id: number): boolean;
      /** The pointer's next rest is the customer pointing on purpose (a `hover` step), whatever it rests on. */
      meanHover(): void;
      /** What the last press asking to take a form marked as wrong since (see watchRefusal); null before any. */
      refusal(): Refusal | null;
    };
  }
}

/**
 * `again` starts a recorder anew in the same window: see `moved` below.
 */
export function recordInPage(lib: PageLib, options: RecorderOptions, again?: () => void): void {
  // In a frame too (a payment provider's card field): cx-shop keeps only the customer's hands from there.
  if (window.__cxShopRecorder?.watching()) return;
  const doc = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  let seq = 0;
  // A tab the page opens blank and sends to a page of the same shop (window.open keeping its opener) keeps its window
  // for that page: the browser does not start a recorder for the new document, and this one's listeners on the
  // document it began in hear nothing any more (the customer's taps and swipes on the new page were lost). Once the
  // window shows another document, this recorder says nothing more and a new one takes that document over, as
  // early as the window can tell: as the new document is parsed, or the first thing this one would have said.
  // Its listeners on the window are taken off first: left there, they keep the new document's own from hearing the
  // wheel (Chromium counts them for the document they were added in).
  const home = document;
  let moved = false;
  const onWindow: Array<[string, EventListenerOrEventListenerObject, boolean | AddEventListenerOptions | undefined]> = [];
  const addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    onWindow.push([type, listener, options]);
    window.addEventListener(type, listener, options);
  }) as typeof window.addEventListener;
  const hasMoved = (): boolean => {
    if (moved || document === home) return moved;
    moved = true;
    for (const [type, listener, options] of onWindow) window.removeEventListener(type, listener, options);
    again?.();
    return true;
  };
  for (const type of ['readystatechange', 'DOMContentLoaded', 'load', 'pageshow', 'pointerdown', 'keydown', 'wheel', 'touchstart']) {
    addEventListener(type, hasMoved, { capture: true, passive: true });
  }
  /** cx-shop's own controls in the page (the guide panel of a guided run): never the site, never the customer's doing. */
  const isOwn = (node: unknown): boolean => {
    if (!(node instanceof Node)) return false;
    if (node instanceof Element && node.hasAttribute('data-cx-shop-own')) return true;
    // Inside a shadow root (the guide panel keeps its parts in one): whose root it is. The tree's root is at hand,
    // not walked to: this runs for every change the page makes.
    const root = node.getRootNode();
    return root instanceof ShadowRoot && isOwn(root.host);
  };
  /** The element an event happened on, inside a component's shadow root too (where `target` is only its host). */
  const origin = (event: Event): Element | null => {
    const first = event.composedPath()[0] ?? event.target;
    return first instanceof Element ? first : first instanceof Node ? first.parentElement : null;
  };
  /** The element with the focus, inside components too. */
  const activeDeep = (): Element | null => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el;
  };
  /**
   * Listeners for events that stay inside a component's shadow root (change, invalid): added on every root the page
   * attaches as well as on the window (see watchRoot below).
   */
  const rootListeners: Array<[string, (event: Event) => void]> = [];
  const listenInRoots = (type: string, listener: (event: Event) => void) => {
    rootListeners.push([type, listener]);
    addEventListener(type, listener, { capture: true, passive: true });
  };
  const send = (event: Record<string, unknown>) => {
    if (hasMoved()) return;
    seq += 1;
    try {
      const sent: unknown = lib.plainJson(() => window.__cxShopRecord?.(JSON.stringify({ ...event, seq, t: Date.now(), doc } as PageEvent)));
      // Told by its catch, not by the global Promise, which a page may have replaced with a library's.
      if (typeof (sent as Promise<unknown> | undefined)?.catch === 'function') (sent as Promise<unknown>).catch(() => undefined);
    } catch {
      // A page that replaced the binding loses the recording, not its own behaviour.
    }
  };
  /** Keys that scroll the page when no field has the focus. */
  const SCROLL_KEYS = ['PageDown', 'PageUp', 'End', 'Home', 'ArrowDown', 'ArrowUp', ' '];
  // Whose code is running: the page's own (a timer it set while loading or idle: a poll, a countdown, a carousel) or
  // code answering the customer (their event's listeners, and timers those set). A call or an error of the page's
  // own code is the background, whenever it happens to come.
  const INPUT_EVENTS = new Set(['click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'input', 'change', 'submit']);
  let running: 'customer' | 'page' | null = null;
  /**
   * Whether the customer's code running now is surely theirs (their event's listener, or a timer one set) rather than
   * code that only came soon after their input (it may be, an await in a handler, or the page's own poll come back).
   */
  let runningSurely = false;
  /**
   * When the code running now was set in motion: the time its timer was set, or the first timer's of a chain (null
   * outside a timer). A timer the customer's code set before a press (a toast's "hide in 2 s") is no part of its answer.
   */
  let runningSince: number | null = null;
  /** Takes the DOM changes a timer just made, before they mix with others (set once the observer exists). */
  let takeTimerChanges: ((byPage: boolean, since: number) => void) | null = null;
  /**
   * Set for the rest of a task in which the page's animations, not the customer, ran code: an animation that repeats
   * (a ticker's next line on each animationiteration), or one that began before the customer's last input ended.
   */
  let animationTask = false;
  /**
   * Set for the rest of a task that handles an answer to a call the page made on its own (a consent manager's
   * configuration fetched as the page loaded, then its banner drawn): the page's doing, whenever the customer last
   * tapped. A task the customer's input starts clears it.
   */
  let pageTask = false;
  /**
   * Whether the latest task cx-shop knows of ran the page's own code (its timer, its answer to a call of its own, a
   * push on a connection): a promise rejected there that nothing handles is said a task later (see the
   * unhandledrejection listener below), once that task's marks are gone.
   */
  let lastTaskOwn = false;
  const inPageTask = () => {
    lastTaskOwn = true;
    if (pageTask) return;
    pageTask = true;
    ownSetTimeout(() => (pageTask = false), 0);
  };
  /**
   * A task known not to be the page's own has begun: the customer's input, a timer, an answer to the customer's call.
   * The marks above are cleared by a timer a task later, and on a busy page other tasks come first (an answer to the
   * customer's tap handled just after a pushed stock count, whose mark would have made it the page's doing).
   */
  const taskBegins = () => {
    pageTask = false;
    animationTask = false;
    lastTaskOwn = false;
  };
  /** When the customer last pressed, typed or chose: code that runs soon after (an await in a handler) is theirs. */
  let lastInputAt = 0;
  /**
   * When the page began to handle the customer's latest input, while it still is: a handler that keeps the main thread
   * busy (a store finder's sums) holds the page's answer until it returns, and that time is the page frozen, not the
   * page silent. Long tasks report a freeze; a press's watch counts what the handler changed as said when it began to
   * handle the input (see answeredAfter), so a busier machine does not turn the same answer into none.
   */
  let handlingSince: number | null = null;
  for (const type of INPUT_EVENTS) {
    addEventListener(type, (event) => {
      if (!event.isTrusted || isOwn(event.target)) return;
      lastInputAt = Date.now();
      taskBegins();
      if (handlingSince !== null) return;
      handlingSince = lastInputAt;
      // The first task after this one: the input's handlers have all run by then.
      ownSetTimeout(() => (handlingSince = null), 0);
    }, { capture: true, passive: true });
  }
  for (const type of ['animationiteration', 'animationend', 'transitionend']) {
    addEventListener(
      type,
      (event) => {
        const { elapsedTime } = event as AnimationEvent | TransitionEvent;
        if (animationTask || !(type === 'animationiteration' || Date.now() - elapsedTime * 1000 < lastInputAt)) return;
        animationTask = true;
        ownSetTimeout(() => (animationTask = false), 0);
      },
      { capture: true, passive: true },
    );
  }
  /**
   * Scripts the customer's code put into the page (a tap that loads a viewer's code), with when. A script fetched from
   * elsewhere runs when it arrives: one the page put in on its own (a chat widget loaded once the page has loaded), or
   * one put in before the customer's latest input, runs as the page's, however soon after a tap it happens to come.
   */
  const customerScripts = new WeakMap<Element, number>();
  const loadedScript = (): boolean => {
    const script = document.currentScript;
    return script instanceof HTMLScriptElement && script.src !== '' && !((customerScripts.get(script) ?? 0) >= lastInputAt);
  };
  const schedulingContext = (): 'customer' | 'page' => {
    if (running) return running;
    const event = (window as unknown as { event?: Event }).event;
    if (event && event.isTrusted && INPUT_EVENTS.has(event.type)) return 'customer';
    if (animationTask || pageTask || loadedScript()) return 'page';
    return Date.now() - lastInputAt <= options.responseWindowMs ? 'customer' : 'page';
  };
  const surelyCustomer = (): boolean => {
    if (running) return running === 'customer' && runningSurely;
    const event = (window as unknown as { event?: Event }).event;
    return Boolean(event && event.isTrusted && INPUT_EVENTS.has(event.type));
  };
  /** Tells the recorder the page's own code threw this, on its own (see the error listeners below). */
  const ownFault = (error: unknown) => send({ type: 'fault', message: error instanceof Error ? error.message : String(error) });
  // cx-shop's own timers below use the browser's, never the wrapped ones: they are not the page's doing.
  const ownSetTimeout = window.setTimeout.bind(window);
  const ownClearTimeout = window.clearTimeout.bind(window);
  const ownAnimationFrame = window.requestAnimationFrame.bind(window);
  /**
   * The share sheet the customer's browser opens for a page's Share button (the Web Share API): Chrome has one on
   * phones, Windows, macOS and ChromeOS, but not on the Linux cx-shop runs on, where a page that takes it for granted
   * (a phone's "Share this offer") would throw and its button do nothing. Here the sheet opens and the customer shares:
   * the press's answer is that dialog of the browser's, as a Print button's is its print dialog. As the browser's, it
   * asks for a tap (no share without one) and something to share.
   */
  const SHARE_SHEET = '__cxShopShareSheet';
  if (window === window.top && !('share' in navigator)) {
    const something = (data?: ShareData) => Boolean(data && (data.url !== undefined || data.text !== undefined || data.title !== undefined || (data.files?.length ?? 0) > 0));
    const methods: Record<'share' | 'canShare', (data?: ShareData) => unknown> = {
      share(data) {
        if (!something(data)) return Promise.reject(new TypeError("Failed to execute 'share' on 'Navigator': No known share data fields supplied."));
        if (!navigator.userActivation?.isActive) return Promise.reject(new DOMException('Must be handling a user gesture to perform a share request.', 'NotAllowedError'));
        dispatchEvent(new Event(SHARE_SHEET));
        return Promise.resolve();
      },
      canShare: (data) => something(data),
    };
    for (const [name, value] of Object.entries(methods)) Object.defineProperty(Navigator.prototype, name, { value, configurable: true, writable: true });
  }
  /**
   * The look for messages on a page the customer arrives at (see arrivalMessages): once the page has loaded, its
   * other load handlers have run and a frame has been drawn, and the short timers it set meanwhile have run (a banner
   * shown a moment after the page starts, the placeholders of a list filled from a call a timer makes): events, not a
   * fixed time. What those timers do is the page answering the customer who came to it: the calls they make and the
   * timers they set are waited for as any answer is (a chain of them a few links deep, as for the customer's own).
   * At most ARRIVAL_MS after the load: a page that keeps setting short timers (a poll, a ticker) is looked at then.
   */
  const ARRIVAL_MS = 1000;
  /** The longest timer a starting page sets that is still part of its arrival (see ARRIVAL_MS). */
  const ARRIVAL_TIMER_MS = 400;
  /** Where the look stands: before the load, loaded, started (load handlers run, a frame drawn), or done. */
  let arrival: 'loading' | 'loaded' | 'started' | 'done' = 'loading';
  const arrivalTimers = new Set<number>();
  const lookOnceStarted = () => arrival === 'started' && arrivalTimers.size === 0 && lookOnArrival();
  const arrivalTimerEnded = (id: number) => {
    // A task later: what the timer itself set (another short timer) counts too.
    if (arrivalTimers.delete(id) && arrivalTimers.size === 0) ownSetTimeout(lookOnceStarted, 0);
  };
  /**
   * Short timers set in answer to the customer that have not run yet (a debounce, a delayed request): the site is
   * still answering. A timer set by such a timer counts too, a few links deep; an endless chain (an animation loop
   * on timers) stops counting, or no action would ever be answered.
   */
  const customerTimers = new Set<number>();
  const BUSY_TIMER_MS = 1000;
  const BUSY_CHAIN = 4;
  /** How deep in a chain of the customer's timers the code running now is (0: not in one). */
  let depth = 0;
  // A callback for when the browser is next idle, asked for as the page starts, is part of its arrival as a timer of no
  // delay is: a page that loads the code of its buttons then (islands that come alive once the page is idle after its
  // load) is still arriving, on a busy phone as on a quiet laptop. Not after the customer's input: headless Chromium
  // has no idle time then until a frame is asked for. Its ids are counted apart from the timers' (as their negatives).
  for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback'] as const) {
    const original = window[name] as unknown as ((...args: unknown[]) => number) | undefined;
    if (!original) continue;
    (window as unknown as Record<string, unknown>)[name] = function (this: unknown, callback: unknown, ...rest: unknown[]) {
      if (typeof callback !== 'function') return original.call(window, callback, ...rest);
      const context = schedulingContext();
      const since = running !== null && runningSince !== null ? runningSince : Date.now();
      const link = context === 'customer' ? depth + 1 : 0;
      const surely = context === 'customer' && surelyCustomer();
      const wait = name === 'requestIdleCallback' ? 0 : Number(rest[0] ?? 0);
      const watched = name === 'setTimeout' && context === 'customer' && wait <= BUSY_TIMER_MS && link <= BUSY_CHAIN;
      const arriving = (name === 'setTimeout' || name === 'requestIdleCallback') && arrival !== 'done' && wait <= ARRIVAL_TIMER_MS && link <= BUSY_CHAIN;
      let key = 0;
      const wrapped = function (this: unknown, ...args: unknown[]) {
        // An animation frame's callbacks run in the same turn as the animation events before them; a timer is a task.
        if (name !== 'requestAnimationFrame') taskBegins();
        if (watched) customerTimers.delete(key);
        if (arriving) arrivalTimerEnded(key);
        const outer = running;
        const outerDepth = depth;
        const outerSurely = runningSurely;
        const outerSince = runningSince;
        // A starting page's short timer answers the customer's coming (see ARRIVAL_MS).
        running = arriving ? 'customer' : context;
        lastTaskOwn = running === 'page';
        depth = arriving ? Math.max(link, 1) : link;
        runningSurely = arriving ? false : surely;
        runningSince = since;
        try {
          return (callback as (...a: unknown[]) => unknown).apply(this, args);
        } catch (error) {
          if (context === 'page') ownFault(error);
          throw error;
        } finally {
          running = outer;
          depth = outerDepth;
          runningSurely = outerSurely;
          runningSince = outerSince;
          takeTimerChanges?.(context === 'page', since);
        }
      };
      const id = original.call(window, wrapped, ...rest);
      key = name === 'requestIdleCallback' ? -id : id;
      if (watched) customerTimers.add(key);
      if (arriving) arrivalTimers.add(key);
      return id;
    };
  }
  // An error the page's own code threw or rejected on its own (a poll's callback, after an await, a promise its timer
  // rejects) is said to be the page's, as one its timer throws is (above): the recorder puts the error to the
  // background, not to the customer's action, however soon after their tap it comes. A rejection nothing handled is
  // said a task after the one that made it.
  addEventListener('error', (event) => {
    // Not a picture or a script that failed to load: those are no error thrown.
    if (event instanceof ErrorEvent && running !== 'page' && (pageTask || animationTask)) ownFault(event.error ?? event.message);
  }, { capture: true, passive: true });
  addEventListener('unhandledrejection', (event) => {
    if (running === 'page' || pageTask || animationTask || lastTaskOwn) ownFault(event.reason);
  }, { capture: true, passive: true });
  // A navigation to another document this one started (a link, a form, a script): the site is answering until the
  // browser asks for the new page, which cx-shop then sees as a request. One that never goes (a download, an answer
  // with no content) stops counting after a while.
  let leavingAt = 0;
  const LEAVING_MS = 2000;
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigate', (event) => {
    const { destination, downloadRequest } = event as Event & { destination?: { sameDocument?: boolean }; downloadRequest?: string | null };
    if (destination && destination.sameDocument === false && (downloadRequest === null || downloadRequest === undefined)) leavingAt = Date.now();
  });
  // A navigation the page took over (a single-page app's route) or one that was stopped does not leave the page.
  for (const type of ['navigatesuccess', 'navigateerror']) nav?.addEventListener(type, () => (leavingAt = 0));
  // A page the customer comes back to (from the back-forward cache) is not leaving any more.
  addEventListener('pageshow', () => (leavingAt = 0));
  window.clearTimeout = function (id?: number) {
    if (id !== undefined) customerTimers.delete(id);
    if (id !== undefined) arrivalTimerEnded(id);
    return ownClearTimeout(id);
  } as typeof clearTimeout;
  const ownCancelIdle = window.cancelIdleCallback?.bind(window);
  if (ownCancelIdle) {
    // Idle callbacks count only towards the page's arrival (see the wrapper above), never as the customer's timers.
    window.cancelIdleCallback = function (id: number) {
      arrivalTimerEnded(-id);
      return ownCancelIdle(id);
    };
  }
  /** A call's address as the browser asks for it; null for one the page cannot resolve (it fails on its own). */
  const absolute = (url: string | URL): string | null => {
    try {
      return new URL(String(url), location.href).href;
    } catch {
      return null;
    }
  };
  const noteCall = (method: string, url: string | URL) => {
    const href = absolute(url);
    // The page's own: made in its timers, or as it handles the answer to a call of its own (a long poll asked again).
    const own = running === 'page' || (running === null && pageTask);
    if (own && href !== null) send({ type: 'call', method: method.toUpperCase(), url: href });
  };
  // Calls made in answer to the customer whose answer the page has not finished handling: the request is done, but
  // the page still reads the body and shows the result. Counted until the task after the last of that work. Whether
  // each is surely the customer's goes with it (see runningSurely): cx-shop may know its address for one the page
  // keeps open, and asks again, on its own.
  type OpenCall = { method: string; url: string; surely: boolean; read?: true };
  const customerCalls = new Set<OpenCall>();
  // Those of them whose answer the page read, handled since cx-shop last asked (see busy).
  let answeredCalls: Array<{ method: string; url: string }> = [];
  const customerCall = (method: string, url: string | URL): OpenCall => {
    const call = { method: method.toUpperCase(), url: absolute(url) ?? String(url), surely: surelyCustomer() };
    customerCalls.add(call);
    return call;
  };
  const handled = (call: OpenCall) =>
    ownSetTimeout(() => {
      if (customerCalls.delete(call) && call.read && call.surely) answeredCalls.push({ method: call.method, url: call.url });
    }, 0);
  /** A customer's fetch: how many reads of its answer's body are under way, whether the page had its turn, done. */
  type Call = { reads: number; looked: boolean; done: boolean; open: OpenCall };
  const answers = new WeakMap<Response, Call>();
  /** Answers to calls the page made on its own: what it does with them (and with their bodies) is its own doing. */
  const pageAnswers = new WeakSet<Response>();
  const asPageTask = <T>(promise: Promise<T>): Promise<T> =>
    promise.then(
      (value) => (inPageTask(), value),
      (error: unknown) => {
        inPageTask();
        throw error;
      },
    );
  const finishCall = (call: Call) => {
    if (!call.looked || call.reads > 0 || call.done) return;
    call.done = true;
    handled(call.open);
  };
  for (const method of ['json', 'text', 'blob', 'arrayBuffer', 'formData'] as const) {
    const original = Response.prototype[method] as (this: Response) => Promise<unknown>;
    (Response.prototype as unknown as Record<string, unknown>)[method] = function (this: Response) {
      const reading = original.call(this);
      const call = answers.get(this);
      if (call) {
        call.open.read = true;
        call.reads += 1;
        const read = () => (taskBegins(), ownSetTimeout(() => ((call.reads -= 1), finishCall(call)), 0));
        reading.then(read, read);
      }
      return pageAnswers.has(this) ? asPageTask(reading) : reading;
    };
  }
  const originalFetch = window.fetch;
  window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const request = input instanceof Request ? input : null;
    const method = init?.method ?? request?.method ?? 'GET';
    const url = request ? request.url : (input as string | URL);
    noteCall(method, url);
    const outlives = init?.keepalive ?? request?.keepalive ?? false;
    const href = outlives ? absolute(url) : null;
    if (href !== null) send({ type: 'beacon', method: method.toUpperCase(), url: href });
    const answer = originalFetch.call(this ?? window, input, init);
    if (schedulingContext() === 'customer') {
      const call: Call = { reads: 0, looked: false, done: false, open: customerCall(method, url) };
      // The page's own `await` on the answer runs after this and starts its reads in the same task: looked at after it.
      const look = () => ownSetTimeout(() => ((call.looked = true), finishCall(call)), 0);
      answer.then((response) => (taskBegins(), answers.set(response, call), look()), () => (taskBegins(), look()));
      return answer;
    }
    return asPageTask(answer.then((response) => (pageAnswers.add(response), response)));
  } as typeof fetch;
  // A connection (a stock count over server-sent events, prices over a WebSocket, a chat the customer opened) brings
  // what the server pushes when it likes: handling it is the page's doing, whenever the customer last tapped, and
  // whoever opened it. Only a reply to what the customer sent on a socket is an answer to them: what comes on it within
  // the response window after they sent, and before they act again (a push that happens to come then too is taken
  // with it: which message is the reply, only the page knows, and the reply is the one not to lose).
  const customerSent = new WeakMap<EventTarget, number>();
  const pushed = (stream: EventTarget) => {
    const sent = customerSent.get(stream);
    const replying = sent !== undefined && Date.now() - sent <= options.responseWindowMs && (action === null || sent >= action.at);
    if (!replying) inPageTask();
  };
  for (const name of ['EventSource', 'WebSocket'] as const) {
    const Original = (window as unknown as Record<string, unknown>)[name] as (new (...args: unknown[]) => EventTarget) | undefined;
    if (!Original) continue;
    (window as unknown as Record<string, unknown>)[name] = new Proxy(Original, {
      construct(target, args, newTarget) {
        const stream = Reflect.construct(target, args, newTarget) as EventTarget;
        // Heard before the page's own listeners, which can only be added once the stream exists; an event stream's
        // named events ("event: stock") are heard the same way, as the page listens for each.
        const listen = EventTarget.prototype.addEventListener;
        listen.call(stream, 'message', () => pushed(stream));
        if (name === 'EventSource') {
          const heard = new Set(['message']);
          Object.defineProperty(stream, 'addEventListener', {
            configurable: true,
            value(this: EventTarget, type: string, ...rest: unknown[]) {
              if (!heard.has(type)) listen.call(stream, type, () => pushed(stream));
              heard.add(type);
              return (listen as (...a: unknown[]) => void).call(this, type, ...rest);
            },
          });
        }
        return stream;
      },
    });
  }
  const originalSocketSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
    if (schedulingContext() === 'customer') customerSent.set(this, Date.now());
    return originalSocketSend.call(this, data);
  };
  const openCalls = new WeakMap<XMLHttpRequest, [string, string]>();
  /** Calls the page sent on its own; their handlers (heard after this one, set up as it is opened) are its own doing. */
  const pageCalls = new WeakSet<XMLHttpRequest>();
  const originalOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    if (!openCalls.has(this)) this.addEventListener('readystatechange', () => this.readyState === 4 && (pageCalls.has(this) ? inPageTask() : taskBegins()));
    openCalls.set(this, [method, String(url)]);
    return (originalOpen as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
  const originalSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const call = openCalls.get(this);
    if (call) noteCall(call[0], call[1]);
    const counted = schedulingContext() === 'customer' ? customerCall(call?.[0] ?? 'GET', call?.[1] ?? '') : null;
    if (counted) pageCalls.delete(this);
    else pageCalls.add(this);
    // loadend comes after the page's own load, error and readystatechange handlers.
    // Its answer is read by the page's own handlers, as it comes.
    if (counted) {
      counted.read = true;
      this.addEventListener('loadend', () => handled(counted), { once: true });
    }
    try {
      return originalSend.call(this, body);
    } catch (error) {
      if (counted) customerCalls.delete(counted);
      throw error;
    }
  };
  const originalBeacon = navigator.sendBeacon?.bind(navigator);
  if (originalBeacon) navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => (noteCall('POST', url), originalBeacon(url, data));
  // A phone's browser lets one tap open one new tab: the first window.open in answer to it uses the tap up, and the
  // page's further ones are blocked (they get null), as there. The browser cx-shop drives blocks none, and a page that
  // opened fifty at once left the customer on whichever came last, a different one on each run.
  const openWindow = window.open;
  let openedForInput = 0;
  // The windows this document opened by name, still open: window.open with the same name goes there, not to a new tab.
  const namedWindows = new Map<string, Window>();
  window.open = function (this: Window, ...args: Parameters<typeof window.open>) {
    if (lastInputAt > 0 && surelyCustomer()) {
      if (openedForInput === lastInputAt) return null;
      openedForInput = lastInputAt;
    }
    const name = args[1] === undefined || args[1] === '' ? '_blank' : String(args[1]).trim().toLowerCase();
    const again = namedWindows.get(name);
    if (lastInputAt > 0 && schedulingContext() === 'customer' && opensTab(name) && !(again && !again.closed)) opened();
    const window_ = openWindow.apply(this, args);
    if (window_ && !name.startsWith('_')) namedWindows.set(name, window_);
    return window_;
  } as typeof window.open;

  // Its box is what the customer aims at: the label of a control drawn invisibly under it (see shownAs).
  const target = (el: Element): TargetInfo => {
    const shown = lib.shownAs(el);
    return {
      description: lib.describe(el),
      text: lib.isField(el) ? '' : lib.clean((el as HTMLElement).innerText).slice(0, 80),
      box: lib.viewBox(shown),
      pageBox: lib.pageBox(shown),
    };
  };

  // Fields: numbered per document; the value right after the customer's last keystroke is kept here, in the page,
  // to tell later whether the field kept it. It is never sent.
  const fieldIds = new WeakMap<Element, number>();
  const fields = new Map<number, Element>();
  const typed = new Map<number, string>();
  const typedAt = new Map<number, number>();
  // When each form was last sent: a form the page empties once it has taken it has not lost what was typed.
  const sentAt = new WeakMap<HTMLFormElement, number>();
  // A form sent to its server by POST as the page goes: the page that comes back is its answer, and may carry the
  // error around the form (see aroundForms and answersAPost).
  let posted: SubmitEvent | null = null;
  // It is told to the page that comes back through the tab's session storage, the one thing that outlives this one,
  // and taken out as soon as it is read (see answersAPost).
  const SENT_KEY = '__cxShopFormPosted';
  const tellPosted = () => {
    if (!posted || posted.defaultPrevented) return;
    try {
      sessionStorage.setItem(SENT_KEY, String(Date.now()));
    } catch {
      // No storage for this page (a sandboxed frame, storage turned off): its answer is read as any page is.
    }
  };
  addEventListener(
    'submit',
    (event) => {
      if (!(event.target instanceof HTMLFormElement)) return;
      sentAt.set(event.target, Date.now());
      const method = event.submitter?.getAttribute('formmethod') ?? event.target.getAttribute('method') ?? 'get';
      if (method.toLowerCase() !== 'post') return;
      posted = event;
      // Listened for only once a form is posted: a pagehide listener holds the tab's closing (see where a scroll
      // gesture begins).
      addEventListener('pagehide', tellPosted, { capture: true });
    },
    { capture: true, passive: true },
  );
  // How a field is known to the customer: its kind, its name and id, and its label. A page that draws itself again
  // from state on every keystroke puts a new element of the same kind in the old one's place.
  const fieldIdentity = (el: Element) =>
    `${el.tagName} ${el.getAttribute('type') ?? ''} ${el.getAttribute('name') ?? ''} ${el.getAttribute('id') ?? ''} ${lib.labelOf(el) ?? ''}`;
  // Read while the field is on the page: a field taken off it has lost its label.
  const identities = new Map<number, string>();
  const looselyEqual = (a: string, b: string) => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
  /**
   * The field a new element takes over: one typed into that has left the page, known by the same kind, name and label,
   * whose text the new element holds (upper-cased or spaced at most). The customer saw one box keep every letter; a
   * code split over several boxes is not this (each box stays on the page), nor a box drawn again empty.
   */
  const replaced = (el: Element): number | undefined => {
    const identity = fieldIdentity(el);
    const now = valueOf(el);
    let found: number | undefined;
    for (const [id, earlier] of fields) {
      const text = typed.get(id);
      if (earlier.isConnected || text === undefined || text === '' || !looselyEqual(now, text)) continue;
      if (identities.get(id) !== identity) continue;
      if (found === undefined || (typedAt.get(id) ?? 0) > (typedAt.get(found) ?? 0)) found = id;
    }
    return found;
  };
  /**
   * The field the page drew in place of one typed into that has left it: a basket drawn again whole from its state
   * after Update, a list a framework renders anew. The customer sees the same box, known by the same kind, name, id
   * and label, and what it holds now is what they are left with; when the page holds two such boxes, neither is it.
   */
  const successor = (id: number): Element | null => {
    const identity = identities.get(id);
    if (identity === undefined) return null;
    const same = Array.from(document.querySelectorAll('input, select, textarea'))
      .slice(0, 300)
      .filter((el) => {
        const known = fieldIds.get(el);
        return (known === undefined || known === id || !typed.has(known)) && fieldIdentity(el) === identity;
      });
    return same.length === 1 ? same[0]! : null;
  };
  const fieldNote = (el: Element | null): FieldNote | null => {
    if (!el || !lib.isField(el)) return null;
    let id = fieldIds.get(el);
    if (id === undefined) {
      const takenOver = replaced(el);
      id = takenOver ?? fields.size + 1;
      fieldIds.set(el, id);
      fields.set(id, el);
      identities.set(id, fieldIdentity(el));
    }
    const input = el as HTMLInputElement;
    return {
      id,
      target: target(el),
      label: lib.labelOf(el),
      words: lib.fieldWords(el),
      type: (el.getAttribute('type') ?? el.tagName.toLowerCase()).toLowerCase(),
      inputMode: el.getAttribute('inputmode') ?? (input.inputMode || null),
    };
  };
  const valueOf = (el: Element) => ('value' in el ? String((el as HTMLInputElement).value) : (el as HTMLElement).innerText);

  // What changed in the page, for the answers to presses and for new text. Each node keeps the times of its last two
  // changes after the page loaded: a region that changed twice shortly before a press is moving on its own.
  let loadedAt = Number.POSITIVE_INFINITY;
  addEventListener('load', () => (loadedAt = Date.now()), { once: true });
  const changes = new WeakMap<Node, [number, number]>();
  /**
   * Notes that the page changed a node on its own at `at` (after its load: its start is not motion); returns when the
   * node changed on its own the two times before.
   */
  const movedOnItsOwn = (node: Node, at: number): [number, number] => {
    const known = changes.get(node) ?? [0, 0];
    if (at > loadedAt && known[1] !== at) changes.set(node, [known[1], at]);
    return known;
  };
  /** Listeners get each batch of changes, and whether the page made them on its own (in one of its own timers). */
  type MutationListener = (records: MutationRecord[], at: number, before: (node: Node) => [number, number], byPage: boolean, since: number | null) => void;
  const mutationListeners = new Set<MutationListener>();
  const onChanges = (all: MutationRecord[], pageTimer: boolean, since: number | null = null) => {
    // What the page's animations changed (see animationTask) is the page's own, as what its timers change is, and
    // what a script it loaded on its own does as it arrives (see loadedScript).
    const byPage = pageTimer || animationTask || pageTask || loadedScript();
    const records = all.filter(
      (r) => !isOwn(r.target) && !(r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(isOwn)),
    );
    if (records.length === 0) return;
    const at = Date.now();
    const previous = new Map<Node, [number, number]>();
    // Only what the page changes on its own makes a region look busy: a page re-rendered in answer to the customer's
    // last taps (a single-page app's routes) is not moving by itself, however fast a script taps.
    const own = byPage || schedulingContext() === 'page';
    for (const record of records) {
      const known = own ? movedOnItsOwn(record.target, at) : changes.get(record.target) ?? [0, 0];
      if (!own) for (const node of Array.from(record.addedNodes)) if (node instanceof HTMLScriptElement) customerScripts.set(node, at);
      if (!previous.has(record.target)) previous.set(record.target, known);
    }
    const before = (node: Node) => previous.get(node) ?? changes.get(node) ?? [0, 0];
    for (const listener of mutationListeners) listener(records, at, before, byPage, since);
  };
  const observer = new MutationObserver((records) => onChanges(records, false));
  const OBSERVED = { subtree: true, childList: true, attributes: true, characterData: true, characterDataOldValue: true };
  observer.observe(document, OBSERVED);
  // A component's shadow root is a document of its own to the observer and to events that stay inside it: each one
  // the page attaches (or the parser builds from a declarative template) is watched too. cx-shop's own are not.
  const watchRoot = (root: ShadowRoot) => {
    if (isOwn(root.host)) return;
    observer.observe(root, OBSERVED);
    for (const [type, listener] of rootListeners) root.addEventListener(type, listener, { capture: true, passive: true });
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    watchRoot(root);
    if (init.mode === 'closed') lib.keepClosedRoot(this, root);
    return root;
  };
  addEventListener(
    'DOMContentLoaded',
    () => {
      const all = document.getElementsByTagName('*');
      for (let i = 0; i < all.length; i += 1) if (all[i]!.shadowRoot) watchRoot(all[i]!.shadowRoot!);
    },
    { once: true },
  );
  takeTimerChanges = (byPage, since) => onChanges(observer.takeRecords(), byPage, since);

  /**
   * A picture drawn on a canvas (a map, a product viewer, a chart) changes no markup: the page drawing on a canvas is
   * told to these listeners, at most once a millisecond per canvas, with whether the page drew it on its own (an
   * animation loop), which also marks the canvas as moving by itself, as markup changes do (see noisy).
   */
  type DrawListener = (canvas: Element, at: number, before: [number, number], byPage: boolean) => void;
  const drawListeners = new Set<DrawListener>();
  const lastDrawn = new WeakMap<Element, number>();
  const drew = (canvas: unknown) => {
    if (!(canvas instanceof Element)) return;
    const at = Date.now();
    if (lastDrawn.get(canvas) === at) return;
    lastDrawn.set(canvas, at);
    const byPage = schedulingContext() === 'page';
    const before = byPage ? movedOnItsOwn(canvas, at) : changes.get(canvas) ?? [0, 0];
    for (const listener of drawListeners) listener(canvas, at, before, byPage);
  };
  const DRAWING: Array<[{ prototype: object } | undefined, string[]]> = [
    [window.CanvasRenderingContext2D, ['fill', 'stroke', 'fillRect', 'strokeRect', 'fillText', 'strokeText', 'drawImage', 'putImageData']],
    [window.WebGLRenderingContext, ['drawArrays', 'drawElements']],
    [window.WebGL2RenderingContext, ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements']],
  ];
  for (const [type, names] of DRAWING) {
    const proto = type?.prototype as Record<string, unknown> | undefined;
    if (!proto) continue;
    for (const name of names) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = function (this: { canvas?: unknown }, ...args: unknown[]) {
        drew(this.canvas);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
    }
  }

  /** True when the node sits in a region (below body) that changed twice on its own shortly before `since` (a ticker). */
  const noisy = (node: Node, since: number, before: (node: Node) => [number, number]) => {
    for (let n: Node | null = node, depth = 0; n && n !== document.body && n !== document.documentElement && depth < 8; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null), depth += 1) {
      const [earlier, last] = before(n);
      if (earlier > 0 && last < since && since - earlier < options.noisyWindowMs) return true;
    }
    return false;
  };

  // A link to a phone number, an email address or another app ("Call us", "Email us", "Chat on WhatsApp") opens that
  // app: the customer leaves the page for it, and the page stays as it was. The browser is kept from trying to load
  // the address (a phone's browser hands it over; an emulated one then stops taking taps), and the press is answered.
  // So is a press that opens a new tab (see opened below).
  const appListeners = new Set<() => void>();
  /** Told of each animation the customer's code starts by the Web Animations API (element.animate), with its element. */
  const animateListeners = new Set<(el: Element) => void>();
  const animate = Element.prototype.animate;
  Element.prototype.animate = function (this: Element, keyframes: Keyframe[] | PropertyIndexedKeyframes | null, options?: number | KeyframeAnimationOptions) {
    const pseudo = typeof options === 'object' && options !== null && Boolean(options.pseudoElement);
    if (!pseudo && schedulingContext() === 'customer' && !isOwn(this)) for (const listener of animateListeners) listener(this);
    return animate.call(this, keyframes, options);
  };
  const APP_LINK = /^(?:tel|callto|mailto|sms|facetime|facetime-audio|whatsapp|skype|viber|tg|geo|maps):/i;
  addEventListener(
    'click',
    (event) => {
      const link = origin(event)?.closest?.('a[href]');
      if (!event.isTrusted || event.defaultPrevented || !(link instanceof HTMLAnchorElement) || !APP_LINK.test(link.href)) return;
      event.preventDefault();
      for (const listener of appListeners) listener();
    },
    // Bubbling, at the window: the page's own handlers on the link and above it have run (and may have handled it).
    { capture: false },
  );
  // A new tab the page opened in answer to the customer (window.open in their handler or soon after it, a link or a
  // form with a target of its own): the browser announces it only once its page's first answer has come, and the
  // customer waits for it meanwhile. cx-shop's wait for it gives up sooner than it stops being said here.
  let openingAt = 0;
  let openings = 0;
  const OPENING_MS = 30_000;
  // The press it answers is answered as by a page left for an app: the tab is in front of the customer at once.
  const opened = () => {
    openingAt = Date.now();
    openings += 1;
    for (const listener of appListeners) listener();
  };
  const opensTab = (target: string | null | undefined) => {
    const name = (target ?? document.querySelector('base[target]')?.getAttribute('target') ?? '').trim().toLowerCase();
    if (name === '_blank') return true;
    if (name === '' || name.startsWith('_') || name === window.name.toLowerCase()) return false;
    return ![...document.querySelectorAll('iframe[name], frame[name]')].some((frame) => frame.getAttribute('name')!.toLowerCase() === name);
  };
  // The page's own handlers may take the click or the sending over (and open nothing): looked at once they have run.
  const opensIfNotTaken = (event: Event) => {
    // At once, for a question cx-shop asks before the page's handlers have run; taken back if they took it over,
    // unless a window.open of theirs opened one meanwhile.
    const [before, mark] = [openingAt, openings];
    openingAt = Date.now();
    ownSetTimeout(() => {
      if (event.defaultPrevented) {
        if (openings === mark) openingAt = before;
      } else opened();
    }, 0);
  };
  addEventListener('click', (event) => {
    const link = origin(event)?.closest?.('a[href], area[href]');
    if (!event.isTrusted || !link || isOwn(link)) return;
    if (link.hasAttribute('download') || /^\s*javascript:/i.test(link.getAttribute('href') ?? '')) return;
    if (opensTab(link.getAttribute('target'))) opensIfNotTaken(event);
  }, { capture: true, passive: true });
  addEventListener('submit', (event) => {
    const form = event.target;
    if (!event.isTrusted || !(form instanceof HTMLFormElement)) return;
    const submitter = (event as SubmitEvent).submitter;
    if (opensTab(submitter?.getAttribute('formtarget') ?? form.getAttribute('target'))) opensIfNotTaken(event);
  }, { capture: true, passive: true });

  /** Most elements in a control whose own look is watched as it answers a press (see watchPress). */
  const SMALL_CONTROL = 30;
  /** Whether a control looks busy: marked so, disabled, its words gone (a spinner in their place) or saying so. */
  const looksWorking = (el: Element, initialWords: string) => {
    const words = lib.clean(el.textContent);
    return (
      el.getAttribute('aria-busy') === 'true' ||
      el.getAttribute('aria-disabled') === 'true' ||
      (el as HTMLButtonElement).disabled === true ||
      (words === '' && initialWords !== '') ||
      lib.saysWorking(words) ||
      el.querySelector('[role="progressbar"]') !== null
    );
  };

  // Presses and their answers.
  /**
   * How long after `startedAt` something the page did at `at` came, its handling of an input counted from its start
   * (or from the watch's, when the watch began in that same handling: a press's first event).
   */
  const answeredAfter = (startedAt: number, at: number) => (handlingSince !== null ? Math.max(handlingSince, startedAt) : at) - startedAt;
  /**
   * Whether the page draws where a change happened, so that the customer may see it: the element changed, or the one
   * whose children or words changed. An element hidden by the change itself (a menu closing) is drawn where it was:
   * its parent is what counts for a change of attributes. A wrapper drawn with display: contents is drawn by its own.
   */
  const drawnChange = (record: MutationRecord): boolean => {
    let el: Element | null = record.type === 'attributes' ? (record.target as Element).parentElement : record.target.nodeType === Node.ELEMENT_NODE ? (record.target as Element) : record.target.parentElement;
    while (el && getComputedStyle(el).display === 'contents') el = el.parentElement;
    if (!el) return record.target.isConnected;
    return el.isConnected && (typeof el.checkVisibility !== 'function' || el.checkVisibility());
  };
  let pressId = 0;
  let lastPress: { el: Element; at: number } | null = null;
  /** Watches for the page's answer to an input; a choice's own change (and its own attributes) is not an answer. */
  const watchPress = (id: number, startedAt: number, own: Element | null = null, pressed: Element | null = null, hidden = pressed ? lookNear(pressed).hidden : new Set<Element>()) => {
    const seen = new Set<string>();
    const answer = (what: PageAnswer) => {
      if (own && (what === 'change' || what === 'focus')) return;
      if (seen.has(what) || answeredAfter(startedAt, Date.now()) > options.responseWindowMs) return;
      seen.add(what);
      send({ type: 'response', id, what });
    };
    // The pressed control's own look while the page works ("Adding…", a spinner in place of its words, disabled) is
    // no answer if it comes back as it was with nothing else changed: the customer is where they started. A look of
    // its own that says something ("Added ✓", a filled heart) is an answer, even one that fades back later.
    // Only a control of a few elements (a button, its icon and words): not a whole card or the page a tap landed on.
    const control = pressed && pressed !== document.body && pressed !== document.documentElement && pressed.getElementsByTagName('*').length <= SMALL_CONTROL ? pressed : null;
    const initial = control ? control.outerHTML : null;
    const initialWords = control ? lib.clean(control.textContent) : '';
    let working = false;
    /** What the page changed on its own since the press (a slide its carousel's timer showed): shown, no answer. */
    const changedByPage = new Set<Node>();
    const onMutation: MutationListener = (records, at, before, byPage, since) => {
      if (answeredAfter(startedAt, at) > options.responseWindowMs) return void mutationListeners.delete(onMutation);
      // A timer the customer's code set before this press (the last toast hiding itself) does not answer it.
      if (byPage || (since !== null && since < startedAt)) for (const record of records) [record.target, ...Array.from(record.addedNodes)].forEach((node) => changedByPage.add(node));
      if (since !== null && since < startedAt) return;
      // What the page changes in its own timers (a carousel turning, a countdown) is not an answer to the press. What
      // the input's own handlers change, as they run, is: in a region that also changes by itself (a view drawn again
      // on every tick of a clock, a skeleton just replaced, a gallery that turns), too.
      const handling = handlingSince !== null;
      const changed = byPage ? [] : records.filter((r) => r.target !== own && (handling || !noisy(r.target, startedAt, before)));
      // A change inside a part the page does not draw (an error put in a section still folded away) shows nothing.
      if (!changed.some(drawnChange)) return;
      if (control && changed.every((r) => control.contains(r.target))) {
        if (control.outerHTML === initial) return;
        if (looksWorking(control, initialWords)) return void (working = true);
      }
      answer('mutation');
    };
    mutationListeners.add(onMutation);
    // A canvas drawn again in answer (a map zoomed in); not one the page draws on its own (an animation), nor one
    // that was drawing on its own just before the press.
    const onDraw: DrawListener = (canvas, at, was, byPage) => {
      if (answeredAfter(startedAt, at) > options.responseWindowMs) return void drawListeners.delete(onDraw);
      if (!byPage && !noisy(canvas, startedAt, (node) => (node === canvas ? was : changes.get(node) ?? [0, 0]))) answer('drawn');
    };
    drawListeners.add(onDraw);
    const onApp = () => answer('navigation');
    appListeners.add(onApp);
    // A picture or a part the press's own code animates (a zoom by the Web Animations API, a panel sliding): an answer.
    // Not the pressed control's own press effect (a ripple in it): a picture in it (the image a zoom button holds) is.
    const onAnimate = (el: Element) => {
      if (control && control.contains(el) && !el.matches('img, picture, video, svg, canvas')) return;
      answer('mutation');
    };
    animateListeners.add(onAnimate);
    // A value set by the page's script (a quantity stepper) changes no markup and fires no event: compare values, and
    // whether each box is ticked (a form's reset, a "Clear all", unticks boxes and changes nothing else).
    const stateOf = (el: Element) => `${valueOf(el)}|${(el as HTMLInputElement).checked ?? ''}|${(el as HTMLSelectElement).selectedIndex ?? ''}`;
    const values = new Map<Element, string>();
    for (const el of Array.from(document.querySelectorAll('input, select, textarea')).slice(0, 300)) if (el !== own) values.set(el, stateOf(el));
    const checkValues = () => {
      for (const [el, value] of values) {
        if (el.isConnected && stateOf(el) !== value) return answer('change');
      }
    };
    // A part a style rule shows in answer (a tip shown on :focus, a menu on :focus-within) changes no markup either:
    // what was hidden around the pressed element and shows now, with words of its own. A tooltip that only names
    // what was pressed ("Save to wishlist" over the heart) is the control's hover look, not an answer.
    const pressedName = pressed ? lib.clean(pressed.getAttribute('aria-label') || pressed.getAttribute('title') || (pressed as HTMLElement).innerText).toLowerCase() : '';
    const answersPress = (el: Element) => {
      if (!el.isConnected || (pressed && pressed.contains(el)) || !lib.visible(el)) return false;
      if ([...changedByPage].some((node) => node.contains(el))) return false;
      const words = lib.clean((el as HTMLElement).innerText).toLowerCase();
      return words !== '' && words !== pressedName;
    };
    const checkShown = () => {
      for (const el of hidden) {
        if (answersPress(el)) return answer('shown');
      }
    };
    for (const ms of [50, 300]) {
      ownSetTimeout(() => {
        checkValues();
        checkShown();
      }, ms);
    }
    const events: Array<[string, PageAnswer]> = [
      // A "Print" button's answer is the browser's print dialog, which changes nothing on the page.
      ['beforeprint', 'dialog'],
      [SHARE_SHEET, 'dialog'],
      // A video or a sound the press started or stopped: its picture (or what is heard) changes, with no markup.
      ['play', 'drawn'],
      ['pause', 'drawn'],
      ['volumechange', 'drawn'],
      ['fullscreenchange', 'drawn'],
      ['scroll', 'scroll'],
      ['change', 'change'],
      ['input', 'change'],
      ['toggle', 'change'],
      ['reset', 'change'],
      ['focusin', 'focus'],
      ['hashchange', 'navigation'],
    ];
    // The field the customer leaves commits its value as the press takes focus away: its change is no answer.
    const leaving = activeDeep();
    const handlers = events.map(([type, what]) => {
      const handler = (event: Event) => {
        const at = origin(event);
        if (type === 'change' && leaving && at === leaving && leaving !== pressed && leaving !== own) return;
        // Focus landing on what was pressed is no answer (a button takes focus when tapped); focus moving elsewhere is.
        if (what === 'focus' && pressed && at && pressed.contains(at)) return;
        answer(what);
      };
      addEventListener(type, handler, { capture: true, passive: true });
      return [type, handler] as const;
    });
    ownSetTimeout(() => {
      // Still working when the watch ends: the control says the page is on it, which is an answer of a kind.
      if (working && control!.isConnected && control!.outerHTML !== initial && !seen.has('mutation')) {
        seen.add('mutation');
        send({ type: 'response', id, what: 'mutation' });
      }
      mutationListeners.delete(onMutation);
      drawListeners.delete(onDraw);
      appListeners.delete(onApp);
      animateListeners.delete(onAnimate);
      for (const [type, handler] of handlers) removeEventListener(type, handler, { capture: true });
    }, options.responseWindowMs + 50);
  };
  // A press counts when the finger or button comes up where it went down; a swipe that starts with a touch ends in
  // pointercancel (the browser scrolls instead) and is a gesture, not a press.
  let down: { id: number; el: Element; at: number; x: number; y: number; event: Record<string, unknown>; down: Event; touch?: Event } | null = null;
  // Where the pressed control was on the screen, and on the page with every scroll taken out, as the finger came down.
  let pressedAt: { id: number; el: Element; screen: { x: number; y: number }; page: { x: number; y: number } } | null = null;
  const placeOf = (el: Element) => {
    const r = el.getBoundingClientRect();
    const page = { x: r.x + scrollX, y: r.y + scrollY };
    // The window's own scroll is scrollX and scrollY (its scrolling element says the same again).
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (box === document.scrollingElement) continue;
      page.x += box.scrollLeft;
      page.y += box.scrollTop;
    }
    return { screen: { x: r.x, y: r.y }, page };
  };
  // A press the browser's automation held back before it reached the page (its element was drawn anew under the finger
  // as it came down: the tap is made again on the new one) never reached the document: it is no press of the
  // customer's. The window hears an event first; the document only if nothing at the window stopped it.
  const reachedPage = new WeakSet<Event>();
  for (const type of ['pointerdown', 'touchstart']) document.addEventListener(type, (event) => reachedPage.add(event), { capture: true, passive: true });
  addEventListener(
    'touchstart',
    (event) => {
      if (down && event.isTrusted) down.touch = event;
    },
    { capture: true, passive: true },
  );
  addEventListener(
    'pointerdown',
    (event) => {
      const hit = origin(event);
      if (!event.isTrusted || event.button > 0 || !hit || isOwn(hit)) return;
      // The swipe before a press is over when the finger comes down: sent now, before the press (and before a
      // navigation the press starts takes this document away).
      endGesture();
      const el = lib.control(hit);
      pressId += 1;
      lastPress = { el, at: Date.now() };
      const pointer = event.pointerType === 'touch' || event.pointerType === 'pen' ? event.pointerType : 'mouse';
      const point = { x: Math.round(event.clientX), y: Math.round(event.clientY) };
      pressedAt = { id: pressId, el, ...placeOf(el) };
      down = { id: pressId, el, at: Date.now(), x: event.clientX, y: event.clientY, event: { type: 'press', id: pressId, pointer, point, target: target(el), field: fieldNote(el) }, down: event };
      // What the customer cannot see around it, looked for once: the press's answer and the messages both need it
      // (each its own copy: the message look takes out what it has seen shown).
      const near = lookNear(el);
      watchPress(pressId, Date.now(), null, el, near.hidden);
      beginAction(el, { ...near, hidden: new Set(near.hidden) });
      if (asksToTake(el)) watchRefusal(el, pressId, null);
    },
    { capture: true, passive: true },
  );
  addEventListener(
    'pointerup',
    (event) => {
      if (!event.isTrusted || !down) return;
      const heldBack = !reachedPage.has(down.down) || (down.touch !== undefined && !reachedPage.has(down.touch));
      if (!heldBack && Math.hypot(event.clientX - down.x, event.clientY - down.y) <= 15) send(down.event);
      down = null;
    },
    { capture: true, passive: true },
  );
  addEventListener('pointercancel', () => (down = null), { capture: true, passive: true });
  // A click that went elsewhere than the pressed control, which has moved on the screen since only by a scroll (its
  // place on the page the same): the page scrolled it away from under the finger during the tap. A control the
  // page moved in answer to the press (a menu that opens above it) has moved on the page too, and is no slip.
  addEventListener(
    'click',
    (event) => {
      const pressed = pressedAt;
      pressedAt = null;
      if (!event.isTrusted || !pressed || pressed.id !== pressId || !pressed.el.isConnected || event.composedPath().includes(pressed.el)) return;
      const now = placeOf(pressed.el);
      const moved = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
      if (moved(now.screen, pressed.screen) > 4 && moved(now.page, pressed.page) <= 2) send({ type: 'slipped', id: pressed.id });
    },
    { capture: true, passive: true },
  );

  // A script the browser could not even read (a site's chunk answered with its HTML error page: "Unexpected token
  // '<'") throws with no stack to say whose it was; the window's error event still names the script's address.
  addEventListener(
    'error',
    (event) => {
      if (!(event instanceof ErrorEvent) || !event.filename || !(event.error instanceof SyntaxError)) return;
      send({ type: 'unparsed', message: event.error.message, file: event.filename });
    },
    { capture: true, passive: true },
  );

  // Keystrokes: counted per field, each character only as letter, digit or other (for the phone keyboard layers).
  addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || isOwn(event.target) || ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Dead'].includes(event.key)) return;
      if (!SCROLL_KEYS.includes(event.key)) endGesture();
      const el = activeDeep();
      const field = fieldNote(el && lib.isField(el) ? el : null);
      const combo = event.ctrlKey || event.metaKey || event.altKey;
      let key = 'char';
      let cls: 'L' | 'D' | 'O' | 'X' = 'X';
      if (!combo && event.key.length === 1) cls = /\p{L}/u.test(event.key) ? 'L' : /\p{Nd}/u.test(event.key) ? 'D' : 'O';
      else if (event.key === 'Backspace' || event.key === 'Delete') key = 'delete';
      else key = combo ? `${event.ctrlKey ? 'Control+' : ''}${event.metaKey ? 'Meta+' : ''}${event.altKey ? 'Alt+' : ''}${event.key}` : event.key;
      send({ type: 'key', key, cls, field });
      keyedText = key === 'char' && cls !== 'X';
      if (key === 'Enter' && el) beginAction(el);
      if (key === 'Enter' && el instanceof HTMLInputElement && el.form) watchRefusal(el, null, seq);
    },
    { capture: true, passive: true },
  );
  // A character no key of the keyboard makes (山, é, س on a keyboard of another layout, or a phone's own keys) comes
  // as text put in without a keydown: each is a keystroke of the customer's all the same.
  let keyedText = false;
  addEventListener('keyup', () => (keyedText = false), { capture: true, passive: true });
  addEventListener(
    'input',
    (event) => {
      const el = origin(event);
      const inserted = event instanceof InputEvent && event.inputType === 'insertText' && event.isTrusted ? event.data ?? '' : '';
      if (keyedText) keyedText = false;
      else if (inserted && el && lib.isField(el) && !isOwn(el)) {
        endGesture();
        const field = fieldNote(el);
        for (const char of inserted) send({ type: 'key', key: 'char', cls: /\p{L}/u.test(char) ? 'L' : /\p{Nd}/u.test(char) ? 'D' : 'O', field });
      }
      const id = el ? fieldIds.get(el) : undefined;
      if (id !== undefined && event.isTrusted) {
        typed.set(id, valueOf(el!));
        typedAt.set(id, Date.now());
      }
    },
    { capture: true, passive: true },
  );
  // A sort order or a filter acts at once: a choice there that changes nothing is dead, like a button that does
  // nothing. A list or a box in a form waits for the form to be sent, so it is not watched.
  const ACTS_AT_ONCE = /sort|filter|order by|refine|per.?page|show only|view as|display/i;
  listenInRoots(
    'change',
    (event) => {
      const el = origin(event);
      const choice = el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'));
      if (!choice || !event.isTrusted && !(lastPress && lastPress.el === el)) return;
      const input = el as HTMLInputElement;
      const expectsAnswer = !input.form && ACTS_AT_ONCE.test(`${lib.fieldWords(el)} ${lib.labelOf(el) ?? ''}`);
      pressId += 1;
      send({ type: 'choice', id: pressId, target: target(el), expectsAnswer });
      watchPress(pressId, Date.now(), el);
    },
  );
  listenInRoots(
    'change',
    (event) => {
      const el = origin(event);
      if (!(el instanceof HTMLSelectElement)) return;
      // A script's choice (the page picking a country) is not the customer's: their hand was on the list first.
      const touched = lastPress !== null && lastPress.el === el && Date.now() - lastPress.at < 10_000;
      if (!event.isTrusted && !touched) return;
      send({ type: 'select', target: target(el), choices: Math.max(1, el.selectedOptions.length), field: fieldNote(el) });
      beginAction(el);
    },
  );

  // Scrolling the customer did: distance moved after their wheel, swipe or scrolling keys, per gesture. A gesture
  // ends when the page has not moved for a moment, when the customer presses or types, or when they leave the page.
  // Only what the gesture moves counts: the page, or a part of it under the customer's finger (the pointer, the focus
  // for keys), along the way they swiped. A part the page moves by itself meanwhile (a hero carousel sliding to its
  // next offer on its own timer) is not their scrolling, wherever it is; nor is the page moving back against their
  // wheel (a carousel bringing its slide into view pulls the page back up to itself).
  let gestureUntil = 0;
  let gestureOn: EventTarget[] = [];
  const gestureAxes = { horizontal: false, vertical: false };
  // The way a wheel turned the page up or down (1 down, -1 up); 0 where a finger or a key may move either way. (Not
  // sideways: a page written right to left scrolls to its end with its scrollLeft going below zero.)
  let gestureWay = 0;
  let quiet = false;
  let gesture: { vertical: number; horizontal: number; timer: number } | null = null;
  // Where each scroller was at its last scroll event; one never seen scrolled is at its start.
  const positions = new WeakMap<EventTarget, { x: number; y: number }>();
  // The page as a whole is where the screen shows it: on a phone, a page wider than the screen (one element sticking
  // out) makes the layout larger than the screen, and a swipe first moves the screen over that layout (the visual
  // viewport) without scrolling the document at all.
  const visual = window.visualViewport;
  const positionOf = (t: EventTarget) => {
    if ((t === document || t === visual) && visual) return { x: visual.pageLeft, y: visual.pageTop };
    const el = t === document ? document.scrollingElement : (t as Element);
    return el ? { x: el.scrollLeft, y: el.scrollTop } : { x: scrollX, y: scrollY };
  };
  const endGesture = () => {
    if (!gesture) return;
    const { vertical, horizontal } = gesture;
    ownClearTimeout(gesture.timer);
    gesture = null;
    removeEventListener('pagehide', endGesture, { capture: true });
    // In whole pixels, as the distance is: a screen of 2443.7 page pixels (a page shown zoomed out) moved whole is one.
    if (vertical >= 1) send({ type: 'scroll', pixels: Math.round(vertical), direction: 'vertical', size: Math.round(visual?.height ?? innerHeight) });
    if (horizontal >= 1) send({ type: 'scroll', pixels: Math.round(horizontal), direction: 'horizontal', size: Math.round(visual?.width ?? innerWidth) });
  };
  const startGesture = (event: Event) => {
    if (!event.isTrusted || quiet || isOwn(event.target)) return;
    // A wheel turned one way scrolls that way only; a finger on the screen, or a key, may move either.
    const wheel = event.type === 'wheel' ? (event as WheelEvent) : null;
    const going = Date.now() <= gestureUntil;
    gestureAxes.horizontal = (going && gestureAxes.horizontal) || !wheel || wheel.deltaX !== 0 || (wheel.shiftKey && wheel.deltaY !== 0);
    gestureAxes.vertical = (going && gestureAxes.vertical) || !wheel || (wheel.deltaY !== 0 && !wheel.shiftKey);
    const turned = wheel && !wheel.shiftKey ? Math.sign(wheel.deltaY) : 0;
    // Turned the other way, or a finger or a key after the wheel, within one gesture: either way counts.
    if (!going) gestureWay = turned;
    else if (gestureWay !== turned) gestureWay = 0;
    gestureOn = event.composedPath();
    gestureUntil = Date.now() + 400;
  };
  for (const type of ['wheel', 'touchmove']) addEventListener(type, startGesture, { capture: true, passive: true });
  addEventListener(
    'keydown',
    (event) => {
      if (SCROLL_KEYS.includes(event.key) && !lib.isField(activeDeep() ?? document.body)) startGesture(event);
    },
    { capture: true, passive: true },
  );
  const scrolled = (event: Event) => {
    // The screen moving over the page and the page scrolling are one scroller, the page.
    const t = event.target === visual || !event.target ? document : event.target;
    const now = positionOf(t);
    const was = positions.get(t) ?? { x: 0, y: 0 };
    positions.set(t, now);
    if (quiet || Date.now() > gestureUntil) return;
    // A scroller that is neither the page nor around what the gesture is on moves by the page's doing.
    if (t !== document && !gestureOn.includes(t)) return;
    // A smooth scroll goes on after the wheel or swipe that started it.
    gestureUntil = Math.max(gestureUntil, Date.now() + 200);
    if (!gesture) {
      gesture = { vertical: 0, horizontal: 0, timer: 0 };
      // A gesture the page leaves in the middle of is ended as it goes. Listened for only while there is one: a
      // pagehide listener on a page that goes elsewhere by itself again and again keeps Chromium from closing the tab
      // for seconds (7 closes in 16 held 5 s or more, against none of 16 without a listener).
      addEventListener('pagehide', endGesture, { capture: true });
    }
    const down = now.y - was.y;
    if (gestureAxes.vertical) gesture.vertical += gestureWay === 0 ? Math.abs(down) : Math.max(0, down * gestureWay);
    if (gestureAxes.horizontal) gesture.horizontal += Math.abs(now.x - was.x);
    ownClearTimeout(gesture.timer);
    gesture.timer = ownSetTimeout(endGesture, 300) as unknown as number;
  };
  // A box that scrolls inside a component's shadow root (an app's shell) says so there only: its scroll is not composed.
  listenInRoots('scroll', scrolled);
  visual?.addEventListener('scroll', scrolled, { passive: true });
  // Hovering with a mouse: the pointer came to rest on a control without pressing it.
  let restTimer = 0;
  let lastRest: Element | null = null;
  /** Set by a `hover` step: the customer points at the control on purpose, to open what it opens on hover. */
  let meantHover = false;
  addEventListener(
    'pointermove',
    (event) => {
      if (!options.hover || !event.isTrusted || event.pointerType !== 'mouse') return;
      ownClearTimeout(restTimer);
      const movedAt = Date.now();
      restTimer = ownSetTimeout(() => {
        const under = document.elementFromPoint(event.clientX, event.clientY);
        const el = under ? lib.control(under) : null;
        if (!el || el === lastRest || el === document.body || (lastPress && lastPress.at >= movedAt)) return;
        lastRest = el;
        // A rest anywhere else (the pointer left where it last went) is no act of the customer's: on a control with a
        // menu, on a part of one, or where they meant to point (a link whose menu opens on :hover alone), it is.
        if (meantHover || el !== under || el.matches('[aria-haspopup], [aria-expanded]')) send({ type: 'hover', target: target(el) });
        meantHover = false;
      }, 250) as unknown as number;
    },
    { capture: true, passive: true },
  );

  // Documents and client-side routes.
  const announceDocument = () => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    send({ type: 'document', url: location.href, how: entry?.type ?? 'navigate' });
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', announceDocument, { once: true });
  else announceDocument();
  addEventListener('pageshow', (event) => {
    if (event.persisted) send({ type: 'document', url: location.href, how: 'restored' });
  });
  // The address the page was last known at (see withinPage).
  let shownAt = location.href;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const before = location.href;
      const result = original.apply(this, args);
      if (location.href !== before) send({ type: 'route', url: location.href, how: method === 'pushState' ? 'push' : 'replace' });
      shownAt = location.href;
      return result;
    };
  }
  // A jump to a part of the same page (a link to #reviews, a "#" link, back from one) changes only the address's
  // fragment: the browser says popstate for it as for a single-page app's route, but the customer is still on the same
  // page. A fragment that names an element of the page (or none, the page's top) on both sides is such a jump; one
  // that names nothing there (#/cart) is a route.
  const topOrPart = (address: string) => {
    const at = address.indexOf('#');
    let id = '';
    try {
      id = at < 0 ? '' : decodeURIComponent(address.slice(at + 1));
    } catch {
      return false;
    }
    return id === '' || document.getElementById(id) !== null || document.getElementsByName(id).length > 0;
  };
  const withinPage = (from: string, to: string) => from.split('#')[0] === to.split('#')[0] && topOrPart(from) && topOrPart(to);
  addEventListener('popstate', () => {
    send({ type: 'route', url: location.href, how: 'pop', ...(withinPage(shownAt, location.href) && { samePage: true }) });
    shownAt = location.href;
  });
  addEventListener('hashchange', () => {
    send({ type: 'route', url: location.href, how: 'hash' });
    shownAt = location.href;
  });

  // New text: what appeared near what the customer acted on, whatever its markup.
  interface Action {
    el: Element;
    at: number;
    path: string;
    added: Set<Node>;
    /** The nodes put into the page since (added ones only, not ones whose attributes changed). */
    inserted: Set<Node>;
    removed: Set<string>;
    /** Each piece of text (a text node) taken out of the page: a re-rendered block brings it back, and it is not new. */
    removedPieces: Set<string>;
    /** What the customer could not see near the element when they acted (see lookNear). */
    hidden: Set<Element>;
    /** What they could see there then: its words are not new to them if only its look changes. */
    shown: Set<Element>;
    /** The labels among it, with their words then and whether they already read as an error (see rewordedAsError). */
    labels: Map<Element, LabelThen>;
    /** Elements they could see whose look changed since (a class, a style): new only if they now read as a message. */
    restyled: Set<Element>;
    /** Elements whose attributes (not a style, class or id) changed since, by name: words CSS draws (see drawnWords). */
    drawing: Map<Element, Set<string>>;
    /** Elements whose class or style changed since: a style rule may now draw words for them (see drawnThen). */
    looks: Set<Element>;
    /** The words CSS drew for each element looked at near the element when they acted ('' for none; see lookNear). */
    drawnThen: Map<Element, string>;
    /** Every node put into the page since, kept for the whole action (`inserted` is emptied at each look). */
    drawn: WeakSet<Node>;
    /** The text nodes whose words changed since: only their first words were on the page before. */
    rewritten: WeakSet<Node>;
    /** The dialogs this action opened, read as messages, with their key (see report's `dialog`). */
    dialogs: Map<Element, string>;
    quiet: number;
  }
  interface LabelThen {
    text: string;
    error: boolean;
  }
  const shown = new Map<string, Element>();
  /** The words each element showing a message said last (see report). */
  const lastSaid = new WeakMap<Element, string>();
  /** The text nodes' texts under a node, in order. */
  const pieces = (node: Node): string[] => {
    if (node.nodeType === Node.TEXT_NODE) return [lib.clean(node.textContent)].filter(Boolean);
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = lib.clean(n.textContent);
      if (text) found.push(text);
    }
    return found;
  };
  const strip = (text: string) => text.replace(/[\d.,£$€¥%-]+/g, '#');
  let action: Action | null = null;
  const onActionMutation = (records: MutationRecord[]) => {
    if (!action) return;
    for (const record of records) {
      if (record.type === 'childList') {
        record.addedNodes.forEach((node) => {
          action!.added.add(node);
          action!.inserted.add(node);
          action!.drawn.add(node);
        });
        record.removedNodes.forEach((node) => {
          // Words the action itself drew and took off again (a message written anew on every key the customer
          // types) were not on the page before: what was there before is what is not new.
          if (action!.drawn.has(node)) return;
          const text = lib.clean(node.textContent);
          if (text) action!.removed.add(strip(text));
          for (const piece of pieces(node)) action!.removedPieces.add(strip(piece));
        });
      } else if (record.type === 'characterData') {
        action.added.add(record.target);
        if (record.oldValue && !action.rewritten.has(record.target) && !action.drawn.has(record.target)) action.removed.add(strip(lib.clean(record.oldValue)));
        action.rewritten.add(record.target);
      }
      if (record.type === 'attributes' && record.attributeName && !['style', 'class', 'id'].includes(record.attributeName)) {
        const names = action.drawing.get(record.target as Element) ?? new Set<string>();
        action.drawing.set(record.target as Element, names.add(record.attributeName));
      }
      if (record.type === 'attributes' && ['style', 'class'].includes(record.attributeName ?? '')) action.looks.add(record.target as Element);
      if (record.type === 'attributes' && ['hidden', 'style', 'class', 'open', 'aria-hidden'].includes(record.attributeName ?? '')) {
        // Shown by an attribute (hidden removed, a class that displays it); aria-expanded and the like show nothing.
        // Text the customer could already see that only changes its look (a password rule turning green as it is
        // met) says nothing new, unless it now reads as a message (a hint turning red).
        if (action.shown.has(record.target as Element)) action.restyled.add(record.target as Element);
        else action.added.add(record.target);
      }
    }
    ownClearTimeout(action.quiet);
    const current = action;
    action.quiet = ownSetTimeout(() => detect(current), 250) as unknown as number;
  };
  /**
   * The page drawing again, on its own, what the customer's action brought (a view drawn whole from its state on every
   * tick of a clock): the new nodes carry on for the old ones, which are no longer on the page to be read.
   */
  const carryOver = (records: MutationRecord[]) => {
    if (!action || action.added.size === 0) return;
    const brought = [...action.added];
    for (const record of records) {
      if (record.type !== 'childList' || record.addedNodes.length === 0) continue;
      const replaced = Array.from(record.removedNodes).some((gone) => brought.some((node) => gone === node || gone.contains(node)));
      if (replaced) record.addedNodes.forEach((node) => action!.added.add(node));
    }
  };
  mutationListeners.add((records, _at, _before, byPage, since) => {
    // A timer the customer's code set before this action (a reminder an earlier tap set going) is no part of it.
    if (byPage || (since !== null && action !== null && since < action.at)) carryOver(records);
    else onActionMutation(records);
  });

  /** A dialog the page opened (an alert dialog is an alert first: see kindOf). */
  const DIALOG = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
  /** What makes the page say a message out loud at once: an alert. */
  const ALERTING = '[role="alert"], [role="alertdialog"], [aria-live="assertive"]';
  /** Live regions of every kind: what a screen reader reads out as it changes. */
  const LIVE_REGION = '[role="alert"], [role="status"], [aria-live], output';
  /** What marks an element as an error by its name (its colour aside): "error" in its class or id ("field-error"). */
  const ERROR_MARK = '.invalid-feedback, [id*="error" i], [class*="error" i]';
  /** A class that marks danger the way component libraries name it: "alert-danger", "toast--danger", "bg-destructive" (not "danger-zone"). */
  const DANGER_CLASS = /(?:^|[-_])(?:danger|destructive)$/i;
  /**
   * Marked as an error by its name: an error's class or id, or a danger class, on it or a few levels up (not a
   * wrapper around the whole app, such as an "error-boundary").
   */
  const namedError = (el: Element): boolean => {
    for (let n: Element | null = el, depth = 0; n && depth < 4; n = n.parentElement, depth += 1) {
      if (n.matches(ERROR_MARK) || Array.from(n.classList).some((token) => DANGER_CLASS.test(token)) || errorOfField(n)) return true;
    }
    return false;
  };
  /**
   * Named as a field's error the way WAI-ARIA says it: the message of a field's aria-errormessage, or described by a
   * field the page marks invalid (aria-invalid="true" with aria-describedby), whatever its class or colour.
   */
  const errorOfField = (n: Element): boolean => {
    // The attribute, not the property: a form's `id` is its field named "id" when it has one (every Shopify product
    // form's hidden variant field), and a selector built from that element would throw.
    const attribute = n.getAttribute('id');
    if (!attribute) return false;
    const id = JSON.stringify(attribute);
    return document.querySelector(`[aria-errormessage~=${id}], [aria-invalid="true"][aria-describedby~=${id}]`) !== null;
  };
  /**
   * Set under a field the page marks invalid (aria-invalid="true"), as a form library writes a field's message with no
   * id to tie it by: right after the field (or the box around it), itself or in a box of its own, or in the field's
   * own group, the part around it that holds no other field. A red alert there is the field's error; a red sale banner with the role is none.
   */
  const byInvalidField = (el: Element): boolean => {
    const message = el.closest(ALERTING) ?? el;
    const only = (n: Element | null): Element | null => {
      if (!n) return null;
      if (n.matches(FIELDS)) return n;
      const inside = n.querySelectorAll(FIELDS);
      return inside.length === 1 ? inside[0]! : null;
    };
    const invalid = (field: Element | null) => field?.getAttribute('aria-invalid') === 'true';
    for (let n: Element | null = message, depth = 0; n && depth < 3 && n !== document.body && !n.matches('form'); n = n.parentElement, depth += 1) {
      if (invalid(only(n.previousElementSibling))) return true;
      const inside = n.querySelectorAll(FIELDS);
      if (inside.length > 1) return false;
      if (inside.length === 1) return invalid(inside[0]!);
    }
    return false;
  };
  /**
   * Red, in a language whose words cx-shop does not read (see rules/support/message-words.ts): its colour is all there
   * is to go by, in an alert or a live region too.
   */
  const READ_LANGUAGES = /^(?:en|de|fr|es)\b/i;
  const redInUnreadLanguage = (el: Element, text: string) =>
    !READ_LANGUAGES.test(el.closest('[lang]')?.getAttribute('lang') || 'en') && lib.looksRed(el) && !SELLING_WORDS.test(text);
  /** Red by its colour, and its words do not sell rather than warn (a sale, a price cut, few left). */
  const redWarns = (el: Element, text: string) => lib.looksRed(el) && !sells(text);
  /** Words that sell rather than warn (a sale, a price cut, few left), with no word of something gone wrong. */
  const sells = (text: string) => SELLING_WORDS.test(text) && !ERROR_WORDS.test(text);
  const kindOf = (el: Element, text: string): AppearedText['kind'] => {
    // An alert or a live region named as an error (a component library's error alert: role="alert" and the class
    // "MuiAlert-standardError") is an error; by colour alone it stays an alert (a red sale banner with the role), in
    // a language whose words say which it is.
    if (el.closest(ALERTING)) return namedError(el) || redInUnreadLanguage(el, text) || (lib.looksRed(el) && byInvalidField(el)) ? 'error' : 'alert';
    if (el.closest(DIALOG)) return 'dialog';
    // A status in red is an error as any red text is (a code refused under its field, in a polite live region as
    // accessible shops are told to write it), unless its words sell.
    if (el.closest('[role="status"], [aria-live="polite"], output')) return namedError(el) || redWarns(el, text) ? 'error' : 'status';
    if (namedError(el)) return 'error';
    return redWarns(el, text) ? 'error' : 'text';
  };
  const blockOf = (node: Node): Element | null => {
    let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    for (let depth = 0; el && depth < 4 && getComputedStyle(el).display === 'inline'; depth += 1) el = el.parentElement;
    return el;
  };
  const distance = (a: Box, b: Box) => {
    const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
    const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
    return Math.hypot(dx, dy);
  };
  /**
   * Whether the element's text reads as a message. A label is a field's name, not a message, unless `errorLabel` says
   * it is one a script put in as an error (a validation plugin's `<label class="error" for=…>`), or a field's own
   * label the action rewrote into one.
   */
  const CONTROL_WORDS = 'button, a[href], [role="button"], [role="link"], [role="tab"], summary, option, [role="listbox"], [role="menu"], [role="tablist"], [role="tree"]';
  /** Not a control's own words (see isMessage), unless a button's the page turned red to say what went wrong. */
  const notControlWords = (el: Element, text: string) => {
    const control = el.closest(CONTROL_WORDS);
    return !control || (control.matches('button, [role="button"]') && ERROR_WORDS.test(text.replace(/try again/gi, '')) && lib.looksRed(el));
  };
  /** Words that could be a message, whoever draws them: not the page itself, a control's own words nor a list's choices. */
  const wordsOfMessage = (el: Element, text: string) =>
    text.length > 0 &&
    text.length <= 300 &&
    /\p{L}/u.test(text) &&
    !['BODY', 'HTML', 'MAIN'].includes(el.tagName) &&
    // A control's own words (a button, a link, and a part of one: a sort button's "Price: low to high" once chosen)
    // are what the customer taps, not a message to them, unless the page turned it red to say what went wrong ("Card
    // declined – try another card"; a red "Try again" says only what to do next); nor are the choices of a list the
    // customer opened (a size list's "XL – sold out", a menu).
    notControlWords(el, text) &&
    !el.closest('[role="option"], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="treeitem"]');
  const isMessage = (el: Element, text: string, errorLabel = false) =>
    wordsOfMessage(el, text) &&
    (errorLabel || !el.matches('label')) &&
    el.querySelectorAll('input, select, textarea, table, img, video').length === 0 &&
    // A wrapper around the list the customer opened (a select's popover, a combobox's menu) holds its choices, not a
    // message: when the list holds most of its words.
    !listHoldsMost(el, text) &&
    // Links within the page do not make it a menu: an error summary lists each problem as a link to its field
    // ("There is a problem: Enter your email address, Enter a password").
    el.querySelectorAll('a[href]:not([href^="#"]), button').length <= 1;
  const listHoldsMost = (el: Element, text: string) => {
    const list = el.querySelector('[role="listbox"], [role="menu"], [role="tree"], [role="grid"]');
    return list !== null && lib.clean((list as HTMLElement).innerText).length >= text.length / 2;
  };
  /**
   * Text for screen readers only (a component's live region that says "7 results available", clipped to a pixel):
   * no one sees it, so no one reads it. Clipped away in a box of its own, or a box of a pixel or two.
   */
  const forScreenReadersOnly = (el: Element) => {
    const r = el.getBoundingClientRect();
    // A box of its own a pixel or two across (one drawn with display: contents has none, and its text shows).
    if (r.width <= 2 && r.height <= 2 && getComputedStyle(el).display !== 'contents') return true;
    return lib.clippedAway(el, 2);
  };
  let dialogsRead = 0;
  /** `dialog`: the key of a dialog read again as it fills in; its last reading stands for the earlier ones. */
  const report = (el: Element, text: string, arrival: boolean, kind: AppearedText['kind'] = kindOf(el, text), dialog?: string) => {
    // A sign that the page is working ("Taking payment…", "Loading…") is glanced at, not read: and whether it is
    // caught before the page moves on is a matter of the machine's speed. The snapshot keeps the ones still showing.
    if (text.length <= 40 && lib.saysWorking(text)) return;
    if (forScreenReadersOnly(el)) return;
    // Still showing the same words is not read again; words back where others showed since (a toast that said "Linen
    // shirt added", now "Oxford shirt added" again) are.
    const known = shown.get(text);
    const anew = saidAnew.delete(el);
    if (known && known.isConnected && lib.visible(known) && lastSaid.get(known) === text && !anew) return;
    shown.set(text, el);
    lastSaid.set(el, text);
    const id = el.getAttribute('id') ? `#${el.getAttribute('id')}` : '';
    const role = el.getAttribute('role');
    send({
      type: 'message',
      arrival,
      kind,
      text,
      where: `${el.tagName.toLowerCase()}${id}${role ? ` (role ${role})` : ''}`,
      box: lib.pageBox(el),
      ...(heldOnScreen(el) && { pinned: true }),
      ...(dialog !== undefined && { dialog }),
      ...(!arrival && action !== null && { answers: action.at }),
    });
  };
  /**
   * Held in place on the screen as the page scrolls (a toast, a sticky banner): where the customer is in the page does
   * not take it out of their view, and its box in the page is only where it was when it came.
   */
  const heldOnScreen = (el: Element): boolean => lib.pinnedBar(el) !== null;
  // The browser's own check of a form (required, type="email", a pattern) shows its message in a bubble by the first
  // field that fails: not in the page, but the customer reads it. A script's silent checkValidity() shows nothing;
  // a field that cannot show a bubble (hidden) leaves the customer with nothing at all.
  let silentCheck = 0;
  for (const proto of [HTMLFormElement.prototype, HTMLInputElement.prototype, HTMLSelectElement.prototype, HTMLTextAreaElement.prototype]) {
    const original = proto.checkValidity as (this: unknown) => boolean;
    proto.checkValidity = function (this: unknown) {
      silentCheck += 1;
      try {
        return original.call(this);
      } finally {
        silentCheck -= 1;
      }
    };
  }
  // The fields that failed one check, in the browser's order: the first one the customer can see whose page did not
  // take the message over (preventDefault on its invalid event, to show its own) gets the bubble.
  let failed: Array<{ el: HTMLInputElement; event: Event }> | null = null;
  listenInRoots(
    'invalid',
    (event) => {
      const el = origin(event) as HTMLInputElement | null;
      if (silentCheck > 0 || quiet || !(el instanceof Element)) return;
      if (!failed) {
        failed = [];
        ownSetTimeout(() => {
          const field = failed!.find(({ el: f, event: e }) => !e.defaultPrevented && f.isConnected && lib.visible(f))?.el;
          failed = null;
          if (!field || !field.validationMessage) return;
          const id = field.getAttribute('id') ? `#${field.getAttribute('id')}` : '';
          send({ type: 'message', arrival: false, kind: 'error', text: lib.clean(field.validationMessage), where: `${field.tagName.toLowerCase()}${id} (the browser's own message)`, box: lib.pageBox(field) });
        }, 0);
      }
      failed.push({ el, event });
    },
  );
  /**
   * What a live region says of what was put in it, as a screen reader says it: the region whole when all it shows is
   * new (a status filled in, an alert shown), or when it asks to be read whole (aria-atomic); only the new parts when
   * it still shows older ones (a stack of toasts, the one before still there until its own timer takes it; a log).
   */
  const saidBy = (live: Element, added: Node[]): Element[] => {
    if (live.getAttribute('aria-atomic') === 'true') return [live];
    const parts = [...new Set(added.map((node) => (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement ?? live)))].filter(
      (part, _, all) => live.contains(part) && !all.some((other) => other !== part && other.contains(part)),
    );
    if (parts.length === 0 || parts.includes(live)) return [live];
    // Words the region shows outside the new parts (counted, so an older toast with the same words still counts).
    const fresh = parts.reduce((count, part) => count + pieces(part).length, 0);
    // A region that shows nothing of its own (sonner's section, around the fixed list it draws its toasts in) is read
    // as what it holds, named as that: where it shows on the screen is the list's, not the section's.
    const drawsNothing = (el: Element) => !Array.from(el.getClientRects()).some((r) => r.width > 0 && r.height > 0);
    const said = pieces(live).length > fresh ? parts : parts.length === 1 && drawsNothing(live) ? [narrowest(parts[0]!)] : [live];
    for (const part of said) saidAnew.add(part);
    return said;
  };
  /** The innermost element holding all of `el`'s words alone (a list of one toast: the toast). */
  const narrowest = (el: Element): Element => {
    const words = pieces(el).length;
    let at = el;
    while (at.children.length === 1 && pieces(at.children[0]!).length === words) at = at.children[0]!;
    return at;
  };
  /**
   * What this action put in a live region, or a toast with one of its own, whole (see saidBy, ownLiveRegion): said
   * again when it says again what was said before (the same refusal twice, a toast back after the one before went),
   * unless the action took the same words out meanwhile (a part drawn again).
   */
  let saidAnew = new Set<Element>();
  /**
   * The live region inside a part the page put in that holds all its words (a toast of react-hot-toast's or notistack's:
   * a wrapper, and in it a status or an alert of its own): the toast is read as that region, with its role.
   */
  const ownLiveRegion = (block: Element): Element | null => {
    const regions = block.querySelectorAll(LIVE_REGION);
    if (regions.length !== 1) return null;
    const words = pieces(block).length;
    return words > 0 && pieces(regions[0]!).length === words ? regions[0]! : null;
  };
  /** Whether the element, or a part of the page holding it, was put there since the customer acted. */
  const drawnInAction = (current: Action, el: Element): boolean => {
    for (let n: Node | null = el; n; n = n.parentNode) if (current.drawn.has(n)) return true;
    return false;
  };
  function detect(current: Action): void {
    if (current !== action) return;
    saidAnew = new Set();
    const routeChanged = location.pathname !== current.path;
    const near = current.el.isConnected ? lib.pageBox(current.el) : null;
    const form = current.el.closest('form');
    const blocks = new Set<Element>();
    // What was added, by the live region it went into or else by its block: each looked at once, however many nodes
    // a re-render added to it.
    const addedToLive = new Map<Element, Node[]>();
    const addedToBlock = new Map<Element, Node[]>();
    for (const node of current.added) {
      if (!node.isConnected) continue;
      const live = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(LIVE_REGION);
      const block = live ?? blockOf(node);
      const into = live ? addedToLive : addedToBlock;
      if (block) (into.get(block) ?? into.set(block, []).get(block)!).push(node);
    }
    current.added.clear();
    for (const [block, added] of addedToBlock) {
      const region = ownLiveRegion(block);
      // Put in whole by this action (a new toast): said, whatever was said before.
      if (region && added.some((node) => node.contains(region))) saidAnew.add(region);
      blocks.add(region ?? labelOf(current, block));
    }
    for (const [live, added] of addedToLive) for (const part of saidBy(live, added)) blocks.add(part);
    for (const el of current.restyled) {
      const block = el.isConnected ? blockOf(el) : null;
      if (block && lib.visible(block) && kindOf(block, lib.clean((block as HTMLElement).innerText)) !== 'text') blocks.add(block);
    }
    current.restyled.clear();
    // A label counts as a message only when it came with the action, marked as an error, or when the action rewrote
    // a field's own label into an error (see rewordedAsError).
    const inserted = [...current.inserted];
    current.inserted.clear();
    const errorLabel = (el: Element) =>
      el.tagName === 'LABEL' && ((el.matches(ERROR_MARK) && inserted.some((node) => node === el || node.contains(el))) || rewordedAsError(current, el));
    for (const el of revealed(current)) {
      const block = blockOf(el);
      if (block) blocks.add(block);
    }
    // A dialog this action opened that fills in as its answer comes (a bag drawer drawn with placeholders, then its
    // items): read again whole, its last reading standing for the first, so what the customer reads there does not
    // depend on how fast the site answered.
    const fillingIn = new Set<Element>();
    for (const el of [...blocks]) {
      const dialog = [...current.dialogs.keys()].find((open) => open !== el && open.contains(el));
      if (dialog === undefined) continue;
      blocks.delete(el);
      fillingIn.add(dialog);
    }
    for (const dialog of fillingIn) {
      const said = dialog.isConnected && lib.visible(dialog) ? dialogSays(dialog) : null;
      if (said !== null) report(dialog, said, false, undefined, current.dialogs.get(dialog));
    }
    // A class on the page itself (a scroll lock on <body> while a drawer or a modal is open) changes no words of its
    // own: what changed inside it (the drawer's error) is read on its own, not dropped as part of the whole page.
    for (const el of blocks) if ((el === document.body || el === document.documentElement) && [...blocks].some((other) => other !== el && el.contains(other))) blocks.delete(el);
    for (const el of blocks) {
      if ([...blocks].some((other) => other !== el && other.contains(el))) continue;
      if (!lib.visible(el)) continue;
      const whole = lib.clean((el as HTMLElement).innerText);
      // A block the page rendered again ("Have a promo code?" and now "Invalid."): only the pieces not there before.
      const all = pieces(el);
      const own = all.filter((piece) => !current.removedPieces.has(strip(piece)));
      const text = own.length > 0 && own.length < all.length ? lib.clean(own.join(' ')) : whole;
      if (own.length === 0) continue;
      const said = dialogSays(el);
      if (said !== null) {
        if (current.removed.has(strip(said))) continue;
        const key = current.dialogs.get(el) ?? `${performance.timeOrigin}:${(dialogsRead += 1)}`;
        current.dialogs.set(el, key);
        report(el, said, false, undefined, key);
        continue;
      }
      if (!isMessage(el, text, errorLabel(el))) {
        // A part drawn again whole with its fields (a form re-rendered from state, a server's form swapped in): the
        // messages marked as such in it that were not there before the customer acted, as on a page they arrive at.
        for (const message of markedMessages(el, errorLabel, [{ part: el }])) {
          if (!current.removed.has(strip(message.text)) && pieces(message.el).some((piece) => !current.removedPieces.has(strip(piece)))) report(message.el, message.text, false);
        }
        continue;
      }
      if (current.removed.has(strip(text))) continue;
      const kind = errorSummary(el) ? 'error' : strengthOf(current, el, text) ? 'status' : kindOf(el, text);
      const inForm = form !== null && form.contains(el);
      // Unmarked words that are content the action brought (a result under its own heading, one entry of a list drawn
      // at once) are what the customer asked to see, not a message about what they did. So is a list of three results
      // or more, in a form or a live region too (the stores near a postcode, one of them "Out of stock").
      if ((kind === 'text' && !inForm && isContent(el)) || ((kind === 'text' || kind === 'status') && listOfResults(el))) continue;
      const fixed = getComputedStyle(el).position === 'fixed';
      const close = kind !== 'text' || fixed || inForm || (near !== null && distance(near, lib.pageBox(el)) <= options.nearPx);
      // A client-side page change brings a whole new page: only what is marked as a message counts there. A status
      // region the new view drew itself ("Loading products…", then "5 products") is that view's content, whether its
      // words came in the same moment as the view or a moment later, unless they say something went wrong.
      if (!close || (routeChanged && (kind === 'text' || (kind === 'status' && drawnInAction(current, el) && !ERROR_WORDS.test(text))))) continue;
      report(el, text, false, kind);
    }
    // Words CSS draws, new with the action, near what the customer acted on or marked as a message.
    const reportDrawn = (el: Element, drawn: { text: string; colour: string }): void => {
      if (current.removed.has(strip(drawn.text)) || !wordsOfMessage(el, drawn.text) || forScreenReadersOnly(el)) return;
      const kind = kindOf(el, drawn.text);
      const close = kind !== 'text' || (form !== null && form.contains(el)) || (near !== null && distance(near, lib.pageBox(el)) <= options.nearPx);
      if (!close || (routeChanged && kind === 'text')) return;
      if (kind === 'text' && lib.isRed(drawn.colour) && !sells(drawn.text)) report(el, drawn.text, false, 'error');
      else report(el, drawn.text, false);
    };
    // Words the action wrote into an attribute that CSS draws (a field's message drawn from its data-message): words
    // the page's style sheet draws whatever the customer does ("(required)" after a label) are not new.
    const drawing = [...current.drawing];
    current.drawing.clear();
    for (const [el, names] of drawing.slice(0, 300)) {
      const written = [...names].map((name) => lib.clean(el.getAttribute(name))).filter((value) => /\p{L}{2}/u.test(value));
      if (written.length === 0 || !el.isConnected || !lib.visible(el)) continue;
      const drawn = drawnWords(el);
      if (drawn === null || !written.some((value) => drawn.text.includes(value))) continue;
      reportDrawn(el, drawn);
    }
    // Words a style rule draws once the action changed an element's class or style (`.field.is-invalid::after`
    // with the message in its content), which it did not draw for that element before.
    const looks = [...current.looks];
    current.looks.clear();
    for (const el of looks.slice(0, 300)) {
      const then = current.drawnThen.get(el);
      if (then === undefined || !el.isConnected || !lib.visible(el)) continue;
      const drawn = drawnWords(el);
      if (drawn === null || drawn.text === then) continue;
      current.drawnThen.set(el, drawn.text);
      reportDrawn(el, drawn);
    }
  }
  /**
   * A password's strength meter, read as the customer types the password ("Weak password", "Stärke: mittel",
   * "Mot de passe fort", "Contraseña débil"), in red while it is weak: a hint that changes with each key, no refusal.
   * The same words after a press that asked to take the form ("Password too weak") are the form's answer.
   */
  const PASSWORD = 'input[type="password"], input[autocomplete~="new-password"], input[autocomplete~="current-password"]';
  const STRENGTH =
    /(?<![\p{L}\p{N}])(?:weak|fair|medium|moderate|good|strong|excellent|schwach|mittel|mittelmäßig|gut|stark|sicher|faible|moyen|bon|fort|robuste|débil|media|buena|fuerte|segura)(?![\p{L}\p{N}])/iu;
  const strengthOf = (current: Action, el: Element, text: string): boolean => {
    const field = current.el;
    if (!field.matches(PASSWORD) || text.length > 60 || !STRENGTH.test(text) || ERROR_WORDS.test(text)) return false;
    const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/);
    for (let n: Element | null = el, depth = 0; n && depth < 4 && n !== document.body; n = n.parentElement, depth += 1) {
      if (n.contains(field) || (n.id !== '' && described.includes(n.id))) return true;
    }
    return false;
  };
  /**
   * The words an element draws with CSS (::before, ::after) and their colour: a design system that writes a field's
   * message from its attribute (`content: attr(data-message)`) shows the customer words that are in no text of the
   * page. Words only (not a counter, an icon's glyph of a private font, an image), a word of two letters at least.
   */
  const drawnWords = (el: Element): { text: string; colour: string } | null => {
    const words: string[] = [];
    let colour = '';
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (style.content === 'none' || style.content === 'normal' || style.display === 'none' || style.visibility === 'hidden') continue;
      const quoted = Array.from(style.content.matchAll(/"((?:[^"\\]|\\.)*)"/g), (m) => m[1]!.replace(/\\(.)/g, '$1')).join('');
      const text = lib.clean(quoted.replace(/[\u{E000}-\u{F8FF}]/gu, ''));
      if (!/\p{L}{2}/u.test(text)) continue;
      words.push(text);
      colour ||= style.color;
    }
    return words.length > 0 ? { text: lib.clean(words.join(' ')), colour } : null;
  };
  /**
   * What a dialog the page opened says (a modal explaining a failed payment, "Added to your bag"): its words without
   * its buttons' and links' ("Try again", "View bag"), which are what the customer taps next. Null for anything that
   * is not an open dialog, and for a dialog with fields to fill in (a sign-in), which is a form, not a message.
   */
  const CONTROLS = 'a[href], button, [role="button"], [role="link"], option';
  const dialogSays = (el: Element): string | null => {
    if (!el.matches(DIALOG) || el.querySelector('input:not([type="hidden"]), select, textarea, table') !== null) return null;
    const words: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = lib.clean(node.textContent);
      if (text && parent && !parent.closest(CONTROLS) && lib.visible(parent)) words.push(text);
    }
    const said = lib.clean(words.join(' '));
    return said.length > 0 && said.length <= 300 && /\p{L}/u.test(said) ? said : null;
  };
  /** A piece of a page's content: it has a heading of its own, or it is one entry of a list of several. */
  const LISTS = 'ul, ol, table, [role="list"], [role="table"], [role="grid"]';
  const listOfResults = (el: Element) => {
    const list = el.matches(LISTS) ? el : el.querySelector(LISTS);
    if (!list) return false;
    const items = list.querySelectorAll('li, tr, [role="listitem"], [role="row"]').length;
    return items >= 3 && lib.clean((list as HTMLElement).innerText).length >= lib.clean((el as HTMLElement).innerText).length / 2;
  };
  /** One of three or more alike beside it (a grid of product cards built as divs of one class): a listing's item. */
  const oneOfMany = (el: Element) => {
    const parent = el.parentElement;
    if (!parent || typeof el.className !== 'string' || el.className.trim() === '') return false;
    let alike = 0;
    for (const sibling of Array.from(parent.children)) if (sibling.tagName === el.tagName && sibling.className === el.className) alike += 1;
    return alike >= 3;
  };
  /**
   * An error summary the action brought, as GOV.UK draws one and as shops copy it without its class names: a heading
   * that says there is a problem ("There is a problem", "There are 2 errors on this page"), and links that each take
   * the customer to a field of the page to put right ("Choose a delivery slot"). It is one message, the heading with
   * its links' words, however it is coloured (black words on a red border). A new section with a heading and links
   * (a mini bag, "You might also like", the next steps of a form) says no problem, and its links go elsewhere; help
   * offered in case of a problem asks a question ("A problem with your order?").
   */
  const PROBLEM_HEADING = /\b(?:problems?|errors?|fehler|probl[eè]mes?|erreurs?|errores|problemas?)\b|something went wrong|(?:fix|correct) the following/i;
  const errorSummary = (el: Element): boolean => {
    const heading = el.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
    const title = heading ? lib.clean((heading as HTMLElement).innerText) : '';
    if (!PROBLEM_HEADING.test(title) || title.endsWith('?')) return false;
    const links = Array.from(el.querySelectorAll('a[href]'));
    return links.length > 0 && links.every((link) => leadsToField(link, el));
  };
  /** A link within the page to a field to put right (its input, or the group of choices it belongs to), outside the box. */
  const FIELDS = 'input:not([type="hidden"]), select, textarea';
  const leadsToField = (link: Element, box: Element): boolean => {
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#') || href.length < 2) return false;
    let id = href.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Not an escaped id: the id as written.
    }
    const target = document.getElementById(id);
    if (!target || box.contains(target)) return false;
    // A whole form is where the customer goes to fill it in, not a field to put right.
    return target.matches(FIELDS) || (!target.matches('form') && target.querySelector('form') === null && target.querySelector(FIELDS) !== null);
  };
  const isContent = (el: Element) => el.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]') !== null || listingItem(el);
  /** An item of a list of three or more, or one of three or more alike (a grid of product cards). */
  const listingItem = (el: Element) =>
    (el.matches('li, [role="listitem"], article, tr, [role="row"]') && (el.parentElement?.children.length ?? 0) >= 3) || oneOfMany(el);
  /**
   * What the customer cannot see in the form they act in (or around the element, outside a form): a style rule may
   * show it with no change to the page's markup (a message shown by :user-invalid, :focus-within or :checked). What
   * they can see there is kept too: text whose look alone changes is not new to them (see Action.restyled).
   */
  const HIDDEN_SCAN = 400;
  type Near = { hidden: Set<Element>; shown: Set<Element>; labels: Map<Element, LabelThen>; drawnThen: Map<Element, string> };
  const NO_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'OPTION', 'OPTGROUP', 'svg', 'path', 'BR']);
  const lookNear = (el: Element): Near => {
    const scope = el.closest('form') ?? el.parentElement?.parentElement;
    const hidden = new Set<Element>();
    const shown = new Set<Element>();
    const labels = new Map<Element, LabelThen>();
    const drawnThen = new Map<Element, string>();
    if (!scope) return { hidden, shown, labels, drawnThen };
    const all = scope.getElementsByTagName('*');
    for (let i = 0; i < all.length && i < HIDDEN_SCAN; i += 1) {
      const candidate = all[i]!;
      if (NO_TEXT_TAGS.has(candidate.tagName)) continue;
      const visible = lib.visible(candidate);
      (visible ? shown : hidden).add(candidate);
      if (visible && candidate.tagName === 'LABEL') labels.set(candidate, labelThen(candidate));
      drawnThen.set(candidate, (visible && !lib.isField(candidate) && drawnWords(candidate)?.text) || '');
    }
    return { hidden, shown, labels, drawnThen };
  };
  const labelThen = (label: Element): LabelThen => {
    const text = lib.clean((label as HTMLElement).innerText);
    return { text, error: kindOf(label, text) === 'error' };
  };
  /**
   * A field's own label that the customer's action rewrote into an error ("Mobile number" now reads "Mobile number –
   * needs 11 digits, like 07700 900123", in red): the words changed, and they now read as an error by their colour or
   * their marks, as any message does. A label that only turns red is still the field's name; one whose words change
   * for another reason is not marked ("Quantity (2 in your bag)", a count of characters left, which changes only its
   * numbers); one that was already red (the shop's own colour) says nothing new by being red.
   */
  const rewordedAsError = (current: Action, label: Element): boolean => {
    const then = current.labels.get(label);
    if (!then || then.error) return false;
    const text = lib.clean((label as HTMLElement).innerText);
    return strip(text) !== strip(then.text) && kindOf(label, text) === 'error';
  };
  /**
   * A field's own label drawn inline (as browsers draw a label unstyled), the only words of the block it sits in, with
   * its field or not: when the action rewrote it into an error, the label is what is judged, not the block.
   */
  const labelOf = (current: Action, block: Element): Element => {
    const labels = block.tagName === 'LABEL' ? [] : block.getElementsByTagName('label');
    if (labels.length !== 1) return block;
    const label = labels[0]!;
    return rewordedAsError(current, label) && lib.clean(label.innerText) === lib.clean((block as HTMLElement).innerText) ? label : block;
  };
  /** What has come into view since the customer acted (a part shown whole is judged whole, as for added nodes). */
  const revealed = (current: Action): Element[] => {
    const shownNow = [...current.hidden].filter((el) => el.isConnected && lib.visible(el));
    for (const el of shownNow) current.hidden.delete(el);
    return shownNow;
  };
  // A refusal with no words: the customer asks the page to take the form (a button, Enter in a field) and the page
  // answers only by marking fields as wrong: aria-invalid, or a red border, outline or ring on a field or on a group
  // of fields. How each field and group looked when they pressed is kept; cx-shop compares the page with it once the
  // step's transitions have ended (see refusal), so a colour is never read mid-fade.
  let refusalWatch: {
    press: number | null;
    key: number | null;
    pressed: Element;
    before: Map<string, string>;
    fields: Set<string>;
    wordsAdded: boolean;
    /** The words the page took off since the press, each as often as it went (see the words it adds). */
    takenOff: Map<string, number>;
  } | null = null;
  /** Fields looked at, at most (a long page's hidden inputs are skipped first). */
  const MARK_SCAN = 200;
  /** Levels above a field that may be its group (a slot grid around its radios, a fieldset, a field's wrapper). */
  const GROUP_LEVELS = 3;
  const MARKABLE_FIELDS =
    'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea, [role="textbox"], [role="combobox"], [role="radiogroup"], [role="listbox"]';
  /** A press that asks the page to take what was filled in: a button, not one that opens a menu or a section. */
  const asksToTake = (el: Element) => lib.roleOf(el) === 'button' && !lib.isField(el) && !el.matches('summary, [aria-haspopup], [aria-expanded]');
  /** A box-shadow layer drawn all round its element (a ring: no offset), in red. */
  const redRing = (shadow: string) =>
    shadow.split(/,(?![^(]*\))/).some((layer) => {
      const colour = /(?:rgba?|oklch|oklab|lab|lch|color|hsla?)\([^)]*\)/.exec(layer)?.[0];
      const lengths = layer.replace(colour ?? '', '').match(/-?[\d.]+px/g)?.map(parseFloat) ?? [];
      return colour !== undefined && lib.isRed(colour) && lengths[0] === 0 && lengths[1] === 0 && lengths.slice(2).some((n) => n > 0);
    });
  /**
   * How an element is marked as wrong, in words ('' when it is not). The outline and ring of the element the focus is
   * in, or the pointer on, are left out: a focus ring is the control's look, whatever the brand's colour. Its border
   * is not: a field the customer is typing in when they press Enter, or has just left for the button, keeps the red
   * border it had.
   */
  const marksOf = (el: Element): string => {
    const marks: string[] = [];
    if (el.getAttribute('aria-invalid') === 'true') marks.push('aria-invalid');
    const style = getComputedStyle(el);
    const drawn = (side: string) =>
      parseFloat(style.getPropertyValue(`border-${side}-width`)) >= 1 &&
      !['none', 'hidden'].includes(style.getPropertyValue(`border-${side}-style`)) &&
      lib.isRed(style.getPropertyValue(`border-${side}-color`));
    if (['top', 'right', 'bottom', 'left'].some(drawn)) marks.push('red border');
    if (!el.matches(':focus-within, :hover')) {
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && lib.isRed(style.outlineColor)) marks.push('red outline');
      if (style.boxShadow !== 'none' && redRing(style.boxShadow)) marks.push('red ring');
    }
    return marks.join(', ');
  };
  // Known by its place and its name in the form, not by its label: a page may write its error into the label.
  const markKey = (el: Element) => `${lib.cssPath(el)}|${el.tagName}|${el.getAttribute('name') ?? ''}|${el.getAttribute('type') ?? ''}`;
  /**
   * The fields the customer can see, the boxes drawn for them (a radio's label) and their groups a few levels up: not
   * the form itself, nor a part that holds what was pressed (the form's look around its button), nor a choice made
   * (a ticked box or a chosen option drawn in the brand's red is chosen, not wrong). By key: a field drawn again (a
   * framework re-rendering the form) is the same field.
   */
  const markable = (pressed: Element): { all: Map<string, Element>; fields: Set<string> } => {
    const all = new Map<string, Element>();
    const fields = new Set<string>();
    const found = document.querySelectorAll(MARKABLE_FIELDS);
    for (let i = 0, seen = 0; i < found.length && i < 5 * MARK_SCAN && seen < MARK_SCAN; i += 1) {
      const field = found[i]!;
      const drawn = lib.shownAs(field);
      if (isOwn(field) || !lib.visible(drawn)) continue;
      seen += 1;
      fields.add(markKey(field));
      const chosen = field.matches(':checked, [aria-checked="true"], [aria-selected="true"]');
      const chain = chosen || (pressed !== field && drawn.contains(pressed)) ? [] : [field, drawn];
      for (let n = drawn.parentElement, level = 0; n && level < GROUP_LEVELS && n !== document.body && !n.matches('form') && !n.contains(pressed); n = n.parentElement, level += 1) chain.push(n);
      for (const el of chain) all.set(markKey(el), el);
    }
    return { all, fields };
  };
  function watchRefusal(pressed: Element, press: number | null, key: number | null): void {
    const { all, fields } = markable(pressed);
    const before = new Map([...all].map(([k, el]) => [k, marksOf(el)]));
    refusalWatch = { press, key, pressed, before, fields, wordsAdded: false, takenOff: new Map() };
  }
  // Any words the page writes after the press (a message cx-shop may not take for one: an error written into a
  // label, a status, a spinner's "Checking…"): the page said something, so the refusal is not a wordless one. Words it
  // took off and put back as they were (a framework drawing the whole form again, its labels and all) say nothing new.
  // Words for screen readers only (a message clipped to a pixel that the field's aria-describedby points to) are none
  // the customer sees: the marks are all they have to go on.
  const textAdded = (nodes: NodeList) => Array.from(nodes).filter((n) => !(n instanceof Element && n.matches('script, style, template')) && /\p{L}/u.test(n.textContent ?? ''));
  const unseen = (text: Node): boolean => {
    const el = text.parentElement;
    return el !== null && el.getClientRects().length > 0 && forScreenReadersOnly(el);
  };
  /** The text nodes' texts under a node that the customer can see (see pieces). */
  const seenPieces = (node: Node): string[] => {
    if (node.nodeType === Node.TEXT_NODE) return unseen(node) ? [] : pieces(node);
    const found: string[] = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = lib.clean(n.textContent);
      if (text && !unseen(n)) found.push(text);
    }
    return found;
  };
  mutationListeners.add((records, _at, _before, byPage) => {
    const watch = refusalWatch;
    if (!watch || watch.wordsAdded || byPage) return;
    if (records.some((r) => r.type === 'characterData' && /\p{L}/u.test(r.target.textContent ?? '') && !unseen(r.target))) {
      watch.wordsAdded = true;
      return;
    }
    for (const r of records) if (r.type === 'childList') for (const node of Array.from(r.removedNodes)) for (const piece of pieces(node)) watch.takenOff.set(piece, (watch.takenOff.get(piece) ?? 0) + 1);
    for (const r of records) {
      if (r.type !== 'childList') continue;
      for (const node of textAdded(r.addedNodes)) {
        for (const piece of seenPieces(node)) {
          const left = watch.takenOff.get(piece) ?? 0;
          if (left === 0 && /\p{L}/u.test(piece)) {
            watch.wordsAdded = true;
            return;
          }
          watch.takenOff.set(piece, left - 1);
        }
      }
    }
  });
  /** A marked field or group as a person names it: a field by its label, a group by its legend or its fields. */
  const nameOfMarked = (el: Element): string => {
    const field = lib.isField(el) ? el : el.matches('label') ? (el as HTMLLabelElement).control : null;
    if (field) return lib.describe(field);
    const legend = el.querySelector('legend') ?? (el.parentElement?.matches('fieldset') ? el.parentElement.querySelector(':scope > legend') : null);
    const named = lib.labelOf(el) ?? (legend ? lib.clean(legend.textContent) : '');
    if (named) return `group "${named.slice(0, 60)}"`;
    const inside = Array.from(el.querySelectorAll(MARKABLE_FIELDS)).filter((f) => lib.visible(lib.shownAs(f)));
    return inside.length === 1 ? lib.describe(inside[0]!) : `group of ${inside.length} fields (${inside.slice(0, 2).map(lib.describe).join(', ')}${inside.length > 2 ? ', …' : ''})`;
  };
  /** The fields and groups marked as wrong since the watched press that were not before, innermost first. */
  const refusal = (): Refusal | null => {
    const watch = refusalWatch;
    if (!watch) return null;
    const { all, fields } = markable(watch.pressed);
    const newly = [...all].filter(([key, el]) => !watch.before.get(key) && marksOf(el) !== '').map(([, el]) => el);
    // A field marked inside a group marked too is named itself: the group's mark is the field's.
    const innermost = newly.filter((el) => !newly.some((other) => other !== el && el.contains(other)));
    return {
      press: watch.press,
      key: watch.key,
      fields: innermost.slice(0, 10).map((el) => ({ element: nameOfMarked(el), selector: lib.cssPath(el), how: marksOf(el), box: lib.pageBox(el) })),
      wordsAdded: watch.wordsAdded,
      fieldsShown: [...fields].some((key) => !watch.fields.has(key)),
    };
  };

  function beginAction(el: Element, near = lookNear(el)): void {
    if (action) detect(action);
    action = { el, at: Date.now(), path: location.pathname, added: new Set(), inserted: new Set(), removed: new Set(), removedPieces: new Set(), ...near, restyled: new Set(), drawing: new Map(), looks: new Set(), drawn: new WeakSet(), rewritten: new WeakSet(), dialogs: new Map(), quiet: 0 };
  }
  /**
   * Words of red text that sells rather than warns: a sale, a price cut, stock running low ("Only 2 left in this
   * size", "Almost sold out", "Fast ausverkauft"; sold out itself is a refusal), an item held for the customer against a clock ("We are holding this for you for 10:00", "Offer ends in
   * 04:59"). Not an offer that has ended, which may be the answer to a code.
   */
  const SELLING_WORDS =
    /\b(?:(?:holding|keeping|reserving|saving) (?:this|it|them|these|your|the)\b[^.!?]{0,40} for you|(?:reserved|held) for (?:you|\d)|(?:offer|sale|deal|reservation|basket|cart) (?:ends|expires) in|sale|\d+\s?% off|save [£$€]?\d|was [£$€]?\d|only \d+ left|just \d+ left|\d+ left in stock|few left|last (?:one|few|\d+) (?:left|remaining|in stock)|low (?:in )?stock|limited stock|selling (?:fast|out)|almost gone|(?:almost|nearly) sold out|hurry|final reduction|last chance|price drop|clearance|reduced|now [£$€]\s?\d+|\d+ (?:people|others) (?:have|are)\b)\b|nur noch (?:\d+|wenige)|(?:fast|bald) (?:ausverkauft|vergriffen)|\d+\s?% rabatt|angebot|plus que (?:\d+|quelques)|(?:bientôt|presque) épuisé|soldes|au lieu de|solo quedan? \d+|quedan pocas|últimas unidades|casi agotad|rebajas|oferta/i;
  /**
   * Words that make red or error-classed text read as an error: in English, and in the German, French and Spanish
   * that shops in Europe also write in (see rules/support/message-words.ts).
   */
  const ERROR_WORDS =
    /error|invalid|incorrect|required|missing|must|please|wrong|not valid|already (?:has|have|been|used|registered|taken|in use|exists|redeemed)|can.t|cannot|could not|couldn.t|wasn.t|isn.t|doesn.t|unable|sorry|failed|not found|not recogni[sz]ed|(?:do|does|did)(?:n.t| not) recogni[sz]e|do(?:es)? not match|expired|declined|denied|rejected|try again|(enter|provide|use|choose|select) an? valid|fehler|ungültig|falsch|erforderlich|pflichtfeld|fehlt|bitte|leider|fehlgeschlagen|abgelehnt|abgelaufen|nicht gefunden|erreur|invalide|obligatoire|requis|il manque|veuillez|désolé|impossible|échec|échoué|expiré|refusé|introuvable|n.est pas valide|inválid|obligatori|requerid|por favor|lo sentimos|no es válid|no válid|caducad|caducó|expirad|rechazad|no encontrad|no existe|no coincide|bereits (?:verwendet|eingelöst|registriert|vergeben)|déjà (?:utilisé|enregistré|pris)|ya (?:se ha|está|fue) (?:usad|utilizad|registrad)/i;
  /**
   * The messages marked as such under root (a role, a live region, an error's class or colour). On a page the customer
   * arrives at (`errorLabel` null), red or error-classed text must read as an error: it may be a "required" hint shown
   * on every visit. Text that came with their action need not, and `errorLabel` says which labels among it are errors.
   */
  const markedMessages = (root: ParentNode, errorLabel: ((el: Element) => boolean) | null, around: readonly Around[] = []): Array<{ el: Element; text: string }> => {
    const marked = new Set(root.querySelectorAll(`[role="alert"], [aria-live="assertive"], ${ERROR_MARK}, ${FORM_TEXT}`));
    // Words near a form but in none, on a page the customer arrives at: a courtesy ("Please keep your order number")
    // is no error, so "please" alone does not make one.
    const nearby = new Set<Element>();
    for (const { part, near } of around) {
      for (const el of Array.from(part.querySelectorAll(TEXT)).slice(0, MARKED_MAX)) {
        if (marked.has(el) || (near && distance(near, lib.pageBox(el)) > options.nearPx) || inListingItem(el, part)) continue;
        marked.add(el);
        nearby.add(el);
      }
    }
    const found: Array<{ el: Element; text: string }> = [];
    for (const el of marked) {
      // Words near a form, or in a part drawn anew, are a message only by their look (red, or named an error): the
      // look is read first, and the words only of those (a whole app drawn again holds thousands of elements).
      if (nearby.has(el) && !lib.looksRed(el) && !namedError(el)) continue;
      const text = lib.clean((el as HTMLElement).innerText);
      const kind = kindOf(el, text);
      if (kind === 'text' || kind === 'dialog' || !lib.visible(el) || !isMessage(el, text, errorLabel?.(el) ?? false)) continue;
      // An alert named as an error is taken at its word, as any alert is.
      const words = !errorLabel && nearby.has(el) ? text.replace(COURTESY, '') : text;
      if (kind === 'error' && !errorLabel && !el.closest(ALERTING) && !ERROR_WORDS.test(words)) continue;
      found.push({ el, text });
    }
    // A message inside another one is part of it. One inside a marked part that is no message itself (a field's group
    // drawn red, with its label, hint and field) is its own.
    return found.filter(({ el }) => !found.some((outer) => outer.el !== el && outer.el.contains(el)));
  };
  /**
   * In a card of a listing, up to the part looked through: in an item of a list of three or more, or one of three or
   * more alike, that holds no field (a product card's red "Out of stock" badge is the listing's, not a message; a
   * form's rows, alike as they are, hold its fields; three messages alike are each a message).
   */
  const inListingItem = (el: Element, part: Element): boolean => {
    for (let n = el.parentElement; n && part.contains(n); n = n.parentElement) {
      if (listingItem(n)) return n.querySelector('input:not([type="hidden"]), select, textarea') === null;
    }
    return false;
  };
  /** A word of courtesy, which asks nothing to be put right by itself: "please", "bitte", "veuillez", "por favor". */
  const COURTESY = /\b(?:please|bitte|veuillez|por favor)\b/gi;
  /** Elements that may hold a message's words: in a form, and around one (see Around). */
  const FORM_TEXT = 'form p, form span, form div, form small, form li, form label';
  const TEXT = 'p, span, div, small, li, label, strong';
  /** Most elements looked at in one part (a whole app drawn again). */
  const MARKED_MAX = 3000;
  /**
   * A part of the page whose words, near `near` if given, may be a message though no form holds them: a part drawn
   * again whole (a single-page app's form has no <form>, and its messages are red words under its fields), and, on the
   * page a server sends back for a form the customer sent, the part around its forms (the error above the form).
   */
  type Around = { part: Element; near?: Box };
  /**
   * The parts of the page around its forms, and around fields in no form: each one's parent, or further up while the
   * parent holds nothing else, up to the page's body (a small shop's template puts its form straight in it: only words
   * near the form count, see markedMessages); not the page's header, footer or navigation (a newsletter form in a footer).
   */
  const aroundForms = (): Around[] => {
    const around: Around[] = [];
    const fields = Array.from(document.querySelectorAll('form, input:not([type="hidden"]), select, textarea')).filter((el) => el.matches('form') || !el.closest('form'));
    for (const el of fields.slice(0, 50)) {
      let part = el.parentElement;
      while (part && part.childElementCount === 1 && part.parentElement) part = part.parentElement;
      if (part && part.tagName !== 'HTML' && !part.closest('footer, nav, header') && lib.visible(el)) around.push({ part, near: lib.pageBox(el) });
    }
    return around;
  };
  const answersAPost = (() => {
    try {
      const at = sessionStorage.getItem(SENT_KEY);
      sessionStorage.removeItem(SENT_KEY);
      return at !== null && Date.now() - Number(at) < 60_000;
    } catch {
      return false;
    }
  })();
  /** A page that arrives after a submit may carry its error already. */
  const arrivalMessages = () => {
    for (const { el, text } of markedMessages(document, null, answersAPost ? aroundForms() : [])) report(el, text, true);
  };
  // Looked for once the page has loaded and started (its scripts put them there as it starts: see ARRIVAL_MS); from
  // the load until then, the page is still answering the customer who came to it. A page whose load never comes is
  // waited for through its load (bounded), not through this.
  function lookOnArrival(): void {
    if (arrival === 'done') return;
    arrival = 'done';
    arrivalTimers.clear();
    arrivalMessages();
  }
  // The document moving on its own (a link to a part of the page, scrolled smoothly): the customer waits for it to
  // stop before doing anything else. While it moves a scroll event comes every frame; it has stopped at its scrollend,
  // or once none came for SCROLL_STILL_MS.
  let scrolledAt = 0;
  const SCROLL_STILL_MS = 100;
  // The screen moving over a page wider than itself (see positionOf) is the page moving too.
  for (const scroller of [window, window.visualViewport]) {
    scroller?.addEventListener('scroll', () => void (scrolledAt = Date.now()), { passive: true });
    scroller?.addEventListener('scrollend', () => void (scrolledAt = 0), { passive: true });
  }
  // The last wheel event to reach the window, and how many came. Whether a handler took it over is read once asked: a
  // handler added after this one still runs after it.
  let wheels = 0;
  let lastWheel: Event | null = null;
  addEventListener(
    'wheel',
    (event) => {
      wheels += 1;
      lastWheel = event;
    },
    { passive: true },
  );
  const scrolling = () => scrolledAt > 0 && Date.now() - scrolledAt < SCROLL_STILL_MS;
  addEventListener(
    'load',
    () => {
      arrival = 'loaded';
      // A task after the load (the page's own load handlers run after this one), then a frame drawn.
      const started = () => {
        if (arrival === 'loaded') arrival = 'started';
        lookOnceStarted();
      };
      ownSetTimeout(() => ownAnimationFrame(() => ownSetTimeout(started, 0)), 0);
      ownSetTimeout(lookOnArrival, ARRIVAL_MS);
    },
    { once: true },
  );

  window.__cxShopRecorder = {
    doc,
    watching: () => document === home,
    /** Sends what is pending (a scroll gesture, new text) now, and returns how many events this document sent. */
    flush() {
      endGesture();
      gestureUntil = 0;
      if (action) detect(action);
      return seq;
    },
    /** While cx-shop itself looks at the page (a full-page picture may move it), no scrolling is the customer's. */
    quiet(on: boolean) {
      endGesture();
      gestureUntil = 0;
      quiet = on;
    },
    /**
     * What the page still has to do in answer to the customer: short timers to run and answers to handle (`work`), and
     * how long ago it started leaving for another page, if it has (one that turns out a download never goes), and how
     * long ago it last opened a new tab for the customer: durations, not times, as the page's clock may not be cx-shop's.
     */
    busy() {
      const leaving = leavingAt > 0 && Date.now() - leavingAt < LEAVING_MS ? Date.now() - leavingAt : null;
      const opening = openingAt > 0 && Date.now() - openingAt < OPENING_MS ? Date.now() - openingAt : null;
      const looking = arrival === 'loaded' || arrival === 'started';
      const calls = [...customerCalls];
      const surely = calls.filter((call) => call.surely).length;
      // The calls that may be the customer's: cx-shop decides, by their address.
      const maybe = calls.filter((call) => !call.surely).map(({ method, url }) => ({ method, url }));
      const answered = answeredCalls;
      answeredCalls = [];
      return { work: customerTimers.size + surely + (looking ? 1 : 0) + (scrolling() ? 1 : 0), answered, maybe, leaving, opening };
    },
    later(callback: () => void, ms: number) {
      ownSetTimeout(callback, ms);
    },
    frame(callback: () => void) {
      ownAnimationFrame(() => callback());
    },
    scrollUnderWay: () => scrolledAt > 0,
    wheels: () => wheels,
    wheelScrollEnded: (mark: number) => wheels > mark && lastWheel !== null && !lastWheel.defaultPrevented && scrolledAt === 0,
    fieldValue(id: number) {
      const el = fields.get(id);
      if (!el) return null;
      if (el.isConnected) return valueOf(el);
      // One drawn again empty is as often a fresh form as a loss (a search box drawn anew over its results): the
      // rules of emptied forms judge that.
      const next = successor(id);
      const value = next ? valueOf(next) : '';
      return value !== '' ? value : null;
    },
    typedValue(id: number) {
      return typed.get(id) ?? null;
    },
    sentSinceTyped(id: number) {
      const form = (fields.get(id) as HTMLInputElement | undefined)?.form;
      const at = typedAt.get(id);
      return Boolean(form && at !== undefined && (sentAt.get(form) ?? 0) >= at);
    },
    meanHover() {
      meantHover = true;
    },
    refusal,
  };
}
