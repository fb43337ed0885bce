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

export function suggestLocators(wanted: WantedElement): string[] {
  const lib = window.__cxShopLib;
  if (!lib) return [];
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
  const yaml = (key: string, value: string) => `{ ${key}: ${/^[\p{L}\p{N} ?'.-]+$/u.test(value) && !/^[-?]/.test(value) ? value : JSON.stringify(value)} }`;
  const found: string[] = [];
  const add = (suggestion: string) => {
    if (!found.includes(suggestion)) found.push(suggestion);
  };
  const selector = wanted.field
    ? 'input:not([type="hidden"]), select, textarea, [contenteditable="true"], [aria-haspopup="listbox"], [role="combobox"], [role="switch"]'
    : 'a[href], button, [role="button"], [role="link"], input[type="submit"], input[type="button"], summary, [onclick]';
  for (const el of Array.from(document.querySelectorAll(selector))) {
    if (!lib.visible(el)) continue;
    const testId = el.getAttribute(wanted.testIdAttribute);
    const label = lib.labelOf(el);
    const placeholder = el.getAttribute('placeholder');
    const role = lib.roleOf(el);
    const name = lib.describe(el).match(/"(.*)"$/)?.[1] ?? null;
    const href = el.getAttribute('href') ?? '';
    const classes = typeof (el as HTMLElement).className === 'string' ? (el as HTMLElement).className : '';
    if (label && similar(label)) add(wanted.field ? yaml('label', label) : `{ role: ${role}, name: ${JSON.stringify(label)} }`);
    else if (placeholder && similar(placeholder)) add(yaml('placeholder', placeholder));
    else if (!wanted.field && name && similar(name)) add(`{ role: ${role}, name: ${JSON.stringify(name)} }`);
    else if (testId && similar(testId)) add(`{ testId: ${JSON.stringify(testId)} }`);
    else if (similar(el.getAttribute('name')) || similar(el.getAttribute('id')) || similar(href.split(/[/?#]/).filter(Boolean).pop()) || classes.split(/\s+/).some((c) => similar(c.replace(/[_-]/g, ' ')))) {
      // Nothing a customer can read names it (an icon link): a test id or CSS is the honest way to find it.
      if (testId) add(`{ testId: ${JSON.stringify(testId)} }`);
      else add(`{ css: ${JSON.stringify(lib.cssPath(el))} }`);
    }
    if (found.length >= 3) break;
  }
  return found;
}
