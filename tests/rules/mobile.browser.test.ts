/**
 * The mobile and page rules (and broken images and links) against fixture pages in real Chromium, on an
 * emulated Pixel 7 unless the rule is about the device: each positive case finds the problem with its severity
 * and evidence, each negative case on the same kind of page does not. Also how page findings are reported once
 * per scenario, and what a scenario's `rules` and `exclude` settings change.
 */
import { devices } from 'playwright';
import { describe, expect, it } from 'vitest';
import { judgeScenario } from '../../src/judge/judge.js';
import { findingsOf, pageScenario, savedArtifacts, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

const run = (page: string, options?: { head?: string; steps?: string }) => fixtures.run(pageScenario('mobile', page, options));
const DESKTOP = 'device: Desktop Chrome\n';

describe('tap-target-size', () => {
  it("a link alone on its line, its details in a paragraph of their own under it, is no link in a sentence; one in a sentence is", async () => {
    const result = await run('tap-listing-rows.html');
    const elements = findingsOf(result, 'tap-target-size').flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((item) => item.element));
    expect(elements).toEqual(['link "Wool socks style 0 £8.00"', 'link "Wool socks style 1 £9.00"', 'link "Wool socks style 2 £10.00"']);
  });

  it('a target a tenth of a pixel under the limit is shown to the tenth, not rounded up to the limit it misses', async () => {
    const result = await run('tap-nearly.html');
    const low = findingsOf(result, 'tap-target-size').filter((f) => f.severity === 'low');
    expect(low.map((f) => f.message)).toEqual(['1 target under the 44×44 px a finger needs: link "Help" is 43.9×48 px']);
    expect(low[0]!.evidence.measured).toBe('43.9×48 px');
  });

  it("a component's buttons in its shadow root are the page's targets, and a region left out leaves out what its components hold", async () => {
    const result = await run('component-targets.html', { head: 'exclude: ["#chat"]\n' });
    const high = findingsOf(result, 'tap-target-size').filter((f) => f.severity === 'high');
    expect(high.flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((item) => item.element))).toEqual([
      'button "Size S"',
      'button "Size M"',
      'button "Size L"',
      'button "Size XL"',
    ]);
    const measured = (await savedArtifacts(result)).steps[0]!.page!.targets.map((t) => t.element);
    expect(measured).toContain('button "Size S"');
    expect(measured).not.toContain('button "Close chat"');
  });

  it("a card's title link laid over the whole card (by its ::after, or by an empty span in it) is measured as the card a finger taps; a link of its own as itself", async () => {
    for (const page of ['stretched-card.html', 'stretched-card.html?span']) {
      const result = await run(page);
      const measured = findingsOf(result, 'tap-target-size').flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((item) => item.element));
      expect(measured, page).toEqual(['link "Sizes"']);
    }
  });

  it("a link scrolled under a sticky header is not too close to the header's logo; the header's own icons are held against each other", async () => {
    const result = await run('sticky-header.html', { steps: '  - name: More jackets\n    tap: { role: button, name: Show more jackets }\n' });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    // The step ends with the page scrolled to the button: some product link lies under the header, by its logo.
    const page = (await savedArtifacts(result)).steps[1]!.page!;
    expect(page.scroll.y).toBeGreaterThan(300);
    const high = findingsOf(result, 'tap-target-size').filter((f) => f.severity === 'high');
    expect(high.flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((item) => item.element))).toEqual(['link "Wishlist"', 'link "Account"']);
  });

  it("a small checkbox inside a label a row high is tapped through its label; one with nothing to tap around it is small", async () => {
    const result = await run('checkbox-labels.html');
    const elements = findingsOf(result, 'tap-target-size').flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((item) => item.element));
    expect(elements).toContain('checkbox labelled "Texts about my orders"');
    expect(elements.some((element) => /monthly letter/.test(String(element)))).toBe(false);
  });

  it('a radio drawn as a transparent pixel under its 48 px swatch is tapped through the swatch: no misses, no finding', async () => {
    const result = await run('swatches.html', { steps: '  - name: Rust\n    check: { label: Rust }\n    expect: { text: "Colour: Rust" }\n' });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(findingsOf(result, 'tap-target-size')).toEqual([]);
    expect(result.steps[1]!.recovery.filter((r) => r.rule === 'tap-target-size')).toEqual([]);
    const tap = (await savedArtifacts(result)).steps[1]!.interactions.find((i) => i.kind === 'tap');
    // The customer's finger lands on the swatch, the radio's label, as it would for a person.
    expect(tap).toMatchObject({ target: { description: 'label "Rust"', box: { width: 52, height: 52 } } });
  });

  it('closely packed 16×16 buttons are high, each listed with its box', async () => {
    const result = await run('tap-packed.html');
    expect(result.device).toBe('Pixel 7');
    const findings = findingsOf(result, 'tap-target-size');
    const high = findings.filter((f) => f.severity === 'high');
    expect(high).toHaveLength(1);
    const [finding] = high;
    expect(finding!.area).toBe('mobile');
    expect(finding!.evidence.element).toBe('button "Size XS"');
    expect(finding!.evidence.selector).toBe('#xs');
    expect(finding!.evidence.measured).toBe('16×16 px');
    expect(finding!.evidence.count).toBe(3);
    expect(finding!.evidence.items).toEqual([
      expect.objectContaining({ element: 'button "Size XS"', selector: '#xs', box: expect.objectContaining({ width: 16, height: 16 }), measured: '16×16 px' }),
      expect.objectContaining({ element: 'button "Size S"', selector: '#s', box: expect.objectContaining({ width: 16, height: 16 }), measured: '16×16 px' }),
      expect.objectContaining({ element: 'button "Size M"', selector: '#m', box: expect.objectContaining({ width: 16, height: 16 }), measured: '16×16 px' }),
    ]);
    // The failing buttons are not listed a second time in the advisory.
    expect(findings.filter((f) => f.severity === 'low')).toHaveLength(0);
  });

  it('an isolated 20×20 button with 24 px clear around it meets the spacing exception: no high, a low advisory', async () => {
    const result = await run('tap-spaced.html');
    const findings = findingsOf(result, 'tap-target-size');
    expect(findings.map((f) => f.severity)).toEqual(['low']);
    expect(findings[0]!.evidence.element).toBe('button "Close offer"');
    expect(findings[0]!.evidence.measured).toBe('20×20 px');
    expect(findings[0]!.evidence.threshold).toBe('44×44 px (advisory)');
    // The 48×48 button next to it is comfortable and not listed.
    expect((findings[0]!.evidence.items as Array<{ selector: string }>).map((i) => i.selector)).toEqual(['#close']);
  });

  it('the same isolated button on Desktop Chrome gets no advisory (no fingers)', async () => {
    const result = await run('tap-spaced.html', { head: DESKTOP });
    expect(result.device).toBe('Desktop Chrome');
    expect(findingsOf(result, 'tap-target-size')).toHaveLength(0);
  });

  it('colour swatches whose radios the page hides are measured where the customer taps them, on their labels', async () => {
    const tiny = findingsOf(await run('swatch-dots.html'), 'tap-target-size').filter((f) => f.severity === 'high');
    expect(tiny.flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((i) => i.element))).toEqual(['radio labelled "Olive"', 'radio labelled "Navy"', 'radio labelled "Rust"', 'radio labelled "Sand"']);
    expect(findingsOf(await run('swatch-dots.html?roomy'), 'tap-target-size')).toEqual([]);
  });

  it('48×48 buttons are not a finding', async () => {
    const result = await run('tap-large.html');
    expect(result.status).toBe('passed');
    expect(findingsOf(result, 'tap-target-size')).toHaveLength(0);
  });

  it('links inside running text are exempt, however small and close together', async () => {
    const result = await run('tap-inline.html');
    expect(findingsOf(result, 'tap-target-size')).toHaveLength(0);
  });

  it('a link in a short sentence ("Or pay online by card."), inline-block too, is in running text; links with only a separator or page numbers between them ("Page 3 4 5") are not', async () => {
    const result = await run('tap-short-sentences.html');
    const targets = (await savedArtifacts(result)).steps[0]!.page!.targets;
    const inline = (text: string) => targets.find((t) => t.element === `link "${text}"`)?.inline;
    expect(['pay online by card', 'Create an account', 'Sign in'].map(inline)).toEqual([true, true, true]);
    expect(targets.find((t) => t.element === 'button "size guide"')?.inline).toBe(true);
    // Set inline-block for an animated underline, as tall as the line: in the sentence still.
    expect(['Free returns', 'click and collect'].map(inline)).toEqual([true, true]);
    // A button (inline-block, as buttons are) beside a paragraph of its own is in no sentence.
    expect(targets.find((t) => t.element === 'button "Have a promo code?"')?.inline).toBe(false);
    expect(['Privacy', 'Terms', '1', '2', '3', '4', '5'].map(inline)).toEqual([false, false, false, false, false, false, false]);
    const measured = findingsOf(result, 'tap-target-size').flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((item) => item.element));
    expect(measured).toEqual(expect.arrayContaining(['link "Privacy"', 'link "Terms"', 'link "1"', 'link "2"', 'link "3"']));
    expect(measured.filter((element) => !/Privacy|Terms|"\d"|promo code/.test(element))).toEqual([]);
  });

  it("a menu drawer's small text, parked off the screen's left edge (by a transform or by left), is not read until the drawer opens", async () => {
    for (const page of ['small-text-drawer.html', 'small-text-drawer.html?left']) {
      const result = await run(page, { steps: '  - name: Open the menu\n    tap: { role: button, name: Menu }\n' });
      expect(result.steps.map((s) => s.status), page).toEqual(['passed', 'passed']);
      expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'small-text').length), page).toEqual([0, 1]);
      expect(findingsOf(result, 'small-text')[0]!.message, page).toContain('"Category number');
    }
  });

  it('a control in a fixed drawer or sheet parked beyond the right or bottom edge is not on the page until it opens; one further down a long page is', async () => {
    const result = await run('parked-drawers.html', { steps: '  - name: Open the bag\n    tap: { role: button, name: Open bag }\n' });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const steps = (await savedArtifacts(result)).steps;
    const measured = (step: number) => steps[step]!.page!.targets.map((t) => t.selector);
    // No scrolling brings a fixed layer's hidden part onto the screen.
    expect(measured(0).filter((selector) => ['#close', '#clear', '#share'].includes(selector))).toEqual([]);
    // The customer scrolls down to the size chart's button: it is theirs to tap.
    expect(measured(0)).toContain('#far');
    // Open, the bag's close button is on the screen, and measured.
    expect(measured(1)).toContain('#close');
  });

  it('a row of bare links with only separators or a one-word label between them (topics, breadcrumbs, a footer, tags) is no sentence: its small links are measured', async () => {
    const result = await run('tap-link-rows.html');
    const targets = (await savedArtifacts(result)).steps[0]!.page!.targets;
    const inline = (text: string) => targets.find((t) => t.text === text)?.inline;
    const rows = ['Home', 'Women', 'Shoes', 'Washing', 'Drying', 'Ironing', 'Storing', 'Stains', 'Linen', 'Cotton', 'Wool', 'Help', 'Returns', 'Privacy', 'Cookie settings'];
    expect(rows.map(inline)).toEqual(rows.map(() => false));
    // Two links side by side in a real sentence are in it, as one would be.
    expect(['washing symbols', 'guide'].map(inline)).toEqual([true, true]);
    // 13 px tall and wider than 24 px, their 24 px circles clear each other: the 44 px advisory, as for any small link.
    const flagged = findingsOf(result, 'tap-target-size').flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((item) => item.element));
    expect(flagged).toEqual(expect.arrayContaining(['link "Home"', 'link "Washing"', 'link "Drying"', 'link "Stains"', 'link "Linen"', 'link "Help"', 'link "Cookie settings"']));
    expect(flagged.filter((element) => /washing symbols|"guide"/.test(element))).toEqual([]);
  });
});

