/**
 * The contract between collecting and judging. A run records these artifacts for every step (saved as versioned
 * JSON next to the screenshots); the judge turns them into findings and effort without a browser. Everything here
 * is what was observed on the page, never what the script meant to do: the same shapes come from a scripted run
 * and from a person's hands.
 */
import type { PageSnapshot } from './page.js';
import type { SavedScenario } from '../scenario/schema.js';

export type { ElementRef, FieldInfo, PageSnapshot } from './page.js';

/** Bump when a field changes meaning or disappears: saved artifacts of another version are not judged. */
export const ARTIFACTS_VERSION = 1;

/** The name of a scenario's saved artifacts, in its folder of the output (OUT/scenarios/NN-name/). */
export const ARTIFACTS_FILE = 'artifacts.json';

/** How long a press may go without any answer before it counts as dead (PostHog's dead-click window). */
export const DEAD_TAP_WINDOW_MS = 2500;

/** A box in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element the customer acted on, as the page showed it at that moment. */
export interface TargetInfo {
  /** In words: `button "Apply"`, `textbox labelled "Email"`, `textbox with placeholder "Username"`, `link to /cart`. */
  description: string;
  /** Its visible text, shortened; never the value typed into a field. */
  text: string;
  /** In the viewport, when the customer acted on it; null when it had no box. */
  box: Box | null;
  /** The same box in document coordinates, for evidence and crops. */
  pageBox: Box | null;
}

/** One thing the customer did, as the page saw it. */
export type Interaction =
  | { kind: 'tap'; target: TargetInfo; pointer: 'touch' | 'mouse' | 'pen' }
  | {
      kind: 'type';
      target: TargetInfo;
      /** The customer tapped or clicked the field first (else focus came from the keyboard or the page). */
      pointed: boolean;
      /** Characters typed (the value itself is never kept: it may be a secret). */
      chars: number;
      /** Backspace and Delete presses. */
      deletes: number;
      /** The field takes a code (promo code, order number): checked character by character, slower keystrokes. */
      code: boolean;
      /** Switches between the letter and digit layers a phone keyboard forces for this value on this field. */
      keyboardSwitches: number;
    }
  | { kind: 'select'; target: TargetInfo; choices: number; pointed: boolean }
  | { kind: 'hover'; target: TargetInfo }
  | { kind: 'press'; key: string }
  | {
      kind: 'scroll';
      /** Distance the page (or a part of it) moved in CSS pixels. */
      pixels: number;
      /** Swipes or wheel gestures it took: viewport heights (or widths, sideways) moved, rounded up. */
      viewports: number;
      direction: 'vertical' | 'horizontal';
    }
  | { kind: 'navigate'; url: string; via: 'arrive' | 'back' | 'forward' | 'reload' }
  | { kind: 'read'; target: TargetInfo; words: number };

/** Text that appeared because of what the customer did: error messages, confirmations, dialogs. */
export interface AppearedText {
  /** alert, status and dialog come from ARIA or the browser; error from error styling; text is plain new text. */
  kind: 'alert' | 'status' | 'dialog' | 'error' | 'text';
  text: string;
  /** Where it appeared, in words. */
  where: string;
  /** Its box in document coordinates, when it has one. */
  box?: Box | null;
  /** Held in place on the screen as the page scrolls (position fixed or sticky, as a toast is); absent when not. */
  pinned?: true;
}

/** A field, or a group of fields, the page marked as wrong: aria-invalid, or a red border, outline or ring. */
export interface MarkedField {
  /** In words: `textbox labelled "Email"`, `group "When would you like your delivery?"`, `group of 5 fields (…)`. */
  element: string;
  selector: string;
  /** How: "aria-invalid", "red border", "red outline", "red ring", or several of them. */
  how: string;
  /** In document coordinates. */
  box: Box;
}

/**
 * Who a request belongs to. `site`: the site's own (its registrable domain); `third-party`: any other domain;
 * `cx-shop`: started while cx-shop itself was looking at the page (accessibility checks, snapshots).
 */
export type RequestParty = 'site' | 'third-party' | 'cx-shop';

