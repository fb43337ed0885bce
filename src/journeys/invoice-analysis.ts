/**
 * What an invoice tells the customer, judged from its text alone (pure, deterministic, English): the essentials
 * GOV.UK lists for an invoice plus the due date and how to pay, whether the amount due stands out, whether it
 * says thank you, and how its threats weigh against its offers of help. The patterns are in invoice-patterns.ts.
 */
import type { ReadDocument } from '../artifacts/types.js';
import { DATE_LINE, DOCUMENT_WORD, earlier, ESSENTIALS, HELP, LETTERHEAD, MONEY, NOT_CHARGED, ONE_WORD_NAME, SETTLED, THANKS, THREATS, TOTAL, type Across, type EssentialId } from './invoice-patterns.js';
import { linesAsSentences, readability, tokenize, type Readability } from './readability.js';

export interface Essential {
  id: EssentialId;
  label: string;
  /** What the customer cannot find out without it. */
  need: string;
  found: boolean;
  /** The line(s) of the invoice that showed it, shortened. */
  evidence: string | null;
  /**
   * Not found, and not needed: the line(s) that say why (a due date on a bill already paid, "Nothing more to pay"),
   * or null. An essential waived is not missing.
   */
  waived: string | null;
}

export interface PhraseCount {
  count: number;
  phrases: string[];
}

export interface AmountDue {
  /** The amount due with the words that name it ("Amount due £110.00"), or null when there is none. */
  text: string | null;
  amount: string | null;
  /** The largest size the amount is shown at, or null when no run of text shows it. */
  fontSize: number | null;
  bodyFontSize: number;
  /** fontSize / bodyFontSize. */
  ratio: number | null;
  prominent: boolean;
}

export interface InvoiceAnalysis {
  /** Scores of the invoice's prose: lines of four words or more, mostly words (not labels, figures, table rows). */
  readability: Readability;
  essentials: Essential[];
  /** The essentials neither found nor waived. */
  missing: Essential[];
  thanks: PhraseCount;
  threats: PhraseCount;
  help: PhraseCount;
  amountDue: AmountDue;
  /** Non-space characters: what reading the whole invoice costs (0.0147 s each in the effort model). */
  readingChars: number;
  /** Words on the invoice (tokens of two letters or more). */
  words: number;
  /** Fewer than TEXT_WORDS words: a picture of an invoice (a scan), which nothing can read aloud, search or check. */
  pictureOnly: boolean;
  /**
   * The language the invoice is written in when it is plainly not English ("German"), or null. The checks read
   * English: an invoice in another language is not checked, rather than reported as missing what it says in its own.
   */
  language: string | null;
}

/** The commonest short words of the languages invoices in Europe are written in: enough to tell them apart. */
const FUNCTION_WORDS: Record<string, RegExp> = {
  English: /^(?:the|and|of|to|your|for|is|you|we|please|this|with|by|on|at|our|are|from|if)$/,
  German: /^(?:der|die|das|und|ist|sie|ihre|ihr|ihren|für|mit|wir|bitte|den|dem|zu|auf|bei|vom|zum|nicht|uns|unser|unsere|ein|eine)$/,
  French: /^(?:le|la|les|et|des|du|pour|vous|votre|vos|nous|est|par|au|aux|une|sur|merci|avec|dans)$/,
  Spanish: /^(?:el|los|las|y|del|para|su|usted|por|con|es|una|nos|gracias|sus|al)$/,
  Dutch: /^(?:het|en|van|uw|je|voor|een|met|op|aan|wij|bij|niet|ons|onze|bedankt)$/,
  Italian: /^(?:il|di|per|con|della|delle|che|un|sono|vostro|vostra|grazie|alla|dei|nel)$/,
};

/** Enough function words of one language, and half as many again as of the other, to say the words are in it. */
const plainly = (count: number, other: number) => count >= 5 && count >= 1.5 * other;

/**
 * The language an invoice is written in when it is another than English, or null. The language the document declares
 * (a page's `lang`: "es", "de-AT") says so, even for a terse invoice of few words ("Factura 2026/0789", "Gracias por
 * su compra"), unless its words are plainly English; with none declared, or English declared, its words say so when
 * they are plainly another language: its short function words outnumber English ones by half again, and there are at
 * least five of them (a page left as lang="en" by its template may hold a German invoice). Null for English, a mixed
 * one, or too few words.
 */
