/**
 * PDF text through PDF.js on real PDFs: one Chromium prints from an HTML fixture (a big "Amount due £45.00" over
 * small body text), and the demo shop's invoice PDFs (pdfkit) in both variants.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser } from '../helpers/browser.js';
import { ORDERS } from '../../src/demo-shop/catalog.js';
import { invoicePdf } from '../../src/demo-shop/invoice-pdf.js';
import { renderPdf } from '../../src/demo-shop/pdf.js';
import { analyseInvoice, bodyFontSize } from '../../src/journeys/invoice-analysis.js';
import { readPdf } from '../../src/journeys/pdf-reader.js';
import { pdfText } from '../../src/journeys/pdf-text.js';

const order = ORDERS[0]!;
const largest = (items: Array<{ text: string; fontSize: number }>, text: string) =>
  Math.max(...items.filter((item) => item.text.includes(text)).map((item) => item.fontSize));

describe('a PDF printed by Chromium', () => {
  let browser: Browser | undefined;
  let pdf: Uint8Array;
  beforeAll(async () => {
    browser = await startBrowser();
    const page = await browser.newPage();
    await page.setContent(readFileSync(new URL('../fixtures/pages/invoice/good.html', import.meta.url), 'utf8'));
    pdf = await page.pdf({ format: 'A4' });
  });
  afterAll(() => browser?.close());

  it('gives the text in reading order, a line per block', async () => {
    const { text } = await pdfText(pdf);
    expect(text).toContain('Invoice from Seaside Books\nThank you for your order.');
    expect(text).toContain('Amount due £45.00\nPlease pay by 30 June 2025.');
    expect(text).toContain('Tide tables for the south coast £30.00');
  });

  it("keeps each line of a block set to the right, and of a second column, apart; a paragraph's wrapped lines are joined", async () => {
    const page = await browser!.newPage();
    await page.setContent(`<body style="font:14px sans-serif;margin:40px">
      <p>Unit 4, Quay Road, Cork T12 X8E2, Ireland. Email accounts@harbourlights.example or call +353 21 490 0000.</p>
      <div style="text-align:right">Invoice no. HL-20931<br>Date: 28/11/2026<br>Payment terms: 30 days, by 28/12/2026</div>
      <div style="display:grid;grid-template-columns:1fr 1fr;margin-top:16px">
        <div>LED panel ×4 €156.00<br>Junction box ×6 €27.00</div><div>RCD unit ×1 €48.00<br>Labour 3 h €165.00</div>
      </div>
      <p>We are a small family business, and we are glad you chose us for this job. If you have questions about anything on this invoice, call us any weekday between nine and five and we will be happy to help you.</p>
    </body>`);
    const { text } = await pdfText(await page.pdf({ format: 'A4' }));
    await page.close();
    expect(text).toContain('Invoice no. HL-20931\nDate: 28/11/2026\nPayment terms: 30 days, by 28/12/2026');
    expect(text).toContain('RCD unit ×1 €48.00\nLabour 3 h €165.00');
    expect(text).toContain('We are a small family business, and we are glad you chose us for this job. If you have questions about anything on this invoice, call us any weekday between nine and five and we will be happy to help you.');
  });

  it('reads a column of labels drawn before their values row by row, and a letterhead drawn last first', async () => {
    const page = await browser!.newPage();
    await page.setContent(`<body style="font:14px sans-serif;margin:40px;position:relative;padding-top:90px">
      <div style="display:flex;justify-content:space-between">
        <div>Bill to<br>Oduya Print Ltd<br>4 Tanner Row, York YO1 6JB</div>
        <div style="display:flex;gap:16px"><div>Invoice No:<br>Invoice Date:<br>Due Date:</div><div>KP-3310<br>02/03/2026<br>01/04/2026</div></div>
      </div>
      <p>Thank you for your order.</p>
      <div style="position:absolute;top:0;left:0"><div style="font-size:28px">Kestrel Paper Co</div><div>12 Mill Street, Leeds LS9 8AB</div></div>
    </body>`);
    const { text, items } = await pdfText(await page.pdf({ format: 'A4' }));
    await page.close();
    expect(text).toMatch(/^Kestrel Paper Co\n12 Mill Street, Leeds LS9 8AB\nBill to\n/);
    expect(text).toContain('Invoice No: KP-3310\nInvoice Date: 02/03/2026\nDue Date: 01/04/2026');
    // The runs, with where each is set, come in the same order as the text.
    expect(items.map((item) => item.text).join(' ')).toMatch(/^Kestrel Paper Co 12 Mill Street.*Invoice No: KP-3310 Invoice Date:/);
    expect(items[0]).toMatchObject({ text: 'Kestrel Paper Co', fontSize: 21 });
    expect(items[0]!.left).toBeLessThan(items[0]!.right);
  });

  it('gives the amount due a larger font size than the body (px printed as pt: 32 px is 24 pt, 16 px is 12 pt)', async () => {
    const { items } = await pdfText(pdf);
    expect(bodyFontSize(items)).toBe(12);
    expect(largest(items, 'Amount due £45.00')).toBe(24);
  });

  it('leaves the bytes it was given usable (PDF.js takes a copy)', async () => {
    await pdfText(pdf);
    expect((await pdfText(pdf)).text).toContain('Amount due');
  });

  it('rejects what is not a PDF', async () => {
    await expect(pdfText(new TextEncoder().encode('not a pdf'))).rejects.toThrow();
  });
});

describe('a table of items in a PDF (pdfkit)', () => {
  const things = ['Sawn larch', 'Oak board', 'Pine batten', 'Birch sheet', 'Cedar boards', 'Ash dowel'];
  const places = ['the garden room', 'the back fence', 'the shed roof', 'the loft hatch'];
  /**
   * Six rows of 9 pt at a 14 pt pitch (no text of that size set closer), a description then quantity, price and line
   * total in columns; then a note of 10 pt that wraps.
   */
  const tradeInvoice = (note: string) =>
    renderPdf('Table', (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text('Hartley Timber Supplies', 50, 40);
      doc.font('Helvetica').fontSize(9);
      let y = 100;
      for (const [text, x] of [['Description', 50], ['Qty', 380], ['Unit', 420], ['Line total', 480]] as const) doc.text(text, x, y);
      for (let i = 0; i < 6; i += 1) {
        y += 14;
        doc.text(`${things[i % things.length]} for ${places[i % places.length]}, cut to length`, 50, y);
        doc.text(String((i % 3) + 1), 380, y);
        doc.text('12.50', 420, y);
        doc.text((12.5 * ((i % 3) + 1)).toFixed(2), 480, y);
      }
      doc.fontSize(10).text(note, 50, y + 30, { width: 495 });
    });
  const plain =
    'We cut all the wood to the lengths you gave us and took it to your site on the day we said we would. If a piece is ' +
    'not right, tell us within two days and we will cut a new one for free. Thank you for your order.';
  const dense =
    'Notwithstanding any provision to the contrary, consideration hereunder is invoiced proportionately in accordance ' +
    'with the applicable contractual entitlement configuration, and remittance obligations accrue irrespective of ' +
    'utilisation, reconciliation being undertaken exclusively at the discretion of the supplier.';
  const analysed = async (note: string) => {
    const { text, items, links } = await pdfText(await tradeInvoice(note));
    return { text, analysis: analyseInvoice({ kind: 'invoice', source: 'download', location: 'table.pdf', text, items, links, bodyFontSize: bodyFontSize(items), gradeTarget: 8 }) };
  };

  it('keeps each row of the table a line of its own, and joins the lines a paragraph wraps over', async () => {
    const { text } = await analysed(plain);
    expect(text).toContain('Description Qty Unit Line total\nSawn larch for the garden room, cut to length 1 12.50 12.50\nOak board for the back fence, cut to length 2 12.50 25.00\n');
    expect(text).toContain(plain);
    expect(text.split('\n').filter((line) => /cut to length/.test(line))).toHaveLength(6);
  });

  it('scores rows of short words as short lines, not as one long sentence; a hard paragraph under them still scores above grade 8', async () => {
    expect((await analysed(plain)).analysis.readability.fleschKincaidGrade).toBeLessThan(8);
    expect((await analysed(dense)).analysis.readability.fleschKincaidGrade).toBeGreaterThan(8);
  });
});