export interface RequestRecord {
  url: string;
  method: string;
  resourceType: string;
  /** HTTP status, or null when the request failed without a response. */
  status: number | null;
  failure: string | null;
  party: RequestParty;
  /** `action`: started while the customer's action was being answered; `background`: at any other time. */
  cause: 'action' | 'background';
  /** A beacon or telemetry call (sendBeacon, a tracking address): never something the customer waits for. */
  telemetry: boolean;
  /**
   * Fetched ahead of a tap that may come (`<link rel="prefetch">`, a router's prefetch of the next page's data): the
   * customer neither waits for it nor sees it fail. Absent when not.
   */
  prefetch?: true;
  /** The fault cx-shop injected on this request on purpose (`/api/payment answered 503`): never the site's failure. */
  injected?: string;
  /**
   * Made by the customer's action and never answered: still without an answer (nor a failure) when the wait for the
   * site gave up on it, 10 s on, and when the step ended. Absent when not.
   */
  unanswered?: true;
  /**
   * The name of the file the request brought as a download (the browser saved it rather than showing it); `failure`
   * then says how the download failed, and `unanswered` that it was still coming when the wait gave up. Absent when not.
   */
  download?: string;
}

export interface PageErrorRecord {
  message: string;
  /**
   * Where the throwing code came from: the site's own scripts, a third party's, or unknown (a value thrown that is no
   * Error has no stack: on a page that runs only the site's scripts it is the site's), or cx-shop's own script in the
   * page (never the site's fault: listed as cx-shop's note).
   */
  party: 'site' | 'third-party' | 'unknown' | 'cx-shop';
  cause: 'action' | 'background';
  /**
   * The global whose property the failing code read when the message names none ("Cannot read properties of
   * undefined (reading 'maps')" at `window.google.maps`: google), from the code where it threw.
   */
  reading?: string;
}

/** A field the customer typed into, and whether it kept what they typed. */
export interface TypedField {
  target: TargetInfo;
  /** The field's label as the page gives it, to find the field again after the page reloads. */
  label: string | null;
  /** Whether the field held what was typed once the typing ended. */
  keptAfterTyping: boolean;
  /** Whether it still holds it at the end of the step; null when the field was gone (the page changed). */
  keptAtStepEnd: boolean | null;
  /** Characters typed into it in this step. */
  chars: number;
  /** What the field held at the end, masked when it could be a secret; null when it was gone. */
  valueAtEnd: string | null;
  /** Its form was sent (a submit) after the typing: emptied then, the form was taken, not lost. Absent when not. */
  sent?: boolean;
}

/** A tap or click (or a choice in a sort or filter list), and what the page did in answer within the watch window. */
export interface TapResponse {
  /** A press of anything; or a choice in a list or box that acts at once (sort, filter), which must change the page. */
  input: 'press' | 'choice';
  target: TargetInfo;
  /** Empty when nothing happened: a dead tap. */
  responses: Array<'mutation' | 'drawn' | 'shown' | 'navigation' | 'network' | 'scroll' | 'dialog' | 'download' | 'change' | 'focus'>;
  /** How long the page was watched, in milliseconds. */
  watchedMs: number;
  /** When it came, in milliseconds from the step's start, and where in the viewport (presses only; for rage taps). */
  at?: number;
  point?: { x: number; y: number };
}

/** One accessibility rule axe-core found broken on the page, with the elements that break it. */
export interface AxeViolation {
  /** axe-core's rule id, e.g. color-contrast, label, target-size. */
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: Array<{
    /** The element in words where it can be said, e.g. `button "Apply"`; else its tag. */
    element: string;
    selector: string;
    html: string;
    /** In document coordinates, or null when it has no box. */
    box: Box | null;
    /** axe-core's explanation of what to fix for this element. */
    summary: string;
  }>;
}

export interface AccessibilityResult {
  url: string;
  /** axe-core's version, for the evidence. */
  engine: string;
  violations: AxeViolation[];
  /**
   * Set when the page was too big to check with every rule in a few seconds (see probes/axe.ts): how many elements it
   * had, how many axe-core checked (all of them, or a part), and the rules left out. cx-shop says so as its own note, never as the site's fault.
   */
  limited?: { elements: number; checked: number; rulesLeftOut: string[] };
}

/** How long the site took to answer one action: from the customer acting until the page settled. */
export interface ActionTiming {
  action: string;
  target: string | null;
  responseMs: number;
}

export interface StepTiming {
  actions: ActionTiming[];
  /** Main-thread tasks over 50 ms that ran during the step (start relative to the step's start). */
  longTasks: Array<{ startMs: number; durationMs: number }>;
  /** Web vitals of the page at the end of the step, as the web-vitals library reports them so far. */
  vitals: { lcpMs: number | null; cls: number | null; inpMs: number | null };
}