export function invoiceLanguage(text: string, declared = ''): string | null {
  const { english, language, count } = functionWords(text);
  const code = /^[a-z]{2,3}\b/i.exec(declared.trim())?.[0].toLowerCase();
  if (code && code !== 'en' && !plainly(english, count)) return languageName(code);
  return plainly(count, english) ? language : null;
}

/** The English function words of a text, and the other language with the most of its own. */
function functionWords(text: string): { english: number; language: string; count: number } {
  const tokens = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  const counts = Object.entries(FUNCTION_WORDS).map(([language, words]) => [language, tokens.filter((t) => words.test(t)).length] as const);
  const english = counts.find(([language]) => language === 'English')![1];
  const [language, count] = counts.filter(([language]) => language !== 'English').sort((a, b) => b[1] - a[1])[0]!;
  return { english, language, count };
}

/**
 * The language of an invoice, judged by its body: the runs set at the body size or larger, without the small print
 * under it (an English invoice from a German seller ends in a German legal footer, its Impressum). The whole text
 * judges when the body alone is not plainly in any language.
 */
function languageOf(doc: ReadDocument, text: string): string | null {
  const body = bodyOf(doc);
  const main = doc.items.filter((item) => item.fontSize >= body);
  if (main.length === doc.items.length) return invoiceLanguage(text, doc.lang);
  const mainText = main.map((item) => item.text).join('\n');
  const { english, count } = functionWords(mainText);
  return plainly(english, count) || plainly(count, english) ? invoiceLanguage(mainText, doc.lang) : invoiceLanguage(text, doc.lang);
}

/** The English name of a language by its code ("es" → "Spanish"), or the code itself where none is known. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The invoices among a step's documents that cx-shop can read: written in English (see invoiceLanguage). */
export function englishInvoices(documents: readonly ReadDocument[]): ReadDocument[] {
  return documents.filter((doc) => doc.kind === 'invoice' && analyseInvoice(doc).language === null);
}

/**
 * Fewer words than this and the invoice is no text to read but a picture of one (a scanned PDF, an image on a page):
 * the shortest invoice in the corpus has some sixty. Its essentials cannot be checked, so are not reported missing
 * one by one.
 */
export const TEXT_WORDS = 10;

/**
 * The amount due is prominent when it is shown at least this many times the body size anywhere on the invoice:
 * about an h3 against body text, a size the eye lands on (cx-shop convention).
 */
export const PROMINENT_RATIO = 1.25;
/**
 * Prose is a line of at least PROSE_WORDS words, PROSE_SHARE of its tokens words rather than codes or figures:
 * labels, amounts and table rows are looked up, not read as sentences, and would skew the scores.
 */
const PROSE_WORDS = 4;
const PROSE_SHARE = 0.6;
const EVIDENCE_CHARS = 100;

/**
 * A larger size that carries more than BODY_SHARE of the characters, in BODY_RUNS runs of text or more and twice as
 * many as the size that carries the most, is the size the invoice is set in (its lines, labels and cells), and that
 * size below it, in few long runs (paragraphs of terms, legal small print under the invoice), is its small print, not
 * the body the amount due is held against. A heading or the amount itself is set in a run or two.
 */
const BODY_SHARE = 0.25;
const BODY_RUNS = 5;

/** The body size of a document: the font size that carries the most characters, unless that is the small print. */
export function bodyFontSize(items: ReadDocument['items']): number {
  const chars = new Map<number, number>();
  const runs = new Map<number, number>();
  for (const { text, fontSize } of items) {
    chars.set(fontSize, (chars.get(fontSize) ?? 0) + text.replace(/\s+/g, '').length);
    runs.set(fontSize, (runs.get(fontSize) ?? 0) + 1);
  }
  let body = 0;
  let most = -1;
  for (const [size, count] of chars) if (count > most || (count === most && size < body)) [body, most] = [size, count];
  const all = [...chars.values()].reduce((sum, count) => sum + count, 0);
  const small = runs.get(body)!;
  for (const [size, count] of chars) if (size > body && count > BODY_SHARE * all && runs.get(size)! >= Math.max(BODY_RUNS, 2 * small)) body = size;
  return body;
}

