import type { z } from 'zod';
import type { Locator as PwLocator, Page } from 'playwright';
import type { Interaction, PromoProbe, ReadDocument, TargetInfo } from '../runner/artifacts.js';
import type { Locator } from '../scenario/locator.js';

/** What an action gets from the runner: the page, and ways to find elements and record what the customer did. */
export interface ActionContext {
  page: Page;
  baseUrl: string;
  touch: boolean;
  viewport: { width: number; height: number };
  /** Milliseconds an action may wait for its element or the page. */
  timeout: number;
  /** Resolves a scenario locator to a Playwright locator for exactly one element. */
  locate(locator: Locator): PwLocator;
  /**
   * Brings the element into view the way a customer would (counting the swipes it takes) and measures it.
   * Fails, with the element in words, when it is not there or not visible.
   */
  reach(locator: Locator): Promise<{ element: PwLocator; target: TargetInfo; scrolls: number }>;
  record(interaction: Interaction): void;
  /**
   * A second browser context brought to the state this step started from (the steps before it replayed), for
   * trying what the customer did another way without it counting as their effort. Null while replaying.
   */
  replay: (() => Promise<{ ctx: ActionContext; close(): Promise<void> }>) | null;
  recordPromo(probe: PromoProbe): void;
  /** What the customer tapped earlier on the page they are on now, in words (earlier steps included). */
  earlierTapsOnPage(): string[];
  /** Keeps a document the customer read (an invoice) for the journey rules. */
  recordDocument(document: ReadDocument): void;
  /** Taps the element on a touch device, clicks it with a mouse otherwise. */
  press(element: PwLocator): Promise<void>;
  /** Runs a tap or click and watches whether the page responds at all. */
  tapAndWatch(target: TargetInfo, act: () => Promise<void>): Promise<void>;
  /** Records a typed field so the rules can check the value was kept. */
  watchTypedField(element: PwLocator, target: TargetInfo, typed: string): Promise<void>;
  /** Runs work that waits on the site (a page load); its time counts as the customer's waiting time. */
  waiting<T>(work: () => Promise<T>): Promise<T>;
  /** Waits for the page to settle after an action; the time counts as the customer's waiting time. */
  settle(): Promise<void>;
  /** True when the text came from a secret (an environment variable) and must not be shown. */
  isSecret(text: string): boolean;
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
    /** 'blocked': the customer cannot go on; 'error': the run itself broke (site unreachable). */
    readonly kind: 'blocked' | 'error' = 'blocked',
  ) {
    super(message);
    this.name = 'ActionError';
  }
}
