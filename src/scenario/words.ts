/** Plain words for types and values, for people who write YAML rather than TypeScript. */

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'nothing',
  undefined: 'nothing',
};

/** zod's name for an expected type, in words: `string` -> `text`. */
export function plainType(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

/** A literal the schema wants, as it would be written in YAML. */
export function quoteLiteral(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** What was written, in words; text is quoted, shortened, and never shows a secret. */
export function describeValue(value: unknown, secrets: readonly string[]): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') {
    let shown = value;
    for (const secret of secrets) shown = shown.split(secret).join('•••');
    return JSON.stringify(shown.length > 40 ? `${shown.slice(0, 37)}...` : shown);
  }
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** `a, b or c`. */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