describe('small-text', () => {
  it("names the small text there is most of, not the menu's words that come first", async () => {
    const result = await run('small-text-menu.html');
    const [finding] = findingsOf(result, 'small-text');
    expect(finding!.evidence.element).toBe('text "Sweet pea \'Cupani\', the original scented sweet pea, bicolour"');
    expect((finding!.evidence.items as Array<{ element: string }>).map((item) => item.element).slice(0, 2)).toEqual([
      'text "Sweet pea \'Cupani\', the original scented sweet pea, bicolour"',
      'text "Runner bean \'Scarlet Emperor\', a heavy cropper with long ten"',
    ]);
  });

  it('a panel folded away with hidden="until-found" is judged when the customer opens it, not before', async () => {
    const result = await run('until-found.html', { steps: '  - name: Safety\n    tap: { role: button, name: Safety information }\n' });
    const rulesAt = (step: number) => result.steps[step]!.findings.map((f) => f.rule).filter((rule) => ['small-text', 'unlabelled-field'].includes(rule)).sort();
    expect([rulesAt(0), rulesAt(1)]).toEqual([[], ['small-text', 'unlabelled-field']]);
  });

  // Folded by the page, or by an accordion component (its box at no height in its shadow root, the links put in it through a slot).
  for (const page of ['folded-footer.html', 'folded-footer.html?component']) {
    it(`a footer folded at no height (max-height: 0, overflow hidden) is judged when the customer opens it, not before (${page})`, async () => {
      const result = await run(page, { steps: '  - name: Customer service\n    tap: { role: button, name: Customer service }\n' });
      const rulesAt = (step: number) => result.steps[step]!.findings.map((f) => f.rule).filter((rule) => ['small-text', 'tap-target-size'].includes(rule)).sort();
      expect([rulesAt(0), rulesAt(1)]).toEqual([[], ['small-text', 'tap-target-size']]);
      const targetsAt = async (step: number) => (await savedArtifacts(result)).steps[step]!.page!.targets.map((t) => t.element);
      expect(await targetsAt(0)).not.toContain('link "Delivery"');
      expect(await targetsAt(1)).toContain('link "Delivery"');
      // A carousel's slides beside the one shown are measured all the same: which one shows depends on when it is seen.
      expect(await targetsAt(0)).toContain('link "Review by Kit"');
    });
  }

  it('mostly 10 px text is medium, with the legible share and a sample', async () => {
    const result = await run('small-text.html');
    const findings = findingsOf(result, 'small-text');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.severity).toBe('medium');
    expect(finding!.area).toBe('mobile');
    // "Shop" (4 characters) is legible; the two paragraphs (36 + 40 non-space characters) are not.
    const small = 'Freedeliveryonordersoverfiftypounds.'.length + 'Returnsarefreewithinthirtydaysofdelivery.'.length;
    const share = Math.round((4 / (4 + small)) * 100);
    expect(finding!.evidence.measured).toBe(`${share}% of ${4 + small} characters legible`);
    // The samples are the longest runs of small text, longest first.
    expect(finding!.evidence.element).toBe('text "Returns are free within thirty days of delivery."');
    expect(finding!.evidence.items).toEqual([
      expect.objectContaining({ element: 'text "Returns are free within thirty days of delivery."', measured: '10 px' }),
      expect.objectContaining({ element: 'text "Free delivery on orders over fifty pounds."', measured: '10 px' }),
    ]);
    expect(finding!.message).toContain('is 10 px');
  });

  it('small text a toast adds on the same page is its own finding, naming and quoting the toast; the pinch is charged once for the page', async () => {
    const result = await run('small-text-toast.html', { steps: '  - name: Add it\n    tap: { role: button, name: Add to bag }\n' });
    const [first, second] = result.steps.map((step) => step.findings.filter((f) => f.rule === 'small-text'));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second![0]!.evidence.element).toBe('text "Added to your bag: Linen shirt, size M, one item"');
    expect(second![0]!.message).toContain('"Added to your bag: Linen shirt, size M, one item" is 10 px');
    expect(second![0]!.message).not.toContain('A loose, breathable shirt');
    const pinches = result.steps.map((step) => step.recovery.filter((item) => item.rule === 'small-text').length);
    expect(pinches).toEqual([1, 0]);
  });

  it('16 px text is not a finding', async () => {
    const result = await run('normal-text.html');
    expect(findingsOf(result, 'small-text')).toHaveLength(0);
  });
});

