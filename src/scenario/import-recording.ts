/**
 * A Chrome DevTools Recorder export (the JSON of "Export recording") turned into a scenario file: each navigation,
 * click, change and key press becomes a step named after what the person did, with a locator in the customer's
 * terms where the recording has one (its aria/ and text/ selectors), and CSS only when it has nothing else. Values
 * typed into password-like fields are never written out: they become `${env.NAME}` secrets.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { formatPath, type PathSegment } from './problems.js';

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
    data = JSON.parse(text);
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

/** The first part of each selector (a selector is a list when it goes through frames or shadow roots). */
function selectorsOf(step: RecordedStep): string[] {
  return (step.selectors ?? []).map((s) => (Array.isArray(s) ? s[0]! : s));
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
    // A name without a role: for a field, the name a label or placeholder gives it; else the words on it.
    return field ? { role: 'textbox', name, exact: true } : { text: name, exact: true };
  }
  if (!field) {
    // A text/ selector finds an element whose text contains the words, as cx-shop's text locator does.
    const text = selectors.find((s) => s.startsWith('text/'))?.slice(5).trim();
    if (text) return { text };
  }
  const plain = selectors.filter((s) => !/^(aria|text|xpath|pierce)\//.test(s));
  // Only data-testid: the attribute a scenario's testId matches unless it says otherwise (others stay CSS).
  const testId = plain.map((s) => /^\[data-testid="([^"]+)"\]$/.exec(s)?.[1]).find(Boolean);
  if (testId) return { testId };
  const css = plain[0] ?? selectors.find((s) => s.startsWith('pierce/'))?.slice(7);
  return css ? { css } : null;
}

function describe(locator: Locator): string {
  if (typeof locator.name === 'string') return `"${locator.name}"`;
  if (typeof locator.text === 'string') return `"${locator.text}"`;
  if (typeof locator.testId === 'string') return `test id ${locator.testId}`;
  return String(locator.css);
}

const SECRET_FIELD = /pass(word|code)?|pin\b|cvc|cvv|security code|secret|token|card ?number|cc-?number/i;

/** Turns a recording into a scenario file; `baseUrl` defaults to the origin of the first page visited. */
export function importRecording(recording: Recording, options: { baseUrl?: string } = {}): Imported {
  const notes: string[] = [];
  const steps: Array<Record<string, unknown>> = [];
  const first = recording.steps.find((s) => s.type === 'navigate' && s.url);
  // Pages of the site the recording started on are written as paths, so the scenario runs against any copy of it.
  const recordedOrigin = first?.url ? new URL(first.url).origin : undefined;
  const baseUrl = options.baseUrl ?? recordedOrigin;
  const viewport = recording.steps.find((s) => s.type === 'setViewport');
  const device = viewport ? (viewport.isMobile || viewport.hasTouch || (viewport.width ?? 1280) < 600 ? 'Pixel 7' : 'Desktop Chrome') : 'Desktop Chrome';
  let secretCount = 0;
  let lastTap: { index: number; selectors: string } | null = null;

  for (const [index, step] of recording.steps.entries()) {
    const selectors = selectorsOf(step);
    switch (step.type) {
      case 'setViewport':
      case 'keyUp':
        break;
      case 'navigate': {
        if (!step.url) break;
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
        steps.push({ name: `Tap ${describe(locator)}`, tap: locator });
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
        if (locator.role === 'combobox' || locator.role === 'listbox') {
          const { exact: _exact, ...field } = locator;
          steps.push({ name: `Choose ${step.value} in ${describe(locator)}`, select: { ...field, option: step.value } });
          break;
        }
        // The tap that only focused this field just before is part of typing into it (cx-shop taps the field itself).
        if (lastTap && lastTap.index === steps.length - 1 && lastTap.selectors === JSON.stringify(selectors)) steps.pop();
        let text = step.value;
        if (SECRET_FIELD.test(`${describe(locator)} ${selectors.join(' ')}`)) {
          secretCount += 1;
          const name = `CX_SHOP_SECRET_${secretCount}`;
          notes.push(`the value typed into ${describe(locator)} looks secret: it is not written out; set ${name} when you run the scenario`);
          text = `\${env.${name}}`;
        }
        steps.push({ name: `Type into ${describe(locator)}`, type: { ...locator, text } });
        break;
      }
      case 'keyDown': {
        // Characters arrive as change steps; only the keys that do something on their own are kept.
        if (step.key && ['Enter', 'Tab', 'Escape', 'ArrowDown', 'ArrowUp', 'Backspace', 'Delete', ' '].includes(step.key)) {
          steps.push({ name: `Press ${step.key === ' ' ? 'Space' : step.key}`, press: step.key === ' ' ? 'Space' : step.key });
        }
        break;
      }
      case 'scroll': {
        if (selectors.length > 0) break;
        if (typeof step.y === 'number' && step.y !== 0) steps.push({ name: 'Scroll down the page', scroll: { by: Math.round(step.y) } });
        break;
      }
      case 'waitForElement': {
        const locator = locatorFrom(selectors, false);
        if (locator) steps.push({ name: `See ${describe(locator)}`, expect: { visible: locator } });
        break;
      }
      default:
        notes.push(`steps[${index}] (${step.type}) is not something cx-shop does: left out`);
    }
  }
  if (steps.length === 0) throw new RecordingError('nothing in it that cx-shop can do: no navigation, click, change or key press');
  const scenario = {
    name: recording.title?.trim() || 'Recorded journey',
    description: 'Imported from a Chrome DevTools Recorder export: rename the steps in the customer\'s words',
    journey: 'custom',
    device,
    ...(baseUrl && { baseUrl }),
    steps,
  };
  return { yaml: stringify(scenario, { lineWidth: 0 }), notes };
}
