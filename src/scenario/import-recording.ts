/**
 * A Chrome DevTools Recorder export (the JSON of "Export recording") turned into a scenario file: each navigation,
 * click, change and key press becomes a step named after what the person did, with a locator in the customer's
 * terms where the recording has one (its aria/ and text/ selectors), and CSS only when it has nothing else. Values
 * typed into password-like fields are never written out: they become `${env.NAME}` secrets.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { formatPath, type PathSegment } from './problems.js';
import { SECRET_FIELD_WORDS } from './secret-fields.js';

const SelectorList = z.array(z.union([z.string(), z.array(z.string()).min(1)])).min(1);

const RecordingSchema = z.object({
  title: z.string().optional(),
  steps: z
    .array(
      z
        .object({
          type: z.string(),
          url: z.url().optional(),
          selectors: SelectorList.optional(),
          value: z.string().optional(),
          key: z.string().optional(),
          x: z.number().optional(),
          y: z.number().optional(),
          isMobile: z.boolean().optional(),
          hasTouch: z.boolean().optional(),
          width: z.number().optional(),
          count: z.number().optional(),
          visible: z.boolean().optional(),
          assertedEvents: z.array(z.object({ type: z.string(), url: z.string().optional() }).passthrough()).optional(),
        })
        .passthrough(),
    )
    .min(1),
});

export type Recording = z.infer<typeof RecordingSchema>;
type RecordedStep = Recording['steps'][number];
type Locator = Record<string, string | boolean>;

export interface Imported {
  /** The scenario file's text. */
  yaml: string;
  /** What the person should know: steps left out, secrets to set. */
  notes: string[];
}

/** Problems with the file itself, in words, with where (`steps[3].selectors`). */
export class RecordingError extends Error {}

export function parseRecording(text: string): Recording {
  let data: unknown;
  try {
    // A byte order mark some editors put before the text is no part of the JSON.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new RecordingError(`not JSON: ${(error as Error).message}`);
  }
  const result = RecordingSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = formatPath(issue.path as PathSegment[]);
    throw new RecordingError(`not a DevTools Recorder export: ${where ? `${where}: ` : ''}${issue.message}`);
  }
  return result.data;
}

/** A plain CSS selector, not one of the Recorder's aria/, text/, xpath/ or pierce/ kinds. */
const isCss = (selector: string) => !/^(aria|text|xpath|pierce)\//.test(selector);

/**
 * The element each selector finds: a selector is a list when it goes through frames or shadow roots, and its last
 * part is the element itself. A list of names (`["aria/Oxford shirt", "aria/Add to cart"]`) is the Recorder saying the
 * element's own name is not unique on the page (every product has its "Add to cart"): the name alone would find the
 * first of them, so the recording's other selectors, which find the one tapped, are used instead.
 */
function selectorsOf(step: RecordedStep): string[] {
  return (step.selectors ?? []).filter((s) => !sharedName(s)).map((s) => {
    if (!Array.isArray(s)) return s;
    // CSS through shadow roots (["product-card:nth-of-type(2)", "button.add"]) keeps its host: a CSS locator looks
    // into open shadow roots, and the button alone would be every card's.
    return s.every(isCss) ? s.join(' ') : s.at(-1)!;
  });
}

const sharedName = (selector: string | string[]): selector is string[] => Array.isArray(selector) && selector.length > 1 && selector.every((part) => part.startsWith('aria/'));

