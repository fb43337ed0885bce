/**
 * Each first rule against a fixture page in real Chromium: the positive case finds it with its severity
 * and evidence, the negative case on the same kind of page does not.
 */
import { describe, expect, it } from 'vitest';
import { judgeScenario } from '../../src/judge/judge.js';
import { findingsOf, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const scenario = (page: string, steps: string) => `name: fixture\nsteps:\n  - name: Open\n    goto: /rules/${page}\n${steps}`;

// Many tests here wait out a window on purpose (a tap nobody answers is watched 2.5 s): a few run at once, each in its
// own browser context (see tests/vitest.config.ts), and each must still hold on a busy machine.

describe.concurrent('page-error', () => {
  it('finds an uncaught error thrown by a tap, as high, with the error text', async () => {
    const result = await fixtures.run(scenario('page-error.html', '  - name: Show offers\n    tap: { role: button, name: Show offers }\n'));
    const [finding, ...rest] = findingsOf(result, 'page-error');
    expect(rest).toHaveLength(0);
    expect(finding?.severity).toBe('high');
    expect(finding?.evidence.text).toContain('undefinedFunctionCall');
    expect(result.steps[1]!.findings.map((f) => f.rule)).toContain('page-error');
  });

  it("a chunk of the site's own code the browser cannot read (its HTML error page in its place) is the site's, on a page with a third party's tag too", async () => {
    const result = await fixtures.run(scenario('chunk-broken.html', '  - name: Add it\n    tap: { role: button, name: Add to bag }\n'));
    expect(findingsOf(result, 'page-error').map((f) => [f.severity, f.message])).toEqual([['high', "The page threw an uncaught error: Unexpected token '<'"]]);
    expect(result.steps[1]!.environment ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/unknown origin/)]));
  });

  it("a missing name after a third party's script got no answer is environment; the shop's own bug on a tap is still high", async () => {
    const result = await fixtures.run(scenario('page-error-offline.html', '  - name: Show offers\n    tap: { role: button, name: Show offers }\n'));
    expect(result.steps[0]!.findings.map((f) => f.rule)).not.toContain('page-error');
    expect(result.steps[0]!.environment).toEqual(expect.arrayContaining(["error after a third party's script got no answer: Carousel is not defined"]));
    expect(findingsOf(result, 'page-error').map((f) => f.message)).toEqual(['The page threw an uncaught error: undefinedFunctionCall is not defined']);
  });

  // One to Google's tag ("window.gtag is not a function"), one read on Google's maps (window.google.maps), each beside
  // the shop's own missing function or data.
  it.each([
    ['a call through window to the tag', 'Add to bag', 'Added to your bag', 'window.gtag is not a function', 'Save for later', 'window.saveForLater is not a function'],
    ['a property read through the window on the library', 'Find a store', 'Stores near you', "Cannot read properties of undefined (reading 'maps')", 'Our stores', "Cannot read properties of undefined (reading 'stores')"],
  ])("%s a third party's script would have defined is environment; the shop's own missing one is still high", async (_what, theirs, shown, knockOn, ours, bug) => {
    const result = await fixtures.run(scenario('tag-offline.html', `  - name: Theirs\n    tap: ${theirs}\n    expect: { text: ${shown} }\n  - name: Ours\n    tap: ${ours}\n`));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(result.steps[1]!.findings.map((f) => f.rule)).toEqual([]);
    expect(result.steps[1]!.environment).toEqual(expect.arrayContaining([`error after a third party's script got no answer: ${knockOn}`]));
    expect(findingsOf(result, 'page-error').map((f) => [f.severity, f.message])).toEqual([['high', `The page threw an uncaught error: ${bug}`]]);
    expect(result.steps[2]!.findings.map((f) => f.rule)).toContain('page-error');
    // `cx-shop judge` on the saved artifacts sees the same: what the error named, or the global read kept with it.
    expect(judgeScenario(await savedArtifacts(result)).steps.map((s) => s.findings.filter((f) => f.rule === 'page-error').length)).toEqual([0, 0, 1]);
  });

  it("a value rejected that is no Error names no script: on a page that runs a third party's tag it is environment, on one that runs only the shop's it is the shop's", async () => {
    const add = '  - name: Add\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n';
    const tagged = await fixtures.run(scenario('rejects-object.html?tag', add));
    expect(tagged.steps[1]!.findings.map((f) => f.rule)).toEqual([]);
    expect(tagged.steps[1]!.environment).toEqual(expect.arrayContaining([expect.stringMatching(/^error of unknown origin .*: /)]));
    const own = await fixtures.run(scenario('rejects-object.html', add));
    expect(findingsOf(own, 'page-error').map((f) => f.severity)).toEqual(['high']);
  });

  it("the shop's analytics sent with keepalive through its own address is telemetry: its collector failing is no failed request", async () => {
    const result = await fixtures.run(scenario('rejects-object.html?tag', '  - name: Add\n    tap: { role: button, name: Add to bag }\n'));
    expect(findingsOf(result, 'failed-request')).toEqual([]);
    expect(result.steps[1]!.environment).toEqual(expect.arrayContaining(['background: POST /api/fail HTTP 500']));
  });

  it("analytics vendors' calls through the shop's own address, and the browser's reports of its security policy, are telemetry: their failing is no failed request", async () => {
    const result = await fixtures.run(scenario('analytics-proxied.html?csp-report-only', '  - name: Add\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n'));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(findingsOf(result, 'failed-request')).toEqual([]);
    const background = result.steps.flatMap((s) => s.environment ?? []);
    for (const call of ['POST /com.snowplowanalytics.snowplow/tp2 HTTP 404', 'POST /amp/2/httpapi HTTP 404', 'POST /api/send HTTP 404', 'POST /seg/v1/t HTTP 404', 'POST /csp-report HTTP 404']) {
      expect(background.some((line) => line.endsWith(call)), call).toBe(true);
    }
  });

  it("a tap that fails on a consent manager whose vendor's host gave no answer is environment, not a dead tap; the shop's own dead button still is", async () => {
    const result = await fixtures.run(
      scenario('consent-offline.html', '  - name: Cookie settings\n    tap: { role: button, name: Cookie settings }\n  - name: Size guide\n    tap: { role: button, name: Size guide }\n'),
    );
    expect(result.steps[1]!.findings.map((f) => f.rule)).toEqual([]);
    expect(result.steps[1]!.environment).toEqual(expect.arrayContaining(["error after a third party's script got no answer: OneTrust is not defined"]));
    expect(result.steps[2]!.findings.map((f) => f.rule)).toEqual(['dead-tap']);
  });

  it("a missing name on a later tap, after a third party's script got no answer as the page loaded, is environment; on a new document it is the site's again", async () => {
    const find = (name: string) => `  - name: ${name}\n    tap: { role: button, name: Find stores }\n    expect: { text: 3 stores near you }\n`;
    const steps = [find('Find stores'), '  - name: Open it again without the map\n    goto: /rules/page-error-later.html?mapless\n', find('Find stores again')];
    const result = await fixtures.run(scenario('page-error-later.html', steps.join('')));
    expect(result.steps[0]!.environment?.join('\n')).toContain('pinpoint-cdn.example');
    // The stores come as a route of the same page: the library that failed as it loaded is still missing.
    expect(result.steps[1]!.findings.map((f) => f.rule)).not.toContain('page-error');
    expect(result.steps[1]!.environment).toEqual(expect.arrayContaining(["error after a third party's script got no answer: Pinpoint is not defined"]));
    // The page opened again never asked for the library: the same missing name there is the shop's own.
    expect(findingsOf(result, 'page-error').map((f) => f.message)).toEqual(['The page threw an uncaught error: Pinpoint is not defined']);
    expect(result.steps[3]!.findings.map((f) => f.rule)).toContain('page-error');
    // `cx-shop judge` on the saved artifacts sees the same.
    expect(judgeScenario(await savedArtifacts(result)).steps.map((s) => s.findings.filter((f) => f.rule === 'page-error').length)).toEqual([0, 0, 0, 1]);
  });

  it("the shop's own bug on a later tap of a page whose third-party script got no answer is still high", async () => {
    const result = await fixtures.run(scenario('page-error-later.html', '  - name: Save the store\n    tap: { role: button, name: Save this store }\n'));
    const [finding, ...rest] = findingsOf(result, 'page-error');
    expect(rest).toHaveLength(0);
    expect(finding?.severity).toBe('high');
    expect(finding?.message).toContain("Cannot read properties of undefined (reading 'track')");
    expect(result.steps[1]!.findings.map((f) => f.rule)).toContain('page-error');
  });

  it("the page's own code throwing on its own timer, however it throws (in the timer, in a poll's promise, after an await, a promise it rejects), is the background, in every step; the customer's own bug after their call's answer is still theirs", async () => {
    const steps = '  - name: Add it\n    tap: { role: button, name: Add to cart }\n  - name: Look a moment\n    wait: { ms: 1500 }\n';
    for (const mode of ['sync', 'poll', 'await', 'reject']) {
      const result = await fixtures.run(scenario(`page-error-background.html?mode=${mode}`, steps));
      expect([mode, result.steps.map((s) => s.findings.map((f) => f.rule).filter((rule) => rule === 'page-error'))]).toEqual([mode, [[], [], []]]);
      expect(result.steps.flatMap((s) => s.environment ?? [])).toEqual(expect.arrayContaining([expect.stringMatching(/^background error: /)]));
      // The customer's own: thrown while the page's poll keeps throwing beside it.
      const bug = await fixtures.run(scenario(`page-error-background.html?mode=${mode}&tapbug`, steps));
      expect([mode, findingsOf(bug, 'page-error').map((f) => [f.severity, f.message])]).toEqual([mode, [['high', "The page threw an uncaught error: Cannot read properties of undefined (reading 'lines')"]]]);
    }
  });

  it('a "Copy code" button that writes the code to the clipboard and a Share button work as on the customer\'s phone: no error, no dead tap', async () => {
    const result = await fixtures.run(scenario('copy-code.html', '  - name: Copy the code\n    tap: { role: button, name: Copy code }\n    expect: { text: Copied! }\n'));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(result.steps[1]!.findings.map((f) => f.rule)).toEqual([]);
    // A phone's Share button, whose code takes the phone's share sheet for granted: the sheet opens, the customer shares.
    const shared = await fixtures.run(scenario('copy-code.html?share', '  - name: Share it\n    tap: { role: button, name: Share this offer }\n    expect: { text: Thanks for sharing }\n'));
    expect(shared.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(shared.steps[1]!.findings.map((f) => f.rule)).toEqual([]);
    // The sheet opening is the tap's answer, though the page itself then says nothing.
    const quiet = await fixtures.run(scenario('copy-code.html?share=quiet', '  - name: Share it\n    tap: { role: button, name: Share this offer }\n'));
    expect(quiet.steps.map((s) => [s.status, s.findings.map((f) => f.rule)])).toEqual([['passed', []], ['passed', []]]);
  });

  it('finds nothing when the handler works', async () => {
    const result = await fixtures.run(scenario('page-error.html', '  - name: Show deals\n    tap: { role: button, name: Show deals }\n    expect: { text: Two deals today }\n'));
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'page-error')).toHaveLength(0);
  });
});

