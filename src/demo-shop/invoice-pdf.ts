/** The invoice as a PDF download: the same blocks as the HTML page, drawn with pdfkit's built-in Helvetica. */
import type { Order } from './catalog.js';
import { invoiceContent, type InvoiceBlock } from './invoice-content.js';
import { renderPdf, type PdfDoc } from './pdf.js';
import type { ShopVariant } from './variant.js';

const BODY = 11;
const SMALL = 8;

function table(doc: PdfDoc, head: string[], rows: string[][]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const first = width * 0.4;
  const rest = (width - first) / Math.max(1, head.length - 1);
  const widths = head.map((_, i) => (i === 0 ? first : rest));
  const drawRow = (cells: string[], bold: boolean) => {
    const top = doc.y;
    let bottom = top;
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY - 1);
    cells.forEach((cell, i) => {
      const w = widths[i] ?? rest;
      doc.text(cell, x, top, { width: w - 6 });
      bottom = Math.max(bottom, doc.y);
      x += w;
    });
    doc.x = left;
    doc.y = bottom + 4;
  };
  drawRow(head, true);
  rows.forEach((row) => drawRow(row, false));
  doc.moveDown(0.5);
}

function drawBlock(doc: PdfDoc, block: InvoiceBlock): void {
  switch (block.kind) {
    case 'title':
      doc.font('Helvetica-Bold').fontSize(20).text(block.text).moveDown(0.5);
      break;
    case 'heading':
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(14).text(block.text).moveDown(0.3);
      break;
    case 'paragraph':
      doc.font('Helvetica').fontSize(BODY).text(block.text).moveDown(0.5);
      break;
    case 'small':
      doc.font('Helvetica').fontSize(SMALL).text(block.text).moveDown(0.5);
      break;
    case 'facts':
      for (const [label, value] of block.rows) {
        doc.font('Helvetica-Bold').fontSize(BODY).text(`${label}: `, { continued: true });
        doc.font('Helvetica').text(value);
      }
      doc.moveDown(0.5);
      break;
    case 'table':
      table(doc, block.head, block.rows);
      break;
    case 'amount':
      doc.font('Helvetica').fontSize(BODY + 1).text(block.label);
      doc.font('Helvetica-Bold').fontSize(28).text(block.text).moveDown(0.5);
      break;
    case 'link':
      doc.font('Helvetica').fontSize(BODY).text(block.pdfText).moveDown(0.5);
      break;
    case 'button':
      break;
  }
}

export function invoicePdf(order: Order, variant: ShopVariant): Promise<Buffer> {
  return renderPdf(`Invoice ${order.invoiceNumber}`, (doc) => {
    for (const block of invoiceContent(order, variant)) drawBlock(doc, block);
  });
}
