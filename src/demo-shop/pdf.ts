/** Turns a pdfkit drawing into a Buffer, with a fixed creation date so the same document gives the same bytes. */
import PDFDocument from 'pdfkit';

export type PdfDoc = InstanceType<typeof PDFDocument>;

/** 12 May 2025: the demo's fixed "today". pdfkit would otherwise stamp (and hash into the file id) the clock. */
const FIXED_DATE = new Date(Date.UTC(2025, 4, 12, 9, 0, 0));

export function renderPdf(title: string, draw: (doc: PdfDoc) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: title, Author: 'Harbour & Co', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}
