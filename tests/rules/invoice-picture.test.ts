/**
 * An invoice that is a picture (a scan saved as a PDF: an image and no text) is one finding, that it has no text to
 * read, not a finding for each essential cx-shop could not read in it. The PDF is made here with pdfkit, the way a
 * scanner's software writes one, and read through PDF.js as the invoice action reads it.
 */
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../src/artifacts/types.js';
import { bodyFontSize } from '../../src/journeys/invoice-analysis.js';
import { pdfText } from '../../src/journeys/pdf-text.js';
import essentials from '../../src/rules/invoice-essentials.js';
import amountHidden from '../../src/rules/invoice-amount-hidden.js';
import noThanks from '../../src/rules/invoice-no-thanks.js';
import { judgedStep } from '../helpers/artifacts.js';

/** An A4 page holding one grey picture, and optionally a line of text under it. */
function scannedPdf(caption?: string): Promise<Uint8Array> {
  const picture = new PNG({ width: 60, height: 80 });
  picture.data.fill(200);
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.image(PNG.sync.write(picture), 0, 0, { width: 595 });
  if (caption) doc.fontSize(9).text(caption, 20, 800);
  doc.end();
  return done;
}

async function judged(pdf: Uint8Array) {
  const { text, items } = await pdfText(pdf);
  const doc: ReadDocument = { kind: 'invoice', source: 'download', location: 'scan-0042.pdf', text, items, bodyFontSize: bodyFontSize(items), gradeTarget: 8 };
  const step = judgedStep({ documents: [doc] });
  return { essentials: essentials.detect(step), amountHidden: amountHidden.detect(step), noThanks: noThanks.detect(step) };
}

describe('an invoice that is a picture', () => {
  it('is one finding: no text to read, nothing it must say could be checked', async () => {
    const found = await judged(await scannedPdf());
    expect(found.essentials).toHaveLength(1);
    expect(found.essentials[0]!.message).toMatch(/^The invoice has no text to read \(0 words\)/);
    expect(found.essentials[0]!.evidence.measured).toBe('0 words of text');
    expect(found.amountHidden).toEqual([]);
    expect(found.noThanks).toEqual([]);
  });

  it("with only a scanner's caption under it, too", async () => {
    const found = await judged(await scannedPdf('Scanned with OfficeScan 3, page 1 of 1'));
    expect(found.essentials).toHaveLength(1);
    expect(found.essentials[0]!.message).toMatch(/no text to read \(5 words\)/);
  });

  it('an invoice with text is judged essential by essential', async () => {
    const found = await judged(await scannedPdf('Invoice 0042 from Harbor Lane Plumbing, 3 March 2026. Thank you for your business.'));
    expect(found.essentials.length).toBeGreaterThan(1);
    expect(found.essentials.every((f) => f.message.startsWith('Not on the invoice:'))).toBe(true);
    expect(found.noThanks).toEqual([]);
  });
});
