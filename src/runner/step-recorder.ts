/**
 * The ActionContext actions run against: it finds elements the way a customer would, and records each
 * step's artifacts as the actions go.
 */
import type { Locator as PwLocator, Page } from 'playwright';
import { ActionError, type ActionContext } from '../actions/types.js';
import { describeLocator, type Locator } from '../scenario/locator.js';
import { collectMessages, describeScreen } from '../probes/messages.js';
import { readCounters } from '../probes/page-watch.js';
import type { AppearedText, Box, Interaction, PromoProbe, ReadDocument, TapResponse, TargetInfo, TypedField } from './artifacts.js';
import type { PageSession } from './page-session.js';

/** How long a tap may go without any response before it counts as dead (PostHog's dead-click window). */
export const DEAD_TAP_WINDOW_MS = 2500;
/** Most time to wait for a page to settle after an action before moving on. */
const SETTLE_CAP_MS = 10_000;

interface PendingField {
  element: PwLocator;
  target: TargetInfo;
  label: string | null;
  typed: string;
  keptAfterTyping: boolean;
  /** Main-frame navigations seen when the field was typed into: a later one means the field is gone. */
  navigations: number;
}

export class StepRecorder implements ActionContext {
  readonly interactions: Interaction[] = [];
  readonly taps: TapResponse[] = [];
  readonly appeared: AppearedText[] = [];
  readonly documents: ReadDocument[] = [];
  promo: PromoProbe | null = null;
  replay: ActionContext['replay'] = null;
  /** Taps of earlier steps, with the address they were made on. */
  earlierTaps: Array<{ url: string; description: string }> = [];
  private readonly fields: PendingField[] = [];
  private readonly knownMessages = new Set<string>();
  waitMs = 0;

  constructor(
    readonly page: Page,
    private readonly session: PageSession,
    readonly baseUrl: string,
    readonly touch: boolean,
    readonly viewport: { width: number; height: number },
    readonly timeout: number,
    private readonly secrets: readonly string[],
  ) {}

  /** Remembers the messages already on screen, so only new ones count as appearing in this step. */
  async begin(): Promise<void> {
    for (const message of await this.messages()) this.knownMessages.add(`${message.kind}:${message.text}`);
  }

  locate(locator: Locator): PwLocator {
    const exact = locator.exact ?? false;
    let found: PwLocator;
    if (locator.role) {
      const role = locator.role as Parameters<Page['getByRole']>[0];
      found = this.page.getByRole(role, locator.name ? { name: locator.name, exact } : {});
    } else if (locator.label) found = this.page.getByLabel(locator.label, { exact });
    else if (locator.text) found = this.page.getByText(locator.text, { exact });
    else if (locator.placeholder) found = this.page.getByPlaceholder(locator.placeholder, { exact });
    else if (locator.testId) found = this.page.getByTestId(locator.testId);
    else found = this.page.locator(locator.css!);
    // A customer acts on what they can see: the first visible match, unless the scenario names another.
    return found.filter({ visible: true }).nth(locator.nth ?? 0);
  }

  async reach(locator: Locator): Promise<{ element: PwLocator; target: TargetInfo; scrolls: number }> {
    const element = this.locate(locator);
    const description = describeLocator(locator);
    try {
      await element.waitFor({ state: 'visible', timeout: this.timeout });
    } catch {
      const screen = await this.page.evaluate(describeScreen).catch(() => 'a page that could not be read');
      throw new ActionError(`could not find ${description} on ${this.page.url()}; the page showed ${screen}`);
    }
    const before = await element.boundingBox();
    let scrolls = 0;
    if (before) {
      const below = before.y + before.height - this.viewport.height;
      const outside = Math.max(below, -before.y, 0);
      scrolls = Math.ceil(outside / this.viewport.height);
    }
    await element.scrollIntoViewIfNeeded({ timeout: this.timeout });
    const box = await element.boundingBox();
    const scroll = await this.page.evaluate(() => ({ x: scrollX, y: scrollY }));
    const pageBox = box && roundBox({ ...box, x: box.x + scroll.x, y: box.y + scroll.y });
    const found = await element.evaluate((el) => {
      const value = (el as HTMLInputElement).value;
      const words = (el as HTMLElement).innerText || (typeof value === 'string' ? value : '') || el.getAttribute('aria-label') || '';
      const kind = el.getAttribute('role') ?? ({ A: 'link', BUTTON: 'button', SELECT: 'drop-down', INPUT: 'field', TEXTAREA: 'field' } as Record<string, string>)[el.tagName];
      return { text: words.replace(/\s+/g, ' ').trim().slice(0, 80), kind: kind ?? el.tagName.toLowerCase() };
    });
    // Say what the element turned out to be when the scenario found it by its words alone: `text "Pay now" (button)`.
    const what = locator.role || locator.label || locator.placeholder ? description : `${description} (${found.kind})`;
    return { element, target: { description: what, text: this.mask(found.text), box: box && roundBox(box), pageBox }, scrolls };
  }

  record(interaction: Interaction): void {
    this.interactions.push(interaction);
  }

  earlierTapsOnPage(): string[] {
    const here = this.page.url();
    const earlier = this.earlierTaps.filter((tap) => tap.url === here).map((tap) => tap.description);
    return [...earlier, ...this.taps.map((tap) => tap.target.description)];
  }

  recordPromo(probe: PromoProbe): void {
    this.promo = probe;
  }

