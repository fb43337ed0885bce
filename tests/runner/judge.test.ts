/**
 * The judge: from recorded artifacts to a scenario's result, without a browser. A rule that throws becomes an error
 * finding and the others still run; the scenario's rule settings turn rules off or change their severity; a page
 * problem is reported once; only what the customer's action asked of the site is the site's failure; a journey the
 * customer could not finish is never reported as completed; and the same artifacts always give the same result.
 */
import { describe, expect, it } from 'vitest';
import type { RequestRecord, ScenarioArtifacts, StepArtifacts } from '../../src/artifacts/types.js';
import { judgeScenario } from '../../src/judge/judge.js';
import { applyRules } from '../../src/rules/index.js';
import { defineRule } from '../../src/rules/types.js';
import type { SavedScenario } from '../../src/scenario/schema.js';
import { pageSnapshot as page, judgedStep, stepArtifacts } from '../helpers/artifacts.js';

const tiny = (id: string, x: number) => ({
  element: `button "${id}"`,
  selector: `#${id}`,
  text: id,
  box: { x, y: 100, width: 16, height: 16 },
  inline: false,
});

function scenario(steps: number, extra: Partial<SavedScenario> = {}): SavedScenario {
  return {
    name: 'Buy a shirt',
    file: 'scenarios/buy.yaml',
    journey: 'custom',
    device: 'Pixel 7',
    tags: [],
    timeout: 10_000,
    testIdAttribute: 'data-testid',
    steps: Array.from({ length: steps }, (_, i) => ({ name: `step ${i + 1}`, actions: [] })),
    ...extra,
  };
}

function artifacts(steps: StepArtifacts[], extra: Partial<SavedScenario> = {}): ScenarioArtifacts {
  return {
    version: 1,
    driver: 'script',
    scenario: scenario(steps.length, extra),
    baseUrl: 'https://shop.test',
    device: 'Pixel 7',
    startedAt: '2026-12-01T00:00:00.000Z',
    steps: steps.map((step, index) => ({ ...step, index, name: `step ${index + 1}` })),
  };
}

const request = (overrides: Partial<RequestRecord>): RequestRecord => ({
  url: 'https://shop.test/api/cart',
  method: 'POST',
  resourceType: 'fetch',
  status: 500,
  failure: null,
  party: 'site',
  cause: 'action',
  telemetry: false,
  ...overrides,
});

describe('applyRules', () => {
  it('turns a rule that throws into an error finding for that rule, and runs the others', () => {
    const registry = {
      broken: defineRule({
        title: 'Broken rule',
        area: 'errors',
        severity: 'high',
        threshold: '-',
        source: '-',
        class: 'deterministic',
        detect: () => {
          throw new Error('cannot read the page');
        },
      }),
      fine: defineRule({
        title: 'Fine rule',
        area: 'forms',
        severity: 'low',
        threshold: '-',
        source: '-',
        class: 'deterministic',
        detect: () => [{ message: 'found it', evidence: {} }],
      }),
    };
    const findings = applyRules(judgedStep(), registry);
    expect(findings.map((f) => [f.rule, f.severity, f.error ?? false, f.message])).toEqual([
      ['broken', 'low', true, 'cannot read the page'],
      ['fine', 'low', false, 'found it'],
    ]);
  });

  it('runs page rules only on a page state not judged before', () => {
    const step = judgedStep({ page: page() });
    expect(applyRules(step).map((f) => f.rule)).toContain('zoom-disabled');
    expect(applyRules({ ...step, newPageState: false }).map((f) => f.rule)).not.toContain('zoom-disabled');
  });
});