/** The invoice in words, for evidence: `invoice page http://…/invoice`, `downloaded invoice invoice-HC-10421.pdf`. */
export function describeInvoice(doc: ReadDocument): string {
  return { page: 'invoice page', download: 'downloaded invoice', file: 'invoice file' }[doc.source] + ` ${doc.location}`;
}

/** Font sizes of a PDF are in points, of a page (or an HTML file shown in the browser) in CSS pixels. */
export function sizeUnit(doc: ReadDocument): 'pt' | 'px' {
  return doc.source !== 'page' && /\.pdf$/i.test(doc.location) ? 'pt' : 'px';
}

/** The line(s) around a match, or the match alone when they are a long paragraph; white space collapsed. */
function evidenceOf(text: string, match: RegExpExecArray): string {
  const start = text.lastIndexOf('\n', match.index - 1) + 1;
  const end = text.indexOf('\n', match.index + match[0].length);
  const line = text.slice(start, end === -1 ? undefined : end).replace(/\s+/g, ' ').trim();
  return shorten(line.length <= EVIDENCE_CHARS ? line : match[0].replace(/\s+/g, ' ').trim());
}

const shorten = (shown: string) => (shown.length > EVIDENCE_CHARS ? `${shown.slice(0, EVIDENCE_CHARS - 1)}…` : shown);

/** Every match of a pattern, in order (on a global copy: the patterns themselves are never global). */
const matchesOf = (text: string, pattern: RegExp) => [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))];

/** The body size the document says, else the one its runs of text give. */
const bodyOf = (doc: ReadDocument) => doc.bodyFontSize || bodyFontSize(doc.items);

/** The phrases of a text that match any of the patterns, in reading order, but those `skip` leaves out. */
function phrases(text: string, patterns: readonly RegExp[], skip: (at: number) => boolean = () => false): PhraseCount {
  const found = patterns.flatMap((pattern) => matchesOf(text, pattern).filter((m) => !skip(m.index)).map((m) => ({ at: m.index, text: m[0] })));
  found.sort((a, b) => a.at - b.at);
  return { count: found.length, phrases: found.map((p) => p.text.replace(/\s+/g, ' ').trim()) };
}

/**
 * An email or web address ("accounts@copperleaf.example", "pay.copperleaf.example/4410"): copied or tapped, not read as
 * words (the syllable counter takes one for eight syllables).
 */
const ADDRESS = /\S+@\S+|(?:https?:\/\/)?(?:[\p{L}\d-]+\.)+\p{L}{2,}(?:\/\S*)?/gu;

/**
 * A line in another language than English: its short words another's, none of them English (the German legal footer
 * of an English invoice from a German seller). English scores mean nothing of it.
 */
const foreignLine = (line: string) => {
  const { english, count } = functionWords(line);
  return count >= 2 && english === 0;
};

/**
 * The prose lines of a text, each ended as a sentence (a heading or list line may lack its full stop); no addresses,
 * no lines in another language.
 */
function prose(text: string): string {
  const isProse = (line: string) => {
    const tokens = line.split(/\s+/).filter(Boolean);
    const words = tokens.filter((token) => /\p{L}/u.test(token) && !/\d/.test(token)).length;
    return tokenize(line).length >= PROSE_WORDS && words >= PROSE_WORDS && words / tokens.length >= PROSE_SHARE && !foreignLine(line);
  };
  return linesAsSentences(
    text
      .split('\n')
      .map((line) => line.replace(ADDRESS, ' ').replace(/\s+([.,;:!?])/g, '$1'))
      .filter(isProse)
      .join('\n'),
  );
}

/** How far back the words that say a threat is never made may start ("We will never charge interest or late fees"). */
const NEGATION_CHARS = 80;
/** A threat the invoice says it never makes: "We never charge interest or late fees", "no late fees". */
const neverCharged = (text: string, at: number) => NOT_CHARGED.test(text.slice(Math.max(0, at - NEGATION_CHARS), at));

/** A gift card, voucher or store credit: the customer's own money, what is left on it theirs to spend. */
const OWN_CREDIT = /\b(?:(?:e-?)?gift ?cards?|gift (?:vouchers?|certificates?)|vouchers?|(?:store|account) credit|credit balance|in credit)\b/i;

/**
 * A balance that is the customer's own money, not owed: "Gift card balance remaining: £12.00", "Remaining balance on
 * your voucher £5.00" (the balance named on a line that names the gift card or voucher).
 */
