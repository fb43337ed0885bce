/**
 * What leaves cx-shop: secrets redacted in every form a site may show them in, and text from a site or a scenario
 * made safe for a terminal. One place for both, used by the JSON report, the terminal, progress lines and messages.
 */

/** Shown instead of a secret. */
export const MASK = '•••';

const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A character as an address or a form sent in one writes it: its UTF-8 bytes as %XX ("&" as %26). */
const percentEncoded = (char: string) => [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/**
 * A pattern matching each secret as a site may format it: with spaces or dashes between its characters ("4111 1111
 * 1111 1111", "4111-1111-…"), in any case, JSON-escaped, or in an address (a form sent with GET, a redirect's
 * query): percent-encoded, with its spaces as + or %20. Secrets shorter than 4 characters only match as they are.
 */
export function secretPattern(secrets: readonly string[]): RegExp | null {
  const forms = [...new Set(secrets.filter((secret) => secret.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map((secret) => {
      const chars = [...secret].filter((char) => !/[\s-]/.test(char));
      if (chars.length < 4) return escape(secret);
      const piece = (char: string) => {
        // A quote or backslash may stand JSON-escaped (\" or \\) in a report.
        const as = char === '"' || char === '\\' ? `\\\\?${escape(char)}` : escape(char);
        return /^[A-Za-z0-9]$/.test(char) ? as : `(?:${as}|${percentEncoded(char)})`;
      };
      return chars.map(piece).join('(?:[\\s-]|\\+|%20){0,2}');
    });
  return forms.length > 0 ? new RegExp(forms.join('|'), 'giu') : null;
}

/** A function that replaces every secret, in each of its formatted forms, with •••: the pattern is built once. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const pattern = secretPattern(secrets);
  return pattern ? (text) => text.replace(pattern, MASK) : (text) => text;
}

/** Replaces every secret, in each of its formatted forms, with •••. */
export function redact(text: string, secrets: readonly string[]): string {
  return redactor(secrets)(text);
}

/** Escape sequences (CSI, OSC, other ESC forms) and control characters other than newline and tab. */
// eslint-disable-next-line no-control-regex
const CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text from a site or a scenario, safe to print: no escape sequence can clear the screen, recolour or retitle it. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, '');
}

const known = new Set<string>();
let redactKnown: (text: string) => string = (text) => text;
let guarded = false;

/**
 * From now on, nothing written to stdout or stderr shows a secret of these: the one place every terminal line goes
 * through, whatever printed it (the report, progress, an error message, a library).
 */
export function guardOutput(secrets: readonly string[]): void {
  for (const secret of secrets) if (secret) known.add(secret);
  redactKnown = redactor([...known]);
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (known.size === 0) return write(chunk, ...rest);
      const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : null;
      return write(text === null ? chunk : redactKnown(text), ...rest);
    }) as typeof stream.write;
  }
}
