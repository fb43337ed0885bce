/**
 * What a `label` locator may find (LABELLED in script-context.ts), asked of each element of a page of every kind in
 * real Chromium: fields, whatever the case of an input's type; a page's own fields by their role; a button-drawn
 * drop-down; a labelled frame. Not buttons of any kind, hidden inputs, or text a page marks as not editable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { LABELLED } from '../../src/driver/script-context.js';
import { startBrowser } from '../helpers/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PAGE = `<main>
  <input id="text"><input id="email" type="email"><input id="upper" type="TEXT"><input id="check" type="checkbox">
  <input id="hidden" type="hidden"><input id="hidden-upper" type="Hidden"><input id="submit" type="submit">
  <input id="button" type="BUTTON"><input id="reset" type="reset"><input id="image" type="image">
  <textarea id="area"></textarea><select id="select"><option>S</option></select><iframe id="frame"></iframe>
  <div id="editable" contenteditable="true"></div><div id="editable-empty" contenteditable=""></div>
  <div id="not-editable" contenteditable="false"></div>
  <div id="textbox" role="textbox"></div><div id="combobox" role="combobox"></div><div id="slider" role="slider"></div>
  <div id="switch" role="switch"></div><div id="listbox" role="listbox"></div>
  <button id="drop-down" aria-haspopup="listbox">Size</button><button id="plain-button">Decrease quantity</button>
  <div id="region" role="region"></div><span id="text-only">Quantity</span>
</main>`;

describe('what a label may name', () => {
  it('is a field, a field a page draws itself, a drop-down drawn as a button, or a frame', async () => {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    const ids = await page.locator('main *').locator(LABELLED).evaluateAll((els) => els.map((el) => el.id));
    expect(ids).toEqual(['text', 'email', 'upper', 'check', 'area', 'select', 'frame', 'editable', 'editable-empty', 'textbox', 'combobox', 'slider', 'switch', 'listbox', 'drop-down']);
    await page.close();
  });
});
