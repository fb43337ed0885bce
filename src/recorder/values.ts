/** An amount as a site writes it back: "£1,000.00", "50.00", "$ 25". */
const MONEY = /^[£$€]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

/**
 * A site may format what was typed (spaces in a card number, "08 / 29" for 0829, upper-case codes, "£1,000.00" for
 * an amount typed as 1000): not a lost value.
 */
export function sameValue(value: string, typed: string): boolean {
  const normal = (s: string) => s.replace(/[\s\-().\/]/g, '').toLowerCase();
  if (normal(value) === normal(typed)) return true;
  if (maskedAs(value, typed) || sameDate(value, typed)) return true;
  // The same amount, written as money; a leading zero dropped ("0123" as 123) is a change, not a format.
  const amount = (s: string) => Number(s.replace(/[£$€\s,]/g, ''));
  return MONEY.test(value.trim()) && MONEY.test(typed.trim()) && !/^[£$€]?\s?0\d/.test(typed.trim()) && amount(value) === amount(typed);
}

/**
 * A card or account number the page masks once the customer leaves the field ("•••• •••• •••• 4242"), showing its
 * last digits: kept, and hidden for their safety.
 */
function maskedAs(value: string, typed: string): boolean {
  if (!/[•●*∗]{3,}|[xX]{4,}/.test(value)) return false;
  const shown = value.replace(/\D/g, '');
  const digits = typed.replace(/\D/g, '');
  return digits.length >= 8 && shown.length >= 2 && shown.length <= 4 && digits.endsWith(shown);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date typed in numbers that the page writes out ("10/12/2026" shown as "Thu 10 Dec 2026"): the same year, and the
 * day and the month as numbers or the month by its name, in either order of day and month.
 */
function sameDate(value: string, typed: string): boolean {
  const parts = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\s*$/.exec(typed);
  if (!parts) return false;
  const [a, b] = [Number(parts[1]), Number(parts[2])];
  const year = parts[3]!;
  const words = value.toLowerCase();
  const numbers = (words.match(/\d+/g) ?? []).map(Number);
  const longYear = year.length === 2 ? 2000 + Number(year) : Number(year);
  if (!numbers.includes(Number(year)) && !numbers.includes(longYear)) return false;
  const month = (n: number) => numbers.includes(n) || (n >= 1 && n <= 12 && new RegExp(`\\b${MONTHS[n - 1]}`).test(words));
  return (numbers.includes(a) && month(b)) || (numbers.includes(b) && month(a));
}

/**
 * Fields whose value the browser keeps in its own form, whatever the customer typed: "12/24/2026" into a date field
 * is "2026-12-24", "0930PM" into a time field "21:30". Such a field took the typing when it holds a whole value.
 */
const BROWSER_FORMATTED = new Set(['date', 'time', 'datetime-local', 'month', 'week']);

export function browserFormatted(type: string): boolean {
  return BROWSER_FORMATTED.has(type.toLowerCase());
}

/**
 * Whether fields took the text the customer meant to type into them, read in order (`parts`, one per field; a code
 * typed across boxes that move on by themselves is one text): a date or time field when each holds a whole value,
 * any other when together they hold the text (see sameFieldValue, judged as the first field).
 */
export function tookTyping(fields: ReadonlyArray<{ type: string; words: string }>, parts: readonly string[], intended: string): boolean {
  if (fields.some((field) => browserFormatted(field.type))) return parts.every((part) => part !== '');
  return sameFieldValue(fields[0]!, parts.join(''), intended);
}

/** A phone number field, by its type, its autocomplete or its words. */
const PHONE_WORDS = /\b(?:phone|mobile|cell|tel(?:ephone)?)\b/i;

/**
 * The same value in a field, as the customer would judge it: sameValue, and a phone number the site writes with its
 * country code ("+44 7700 900123" for "07700 900123", "+1 503 555 0142" for "503-555-0142") is the same number.
 */
export function sameFieldValue(field: { type: string; words: string }, value: string, typed: string): boolean {
  if (sameValue(value, typed)) return true;
  if (field.type !== 'tel' && !PHONE_WORDS.test(field.words)) return false;
  const national = (s: string) => s.replace(/\D/g, '').replace(/^0+/, '');
  const [a, b] = [national(value), national(typed)].sort((x, y) => x.length - y.length) as [string, string];
  // The longer may carry a country code (one to three digits) before the same national number; nothing else differs.
  return a.length >= 6 && /^\+?[\s\d()-]+$/.test(value.trim()) && /^\+?[\s\d()-]+$/.test(typed.trim()) && b.endsWith(a) && b.length - a.length <= 3;
}