describe.concurrent('failed-request', () => {
  it('a fetch answered 500 is high, with the address and status', async () => {
    const result = await fixtures.run(scenario('failed-request.html', '  - name: Check stock\n    tap: Check stock\n'));
    const findings = findingsOf(result, 'failed-request');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('high');
    expect(findings[0]!.evidence.url).toBe(`${fixtures.url}/api/fail`);
    expect(findings[0]!.evidence.measured).toBe('HTTP 500');
  });

  it("a guest's \"who am I\" answered 401, as the page starts and on a tap, is no failure, though the tap asked it", async () => {
    const result = await fixtures.run(scenario('guest.html', '  - name: Add\n    tap: Add to basket\n    expect: { text: Added to your basket }\n'));
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'failed-request')).toEqual([]);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[1]!.requests.filter((r) => r.url.endsWith('/api/me')).map((r) => [r.status, r.cause])).toEqual([[401, 'action']]);
  });

  it('an image that 404s is left to broken-image, which reports it where the customer sees it', async () => {
    const result = await fixtures.run(scenario('failed-request.html', '  - name: Show photo\n    tap: Show photo\n'));
    expect(findingsOf(result, 'failed-request')).toHaveLength(0);
    expect(findingsOf(result, 'broken-image').map((f) => f.severity)).toEqual(['medium']);
  });

  it("a call to the shop's own API on another domain is a third party's, unless the scenario names its host as the site's", async () => {
    const add = '  - name: Add\n    tap: { role: button, name: Add to bag }\n';
    const unnamed = await fixtures.run(scenario('headless-api.html', add));
    expect(findingsOf(unnamed, 'failed-request')).toEqual([]);
    expect(unnamed.steps[1]!.environment?.join('\n')).toContain('POST /api/fail HTTP 500');
    const named = await fixtures.run(scenario('headless-api.html', add).replace('name: fixture\n', 'name: fixture\nsiteHosts: [localhost]\n'));
    expect(findingsOf(named, 'failed-request').map((f) => [f.severity, f.message])).toEqual([['high', 'POST /api/fail answered HTTP 500']]);
  });

  it('a fetch answered 200 is not a finding', async () => {
    const result = await fixtures.run(scenario('failed-request.html', '  - name: Check delivery\n    tap: Check delivery\n    expect: { text: Delivery tomorrow }\n'));
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'failed-request')).toHaveLength(0);
  });
});

