/**
 * The text of a PDF as a customer reads it, with the size of each run of text, from what PDF.js reads (in a
 * thread of its own: see pdf-reader.ts). Lines a paragraph wraps over are joined with a space; a new paragraph, a
 * table row or a line in another size starts a new line, so the text reads like the page version of the same
 * document.
 */
import type { DocumentLink } from '../artifacts/types.js';
import { readPdf, type PdfTextItem as TextItem } from './pdf-reader.js';

export interface DocumentText {
  text: string;
  /**
   * Runs of text in reading order, with their font size in points and where each is set across the page (its left and
   * right edges, in points from the page's left edge), as a page's runs are: labels set over their values in a band
   * are paired by it.
   */
  items: Array<{ text: string; fontSize: number; left: number; right: number }>;
  /** Links to a web page, an email address or a phone number, with the words they cover. */
  links: DocumentLink[];
}

/** The words of the text items whose start lies inside a link's rectangle (PDF units, with a point to spare). */
function wordsUnder(rect: number[], items: TextItem[]): string {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = rect;
  const inside = (item: TextItem) => {
    const [, , , , x = 0, y = 0] = item.transform;
    return x >= Math.min(x1, x2) - 1 && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) - 1 && y <= Math.max(y1, y2) + 1;
  };
  return items.filter(inside).map((item) => item.str).join(' ').replace(/\s+/g, ' ').trim();
}

interface Line {
  text: string;
  size: number;
  /** Baseline, in PDF units from the bottom of the page. */
  y: number;
  left: number;
  right: number;
  /** Gaps across the line much wider than a space: a table row's cells, never a paragraph's words. */
  columnGaps: number;
  /** Its runs of text, in the order they are read. */
  runs: DocumentText['items'];
}

/** Lines further apart than this many times their size's tightest spacing leave a gap: a new paragraph or row. */
const PARAGRAPH_GAP = 1.2;
/** A line ending before this share of the page's text width ends its paragraph (a label, a short last line). */
const SHORT_LINE = 0.75;

/**
 * A gap wider than this many times the font size, left blank or filled by one run of white space, parts a table's
 * columns: a space between words is about a quarter of the size, the widest of a justified line well under the size.
 */
const COLUMN_GAP = 2;

const round = (n: number) => Math.round(n * 100) / 100;

/** The font size of a text item: the length of its transform's vertical scale (as PDF.js's text layer does). */
function sizeOf(item: TextItem): number {
  const [, , c = 0, d = 0] = item.transform;
  return round(Math.hypot(c, d));
}

function linesOf(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  for (const item of items) {
    const size = sizeOf(item);
    const [, , , , x = 0, y = 0] = item.transform;
    const sameLine = line && Math.abs(line.y - y) < Math.max(line.size, size) * 0.5;
    if (!line || !sameLine) {
      line = { text: item.str, size, y, left: x, right: x + item.width, columnGaps: 0, runs: [] };
      lines.push(line);
    } else {
      const gap = x - line.right > size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(item.str);
      if (x - line.right > COLUMN_GAP * size || (item.str.trim() === '' && item.width > COLUMN_GAP * size)) line.columnGaps += 1;
      line.text += (gap ? ' ' : '') + item.str;
      line.size = Math.max(line.size, size);
      line.right = Math.max(line.right, x + item.width);
    }
    const text = item.str.replace(/\s+/g, ' ').trim();
    if (text) line.runs.push({ text, fontSize: size, left: round(x), right: round(x + item.width) });
  }
  return lines.filter((l) => l.text.trim() !== '');
}

/** The same baseline, within half a line. */
const level = (a: Line, b: Line) => Math.abs(a.y - b.y) < Math.max(a.size, b.size) * 0.5;

/**
 * Lines drawn after others but set above all of them (a letterhead a program draws last, at the top of the page) go
 * before them, with the rest of their block: the customer reads the top of the page first. Lines drawn in a column beside others, at the same
 * heights, are left where they are: the seller's and the customer's address blocks side by side read one after the
 * other.
 */
function headsFirst(lines: Line[]): Line[] {
  for (let j = 1; j < lines.length; j += 1) {
    // Above the top of every line drawn before it: a block beside them (a logo and the address set right of it) is not.
    const top = Math.max(...lines.slice(0, j).map((line) => line.y + line.size));
    if (lines[j]!.y <= top) continue;
    // The block it heads goes with it, down to where the stream leaves it: each line just under the one before.
    const under = (line: Line, above: Line) =>
      line.y < above.y && above.y - line.y <= 2 * Math.max(line.size, above.size) && line.left < above.right && line.right > above.left;
    let end = j + 1;
    while (end < lines.length && (lines[end]!.y > top || under(lines[end]!, lines[end - 1]!))) end += 1;
    return headsFirst([...lines.slice(j, end), ...lines.slice(0, j), ...lines.slice(end)]);
  }
  return lines;
}

