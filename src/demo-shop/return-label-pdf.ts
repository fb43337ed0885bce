/** The printable return label the fixed variant offers after a confirmed return. */
import { SELLER, type Order, type OrderLine } from './catalog.js';
import { renderPdf } from './pdf.js';

export function returnLabelPdf(returnNumber: string, order: Order, line: OrderLine): Promise<Buffer> {
  return renderPdf(`Return label ${returnNumber}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(22).text('Return label').moveDown(0.5);
    doc.font('Helvetica').fontSize(12).text('Stick this to your parcel, or show it on your phone at a drop-off point.');
    doc.moveDown();
    doc.rect(doc.x, doc.y, 300, 150).lineWidth(2).stroke();
    const top = doc.y + 14;
    doc.font('Helvetica-Bold').fontSize(16).text('Deliver to', doc.x + 14, top);
    doc.font('Helvetica').fontSize(14).text(`${SELLER.legalName} Returns`).text(SELLER.address);
    doc.font('Helvetica-Bold').fontSize(18).text(returnNumber).moveDown(3);
    doc.x = doc.page.margins.left;
    doc.font('Helvetica').fontSize(12).text(`Order ${order.number}: ${line.name}, size ${line.size}.`);
    doc.text(`Questions? ${SELLER.email} or ${SELLER.phone}.`);
  });
}
