/** A site may format what was typed (spaces in a card number, "08 / 29" for 0829, upper-case codes): not a lost value. */
export function sameValue(value: string, typed: string): boolean {
  const normal = (s: string) => s.replace(/[\s\-().\/]/g, '').toLowerCase();
  return normal(value) === normal(typed);
}

/**
 * Fields whose value the browser keeps in its own form, whatever the customer typed: "12/24/2026" into a date field
 * is "2026-12-24", "0930PM" into a time field "21:30". Such a field took the typing when it holds a whole value.
 */
const BROWSER_FORMATTED = new Set(['date', 'time', 'datetime-local', 'month', 'week']);

export function browserFormatted(type: string): boolean {
  return BROWSER_FORMATTED.has(type.toLowerCase());
}