describe('judgeScenario', () => {
  const withTiny = stepArtifacts({ page: page({ targets: [tiny('fewer', 10), tiny('more', 28)] }) });
  const rulesOf = (result: ReturnType<typeof judgeScenario>, step = 0) => result.steps[step]!.findings.map((f) => f.rule);

  it("reads what a tap opened once: a later read of the text that holds it (an FAQ's question and answer) prices the rest of its words, on the same page", () => {
    const answer = 'Free returns within 30 days of delivery.';
    const faq = `Can I return it? ${answer}`;
    const target = { description: 'group "FAQ"', text: '', box: null, pageBox: null };
    const opened = stepArtifacts({ appeared: [{ kind: 'text', text: answer, where: 'details "Can I return it?"' }] });
    const read = (pages: string[] = []) =>
      stepArtifacts({ pages, interactions: [{ kind: 'read', target, words: 11 }], documents: [{ kind: 'text', source: 'page', location: 'https://shop.test/help', text: faq, items: [], bodyFontSize: 16, gradeTarget: 8 }] });
    const reading = (result: ReturnType<typeof judgeScenario>) => result.steps[1]!.effortBreakdown.reading;
    const samePage = judgeScenario(artifacts([opened, read()]));
    const alone = judgeScenario(artifacts([stepArtifacts(), read()]));
    // The answer's 7 words were read as it opened: 4 more (the question) where the read alone reads 11.
    expect(reading(samePage) / reading(alone)).toBeCloseTo(4 / 11, 2);
    // On a new page, what was read on the last one is no help.
    const elsewhere = judgeScenario(artifacts([opened, read(['https://shop.test/faq'])]));
    expect(reading(elsewhere)).toBe(reading(alone));
  });

  it('says why a step was not run: the run interrupted before it, or an earlier step that stopped the journey', () => {
    const interrupted = (first: StepArtifacts) => judgeScenario({ ...artifacts([first]), scenario: scenario(3), brokeOff: 'the run was interrupted' });
    const ran = interrupted(stepArtifacts({}));
    expect(ran.steps.map((s) => [s.status, s.reason ?? null])).toEqual([['passed', null], ['skipped', 'not run: the run was interrupted'], ['skipped', 'not run: the run was interrupted']]);
    expect(ran.reason).toBe('the run broke off: the run was interrupted');
    const stopped = interrupted(stepArtifacts({ outcome: { status: 'blocked', reason: 'tap: could not find button "Pay"' } }));
    expect(stopped.steps.slice(1).map((s) => s.reason)).toEqual(['an earlier step did not pass', 'an earlier step did not pass']);
  });

  it("turns a rule off, or gives its findings the scenario's severity", () => {
    expect(rulesOf(judgeScenario(artifacts([withTiny], { rules: { 'zoom-disabled': 'off' } })))).not.toContain('zoom-disabled');
    const raised = judgeScenario(artifacts([withTiny], { rules: { 'zoom-disabled': 'high' } }));
    expect(raised.steps[0]!.findings.find((f) => f.rule === 'zoom-disabled')?.severity).toBe('high');
  });

  it('judges a page state seen before once, and reports a page problem once, with only the new elements', () => {
    const again = stepArtifacts({ page: page({ signature: 'cart', targets: [tiny('fewer', 10), tiny('more', 28)] }) });
    const withNew = stepArtifacts({ page: page({ signature: 'product', targets: [tiny('fewer', 10), tiny('more', 28), tiny('remove', 46)] }) });
    const result = judgeScenario(artifacts([withTiny, withTiny, again, withNew]));
    const high = (i: number) => result.steps[i]!.findings.filter((f) => f.rule === 'tap-target-size' && f.severity === 'high');
    expect(high(0)).toHaveLength(1);
    expect(high(0)[0]!.evidence.count).toBe(2);
    expect(rulesOf(result, 1)).toEqual([]);
    expect(rulesOf(result, 2)).not.toContain('tap-target-size');
    expect(rulesOf(result, 2)).not.toContain('zoom-disabled');
    expect(high(3)[0]!.evidence.element).toBe('button "remove"');
    expect(high(3)[0]!.message).toContain('1 not reported on an earlier page');
    // It names the new element and its size, not the first one reported already.
    expect(high(3)[0]!.message).toContain('button "remove" is');
    expect(high(3)[0]!.message).not.toContain('"fewer"');
  });

  it('an element with words of its own is the same element wherever a sort or filter moves it', () => {
    const moved = (id: string, x: number) => ({ ...tiny(id, x), selector: `#grid > li:nth-of-type(${x}) #${id}` });
    const sorted = stepArtifacts({ page: page({ signature: 'sorted', targets: [moved('more', 10), moved('fewer', 28)] }) });
    const result = judgeScenario(artifacts([withTiny, sorted]));
    expect(result.steps[1]!.findings.filter((f) => f.rule === 'tap-target-size')).toEqual([]);
  });

  it('items alike in one finding (the "|" between links of one menu) are all new on the first page', () => {
    const bar = (x: number) => ({ ...tiny('bar', x), element: 'text "|"', text: '|' });
    const result = judgeScenario(artifacts([stepArtifacts({ page: page({ targets: [bar(10), bar(28), tiny('menu', 46)] }) })]));
    const high = result.steps[0]!.findings.filter((f) => f.rule === 'tap-target-size' && f.severity === 'high');
    expect(high.map((f) => [f.message.includes('earlier page'), f.evidence.count])).toEqual([[false, 3]]);
  });

  it("blames the site only for its own requests that the customer's action started", () => {
    const step = stepArtifacts({
      requests: [
        request({}),
        request({ url: 'https://telemetry.example.net/v1/collect', party: 'third-party' }),
        request({ url: 'https://shop.test/api/poll', cause: 'background' }),
        request({ url: 'https://shop.test/rum/collect', telemetry: true }),
        request({ url: 'https://shop.test/styles.css', resourceType: 'stylesheet', party: 'cx-shop', cause: 'background' }),
      ],
    });
    const result = judgeScenario(artifacts([step]));
    const failedRequests = result.steps[0]!.findings.filter((f) => f.rule === 'failed-request');
    expect(failedRequests.map((f) => f.evidence.url)).toEqual(['https://shop.test/api/cart']);
    expect(result.steps[0]!.environment).toHaveLength(3);
    expect(result.steps[0]!.environment!.join('\n')).toContain('telemetry.example.net');
    // Failures the customer did nothing about cost them nothing.
    expect(result.steps[0]!.effortBreakdown.recovery).toBe(0);
  });

  it('a call or an error the page also makes on its own, while the customer does nothing, is background', () => {
    const poll = (cause: 'action' | 'background') => request({ url: 'https://shop.test/api/countdown?t=1', method: 'GET', cause });
    const timerError = (cause: 'action' | 'background') => ({ message: "Cannot read properties of null (reading 'dataset')", party: 'site' as const, cause });
    const first = stepArtifacts({ requests: [poll('background')], pageErrors: [timerError('background')] });
    const second = stepArtifacts({ requests: [poll('action'), request({})], pageErrors: [timerError('action')] });
    const result = judgeScenario(artifacts([first, second]));
    expect(result.steps[1]!.findings.filter((f) => f.rule === 'failed-request').map((f) => f.evidence.url)).toEqual(['https://shop.test/api/cart']);
    expect(result.steps[1]!.findings.filter((f) => f.rule === 'page-error')).toEqual([]);
    expect(result.steps[1]!.environment!.some((line) => line.includes('/api/countdown'))).toBe(true);
  });

  it('a library that got no answer as the page loaded is still missing on later steps on that page, not after a new document', () => {
    const shop = 'https://shop.test/stores';
    const library = request({ url: 'https://maps.pinpoint.example/pinpoint.min.js', method: 'GET', resourceType: 'script', status: null, failure: 'net::ERR_NAME_NOT_RESOLVED', party: 'third-party' });
    const documentOf = (url: string) => request({ url, method: 'GET', resourceType: 'document', status: 200 });
    const thrown = (...messages: string[]) => messages.map((message) => ({ message, party: 'site' as const, cause: 'action' as const }));
    const steps = [
      stepArtifacts({ pages: [shop], requests: [documentOf(shop), library] }),
      // A route of the same page; a frame's document is not the page either.
      stepArtifacts({ pages: [`${shop}?view=map`], requests: [documentOf('https://shop.test/embed/reviews')], pageErrors: thrown('Pinpoint is not defined') }),
      // A name the library does not bear, and the shop's own bug that is no missing name at all.
      stepArtifacts({ pageErrors: thrown('loadStoreList is not defined', "Cannot read properties of undefined (reading 'track')") }),
      // The same page as a new document, which asked for no library.
      stepArtifacts({ pages: [`${shop}#list`], requests: [documentOf(shop)] }),
      stepArtifacts({ pageErrors: thrown('Pinpoint is not defined') }),
    ];
    const result = judgeScenario(artifacts(steps));
    const pageErrors = (step: number) => result.steps[step]!.findings.filter((f) => f.rule === 'page-error').map((f) => f.message.replace('The page threw an uncaught error: ', ''));
    expect(pageErrors(1)).toEqual([]);
    expect(result.steps[1]!.environment).toContain("error after a third party's script got no answer: Pinpoint is not defined");
    expect(pageErrors(2)).toEqual(['loadStoreList is not defined', "Cannot read properties of undefined (reading 'track')"]);
    expect(pageErrors(4)).toEqual(['Pinpoint is not defined']);
  });

  it('a step the customer cannot do ends the journey as not completed, the rest skipped', () => {
    const blocked = stepArtifacts({ outcome: { status: 'blocked', reason: 'tap: could not find button "Pay"' } });
    const input = artifacts([stepArtifacts(), blocked]);
    input.scenario.steps.push({ name: 'step 3', actions: [] });
    const result = judgeScenario(input);
    expect(result.status).toBe('blocked');
    expect(result.completed).toBe(false);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'blocked', 'skipped']);
    expect(result.reason).toContain('step 2');
  });

  it('gives the same result for the same artifacts, also after a trip through JSON', () => {
    const input = artifacts([withTiny, stepArtifacts({ requests: [request({})] })]);
    const again = JSON.parse(JSON.stringify(input)) as ScenarioArtifacts;
    expect(judgeScenario(again)).toEqual(judgeScenario(input));
  });
});

