/**
 * checkAccessibility against fixture pages in real Chromium: a basket page with known violations (meta-viewport
 * included; its too-small steppers left to cx-shop's tap-target-size), the same page built right, a page whose only
 * violation sits in a third-party widget, and a gallery with more failing elements than are kept.
 */
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { AXE_LIMITED_ELEMENTS, AXE_PART_ABOVE, AXE_WHOLE_PAGE_MAX, checkAccessibility, countElements } from '../../src/probes/axe.js';
import { evaluateScript } from '../../src/browser/devtools.js';
import { startBrowser } from '../helpers/browser.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

/** The axe-core installed: the one cx-shop loads into the page, as its answers say. */
const AXE_VERSION: string = createRequire(import.meta.url)('axe-core/package.json').version;

let browser: Browser;
let server: FixtureServer;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([startBrowser(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});
afterEach(async () => {
  await page?.close();
});

async function open(name: string): Promise<Page> {
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}/a11y/${name}`);
  return page;
}

describe('checkAccessibility', () => {
  it('finds each broken rule on the bad page, with its impact, elements and selectors', async () => {
    const result = await checkAccessibility(await open('bad.html'));
    expect(result.url).toBe(`${server.url}/a11y/bad.html`);
    expect(result.engine).toBe(`axe-core ${AXE_VERSION}`);
    const found = result.violations.map((v) => [v.id, v.impact, v.nodes.map((n) => `${n.selector} = ${n.element}`)]);
    expect(found).toEqual([
      ['button-name', 'critical', ['#remove = button']],
      ['color-contrast', 'serious', ['#delivery-note = p "Free delivery on orders over 50 euros"']],
      ['image-alt', 'critical', ['#photo = img']],
      ['label', 'critical', ['#promo = textbox']],
      ['meta-viewport', 'moderate', ['meta[name="viewport"] = meta']],
    ]);
  });

  it("leaves target size to cx-shop's tap-target-size: axe-core's target-size is not run, though its WCAG 2.2 tag selects it", async () => {
    const result = await checkAccessibility(await open('bad.html'));
    expect(result.violations.map((v) => v.id)).not.toContain('target-size');
    // The page's two 16 px steppers side by side do break WCAG 2.5.8: axe-core, in the page since the check and asked
    // for target-size alone, finds them.
    const asked = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'rule', values: ['target-size'] } })).violations.map((v) => [v.id, v.nodes.length]);
    });
    expect(asked).toEqual([['target-size', 2]]);
  });

  it('keeps axe-core help, html and a summary saying what to fix', async () => {
    const { violations } = await checkAccessibility(await open('bad.html'));
    const contrast = violations.find((v) => v.id === 'color-contrast')!;
    expect(contrast.help).toBe('Elements must meet minimum color contrast ratio thresholds');
    expect(contrast.helpUrl).toContain(`dequeuniversity.com/rules/axe/${AXE_VERSION.split('.').slice(0, 2).join('.')}/color-contrast`);
    expect(contrast.nodes[0]!.html).toContain('id="delivery-note"');
    expect(contrast.nodes[0]!.summary).toContain('insufficient color contrast of 2.32');
    const image = violations.find((v) => v.id === 'image-alt')!.nodes[0]!;
    expect(image.html.length).toBeLessThanOrEqual(200);
    expect(image.html.endsWith('…')).toBe(true);
    expect(countElements(contrast)).toBe(1);
  });

  it('gives boxes in document coordinates, the same before and after scrolling, and none for elements without one', async () => {
    const before = await checkAccessibility(await open('bad.html'));
    await page.evaluate(() => window.scrollTo(0, 1200));
    expect(await page.evaluate(() => window.scrollY)).toBe(1200);
    const after = await checkAccessibility(page);
    const boxes = (result: typeof before) => result.violations.flatMap((v) => v.nodes.map((n) => [n.selector, n.box]));
    expect(boxes(after)).toEqual(boxes(before));
    const image = after.violations.find((v) => v.id === 'image-alt')!.nodes[0]!;
    expect(image.box).toEqual({ x: 20, y: 1500, width: 200, height: 150 });
    const remove = after.violations.find((v) => v.id === 'button-name')!.nodes[0]!;
    const promo = after.violations.find((v) => v.id === 'label')!.nodes[0]!;
    expect(remove.box).toMatchObject({ x: 0, width: 48, height: 48 });
    expect(promo.box).toMatchObject({ x: 0, height: 40 });
    expect(promo.box!.y).toBeGreaterThan(remove.box!.y + 48);
    expect(after.violations.find((v) => v.id === 'meta-viewport')!.nodes[0]!.box).toBeNull();
  });

  it('finds nothing on the page built right', async () => {
    const result = await checkAccessibility(await open('good.html'));
    expect(result.violations).toEqual([]);
  });

  it('leaves out excluded regions, and reports a violation there when they are not excluded', async () => {
    await open('widget.html');
    const all = await checkAccessibility(page);
    expect(all.violations.map((v) => [v.id, v.nodes.map((n) => n.selector)])).toEqual([['button-name', ['#chat-open']]]);
    const without = await checkAccessibility(page, { exclude: ['.chat-widget'] });
    expect(without.violations).toEqual([]);
  });

  it('keeps the first 20 elements by selector and says how many more there were', async () => {
    const [images, ...rest] = (await checkAccessibility(await open('many.html'))).violations;
    expect(rest).toEqual([]);
    expect(images!.id).toBe('image-alt');
    expect(images!.nodes.map((n) => n.selector)).toEqual(Array.from({ length: 20 }, (_, i) => `#photo-${String(i + 1).padStart(2, '0')}`));
    expect(images!.nodes.at(-1)!.summary).toMatch(/\n\(5 more elements not listed\)$/);
    expect(countElements(images!)).toBe(25);
  });

  it('throws an error naming the page when axe cannot run there', async () => {
    await open('good.html');
    await expect(checkAccessibility(page, { exclude: ['[[not a selector'] })).rejects.toThrow(
      `axe-core could not check ${server.url}/a11y/good.html:`,
    );
  });

  it('loads axe-core into each new document the page goes to, and again after the page threw it away', async () => {
    await open('bad.html');
    expect((await checkAccessibility(page)).violations.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/a11y/good.html`);
    expect(await page.evaluate(() => 'axe' in window)).toBe(false);
    expect((await checkAccessibility(page)).violations).toEqual([]);
    // A page's own script may take it away: checked again, it is loaded again.
    await page.evaluate(() => ((window as unknown as { axe?: unknown }).axe = undefined));
    expect((await checkAccessibility(page)).violations).toEqual([]);
    expect(await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run)).toBe('function');
  });
});

describe('a big page', () => {
  /**
   * The big list with a picture with no text on the screen, and one at the far end of the list; `link` adds a sentence
   * whose link only its colour (close to the text's) tells from the words around it.
   */
  async function bigList(n: number, link = false): Promise<Page> {
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/rules/big-list.html?n=${n}`);
    await page.evaluate((link) => {
      const img = () => Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', width: 40, height: 40 });
      document.querySelector('h1')!.after(img());
      document.getElementById('list')!.append(img());
      if (link) document.querySelector('h1')!.insertAdjacentHTML('afterend', '<p>Read <a href="#terms" style="color: #444; text-decoration: none">our terms</a> before you buy.</p>');
    }, link);
    return page;
  }

  it('is checked whole without the rules whose time grows with more of it than they check, and says so', async () => {
    const result = await checkAccessibility(await bigList(AXE_WHOLE_PAGE_MAX + 1000, true));
    expect(result.limited).toEqual({ elements: expect.any(Number), checked: result.limited!.elements, rulesLeftOut: ['color-contrast', 'link-in-text-block'] });
    expect(result.limited!.elements).toBeGreaterThan(AXE_WHOLE_PAGE_MAX);
    expect(result.violations.map((v) => [v.id, v.nodes.length])).toEqual([['image-alt', 2]]);
    // The same page, small: its look-alike link is found.
    await page.close();
    const small = await checkAccessibility(await bigList(100, true));
    expect(small.limited).toBeUndefined();
    expect(small.violations.map((v) => [v.id, v.nodes.length])).toEqual([['image-alt', 2], ['link-in-text-block', 1]]);
  });

  it('one too big to check whole is checked on the screen first, then in page order, the same way each time', async () => {
    await bigList(AXE_PART_ABOVE + 1000);
    const first = await checkAccessibility(page);
    expect(first.limited).toEqual({ elements: expect.any(Number), checked: expect.any(Number), rulesLeftOut: ['color-contrast', 'link-in-text-block'] });
    expect(first.limited!.elements).toBeGreaterThan(AXE_PART_ABOVE);
    expect(first.limited!.checked).toBeLessThanOrEqual(AXE_LIMITED_ELEMENTS);
    expect(first.violations.map((v) => [v.id, v.nodes.map((n) => n.selector)])).toEqual([['image-alt', ['main > img']]]);
    expect(await checkAccessibility(page)).toEqual(first);
  });
});

describe('evaluateScript', () => {
  it('runs a script in the page as it is, and fails with the message of what it threw', async () => {
    await open('good.html');
    await evaluateScript(page, 'window.__evaluated = document.title.length > 0 ? "yes" : "no";');
    expect(await page.evaluate(() => (window as unknown as { __evaluated?: string }).__evaluated)).toBe('yes');
    await expect(evaluateScript(page, 'throw new TypeError("no such thing")')).rejects.toThrow('TypeError: no such thing');
  });
});
