/**
 * What leaves cx-shop: secrets redacted in every form a site may show them in (base64 too), and text from a site or a scenario
 * made safe for a terminal. One place for both, used by the JSON report, the terminal, progress lines and messages.
 */

import { shownForms } from './shown-forms.js';

/** Shown instead of a secret. */
export const MASK = '•••';

const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A character as an address or a form sent in one writes it: its UTF-8 bytes as %XX ("&" as %26). */
const percentEncoded = (char: string) => [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** How HTML writes a character that has a name of its own (an attribute, a snippet of markup). */
const HTML_FORMS: Record<string, string[]> = {
  '&': ['&amp;', '&#38;', '&#x26;'],
  '<': ['&lt;', '&#60;', '&#x3c;'],
  '>': ['&gt;', '&#62;', '&#x3e;'],
  '"': ['&quot;', '&#34;', '&#x22;'],
  "'": ['&#39;', '&apos;', '&#x27;'],
  // A "+" read back from a form sent in an address is a space ("jane+shop@example.com" shown as "jane shop@…").
  '+': [' ', '%20'],
};

/**
 * What a site may put between a secret's characters: spaces, dashes, dots, slashes and brackets ("4111 1111",
 * "(555) 123-4567", "555.123.4567"), and a space in an address (+, %20, or %2520 inside an address in an address).
 */
const BETWEEN = '(?:[\\s\\-.()/+]|%20|%2520){0,3}';

/** Below this many characters (spaces and dashes aside), a secret is matched only as it is, and only whole. */
const SHORT = 4;

/**
 * A secret this long, cut short where a text was cut (a link's words, a page's first line), is masked from where it
 * begins, once at least half of it shows: the rest gives little away (four digits of a card are on every receipt).
 */
const CUT_MIN = 8;

/** Where cx-shop marked a cut ("…", a name cut to a line), a secret of CUT_MIN or more is masked from this many of its first characters. */
const MARKED_CUT_MIN = 4;

/** A secret this long (a card, an IBAN, a gift card's number) is masked wherever three quarters of it, from its start, show. */
const LEADING_MIN = 12;

/**
 * One character of a secret as a report may hold it: as it is, JSON-escaped once or more (\" or \\\"), in an address
 * (percent-encoded, once or twice: a redirect's address inside a query), or as HTML writes it (&amp;).
 */
function piece(char: string): string {
  if (/^[A-Za-z0-9]$/.test(char)) return char;
  const raw = char === '"' ? '\\\\*"' : char === '\\' ? '\\\\+' : escape(char);
  const encoded = percentEncoded(char);
  const forms = [raw, encoded, encoded.replace(/%/g, '%25'), ...(HTML_FORMS[char] ?? [])];
  return `(?:${forms.join('|')})`;
}

/** Not inside a longer word or number: a short secret, a word or a number is masked only where it stands whole. */
const edges = (chars: string[]) => {
  const kind = chars.every((char) => /\p{N}/u.test(char)) ? '\\p{N}' : chars.every((char) => /\p{L}/u.test(char)) ? '[\\p{L}\\p{N}]' : null;
  return kind ? { before: `(?<!${kind})`, after: `(?!${kind})`, kind } : { before: '', after: '', kind };
};

/**
 * The patterns matching each secret as a site may format it: with separators between its characters, in any case,
 * escaped or encoded (see piece), or cut short at the end of a text (see CUT_MIN), and in the other forms a site
 * writes such a value in (a phone number with its country code, a date written out: see shownForms). A secret of letters alone (a
 * memorable word) or digits alone (a PIN, a card) is masked only whole, never inside a longer word or number ("Order"
 * is not masked in "Orders", a PIN 0000 not in 10000). Secrets shorter than 4 characters only match as they are, in
 * their own case.
 */
export function secretPatterns(secrets: readonly string[]): RegExp[] {
  const typed = [...new Set(secrets.filter((secret) => secret.length > 0))];
  const unique = [...new Set([...typed, ...typed.flatMap(shownForms)])].sort((a, b) => b.length - a.length);
  const short: string[] = [];
  const whole: string[] = [];
  const cut: string[] = [];
  for (const secret of unique) {
    const chars = [...secret].filter((char) => !/[\s-]/.test(char));
    const { before, after, kind } = edges(chars.length > 0 ? chars : [...secret]);
    if (chars.length < SHORT) {
      short.push(`${before}${escape(secret)}${after}`);
      continue;
    }
    const pieces = chars.map(piece);
    whole.push(`${before}${pieces.join(BETWEEN)}${after}`);
    if (chars.length < CUT_MIN) continue;
    const least = Math.max(CUT_MIN - 2, Math.ceil(chars.length / 2));
    let rest = '';
    for (let i = pieces.length - 2; i >= least; i -= 1) rest = `(?:${BETWEEN}${pieces[i]}${rest})?`;
    cut.push(`${before}${pieces.slice(0, least).join(BETWEEN)}${rest}${BETWEEN}(?=\\s*(?:…|\\.\\.\\.)?\\s*(?:$|"))`);
    // A name cx-shop cut itself is marked "…": there, the start of the secret is the secret (a link to "jane.do…").
    let marked = '';
    for (let i = pieces.length - 2; i >= MARKED_CUT_MIN; i -= 1) marked = `(?:${BETWEEN}${pieces[i]}${marked})?`;
    cut.push(`${before}${pieces.slice(0, MARKED_CUT_MIN).join(BETWEEN)}${marked}${BETWEEN}(?=…)`);
    if (chars.length < LEADING_MIN) continue;
    // Its first three quarters, anywhere (a card number a message cuts short: "Card number 4111 1111 1111 1 is too
    // short"), not followed by more of a number or a word: "4111 1111" on its own is no card.
    const leading = Math.ceil((chars.length * 3) / 4);
    let more = '';
    for (let i = pieces.length - 2; i >= leading; i -= 1) more = `(?:${BETWEEN}${pieces[i]}${more})?`;
    cut.push(`${before}${pieces.slice(0, leading).join(BETWEEN)}${more}${kind ? `(?!${BETWEEN}${kind})` : ''}`);
  }
  const patterns: RegExp[] = [];
  if (whole.length > 0) patterns.push(new RegExp([...whole, ...cut].join('|'), 'giu'));
  if (short.length > 0) patterns.push(new RegExp(short.join('|'), 'gu'));
  const encoded = typed.filter((secret) => new TextEncoder().encode(secret).length >= BASE64_MIN).flatMap(base64Forms);
  if (encoded.length > 0) patterns.push(new RegExp(encoded.map(escape).join('|'), 'g'));
  return patterns;
}

/** A secret this long (in bytes) or longer is also masked where a site wrote it in base64. */
const BASE64_MIN = 6;

/**
 * A secret as base64 writes it inside a longer value (a token's payload, `?u=` with the customer's details in JSON):
 * what its bytes give wherever they start among the value's groups of three, less the characters its neighbours share.
 * As browsers write it, and as addresses and tokens do (- and _ for + and /).
 */
function base64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms: string[] = [];
  for (const [shift, shared] of [[0, 0], [1, 2], [2, 3]] as const) {
    const written = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const form = written.slice(shared, Math.floor((8 * (shift + bytes.length)) / 6));
    forms.push(form, form.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...new Set(forms)];
}

/** A function that replaces every secret, in each of its formatted forms, with •••: the patterns are built once. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const patterns = secretPatterns(secrets);
  if (patterns.length === 0) return (text) => text;
  return (text) => patterns.reduce((masked, pattern) => masked.replace(pattern, MASK), text);
}

/** Replaces every secret, in each of its formatted forms, with •••. */
export function redact(text: string, secrets: readonly string[]): string {
  return redactor(secrets)(text);
}

/** Where each string of a JSON text (its keys too) begins and ends, quotes included, in order. */
function stringSpans(json: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const found of json.matchAll(/"(?:[^"\\]|\\.)*"/g)) spans.push([found.index, found.index + found[0].length]);
  return spans;
}

/** Whether [start, end) lies inside one of the spans (sorted, apart). */
function within(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = spans[middle]!;
    if (start < from) high = middle - 1;
    else if (start >= to) low = middle + 1;
    else return end <= to - 1;
  }
  return false;
}

/**
 * A JSON text bound for a file (a report, a scenario's artifacts) with every secret masked inside its strings, keys
 * included. Its numbers and its structure stay as they are: a PIN of 0000 is no reason to change a timeout of 10000,
 * nor a security code of 412 a width of 412. One pass over the whole text: a pass per string costs far more.
 */
export function redactJson(json: string, secrets: readonly string[]): string {
  let masked = json;
  for (const pattern of secretPatterns(secrets)) {
    // Most files hold no secret at all: their strings are only found when there is something to mask.
    pattern.lastIndex = 0;
    if (!pattern.test(masked)) continue;
    pattern.lastIndex = 0;
    const spans = stringSpans(masked);
    masked = masked.replace(pattern, (match: string, ...rest: unknown[]) => {
      const offset = rest.find((value) => typeof value === 'number') as number;
      return within(spans, offset, offset + match.length) ? MASK : match;
    });
  }
  return masked;
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