describe('viewport-not-mobile', () => {
  /** How wide a Pixel 7 lays the page out, read in a fresh page straight after it loads. */
  const layoutWidth = async (page: string) => {
    const context = await fixtures.browser.newContext({ ...devices['Pixel 7'] });
    try {
      const tab = await context.newPage();
      await tab.goto(`${fixtures.url}/mobile/${page}`);
      return await tab.evaluate(() => document.documentElement.clientWidth);
    } finally {
      await context.close();
    }
  };

  it('a page without a viewport meta tag is high on a phone', async () => {
    const result = await run('no-viewport.html');
    const findings = findingsOf(result, 'viewport-not-mobile');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('high');
    expect(findings[0]!.area).toBe('mobile');
    expect(findings[0]!.evidence).toMatchObject({ element: 'meta name="viewport"', text: '(missing)', measured: 'no viewport meta tag' });
  });

  it('width=device-width, initial-scale=1 is not a finding', async () => {
    const result = await run('viewport-ok.html');
    expect(findingsOf(result, 'viewport-not-mobile')).toHaveLength(0);
  });

  it('initial-scale=1 with no width is laid out at the phone\'s width: not a finding', async () => {
    const result = await run('viewport-initial-only.html');
    expect(findingsOf(result, 'viewport-not-mobile')).toHaveLength(0);
    expect(await layoutWidth('viewport-initial-only.html')).toBe(412);
  });

  it('a fixed width (width=1024) is high even with initial-scale=1: the phone lays the page out 1024 px wide', async () => {
    const result = await run('viewport-fixed-width.html');
    const findings = findingsOf(result, 'viewport-not-mobile');
    expect(findings.map((f) => [f.severity, f.evidence.measured])).toEqual([['high', 'width=1024, initial-scale=1']]);
    expect(findings[0]!.message).toContain('width=1024');
    expect(await layoutWidth('viewport-fixed-width.html')).toBe(1024);
  });

  it('a viewport tag with neither a width nor an initial-scale is high: the phone keeps its desktop width', async () => {
    const result = await run('viewport-no-width-no-scale.html');
    const findings = findingsOf(result, 'viewport-not-mobile');
    expect(findings.map((f) => f.severity)).toEqual(['high']);
    expect(await layoutWidth('viewport-no-width-no-scale.html')).toBe(980);
  });

  it('no viewport meta tag on Desktop Chrome is not a finding', async () => {
    const result = await run('no-viewport.html', { head: DESKTOP });
    expect(findingsOf(result, 'viewport-not-mobile')).toHaveLength(0);
  });
});

