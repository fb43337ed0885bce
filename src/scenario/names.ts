/**
 * Names a scenario must spell as the browser does: ARIA roles for `role:` locators and key names for `press`.
 * A misspelt one would otherwise be found out only in the run (a role matches nothing until the step's time runs
 * out; an unknown key stops the step), so validation checks them, with a did-you-mean.
 */
import type { z } from 'zod';

/** The roles an element can be found by (WAI-ARIA 1.2 and HTML-AAM, as Playwright's getByRole knows them). */
export const ARIA_ROLES: readonly string[] = [
  'alert', 'alertdialog', 'application', 'article', 'banner', 'blockquote', 'button', 'caption', 'cell', 'checkbox',
  'code', 'columnheader', 'combobox', 'complementary', 'contentinfo', 'definition', 'deletion', 'dialog', 'directory',
  'document', 'emphasis', 'feed', 'figure', 'form', 'generic', 'grid', 'gridcell', 'group', 'heading', 'img',
  'insertion', 'link', 'list', 'listbox', 'listitem', 'log', 'main', 'marquee', 'math', 'meter', 'menu', 'menubar',
  'menuitem', 'menuitemcheckbox', 'menuitemradio', 'navigation', 'none', 'note', 'option', 'paragraph',
  'presentation', 'progressbar', 'radio', 'radiogroup', 'region', 'row', 'rowgroup', 'rowheader', 'scrollbar',
  'search', 'searchbox', 'separator', 'slider', 'spinbutton', 'status', 'strong', 'subscript', 'superscript',
  'switch', 'tab', 'table', 'tablist', 'tabpanel', 'term', 'textbox', 'time', 'timer', 'toolbar', 'tooltip', 'tree',
  'treegrid', 'treeitem',
];

/**
 * Key names a press takes: the UI Events `code` names of a US keyboard (Enter, ArrowDown, KeyA, Digit1, F5,
 * Numpad0), the modifiers by their `key` names, and any printable ASCII character. Non-ASCII characters are typed
 * with `type`, not pressed.
 */
export const KEY_NAMES: readonly string[] = [
  'Escape', ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`), 'Backquote',
  ...Array.from({ length: 10 }, (_, i) => `Digit${i}`), 'Minus', 'Equal', 'Backslash', 'Backspace', 'Tab',
  ...Array.from({ length: 26 }, (_, i) => `Key${String.fromCharCode(65 + i)}`), 'BracketLeft', 'BracketRight',
  'CapsLock', 'Semicolon', 'Quote', 'Enter', 'Comma', 'Period', 'Slash', 'Space', 'ContextMenu', 'PrintScreen',
  'ScrollLock', 'Pause', 'PageUp', 'PageDown', 'Insert', 'Delete', 'Home', 'End', 'ArrowLeft', 'ArrowUp',
  'ArrowRight', 'ArrowDown', 'AudioVolumeMute', 'AudioVolumeDown', 'AudioVolumeUp', 'MediaTrackNext',
  'MediaTrackPrevious', 'MediaPlayPause', 'NumLock', 'NumpadDivide', 'NumpadMultiply', 'NumpadSubtract', 'NumpadAdd',
  'NumpadDecimal', 'NumpadEnter', ...Array.from({ length: 10 }, (_, i) => `Numpad${i}`),
  'Shift', 'ShiftLeft', 'ShiftRight', 'Control', 'ControlLeft', 'ControlRight', 'Alt', 'AltLeft', 'AltRight',
  'AltGraph', 'Meta', 'MetaLeft', 'MetaRight', 'ControlOrMeta',
];

const KNOWN_KEYS = new Set(KEY_NAMES);

/** The parts of a key chord ("Shift+Tab", "Control++"), split as the keyboard reads it. */
function chordParts(chord: string): string[] {
  const parts: string[] = [];
  let building = '';
  for (const char of chord) {
    if (char === '+' && building) {
      parts.push(building);
      building = '';
    } else building += char;
  }
  parts.push(building);
  return parts;
}

/** The first part of a key or chord no keyboard has, or null when every part is a key. */
export function unknownKeyIn(chord: string): string | null {
  for (const part of chordParts(chord)) {
    const printable = part.length === 1 && part >= ' ' && part <= '~';
    if (!printable && !KNOWN_KEYS.has(part)) return part;
  }
  return null;
}

/** What validation says of a name it does not know, with the names to suggest from. */
export interface UnknownName {
  known: 'role' | 'key';
  value: string;
}

const CHOICES: Record<UnknownName['known'], { names: readonly string[]; otherwise: string }> = {
  role: { names: ARIA_ROLES, otherwise: 'an ARIA role such as button, link, textbox, checkbox, heading or dialog' },
  key: { names: KEY_NAMES, otherwise: 'a key name such as Enter, Tab, Escape, ArrowDown, PageDown or KeyA, or a chord such as Shift+Tab' },
};

/** A zod check that the value is a known role. */
export function checkRole(value: string, ctx: z.RefinementCtx<string>): void {
  if (!ARIA_ROLES.includes(value)) ctx.addIssue({ code: 'custom', message: 'unknown role', params: { known: 'role', value } });
}

/** A zod check that every key of a chord is a key. */
export function checkKey(value: string, ctx: z.RefinementCtx<string>): void {
  const unknown = unknownKeyIn(value);
  if (unknown !== null) ctx.addIssue({ code: 'custom', message: 'unknown key', params: { known: 'key', value: unknown } });
}

/** The names to suggest for an unknown one, and what to write when none is close. */
export function choicesFor(name: UnknownName): { names: readonly string[]; otherwise: string } {
  return CHOICES[name.known];
}