describe.concurrent('messages in a language cx-shop does not read', () => {
  it('a red alert is an error by its colour; a green thank-you in a live region is none', async () => {
    const send = (email: string) => `  - name: Sign up\n    type: { label: E-mailadres, text: "${email}" }\n    tap: { role: button, name: Inschrijven }\n`;
    const wrong = await fixtures.run(scenario('nieuwsbrief.html', send('ada.example.com')));
    expect(findingsOf(wrong, 'error-message').map((f) => f.evidence.text)).toEqual(['Dit e-mailadres klopt niet. Controleer of er een @ en een punt in staan.']);
    const right = await fixtures.run(scenario('nieuwsbrief.html', send('ada@example.com')));
    expect(findingsOf(right, 'error-message')).toEqual([]);
  });
});

describe.concurrent('signs of work', () => {
  it('"Taking payment…" while the page works is no message to read; the answer after it is', async () => {
    const result = await fixtures.run(scenario('paying.html', '  - name: Pay\n    tap: { role: button, name: Pay now }\n    expect: { text: your order is placed }\n'));
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps[1]!.appeared.map((m) => m.text)).toEqual(['Thank you, your order is placed.']);
    // Six words read, at 238 a minute.
    expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo((6 * 60) / 238, 2);
  });

  it.each([
    ['de', 'Vielen Dank, Ihre Bestellung ist aufgegeben.'],
    ['fr', 'Merci, votre commande est passée.'],
    ['es', 'Gracias, tu pedido está hecho.'],
    ['nl', 'Bedankt, je bestelling is geplaatst.'],
  ])('in a shop that writes %s, its sign of work is no message to read either', async (lang, placed) => {
    const result = await fixtures.run(scenario(`paying.html?lang=${lang}`, `  - name: Pay\n    tap: { role: button, name: Pay now }\n    expect: { text: "${placed}" }\n`));
    expect((await savedArtifacts(result)).steps[1]!.appeared.map((m) => m.text)).toEqual([placed]);
  });
});