describe('zoom-disabled', () => {
  it('user-scalable=no is medium', async () => {
    const result = await run('zoom-locked.html');
    const findings = findingsOf(result, 'zoom-disabled');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('medium');
    expect(findings[0]!.evidence).toMatchObject({
      element: 'meta name="viewport"',
      text: 'width=device-width, initial-scale=1, user-scalable=no',
      measured: 'user-scalable=no',
    });
  });

  it('maximum-scale=2 is medium, zoom only to 200%', async () => {
    const result = await run('zoom-max2.html');
    const findings = findingsOf(result, 'zoom-disabled');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('medium');
    expect(findings[0]!.evidence.measured).toBe('maximum-scale=2');
    expect(findings[0]!.message).toContain('200%');
  });

  it('a viewport that allows zooming is not a finding', async () => {
    const result = await run('zoom-ok.html');
    expect(findingsOf(result, 'zoom-disabled')).toHaveLength(0);
  });

  it('user-scalable=no on Desktop Chrome is not a finding: a laptop browser zooms whatever the page says', async () => {
    const result = await run('zoom-locked.html', { head: DESKTOP });
    expect(result.device).toBe('Desktop Chrome');
    expect(findingsOf(result, 'zoom-disabled')).toHaveLength(0);
  });
});

describe('a page a phone shows zoomed out (no viewport tag, laid out wider than the screen)', () => {
  const deterministic = (result: Awaited<ReturnType<typeof run>>) =>
    [...new Set(result.steps.flatMap((step) => step.findings.filter((f) => f.class === 'deterministic').map((f) => `${f.rule} ${f.severity}`)))].sort();

  it('a 1200 px page is shown whole at 34%: no sideways scroll, but its 16 px text is drawn at 5.5 px and its 44 px buttons at 15 px', async () => {
    const result = await run('desktop-wide.html');
    expect(deterministic(result)).toEqual(['small-text medium', 'tap-target-size high', 'viewport-not-mobile high']);
    expect(result.steps[0]!.recovery.map((item) => item.what)).not.toContainEqual(expect.stringContaining('sideways'));
    const [small] = findingsOf(result, 'small-text');
    expect(small!.message).toContain('is 16 px, drawn at 5.5 px');
    expect(small!.evidence.measured).toMatch(/^0% of \d+ characters legible$/);
    const [taps] = findingsOf(result, 'tap-target-size');
    expect(taps!.message).toContain('button "A" is 15×15 px as the phone draws it (the page shown at 34%)');
    // The evidence keeps the button's place in the page, for its picture.
    expect((taps!.evidence.items as Array<{ box: { width: number } }>)[0]!.box.width).toBe(44);
  });

  it('a page wider than the phone zooms out to (25%, 1648 px) still scrolls sideways past what it shows', async () => {
    const result = await run('desktop-wider.html');
    const [finding] = findingsOf(result, 'horizontal-scroll');
    expect(finding!.evidence).toMatchObject({ measured: '2000 px wide', threshold: '1648 px (the screen, zoomed out)' });
    expect(result.steps[0]!.recovery.filter((item) => item.rule === 'horizontal-scroll').map((item) => item.what)).toEqual(['2 sideways swipes to see the page and come back']);
  });

  it('the same page at initial-scale=1 scrolls sideways at full size: its text and buttons are as big as their styles', async () => {
    const result = await run('desktop-wide-scaled-1.html');
    expect(deterministic(result)).toEqual(['horizontal-scroll high']);
    const [finding] = findingsOf(result, 'horizontal-scroll');
    expect(finding!.evidence).toMatchObject({ measured: '1200 px wide', threshold: '412 px (the viewport)' });
  });

  it('on Desktop Chrome the page is laid out at the window: none of these', async () => {
    const result = await run('desktop-wide.html', { head: DESKTOP });
    expect(deterministic(result)).toEqual([]);
  });
});

