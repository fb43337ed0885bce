/**
 * What the recorder sees, in real Chromium: choices in lists judged like taps, a frozen main thread counted as the
 * customer's wait, fields named by what the page calls them (never by what was typed), and no judging of a tab the
 * customer never saw as the site.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { screenOver } from '../../src/driver/script-context.js';
import { readingTime } from '../../src/effort/model.js';
import { findingsOf, pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

// Many tests here wait on purpose (a page that stays frozen, reloads itself or keeps opening dialogs, up to cx-shop's
// cap): a few run at once, each in its own browser context (see tests/vitest.config.ts).

describe.concurrent('choices in lists', () => {
  it('a sort list that changes nothing is dead like a tap; a working filter, a size in a form and a tick box are not', async () => {
    const result = await fixtures.run(
      pageScenario('rules', 'choices.html', {
        steps: [
          '  - name: Sort by price',
          '    select: { label: Sort by, option: "Price: low to high" }',
          '  - name: Only blue',
          '    select: { label: Colour, option: Blue }',
          '  - name: My size',
          '    select: { label: Size, option: M }',
          '  - name: Sale only',
          '    check: Only items on sale',
          '',
        ].join('\n'),
      }),
    );
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    const dead = findingsOf(result, 'dead-tap');
    expect(dead.map((f) => f.message)).toEqual(['Choosing in combobox labelled "Sort by" changed nothing the customer could see']);
    expect(result.steps[1]!.recovery.map((item) => item.rule)).toEqual(['dead-tap']);
  });
});

describe.concurrent('what the customer reads on a page its own router draws', () => {
  const efforts = (result: Awaited<ReturnType<typeof fixtures.run>>) => result.steps.map((s) => [s.name, s.status, s.effort]);
  const shop = (delay: number, steps: string) => pageScenario('spa', `shirts.html?d=${delay}`, { steps });

  it("does not depend on how fast the site answers: a bag drawer drawn with placeholders is read as it fills in", async () => {
    const steps = '  - name: Open the bag\n    tap: { role: button, name: "Bag, 1 item" }\n    expect: { text: Subtotal }\n';
    const fast = await fixtures.run(shop(20, steps));
    const slow = await fixtures.run(shop(600, steps));
    expect(efforts(slow)).toEqual(efforts(fast));
    // The drawer's items and subtotal are read, not only its heading.
    expect(fast.steps[1]!.effortBreakdown.reading).toBeCloseTo(readingTime('Your bag Linen shirt – Blue, Size M · Qty 1 £45.00 Subtotal £45.00'), 2);
  });

  it('nor does going back to a listing whose count fills in a polite live region', async () => {
    const steps = [
      '  - name: Open the shirt',
      '    tap: { role: link, name: Linen shirt – Blue }',
      '    expect: { text: Washed linen }',
      '  - name: Save it',
      '    tap: { role: button, name: Save Linen shirt }',
      '    expect: { text: Saved to your list }',
      '  - name: Back to the shirts',
      '    back: true',
      '    expect: { text: 5 products }',
      '',
    ].join('\n');
    const fast = await fixtures.run(shop(20, steps));
    const slow = await fixtures.run(shop(600, steps));
    expect(fast.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(efforts(slow)).toEqual(efforts(fast));
    // The count is the listing's content, drawn by the view it went back to: no message the customer reads.
    expect([fast, slow].map((run) => run.steps[3]!.effortBreakdown.reading)).toEqual([0, 0]);
  });
});

describe.concurrent('text typed in a script no key of the keyboard makes', () => {
  it('is a keystroke a character, as Latin letters are, and its loss is a loss', async () => {
    const result = await fixtures.run(
      pageScenario('forms', 'names-in-scripts.html', {
        steps: [
          '  - name: Family name',
          '    type: { label: 姓, text: 山田 }',
          '  - name: Given name',
          '    type: { label: 名, text: 太郎 }',
          '  - name: Name in Latin letters',
          '    type: { label: Name in Latin letters, text: José Yamada }',
          '',
        ].join('\n'),
      }),
    );
    expect(result.steps.map((s) => s.effortBreakdown.keystrokes)).toEqual([0, 2 * 0.28, 2 * 0.28, 11 * 0.28].map((k) => expect.closeTo(k, 3)));
    // The given name's field kept only ASCII when the customer left it: what they typed is gone.
    expect(findingsOf(result, 'value-not-kept').map((f) => f.evidence.element)).toEqual(['textbox labelled "名"']);
  });
});

describe.concurrent("a closed list's chosen option", () => {
  it('is text the customer sees: an expectation of it is met, and one of an option not chosen is not', async () => {
    const chosen = await fixtures.run(pageScenario('rules', 'choices.html', { steps: '  - name: My size\n    select: { label: Size, option: M }\n    expect: { text: Featured }\n' }));
    expect(chosen.steps.map((s) => [s.status, s.reason ?? null])).toEqual([['passed', null], ['passed', null]]);
    const other = await fixtures.run(pageScenario('rules', 'choices.html', { head: 'timeout: 1000\n', steps: '  - name: My size\n    select: { label: Size, option: M }\n    expect: { text: "Price: low" }\n' }));
    expect(other.steps[1]!.reason).toBe('expected to see "Price: low"');
  });
});

describe.concurrent('a drop-down the page draws itself', () => {
  it('is tapped open and its option tapped, as the customer does, its sold-out choice no error; an option it does not offer is named with those it does', async () => {
    const chosen = await fixtures.run(pageScenario('rules', 'custom-select.html', { steps: '  - name: My size\n    select: { label: Size, option: M }\n    expect: { text: Size M chosen }\n' }));
    expect(chosen.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const taps = (await savedArtifacts(chosen)).steps[1]!.interactions.filter((i) => i.kind === 'tap').map((i) => i.target.description);
    expect(taps).toEqual(['combobox labelled "Size"', 'option "M"']);
    expect(findingsOf(chosen, 'dead-tap')).toHaveLength(0);
    // The list the customer opened offers a size that is sold out: that is a choice they read, not an error.
    expect(findingsOf(chosen, 'error-message')).toHaveLength(0);
    // Drawn as a button (Headless UI's Listbox), it is named by its label too.
    const country = await fixtures.run(pageScenario('rules', 'listbox-button.html', { steps: '  - name: France\n    select: { label: Country, option: France }\n    expect: { text: Delivering to France }\n' }));
    expect(country.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const missing = await fixtures.run(pageScenario('rules', 'custom-select.html', { head: 'timeout: 2000\n', steps: '  - name: My size\n    select: { label: Size, option: XL }\n' }));
    expect(missing.steps[1]!.reason).toBe('select: combobox labelled "Size" opened no option "XL" (it offers: S, M, L, XXL – sold out)');
  });
});

describe.concurrent('a message shown for under a second', () => {
  it('meets the step\'s expectation: the customer saw it, though it has gone when the step ends', async () => {
    const result = await fixtures.run(pageScenario('rules', 'toast-brief.html', { steps: '  - name: Copy it\n    tap: { role: button, name: Copy code }\n    expect: { text: Code copied }\n' }));
    expect(result.steps.map((s) => [s.status, s.reason ?? null])).toEqual([['passed', null], ['passed', null]]);
    const missing = await fixtures.run(pageScenario('rules', 'toast-brief.html', { steps: '  - name: Copy it\n    tap: { role: button, name: Copy code }\n    expect: { text: Code saved }\n' }));
    expect(missing.steps[1]!.reason).toBe('expected to see "Code saved"');
  });
});

describe.concurrent('a control something lies over for a moment', () => {
  it("is known by what lies over it in its own tree: a component's button in its shadow root is not under its host", async () => {
    const page = await fixtures.browser.newPage();
    try {
      await page.goto(`${fixtures.url}/forms/component.html`);
      const button = page.getByRole('button', { name: 'Check balance' });
      expect((await button.evaluate(screenOver))?.covered).toBe(false);
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div style="position:fixed;inset:0;background:#fff"></div>'));
      expect((await button.evaluate(screenOver))?.covered).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("is tapped once it has gone: that wait is the page's toast, not the site answering the tap", async () => {
    const steps = '  - name: Add it\n    tap: { role: button, name: Add to bag }\n  - name: Check out\n    tap: { role: button, name: Check out }\n    expect: { text: "Your bag: 1 item" }\n';
    const result = await fixtures.run(pageScenario('rules', 'toast-over-button.html', { steps }));
    expect(result.steps.map((s) => [s.status, s.reason ?? null])).toEqual([['passed', null], ['passed', null], ['passed', null]]);
    expect(findingsOf(result, 'slow-response')).toHaveLength(0);
    expect(result.steps[2]!.wait).toBeLessThan(1);
  });
});

describe.concurrent("the browser's own dialog", () => {
  it('is read and answered with a tap on its OK button, as the customer does', async () => {
    const result = await fixtures.run(pageScenario('rules', 'confirm-remove.html', { steps: '  - name: Remove it\n    tap: { role: button, name: Remove }\n    expect: { text: Your bag is empty }\n' }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const taps = (await savedArtifacts(result)).steps[1]!.interactions.flatMap((i) => (i.kind === 'tap' ? [i.target.description] : []));
    expect(taps).toEqual(['button "Remove"', "the browser dialog's OK button"]);
    // Its question, and then the page's answer.
    expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo(readingTime('Remove the linen shirt from your bag?') + readingTime('Your bag is empty'), 2);
  });
});

describe.concurrent('a page that keeps opening dialogs', () => {
  const remove = (query: string) => fixtures.run(pageScenario('rules', `alert-loop.html?${query}`, { steps: '  - name: Remove it\n    timeout: 3000\n    tap: { role: button, name: Remove }\n    expect: { text: Your bag is empty }\n' }));
  const dialogTaps = async (result: Awaited<ReturnType<typeof remove>>) =>
    (await savedArtifacts(result)).steps[1]!.interactions.filter((i) => i.kind === 'tap' && i.target.text === 'OK').length;

  it('one opened again as each closes is read three times at most, the same every run, and the reason says so', async () => {
    const runs = [await remove('loop'), await remove('loop')];
    for (const result of runs) {
      expect(result.steps[1]!.status).toBe('error');
      expect(result.steps[1]!.reason).toContain('the page kept opening browser dialogs');
      expect(await dialogTaps(result)).toBe(3);
    }
    expect(runs[0]!.steps[1]!.effort).toBe(runs[1]!.steps[1]!.effort);
  });

  it('clean twin: two warnings in a row are both read and answered, and the step passes', async () => {
    const result = await remove('times=2');
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(await dialogTaps(result)).toBe(2);
  });
});

describe.concurrent('a page that reloads itself', () => {
  it("costs the customer nothing: the reload is the page's, not theirs", async () => {
    const result = await fixtures.run(pageScenario('rules', 'reloads-itself.html', { steps: '  - name: Watch the status\n    wait: { ms: 1500 }\n    expect: { text: updated 1 times }\n' }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const navigations = (await savedArtifacts(result)).steps.flatMap((s) => s.interactions.filter((i) => i.kind === 'navigate').map((i) => i.kind === 'navigate' && i.via));
    expect(navigations).not.toContain('reload');
    expect(result.steps[1]!.effort).toBe(0);
  });

  it('is no page that stopped answering when it reloads while cx-shop looks at it (eight times, 120 ms after each load; three runs alike)', async () => {
    const steps = '  - name: Watch the status\n    wait: { ms: 3000 }\n    expect: { text: updated 8 times }\n';
    for (let run = 0; run < 3; run += 1) {
      const result = await fixtures.run(pageScenario('rules', 'reloads-itself.html?times=8&after=120', { steps }));
      expect(result.steps.map((s) => [s.status, s.reason ?? null]), `run ${run + 1}`).toEqual([
        ['passed', null],
        ['passed', null],
      ]);
      expect(result.steps.map((s) => s.effort)).toEqual([0, 0]);
    }
  });
});

describe.concurrent('a page that never stops reloading itself', () => {
  it("is checked by axe-core on a document that stays, or said in plain words to have left each time, never in the browser's protocol words", async () => {
    const result = await fixtures.run(pageScenario('rules', 'reloads-itself.html?times=1000&after=250', { steps: '  - name: Watch the status\n    wait: { ms: 1000 }\n' }));
    const said = result.steps.flatMap((s) => s.findings.map((f) => f.message + ' ' + JSON.stringify(f.evidence)));
    expect(said.filter((line) => /protocol|cdpSession|Runtime\.evaluate|inspected target|execution context/i.test(line))).toEqual([]);
    // The page as opened was checked, or the look says in plain words why it could not be (a later step whose page
    // state is the same is not checked again).
    const opened = (await savedArtifacts(result)).steps[0]!;
    expect(opened.accessibility !== null || /went on to a new document/.test(opened.accessibilityFailure ?? ''), opened.accessibilityFailure ?? 'no check and no reason').toBe(true);
  });

  it('is said in plain words to have left each time when it is too long to read before it goes (six thousand lines, gone 150 ms after each load), never called a page that stopped answering', async () => {
    const result = await fixtures.run(pageScenario('rules', 'reloads-itself.html?times=1000&after=150&rows=6000', { steps: '  - name: Watch the status\n    wait: { ms: 1000 }\n' }));
    const saved = (await savedArtifacts(result)).steps;
    // Read each time it stayed long enough, said to have left each time it did not; or, on a machine so loaded that
    // no document stays while cx-shop asks, a page that keeps going elsewhere by itself (the customer could not use
    // it either). Never frozen, never cx-shop's own error.
    // The page loading itself again and again is blocked (the step after it is not run).
    const keptGoing = /the page kept (going elsewhere by itself|loading itself again and again by itself)/;
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.map((s) => s.frozen ?? false)).toEqual(saved.map(() => false));
    for (const [index, step] of result.steps.entries()) {
      if (step.status !== 'passed' && step.status !== 'skipped') expect([step.status, step.reason], `step ${index + 1}`).toEqual(['blocked', expect.stringMatching(keptGoing)]);
    }
    // The page as opened was checked, or why not is said (a later step whose page state is the same is not checked again).
    const opened = saved[0]!;
    expect(result.steps[0]!.status === 'blocked' || opened.accessibility !== null || /went on to a new document/.test(opened.accessibilityFailure ?? ''), opened.accessibilityFailure ?? 'no check and no reason').toBe(true);
  });
});

describe.concurrent('waiting', () => {
  it('a page still frozen when the step ends is the step\'s error and a high long-task, not a dead tap', async () => {
    const result = await fixtures.run(pageScenario('rules', 'frozen.html?ms=600000', { head: 'timeout: 2000\n', steps: '  - name: Calculate\n    tap: Calculate delivery\n' }));
    expect(result.steps[1]!.reason).toContain('the page stopped answering');
    expect(findingsOf(result, 'dead-tap')).toHaveLength(0);
    expect(findingsOf(result, 'long-task').map((f) => [f.severity, f.message])).toEqual([['high', 'The page stopped answering the customer: its main thread was still busy when the step ended']]);
  });

  it('a page frozen by a request its code made synchronously, which the site never answers, says which request', async () => {
    const result = await fixtures.run(pageScenario('rules', 'frozen.html?sync&ms=0', { head: 'timeout: 2000\n', steps: '  - name: Calculate\n    tap: Calculate delivery\n' }));
    expect(result.steps[1]!.status).toBe('error');
    expect(result.steps[1]!.reason).toMatch(/the page stopped answering \(its main thread is busy or frozen\), with no answer yet from the site to GET \/api\/never\?postcode=SW1A$/);
  });

  it('a main thread frozen for 1.5 s after a tap is waiting, not effort', async () => {
    const result = await fixtures.run(pageScenario('rules', 'frozen.html', { steps: '  - name: Calculate\n    tap: Calculate delivery\n    expect: { text: arrives tomorrow }\n' }));
    const step = result.steps[1]!;
    expect(step.status).toBe('passed');
    expect(step.wait).toBeGreaterThanOrEqual(1.2);
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
  });
});

describe.concurrent('naming what the customer acted on', () => {
  it('a field with only a placeholder is named by it, never by the value typed into it', async () => {
    const result = await fixtures.run(
      pageScenario('rules', 'placeholder-lost.html', {
        steps: '  - name: Give my number\n    type: { placeholder: Phone number, text: "07700 900123" }\n    tap: Call me\n',
      }),
    );
    const [lost] = findingsOf(result, 'value-not-kept');
    expect(lost!.evidence.element).toBe('textbox with placeholder "Phone number"');
    expect(JSON.stringify(result)).not.toContain('07700');
  });
});

describe.concurrent("what the page does on its own, after the customer's tap", () => {
  it("a consent banner drawn once its configuration came, fetched as the page loaded, is neither the tap's answer nor read", async () => {
    const add = '  - name: Add\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n';
    for (let run = 0; run < 2; run += 1) {
      const result = await fixtures.run(pageScenario('rules', 'consent-late.html', { steps: add }));
      const step = (await savedArtifacts(result)).steps[1]!;
      expect(step.appeared.map((m) => m.text)).toEqual(['Added to your bag']);
      // The tap came before the banner (the step does not wait for a third party's call), so its words were there to take.
      expect(result.steps[1]!.effortBreakdown.reading).toBeCloseTo((4 * 60) / 238, 2);
    }
  });
});

describe.concurrent('a page still moving when the step ends', () => {
  it("is looked at once its transition has ended: a toast's colours are measured at rest, not mid-fade", async () => {
    const result = await fixtures.run(pageScenario('rules', 'toast-fade.html', { steps: '  - name: Add\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n' }));
    const contrast = findingsOf(result, 'accessibility').filter((f) => JSON.stringify(f.evidence).includes('color-contrast'));
    expect(contrast).toEqual([]);
  });
});

describe.concurrent('pointing on a laptop', () => {
  it('a hover step on a link whose menu opens on :hover alone is the customer pointing there: a decision and a move', async () => {
    const result = await fixtures.run(
      pageScenario('rules', 'mega-menu.html', { head: 'device: Desktop Chrome\n', steps: '  - name: Look at women\'s\n    hover: { role: link, name: Women }\n    expect: { visible: { role: link, name: Coats } }\n' }),
    );
    expect(result.steps[1]!.status).toBe('passed');
    expect((await savedArtifacts(result)).steps[1]!.interactions.map((i) => i.kind)).toEqual(['hover']);
    expect(result.steps[1]!.effort).toBeGreaterThan(1.35);
  });
});

describe.concurrent('typing a code', () => {
  it('a postcode field marked postal-code is typed as the customer knows it, not checked key by key as a code', async () => {
    const result = await fixtures.run(pageScenario('rules', 'disabled-button.html', { steps: '  - name: Postcode\n    type: { label: Postcode, text: SW1A 1AA }\n' }));
    const typed = (await savedArtifacts(result)).steps[1]!.interactions.filter((i) => i.kind === 'type');
    expect(typed.map((i) => i.kind === 'type' && i.code)).toEqual([false]);
  });

  it('a postcode in French and a note about preferences are no codes; a promo code is', async () => {
    const result = await fixtures.run(
      pageScenario('rules', 'which-codes.html', {
        steps:
          '  - name: Postcode\n    type: { label: Code postal, text: "69003" }\n  - name: Note\n    type: { label: Your delivery preferences, text: Leave it with a neighbour }\n' +
          '  - name: Code\n    type: { label: Promo code, text: SAVE10 }\n',
      }),
    );
    const typed = (await savedArtifacts(result)).steps.flatMap((s) => s.interactions).filter((i) => i.kind === 'type');
    expect(typed.map((i) => i.kind === 'type' && i.code)).toEqual([false, false, true]);
  });
});

describe.concurrent('pages the customer did not see', () => {
  it('an invoice read from a file before any page is open is judged as an invoice, not the empty tab', async () => {
    const file = relative(process.cwd(), fileURLToPath(new URL('../fixtures/pages/invoice/good.pdf', import.meta.url)));
    const result = await fixtures.run(`name: invoice file\nsteps:\n  - name: Read the invoice\n    invoice: { file: ${file} }\n`);
    const step = result.steps[0]!;
    expect(step.status).toBe('passed');
    expect(step.url).toBe('about:blank');
    expect(step.screenshot).toBeNull();
    expect(step.findings.filter((f) => f.area === 'mobile' || f.area === 'accessibility')).toEqual([]);
    expect(step.effortBreakdown.reading).toBeGreaterThan(10);
  });
});
