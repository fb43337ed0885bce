/**
 * Swipes before a press, in real Chromium: the swipe that brings a link into view belongs to the step that taps it,
 * before the tap, every time, also when the tap takes the customer to another page at once (the page that heard the
 * swipe goes away with it). Each of the driver's swipes is one gesture, however soon the next one follows.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf, pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const scenario = (device: string, tap: string) => pageScenario('swipe', 'far.html', { head: `device: ${device}\n`, steps: `  - name: Tap far down\n    tap: ${tap}\n` });

async function interactionsOfLastStep(result: { outDir: string }) {
  return (await savedArtifacts(result)).steps.at(-1)!.interactions.map((i) => i.kind);
}

describe('a swipe before a press', () => {
  it('is kept, before the tap, when the tap leaves the page at once (three runs alike)', async () => {
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await fixtures.run(scenario('Pixel 7', '{ role: link, name: Go to the cart }')));
    for (const result of runs) {
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
      expect(result.steps[1]!.url).toMatch(/\/swipe\/next\.html$/);
      expect(await interactionsOfLastStep(result)).toEqual(['scroll', 'tap']);
    }
    expect(runs[0]!.steps[1]!.effortBreakdown.scrolling).toBeGreaterThan(0);
    expect(new Set(runs.map((r) => r.steps[1]!.effort)).size).toBe(1);
  });

  it('comes before the tap on a button that stays on the page, on a laptop too', async () => {
    const result = await fixtures.run(scenario('Desktop Chrome', '{ role: button, name: Save my size }'));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    // A laptop's screen is shorter: two swipes, each its own, then the click.
    expect(await interactionsOfLastStep(result)).toEqual(['scroll', 'scroll', 'tap']);
    expect(result.steps[1]!.effortBreakdown.scrolling).toBeGreaterThan(0);
  });

  it("on a page laid out as an app's shell (its content scrolls in a box the height of the screen, in a component's shadow root too): the same swipes as on the page, on a phone and on a laptop", async () => {
    for (const device of ['Pixel 7', 'Desktop Chrome']) {
      const page = async (name: string) => {
        const result = await fixtures.run(pageScenario('swipe', name, { head: `device: ${device}\n`, steps: '  - name: Save my size\n    tap: { role: button, name: Save my size }\n    expect: { text: Saved }\n' }));
        expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
          ['passed', undefined],
          ['passed', undefined],
        ]);
        return { kinds: await interactionsOfLastStep(result), scrolling: result.steps[1]!.effortBreakdown.scrolling };
      };
      const plain = await page('far.html');
      expect(plain.kinds.at(-1)).toBe('tap');
      expect(plain.kinds.length).toBeGreaterThanOrEqual(2);
      for (const shell of ['far.html?shell', 'far.html?shell=slot']) expect(await page(shell)).toEqual(plain);
    }
  });
});

describe('a part of the page that slides by itself (a hero carousel on its own timer)', () => {
  it("is no scrolling of the customer's: their swipe down counts as on the same page without it (three runs alike)", async () => {
    const far = (page: string) => fixtures.run(pageScenario('swipe', page, { head: 'device: Pixel 7\n', steps: '  - name: Tap far down\n    tap: { role: link, name: Go to the cart }\n' }));
    const plain = await far('far.html');
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await far('far-carousel.html'));
    const scrolls = async (result: { outDir: string }) =>
      (await savedArtifacts(result)).steps.at(-1)!.interactions.flatMap((i) => (i.kind === 'scroll' ? [`${i.direction} ${i.pixels}`] : []));
    const expected = await scrolls(plain);
    expect(expected).toEqual([expect.stringMatching(/^vertical \d+$/)]);
    for (const result of runs) {
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
      // The carousel slid sideways several times meanwhile: none of it is the customer's.
      expect(await scrolls(result)).toEqual(expected);
      expect(result.steps[1]!.effortBreakdown.scrolling).toBe(plain.steps[1]!.effortBreakdown.scrolling);
    }
    expect(new Set(runs.map((r) => r.steps[1]!.effort)).size).toBe(1);
  });

  for (const how of ['smooth', 'left']) {
    it(`on a laptop, turned every 200 ms (${how === 'smooth' ? 'a smooth scrollTo' : 'scrollLeft set frame by frame'}): only the customer's swipes down count (two runs alike)`, async () => {
      const steps = '  - name: Look at the linen shirt\n    tap: { role: link, name: Linen shirt }\n    expect: { text: "Linen shirt, £45" }\n';
      const runs = [];
      for (let i = 0; i < 2; i += 1) runs.push(await fixtures.run(pageScenario('swipe', `turning-carousel.html?how=${how}`, { head: 'device: Desktop Chrome\n', steps })));
      for (const result of runs) {
        expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
        const artifacts = await savedArtifacts(result);
        const kinds = artifacts.steps[1]!.interactions.map((i) => (i.kind === 'scroll' ? `scroll ${i.direction}` : i.kind));
        expect(kinds.at(-1)).toBe('tap');
        expect(new Set(kinds.slice(0, -1))).toEqual(new Set(['scroll vertical']));
        // Nor anything of the carousel turning before the customer acts.
        expect(artifacts.steps[0]!.interactions.filter((i) => i.kind === 'scroll')).toEqual([]);
      }
      expect(runs[1]!.steps[1]!.effort).toBe(runs[0]!.steps[1]!.effort);
    });
  }
});

describe('a page that pulls the screen back while the customer swipes', () => {
  it('a carousel that brings its next slide into view every 200 ms, on a phone: the customer is counted the swipes the page asks for as it lies, on every run', async () => {
    const steps = '  - name: Look at the linen shirt\n    tap: { role: link, name: Linen shirt }\n    expect: { text: "Linen shirt, £45" }\n';
    const open = (how: string) => fixtures.run(pageScenario('swipe', `turning-carousel.html?how=${how}`, { head: 'device: Pixel 7\n', steps }));
    // The same page with its carousel turning by a scroll of its rail alone: nothing pulls the page back up.
    const still = await open('smooth');
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await open('into'));
    const swiped = (result: typeof still) => {
      const step = result.steps[1]!;
      return { scrolls: step.actions.scrolls, scrolling: step.effortBreakdown.scrolling, mental: step.effortBreakdown.mental };
    };
    expect(swiped(still).scrolls).toBeGreaterThanOrEqual(2);
    for (const result of runs) {
      expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
        ['passed', undefined],
        ['passed', undefined],
      ]);
      // Each slide brought into view scrolls the page back up to the carousel: how many swipes the customer makes
      // against that depends on the page's timer, and is not counted. Where the link is when they tap it depends on
      // it too, so the tap's pointing time is not compared.
      expect(swiped(result)).toEqual(swiped(still));
    }
  });
});

describe('a tap whose control the page moves away from under the finger before the tap reaches it', () => {
  const steps = '  - name: Look at the linen shirt\n    tap: { role: link, name: Linen shirt }\n    expect: { text: "Linen shirt, £45" }\n';
  const open = (move: string) => fixtures.run(pageScenario('swipe', `under-finger.html?move=${move}`, { head: 'device: Pixel 7\n', steps }));

  it('by a scroll of its own (its carousel brings a slide into view): tapped again where it is now, one tap of the customer, as on the page standing still (two runs alike)', async () => {
    const still = await open('none');
    const runs = [await open('scroll'), await open('scroll')];
    for (const result of [still, ...runs]) {
      expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
        ['passed', undefined],
        ['passed', undefined],
      ]);
      expect((await savedArtifacts(result)).steps[1]!.interactions.map((i) => i.kind)).toEqual(['scroll', 'tap']);
      // The tap the page's scroll caught went to what lay there then: the driver's miss, not the customer's tap.
      expect(result.steps[1]!.effort).toBe(still.steps[1]!.effort);
    }
  });

  it('pushed down the page (a banner put in above it) is no slip of the tap: it lands where it landed, once', async () => {
    const result = await open('banner');
    expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
      ['passed', undefined],
      ['failed', 'expected to see "Linen shirt, £45"'],
    ]);
    expect((await savedArtifacts(result)).steps[1]!.interactions.map((i) => i.kind)).toEqual(['scroll', 'tap']);
  });
});

describe('a page that moves back up during the customer\'s swipe down', () => {
  it('counts only how far the swipe took the page down, not the way back the page went by itself (three runs alike)', async () => {
    const steps = '  - name: Swipe down\n    scroll: { by: 800 }\n';
    for (let i = 0; i < 3; i += 1) {
      const result = await fixtures.run(pageScenario('swipe', 'pulls-back.html', { head: 'device: Pixel 7\n', steps }));
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
      const scrolls = (await savedArtifacts(result)).steps[1]!.interactions.filter((i) => i.kind === 'scroll');
      // One swipe of 800 px on a screen of 839: however far it went before the page took itself back up, one screen.
      expect(scrolls).toEqual([expect.objectContaining({ direction: 'vertical', viewports: 1 })]);
      expect((scrolls[0] as { pixels: number }).pixels).toBeGreaterThanOrEqual(300);
      expect((scrolls[0] as { pixels: number }).pixels).toBeLessThanOrEqual(800);
      expect(result.steps[1]!.effortBreakdown.scrolling).toBe(0.5);
    }
  });
});

describe('scroll to a row of a list the page draws only near the screen (a virtual list)', () => {
  const find = (page: string, order: string) =>
    fixtures.run(
      pageScenario('swipe', page, {
        head: 'device: Pixel 7\n',
        steps: `  - name: Find the order\n    scroll: { to: { text: "Order #${order}" } }\n  - name: Open it\n    tap: { text: "Order #${order}" }\n    expect: { text: "Order #${order} opened" }\n`,
      }),
    );

  it('is swiped down to a screen at a time until the row is drawn, each swipe counted, in the page or in a box of its own (two runs alike), in a shadow root too (as in the box)', async () => {
    let inBox: number[] = [];
    for (const page of ['virtual-list.html', 'virtual-list.html?inner', 'virtual-list.html?inner=shadow']) {
      // The box in a component's shadow root, once: the same box, the same swipes as ?inner's (just before it).
      const runs = page.endsWith('shadow') ? [await find(page, '1120')] : [await find(page, '1120'), await find(page, '1120')];
      for (const result of runs) {
        expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
          ['passed', undefined],
          ['passed', undefined],
          ['passed', undefined],
        ]);
        // Row 120 is 6,720 px down: some eight screens of a phone's, each a swipe.
        expect(result.steps[1]!.actions.scrolls).toBeGreaterThanOrEqual(7);
        expect(result.steps[2]!.actions.scrolls).toBe(0);
      }
      expect(runs.at(-1)!.steps.map((s) => s.effort)).toEqual(runs[0]!.steps.map((s) => s.effort));
      if (page.endsWith('inner')) inBox = runs[0]!.steps.map((s) => s.effort);
      if (page.endsWith('shadow')) expect(runs[0]!.steps.map((s) => s.effort)).toEqual(inBox);
    }
  });

  it('a row that is not in the list: swiped to the end of it, then not found, with no hang', async () => {
    const result = await find('virtual-list.html?inner&rows=60', '1999');
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'blocked', 'skipped']);
    expect(result.steps[1]!.reason).toMatch(/could not find text "Order #1999"/);
    // 60 rows of 56 px in a box of 70% of the screen: some five screens to its end, not the 60 looked through at most.
    expect(result.steps[1]!.actions.scrolls).toBeGreaterThanOrEqual(4);
    expect(result.steps[1]!.actions.scrolls).toBeLessThanOrEqual(8);
  });
});

describe('a page that scrolls by its own script (a smooth-scrolling library)', () => {
  it('is waited for until it stands still after each swipe: as many swipes as on a page the browser scrolls (three runs alike)', async () => {
    const steps = '  - name: Tap far down\n    tap: { role: button, name: Save my size }\n    expect: { text: Saved }\n';
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await fixtures.run(pageScenario('swipe', 'eased.html', { head: 'device: Desktop Chrome\n', steps })));
    for (const result of runs) {
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
      // As on far.html, which the browser scrolls itself: two swipes, then the click.
      expect(await interactionsOfLastStep(result)).toEqual(['scroll', 'scroll', 'tap']);
    }
    expect(new Set(runs.map((r) => r.steps[1]!.effort)).size).toBe(1);
  });
});

describe('a link to a part of the page, scrolled smoothly', () => {
  it('is waited for until the page stops: the customer then swipes back up to what they tap next (three runs alike)', async () => {
    const runs = [];
    for (let i = 0; i < 3; i += 1) {
      runs.push(
        await fixtures.run(
          pageScenario('swipe', 'jump.html', {
            head: 'device: Pixel 7\n',
            steps: '  - name: Read the reviews\n    tap: Read 3 reviews\n  - name: Two mugs\n    tap: { role: button, name: One more }\n',
          }),
        ),
      );
    }
    for (const result of runs) {
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
      const kinds = await interactionsOfLastStep(result);
      expect(kinds.at(-1)).toBe('tap');
      expect(kinds.filter((k) => k === 'scroll').length).toBeGreaterThanOrEqual(2);
      expect(result.steps[2]!.effortBreakdown.scrolling).toBeGreaterThan(0);
    }
    expect(new Set(runs.map((r) => r.steps[2]!.effort)).size).toBe(1);
  });
});

describe('a size chart wider than the screen in a box of its own that scrolls sideways', () => {
  it('is read from its start, as far as the screen shows it: swiped down to, never flicked back and forth', async () => {
    const result = await fixtures.run(pageScenario('swipe', 'wide-chart.html?boxed', { head: 'device: Pixel 7\n', steps: '  - name: Read the size chart\n    read: { css: table }\n' }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const kinds = (await savedArtifacts(result)).steps[1]!.interactions.filter((i) => i.kind === 'scroll').map((i) => (i.kind === 'scroll' ? i.direction : ''));
    expect(kinds.filter((direction) => direction === 'horizontal')).toEqual([]);
    expect(kinds.length).toBeGreaterThan(0);
    expect(findingsOf(result, 'horizontal-scroll')).toEqual([]);
  });
});

describe('a phone page wider than the screen (a size chart sticking out)', () => {
  // The phone lays the page out larger than its screen, and a swipe moves the screen over it before the page scrolls.
  const steps =
    '  - name: Tick gift wrap\n    check: { label: Gift wrap it }\n' +
    '  - name: Add to bag\n    tap: { role: button, name: Add to bag }\n    expect: { text: "Added to your bag, gift wrapped" }\n';

  it('is swiped down to a control below the fold, counted, and the control tapped (two runs alike)', async () => {
    const runs = [];
    for (let i = 0; i < 2; i += 1) runs.push(await fixtures.run(pageScenario('swipe', 'wide-chart.html', { head: 'device: Pixel 7\n', steps })));
    for (const result of runs) {
      expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
        ['passed', undefined],
        ['passed', undefined],
        ['passed', undefined],
      ]);
      expect(result.steps[1]!.actions.scrolls).toBeGreaterThan(0);
      expect(result.steps[1]!.effortBreakdown.scrolling).toBeGreaterThan(0);
      expect(result.steps.some((s) => s.findings.some((f) => f.rule === 'horizontal-scroll'))).toBe(true);
    }
    expect(runs.map((r) => r.steps.map((s) => s.effort))).toEqual([runs[0]!.steps.map((s) => s.effort), runs[0]!.steps.map((s) => s.effort)]);
  });
});

describe('a field the page scrolls under its pinned header', () => {
  // A header built as a component (its pinned box in its shadow root, what it says put in through a slot or in there
  // too) is the same header: run once, it takes the customer what the plain one does, step for step.
  let plainEfforts: number[] = [];
  for (const page of ['pinned-header.html', 'pinned-header.html?component', 'pinned-header.html?component=inside']) {
    it(`is swiped out from under the header, a swipe of the customer, not waited on (${page === 'pinned-header.html' ? 'two runs alike' : 'as the plain header'}, ${page})`, async () => {
      const steps =
        '  - name: Go on without an email\n    tap: { role: button, name: Continue to payment }\n' +
        '  - name: Give the email\n    type: { label: Email, text: ann.lee@example.com }\n    expect: { value: { label: Email, equals: ann.lee@example.com } }\n' +
        '  - name: Go on\n    tap: { role: button, name: Continue to payment }\n    expect: { text: Choose how to pay }\n';
      const runs = [];
      for (let i = 0; i < (page === 'pinned-header.html' ? 2 : 1); i += 1) runs.push(await fixtures.run(pageScenario('swipe', page, { head: 'device: Pixel 7\n', steps })));
      for (const result of runs) {
        expect(result.steps.map((s) => [s.status, s.reason])).toEqual([
          ['passed', undefined],
          ['passed', undefined],
          ['passed', undefined],
          ['passed', undefined],
        ]);
        expect(await interactionsOfLastStep({ outDir: result.outDir })).toEqual(['tap']);
        expect(result.steps[2]!.actions.scrolls).toBe(1);
        // The message the page scrolled under its header is out of sight: a swipe up to find it.
        expect(result.steps[1]!.recovery.map((r) => r.what)).toContainEqual(expect.stringMatching(/^scroll 1 screen up to find "Enter your email so we can send/));
      }
      expect(runs.at(-1)!.steps.map((s) => s.effort)).toEqual(runs[0]!.steps.map((s) => s.effort));
      if (page === 'pinned-header.html') plainEfforts = runs[0]!.steps.map((s) => s.effort);
      else {
        // The plain header's, run here when its own test was not (a run of this test alone).
        if (plainEfforts.length === 0) plainEfforts = (await fixtures.run(pageScenario('swipe', 'pinned-header.html', { head: 'device: Pixel 7\n', steps }))).steps.map((s) => s.effort);
        expect(runs[0]!.steps.map((s) => s.effort)).toEqual(plainEfforts);
      }
    });
  }

  it('is in sight on a page that keeps what it scrolls to clear of its header: no swipe to find the message, none to the field', async () => {
    const steps =
      '  - name: Go on without an email\n    tap: { role: button, name: Continue to payment }\n' +
      '  - name: Give the email\n    type: { label: Email, text: ann.lee@example.com }\n';
    const result = await fixtures.run(pageScenario('swipe', 'pinned-header.html?padded', { head: 'device: Pixel 7\n', steps }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(result.steps[1]!.recovery.map((r) => r.what).filter((what) => what.includes('to find'))).toEqual([]);
    expect(result.steps[2]!.actions.scrolls).toBe(0);
  });
});

describe('a choice drawn as a card (its radio hidden), half under a bar pinned to the bottom of the screen', () => {
  it('is swiped out from under the bar before it is ticked, a swipe of the customer, as the same card tapped is', async () => {
    const run = (steps: string) => fixtures.run(pageScenario('swipe', 'bar-over-choice.html', { head: 'device: Pixel 7\n', steps }));
    const [checked, tapped] = [await run('  - name: Choose next day\n    check: { label: "Next day" }\n'), await run('  - name: Choose next day\n    tap: { text: "Next day" }\n')];
    for (const result of [checked, tapped]) expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(checked.steps[1]!.actions.scrolls).toBe(1);
    expect(checked.steps[1]!.actions.scrolls).toBe(tapped.steps[1]!.actions.scrolls);
    const scroll = (await savedArtifacts(checked)).steps[1]!.page!.scroll.y;
    expect(scroll).toBeLessThan(200);
  });
});

describe('a rail of filters that scrolls sideways on its own', () => {
  const tap = (name: string) => `  - name: Filter\n    tap: { role: link, name: ${name} }\n    expect: { text: "Showing: " }\n`;

  it('is flicked sideways until the chip is in view, each flick a swipe of the customer (two runs alike)', async () => {
    const runs = [];
    for (let i = 0; i < 2; i += 1) runs.push(await fixtures.run(pageScenario('swipe', 'chip-rail.html', { head: 'device: Pixel 7\n', steps: tap('Denim') })));
    for (const result of runs) {
      expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
      const kinds = (await savedArtifacts(result)).steps[1]!.interactions.map((i) => (i.kind === 'scroll' ? `scroll ${i.direction}` : i.kind));
      expect(kinds.at(-1)).toBe('tap');
      expect(kinds.slice(0, -1).length).toBeGreaterThan(0);
      expect(new Set(kinds.slice(0, -1))).toEqual(new Set(['scroll horizontal']));
      expect(result.steps[1]!.effortBreakdown.scrolling).toBeGreaterThan(0);
    }
    expect(runs[1]!.steps[1]!.effort).toBe(runs[0]!.steps[1]!.effort);
  });

  it('a chip already in view is tapped with no swipe', async () => {
    const result = await fixtures.run(pageScenario('swipe', 'chip-rail.html', { head: 'device: Pixel 7\n', steps: tap('Linen') }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(result.steps[1]!.actions.scrolls).toBe(0);
  });
});

describe('a page a phone shows zoomed out (no viewport tag)', () => {
  const tap = (name: string, said: string) => `  - name: Tap\n    tap: { role: button, name: ${name} }\n    expect: { text: ${said} }\n`;

  it('a button on the first screen as the phone shows it is tapped with no swipe', async () => {
    const result = await fixtures.run(pageScenario('swipe', 'zoomed-long.html', { head: 'device: Pixel 7\n', steps: tap('Add to bag', 'Added to your bag') }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(result.steps[1]!.actions.scrolls).toBe(0);
  });

  it('one further down takes one swipe of a whole screen, counted as one', async () => {
    const result = await fixtures.run(pageScenario('swipe', 'zoomed-long.html', { head: 'device: Pixel 7\n', steps: tap('Save for later', 'Saved for later') }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(result.steps[1]!.actions.scrolls).toBe(1);
    expect(result.steps[1]!.effortBreakdown.scrolling).toBe(0.5);
  });
});