describe('horizontal-scroll', () => {
  // On a phone Chromium zooms out to fit wide content, so the page is judged against the layout viewport.
  it('a 700 px wide banner is high, naming the banner and the page width', async () => {
    const result = await run('wide-banner.html');
    const findings = findingsOf(result, 'horizontal-scroll');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.severity).toBe('high');
    expect(finding!.area).toBe('mobile');
    expect(finding!.evidence.element).toBe('div "Summer sale: 20% off everything"');
    expect(finding!.evidence.selector).toBe('#promo-banner');
    expect(finding!.evidence.box).toMatchObject({ x: 0, width: 700 });
    expect(finding!.evidence.measured).toBe('700 px wide');
    expect(finding!.evidence.threshold).toBe('412 px (the viewport)');
  });

  it('a menu hidden by visibility that keeps its 1200 px in the layout is named as what makes the page wide', async () => {
    const result = await run('wide-hidden-menu.html');
    const [finding] = findingsOf(result, 'horizontal-scroll');
    expect(finding!.message).toBe('The page is 1200 px wide on a 412 px screen; nav "All departments" sticks out');
    expect(finding!.evidence.selector).toBe('body > nav');
  });

  it('on Desktop Chrome a 1500 px wide banner is high, naming the banner and the page width', async () => {
    const result = await run('wide-banner-desktop.html', { head: DESKTOP });
    const findings = findingsOf(result, 'horizontal-scroll');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('high');
    expect(findings[0]!.evidence).toMatchObject({ element: 'div "Summer sale: 20% off everything"', selector: '#promo-banner', measured: '1500 px wide', threshold: '1280 px (the viewport)' });
  });

  it('a right-to-left page scrolls sideways to the left: its table is high, and a ticker its bar clips is no cause', async () => {
    const result = await run('wide-table-rtl.html');
    const findings = findingsOf(result, 'horizontal-scroll');
    expect(findings.map((f) => [f.severity, f.evidence.selector, f.evidence.measured])).toEqual([['high', '#sizes', '696 px wide']]);
    expect((findings[0]!.evidence.items as Array<{ selector: string }>).map((item) => item.selector)).toEqual(['#sizes']);
  });

  it('names the strip that sticks out, not a skip link parked past the left edge nor the bars fixed to the screen', async () => {
    const result = await run('wide-strip.html');
    const findings = findingsOf(result, 'horizontal-scroll');
    expect(findings.map((f) => [f.severity, f.evidence.selector, f.evidence.measured])).toEqual([['high', '#offer', '432 px wide']]);
    expect((findings[0]!.evidence.items as Array<{ selector: string }>).map((item) => item.selector)).toEqual(['#offer']);
  });

  it('a banner that wraps to the screen is not a finding', async () => {
    const result = await run('wrapping-banner.html');
    expect(findingsOf(result, 'horizontal-scroll')).toHaveLength(0);
  });
});