describe.concurrent('dead-tap', () => {
  it("a single-page app's tap that changes only the address (its route pushed, the screen as it was) is dead; the view drawn answers it", async () => {
    const steps = '  - name: Go to payments\n    tap: { role: link, name: Payments }\n';
    const broken = await fixtures.run(scenario('route-only.html', steps));
    expect(broken.steps[1]!.url).toMatch(/\?view=payments$/);
    expect(broken.steps[1]!.findings.map((f) => [f.rule, f.severity])).toContainEqual(['dead-tap', 'high']);
    const works = await fixtures.run(scenario('route-only.html?works', steps));
    expect(findingsOf(works, 'dead-tap')).toEqual([]);
  });

  it('a button that does nothing is a high dead tap, with the element and its box', async () => {
    const result = await fixtures.run(scenario('dead-tap.html', '  - name: Open the size guide\n    tap: { role: button, name: Size guide }\n'));
    const findings = findingsOf(result, 'dead-tap');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('high');
    expect(findings[0]!.evidence.element).toBe('button "Size guide"');
    expect(findings[0]!.evidence.box).toMatchObject({ width: 200, height: 48 });
  });

  it('a tap whose only answer goes into a part the page does not draw (an error in a folded section) is dead; shown, the error answers it', async () => {
    const tap = '  - name: Continue\n    tap: { role: button, name: Continue to payment }\n';
    const folded = await fixtures.run(scenario('hidden-answer.html', tap));
    expect(folded.steps[1]!.findings.map((f) => f.rule)).toEqual(['dead-tap']);
    const shown = await fixtures.run(scenario('hidden-answer.html?shown', tap));
    expect(shown.steps[1]!.findings.map((f) => f.rule)).toEqual(['error-message']);
  });

  it('a handler that freezes the page before it answers answered the tap, however long the freeze on this machine; one that answers nothing is dead', async () => {
    const tap = (name: string) => `  - name: ${name}\n    tap: { role: button, name: ${name} }\n`;
    const result = await fixtures.run(scenario('busy-handler.html', tap('Check stock in my store') + tap('Notify me')));
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'dead-tap').map((f) => f.evidence.element))).toEqual([[], [], ['button "Notify me"']]);
    // The freeze is the speed rules' to report.
    expect(findingsOf(result, 'long-task').length).toBeGreaterThan(0);
  });

  it('a button that says "Adding…" and comes back as it was is dead; "Saved ✓", "Added ✓" fading back and a filled heart are answers', async () => {
    const tap = (name: string) => `  - name: ${name}\n    tap: { role: button, name: ${name} }\n`;
    const result = await fixtures.run(scenario('busy-button.html', ['Add to bag', 'Save for later', 'Add to gift list', 'Love it'].map(tap).join('')));
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'dead-tap').map((f) => f.evidence.element))).toEqual([[], ['button "Add to bag"'], [], [], []]);
  });

  it("a form's reset button, or a script, unticking boxes answers the tap, though nothing else changes", async () => {
    const tick = '  - name: Navy\n    check: { label: Navy }\n';
    const tap = (name: string) => `  - name: ${name}\n    tap: { role: button, name: ${name} }\n`;
    const result = await fixtures.run(scenario('clear-filters.html', tick + tap('Clear all') + tick + tap('Untick colours')));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
  });

  it('with a dialog open over the page, words that are also behind it are tapped in the dialog, where the customer sees them', async () => {
    const tap = (name: string, how = 'role: button, name') => `  - name: ${name}\n    tap: { ${how}: ${name} }\n`;
    const result = await fixtures.run(scenario('filter-dialog.html', tap('Filter') + tap('Navy', 'text') + tap('Show results') + '    expect: { text: 2 navy tops }\n'));
    expect(result.steps.map((s) => [s.status, s.reason ?? null])).toEqual([['passed', null], ['passed', null], ['passed', null], ['passed', null]]);
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
  });

  it('a button that reveals content is alive', async () => {
    const result = await fixtures.run(scenario('dead-tap.html', '  - name: Show details\n    tap: { role: button, name: Show details }\n    expect: { text: machine washable }\n'));
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'dead-tap')).toHaveLength(0);
  });

  it('a "Print" button is alive: its answer is the browser\'s print dialog, which changes nothing on the page', async () => {
    const result = await fixtures.run(scenario('dead-tap.html', '  - name: Print\n    tap: { role: button, name: Print this page }\n'));
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'dead-tap')).toHaveLength(0);
  });

  it('a phone or email link is alive: its answer is the phone or mail app, outside the page', async () => {
    const result = await fixtures.run(
      scenario('dead-tap.html', '  - name: Call\n    tap: { role: link, name: Call us on 01632 960310 }\n  - name: Email\n    tap: { role: link, name: Email us }\n'),
    );
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'dead-tap')).toHaveLength(0);
  });

  it('an answer in a part of a single-page app the customer\'s own quick taps just drew again is still an answer', async () => {
    const result = await fixtures.run(
      scenario(
        'spa-answer.html',
        '  - name: Basket\n    tap: { role: link, name: Basket }\n  - name: Account\n    tap: { role: link, name: Account }\n' +
          '  - name: Sign in\n    type: { label: Email, text: ada@example.com }\n    tap: { role: button, name: Sign in }\n    expect: { text: could not find }\n',
      ),
    );
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'dead-tap')).toHaveLength(0);
  });

  it('a zoom by the Web Animations API and a video started by a tap are answers, with no markup changed', async () => {
    const result = await fixtures.run(
      scenario('media-zoom.html', '  - name: Zoom\n    tap: { role: button, name: Zoom image }\n  - name: Play\n    tap: { css: "video#look" }\n'),
    );
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
  });

  it('a switch that does not turn is dead, and its check step fails; one that turns is neither', async () => {
    const result = await fixtures.run(
      scenario('switches.html', '  - name: Emails\n    check: { role: switch, name: Emails about offers }\n  - name: Texts\n    check: { role: switch, name: Text messages }\n'),
    );
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'failed']);
    expect(result.steps[1]!.findings.map((f) => f.rule)).toEqual([]);
    expect(result.steps[2]!.findings.map((f) => [f.rule, f.severity])).toEqual([['dead-tap', 'high']]);
    expect(result.steps[2]!.reason).toBe('check: switch labelled "Text messages" is still off after the customer\'s tap');
  });

  it("what the tap's own handler changes is its answer, in a view the page also changes by itself (a skeleton just replaced)", async () => {
    const result = await fixtures.run(
      scenario('skeleton-offers.html', '  - name: Next\n    tap: { role: button, name: Next offer }\n    expect: { text: Knitwear edit }\n').replace(
        'goto: /rules/skeleton-offers.html\n',
        'goto: /rules/skeleton-offers.html\n    expect: { text: Next offer }\n',
      ),
    );
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
  });

  it("a line an announcement bar puts in on its animation's turn is no answer to a tap, nor words the customer read", async () => {
    const ask = '  - name: Ask\n    tap: { role: button, name: Email me when size 32 is back }\n';
    const broken = await fixtures.run(scenario('ticker.html', ask));
    expect(findingsOf(broken, 'dead-tap').map((f) => f.severity)).toEqual(['high']);
    expect((await savedArtifacts(broken)).steps[1]!.appeared).toEqual([]);
    const working = await fixtures.run(scenario('ticker.html?working', ask));
    expect(findingsOf(working, 'dead-tap')).toEqual([]);
    expect((await savedArtifacts(working)).steps[1]!.appeared.map((m) => m.text)).toEqual(["We'll email you when size 32 is back."]);
  });

  it("the last step's toast hiding on its own clock is no answer to the next tap", async () => {
    const result = await fixtures.run(
      scenario('toast-later.html', '  - name: Add\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n  - name: Save\n    tap: { role: button, name: Save to wishlist }\n'),
    );
    expect(result.steps[1]!.findings.map((f) => f.rule)).toEqual([]);
    expect(result.steps[2]!.findings.map((f) => [f.rule, f.severity])).toEqual([['dead-tap', 'high']]);
  });

  it('a view drawn anew on every tick of its clock: the tap, its answer and what it said are the same on every run', async () => {
    const add = '  - name: Add\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n';
    for (let run = 0; run < 3; run += 1) {
      const result = await fixtures.run(scenario('redrawn-view.html', add));
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
      expect(findingsOf(result, 'dead-tap')).toEqual([]);
      const step = (await savedArtifacts(result)).steps[1]!;
      // One tap, though the button under the finger was a new one by the time it came down, and the message it read.
      expect(step.interactions.map((i) => i.kind)).toEqual(['tap']);
      expect(step.appeared.map((m) => m.text)).toEqual(['Added to your bag']);
    }
  });

  it('a link or a button that opens a new tab is alive, and the customer goes on there', async () => {
    const result = await fixtures.run(
      scenario(
        'dead-tap.html',
        '  - name: Care guide\n    tap: { role: link, name: Care guide }\n    expect: { text: Shirts }\n  - name: Back\n    back: true\n  - name: Chat\n    tap: { role: button, name: Chat with us }\n    expect: { text: Shirts }\n',
      ),
    );
    expect(findingsOf(result, 'dead-tap')).toHaveLength(0);
    expect(result.steps.map((s) => [s.status, s.url.replace(/^.*\/rules\//, '')])).toEqual([
      ['passed', 'dead-tap.html'],
      ['passed', 'choices.html'],
      ['passed', 'dead-tap.html'],
      ['passed', 'choices.html'],
    ]);
  });
});