describe("the demo shop's invoice PDF (pdfkit)", () => {
  it('fixed: thanks the customer, and shows the amount due at 28 pt over an 11 pt body', async () => {
    const { text, items } = await pdfText(await invoicePdf(order, 'fixed'));
    expect(text).toContain('Thank you for your order.');
    expect(text).toContain('Due date: Please pay by 26 May 2025');
    expect(text).toContain('Sort code: 00-00-00');
    expect(largest(items, '£110.00')).toBe(28);
    expect(bodyFontSize(items)).toBe(11);
  });

  it('shipped: no thank you, the amount due inside a paragraph of 8 pt small print', async () => {
    const { text, items } = await pdfText(await invoicePdf(order, 'shipped'));
    expect(text).not.toContain('Thank you');
    // A wrapped paragraph reads as one line, however many lines PDF.js gives it.
    expect(text).toContain('The sum outstanding, being £110.00 inclusive of VAT, shall become overdue forthwith');
    expect(largest(items, '£110.00')).toBe(8);
    expect(bodyFontSize(items)).toBe(8);
  });
});

describe('the process that reads a PDF', () => {
  // PDF.js's legacy build replaces globals with slower polyfills where it is loaded: in cx-shop's own thread that
  // slowed every step after the first PDF invoice, Playwright's messages included.
  it('is left without PDF.js and its polyfills in its globals (PDF.js runs in a thread of its own)', async () => {
    const { text } = await pdfText(await invoicePdf(order, 'fixed'));
    expect(text).toContain('Thank you for your order.');
    // core-js (inside PDF.js's legacy build) keeps its state in this global wherever it replaced globals; PDF.js
    // names itself there too.
    expect(Object.keys(globalThis)).not.toContain('__core-js_shared__');
    expect(Object.keys(globalThis)).not.toContain('pdfjsLib');
    expect('pdfjsLib' in globalThis).toBe(false);
  });

  it('gives up on a PDF that takes too long, and reads the next one in a new thread', async () => {
    const pdf = await invoicePdf(order, 'fixed');
    await expect(readPdf(pdf, 1)).rejects.toThrow(/did not finish reading it within 1 ms/);
    expect((await pdfText(pdf)).text).toContain('Thank you for your order.');
  });

  it('reads several PDFs at once, each to its own text', async () => {
    const [fixed, shipped] = await Promise.all([pdfText(await invoicePdf(order, 'fixed')), pdfText(await invoicePdf(order, 'shipped'))]);
    expect(fixed.text).toContain('Thank you for your order.');
    expect(shipped.text).not.toContain('Thank you');
  });
});