describe('broken-image', () => {
  it('a picture a lazy-loading script has not filled in yet (an empty src, or none) asked for nothing, so nothing failed', async () => {
    const result = await run('image-placeholders.html');
    expect(result.steps.map((s) => s.status)).toEqual(['passed']);
    expect(findingsOf(result, 'broken-image')).toEqual([]);
    // All three pictures were looked at, and none counted as broken.
    const images = (await savedArtifacts(result)).steps[0]!.page!.images;
    expect(images.map((i) => [i.element, i.broken])).toEqual([
      ['image "Linen shirt"', false],
      ['image "Oxford shirt"', false],
      ['image "Denim shirt"', false],
    ]);
  });

  it('a picture a lazy loader fills in as the customer scrolls, from an address that is gone, is a broken image of that step', async () => {
    const result = await run('lazy-list.html', { steps: '  - name: Look at the rest\n    scroll: bottom\n    expect: { text: That is all our linen shirts }\n' });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(result.steps.map((s) => s.findings.filter((f) => f.rule === 'broken-image').map((f) => f.message))).toEqual([
      [],
      [`1 image did not load: image "Sky linen shirt" (${fixtures.url}/mobile/sky-shirt-gone.svg)`],
    ]);
  });

  it("an advertisement's picture the ad network did not fill is not the shop's broken image; the product's own is", async () => {
    const result = await run('image-advert.html');
    const broken = findingsOf(result, 'broken-image');
    expect(broken.flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((i) => i.element))).toEqual(['image "Oxford shirt"']);
    const images = (await savedArtifacts(result)).steps[0]!.page!.images;
    expect(images.map((i) => [i.element, i.broken, i.advert])).toEqual([
      ['image "Linen shirt"', false, false],
      ['image "Summer shoes from our partner"', true, true],
      ['image "Oxford shirt"', true, false],
      ['image', true, true],
    ]);
  });

  it('an image that 404s while the page loads is one medium broken image, not also a failed request', async () => {
    const result = await run('image-404.html');
    const src = `${fixtures.url}/mobile/missing-photo.png`;
    const [broken, ...more] = findingsOf(result, 'broken-image');
    expect(more).toHaveLength(0);
    expect(broken!.severity).toBe('medium');
    expect(broken!.evidence.items).toEqual([expect.objectContaining({ measured: `${src} (HTTP 404)` })]);
    expect(findingsOf(result, 'failed-request')).toHaveLength(0);
  });

  it("a picture the shop's image host on another site answers with an error page is broken: the host was there", async () => {
    const result = await run('image-cdn-404.html');
    const broken = findingsOf(result, 'broken-image');
    expect(broken.flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((i) => i.element))).toEqual(['image "Linen shirt, back"']);
  });

  it('the same 404 image is reported once in a scenario, even when a later step changes the page', async () => {
    const result = await run('image-404.html', { steps: '  - name: Show details\n    tap: { role: button, name: Show details }\n    expect: { text: Machine washable }\n' });
    const src = `${fixtures.url}/mobile/missing-photo.png`;
    const failed = findingsOf(result, 'failed-request');
    const broken = findingsOf(result, 'broken-image');
    expect(failed).toHaveLength(0);
    expect(broken.map((f) => f.evidence.count)).toEqual([1]);
    expect(broken[0]!.evidence.items).toEqual([expect.objectContaining({ measured: `${src} (HTTP 404)` })]);
  });

  it('an image answered 200 that does not decode is a medium broken image (and no failed request)', async () => {
    const result = await run('image-undecodable.html');
    const findings = findingsOf(result, 'broken-image');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.severity).toBe('medium');
    expect(finding!.area).toBe('errors');
    expect(finding!.evidence).toMatchObject({ element: 'image "Linen shirt"', selector: '#photo', measured: 'naturalWidth 0', count: 1 });
    expect(finding!.evidence.items).toEqual([expect.objectContaining({ element: 'image "Linen shirt"', measured: `${fixtures.url}/mobile/not-a-picture.png (HTTP 200)` })]);
    expect(findingsOf(result, 'failed-request')).toHaveLength(0);
  });

  it("a third party's picture whose host gives no answer at all is the environment, on later steps too; the shop's own 404 is still broken", async () => {
    const result = await run('image-unreachable.html', { steps: '  - name: Add it\n    tap: { role: button, name: Add to bag }\n    expect: { text: Added to your bag }\n' });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const broken = findingsOf(result, 'broken-image');
    expect(broken.flatMap((f) => (f.evidence.items as Array<{ measured: string }>).map((i) => i.measured))).toEqual([`${fixtures.url}/mobile/missing-back.png (HTTP 404)`]);
    expect(result.steps[0]!.environment).toEqual([expect.stringMatching(/^images\.fernhill-cdn\.example: GET \/linen-shirt\.jpg net::ERR_/)]);
  });

  it("an image that loads, and a tracker's 1×1 pixel that does not, are neither a broken image nor a failed request", async () => {
    const result = await run('image-ok.html');
    expect(findingsOf(result, 'broken-image')).toHaveLength(0);
    expect(findingsOf(result, 'failed-request')).toHaveLength(0);
  });
});

