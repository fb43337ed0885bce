/**
 * Messages on screen that the customer must read: alerts, status messages, dialogs, error texts.
 * Runs in the page; returns each visible message once (an element inside another match is skipped).
 */
export interface ScreenMessage {
  kind: 'alert' | 'status' | 'dialog' | 'error';
  text: string;
  where: string;
}

export function collectMessages(): ScreenMessage[] {
  const selectors: Array<[ScreenMessage['kind'], string]> = [
    ['alert', '[role="alert"], [role="alertdialog"], [aria-live="assertive"]'],
    ['dialog', 'dialog[open], [role="dialog"], [aria-modal="true"]'],
    ['status', '[role="status"], [aria-live="polite"], output'],
    ['error', '.error, .errors, .error-message, .field-error, .invalid-feedback, [id*="error" i], [class*="error" i]'],
  ];
  const matched = new Set<Element>();
  const messages: ScreenMessage[] = [];
  // Document order: an outer message comes before what it contains, and stands for it.
  for (const el of Array.from(document.querySelectorAll(selectors.map(([, s]) => s).join(', ')))) {
    matched.add(el);
    let ancestor = el.parentElement;
    while (ancestor && !matched.has(ancestor)) ancestor = ancestor.parentElement;
    if (ancestor) continue;
    const style = getComputedStyle(el);
    if (el.getClientRects().length === 0 || style.visibility === 'hidden') continue;
    const text = ((el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const kind = selectors.find(([, s]) => el.matches(s))![0];
    const id = el.id ? `#${el.id}` : '';
    const role = el.getAttribute('role');
    messages.push({ kind, text, where: `${el.tagName.toLowerCase()}${id}${role ? ` (role ${role})` : ''}` });
  }
  return messages;
}

/** A short description of what is on screen, for failure reasons: title, main heading, visible alerts. */
export function describeScreen(): string {
  const heading = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const alerts = Array.from(document.querySelectorAll('[role="alert"], [role="status"]'))
    .map((el) => (el as HTMLElement).innerText?.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, 2);
  const parts = [`"${document.title || location.pathname}"`];
  if (heading) parts.push(`heading "${heading.slice(0, 80)}"`);
  for (const alert of alerts) parts.push(`message "${alert!.slice(0, 120)}"`);
  return parts.join(', ');
}
