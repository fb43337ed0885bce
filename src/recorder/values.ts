/** A site may format what was typed (spaces in a card number, "08 / 29" for 0829, upper-case codes): not a lost value. */
export function sameValue(value: string, typed: string): boolean {
  const normal = (s: string) => s.replace(/[\s\-().\/]/g, '').toLowerCase();
  return normal(value) === normal(typed);
}