describe.concurrent('a dialog the page opens', () => {
  const open = (query: string, steps: string) => fixtures.run(`name: fixture\nsteps:\n  - name: Open\n    goto: /rules/dialog-message.html${query}\n${steps}`);
  const dialogs = async (result: { outDir: string }, step: number) =>
    (await savedArtifacts(result)).steps[step]!.appeared.filter((a) => a.kind === 'dialog').map((a) => a.text);

  it("is what the page told the customer: a modal explaining a failed payment, not 'the page said nothing'", async () => {
    const result = await open('', '  - name: Pay\n    tap: { role: button, name: Pay £45.00 }\n    faults:\n      - { match: /api/order, status: 502 }\n    expect: { text: "Your payment didn\'t go through" }\n');
    expect(result.steps[1]!.status).toBe('passed');
    expect(findingsOf(result, 'fault-unexplained')).toEqual([]);
    expect(await dialogs(result, 1)).toEqual([
      "Your payment didn't go through Nothing was charged. This is usually a brief problem on our side. Please try again, or choose another way to pay.",
    ]);
  });

  it('a refusal in a modal is an error message; a confirmation in one is read, and a dialog with a form to fill in is no message', async () => {
    const refused = await open('?declined', '  - name: Pay\n    tap: { role: button, name: Pay £45.00 }\n    expect: { text: Your card was declined }\n');
    expect(findingsOf(refused, 'error-message').map((f) => f.message)).toEqual([
      'The customer was shown: "Your card was declined Your bank declined this payment. Check your card details or use another card."',
    ]);
    const other = await open(
      '',
      '  - name: Add\n    tap: { role: button, name: Add another to bag }\n    expect: { text: Added to your bag }\n' +
        '  - name: Keep shopping\n    tap: { role: button, name: Continue shopping }\n  - name: Sign in\n    tap: { role: button, name: Sign in }\n',
    );
    expect(other.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(findingsOf(other, 'error-message')).toEqual([]);
    expect(await dialogs(other, 1)).toEqual(['Added to your bag Linen shirt, Sand / M, £45.00']);
    expect(await dialogs(other, 3)).toEqual([]);
  });
});

describe.concurrent('page-error, what is no error of the site', () => {
  it('a service worker the browser could not register (its script not found), left uncaught as the page loads or at its top, is nothing the customer meets, on every run', async () => {
    for (const page of ['service-worker.html', 'service-worker.html?top', 'service-worker.html']) {
      const result = await fixtures.run(scenario(page, '  - name: Add\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n'));
      expect(result.steps.map((s) => s.status), page).toEqual(['passed', 'passed']);
      expect(findingsOf(result, 'page-error'), page).toEqual([]);
    }
  });

  it("an abort of the page's own request or of a view transition left uncaught, and a name of an analytics tag that has not come yet, are no page error", async () => {
    const result = await fixtures.run(
      scenario(
        'page-error-benign.html',
        '  - name: Search\n    type: { label: Search the shop, text: linen }\n    wait: { text: linen trousers }\n  - name: Add\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n',
      ),
    );
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(findingsOf(result, 'page-error')).toEqual([]);
    const environment = result.steps.flatMap((s) => s.environment ?? []);
    expect(environment).toEqual(expect.arrayContaining([expect.stringMatching(/gtag is not defined/)]));
  });
});

describe.concurrent('back-ignored', () => {
  const shirt = (query: string) =>
    `name: fixture\nsteps:\n  - name: Open\n    goto: /rules/back-ignored.html${query}\n  - name: Shirt\n    tap: { role: link, name: Blue shirt }\n    expect: { text: Add to bag }\n  - name: Back\n    back: true\n`;

  it("a single-page app that ignores the back button: the address goes back, the page stays, medium", async () => {
    const result = await fixtures.run(shirt('?ignores'));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'back-ignored').map((f) => f.severity))).toEqual([[], [], ['medium']]);
    const findings = findingsOf(result, 'back-ignored');
    expect(findings[0]!.message).toMatch(/^Going back changed the address to http:\/\/127\.0\.0\.1:\d+\/rules\/back-ignored\.html\?ignores but the page still shows what it showed at .*\?ignores&shirt=blue$/);
  });

  it("a shirt read down before going back: the browser puts back the list's scroll position, but the page stays the shirt's: medium", async () => {
    const result = await fixtures.run(
      'name: fixture\nsteps:\n  - name: Open\n    goto: /rules/back-ignored.html?ignores&long\n  - name: Shirt\n    tap: { role: link, name: Blue shirt }\n  - name: Read down\n    scroll: bottom\n  - name: Back\n    back: true\n',
    );
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'back-ignored').map((f) => f.severity))).toEqual([[], [], [], ['medium']]);
  });

  it("the browser's back pressed right after a tap in the same step is the customer's going back, as in a step of its own", async () => {
    const result = await fixtures.run(
      'name: fixture\nsteps:\n  - name: Open\n    goto: /rules/back-ignored.html\n  - name: Shirt\n    tap: { role: link, name: Blue shirt }\n  - name: Save it and go back\n    tap: { role: button, name: Save for later }\n    back: true\n    expect: { text: All shirts }\n',
    );
    expect(result.status).toBe('passed');
    // Priced as the tap and the back press in steps of their own are.
    const apart = await fixtures.run(
      'name: fixture\nsteps:\n  - name: Open\n    goto: /rules/back-ignored.html\n  - name: Shirt\n    tap: { role: link, name: Blue shirt }\n  - name: Save it\n    tap: { role: button, name: Save for later }\n  - name: Go back\n    back: true\n    expect: { text: All shirts }\n',
    );
    expect(apart.status).toBe('passed');
    expect(apart.steps[3]!.effort).toBeGreaterThan(0);
    expect(result.steps[2]!.effort).toBeCloseTo(apart.steps[2]!.effort + apart.steps[3]!.effort, 2);
  });

  it('an app that draws its list again, and going back from a link within the page, are no finding', async () => {
    const handled = await fixtures.run(`${shirt('')}    expect: { text: All shirts }\n`);
    expect(handled.status).toBe('passed');
    const anchor = await fixtures.run(
      'name: fixture\nsteps:\n  - name: Open\n    goto: /rules/back-ignored.html?ignores\n  - name: Reviews\n    tap: { role: link, name: Reviews (12) }\n  - name: Back\n    back: true\n',
    );
    expect(anchor.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect([...findingsOf(handled, 'back-ignored'), ...findingsOf(anchor, 'back-ignored')]).toEqual([]);
  });
});

