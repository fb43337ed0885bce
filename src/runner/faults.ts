/**
 * Injects the faults a scenario asks for (see scenario/faults.ts) while the customer acts: the matching requests of
 * the scenario's browser context are answered with an error, held back or dropped, or the network is taken off. Each
 * request hit is marked in the recorder, so an injected failure is never counted as the site's failed request; the
 * faults are off while cx-shop looks at the page, and never touch the contexts cx-shop uses for its own tries.
 */
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Request, Route } from 'playwright';
import type { InjectedFault } from '../artifacts/types.js';
import type { Recorder } from '../recorder/recorder.js';
import { describeFault, type Fault } from '../scenario/faults.js';
import { urlMatcher } from '../scenario/regex.js';

interface ActiveFault {
  fault: Fault;
  description: string;
  matches: (url: string) => boolean;
  hits: number;
}

export class FaultInjector {
  private active: ActiveFault[] = [];
  /** Each fault's address matcher, compiled once for the scenario. */
  private readonly matchers = new Map<Fault, (url: string) => boolean>();
  /** How many more requests a fault with `times` may hit, for the scenario's faults across its steps. */
  private readonly left = new Map<Fault, number>();

  private constructor(
    private readonly context: BrowserContext,
    private readonly recorder: Recorder,
    private readonly scenarioFaults: readonly Fault[],
  ) {}

  /** Sets up injection for a scenario that asks for faults anywhere; null (no routing at all) when it does not. */
  static async forScenario(
    context: BrowserContext,
    recorder: Recorder,
    scenario: { faults?: Fault[]; steps: Array<{ faults?: Fault[] }> },
  ): Promise<FaultInjector | null> {
    if (!scenario.faults && !scenario.steps.some((step) => step.faults)) return null;
    const injector = new FaultInjector(context, recorder, scenario.faults ?? []);
    await context.route(() => true, (route, request) => injector.handle(route, request));
    return injector;
  }

  /** Turns on the scenario's faults and the step's own, for the customer's actions in the step. */
  async begin(stepFaults: readonly Fault[] | undefined): Promise<void> {
    this.active = [...this.scenarioFaults, ...(stepFaults ?? [])].map((fault) => ({
      fault,
      description: describeFault(fault),
      matches: this.matcherOf(fault),
      hits: 0,
    }));
    const offline = this.active.find((a) => a.fault.offline);
    if (offline) {
      this.recorder.offline = offline.description;
      await this.context.setOffline(true);
    }
  }

  private matcherOf(fault: Fault): (url: string) => boolean {
    let matcher = this.matchers.get(fault);
    if (!matcher) {
      matcher = fault.match === undefined ? () => false : urlMatcher(fault.match);
      this.matchers.set(fault, matcher);
    }
    return matcher;
  }

  /** Turns every fault off (cx-shop is about to look at the page) and says what each one hit in the step. */
  async end(): Promise<InjectedFault[]> {
    const ended = this.active;
    this.active = [];
    if (this.recorder.offline) {
      this.recorder.offline = null;
      await this.context.setOffline(false).catch(() => undefined);
    }
    return ended.map((a) => ({ fault: a.description, hits: a.hits }));
  }

  private async handle(route: Route, request: Request): Promise<void> {
    const hit = this.active.find((a) => this.applies(a, request));
    if (!hit) return route.fallback().catch(() => undefined);
    hit.hits += 1;
    const left = this.left.get(hit.fault);
    if (left !== undefined) this.left.set(hit.fault, left - 1);
    else if (hit.fault.times !== undefined) this.left.set(hit.fault, hit.fault.times - 1);
    this.recorder.markInjected(request, hit.description);
    const { delay, drop, status, body } = hit.fault;
    try {
      if (delay !== undefined) await sleep(delay);
      if (drop) await route.abort('connectionfailed');
      else if (status !== undefined) {
        await route.fulfill({ status, contentType: 'text/plain; charset=utf-8', body: body ?? STATUS_CODES[status] ?? 'Error' });
      } else await route.continue();
    } catch {
      // The page or context went away while the request was held: nothing is left to answer.
    }
  }

  private applies(active: ActiveFault, request: Request): boolean {
    const { fault } = active;
    if (fault.offline) return false;
    if (fault.method !== undefined && fault.method !== request.method()) return false;
    if ((this.left.get(fault) ?? 1) <= 0) return false;
    return active.matches(request.url());
  }
}
