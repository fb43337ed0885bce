import type { z } from 'zod';
import type { Locator as PwLocator, Page } from 'playwright';
import type { AppearedText, PromoProbe, ReadDocument, TargetInfo } from '../artifacts/types.js';
import type { Locator } from '../scenario/locator.js';
import type { StepRuleId } from '../rules/ids.js';

/**
 * What an action gets from the driver: the page, and ways to act on it as a customer would. Actions do not record
 * anything: the recorder watches the page and sees what they did, as it would see a person's hands.
 */
export interface ActionContext {
  page: Page;
  baseUrl: string;
  touch: boolean;
  viewport: { width: number; height: number };
  /** Milliseconds an action may wait for its element or the page. */
  timeout: number;
  /** Resolves a scenario locator to a Playwright locator for the first visible match (or the nth). */
  locate(locator: Locator): PwLocator;
  /** Whether the customer sees a match within `timeout` ms: on the page, or in a frame it shows (see reach). */
  sees(locator: Locator, timeout: number): Promise<boolean>;
  /**
   * Finds the element and brings it into view the way a customer would: swiping (the wheel, on a laptop) until it
   * shows. Fails, with the element in words and what does match on the page, when it is not there.
   */
  reach(locator: Locator): Promise<{ element: PwLocator; target: TargetInfo; swipes: number }>;
  /** Taps (phone) or clicks (laptop) and waits until the page answers, or the dead-tap window passes. */
  tap(element: PwLocator): Promise<void>;
  /** Taps a field and types into it key by key (or pastes it); empties it first when asked and it holds something. */
  typeInto(element: PwLocator, text: string, options: { clear: boolean; code?: boolean; paste?: boolean }): Promise<void>;
  /** Presses a key on the keyboard, on whatever has focus. */
  pressKey(key: string): Promise<void>;
  /** Scrolls the page by a distance (CSS px, negative is up) with the wheel, as a customer swipes. */
  swipe(pixels: number): Promise<void>;
  /** Waits for the site to settle after an action; the time counts as the customer's waiting. */
  settle(): Promise<void>;
  /**
   * Waits a moment (at most a few seconds) for the site's calls asked since `since` (a time) to be answered, whoever
   * asked them: at the end of an endless list, its next part asked for as the last came in. Not counted as waiting.
   */
  callsAnswered(since: number): Promise<void>;
  /**
   * Closes the tab the customer is on, when a tap of theirs opened it, and puts them back on the one that opened it
   * (a phone's back button on a tab with no history); false on the first tab.
   */
  closeTab(): Promise<boolean>;
  /** The browser's back button: the page it went back to, or null when there was none to load (see Recorder.goBack). */
  goBack(): Promise<unknown>;
  /** Runs work that waits on the site (a page load); its time counts as the customer's waiting. */
  waiting<T>(work: () => Promise<T>): Promise<T>;
  /** A mark in the page's events, to ask later what appeared since. */
  mark(): number;
  /** Messages that appeared on the page since the mark. */
  messagesSince(mark: number): Promise<AppearedText[]>;
  /**
   * A second browser context brought to where the customer began this action (the steps before it and this step's
   * earlier actions replayed), for trying what the customer did another way without it counting as their effort.
   * Null while replaying.
   */
  replay: (() => Promise<{ ctx: ActionContext; close(): Promise<void> }>) | null;
  /** Whether the scenario turns the rule off for this step: what only that rule would judge is not measured. */
  ruleOff(rule: StepRuleId): boolean;
  recordPromo(probe: PromoProbe): void;
  /** Notes a document the customer read (an invoice, a policy): its reading time counts, the rules judge it. */
  recordDocument(document: ReadDocument, target: TargetInfo): void;
  /** What the customer tapped earlier on the page they are on now, in words (earlier steps included). */
  earlierTapsOnPage(): string[];
}

/** One action a scenario step can take. The key in the registry is the word used in YAML. */
export interface ActionDefinition<S extends z.ZodType = z.ZodType> {
  /** Shown in `cx-shop schema` and in the README's table. */
  summary: string;
  schema: S;
  perform(ctx: ActionContext, args: z.infer<S>): Promise<void>;
}

export function defineAction<S extends z.ZodType>(definition: ActionDefinition<S>): ActionDefinition<S> {
  return definition;
}

/** An action that failed in a way the customer would meet: the element is missing, hidden or unusable. */
export class ActionError extends Error {
  constructor(
    message: string,
    /**
     * 'blocked': the customer cannot go on; 'error': the run itself broke (site unreachable); 'failed': the customer
     * did it and the page did not do what it was for (a switch that does not turn), and they can go on.
     */
    readonly kind: 'blocked' | 'error' | 'failed' = 'blocked',
  ) {
    super(message);
    this.name = 'ActionError';
  }
}