describe('broken-link', () => {
  it("a page whose server answers HEAD with 404 but the browser's GET with the page is not broken", async () => {
    const result = await run('links-get-only.html');
    expect(findingsOf(result, 'broken-link')).toEqual([]);
    // The link was asked about, and its answer is the page's.
    const links = (await savedArtifacts(result)).steps[0]!.links;
    expect(links.map((l) => [new URL(l.href).pathname, l.status])).toEqual([['/get-only', 200]]);
  });

  it("a link that answers 404 only to a visitor who is not signed in works for the customer, asked again with their cookies", async () => {
    const result = await run('links-members.html');
    const broken = findingsOf(result, 'broken-link').flatMap((f) => (f.evidence.items as Array<{ element: string }>).map((item) => item.element));
    expect(broken).toEqual(['link "Your old orders"']);
    // Where the link is on the page, for the picture of the finding.
    const [finding] = findingsOf(result, 'broken-link');
    expect((finding!.evidence.items as Array<{ box: { width: number } | null }>)[0]!.box?.width).toBeGreaterThan(0);
    const links = (await savedArtifacts(result)).steps[0]!.links;
    expect(links.map((l) => [new URL(l.href).pathname, l.status])).toEqual([['/members-only', 200], ['/api/missing', 404]]);
  });

  it("a link in a web component's shadow root (a header drawn as a component) is asked about as any other", async () => {
    const result = await run('links-in-component.html');
    const findings = findingsOf(result, 'broken-link');
    expect(findings.map((f) => [f.evidence.element, f.evidence.measured])).toEqual([['link "Your basket"', 'HTTP 404']]);
    const links = (await savedArtifacts(result)).steps[0]!.links;
    expect(links.map((l) => [new URL(l.href).pathname, l.status]).sort()).toEqual([['/api/missing', 404], ['/mobile/links-ok.html', 200], ['/mobile/viewport-ok.html', 200]]);
  });

  it("rules: { broken-link: off } is not measured where it is off: the links are not asked, and judged again with the rule on the step says so", async () => {
    const result = await run('links-broken.html', { head: 'rules: { broken-link: off }\n', steps: '  - name: Open it again\n    goto: /mobile/links-broken.html?again\n    rules: { broken-link: medium }\n' });
    expect(result.steps.map((step) => step.findings.filter((f) => f.rule === 'broken-link').length)).toEqual([0, 1]);
    const saved = await savedArtifacts(result);
    const [off, on] = saved.steps;
    expect(off!.links).toEqual([]);
    expect(off!.linksNotChecked).toMatch(/^not checked: the scenario turned the broken-link rule off/);
    expect(on!.links.map((l) => [new URL(l.href).pathname, l.status])).toEqual([['/api/missing', 404], ['/api/fail', 500], ['/mobile/viewport-ok.html', 200]]);
    expect(on!.linksNotChecked).toBeUndefined();
    // Judged again with the rule on everywhere: the step where it was off says its links were not checked, not that none is broken.
    const again = judgeScenario({ ...saved, scenario: { ...saved.scenario, rules: {}, steps: saved.scenario.steps.map((step) => ({ ...step, rules: {} })) } });
    expect(again.steps[0]!.findings.filter((f) => f.rule === 'broken-link').map((f) => [f.error, f.message])).toEqual([[true, off!.linksNotChecked]]);
  });

  it("a link that sends the customer on to another site is the site's done, whether that site answers or not; one that answers slowly is not judged (a step's wait is timing); a loop of redirects is broken", async () => {
    const result = await run('links-elsewhere.html');
    const items = findingsOf(result, 'broken-link').flatMap((f) => (f.evidence.items as Array<{ element: string; measured: string }>).map((item) => [item.element, item.measured]));
    expect(items).toEqual([
      ['link "Your account"', `${fixtures.url}/loop: no answer (sent round a loop of redirects)`],
      ['link "Returns policy"', `${fixtures.url}/api/missing: HTTP 404`],
    ]);
    const links = (await savedArtifacts(result)).steps[0]!.links.map((l) => [new URL(l.href).pathname, l.status]);
    expect(links).toEqual([['/away', 302], ['/loop', null], ['/api/missing', 404]]);
  });

  it('visible same-origin links to a 404 and a 500 are one medium finding listing both addresses', async () => {
    const result = await run('links-broken.html');
    const findings = findingsOf(result, 'broken-link');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.severity).toBe('medium');
    expect(finding!.area).toBe('errors');
    expect(finding!.evidence.element).toBe('link "Returns policy"');
    expect(finding!.evidence.selector).toBe('#returns');
    expect(finding!.evidence.measured).toBe('HTTP 404');
    expect(finding!.evidence.count).toBe(2);
    expect(finding!.evidence.items).toEqual([
      expect.objectContaining({ element: 'link "Returns policy"', measured: `${fixtures.url}/api/missing: HTTP 404` }),
      expect.objectContaining({ element: 'link "Order status"', measured: `${fixtures.url}/api/fail: HTTP 500` }),
    ]);
  });

  it("a dead product link in the page's content is asked about before a big menu's and footer's links use up the page's share", async () => {
    const result = await run('links-big-menu.html');
    const findings = findingsOf(result, 'broken-link');
    expect(findings.map((f) => [f.evidence.element, f.evidence.measured])).toEqual([['link "Harbour parka"', 'HTTP 404']]);
    const asked = (await savedArtifacts(result)).steps[0]!.links.map((l) => new URL(l.href).search);
    expect(asked.slice(0, 3)).toEqual(['?p=harbour-parka', '?p=linen-shirt', '?c=1']);
  });

  it('links to pages that exist, hidden links and other sites are not findings', async () => {
    const result = await run('links-ok.html');
    expect(findingsOf(result, 'broken-link')).toHaveLength(0);
  });

  it('links are asked for as the customer\'s browser; "not now" answers (429, 503 with Retry-After) are not judged', async () => {
    const result = await run('links-guarded.html');
    const findings = findingsOf(result, 'broken-link');
    expect(findings.map((f) => f.evidence.items)).toEqual([[expect.objectContaining({ element: 'link "Size guide"', measured: `${fixtures.url}/api/missing: HTTP 404` })]]);
  });

  it('a link whose address looks like an action (sign out) is never asked for, so not judged', async () => {
    const result = await run('links-action.html');
    expect(findingsOf(result, 'broken-link')).toHaveLength(0);
  });
});