describe('web vitals across steps', () => {
  const vitals = (inpMs: number) => ({ actions: [], longTasks: [], vitals: { lcpMs: 1200, cls: 0, inpMs } });
  const document = (url: string): RequestRecord => request({ url, method: 'GET', resourceType: 'document', status: 200 });
  const inp = (steps: StepArtifacts[]) => judgeScenario(artifacts(steps)).steps.map((s) => s.findings.filter((f) => f.rule === 'web-vitals').map((f) => f.evidence.measured));

  it("a single-page app's next route keeps its document's worst interaction: judged on the step that made it, not again", () => {
    const open = stepArtifacts({ pages: ['https://shop.test/'], requests: [document('https://shop.test/')], timing: vitals(400) });
    const route = stepArtifacts({ pages: ['https://shop.test/plants'], url: 'https://shop.test/plants', timing: vitals(400) });
    const slowTap = stepArtifacts({ url: 'https://shop.test/plants', timing: vitals(752) });
    expect(inp([open, route, slowTap])).toEqual([['INP 400 ms'], [], ['INP 752 ms']]);
  });

  it('a new document starts afresh, though its figure is the same', () => {
    const open = stepArtifacts({ pages: ['https://shop.test/'], requests: [document('https://shop.test/')], timing: vitals(400) });
    const next = stepArtifacts({ pages: ['https://shop.test/basket'], url: 'https://shop.test/basket', requests: [document('https://shop.test/basket')], timing: vitals(400) });
    expect(inp([open, next])).toEqual([['INP 400 ms'], ['INP 400 ms']]);
  });
});