/** The element's name and the names around it that tell it apart ("Add to cart" in "Oxford shirt"), for a step's name. */
function namedWithin(step: RecordedStep): string | null {
  const path = (step.selectors ?? []).find(sharedName);
  if (!path) return null;
  const names = path.map((part) => part.slice(5).replace(/\[role="[^"]*"\]$/, '').trim());
  return `"${names.at(-1)}" in "${names.slice(0, -1).join(' ')}"`;
}

const ROLES = new Set(['button', 'link', 'textbox', 'checkbox', 'radio', 'combobox', 'listbox', 'option', 'tab', 'menuitem', 'searchbox', 'switch', 'heading', 'img']);

/** A locator in the customer's terms from the recording's selectors: aria/ first, then text/, then a test id, then CSS. */
export function locatorFrom(selectors: string[], field: boolean): Locator | null {
  for (const selector of selectors) {
    if (!selector.startsWith('aria/')) continue;
    const match = /^aria\/(.*?)(?:\[role="([a-z]+)"\])?$/.exec(selector);
    const name = match?.[1]?.trim();
    const role = match?.[2];
    if (!name) continue;
    if (role && ROLES.has(role)) return { role, name, exact: true };
    // A name without a role (the Recorder adds one only when the name alone is not unique): what the element is, the
    // recording's CSS says when it names a tag. A link or button may be an icon with no words on it, only its name
    // ("Cart"); a field other than a text box (a list, a search or number field) is found by its label.
    const tag = tagIn(selectors);
    if (!field && (tag === 'a' || tag === 'button')) return { role: tag === 'a' ? 'link' : 'button', name, exact: true };
    if (field && (tag === 'select' || /^input\[type="?(search|number|email|tel|url|date)/.test(lastCompound(selectors) ?? ''))) return { label: name, exact: true };
    // For a field, the name a label or placeholder gives it; else the words on it.
    return field ? { role: 'textbox', name, exact: true } : { text: name, exact: true };
  }
  if (!field) {
    // A text/ selector finds an element whose text contains the words, as cx-shop's text locator does.
    const text = selectors.find((s) => s.startsWith('text/'))?.slice(5).trim();
    if (text) return { text };
  }
  const plain = selectors.filter(isCss);
  // Only data-testid: the attribute a scenario's testId matches unless it says otherwise (others stay CSS).
  const testId = plain.map((s) => /^\[data-testid="([^"]+)"\]$/.exec(s)?.[1]).find(Boolean);
  if (testId) return { testId };
  const css = plain[0] ?? selectors.find((s) => s.startsWith('pierce/'))?.slice(7);
  return css ? { css } : null;
}

/**
 * The last compound selector (`ul > li:nth-of-type(2) > a.icon-link` → `a.icon-link`) of the recording's first CSS
 * selector that names the element's tag (`#size` names none, `form > select` does).
 */
function lastCompound(selectors: string[]): string | null {
  const compounds = selectors.filter(isCss).map((css) => css.trim().split(/\s*[\s>+~]\s*/).at(-1) ?? '');
  return compounds.find((compound) => /^[a-z]/i.test(compound)) ?? null;
}

/** The tag the recording's CSS names for the element, if it names one. */
function tagIn(selectors: string[]): string | null {
  return /^([a-z][a-z0-9-]*)/i.exec(lastCompound(selectors) ?? '')?.[1]?.toLowerCase() ?? null;
}

function describe(locator: Locator): string {
  if (typeof locator.name === 'string') return `"${locator.name}"`;
  if (typeof locator.label === 'string') return `"${locator.label}"`;
  if (typeof locator.text === 'string') return `"${locator.text}"`;
  if (typeof locator.testId === 'string') return `test id ${locator.testId}`;
  return String(locator.css);
}


/** A character as an address writes it: its UTF-8 bytes as %XX, in either case ("&" as %26). */
const percentEncoded = (char: string) =>
  [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).padStart(2, '0').replace(/[a-f]/g, (hex) => `[${hex}${hex.toUpperCase()}]`)}`).join('');

/**
 * Every string of the scenario's name and steps with each secret value, as typed or percent-encoded character by
 * character (an address), replaced by its `${env.NAME}`; references already there, and a locator's role, stay as
 * they are. A value shorter than 4 characters only counts standing on its own, not inside a longer word or number.
 * Says which names it used.
 */
function referSecrets<T>(value: T, names: ReadonlyMap<string, string>): { value: T; used: Set<string> } {
  const used = new Set<string>();
  const values = [...names.keys()].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  if (values.length === 0) return { value, used };
  const forms = values.map((secret) => {
    const form = [...secret]
      .map((char) => `(?:${char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}|${percentEncoded(char)}${char === ' ' ? '|\\+' : ''})`)
      .join('');
    return [...secret].length < 4 ? `(?<![\\p{L}\\p{N}])${form}(?![\\p{L}\\p{N}])` : form;
  });
  const pattern = new RegExp(`(\\$\\{env\\.\\w+\\})|${forms.map((form) => `(${form})`).join('|')}`, 'gu');
  const replace = (text: string) =>
    text.replace(pattern, (_whole: string, reference: string | undefined, ...found: unknown[]) => {
      if (reference) return reference;
      // The group that matched says which value it was.
      const name = names.get(values[found.findIndex((f) => typeof f === 'string')]!)!;
      used.add(name);
      return `\${env.${name}}`;
    });
  const walk = (node: unknown): unknown =>
    typeof node === 'string'
      ? replace(node)
      : Array.isArray(node)
        ? node.map(walk)
        : node && typeof node === 'object'
          ? Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, key === 'role' ? inner : walk(inner)]))
          : node;
  return { value: walk(value) as T, used };
}

/** The variable a scenario file's base URL reads its site's password from. */
export const SITE_PASSWORD = 'CX_SHOP_SITE_PASSWORD';

/**
 * A base URL as a scenario file may hold it: the password of a site behind the browser's sign-in prompt
 * (`https://team:PASSWORD@staging.shop.example/`) becomes `${env.CX_SHOP_SITE_PASSWORD}`, with a note saying to set it.
 */
export function baseUrlToWrite(baseUrl: string): { baseUrl: string; note?: string } {
  if (!URL.canParse(baseUrl) || !new URL(baseUrl).password) return { baseUrl };
  const written = baseUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/?#]*:)[^@/?#]*@/i, `$1\${env.${SITE_PASSWORD}}@`);
  return { baseUrl: written, note: `the site's password in the base URL is not written out: set ${SITE_PASSWORD} to it when you run the scenario` };
}

/** An address of a page on the web (a recording may start on about:blank or the browser's new tab page). */
const isWebPage = (url: string) => /^https?:$/.test(new URL(url).protocol);

/** Turns a recording into a scenario file; `baseUrl` defaults to the origin of the first page visited. */
export function importRecording(recording: Recording, options: { baseUrl?: string } = {}): Imported {
  const notes: string[] = [];
  const steps: Array<Record<string, unknown>> = [];
  const first = recording.steps.find((s) => s.type === 'navigate' && s.url && isWebPage(s.url));
  // Pages of the site the recording started on are written as paths, so the scenario runs against any copy of it.
  const recordedOrigin = first?.url ? new URL(first.url).origin : undefined;
  const given = options.baseUrl === undefined ? undefined : baseUrlToWrite(options.baseUrl);
  if (given?.note) notes.push(given.note);
  const baseUrl = given?.baseUrl ?? recordedOrigin;
  if (!baseUrl) notes.push('the recording opens no page of a site (no http or https address): give the site with --base-url when you run it');
  const viewport = recording.steps.find((s) => s.type === 'setViewport');
  const device = viewport ? (viewport.isMobile || viewport.hasTouch || (viewport.width ?? 1280) < 600 ? 'Pixel 7' : 'Desktop Chrome') : 'Desktop Chrome';
  // Each secret value typed, with the variable that stands for it (the same value typed twice is one variable).
  const secrets = new Map<string, string>();
  let lastTap: { index: number; selectors: string } | null = null;
  // Keys held down (Shift, Control…), pressed with the next key as one chord ("Shift+Tab").
  const held: string[] = [];
  // Where the page is scrolled to: the recording says where each scroll ended, the scenario how far it went.
  let scrolledTo = 0;
  // An address the recording saw the page go to after a step: the step's expectation, when it is of the site.
  const expectArrival = (step: RecordedStep, before: number) => {
    const navigation = step.assertedEvents?.find((event) => event.type === 'navigation' && event.url && URL.canParse(event.url));
    if (!navigation || steps.length === before) return;
    const url = new URL(navigation.url!);
    if (!isWebPage(url.href)) return;
    scrolledTo = 0;
    const written = steps.at(-1)!;
    if (written.goto !== undefined) return;
    written.expect = { url: url.origin === recordedOrigin ? `${url.pathname}${url.search}` : url.href };
  };

  for (const [index, step] of recording.steps.entries()) {
    const selectors = selectorsOf(step);
    const before = steps.length;
    switch (step.type) {
      case 'setViewport':
        break;
      case 'keyUp': {
        const at = step.key ? held.indexOf(step.key) : -1;
        if (at >= 0) held.splice(at, 1);
        break;
      }
      case 'navigate': {
        scrolledTo = 0;
        if (!step.url) break;
        if (!isWebPage(step.url)) {
          notes.push(`steps[${index}] opens ${step.url}, a page of the browser, not of a site: left out`);
          break;
        }
        const url = new URL(step.url);
        const target = url.origin === recordedOrigin ? `${url.pathname}${url.search}${url.hash}` : step.url;
        steps.push({ name: `Open ${target === '/' ? 'the home page' : target}`, goto: target });
        break;
      }
      case 'click':
      case 'doubleClick': {
        const locator = locatorFrom(selectors, false);
        if (!locator) {
          notes.push(`steps[${index}] (${step.type}) has no selector cx-shop can use: left out`);
          break;
        }
        steps.push({ name: `Tap ${namedWithin(step) ?? describe(locator)}`, tap: locator });
        lastTap = { index: steps.length - 1, selectors: JSON.stringify(selectors) };
        break;
      }
      case 'hover': {
        const locator = locatorFrom(selectors, false);
        if (locator) steps.push({ name: `Point at ${describe(locator)}`, hover: locator });
        break;
      }
      case 'change': {
        const locator = locatorFrom(selectors, true);
        if (!locator || step.value === undefined) {
          notes.push(`steps[${index}] (change) has no field or value cx-shop can use: left out`);
          break;
        }
        if (locator.role === 'combobox' || locator.role === 'listbox' || tagIn(selectors) === 'select') {
          const { exact: _exact, ...field } = locator;
          steps.push({ name: `Choose ${step.value} in ${describe(locator)}`, select: { ...field, option: step.value } });
          break;
        }
        // The tap that only focused this field just before is part of typing into it (cx-shop taps the field itself).
        if (lastTap && lastTap.index === steps.length - 1 && lastTap.selectors === JSON.stringify(selectors)) steps.pop();
        let text = step.value;
        if ((text !== '' && secrets.has(text)) || SECRET_FIELD_WORDS.test(`${describe(locator)} ${selectors.join(' ')}`)) {
          let name = secrets.get(text);
          if (!name) {
            name = `CX_SHOP_SECRET_${secrets.size + 1}`;
            secrets.set(text, name);
            notes.push(`the value typed into ${describe(locator)} looks secret: it is not written out; set ${name} when you run the scenario`);
          }
          text = `\${env.${name}}`;
        }
        steps.push({ name: `Type into ${describe(locator)}`, type: { ...locator, text } });
        break;
      }
      case 'keyDown': {
        if (!step.key) break;
        if (['Shift', 'Control', 'Alt', 'Meta'].includes(step.key)) {
          if (!held.includes(step.key)) held.push(step.key);
          break;
        }
        const key = step.key === ' ' ? 'Space' : step.key;
        // Characters arrive as change steps; only the keys that do something on their own are kept, and any key
        // pressed with a key held (Shift+Tab, Control+A).
        const chord = held.filter((modifier) => modifier !== 'Shift' || key.length > 1);
        if (chord.length > 0) steps.push({ name: `Press ${[...chord, key].join('+')}`, press: [...chord, key].join('+') });
        else if (['Enter', 'Tab', 'Escape', 'ArrowDown', 'ArrowUp', 'Backspace', 'Delete', 'Space'].includes(key)) steps.push({ name: `Press ${key}`, press: key });
        break;
      }
      case 'scroll': {
        if (selectors.length > 0) break;
        // Where the page ended up, not how far it went (the Recorder's x and y are the page's scroll position).
        if (typeof step.y !== 'number') break;
        const by = Math.round(step.y - scrolledTo);
        scrolledTo = step.y;
        if (by !== 0) steps.push({ name: by > 0 ? 'Scroll down the page' : 'Scroll up the page', scroll: { by } });
        break;
      }
      case 'waitForElement': {
        // "Until it is gone" (a spinner: count 0, or not visible) is no expectation cx-shop can write.
        if (step.count === 0 || step.visible === false) {
          notes.push(`steps[${index}] waits for something to go away: left out (cx-shop's expect says what must be seen)`);
          break;
        }
        const locator = locatorFrom(selectors, false);
        if (locator) steps.push({ name: `See ${describe(locator)}`, expect: { visible: locator } });
        break;
      }
      default:
        notes.push(`steps[${index}] (${step.type}) is not something cx-shop does: left out`);
    }
    expectArrival(step, before);
  }
  if (steps.length === 0) throw new RecordingError('nothing in it that cx-shop can do: no navigation, click, change or key press');
  // A secret typed once is kept out of every other place the recording has it: an address it was sent in, a step
  // named after a page or a button that shows it.
  const { value: recorded, used } = referSecrets({ name: recording.title?.trim() || 'Recorded journey', steps }, secrets);
  const scenario = {
    name: recorded.name,
    description: 'Imported from a Chrome DevTools Recorder export: rename the steps in the customer\'s words',
    journey: 'custom',
    device,
    ...(baseUrl && { baseUrl }),
    steps: recorded.steps,
  };
  for (const [value, name] of secrets) {
    if (!used.has(name)) continue;
    const encoded = encodeURIComponent(value) !== value ? ' (an address gets the value as it is, not percent-encoded: check that it still opens the same page)' : '';
    notes.push(`the value of ${name} is also in other steps (an address, a step's name or a locator): it reads \${env.${name}} there too${encoded}`);
  }
  return { yaml: stringify(scenario, { lineWidth: 0 }), notes };
}
