/**
 * What the runner records for each step. Everything the effort model and the friction rules need is in here,
 * so that both stay pure functions over recorded data (collect, then judge).
 */

import type { PageSnapshot } from '../probes/page-snapshot.js';

/** A box in CSS pixels, relative to the viewport at the moment it was measured. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element an action worked on, described so a person can find it again. */
export interface TargetInfo {
  /** The locator in the scenario's own words, e.g. `button "Apply"` or `field labelled "Promo code"`. */
  description: string;
  /** Visible text or value of the element, shortened. */
  text: string;
  /** Box on screen when the customer acted on it (after any scrolling), or null when it had no box. */
  box: Box | null;
  /** The same box in document coordinates (scrolling does not move it), for evidence and crops. */
  pageBox: Box | null;
}

/** One thing the customer did. Kinds match the scenario's actions. */
export type Interaction =
  | { kind: 'tap'; target: TargetInfo; scrolls: number }
  | {
      kind: 'type';
      target: TargetInfo;
      /** Characters typed (the value itself is not kept: it may be a secret). */
      chars: number;
      /** True when the field takes a code (promo code, order number): slower keystrokes. */
      code: boolean;
      /** Switches between letter and digit keyboards a phone keyboard forces for this value and field. */
      keyboardSwitches: number;
      scrolls: number;
    }
  | { kind: 'select'; target: TargetInfo; choices: number; scrolls: number }
  | { kind: 'hover'; target: TargetInfo; scrolls: number }
  | { kind: 'press'; key: string }
  | { kind: 'scroll'; viewports: number; pixels: number }
  | { kind: 'navigate'; url: string; via: 'goto' | 'back' }
  | { kind: 'read'; target: TargetInfo; chars: number };

/** Text that appeared on screen because of the step: alerts, error messages, dialogs. */
export interface AppearedText {
  kind: 'alert' | 'status' | 'dialog' | 'error';
  text: string;
  /** A readable description of where it appeared. */
  where: string;
}

export interface RequestRecord {
  url: string;
  method: string;
  resourceType: string;
  /** HTTP status, or null when the request failed without a response. */
  status: number | null;
  failure: string | null;
}

/** A field the customer typed into, and what it held afterwards. */
export interface TypedField {
  target: TargetInfo;
  /** The field's label as the page gives it, to find the field again after the page reloads. */
  label: string | null;
  /** Whether the value read back right after typing equals what was typed. */
  keptAfterTyping: boolean;
  /** Whether the value at the end of the step equals what was typed; null when the field was gone (navigation). */
  keptAtStepEnd: boolean | null;
  /** What the field held at the end, masked when the typed text is a secret. */
  valueAtEnd: string | null;
}

/** A tap followed by a watch for any response from the page. */
export interface TapResponse {
  target: TargetInfo;
  /** What the page did within the watch window; empty when nothing happened. */
  responses: Array<'mutation' | 'navigation' | 'network' | 'scroll' | 'dialog' | 'download'>;
  /** How long cx-shop watched, in milliseconds. */
  watchedMs: number;
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
}

/** How long the site took to respond to one action: from the customer acting until the page settled. */
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

/** A document the customer read in the step (an invoice as a page, a downloaded PDF or a file), as text. */
export interface ReadDocument {
  /** What it is to the customer: an invoice (the invoice action), or any text a `read` step reads (a policy). */
  kind: 'invoice' | 'text';
  source: 'page' | 'download' | 'file';
  /** The page address, the downloaded file's name, or the file's path. */
  location: string;
  text: string;
  /** Runs of text with their font size in CSS px (page) or points (PDF), in reading order. */
  items: Array<{ text: string; fontSize: number }>;
  /** The most common font size of the text: the body size. */
  bodyFontSize: number;
  /** Grade level the scenario aims for (Flesch-Kincaid); 8 unless the step says otherwise. */
  gradeTarget: number;
}

/** One way of entering a promo code, tried from the same starting point as the customer's own try. */
export interface PromoTry {
  /** as printed, lower case, with spaces, pasted with a newline, or an invalid code. */
  variant: 'as printed' | 'lower case' | 'surrounding spaces' | 'pasted with a newline' | 'invalid code';
  /** What was typed, with spaces and newlines shown as ␠ and ⏎. */
  typed: string;
  accepted: boolean;
  totalBefore: string | null;
  totalAfter: string | null;
  /** The message the page showed after Apply, if any. */
  message: string | null;
  /** Requests that failed while the code was applied (HTTP status or error). */
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
}

export interface StepArtifacts {
  /** Index of the step in the scenario, from 0. */
  index: number;
  name: string;
  url: string;
  viewport: { width: number; height: number };
  touch: boolean;
  interactions: Interaction[];
  taps: TapResponse[];
  typed: TypedField[];
  appeared: AppearedText[];
  requests: RequestRecord[];
  consoleErrors: string[];
  pageErrors: string[];
  /** Wall time of the step, and the part of it spent waiting for the site (loads, responses). */
  wallMs: number;
  waitMs: number;
  /** Path of the end-state screenshot, relative to the report folder. */
  screenshot: string | null;
  /** The device emulates a phone or tablet (a mobile viewport). */
  mobile: boolean;
  /** The page as the customer sees it at the end of the step; null when it could not be read. */
  page: PageSnapshot | null;
  /** The page at the end of the previous step; null for the first step. */
  previousPage: PageSnapshot | null;
  /** True when this page state was not seen earlier in the scenario: page-level rules judge each state once. */
  newPageState: boolean;
  /** axe-core's findings for this page state; null when the state was checked before or could not be. */
  accessibility: AccessibilityResult | null;
  /** Why axe-core could not check this page state, when it could not. */
  accessibilityFailure: string | null;
  /** Same-origin links visible on the page, with the status their address answered (checked once per run). */
  links: Array<{ href: string; element: string; selector: string; status: number | null; failure: string | null }>;
  timing: StepTiming;
  /** Documents the customer read in this step (invoices). */
  documents: ReadDocument[];
  /** Promo code probing done in this step. */
  promo: PromoProbe | null;
}
