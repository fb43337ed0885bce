/**
 * The invoice corpus: invoices made up for cx-shop's tests (none is a real business's invoice; names, numbers,
 * addresses and bank details are invented), varied the way real ones are: layouts, PDF and HTML, currencies and
 * date formats. Each is read the way the invoice action reads it (a PDF through pdfText; an HTML invoice in real
 * Chromium, offline, with the page-text probe) and analysed with analyseInvoice; the essentials found are held
 * against tests/corpus/invoices/expected.yaml, what a careful human reader finds on each invoice and what is truly
 * absent. Prints a table (per invoice: expected but missed, found but absent; per essential: precision and
 * recall), then asserts that every essential the manifest marks present is found and none it marks absent is.
 *
 *   npx vitest run --config tests/vitest.config.ts tests/corpus/invoices.test.ts
 *
 * The PDFs are Chromium's `page.pdf({ format: 'A4' })` of the HTML in tests/corpus/invoices/pdf-source/ (see the
 * README there). When cx-shop and the manifest disagree, the invoice and the manifest stay as they are: the
 * failure is the finding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ReadDocument } from '../../src/artifacts/types.js';
import { analyseInvoice, bodyFontSize, type InvoiceAnalysis } from '../../src/journeys/invoice-analysis.js';
import { ESSENTIALS, type EssentialId } from '../../src/journeys/invoice-patterns.js';
import { pdfText, type DocumentText } from '../../src/journeys/pdf-text.js';
import { pageText } from '../../src/probes/page-text.js';
import { startBrowser } from '../helpers/browser.js';

interface CorpusInvoice {
  file: string;
  what: string;
  currency: string;
  dates: string;
  /** Essential → the words on the invoice a reader finds it by. */
  present: Partial<Record<EssentialId, string>>;
  /** Essential → why a careful reader cannot find it. */
  absent: Partial<Record<EssentialId, string>>;
  /** The absent essentials the document has no need of: a due date on a bill already paid, or on a refund. */
  unneeded?: EssentialId[];
}

interface Reading {
  entry: CorpusInvoice;
  doc: ReadDocument;
  analysis: InvoiceAnalysis;
  missed: EssentialId[];
  falselyFound: EssentialId[];
}

const FOLDER = new URL('./invoices/', import.meta.url);
const corpus = parse(readFileSync(new URL('expected.yaml', FOLDER), 'utf8')) as CorpusInvoice[];
const IDS = ESSENTIALS.map((e) => e.id);

const isPdf = (file: string) => /\.pdf$/i.test(file);
/** White space as one space, so a phrase matches however a page or a PDF breaks its lines and cells. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** An HTML invoice as the invoice action shows it: a tab of its own, every request aborted, then the page-text probe. */
async function htmlText(browser: Browser, html: string): Promise<DocumentText & { pairs: string[] }> {
  const view = await browser.newPage();
  try {
    await view.route('**/*', (route) => route.abort());
    await view.setContent(html, { waitUntil: 'domcontentloaded' });
    return await view.evaluate(pageText, null);
  } finally {
    await view.close();
  }
}

async function read(browser: Browser, entry: CorpusInvoice): Promise<Reading> {
  const bytes = readFileSync(new URL(entry.file, FOLDER));
  const { text, items, links, pairs = [] } = isPdf(entry.file) ? { ...(await pdfText(bytes)), pairs: undefined } : await htmlText(browser, bytes.toString('utf8'));
  const doc: ReadDocument = { kind: 'invoice', source: 'file', location: entry.file, text, items, links, ...(pairs.length > 0 && { pairs }), bodyFontSize: bodyFontSize(items), gradeTarget: 8 };
  const analysis = analyseInvoice(doc);
  const found = new Set(analysis.essentials.filter((e) => e.found).map((e) => e.id));
  return {
    entry,
    doc,
    analysis,
    missed: IDS.filter((id) => id in entry.present && !found.has(id)),
    falselyFound: IDS.filter((id) => id in entry.absent && found.has(id)),
  };
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? '    -  ' : `${((100 * part) / whole).toFixed(1).padStart(6)}%`;
}

const evidenceOf = (reading: Reading, id: EssentialId) => reading.analysis.essentials.find((e) => e.id === id)!.evidence;