/** A document the customer read in the step (an invoice as a page, a downloaded PDF or a file, a policy), as text. */
/** A link in a document: the words it shows (empty when a PDF's link covers no text) and where it leads. */
export interface DocumentLink {
  text: string;
  href: string;
}

export interface ReadDocument {
  /** What it is to the customer: an invoice (the invoice action), or any text a `read` step reads (a policy). */
  kind: 'invoice' | 'text';
  source: 'page' | 'download' | 'file';
  /** The page address, the downloaded file's name, or the file's path. */
  location: string;
  text: string;
  /** Runs of text with their font size in CSS px (page) or points (PDF), in reading order. */
  items: Array<{ text: string; fontSize: number }>;
  /** Its links to a web page, an email address or a phone number (absent in reports from before cx-shop kept them). */
  links?: DocumentLink[];
  /** A page's labels set over their values in a table's header row, each with its value (see PageText.pairs). */
  pairs?: string[];
  /** The language the document declares (a page's `lang`, a PDF's /Lang: "es", "de-AT"), when it declares one. */
  lang?: string;
  /** The most common font size of the text: the body size. */
  bodyFontSize: number;
  /** Grade level the scenario aims for (Flesch-Kincaid); 8 unless the step says otherwise. */
  gradeTarget: number;
}

/** One way of entering a promo code, tried from the same starting point as the customer's own try. */
export interface PromoTry {
  variant: 'as printed' | 'lower case' | 'surrounding spaces' | 'pasted with a newline' | 'invalid code';
  /** What was typed or pasted, with spaces and newlines shown as ␠ and ⏎. */
  typed: string;
  accepted: boolean;
  totalBefore: string | null;
  totalAfter: string | null;
  /** The message the page showed after Apply, if any. */
  message: string | null;
  /** Requests of the site that failed while the code was applied (HTTP status or error). */
  failures: string[];
}

export interface PromoProbe {
  code: string;
  field: string;
  /** The customer's own try, counted in the effort. */
  customer: PromoTry;
  /** The other variants and the invalid code, tried in fresh browser contexts: not the customer's effort. */
  tries: PromoTry[];
  /** Swipes it took to reach the field, and earlier taps on the same page that revealed it. */
  hunt: { scrolls: number; revealTaps: string[] };
  /**
   * Variants cx-shop could not try, and why: replaying the journey to this action in a second browser failed, or the
   * try there did. Not the customer's doing, and judged as neither accepted nor rejected (absent when all were tried).
   */
  untried?: Array<{ variant: PromoTry['variant']; reason: string }>;
}

/** How a step ended for the customer: what the driver could do and what they saw. */
/** A fault cx-shop injected during a step on purpose, and how many requests it hit there. */
export interface InjectedFault {
  fault: string;
  hits: number;
}

export interface StepOutcome {
  /** passed; failed (an expectation was not met, the customer can go on); blocked (they cannot go on); error (the run broke). */
  status: 'passed' | 'failed' | 'blocked' | 'error';
  reason?: string;
}

/** The screenshot of a step's end state: the whole page, and where the customer's view of it was. */
export interface StepScreenshot {
  /** Relative to the report folder. */
  path: string;
  /** Size of the picture in CSS pixels (a very long page is cut at a maximum height). */
  width: number;
  height: number;
  /** Document offset of the picture's top-left corner (non-zero when a long page was cut). */
  offset: { x: number; y: number };
  /** The scroll position of the customer's view, in document coordinates. */
  scroll: { x: number; y: number };
}

