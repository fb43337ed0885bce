/**
 * When a scenario's locator finds nothing, what on the page would have matched: a field whose placeholder says
 * "Username" when the scenario asked for a label, a cart link named only by its aria-label, an icon link found by
 * its address or test id. Runs in the page with the page helpers; returns locators written as in a scenario.
 */
export interface WantedElement {
  /** The words the scenario used to find it (label, name, text, placeholder, test id). */
  words: string;
  /** A form field was wanted (label, placeholder, a textbox role), else anything that can be tapped or read. */
  field: boolean;
  testIdAttribute: string;
}

/** A locator that might match, as the scenario would write it, and its keys for finding it. */
export interface Suggestion {
  written: string;
  locator: { role?: string; name?: string; label?: string; placeholder?: string; testId?: string; css?: string };
}

export function suggestLocators(wanted: WantedElement): Suggestion[] {
  const lib = window.__cxShopLib;
  if (!lib) return [];
  // Most suggestions read in the page, before each is tried with the locator itself (see ScriptContext.notFound).
  const MAX_READ = 8;
  const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j += 1) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const goal = norm(wanted.words);
  const similar = (candidate: string | null | undefined) => {
    const c = norm(candidate);
    if (!c || !goal) return false;
    if ((c.length >= 3 && goal.includes(c)) || (goal.length >= 3 && c.includes(goal))) return true;
    return distance(c, goal) <= Math.max(1, Math.floor(goal.length / 4));
  };
  const plain = (value: string) => (/^[\p{L}\p{N} ?'.-]+$/u.test(value) && !/^[-?]/.test(value) ? value : JSON.stringify(value));
  const found: Suggestion[] = [];
  const add = (locator: Suggestion['locator']) => {
    const written = locator.role
      ? `{ role: ${locator.role}, name: ${JSON.stringify(locator.name)} }`
      : Object.entries(locator).map(([key, value]) => `{ ${key}: ${key === 'label' || key === 'placeholder' ? plain(value) : JSON.stringify(value)} }`)[0]!;
    if (!found.some((f) => f.written === written)) found.push({ written, locator });
  };
  const selector = wanted.field
    ? 'input:not([type="hidden"]), select, textarea, [contenteditable="true"], [aria-haspopup="listbox"], [role="combobox"], [role="switch"]'
    : 'a[href], button, [role="button"], [role="link"], input[type="submit"], input[type="button"], summary, [onclick]';
  // The page's own elements, then those in its components' open shadow roots (a card form built as a web component).
  const roots: Array<Document | ShadowRoot> = [document, ...lib.shadowRoots()];
  for (const el of roots.flatMap((root) => Array.from(root.querySelectorAll(selector)))) {
    if (!lib.visible(el)) continue;
    const testId = el.getAttribute(wanted.testIdAttribute);
    const label = lib.labelOf(el);
    const placeholder = el.getAttribute('placeholder');
    const role = lib.roleOf(el);
    const name = lib.describe(el).match(/"(.*)"$/)?.[1] ?? null;
    const href = el.getAttribute('href') ?? '';
    const classes = typeof (el as HTMLElement).className === 'string' ? (el as HTMLElement).className : '';
    if (label && similar(label)) add(wanted.field ? { label } : { role, name: label });
    else if (placeholder && similar(placeholder)) add({ placeholder });
    else if (!wanted.field && name && similar(name)) add({ role, name });
    else if (testId && similar(testId)) add({ testId });
    else if (similar(el.getAttribute('name')) || similar(el.getAttribute('id')) || similar(href.split(/[/?#]/).filter(Boolean).pop()) || classes.split(/\s+/).some((c) => similar(c.replace(/[_-]/g, ' ')))) {
      // Nothing a customer can read names it (an icon link): a test id or CSS is the honest way to find it.
      if (testId) add({ testId });
      else add({ css: lib.cssPath(el) });
    }
    if (found.length >= MAX_READ) break;
  }
  return found;
}