function report(readings: Reading[]): string {
  const pdfs = readings.filter((r) => isPdf(r.entry.file)).length;
  const width = Math.max(...readings.map((r) => r.entry.file.length));
  const lines = [`cx-shop invoice corpus: ${readings.length} invoices (${pdfs} PDF, ${readings.length - pdfs} HTML)`, ''];
  lines.push(`     ${'invoice'.padEnd(width)}  expected but missed                  found but absent`);
  for (const r of readings) {
    const mark = r.missed.length + r.falselyFound.length === 0 ? 'ok  ' : 'MISS';
    lines.push(`${mark} ${r.entry.file.padEnd(width)}  ${(r.missed.join(', ') || '-').padEnd(36)} ${r.falselyFound.join(', ') || '-'}`);
    for (const id of r.missed) lines.push(`       missed ${id}: the invoice says ${JSON.stringify(r.entry.present[id])}`);
    for (const id of r.falselyFound) lines.push(`       found ${id}, absent (${r.entry.absent[id]}): cx-shop read ${JSON.stringify(evidenceOf(r, id))}`);
  }

  lines.push('', 'per essential:');
  const totals = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const id of IDS) {
    const t = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const r of readings) {
      const found = r.analysis.essentials.find((e) => e.id === id)!.found;
      const present = id in r.entry.present;
      if (present && found) t.tp += 1;
      else if (present) t.fn += 1;
      else if (found) t.fp += 1;
      else t.tn += 1;
    }
    for (const key of ['tp', 'fp', 'fn', 'tn'] as const) totals[key] += t[key];
    lines.push(
      `  ${id.padEnd(15)} precision ${ratio(t.tp, t.tp + t.fp)}  recall ${ratio(t.tp, t.tp + t.fn)}` +
        `  (${t.tp} found, ${t.fn} missed, ${t.fp} found but absent, ${t.tn} absent and not found)`,
    );
  }
  lines.push(
    '',
    `overall: precision ${ratio(totals.tp, totals.tp + totals.fp)}, recall ${ratio(totals.tp, totals.tp + totals.fn)}` +
      ` (${totals.tp} found, ${totals.fn} missed, ${totals.fp} found but absent, ${totals.tn} absent and not found)`,
  );

  // Not scored: an essential found, but on a line other than the one the manifest names (a right answer for a
  // possibly wrong reason, such as the customer's company taken for the seller).
  const elsewhere = readings.flatMap((r) =>
    IDS.filter((id) => id in r.entry.present && !r.missed.includes(id))
      .filter((id) => {
        const evidence = flat(evidenceOf(r, id) ?? '').replace(/…$/, '');
        const shown = flat(r.entry.present[id]!);
        return !evidence.includes(shown) && !shown.includes(evidence);
      })
      .map((id) => `  ${r.entry.file}: ${id} from ${JSON.stringify(evidenceOf(r, id))} (the manifest: ${JSON.stringify(r.entry.present[id])})`),
  );
  if (elsewhere.length > 0) lines.push('', 'found on another line than the manifest names (not scored):', ...elsewhere);
  return lines.join('\n');
}

describe('the invoice corpus', () => {
  let browser: Browser | undefined;
  const readings: Reading[] = [];
  beforeAll(async () => {
    browser = await startBrowser();
    for (const entry of corpus) readings.push(await read(browser, entry));
  });
  afterAll(() => browser?.close());

  it('the manifest lists every invoice of the folder, each essential once as present or absent', () => {
    const files = readdirSync(FOLDER).filter((file) => /\.(?:pdf|html?)$/i.test(file));
    expect(corpus.map((entry) => entry.file).sort()).toEqual(files.sort());
    expect(corpus.length).toBeGreaterThanOrEqual(14);
    expect(corpus.filter((entry) => isPdf(entry.file)).length).toBeGreaterThanOrEqual(6);
    for (const entry of corpus) {
      const listed = [...Object.keys(entry.present), ...Object.keys(entry.absent)];
      expect(listed.sort(), entry.file).toEqual([...IDS].sort());
      for (const id of entry.unneeded ?? []) expect(Object.keys(entry.absent), `${entry.file}: ${id} is unneeded`).toContain(id);
    }
    // Some invoices honestly lack an essential: no due date, no way to pay, no contact.
    for (const id of ['due-date', 'how-to-pay', 'contact'] as const) expect(corpus.some((entry) => id in entry.absent), id).toBe(true);
  });

  it('every invoice is read, and the words the manifest names are in the text cx-shop reads', () => {
    console.log(report(readings));
    expect(readings).toHaveLength(corpus.length);
    // The text, and a band's labels each with the value under it (see PageText.pairs).
    const read = (r: Reading) => flat([r.doc.text, ...(r.doc.pairs ?? [])].join('\n'));
    const unread = readings.flatMap((r) =>
      Object.entries(r.entry.present)
        .filter(([, shown]) => !read(r).includes(flat(shown)))
        .map(([id, shown]) => `${r.entry.file}: ${id} ${JSON.stringify(shown)} is not in the text read`),
    );
    expect(unread).toEqual([]);
  });

  it('the amount due, whose size the invoice rules judge, is the amount the manifest names on every invoice', () => {
    // Whole numbers: "£1.23" is not the "£1.234,48" the manifest names, nor "£110.00" its "£1,110.00".
    const numbers = (text: string): string[] => text.match(/\d(?:[\d.,'’]*\d)?/g) ?? [];
    const wrong = readings
      .filter((r) => r.analysis.amountDue.amount === null || !numbers(r.entry.present.total ?? '').includes(numbers(r.analysis.amountDue.amount)[0]!))
      .map((r) => `${r.entry.file}: ${JSON.stringify(r.analysis.amountDue.text)}, the manifest: ${JSON.stringify(r.entry.present.total)}`);
    expect(wrong).toEqual([]);
  });

  it('what invoice-essentials reports missing is every absent essential but those the invoice has no need of', () => {
    const wrong = readings.flatMap((r) => {
      const expected = IDS.filter((id) => id in r.entry.absent && !(r.entry.unneeded ?? []).includes(id));
      const reported = r.analysis.missing.map((e) => e.id);
      return JSON.stringify(reported) === JSON.stringify(expected) ? [] : [`${r.entry.file}: reports ${JSON.stringify(reported)}, the manifest: ${JSON.stringify(expected)}`];
    });
    expect(wrong).toEqual([]);
  });

  it.each(corpus.map((entry) => entry.file))('%s: cx-shop finds what the manifest marks present, and nothing it marks absent', (file) => {
    const r = readings.find((reading) => reading.entry.file === file)!;
    const disagreements = [
      ...r.missed.map((id) => `missed ${id}: the invoice says ${JSON.stringify(r.entry.present[id])}`),
      ...r.falselyFound.map((id) => `found ${id}, which is absent (${r.entry.absent[id]}): cx-shop read ${JSON.stringify(evidenceOf(r, id))}`),
    ];
    expect(disagreements).toEqual([]);
  });
});
