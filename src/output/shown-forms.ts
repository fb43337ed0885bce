/**
 * The forms a site may write a typed value back in, for the masking of secrets in every output: the terminal, the
 * files, the pictures. Plain text work, loaded by the commands that run no browser too.
 */

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * How a site may write back a value the customer typed, other than with separators between its characters (which
 * the masking of secrets already allows for): a phone number with its country code for the leading 0, or without
 * the country code it was typed with ("07700 900123" shown as "+44 7700 900123", the same number as sameFieldValue
 * judges it); a date typed into a date field in its usual written forms ("1985-03-14" shown as "14 March 1985",
 * "March 14, 1985", "14/03/1985", "3/14/1985").
 */
export function shownForms(typed: string): string[] {
  const text = typed.trim();
  const digits = text.replace(/\D/g, '');
  if (/^(?:\+|0)[\d\s().-]+$/.test(text) && digits.length >= 9 && digits.length <= 15) {
    // The national number without its leading 0, or the number without the one to three digits of a country code
    // (written with the 0 before it or not).
    if (text.startsWith('0')) return [digits.replace(/^0+/, '')];
    return [1, 2, 3].map((code) => digits.slice(code).replace(/^0+/, '')).filter((national) => national.length >= 7).flatMap((national) => [national, `0${national}`]);
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const orders: Array<[number, number, string]> = iso
    ? [[Number(iso[3]), Number(iso[2]), iso[1]!]]
    : numeric
      ? [
          [Number(numeric[1]), Number(numeric[2]), numeric[3]!],
          [Number(numeric[2]), Number(numeric[1]), numeric[3]!],
        ]
      : [];
  const forms: string[] = [];
  for (const [day, month, year] of orders) {
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const name = MONTH_NAMES[month - 1]!;
    const [dd, mm] = [String(day).padStart(2, '0'), String(month).padStart(2, '0')];
    forms.push(`${day} ${name} ${year}`, `${day} ${name.slice(0, 3)} ${year}`, `${name} ${day}, ${year}`, `${name.slice(0, 3)} ${day}, ${year}`);
    forms.push(`${dd}/${mm}/${year}`, `${mm}/${dd}/${year}`, `${day}/${month}/${year}`, `${month}/${day}/${year}`, `${year}-${mm}-${dd}`);
  }
  return [...new Set(forms)].filter((form) => form !== text);
}
