/**
 * The step's picture of a page taller than a picture, with the field the customer typed in still focused, in real
 * Chromium: painting beyond the view with an outline on the focused element takes Chromium time that grows with the
 * page's height, so the outline is off while the picture is taken. The page is left as the customer had it: the
 * focus, the outline, the scroll, and nothing its own code could see changed. A shorter page keeps its ring.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PAGE_LIB_SCRIPT } from '../../src/recorder/install.js';
import { captureStep } from '../../src/recorder/screenshot.js';
import { useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

/** The page's own focus ring, in a colour nothing else on it has. */
const RING = 'input:focus { outline: 4px solid rgb(255, 0, 170); outline-offset: 2px; }';

/** Pixels of the ring's colour in a band just outside `box` in the picture. */
function ringPixels(file: string, box: { x: number; y: number; width: number; height: number }, offsetY: number): number {
  const image = PNG.sync.read(readFileSync(file));
  let count = 0;
  for (let y = Math.floor(box.y - offsetY - 6); y <= box.y - offsetY + box.height + 6; y += 1) {
    for (let x = Math.max(0, Math.floor(box.x - 6)); x <= Math.min(image.width - 1, box.x + box.width + 6); x += 1) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! > 230 && image.data[i + 1]! < 40 && image.data[i + 2]! > 140 && image.data[i + 2]! < 200) count += 1;
    }
  }
  return count;
}

async function pictureWithFocusedField(items: number) {
  const page = await fixtures.browser.newPage({ viewport: { width: 412, height: 800 } });
  try {
    await page.goto(`${fixtures.url}/rules/big-list.html?n=${items}`);
    await page.addStyleTag({ content: RING });
    await page.evaluate(PAGE_LIB_SCRIPT);
    await page.click('#email');
    await page.keyboard.type('ann@example.com');
    // What the page's own code could see of the picture: changes to its markup, its styles, its focus.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver((records) => seen.push(...records.map((r) => r.type))).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      addEventListener('focusout', () => seen.push('focusout'), true);
      addEventListener('scroll', () => seen.push('scroll'));
    });
    const before = await page.evaluate(() => ({ outline: getComputedStyle(document.activeElement!).outlineStyle, scroll: scrollY, height: document.documentElement.scrollHeight }));
    const box = (await page.locator('#email').boundingBox())!;
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-tall-'));
    const { saved } = await captureStep(page, join(dir, 'step.png'), 'step.png', []);
    const shot = (await saved)!;
    const after = await page.evaluate(() => ({
      focused: document.activeElement?.id,
      outline: getComputedStyle(document.activeElement!).outlineStyle,
      sheets: document.adoptedStyleSheets.length,
      scroll: scrollY,
      seen: (window as unknown as { seen: string[] }).seen,
    }));
    return { before, after, shot, ring: ringPixels(join(dir, shot.path), box, shot.offset.y) };
  } finally {
    await page.close();
  }
}

describe('the picture of a page with the field the customer typed in still focused', () => {
  it('on a page taller than a picture: taken with the outline off, the page left as the customer had it', async () => {
    const { before, after, shot, ring } = await pictureWithFocusedField(3000);
    expect(before.height).toBeGreaterThan(6000);
    expect(shot.height).toBe(6000);
    expect(ring).toBe(0);
    expect(after).toEqual({ focused: 'email', outline: before.outline, sheets: 0, scroll: before.scroll, seen: [] });
    expect(before.outline).toBe('solid');
  });

  it('on a page shorter than a picture: its focus ring is in the picture', async () => {
    const { before, after, shot, ring } = await pictureWithFocusedField(200);
    expect(shot.height).toBe(before.height);
    expect(ring).toBeGreaterThan(50);
    expect(after).toEqual({ focused: 'email', outline: 'solid', sheets: 0, scroll: before.scroll, seen: [] });
  });
});
