/**
 * When the site has answered an action, in real Chromium: cx-shop waits on events (the site's requests, the short
 * timers and answers the page is still handling for the customer), not a fixed time, so what comes late is still the
 * step's answer: a request sent after a debounce and shown a task after its body was read, an old-style request's
 * rows; and neither an animation loop on timers nor a third party's file that never finishes loading holds the run.
 */
import { devices } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { ScenarioArtifacts } from '../../src/artifacts/types.js';
import { openPage } from '../../src/runner/run-scenario.js';
import { pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

/** The answers page opened, then these steps. */
const onAnswers = (steps: string) => fixtures.run(pageScenario('settle', 'answers.html', { steps }));

const wordsRead = (artifacts: ScenarioArtifacts, index: number) =>
  artifacts.steps[index]!.interactions.flatMap((i) => (i.kind === 'read' ? [i.words] : []));

// Most of these tests wait out one of cx-shop's caps: a few run at once (see tests/vitest.config.ts).
describe.concurrent('the site has answered', () => {
  it('once a request sent after a debounce is answered, read and shown (the next step reads the result at once)', async () => {
    const result = await onAnswers(`  - name: Save my size
    tap: Save my size
  - name: Read what it says
    read: { css: "#saved" }
  - name: Show more sizes
    tap: Show more sizes
  - name: Read the sizes
    read: { css: "#sizes" }
`);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    // The request belongs to the tap that caused it, not to the step after.
    expect(artifacts.steps[1]!.requests.filter((r) => r.url.includes('/slow')).map((r) => r.cause)).toEqual(['action']);
    expect(artifacts.steps[2]!.requests.filter((r) => r.url.includes('/slow'))).toEqual([]);
    expect(wordsRead(artifacts, 2)).toEqual([4]);
    expect(artifacts.steps[3]!.requests.filter((r) => r.url.includes('/slow')).map((r) => r.cause)).toEqual(['action']);
    expect(wordsRead(artifacts, 4)).toEqual([8]);
  });

  it("once the page has read a third party's answer it asked for the customer (an address service on another host): the wait is theirs as for the site's; one it never reads is not", async () => {
    const steps = '  - name: Find it\n    tap: Find my address\n  - name: Read it\n    read: { css: "#out" }\n';
    const waited = async (ask: string) => {
      const result = await fixtures.run(pageScenario('settle', `address-finder.html?ask=${ask}`, { steps }));
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
      const artifacts = await savedArtifacts(result);
      // The next step reads the address the answer brought, whoever answered.
      expect(wordsRead(artifacts, 2)).toEqual([4]);
      expect(artifacts.steps[1]!.requests.filter((r) => r.url.includes('/slow')).map((r) => [r.party, r.cause])).toEqual([[ask === 'site' ? 'site' : 'third-party', 'action']]);
      return artifacts.steps[1]!.waitMs;
    };
    // Each answers 1.5 s late.
    expect(await waited('site')).toBeGreaterThanOrEqual(1400);
    expect(await waited('third-party')).toBeGreaterThanOrEqual(1400);
    // Told of the tap and never read: the address was shown at once.
    expect(await waited('unread')).toBeLessThan(1000);
  });

  it("until the page shows itself: one an A/B test's snippet keeps at opacity 0 is a blank screen the customer waits through", async () => {
    const steps = '  - name: Add it\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n';
    const result = await fixtures.run(pageScenario('settle', 'anti-flicker.html', { steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[0]!.waitMs).toBeGreaterThanOrEqual(1800);
    expect(artifacts.steps[0]!.waitMs).toBeLessThan(6000);
  });

  it('while an animation loop on timers goes on for ever (the step ends well before the 10 s cap)', async () => {
    const result = await onAnswers(`  - name: Spin the banner
    tap: Spin the banner
`);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect((await savedArtifacts(result)).steps[1]!.wallMs).toBeLessThan(8000);
  });

  it('while the page keeps a request open (a long poll, asked again each time it is answered): let go once the page is otherwise done, and its repeats not waited for', async () => {
    const likes = ['Liked 1 time', 'Liked 2 times', 'Liked 3 times'].map((text) => `  - name: Like\n    tap: Like\n    expect: { text: ${text} }\n`).join('');
    const steps = `${likes}  - name: Check the stock\n    tap: Check stock\n    expect: { text: 3 left in your size }\n`;
    const result = await fixtures.run(pageScenario('settle', 'long-poll.html', { steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    // Opening it waits 3 s for the page's own request before letting it go (not the 10 s cap, nor poll after poll);
    // the customer had the page at once, and did not wait for it.
    expect(artifacts.steps[0]!.wallMs).toBeGreaterThanOrEqual(2500);
    expect(artifacts.steps[0]!.wallMs).toBeLessThan(8000);
    expect(artifacts.steps[0]!.waitMs).toBeLessThan(2000);
    // The poll asks again every 4 s, during these steps: each tap is still answered at once, never held for the 3 s
    // the page's own open request is given (the step's whole time, cx-shop's look included, varies with the machine).
    for (const step of artifacts.steps.slice(1, 4)) expect(step.timing.actions.map((a) => a.responseMs < 3000)).toEqual([true]);
    // The customer's own call to that address is waited for, to its answer.
    expect(artifacts.steps[4]!.waitMs).toBeGreaterThanOrEqual(3500);
  });

  it("a page's own poll every half second, while its long poll is let go, is no answer the customer waits for", async () => {
    const steps = '  - name: Like it\n    tap: Like\n    expect: { text: Liked }\n';
    const result = await fixtures.run(pageScenario('settle', 'poll-and-long-poll.html', { steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    // The long poll is let go after 3 s, the polls meanwhile answered nobody: the customer had the page at once.
    expect(artifacts.steps[0]!.wallMs).toBeGreaterThanOrEqual(2500);
    expect(artifacts.steps[0]!.waitMs).toBeLessThan(2000);
    expect(result.steps[0]!.findings.filter((f) => f.rule === 'slow-response')).toEqual([]);
  });

  it('a stock count the server keeps pushing (server-sent events, a WebSocket) is the page\'s doing, not an answer to a tap', async () => {
    const steps = '  - name: Add it\n    tap: Add to bag\n    expect: { text: Added to your bag }\n';
    // Also pushed every 20 ms, each taking 6 ms to draw: the answer to the tap then comes between pushes, not after.
    // (Busier still, a slow or loaded machine's page stops answering altogether, and is rightly called frozen.)
    for (const via of ['events', 'socket', 'events&every=20&busy=6', 'socket&every=20&busy=6']) {
      const result = await fixtures.run(pageScenario('settle', `live-stock.html?via=${via}`, { steps }));
      expect(result.steps.map((s) => s.status), via).toEqual(['passed', 'passed']);
      const artifacts = await savedArtifacts(result);
      expect(artifacts.steps[1]!.appeared.map((m) => m.text), via).toEqual(['Added to your bag']);
    }
  });

  it("the server's reply over the page's socket to what the customer sent on it is their answer", async () => {
    const steps = '  - name: Ask a question\n    type: { label: Ask us, text: Jersey? }\n    tap: Send\n    expect: { text: We got your question }\n';
    const result = await fixtures.run(pageScenario('settle', 'live-stock.html?via=socket', { steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    // (A push that comes while the reply is awaited may be taken with it: which message is the reply, only the page knows.)
    expect(artifacts.steps[1]!.appeared.map((m) => m.text)).toContain('We got your question: Jersey?');
  });

  it("a call the customer's tap made that the site never answers is waited for up to the cap, and said: never answered", async () => {
    const steps = '  - name: Add it\n    tap: Add to cart\n    expect: { text: Added to your cart }\n';
    const result = await fixtures.run(pageScenario('settle', 'add-to-cart.html?call=/api/never', { steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'failed']);
    const artifacts = await savedArtifacts(result);
    // The customer looked at "Adding…" for as long as cx-shop waited for the site: 10 s, not the moment it took to ask.
    expect(artifacts.steps[1]!.waitMs).toBeGreaterThanOrEqual(10_000);
    expect(artifacts.steps[1]!.waitMs).toBeLessThan(12_000);
    expect(artifacts.steps[1]!.requests.filter((r) => r.unanswered).map((r) => [r.method, r.url.replace(/^.*\/api/, '/api'), r.cause])).toEqual([['GET', '/api/never', 'action']]);
    const slow = result.steps[1]!.findings.filter((f) => f.rule === 'slow-response');
    expect(slow.map((f) => [f.severity, f.class])).toEqual([['high', 'timing']]);
    expect(slow[0]!.message).toMatch(/^The site never answered the customer's request \(GET \/api\/never\)/);
  });

  it('the same tap answered at once waits for nothing and is said nothing of', async () => {
    const steps = '  - name: Add it\n    tap: Add to cart\n    expect: { text: Added to your cart }\n';
    const result = await fixtures.run(pageScenario('settle', 'add-to-cart.html?call=/api/ok', { steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[1]!.waitMs).toBeLessThan(1000);
    expect(artifacts.steps[1]!.requests.filter((r) => r.unanswered)).toEqual([]);
    expect(result.steps[1]!.findings.filter((f) => f.rule === 'slow-response')).toEqual([]);
  });

  it('a slow call the page makes once as it starts is let go, but its address is no poll: a later answer through it is waited for', async () => {
    const steps = '  - name: Show more\n    tap: Show more\n    expect: { text: 24 shirts }\n';
    const result = await fixtures.run(pageScenario('settle', 'slow-start.html', { steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[0]!.wallMs).toBeLessThan(8000);
    expect(artifacts.steps[1]!.waitMs).toBeGreaterThanOrEqual(1800);
  });

  it('once a list the page fills a moment after it starts (a short timer, then a call) is filled: the shirts are there to scroll through at once (three runs alike)', async () => {
    const steps = '  - name: Look through all the shirts\n    scroll: bottom\n    expect: { text: Showing 16 of 16 shirts }\n  - name: Open one\n    tap: Shirt 12\n';
    for (let run = 0; run < 3; run += 1) {
      const result = await fixtures.run(pageScenario('settle', 'skeleton.html', { head: 'device: Pixel 7\n', steps }));
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
      // The first shirts are the answer to opening the page: their call is the first step's, and the customer's.
      const calls = (await savedArtifacts(result)).steps.map((step) => step.requests.filter((r) => r.url.includes('/api/ok')).map((r) => `${r.url.split('?')[1]} ${r.cause}`));
      expect(calls).toEqual([['from=0 action'], ['from=8 action'], []]);
    }
  });

  // The page itself, or (an app's shell) a box of its own under the screen's middle, in a component's shadow root too.
  for (const page of ['endless.html', 'endless.html?shell', 'endless.html?shell=slot', 'endless.html?shell=inside']) {
    it(`scrolled to the bottom of a list that loads more as the customer nears its end: on until it stops growing, each swipe theirs (${page})`, async () => {
      const steps = "  - name: Look through all the shirts\n    scroll: bottom\n    expect: { text: That's all 40 shirts }\n";
      const result = await fixtures.run(pageScenario('settle', page, { head: 'device: Pixel 7\n', steps }));
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
      const calls = (await savedArtifacts(result)).steps.map((step) => step.requests.filter((r) => r.url.includes('/more.json')).map((r) => `${new URL(r.url).searchParams.get('from')} ${r.cause}`));
      expect(calls).toEqual([['0 action'], ['8 action', '16 action', '24 action', '32 action']]);
      // Down past forty shirts of 268 px: many swipes, all the customer's.
      expect(result.steps[1]!.actions.scrolls).toBeGreaterThanOrEqual(8);
    });
  }

  it('scrolled to the bottom of a list that asks for its next part as the last comes in (its end still near the screen): on until it stops growing, the same swipes whether its server takes 150 or 600 ms', async () => {
    const steps = "  - name: Look through all the shirts\n    scroll: bottom\n    expect: { text: That's all 40 shirts }\n";
    const runs = [await fixtures.run(pageScenario('settle', 'endless.html?near', { head: 'device: Pixel 7\n', steps })), await fixtures.run(pageScenario('settle', 'endless.html?near&slow', { head: 'device: Pixel 7\n', steps }))];
    for (const result of runs) expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(runs.map((result) => [result.steps[1]!.actions.scrolls, result.steps[1]!.effort])).toEqual([0, 0].map(() => [runs[0]!.steps[1]!.actions.scrolls, runs[0]!.steps[1]!.effort]));
  });

  it('on a page whose load never comes (a picture that never finishes): opened once its document is there, waited for once', async () => {
    const result = await fixtures.run(pageScenario('settle', 'stalled.html', { steps: `  - name: Like it
    tap: Like this shirt
  - name: Read the thanks
    read: { css: "#liked" }
` }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[0]!.url).toMatch(/\/settle\/stalled\.html$/);
    // The wait for the load that never came is the customer's (the page kept loading), once, on opening it.
    expect(artifacts.steps[0]!.waitMs).toBeGreaterThanOrEqual(9000);
    expect(artifacts.steps[1]!.waitMs).toBeLessThan(5000);
    expect(wordsRead(artifacts, 2)).toEqual([1]);
  });

  it("a third party's scripts that hold the load (a tag manager, a chat widget, 4 s late) are no wait of the customer's; the shop's own late picture is", async () => {
    const open = (query: string) => fixtures.run(pageScenario('settle', `slow-tags.html${query}`, { steps: '  - name: Save it\n    tap: Save the guide\n    expect: { text: Saved }\n' }));
    const [tags, picture] = [await open(''), await open('?picture')];
    for (const result of [tags, picture]) expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const [tagged, pictured] = [await savedArtifacts(tags), await savedArtifacts(picture)];
    // The tags did hold the load: cx-shop waited for it (the page is looked at as its load handlers left it).
    expect(tagged.steps[0]!.wallMs).toBeGreaterThanOrEqual(3500);
    expect(tagged.steps[0]!.waitMs).toBeLessThan(1500);
    expect(tags.steps[0]!.findings.map((f) => f.rule)).not.toContain('slow-response');
    expect(pictured.steps[0]!.waitMs).toBeGreaterThanOrEqual(2400);
  });

  it.each([
    ['island.html', "once the site's own code the page fetched after its load has come (an island that comes alive when the browser is idle)"],
    ['island-busy.html', 'once the code it asks for when the browser is first idle has come, however busy the page keeps the browser after its load'],
  ])('%s: %s', async (page) => {
    const result = await fixtures.run(pageScenario('settle', page, { steps: `  - name: Add it
    tap: Add to basket
    expect: { text: Added to your basket }
` }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(result.steps[1]!.findings.map((f) => f.rule)).not.toContain('dead-tap');
    const artifacts = await savedArtifacts(result);
    // The wait for the code is the customer's, on opening the page: they could not use it before.
    expect(artifacts.steps[0]!.requests.filter((r) => r.url.includes('island.chunk.js')).map((r) => r.cause)).toEqual(['action']);
    // Its code comes 1.5 s after the page asked for it.
    expect(artifacts.steps[0]!.waitMs).toBeGreaterThanOrEqual(1400);
  });
  it("on a page that stubs requestAnimationFrame out: cx-shop waits for the browser's frames, not the page's, and the tap's answer is no wait", async () => {
    const result = await fixtures.run(pageScenario('settle', 'no-frames.html', { steps: '  - name: Add the scarf\n    tap: Add to bag\n    expect: { text: Added to your bag }\n' }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    // Waiting for one of the page's frames would have waited to the 10 s cap, as for a frozen page.
    expect(artifacts.steps[1]!.waitMs).toBeLessThan(1000);
    expect(artifacts.steps[1]!.frozen).toBeUndefined();
    // (Over a second on a loaded machine is a low one: waiting for the page's frames would be the 10 s cap's high.)
    expect(result.steps.flatMap((s) => s.findings.filter((f) => f.severity !== 'low').map((f) => f.rule))).not.toContain('slow-response');
  });
});

describe.concurrent('a tap that turns out to be a download', () => {
  it('is answered once the file came, even when the wait for the site begins after it (a step that read the file first)', async () => {
    const { context, page, recorder } = await openPage(fixtures.browser, devices['Desktop Chrome'], { baseUrl: fixtures.url, credentials: null }, []);
    try {
      await page.goto(`${fixtures.url}/invoice/download.html`);
      const downloaded = page.waitForEvent('download');
      // The server says to save the file: the page starts leaving and never goes.
      await page.getByRole('link', { name: 'Invoice from the server (PDF)' }).click();
      await (await downloaded).path();
      expect(await recorder.stillAnswering()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('is waited for until the whole file has come: one that never finishes is the site never sending it (high), one that breaks off a failed request', async () => {
    const tap = (name: string) => `  - name: ${name}\n    tap: ${name}\n`;
    const steps = tap('Download invoice (PDF)') + tap('Download the delivery note') + tap('Download the returns label');
    const result = await fixtures.run(pageScenario('invoice', 'downloads-failing.html', { steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    const [, whole, unending, cut] = result.steps;
    const rules = (step: typeof whole) => step!.findings.filter((f) => f.rule === 'slow-response' || f.rule === 'failed-request');
    // The file that came whole: nothing to say, and the request the browser turned into a download is no failure.
    expect(rules(whole)).toEqual([]);
    expect((await savedArtifacts(result)).steps[1]!.requests.filter((r) => r.download !== undefined)).toEqual([
      expect.objectContaining({ download: 'good.pdf', status: 200, failure: null }),
    ]);
    // The one whose server holds it open: waited for up to 10 s, and named.
    expect(rules(unending).map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'slow-response',
        'high',
        expect.stringMatching(/^The site never finished sending the file the customer downloaded, good\.pdf \(\/invoice\/good\.pdf\?attachment&unending\): they waited 1\d(?:\.\d)? s after tap on text "Download the delivery note" and the rest never came$/),
      ],
    ]);
    // The one that broke off: the site failed to send it.
    expect(rules(cut).map((f) => [f.rule, f.severity])).toEqual([['failed-request', 'high']]);
    expect(rules(cut)[0]!.message).toBe('GET /invoice/bad.pdf?attachment&cut was cut off after HTTP 200 (download broke off)');
  });

  it("kept on another host (the shop's documents host) is waited for all the same, and one that never finishes is named with its host", async () => {
    const tap = '  - name: Get the invoice\n    tap: Download invoice (PDF)\n';
    const slow = await fixtures.run(pageScenario('invoice', 'download-elsewhere.html', { steps: tap }));
    expect(slow.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    // Its second half came 1.5 s after the first: the customer waited for it.
    expect(slow.steps[1]!.wait).toBeGreaterThanOrEqual(1.5);
    // Its first byte 1.5 s late: the browser says it is a download only then, and the customer waited from their tap.
    const late = await fixtures.run(pageScenario('invoice', 'download-elsewhere.html#late', { steps: tap }));
    expect(late.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(late.steps[1]!.wait).toBeGreaterThanOrEqual(1.5);
    expect((await savedArtifacts(slow)).steps[1]!.requests.filter((r) => r.download !== undefined)).toEqual([
      expect.objectContaining({ download: 'good.pdf', party: 'third-party', status: 200, failure: null }),
    ]);
    const never = await fixtures.run(pageScenario('invoice', 'download-elsewhere.html#unending', { steps: tap }));
    expect(never.steps[1]!.findings.filter((f) => f.rule === 'slow-response').map((f) => [f.severity, f.message])).toEqual([
      ['high', expect.stringMatching(/^The site never finished sending the file the customer downloaded, good\.pdf \(localhost:\d+\/invoice\/good\.pdf\?attachment&trickle=1500&unending\): they waited 1\d(?:\.\d)? s after tap on text "Download invoice \(PDF\)" and the rest never came$/)],
    ]);
  });
});