  recordDocument(document: ReadDocument): void {
    this.documents.push(document);
  }

  async press(element: PwLocator): Promise<void> {
    if (this.touch) await element.tap({ timeout: this.timeout });
    else await element.click({ timeout: this.timeout });
  }

  async tapAndWatch(target: TargetInfo, act: () => Promise<void>): Promise<void> {
    const mark = this.session.mark();
    const counters = await this.page.evaluate(readCounters).catch(() => null);
    const url = this.page.url();
    await act();
    const started = Date.now();
    let responses: TapResponse['responses'] = [];
    while (responses.length === 0) {
      responses = await this.responsesSince(mark, counters, url);
      if (responses.length > 0 || Date.now() - started >= DEAD_TAP_WINDOW_MS) break;
      await this.page.waitForTimeout(100);
    }
    this.taps.push({ target, responses, watchedMs: Date.now() - started });
  }

  async watchTypedField(element: PwLocator, target: TargetInfo, typed: string): Promise<void> {
    const value = await element.inputValue({ timeout: this.timeout }).catch(() => null);
    const label = await element
      .evaluate((el) => {
        const labels = (el as HTMLInputElement).labels;
        const text = el.getAttribute('aria-label') ?? (labels ? Array.from(labels, (l) => l.textContent).join(' ') : '');
        return text.replace(/\s+/g, ' ').trim() || null;
      })
      .catch(() => null);
    this.fields.push({
      element,
      target,
      label,
      typed,
      keptAfterTyping: value !== null && sameValue(value, typed),
      navigations: this.session.navigations,
    });
  }

  async waiting<T>(work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      this.waitMs += Date.now() - started;
    }
  }

  async settle(): Promise<void> {
    const started = Date.now();
    // A tap that submits a form starts its navigation a moment later: the first quiet window waits for it,
    // then the new page's load and its requests.
    await this.session.networkQuiet(150, SETTLE_CAP_MS);
    const beforeLoad = Date.now();
    await this.page.waitForLoadState('load', { timeout: SETTLE_CAP_MS }).catch(() => undefined);
    const afterLoad = Date.now();
    // A load that had to be waited for ended just now; one that was already done costs nothing.
    const loadedAt = afterLoad - beforeLoad > 5 ? afterLoad : started;
    await this.session.networkQuiet(50, SETTLE_CAP_MS);
    // Waiting is the site's time: until its last request or its load ended, not cx-shop's quiet windows.
    this.waitMs += Math.max(0, Math.max(this.session.lastActivity, loadedAt) - started);
    await this.noteMessages();
  }

  isSecret(text: string): boolean {
    return this.secrets.some((secret) => secret.length > 0 && text.includes(secret));
  }

  /** Collects new messages on screen; called after each action and at the end of the step. */
  async noteMessages(): Promise<void> {
    for (const message of await this.messages()) {
      const key = `${message.kind}:${message.text}`;
      if (this.knownMessages.has(key)) continue;
      this.knownMessages.add(key);
      this.appeared.push({ ...message, text: this.mask(message.text) });
    }
  }

  /** What each typed field holds now that the step is over (the customer has moved on: focus left it). */
  async typedFields(): Promise<TypedField[]> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()).catch(() => undefined);
    const results: TypedField[] = [];
    for (const field of this.fields) {
      const navigatedAway = this.session.navigations > field.navigations;
      const value = navigatedAway ? null : await field.element.inputValue({ timeout: 1000 }).catch(() => null);
      results.push({
        target: field.target,
        label: field.label,
        keptAfterTyping: field.keptAfterTyping,
        keptAtStepEnd: value === null ? null : sameValue(value, field.typed),
        valueAtEnd: value === null ? null : this.mask(value),
      });
    }
    return results;
  }

  private async messages() {
    const onPage = await this.page.evaluate(collectMessages).catch(() => []);
    const dialogs = this.session.dialogTexts.map((text) => ({ kind: 'dialog' as const, text, where: 'browser dialog' }));
    return [...onPage, ...dialogs];
  }

  private async responsesSince(
    mark: ReturnType<PageSession['mark']>,
    counters: Awaited<ReturnType<typeof readCounters>>,
    url: string,
  ): Promise<TapResponse['responses']> {
    const responses: TapResponse['responses'] = [];
    if (this.session.navigations > mark.navigations || this.page.url() !== url) responses.push('navigation');
    if (this.session.requestsStartedSince(mark) > 0) responses.push('network');
    if (this.session.dialogTexts.length > mark.dialogs) responses.push('dialog');
    if (this.session.downloads.length > mark.downloads) responses.push('download');
    const now = await this.page.evaluate(readCounters).catch(() => null);
    if (now && counters) {
      if (now.mutations > counters.mutations || now.changes > counters.changes) responses.push('mutation');
      if (now.scrolls > counters.scrolls) responses.push('scroll');
    }
    return responses;
  }

  private mask(text: string): string {
    let masked = text;
    for (const secret of this.secrets) if (secret) masked = masked.split(secret).join('•••');
    return masked;
  }
}

/** A site may format what was typed (spaces in a card number, upper-case codes): that is not a lost value. */
export function sameValue(value: string, typed: string): boolean {
  const normal = (s: string) => s.replace(/[\s\-().]/g, '').toLowerCase();
  return normal(value) === normal(typed);
}

function roundBox(box: Box): Box {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { x: r(box.x), y: r(box.y), width: r(box.width), height: r(box.height) };
}