describe.concurrent('a tap that cannot land', () => {
  it('says what lies over the element (a cookie dialog), and goes on once the customer has closed it', async () => {
    const covered = await fixtures.run(`name: fixture\ntimeout: 2000\nsteps:\n  - name: Open\n    goto: /rules/overlay.html\n  - name: Add\n    tap: { role: button, name: Add to cart }\n`);
    expect(covered.steps[1]!.status).toBe('blocked');
    expect(covered.steps[1]!.reason).toBe('tap: button "Add to cart" is under dialog "Cookies" (#consent): the customer cannot tap it until that is out of the way');
    const accepted = await fixtures.run(
      scenario('overlay.html', '  - name: Cookies\n    tap: { role: button, name: Accept all }\n  - name: Add\n    tap: { role: button, name: Add to cart }\n    expect: { text: Added to your cart }\n'),
    );
    expect(accepted.status).toBe('passed');
  });

  it('a pop-up on a backdrop is named as its dialog, by its title, not as the backdrop with all its words', async () => {
    const covered = await fixtures.run(scenario('newsletter-backdrop.html', '  - name: Add it\n    timeout: 1500\n    tap: { role: button, name: Add to bag }\n'));
    expect(covered.steps[1]!.reason).toBe('tap: button "Add to bag" is under dialog "Get 10% off your first order": the customer cannot tap it until that is out of the way');
  });

  it('says the control is disabled, and goes on once the customer has given what enables it', async () => {
    const disabled = await fixtures.run(`name: fixture\ntimeout: 2000\nsteps:\n  - name: Open\n    goto: /rules/disabled-button.html\n  - name: Go on\n    tap: Continue\n`);
    expect(disabled.steps[1]!.status).toBe('blocked');
    expect(disabled.steps[1]!.reason).toBe('tap: button "Continue" is disabled: the customer\'s tap does nothing until the page enables it');
    const enabled = await fixtures.run(
      scenario('disabled-button.html', '  - name: Postcode\n    type: { label: Postcode, text: SW1A 1AA }\n  - name: Go on\n    tap: Continue\n    expect: { text: Delivery on Friday }\n'),
    );
    expect(enabled.status).toBe('passed');
  });

  it('taps a control the page only says is disabled (aria-disabled), as the customer does, and hears what the page answers', async () => {
    const steps = '  - name: Place it\n    tap: Place order\n    expect: { text: Choose a delivery date }\n  - name: Date\n    type: { label: Delivery date, text: 12 December }\n  - name: Place it now\n    tap: Place order\n    expect: { text: your order is placed }\n';
    for (const device of ['Pixel 7', 'Desktop Chrome']) {
      const answered = await fixtures.run(`device: ${device}\n${scenario('aria-disabled-button.html', steps)}`);
      expect(answered.steps.map((s) => s.status), device).toEqual(['passed', 'passed', 'passed', 'passed']);
      expect(answered.steps[1]!.findings.map((f) => f.rule), device).not.toContain('dead-tap');
    }
    // One that answers nothing is a tap that did nothing the customer could see.
    const silent = await fixtures.run(`name: fixture\nsteps:\n  - name: Open\n    goto: /rules/aria-disabled-button.html?silent\n  - name: Place it\n    tap: Place order\n`);
    expect(silent.steps[1]!.status).toBe('passed');
    expect(silent.steps[1]!.findings.map((f) => f.rule)).toContain('dead-tap');
  });

  it('says so when the control is disabled by the fieldset around it', async () => {
    const disabled = await fixtures.run(`name: fixture\ntimeout: 2000\nsteps:\n  - name: Open\n    goto: /rules/disabled-fieldset.html\n  - name: Pay\n    tap: Pay now\n`);
    expect(disabled.steps[1]!.status).toBe('blocked');
    expect(disabled.steps[1]!.reason).toBe('tap: button "Pay now" is disabled: the customer\'s tap does nothing until the page enables it');
  });
});