describe('a control the customer has just tapped', () => {
  it('is judged in its own colours once the finger has let go, not in those it has while pressed (a link the browser turns red, a button the page greys out): no colour contrast finding', async () => {
    const steps = '  - name: Save it\n    tap: { role: button, name: Save for later }\n  - name: Jump to the reviews\n    tap: { role: link, name: Read the reviews }\n';
    const result = await run('anchor-jump.html', { steps });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    const artifacts = await savedArtifacts(result);
    expect(artifacts.steps.map((step) => step.accessibility?.violations.map((v) => v.id) ?? null)).toEqual([[], [], []]);
    expect(findingsOf(result, 'accessibility')).toEqual([]);
  });
});

describe('pages the customer went to', () => {
  it('a jump to a part of the same page (#reviews), and back to its top, is no new page; a view a single-page app draws from its address (#/basket) is one', async () => {
    const jump = await run('anchor-jump.html', { steps: '  - name: Jump to the reviews\n    tap: { role: link, name: Read the reviews }\n  - name: Back to the top\n    back: true\n' });
    expect(jump.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(jump.steps.map((s) => s.actions.pages)).toEqual([1, 0, 0]);
    // The back button pressed to get to the top is still the customer's press.
    expect(jump.steps[2]!.effort).toBeGreaterThan(0);
    const routed = await fixtures.run(pageScenario('rules', 'spa-answer.html', { steps: '  - name: Basket\n    tap: { role: link, name: Basket }\n' }));
    expect(routed.steps.map((s) => s.actions.pages)).toEqual([1, 1]);
  });
});

describe('page findings across steps', () => {
  it('a page problem still there after a step that changes the page is reported once, on the first step', async () => {
    const result = await run('repeat.html', {
      steps:
        '  - name: Show details\n    tap: { role: button, name: Show details }\n    expect: { text: Machine washable }\n' +
        '  - name: Look again\n    wait: { ms: 50 }\n',
    });
    expect(result.status).toBe('passed');
    expect(result.steps.map((step) => step.findings.filter((f) => f.rule === 'zoom-disabled').length)).toEqual([1, 0, 0]);
  });
});

describe('scenario rule settings', () => {
  it('rules: { tap-target-size: off } drops the finding', async () => {
    const result = await run('tap-packed.html', { head: 'rules: { tap-target-size: off }\n' });
    expect(findingsOf(result, 'tap-target-size')).toHaveLength(0);
  });

  it("rules: { accessibility: off } is not measured where it is off: axe-core does not check the page there, and does where a step turns it on", async () => {
    const result = await fixtures.run(
      pageScenario('a11y', 'bad.html', { head: 'rules: { accessibility: off }\n', steps: '  - name: Open it again\n    goto: /a11y/bad.html?again\n    rules: { accessibility: medium }\n' }),
    );
    expect(result.steps.map((step) => step.findings.some((f) => f.rule === 'accessibility'))).toEqual([false, true]);
    const [off, on] = (await savedArtifacts(result)).steps;
    // No answer of axe-core's kept where the rule is off, and why: judged again with it on, the step says it was not checked.
    expect(off!.accessibility).toBeNull();
    expect(off!.accessibilityFailure).toMatch(/^not checked: the scenario turned the accessibility rule off/);
    expect(on!.accessibility?.violations.map((v) => v.id)).toContain('color-contrast');
    expect(on!.accessibilityFailure).toBeNull();
  });

  it('rules: { zoom-disabled: high } changes the severity', async () => {
    const result = await run('zoom-locked.html', { head: 'rules: { zoom-disabled: high }\n' });
    const findings = findingsOf(result, 'zoom-disabled');
    expect(findings.map((f) => [f.severity, f.evidence.measured])).toEqual([['high', 'user-scalable=no']]);
  });

  it("exclude: ['.widget'] drops a problem inside the widget", async () => {
    const without = await run('widget.html');
    expect(findingsOf(without, 'tap-target-size').filter((f) => f.severity === 'high').map((f) => f.evidence.element)).toEqual(['button "Chat"']);
    const result = await run('widget.html', { head: "exclude: ['.widget']\n" });
    expect(findingsOf(result, 'tap-target-size')).toHaveLength(0);
  });
});
