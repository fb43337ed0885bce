/** `/orders/:number/invoice` (HTML) and `/orders/:number/invoice.pdf`: the same words in both forms. */
import { html } from '../html.js';
import { htmlReply, pdfReply, type Handler } from '../http.js';
import { invoiceContent, type InvoiceBlock } from '../invoice-content.js';
import { invoicePdf } from '../invoice-pdf.js';
import { notFound, page } from '../layout.js';
import { findOrder } from '../catalog.js';

function renderBlock(block: InvoiceBlock) {
  switch (block.kind) {
    case 'title':
      return html`<h1>${block.text}</h1>`;
    case 'heading':
      return html`<h2>${block.text}</h2>`;
    case 'paragraph':
      return html`<p>${block.text}</p>`;
    case 'small':
      return html`<p class="fine-print">${block.text}</p>`;
    case 'facts':
      return html`<dl class="totals">${block.rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
    case 'table':
      return html`<div class="table-wrap"><table><thead><tr>${block.head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>${block.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody></table></div>`;
    case 'amount':
      return html`<div class="amount"><p class="amount-label">${block.label}</p><p class="amount-due" id="amount-due">${block.text}</p></div>`;
    case 'link':
      return html`<p><a class="secondary" href="${block.href}">${block.text}</a></p>`;
    case 'button':
      return html`<p><button type="button" class="secondary">${block.text}</button></p>`;
  }
}

export const invoice: Handler = (ctx) => {
  const found = findOrder(ctx.params.number ?? '');
  if (!found) return notFound(ctx.variant);
  const body = html`<article class="invoice">${invoiceContent(found, ctx.variant).map(renderBlock)}</article>`;
  return htmlReply(page({ variant: ctx.variant, title: `Invoice ${found.invoiceNumber}`, body }));
};

export const invoiceDownload: Handler = async (ctx) => {
  const found = findOrder(ctx.params.number ?? '');
  if (!found) return notFound(ctx.variant);
  return pdfReply(await invoicePdf(found, ctx.variant), `invoice-${found.number}.pdf`);
};
