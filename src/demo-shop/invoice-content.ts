/**
 * What an invoice says, as a list of blocks that both the HTML page and the PDF render, so the two always carry the
 * same words. Shipped: jargon, threats (late fee, 8% interest, debt collectors, court), no way to pay, no thank
 * you, a "Pay now" button that does nothing, the amount due buried in a paragraph of small print. Fixed: plain English, a thank you, the amount due large
 * and early, the due date, how to pay, and who to contact.
 */
import { SELLER, orderTotal, vatIncluded, type Order } from './catalog.js';
import { money } from './html.js';
import type { ShopVariant } from './variant.js';

export type InvoiceBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Small print: 12px on the page, 8pt in the PDF. */
  | { kind: 'small'; text: string }
  | { kind: 'facts'; rows: Array<[label: string, value: string]> }
  | { kind: 'table'; head: string[]; rows: string[][] }
  /** The amount due, shown large. */
  | { kind: 'amount'; label: string; text: string }
  /** A link on the page; the PDF prints `pdfText` instead. */
  | { kind: 'link'; text: string; href: string; pdfText: string }
  /** A button on the page that looks like it acts but has no handler (shipped's dead "Pay now"); not in the PDF. */
  | { kind: 'button'; text: string };

function shipped(order: Order): InvoiceBlock[] {
  const total = orderTotal(order);
  const net = (pence: number) => (Math.round((pence * 5) / 6) / 100).toFixed(2);
  return [
    { kind: 'title', text: 'INVOICE' },
    {
      kind: 'facts',
      rows: [
        ['Invoice No.', order.invoiceNumber],
        ['Date of issue / tax point', order.invoiceDate],
        ['Account ref.', order.number],
        ['Terms', 'Net 14'],
      ],
    },
    { kind: 'button', text: 'Pay now' },
    {
      kind: 'table',
      head: ['SKU', 'Desc.', 'Qty', 'Unit net', 'VAT code', 'Line net'],
      rows: order.lines.map((line) => [
        `HC-${line.slug.slice(0, 3).toUpperCase()}-${line.size}`,
        line.name.toUpperCase(),
        String(line.qty),
        net(line.price),
        'S (20%)',
        net(line.price * line.qty),
      ]),
    },
    {
      kind: 'small',
      text:
        'Remittance of the aggregate balance outstanding is hereby demanded in full within fourteen (14) days of the ' +
        `date of issue hereof. The sum outstanding, being ${money(total)} inclusive of VAT, shall become overdue ` +
        'forthwith upon expiry of the aforementioned period, whereupon the Company reserves the right, without further ' +
        'notice, to levy a late payment fee of £40.00 and to charge interest on the overdue balance at a rate of 8% per ' +
        'annum above the Bank of England base rate pursuant to the Late Payment of Commercial Debts (Interest) Act ' +
        '1998, accruing daily until the date of payment.',
    },
    {
      kind: 'small',
      text:
        'Failure to remit may result in the account being referred to a debt collection agency and/or the ' +
        'commencement of legal proceedings without further reference to the Customer, the costs of which shall be ' +
        'recoverable from the Customer in full. Queries must be raised in writing within 7 days of the date of issue, ' +
        'failing which the invoice shall be deemed accepted.',
    },
    {
      kind: 'small',
      text: `${SELLER.legalName}. Registered in England and Wales No. 00000000. VAT Reg. No. GB 000 0000 00. E&OE.`,
    },
  ];
}

function fixed(order: Order): InvoiceBlock[] {
  const total = orderTotal(order);
  return [
    { kind: 'title', text: `Invoice from ${SELLER.name}` },
    { kind: 'paragraph', text: `Thank you for your order. This invoice is for order ${order.number}.` },
    { kind: 'amount', label: 'Amount due', text: money(total) },
    {
      kind: 'link',
      text: 'Pay now',
      href: `/orders/${order.number}/pay`,
      pdfText: `Pay now at harbourandco.example/pay, quoting ${order.invoiceNumber}.`,
    },
    {
      kind: 'facts',
      rows: [
        ['Due date', `Please pay by ${order.dueDate}`],
        ['Invoice number', order.invoiceNumber],
        ['Invoice date', order.invoiceDate],
        ['Order', order.number],
      ],
    },
    { kind: 'heading', text: 'What you bought' },
    {
      kind: 'table',
      head: ['Item', 'Quantity', 'Price'],
      rows: [
        ...order.lines.map((line) => [`${line.name}, size ${line.size}`, String(line.qty), money(line.price * line.qty)]),
        ['Delivery', '', order.delivery ? money(order.delivery) : 'Free'],
        ['Total', '', money(total)],
      ],
    },
    { kind: 'paragraph', text: `Prices include VAT of ${money(vatIncluded(total))}.` },
    { kind: 'heading', text: 'How to pay' },
    {
      kind: 'link',
      text: 'Pay by card online',
      href: `/orders/${order.number}/pay`,
      pdfText: `Pay by card online at harbourandco.example/pay, quoting ${order.invoiceNumber}.`,
    },
    { kind: 'paragraph', text: 'Or pay by bank transfer to:' },
    {
      kind: 'facts',
      rows: [
        ['Account name', SELLER.bank.accountName],
        ['Sort code', SELLER.bank.sortCode],
        ['Account number', SELLER.bank.accountNumber],
        ['Reference', order.invoiceNumber],
      ],
    },
    {
      kind: 'paragraph',
      text: "If you can't pay by the due date, just let us know and we'll work something out together.",
    },
    { kind: 'heading', text: 'Questions?' },
    {
      kind: 'paragraph',
      text: `Email ${SELLER.email}, call ${SELLER.phone} (free, 8am-8pm every day) or write to ${SELLER.name}, ${SELLER.address}.`,
    },
  ];
}

export function invoiceContent(order: Order, variant: ShopVariant): InvoiceBlock[] {
  return variant === 'shipped' ? shipped(order) : fixed(order);
}