describe.concurrent('value-not-kept', () => {
  const redrawn = (keep: 0 | 1, then: string) =>
    `name: fixture\ntimeout: 3000\nsteps:\n  - name: Open\n    goto: /rules/form-redrawn.html?keep=${keep}\n  - name: Email\n    type: { label: Email, text: ada@example.com }\n${then}`;

  it('an email the page forgets when it draws the form again for another country is high, on that step', async () => {
    const result = await fixtures.run(redrawn(0, '  - name: Country\n    select: { label: Country, option: United States }\n    expect: { text: ZIP code }\n'));
    const byStep = result.steps.map((step) => [step.name, step.findings.filter((f) => f.rule === 'value-not-kept').map((f) => [f.severity, f.evidence.element])]);
    expect(byStep).toEqual([['Open', []], ['Email', []], ['Country', [['high', 'textbox labelled "Email"']]]]);
  });

  it('a form drawn again with what was typed, or emptied by the customer\'s own Save, is not a finding', async () => {
    const kept = await fixtures.run(redrawn(1, '  - name: Country\n    select: { label: Country, option: United States }\n    expect: { text: ZIP code }\n'));
    expect(findingsOf(kept, 'value-not-kept')).toHaveLength(0);
    const saved = await fixtures.run(redrawn(1, '  - name: Save\n    tap: { role: button, name: Save }\n    expect: { text: Saved }\n'));
    expect(findingsOf(saved, 'value-not-kept')).toHaveLength(0);
    // Typed and sent in one step; and a box with no form that a button sends and empties, saying so.
    const oneStep = await fixtures.run(
      redrawn(1, '    tap: { role: button, name: Save }\n    expect: { text: Saved }\n  - name: Note\n    type: { label: A note for the courier, text: Leave it by the back door }\n    tap: { role: button, name: Send note }\n    expect: { text: on its way }\n'),
    );
    expect(oneStep.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(findingsOf(oneStep, 'value-not-kept')).toHaveLength(0);
  });

  it('a quantity a basket puts back when Update draws it again with new fields is high; one drawn again with what was typed is not', async () => {
    const basket = (keep: 0 | 1, then: string) =>
      `name: fixture\ntimeout: 3000\nsteps:\n  - name: Open\n    goto: /rules/basket-redrawn.html?keep=${keep}\n` +
      `  - name: Two pairs of boots\n    type: { label: Quantity of Walking boots, text: "2" }\n    tap: { role: button, name: Update Walking boots }\n${then}`;
    const lost = await fixtures.run(basket(0, '    expect: { text: Total }\n'));
    expect(lost.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(lost.steps[1]!.findings.filter((f) => f.rule === 'value-not-kept').map((f) => [f.severity, f.evidence.element, f.evidence.measured])).toEqual([
      ['high', 'textbox labelled "Quantity of Walking boots"', 'value now "1"'],
    ]);
    // Typed in one step and taken away in the next, when the customer taps Update.
    const later = await fixtures.run(
      `name: fixture\ntimeout: 3000\nsteps:\n  - name: Open\n    goto: /rules/basket-redrawn.html?keep=0\n` +
        `  - name: Two pairs of boots\n    type: { label: Quantity of Walking boots, text: "2" }\n  - name: Update\n    tap: { role: button, name: Update Walking boots }\n    expect: { text: Total }\n`,
    );
    expect(later.steps.map((s) => [s.name, s.findings.filter((f) => f.rule === 'value-not-kept').map((f) => f.evidence.element)])).toEqual([
      ['Open', []],
      ['Two pairs of boots', []],
      ['Update', ['textbox labelled "Quantity of Walking boots"']],
    ]);
    const kept = await fixtures.run(basket(1, '    expect: { text: Total £190.00 }\n'));
    expect(kept.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(findingsOf(kept, 'value-not-kept')).toEqual([]);
  });

  it('a phone number written again with its country code is kept; one cut short is not', async () => {
    const result = await fixtures.run(
      scenario(
        'value-not-kept.html',
        '  - name: Mobile\n    type: { label: Mobile number, text: "07700 900123" }\n    tap: { label: Full name }\n' +
          '    expect: { value: { label: Mobile number, equals: "07700 900123" } }\n' +
          '  - name: Office\n    type: { label: Office number, text: "01632 960310" }\n    tap: { label: Full name }\n',
      ),
    );
    const artifacts = await savedArtifacts(result);
    // The step's own expectation holds too: the same number.
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(artifacts.steps.slice(1).flatMap((s) => s.typed.map((t) => t.valueAtEnd))).toEqual(['+44 7700 900123', '016329']);
    expect(findingsOf(result, 'value-not-kept').map((f) => f.evidence.element)).toEqual(['textbox labelled "Office number"']);
  });

  it('a date and a time the browser keeps in its own form ("12/24/2026" is 2026-12-24) are kept', async () => {
    const result = await fixtures.run(
      `name: fixture\ndevice: Desktop Chrome\nsteps:\n  - name: Open\n    goto: /rules/date-time.html\n  - name: Date\n    type: { label: Delivery date, text: "12/24/2026" }\n` +
        `  - name: Time\n    type: { label: Time, text: "0930PM" }\n  - name: Quantity\n    type: { label: Quantity, text: "2" }\n`,
    );
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps.slice(1).flatMap((s) => s.typed.map((t) => t.valueAtEnd))).toEqual(['2026-12-24', '21:30', '2']);
    expect(findingsOf(result, 'value-not-kept')).toHaveLength(0);
  });

  it('a date and a time written in their value form (2026-12-10, 14:30) are typed into the segments, on a phone too', async () => {
    const result = await fixtures.run(
      `name: fixture\ndevice: Pixel 7\nsteps:\n  - name: Open\n    goto: /rules/date-time.html\n` +
        `  - name: Date\n    type: { label: Delivery date, text: "2026-12-10" }\n  - name: Time\n    type: { label: Time, text: "14:30" }\n` +
        `  - name: Week\n    type: { label: Delivery week, text: "2026-W50" }\n  - name: Month\n    type: { label: Subscription start month, text: "2027-03" }\n` +
        `  - name: Collection\n    type: { label: Collection, text: "2026-12-11T09:05" }\n`,
    );
    const artifacts = await savedArtifacts(result);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed']);
    expect(artifacts.steps.slice(1).flatMap((s) => s.typed.map((t) => t.valueAtEnd))).toEqual(['2026-12-10', '14:30', '2026-W50', '2027-03', '2026-12-11T09:05']);
    // The keys typed are the customer's effort: eight digits for the date, four and AM or PM for the time.
    const typing = artifacts.steps.slice(1, 3).map((s) => s.interactions.find((i) => i.kind === 'type'));
    expect(typing.map((t) => (t?.kind === 'type' ? t.chars : null))).toEqual([8, 5]);
    expect(findingsOf(result, 'value-not-kept')).toHaveLength(0);
  });

  it('a phone number cleared on blur is high, naming the field', async () => {
    const result = await fixtures.run(
      scenario('value-not-kept.html', '  - name: Give my phone number\n    type: { label: Phone, text: "07700 900123" }\n    tap: Next\n'),
    );
    const findings = findingsOf(result, 'value-not-kept');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('high');
    expect(findings[0]!.evidence.element).toBe('textbox labelled "Phone"');
    expect(findings[0]!.evidence.measured).toBe('value now ""');
  });

  it('a value lost in a later step (blanked as the customer moves to the next field) is found there, once', async () => {
    const result = await fixtures.run(
      scenario(
        'value-not-kept.html',
        '  - name: Give my phone number\n    type: { label: Phone, text: "07700 900123" }\n  - name: Give my name\n    type: { label: Full name, text: Ada Lovelace }\n  - name: Go on\n    tap: Next\n',
      ),
    );
    const [phone, name, next] = result.steps.slice(1);
    expect(phone!.findings.map((f) => f.rule)).not.toContain('value-not-kept');
    expect(name!.findings.filter((f) => f.rule === 'value-not-kept').map((f) => f.evidence.element)).toEqual(['textbox labelled "Phone"']);
    // Typing the 12 characters again is the customer's recovery.
    expect(name!.recovery.find((r) => r.rule === 'value-not-kept')!.what).toContain('12 characters');
    expect(next!.findings.map((f) => f.rule)).not.toContain('value-not-kept');
  });

  it('a code typed into six boxes that move on by themselves is one typing, kept; an expiry shown as "08 / 29" is kept', async () => {
    const result = await fixtures.run(
      scenario(
        'code-boxes.html',
        '  - name: Enter the code\n    type: { label: Text code digit 1, text: "482913" }\n  - name: Expiry\n    type: { label: Expiry date (MM / YY), text: "0829" }\n    tap: Confirm\n',
      ),
    );
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'value-not-kept')).toEqual([]);
    const artifacts = await savedArtifacts(result);
    const typing = artifacts.steps[1]!.interactions.flatMap((i) => (i.kind === 'type' ? [[i.target.description, i.chars]] : []));
    expect(typing).toEqual([['textbox labelled "Text code digit 1"', 6]]);
  });

  it('a field the page draws again on every keystroke, with what was typed, the focus and the caret, is one field kept', async () => {
    const steps = `  - name: Code\n    type: { label: Promo code, text: SPRING24 }\n    tap: Apply\n`;
    const kept = await fixtures.run(scenario('field-recreated.html', steps));
    expect(kept.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(findingsOf(kept, 'value-not-kept')).toEqual([]);
    const typed = (await savedArtifacts(kept)).steps[1]!.typed;
    expect(typed.map((t) => [t.label, t.chars, t.keptAfterTyping])).toEqual([['Promo code', 8, true]]);
    // Drawn again with the first four letters only: the customer sees the box drop the rest, and that is still found.
    const lost = await fixtures.run(scenario('field-recreated.html?lose=1', steps));
    expect(findingsOf(lost, 'value-not-kept').map((f) => f.evidence.element)).toEqual(['textbox labelled "Promo code"']);
  });

  it('a six-digit code in four boxes loses two digits: one finding, on the box the customer began in', async () => {
    const result = await fixtures.run(scenario('code-boxes.html', '  - name: Enter the code\n    type: { label: Letter code digit 1, text: "482913" }\n'));
    expect(findingsOf(result, 'value-not-kept').map((f) => f.evidence.element)).toEqual(['textbox labelled "Letter code digit 1"']);
  });

  it('a kept name and a card number the site spaces out are not findings', async () => {
    const result = await fixtures.run(
      scenario(
        'value-not-kept.html',
        '  - name: Give my details\n    type: { label: Full name, text: Ada Lovelace }\n    fill: { label: Card number, text: "4242424242424242" }\n    tap: Next\n',
      ),
    );
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'value-not-kept')).toHaveLength(0);
  });
});