/** A label of a field, set in a column of labels: a few words, no figures but a rate ("Invoice No:", "Tax (0%)"). */
const isLabel = (line: Line) => {
  const text = line.text.replace(/\s+/g, ' ').trim();
  return line.columnGaps === 0 && text.length <= 40 && /\p{L}/u.test(text) && !/\d/.test(text.replace(/\d+(?:[.,]\d+)?\s?%/g, ''));
};

/**
 * A column of labels drawn whole before the column of their values beside it ("Invoice No: / Invoice Date: / Due
 * Date:" then "10-2291 / 12/05/2026 / 01/04/2027"), as some programs draw a page, is read row by row: each label with
 * the value on its baseline, to its right. The stream gives both columns one after the other, which pairs neither.
 */
function besideTheirLabels(lines: Line[]): Line[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i += 1) {
    let labels = 0;
    while (i + labels < out.length && isLabel(out[i + labels]!) && (labels === 0 || out[i + labels]!.y < out[i + labels - 1]!.y)) labels += 1;
    for (let k = labels; k >= 2; k -= 1) {
      const values = out.slice(i + k, i + 2 * k);
      const beside = (value: Line, j: number) => level(value, out[i + j]!) && value.left >= out[i + j]!.right;
      if (values.length !== k || !values.every(beside)) continue;
      const rows = values.map((value, j): Line => {
        const label = out[i + j]!;
        return { ...label, text: `${label.text} ${value.text}`, size: Math.max(label.size, value.size), right: value.right, columnGaps: label.columnGaps + value.columnGaps + 1, runs: [...label.runs, ...value.runs] };
      });
      out.splice(i, 2 * k, ...rows);
      i += k - 1;
      break;
    }
  }
  return out;
}

/**
 * The tightest baseline gap between lines of each font size: how far a paragraph's lines are apart when it wraps.
 * A wider gap means a new paragraph or row, whatever the line height of the document.
 */
function pitches(lines: Line[]): Map<number, number> {
  const pitch = new Map<number, number>();
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous ? previous.y - line.y : 0;
    if (!previous || previous.size !== line.size || gap <= 0 || gap > 3 * line.size) return;
    pitch.set(line.size, Math.min(gap, pitch.get(line.size) ?? Infinity));
  });
  return pitch;
}

function joinLines(lines: Line[]): string {
  const widest = Math.max(0, ...lines.map((l) => l.right));
  // A paragraph wraps back to the page's left margin. A block set to the right (the invoice number, date and terms
  // at the top right) or a second column of items ends its lines near the right edge too, but each line is its own,
  // as is each row of a table: its cells stand apart, set evenly at the rows' pitch as a paragraph's lines are.
  const margin = Math.min(...lines.map((l) => l.left));
  const pitch = pitches(lines);
  let text = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const clean = line.text.replace(/\s+/g, ' ').trim();
    if (!previous) return void (text = clean);
    const wrapped =
      previous.size === line.size &&
      previous.columnGaps === 0 &&
      line.columnGaps === 0 &&
      previous.y - line.y <= PARAGRAPH_GAP * (pitch.get(line.size) ?? line.size) &&
      previous.right >= SHORT_LINE * widest &&
      line.left - margin <= line.size &&
      previous.left - margin <= 3 * line.size;
    text += (wrapped ? ' ' : '\n') + clean;
  });
  return text;
}

/**
 * Extracts the text of a PDF, page by page in order, and each text run with its font size in points.
 * Rejects when the bytes are not a PDF PDF.js can read.
 */
export async function pdfText(bytes: Uint8Array): Promise<DocumentText> {
  const pages: string[] = [];
  const runs: DocumentText['items'] = [];
  const links: DocumentText['links'] = [];
  for (const page of await readPdf(bytes)) {
    // Lines in the order they are read, which is not always the order they are drawn in.
    const lines = besideTheirLabels(headsFirst(linesOf(page.items)));
    runs.push(...lines.flatMap((line) => line.runs));
    pages.push(joinLines(lines));
    for (const { url, rect } of page.links) {
      if (/^(?:https?|mailto|tel):/i.test(url)) links.push({ text: wordsUnder(rect, page.items), href: url });
    }
  }
  return { text: pages.filter(Boolean).join('\n\n'), items: runs, links };
}