export interface StepArtifacts {
  /** Index of the step in the scenario, from 0. */
  index: number;
  name: string;
  outcome: StepOutcome;
  url: string;
  viewport: { width: number; height: number };
  touch: boolean;
  /** The device emulates a phone or tablet (a mobile viewport). */
  mobile: boolean;
  interactions: Interaction[];
  taps: TapResponse[];
  typed: TypedField[];
  appeared: AppearedText[];
  requests: RequestRecord[];
  consoleErrors: string[];
  pageErrors: PageErrorRecord[];
  /** New documents and client-side route changes the step brought the customer to, in order. */
  pages: string[];
  /** Wall time of the step, and the part of it spent waiting for the site (loads, responses, a frozen page). */
  wallMs: number;
  waitMs: number;
  /** The page had stopped answering when the step ended: its main thread was busy or frozen (absent otherwise). */
  frozen?: true;
  /**
   * The tab was gone when cx-shop came to look (the browser crashed or was closed under it): what the page would have
   * answered is unknown, and nothing on it is judged as the site's silence.
   */
  gone?: true;
  screenshot: StepScreenshot | null;
  /** The page as the customer sees it at the end of the step; null when there was no page to see. */
  page: PageSnapshot | null;
  /** axe-core's findings for this page state; null when the state was checked before or could not be. */
  accessibility: AccessibilityResult | null;
  /** Why axe-core could not check this page state, when it could not. */
  accessibilityFailure: string | null;
  /** Same-origin links visible on the page, with the status their address answered (each asked once per scenario). */
  links: Array<{ href: string; element: string; selector: string; box?: Box; status: number | null; failure: string | null }>;
  /** Why the links of this new page state were not asked where they lead, when they were not (the rule was off). */
  linksNotChecked?: string;
  timing: StepTiming;
  /** Documents the customer read in this step (invoices, policies). */
  documents: ReadDocument[];
  /** Promo code probing done in this step. */
  promo: PromoProbe | null;
  /**
   * What the step's last press of a button (or Enter in a form's field) newly marked as wrong on the page the customer
   * stayed on, looked at once the step's transitions ended; with whether the page wrote any words after that press
   * and whether fields not shown before came into view (the next part of the form). Absent when the step made no
   * such press, or it marked nothing.
   */
  marked?: { fields: MarkedField[]; wordsAdded: boolean; fieldsShown: boolean };
  /** The faults injected while the customer acted in this step (absent when the scenario injects none). */
  faults?: InjectedFault[];
  /** A guided run: how the step ended for the shopper and what they answered (absent in scripted runs). */
  person?: PersonAnswers;
}

/** What a shopper said about one step of a guided run. */
export interface PersonAnswers {
  /**
   * How the step ended: they said it was done; its expectation came true as they worked; they said they could not do
   * it; cx-shop did it for them (opening a page); or they left (closed the browser, ended the run).
   */
  said: 'done' | 'expectation met' | 'could not' | 'opened for them' | 'left';
  /** Their answer to "It was easy to …": 1 strongly disagree to 7 strongly agree; null when not asked or skipped. */
  ease: number | null;
  note?: string;
}

/** A guided run: who walked it, how, what they said of the whole journey, and the automated run it is held against. */
export interface GuidedArtifacts {
  shopper: string;
  /** In a real browser with cx-shop recording, or on a printed checklist read back. */
  via: 'browser' | 'checklist';
  ease: number | null;
  note?: string;
  /** The automated run of the same scenario: its effort and status per step (the prediction). */
  predicted: { from: string; steps: Array<{ name: string; effort: number; status: string }> } | null;
}

/** Everything recorded for one scenario: what the judge needs to judge it again, without a browser. */
export interface ScenarioArtifacts {
  version: typeof ARTIFACTS_VERSION;
  /** How the steps were driven: by the scenario's actions, or by a person in a guided run. */
  driver: 'script' | 'person';
  /** The scenario as it ran, secrets left out. */
  scenario: SavedScenario;
  baseUrl: string;
  device: string;
  startedAt: string;
  /** Set when the run broke off mid-scenario: what was recorded before is kept. */
  brokeOff?: string;
  /** Present when a person drove the steps (driver: person). */
  guided?: GuidedArtifacts;
  steps: StepArtifacts[];
}

/**
 * What a step's artifacts hold when nothing was watched in it (a step a time limit cut short before it was looked at,
 * a step a shopper walked on paper): no events, no look at a page, no document read.
 */
export function unwatched(): Pick<
  StepArtifacts,
  'interactions' | 'taps' | 'typed' | 'appeared' | 'requests' | 'consoleErrors' | 'pageErrors' | 'pages' | 'screenshot' | 'page' | 'accessibility' | 'accessibilityFailure' | 'links' | 'timing' | 'documents' | 'promo'
> {
  return {
    interactions: [],
    taps: [],
    typed: [],
    appeared: [],
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    pages: [],
    screenshot: null,
    page: null,
    accessibility: null,
    accessibilityFailure: null,
    links: [],
    timing: { actions: [], longTasks: [], vitals: { lcpMs: null, cls: null, inpMs: null } },
    documents: [],
    promo: null,
  };
}