describe.concurrent('error-message', () => {
  it('an alert after submit is medium, quotes the message and adds its reading time', async () => {
    const result = await fixtures.run(
      scenario('error-message.html', '  - name: Subscribe\n    type: { label: Email, text: ada }\n    tap: { role: button, name: Subscribe }\n'),
    );
    const findings = findingsOf(result, 'error-message');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('medium');
    expect(findings[0]!.evidence.text).toBe('Error: invalid input.');
    expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo(3 * (60 / 238), 2);
  });

  it("words a field's style draws from its attribute (content: attr(data-message)) are a message: a refused code is an error, not a failed request", async () => {
    const apply = (code: string) => `  - name: Apply the code\n    type: { label: Discount code, text: ${code} }\n    tap: { role: button, name: Apply }\n`;
    const refused = await fixtures.run(scenario('promo-drawn-message.html', apply('USED10')));
    expect(refused.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(refused.steps[1]!.findings.filter((f) => f.rule === 'error-message').map((f) => [f.severity, f.evidence.text])).toEqual([['medium', 'USED10 has already been used']]);
    // The shop answered the customer: its 422 is a reason shown, not a request that failed.
    expect(findingsOf(refused, 'failed-request')).toEqual([]);
    expect(refused.steps[1]!.effortBreakdown.reading).toBeCloseTo(5 * (60 / 238), 2);
    const applied = await fixtures.run(scenario('promo-drawn-message.html', apply('SAVE10')));
    expect(applied.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(findingsOf(applied, 'error-message')).toEqual([]);
    expect((await savedArtifacts(applied)).steps[1]!.appeared.map((m) => m.text)).toEqual(['SAVE10 applied: 10% off your order']);
  });

  it('a confirmation is not an error', async () => {
    const result = await fixtures.run(
      scenario('error-message.html', '  - name: Subscribe\n    type: { label: Email, text: ada@example.com }\n    tap: { role: button, name: Subscribe }\n    expect: { text: you are subscribed }\n'),
    );
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'error-message')).toHaveLength(0);
  });
});