const ownBalance = (text: string, m: RegExpExecArray) =>
  /^balance\b(?! (?:due|owed|outstanding|to pay)\b)/i.test(m[0]) && OWN_CREDIT.test(text.slice(text.lastIndexOf('\n', m.index - 1) + 1, m.index + m[0].length));

/**
 * The labelled amounts of a text, one list per label of TOTAL, most specific first, an earlier bill's balance and
 * what is left on a gift card left out.
 */
const labelledAmounts = (text: string) => TOTAL.map((pattern) => matchesOf(text, pattern).filter((m) => !earlier(text, m.index) && !ownBalance(text, m)));

/** Whether a labelled amount is more than nothing. */
const nonZero = (m: RegExpMatchArray) => /[1-9]/.test(m[0].match(MONEY)?.[0] ?? '');

/**
 * The words that say the document asks for nothing more: an amount owed of nothing ("Balance EUR 0,00"), or words
 * such as "Total paid", "Paid in full", "Total refunded" while no amount is still owed under a label of what is owed
 * ("Amount due", "Balance").
 */
function settledBy(text: string, amounts: RegExpExecArray[][]): RegExpExecArray | null {
  const owed = amounts[0]!;
  if (owed.some(nonZero)) return null;
  if (owed.length > 0) return owed.at(-1)!;
  for (const pattern of SETTLED) {
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}

/**
 * A figure in a run of text as a whole number: "110.00" is not in "£1,110.00" nor in "110.005"; "1 234,50" is in
 * "1 234,50 €" whichever space groups its thousands.
 */
const wholeFigure = (figure: string) => new RegExp(`(?<!\\d[.,'’]?)${figure.replace(/[.]/g, '\\.').replace(/\s/g, '\\s')}(?![.,'’]?\\d)`);

/** The figure of an amount, without its currency: "1 234,50" of "1 234,50 €", "4,500.00" of "Rs. 4,500.00". */
const FIGURE_OF = /\d(?:[\d.,'’\s]*\d)?/;

/** Currency signs, codes and white space: what is left of a run that only holds a figure or a part of one. */
const CURRENCY_ONLY = /[\s£$€¥₹]|\bRs\.?|\b[A-Z]{3}\b/g;

/**
 * The sizes of the runs of text that show a figure: the runs that hold it whole, and the runs in a row that spell it
 * together, as a price with its cents set smaller ("1.234" then ",48" then "EUR"; "£112" then ".38"), each at its own
 * size: a bill that sets its amount due large in parts at the top and whole in its table below shows it large.
 */
function figureSizes(items: ReadDocument['items'], figure: string): number[] {
  const whole = wholeFigure(figure);
  const sizes = items.filter((item) => whole.test(item.text)).map((item) => item.fontSize);
  const bare = (text: string) => text.replace(CURRENCY_ONLY, '');
  const spelt = figure.replace(/\s/g, '');
  for (let i = 0; i < items.length; i += 1) {
    let read = '';
    for (let j = i; j < items.length && spelt.startsWith(read + bare(items[j]!.text)); j += 1) {
      read += bare(items[j]!.text);
      if (read !== spelt) continue;
      if (j > i) sizes.push(...items.slice(i, j + 1).filter((item) => /\d/.test(item.text)).map((item) => item.fontSize));
      break;
    }
  }
  return sizes;
}

function amountDue(doc: ReadDocument, matches: RegExpExecArray[][]): AmountDue {
  // The last match of the most specific label: a bill lists an earlier balance or an item total before the amount due.
  // A balance of nothing says the bill is settled (a hotel folio paid at the desk): the total is what the customer
  // looks for, unless every amount there is nothing. A settled bill that shows its balance of nothing large instead
  // ("Balance due £0.00") tells the customer at a glance what they owe: that is the amount they look for.
  const match = matches.map((found) => found.filter(nonZero).at(-1)).find(Boolean) ?? matches.map((found) => found.at(-1)).find(Boolean) ?? null;
  const due = measured(doc, match);
  const nothing = matches[0]!.at(-1);
  if (due.prominent || !nothing || match === nothing || matches[0]!.some(nonZero)) return due;
  const shown = measured(doc, nothing);
  return shown.prominent ? shown : due;
}

/** An amount due as the invoice shows it: its words, its figure and the size the figure is shown at. */
function measured(doc: ReadDocument, match: RegExpExecArray | null): AmountDue {
  const body = bodyOf(doc);
  const amount = match ? (match[0].match(MONEY)?.[0] ?? null) : null;
  if (!match || !amount) return { text: null, amount: null, fontSize: null, bodyFontSize: body, ratio: null, prominent: false };
  // Match the figure without its currency sign: a page or PDF may set "£" and "110.00" as separate runs.
  const sizes = figureSizes(doc.items, FIGURE_OF.exec(amount)![0]);
  const fontSize = sizes.length > 0 ? Math.max(...sizes) : null;
  const ratio = fontSize !== null && body > 0 ? Math.round((fontSize / body) * 100) / 100 : null;
  return { text: match[0].replace(/\s+/g, ' ').trim(), amount, fontSize, bodyFontSize: body, ratio, prominent: ratio !== null && ratio >= PROMINENT_RATIO };
}

/**
 * The first run of text shaped like a business name (see LETTERHEAD) that stands out as a letterhead does: set larger
 * than the body and than the run after it (the document's title set larger beside it, "INVOICE", aside), and not alike
 * the run before it (a table's cells, set alike, never do; a larger heading of the invoice above it may be). A name of one word ("Orbitly") only when it is clearly the
 * letterhead: the first run set larger than the body, and the one largest run of the whole invoice.
 */
function letterhead(doc: ReadDocument): ReadDocument['items'][number] | undefined {
  const body = bodyOf(doc);
  const { items } = doc;
  if (body <= 0) return undefined;
  const named = items.find(
    (item, i) =>
      item.fontSize >= body * PROMINENT_RATIO &&
      item.fontSize !== items[i - 1]?.fontSize &&
      item.fontSize > (items.slice(i + 1).find((next) => !DOCUMENT_WORD.test(next.text))?.fontSize ?? 0) &&
      LETTERHEAD.test(item.text),
  );
  if (named) return named;
  const top = items.find((item) => item.fontSize >= body * PROMINENT_RATIO);
  const largest = top !== undefined && items.every((item) => item === top || item.fontSize < top.fontSize);
  return largest && ONE_WORD_NAME.test(top.text) && !DOCUMENT_WORD.test(top.text) ? top : undefined;
}

/** An amount alone on its line, perhaps taken off ("-£8.00", "–£8.00", "− £8.00" with the minus sign, "(£8.00)"). */
const AMOUNT_LINE = new RegExp(`^[-–−(]?\\s?${MONEY.source}\\)?$`);
/** A label of a total: short, with words, and no amount (it may hold a code or a rate: "Discount NOEL10", "VAT 20 %"). */
const isLabelLine = (line: string) => line.length <= 40 && /\p{L}/u.test(line) && !MONEY.test(line);
/**
 * A value a label names, alone on its line: an amount, a date, or a number or code of one word ("2026-031",
 * "INV/0042"); not a line of words ("12 High Street").
 */
const isValueLine = (line: string) => AMOUNT_LINE.test(line) || DATE_LINE.test(line) || (line.length <= 24 && /^\S*\d\S*$/.test(line));

/**
 * A line that joins the last label of one table cell and the first amount of the cell beside it: totals set in a
 * table row of two cells, the labels stacked in one and the amounts in the other with line breaks ("Subtotal<br>VAT<br>
 * Balance due" | "£88.95<br>£13.34<br>£80.05"), read row by row. Split in two where the amount begins, or null.
 */
function labelThenAmount(line: string): [string, string] | null {
  for (let at = line.lastIndexOf(' '); at > 0; at = line.lastIndexOf(' ', at - 1)) {
    const label = line.slice(0, at).trim();
    const amount = line.slice(at + 1).trim();
    if (isLabelLine(label) && AMOUNT_LINE.test(amount)) return [label, amount];
  }
  return null;
}

/**
 * Totals laid out as two columns side by side (the labels in one block, the amounts in the next) read as all the
 * labels, then all the amounts: "Subtotal / VAT / Total due / £100.00 / £20.00 / £120.00". Paired again line by line
 * when the two runs are as long as each other, so each label names its own amount. Two cells of a table row give
 * the same runs with the last label and the first amount on one line ("Total due £100.00"), between them. An
 * invoice's details set so ("Invoice / Issued / Due" beside "2026-031 / 02/03/2026 / 16/03/2026") are paired alike.
 */
export function pairColumns(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let labels = 0;
    while (i + labels < lines.length && isLabelLine(lines[i + labels]!.trim())) labels += 1;
    const joined = labels >= 1 && i + labels < lines.length ? labelThenAmount(lines[i + labels]!.trim()) : null;
    const column = [...lines.slice(i, i + labels).map((line) => line.trim()), ...(joined ? [joined[0]] : [])];
    const first = i + labels + (joined ? 1 : 0);
    let amounts = 0;
    while (first + amounts < lines.length && isValueLine(lines[first + amounts]!.trim())) amounts += 1;
    const values = [...(joined ? [joined[1]] : []), ...lines.slice(first, first + amounts).map((line) => line.trim())];
    if (column.length >= 2 && values.length === column.length) {
      for (let k = 0; k < column.length; k += 1) out.push(`${column[k]} ${values[k]}`);
      i = first + amounts;
    } else {
      out.push(lines[i]!);
      i += 1;
    }
  }
  return out.join('\n');
}

/** A run of text with where a page sets it across (see PageText.items); a PDF's or an older report's runs say nowhere. */
type Placed = ReadDocument['items'][number] & { left?: number; right?: number };

/**
 * Where each line of the text is set across the page, from the runs of text that show it: the runs are found in the
 * text in reading order, and a line spans from the leftmost to the rightmost of its runs. Undefined when the runs say
 * nothing of where they are.
 */
function acrossOf(text: string, items: readonly Placed[]): Across | undefined {
  const placed: Array<{ start: number; end: number; left: number; right: number }> = [];
  let cursor = 0;
  for (const { text: run, left, right } of items) {
    if (left === undefined || right === undefined || right <= left) continue;
    const at = text.indexOf(run, cursor);
    if (at === -1) continue;
    placed.push({ start: at, end: at + run.length, left, right });
    cursor = at + run.length;
  }
  if (placed.length === 0) return undefined;
  return (start, end) => {
    const runs = placed.filter((run) => run.start >= start && run.end <= end);
    return runs.length > 0 ? { left: Math.min(...runs.map((run) => run.left)), right: Math.max(...runs.map((run) => run.right)) } : null;
  };
}

/** A cell of a row of runs: the runs set close together, as one cell's words are (a sign and its figure, a link). */
interface Cell {
  text: string;
  left: number;
  right: number;
}

/** Runs further apart than this many times their size are in cells of their own: a space is about a quarter of it. */
const CELL_GAP = 0.6;
/** How near two edges may be to count as one: a column's cells are set flush to one edge, or centred. */
const ALIGNED = 2;

/**
 * The runs of text as rows of cells: a row goes on while each run starts to the right of the one before it, as the
 * cells of a grid's row or a PDF's line do; a run back to the left starts the next row.
 */
function rowsOf(items: readonly Placed[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const { text, fontSize, left, right } of items) {
    if (left === undefined || right === undefined) continue;
    const row = rows.at(-1);
    const last = row?.at(-1);
    if (!row || !last || left < last.right - ALIGNED) rows.push([{ text, left, right }]);
    else if (left - last.right < CELL_GAP * fontSize) Object.assign(last, { text: `${last.text}${left - last.right > 1 ? ' ' : ''}${text}`, right });
    else row.push({ text, left, right });
  }
  return rows;
}

/** A label of a band: a few words, no figures ("Invoice No.", "Pay by", "Amount due"). */
const isBandLabel = (cell: Cell) => /\p{L}/u.test(cell.text) && !/\d/.test(cell.text) && cell.text.length <= 30 && cell.text.split(/\s+/).length <= 4;
/** Whether a cell sits in the column of another: flush to its left or right edge, or centred on it. */
const underOf = (cell: Cell, label: Cell) =>
  Math.abs(cell.left - label.left) <= ALIGNED || Math.abs(cell.right - label.right) <= ALIGNED || Math.abs(cell.left + cell.right - label.left - label.right) <= 2 * ALIGNED;
/** A row of as many cells as the labels, each in its label's column. */
const alignedWith = (row: Cell[] | undefined, labels: Cell[]) => row !== undefined && row.length === labels.length && row.every((cell, i) => underOf(cell, labels[i]!));

/**
 * Labels set over their values in a band ("Invoice No. | Date | Pay by | Amount due" over "MV-88213 | 5 December 2026 |
 * …"), told by where the runs are set across: a row of labels, then one row of as many values (one with a figure at
 * least), each in its label's column, and no further row of values under them (that is a table of items under its
 * column heads, its first row no band). Each label with its value: "Pay by 19 December 2026". A page's grid of boxes and a PDF's line of
 * cells read as a line of labels and a line of values, which pairs neither; a page's table gives its own (PageText.pairs).
 */
export function bandPairs(items: readonly Placed[]): string[] {
  const rows = rowsOf(items);
  const pairs: string[] = [];
  rows.forEach((labels, i) => {
    const values = rows[i + 1];
    const next = rows[i + 2];
    if (labels.length < 2 || !labels.every(isBandLabel) || !values || !alignedWith(values, labels)) return;
    // A further row under two of the labels or more (an empty cell left out) is a table's next item, unless it is
    // labels again, of a band under this one.
    const further = next !== undefined && !next.every(isBandLabel) && next.filter((cell) => labels.some((label) => underOf(cell, label))).length >= 2;
    if (!values.some((cell) => /\d/.test(cell.text)) || further) return;
    labels.forEach((label, k) => pairs.push(`${label.text} ${values[k]!.text}`));
  });
  return pairs;
}

const cache = new WeakMap<ReadDocument, InvoiceAnalysis>();

/**
 * Analyses an invoice the customer read: which essentials it gives (with the text that shows each), how readable
 * its prose is, whether the amount due stands out, thanks, threats and help. The same document gives the same
 * answer (it is computed once per document object).
 */
export function analyseInvoice(doc: ReadDocument): InvoiceAnalysis {
  const known = cache.get(doc);
  if (known) return known;
  const text = pairColumns(doc.text);
  const words = text.split(/\s+/).filter((token) => /\p{L}{2}/u.test(token)).length;
  // What each essential is looked for in: the text, and each label a band sets over its value with that value (a
  // page's table's header row, see PageText.pairs; a grid of boxes or a PDF's line of cells, see bandPairs), which the
  // text gives a line apart. Read, counted and scored is the text alone.
  const pairs = [...new Set([...(doc.pairs ?? []), ...bandPairs(doc.items)])];
  const labelledText = pairs.length > 0 ? `${text}\n${pairs.join('\n')}` : text;
  // The labelled amounts, read once: what is owed waives a due date or not, and gives the amount due.
  const amounts = labelledAmounts(labelledText);
  const across = acrossOf(labelledText, doc.items);
  const settled = settledBy(labelledText, amounts);
  const essentials = ESSENTIALS.map(({ id, label, need, patterns, link: gives, skip, onlyWhenOwed, needless }): Essential => {
    const found = (evidence: string) => ({ id, label, need, found: true, evidence, waived: null });
    for (const pattern of patterns) {
      const match = skip ? matchesOf(labelledText, pattern).find((m) => !skip(labelledText, m.index, across)) : pattern.exec(labelledText);
      if (match) return found(evidenceOf(labelledText, match));
    }
    const link = gives ? doc.links?.find(gives) : undefined;
    if (link) return found(shorten(`${link.text ? `"${link.text}", ` : ''}a link to ${link.href}`));
    const head = id === 'seller' ? letterhead(doc) : undefined;
    if (head) return found(shorten(`${head.text} (set at ${head.fontSize} ${sizeUnit(doc)})`));
    const term = needless?.exec(labelledText);
    const waived = onlyWhenOwed && settled ? evidenceOf(labelledText, settled) : term ? evidenceOf(labelledText, term) : null;
    return { id, label, need, found: false, evidence: null, waived };
  });
  const analysis: InvoiceAnalysis = {
    readability: readability(prose(text)),
    essentials,
    missing: essentials.filter((e) => !e.found && !e.waived),
    thanks: phrases(text, THANKS),
    threats: phrases(text, THREATS, (at) => neverCharged(text, at)),
    help: phrases(text, HELP),
    amountDue: amountDue(doc, amounts),
    readingChars: text.replace(/\s+/g, '').length,
    words,
    pictureOnly: words < TEXT_WORDS,
    language: languageOf(doc, text),
  };
  cache.set(doc, analysis);
  return analysis;
}
