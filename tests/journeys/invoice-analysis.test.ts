/** The invoice analysis on plain texts: each essential found or missed, thanks, threats against help, prominence. */
import { describe, expect, it } from 'vitest';
import { analyseInvoice, bodyFontSize, invoiceLanguage, pairColumns, PROMINENT_RATIO } from '../../src/journeys/invoice-analysis.js';
import type { ReadDocument } from '../../src/artifacts/types.js';

function invoice(text: string, items: ReadDocument['items'] = text.split('\n').map((line) => ({ text: line, fontSize: 16 }))): ReadDocument {
  return { kind: 'invoice', source: 'page', location: 'https://shop.test/invoice', text, items, bodyFontSize: bodyFontSize(items), gradeTarget: 8 };
}

/** A good invoice, one line per essential (and a thank you), so each can be left out in turn. */
const LINES = {
  seller: 'Invoice from Seaside Books',
  thanks: 'Thank you for your order.',
  'invoice-number': 'Invoice number: INV-2001',
  'invoice-date': 'Invoice date: 16 June 2025',
  charges: 'What you bought: Tide tables, £45.00',
  total: 'Amount due: £45.00',
  'due-date': 'Please pay by 30 June 2025.',
  'how-to-pay': 'Pay by card at seasidebooks.example/pay.',
  contact: 'Email help@seasidebooks.example with anything.',
} as const;
const ESSENTIAL_IDS = Object.keys(LINES).filter((id) => id !== 'thanks');
const without = (id: string) => Object.entries(LINES).filter(([key]) => key !== id).map(([, line]) => line).join('\n');

const BAD = [
  'INVOICE',
  'Inv. ref. INV-2002   Date of issue 16 June 2025   Terms: Net 30',
  'Desc. TIDE TABLES 1 37.50',
  'Settlement of the aggregate balance outstanding, amounting to £45.00 inclusive of applicable taxation, is required within',
  'thirty days, whereupon a late payment fee of £25.00 shall be applied together with statutory interest calculated daily.',
  'Continued non-payment may result in referral to a debt collection agency and the initiation of legal proceedings.',
].join('\n');

describe('the language an invoice is written in', () => {
  it('is named when it is plainly not English; an English invoice, with a German address on it too, is read', () => {
    expect(invoiceLanguage('Vielen Dank für Ihre Bestellung. Bitte überweisen Sie den Betrag bis zum 29.05.2026 auf das unten genannte Konto. Bei Fragen sind wir für Sie da.')).toBe('German');
    expect(invoiceLanguage("Merci pour votre confiance. Le montant est à régler par virement avant le 03/07/2026. Pour toute question, contactez-nous par e-mail ou par téléphone.")).toBe('French');
    expect(invoiceLanguage(Object.values(LINES).join('\n'))).toBeNull();
    expect(invoiceLanguage(`${Object.values(LINES).join('\n')}\nLeinen & Co. GmbH, Hafenstraße 12, 20457 Hamburg, Deutschland`)).toBeNull();
    expect(invoiceLanguage(BAD)).toBeNull();
  });

  it('is judged by the body: an English invoice with a German legal footer in small print is English; a German one is German', () => {
    const footer = [
      'Seeblick Optik GmbH · Geschäftsführerin: Anna Reiter · Sitz der Gesellschaft: Lindau · Amtsgericht Kempten HRB 13579',
      'Es gelten unsere Allgemeinen Geschäftsbedingungen. Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum. Für Fragen zu dieser Rechnung stehen wir Ihnen gern zur Verfügung und freuen uns auf die weitere Zusammenarbeit mit Ihnen. Bitte geben Sie bei der Zahlung die Rechnungsnummer an, damit wir die Zahlung zuordnen können.',
    ];
    const withFooter = (lines: string[]) => invoice([...lines, ...footer].join('\n'), [...lines.map((text) => ({ text, fontSize: 15 })), ...footer.map((text) => ({ text, fontSize: 11 }))]);
    const english = [...Object.values(LINES), 'Titanium reading glasses £89.00', 'Hard case £12.00', 'Shipping to the UK £9.50', 'Amount due: £110.50'];
    expect(analyseInvoice(withFooter(english)).language).toBeNull();
    const german = ['Rechnung Nr. 2026-0412', 'Vielen Dank für Ihre Bestellung. Bitte überweisen Sie den Betrag bis zum 29.05.2026 auf das unten genannte Konto.', 'Bei Fragen sind wir für Sie da, und wir helfen gern mit der Lieferung.', 'Lesebrille Titan 89,00 €', 'Etui 12,00 €', 'Versand 9,50 €', 'Summe 110,50 €'];
    expect(analyseInvoice(withFooter(german)).language).toBe('German');
  });
});

describe('the language an invoice declares', () => {
  const FACTURA = 'Cerámica Sol S.L.\nFactura 2026/0789\nFecha de vencimiento: 15/01/2027\nTotal a pagar 229,78 €\nGracias por su compra.';

  it('names a terse invoice\'s language, too few words to tell by them', () => {
    expect(invoiceLanguage(FACTURA)).toBeNull();
    expect(invoiceLanguage(FACTURA, 'es')).toBe('Spanish');
    expect(invoiceLanguage(FACTURA, 'es-ES')).toBe('Spanish');
    expect(analyseInvoice({ ...invoice(FACTURA), lang: 'es' }).language).toBe('Spanish');
  });

  it('gives way to words that are plainly English, and English declared gives way to words plainly another language', () => {
    expect(invoiceLanguage(Object.values(LINES).join('\n'), 'de')).toBeNull();
    expect(invoiceLanguage(Object.values(LINES).join('\n'), 'en-GB')).toBeNull();
    expect(invoiceLanguage('Vielen Dank für Ihre Bestellung. Bitte überweisen Sie den Betrag bis zum 29.05.2026 auf das unten genannte Konto. Bei Fragen sind wir für Sie da.', 'en')).toBe('German');
  });
});

describe('essentials', () => {
  it('a good invoice gives every essential, each with the line that shows it', () => {
    const { essentials, missing } = analyseInvoice(invoice(Object.values(LINES).join('\n')));
    expect(missing).toEqual([]);
    expect(Object.fromEntries(essentials.map((e) => [e.id, e.evidence]))).toEqual(Object.fromEntries(ESSENTIAL_IDS.map((id) => [id, LINES[id as keyof typeof LINES]])));
  });

  it.each(ESSENTIAL_IDS)('without its line, only "%s" is missing', (id) => {
    const { missing } = analyseInvoice(invoice(without(id)));
    expect(missing.map((e) => e.id)).toEqual([id]);
    expect(missing[0]!.need).toMatch(/\w+/);
  });

  it('the bad invoice misses who it is from, how to reach them, the due date and how to pay', () => {
    const { missing, essentials } = analyseInvoice(invoice(BAD));
    expect(missing.map((e) => e.id)).toEqual(['seller', 'contact', 'due-date', 'how-to-pay']);
    expect(essentials.find((e) => e.id === 'total')!.evidence).toBe('balance outstanding, amounting to £45.00');
  });

  it('a relative term ("Net 14", "within 14 days") is not a due date; a bare "Pay now" is not a way to pay', () => {
    const { missing } = analyseInvoice(invoice('Terms: Net 14. Payment is due within 14 days.\nPay now'));
    expect(missing.map((e) => e.id)).toEqual(expect.arrayContaining(['due-date', 'how-to-pay']));
  });

  it('a date to transfer, remit or settle the sum by is a due date', () => {
    for (const due of ['Please transfer the invoice total by 29.05.2026 to the account below.', 'Kindly remit payment by 30 June 2025.', 'Please settle this invoice by 30/06/2025.']) {
      expect(analyseInvoice(invoice(`${without('due-date')}\n${due}`)).missing, due).toEqual([]);
    }
  });

  it('bank details, IBAN, direct debit and PayPal are each a way to pay', () => {
    for (const how of ['Sort code: 11-22-33, account 12345678', 'IBAN: GB29 NWBK 6016 1331 9268 19', 'We will collect it by Direct Debit', 'Pay with PayPal']) {
      expect(analyseInvoice(invoice(`${without('how-to-pay')}\n${how}`)).missing).toEqual([]);
    }
  });

  it('a phone number, a postcode or "contact us" is a way to reach the seller', () => {
    for (const contact of ['Call us on 0800 123 4567', 'Seaside Books, 2 Harbour Road, Whitby YO21 3PU', 'Contact us any time']) {
      expect(analyseInvoice(invoice(`${without('contact')}\n${contact}`)).missing).toEqual([]);
    }
  });
});

describe('thanks, threats and help', () => {
  it('finds the thank you', () => {
    expect(analyseInvoice(invoice(Object.values(LINES).join('\n'))).thanks).toEqual({ count: 1, phrases: ['Thank you'] });
    expect(analyseInvoice(invoice(BAD)).thanks.count).toBe(0);
  });

  it('counts threats with their phrases, in reading order', () => {
    const { threats, help } = analyseInvoice(invoice(BAD));
    expect(threats.phrases).toEqual(['late payment fee', 'interest', 'debt collection', 'legal proceedings']);
    expect(help.count).toBe(0);
  });

  it('interest is a threat only as a charge on the customer; the courts only in a sentence about a sum not paid', () => {
    const smallPrint = [
      'In the interest of the environment, we send invoices by email only.',
      'We process your personal data where it is in our legitimate interest, to prevent fraud.',
      'If you have a complaint that we cannot resolve, you remain free to bring proceedings in the county court.',
      'Register court: Amtsgericht Charlottenburg',
    ].join('\n');
    expect(analyseInvoice(invoice(smallPrint)).threats).toEqual({ count: 0, phrases: [] });
    const threats = [
      'Interest at 8% a year will be charged on late payments.',
      'Late payments incur interest of 2% per month.',
      'If you do not pay by the due date, we may start court proceedings.',
      'Unpaid invoices are passed to our solicitors.',
      'Failure to pay £25.00 may lead to county court action.',
    ].join('\n');
    expect(analyseInvoice(invoice(threats)).threats.phrases).toEqual(['Interest', 'interest', 'court', 'proceedings', 'solicitors', 'Failure to pay', 'county court']);
  });

  it('a court hired, or a court named on a table row, is no threat over a sum outstanding', () => {
    const club = 'Indoor court hire, 4 sessions\n£48.00\nFloodlights\n£8.00\nOutstanding balance\n£56.00';
    expect(analyseInvoice(invoice(club)).threats).toEqual({ count: 0, phrases: [] });
    expect(analyseInvoice(invoice('Court 3\n£12.00\nOutstanding balance £12.00')).threats).toEqual({ count: 0, phrases: [] });
    // Over a sum outstanding, the courts are a threat still, on lines of their own too.
    expect(analyseInvoice(invoice('If the outstanding balance is not paid\nwe will start court proceedings.')).threats.phrases).toEqual(['court', 'proceedings']);
  });

  it('counts offers of help; "interest-free" and "no interest" are not threats', () => {
    const text = "If you can't pay by then, let us know: we offer a payment plan, interest-free, with no interest at all. Questions? Call us.";
    const { threats, help } = analyseInvoice(invoice(text));
    expect(threats.count).toBe(0);
    expect(help.phrases).toEqual(["can't pay", 'let us know', 'payment plan', 'Questions', 'Call us']);
  });
});

describe('amount due', () => {
  const items = (amountPx: number) => [
    { text: 'Invoice from Seaside Books', fontSize: 24 },
    { text: 'Amount due', fontSize: 16 },
    { text: '£45.00', fontSize: amountPx },
    { text: 'Thank you for your order. Please pay by 30 June 2025 by card at seasidebooks.example/pay.', fontSize: 16 },
  ];
  const text = 'Invoice from Seaside Books\nAmount due\n£45.00\nThank you for your order.';

  it(`is prominent at ${PROMINENT_RATIO}× the body size or more`, () => {
    expect(analyseInvoice(invoice(text, items(24))).amountDue).toEqual({
      text: 'Amount due £45.00', amount: '£45.00', fontSize: 24, bodyFontSize: 16, ratio: 1.5, prominent: true,
    });
    expect(analyseInvoice(invoice(text, items(20))).amountDue).toMatchObject({ ratio: 1.25, prominent: true });
  });

  it('is not prominent below that, nor when no run of text shows it', () => {
    expect(analyseInvoice(invoice(text, items(18))).amountDue).toMatchObject({ fontSize: 18, ratio: 1.13, prominent: false });
    expect(analyseInvoice(invoice(text, [{ text: 'Thank you', fontSize: 16 }])).amountDue).toMatchObject({ amount: '£45.00', fontSize: null, prominent: false });
  });

  it('prefers "Amount due" over a "Total" met first; no labelled amount is no amount', () => {
    expect(analyseInvoice(invoice('Total £50.00\nDeposit paid £5.00\nAmount due £45.00')).amountDue.amount).toBe('£45.00');
    expect(analyseInvoice(invoice('Tide tables £45.00')).amountDue).toMatchObject({ text: null, prominent: false });
  });

  it('a balance of nothing (a settled bill) gives way to the total; an earlier bill\'s balance is never the amount due', () => {
    expect(analyseInvoice(invoice('Total EUR 539,50\nPaid by card 539,50\nBalance EUR 0,00')).amountDue.text).toBe('Total EUR 539,50');
    expect(analyseInvoice(invoice('Previous balance £20.00\nBalance £0.00\nTotal £0.00')).amountDue.text).toBe('Balance £0.00');
    expect(analyseInvoice(invoice('Balance brought from last bill £64.99\nYour balance £71.48\nPrevious balance £64.99')).amountDue.text).toBe('balance £71.48');
  });

  it('a settled bill that shows its balance of nothing large stands out with it; its total set small is not held against it', () => {
    const text = 'Receipt for invoice HF-20931\nTotal £290.00\nPaid with Visa ending 4242 -£290.00\nBalance due £0.00';
    const shown = (balancePx: number) => [
      { text: 'Receipt for invoice HF-20931', fontSize: 16 },
      { text: 'Total', fontSize: 16 },
      { text: '£290.00', fontSize: 16 },
      { text: 'Paid with Visa ending 4242', fontSize: 16 },
      { text: '-£290.00', fontSize: 16 },
      { text: 'Balance due', fontSize: 16 },
      { text: '£0.00', fontSize: balancePx },
    ];
    expect(analyseInvoice(invoice(text, shown(28))).amountDue).toMatchObject({ text: 'Balance due £0.00', amount: '£0.00', prominent: true });
    // Shown no larger than the rest, the total is what the customer looks for, as on a hotel folio.
    expect(analyseInvoice(invoice(text, shown(16))).amountDue).toMatchObject({ text: 'Total £290.00', prominent: false });
    // Something still owed is the amount due, however large a balance of nothing elsewhere.
    const owed = 'Total £290.00\nAmount due £90.00\nGift card balance £0.00';
    expect(analyseInvoice(invoice(owed, [...shown(28), { text: '£90.00', fontSize: 16 }])).amountDue).toMatchObject({ amount: '£90.00', prominent: false });
  });

  it('is measured where the figure is shown whole: "£110.00" is not inside "£1,110.00"', () => {
    const shown = [
      { text: 'Invoice total', fontSize: 16 },
      { text: '£1,110.00', fontSize: 32 },
      { text: 'Deposit paid on 20 October 2026 −£1,000.00. Balance due', fontSize: 16 },
      { text: '£110.00', fontSize: 16 },
    ];
    const due = analyseInvoice(invoice('Invoice total\n£1,110.00\nDeposit paid on 20 October 2026 −£1,000.00. Balance due £110.00', shown)).amountDue;
    expect(due).toMatchObject({ text: 'Balance due £110.00', fontSize: 16, prominent: false });
  });

  it('split across runs (the cents set smaller, the sign apart) is measured at its largest part', () => {
    const parts = (...runs: Array<[string, number]>) => [{ text: 'Amount due', fontSize: 16 }, ...runs.map(([text, fontSize]) => ({ text, fontSize }))];
    expect(analyseInvoice(invoice('Amount due\n1.234,48 EUR', parts(['1.234', 32], [',48', 18], ['EUR', 18]))).amountDue).toMatchObject({ amount: '1.234,48 EUR', fontSize: 32, ratio: 2 });
    expect(analyseInvoice(invoice('Amount due\n£75.95', parts(['£', 18], ['75', 28], ['.95', 18]))).amountDue).toMatchObject({ fontSize: 28, prominent: true });
    // Runs that only together look like the figure, as a quantity then a price, count only when no run shows it whole.
    expect(analyseInvoice(invoice('Amount due\n£10.00', parts(['1', 40], ['10.00', 16], ['£10.00', 16]))).amountDue).toMatchObject({ fontSize: 16 });
  });

  it('a currency code before a figure written the German way is the whole amount: "EUR 1.234,48"', () => {
    expect(analyseInvoice(invoice('Amount due\nEUR 1.234,48')).amountDue.amount).toBe('EUR 1.234,48');
    expect(analyseInvoice(invoice('Total EUR 80,00')).amountDue.amount).toBe('EUR 80,00');
    expect(analyseInvoice(invoice('Total USD 2,850.00')).amountDue.amount).toBe('USD 2,850.00');
  });

  it('the body size is the size that carries the most characters', () => {
    expect(bodyFontSize([{ text: 'Big title', fontSize: 32 }, { text: 'Some long body text here', fontSize: 12 }, { text: 'Note', fontSize: 16 }])).toBe(12);
    expect(bodyFontSize([])).toBe(0);
  });

  it('the body size is not the size of long small print under the invoice: an amount due at the body size does not stand out', () => {
    const lines = ['3 Mill Yard, Hebden Bridge HX7 8AB · 01632 960 113', 'Invoice date: 5 March 2026', 'Bill to: Ann Cole, 12 Park Road, Halifax HX1 2AB', 'Item', 'Qty', 'Amount', 'Oak shelf, fitted', '1', '£180.00', 'Wall brackets', '4', '£24.00', 'Amount due', '£204.00', 'Please pay by bank transfer: sort code 20-11-33, account 41209944, by 19 March 2026.'];
    const terms = Array.from({ length: 3 }, (_, i) => `${i + 1}. These terms apply to every order; goods remain ours until they are paid for in full, and a fault must be reported within 14 days of delivery.`);
    const items = [{ text: 'Hartley Shelving', fontSize: 24 }, ...lines.map((text) => ({ text, fontSize: 15 })), ...terms.map((text) => ({ text, fontSize: 12 }))];
    expect(bodyFontSize(items)).toBe(15);
    expect(analyseInvoice(invoice(['Hartley Shelving', ...lines, ...terms].join('\n'), items)).amountDue).toMatchObject({ amount: '£204.00', bodyFontSize: 15, prominent: false });
  });
});

describe('readability and reading time', () => {
  it('scores the prose only (lines of four words or more), and counts every non-space character for reading', () => {
    const analysis = analyseInvoice(invoice(BAD));
    expect(analysis.readability.fleschKincaidGrade).toBeGreaterThan(12);
    expect(analysis.readingChars).toBe(BAD.replace(/\s+/g, '').length);
    expect(analyseInvoice(invoice(Object.values(LINES).join('\n'))).readability.fleschKincaidGrade).toBeLessThan(8);
  });

  it('an email or a web address is read as an address, not as long words', () => {
    const plain = ['Thanks for your order, we hope you like it.', 'Questions? Write to us or call us any day.', 'Pay on our website by card.'];
    const withAddresses = [plain[0], 'Questions? Write to accounts@copperleafbooks.example or call us any day.', 'Pay at https://pay.copperleafbooks.example/invoices/4410 by card.'];
    const grade = (lines: string[]) => analyseInvoice(invoice(lines.join('\n'))).readability.fleschKincaidGrade;
    expect(grade(withAddresses)).toBeLessThanOrEqual(grade(plain) + 1);
  });
});

describe('essentials in common layouts', () => {
  const found = (text: string) => new Set(analyseInvoice(invoice(text)).essentials.filter((e) => e.found).map((e) => e.id));

  it('a heading that is the number ("INVOICE 2026-0113", "Invoice HC-10421") is the invoice number; a date is not', () => {
    expect(found('INVOICE 2026-0113')).toContain('invoice-number');
    expect(found('Invoice HC-10421\nHarbour & Co')).toContain('invoice-number');
    expect(found('Invoice 3 December 2026')).not.toContain('invoice-number');
    expect(found('Invoice 2026-12-03')).not.toContain('invoice-number');
  });

  it('"Balance" and "Please pay" name the amount due', () => {
    expect(found('Balance £129.00')).toContain('total');
    expect(found('Balance: $129.00')).toContain('total');
    expect(found('Please pay €80,00 EUR 80.00')).toContain('total');
  });

  it('"Amount due: $129.00 by 3 December" gives the amount and the due date, without a year', () => {
    const text = 'Amount due: $129.00 by 3 December';
    expect(found(text)).toContain('total');
    expect(found(text)).toContain('due-date');
    expect(found('Payment is due on December 3rd')).toContain('due-date');
    expect(found('Terms: Net 14. Payment is due within 14 days.')).not.toContain('due-date');
  });

  it('a label with a date or a rate in it ("Amount due by 12 Jan 2027", "Total incl. 20% VAT") names the amount after it', () => {
    for (const [text, amount] of [
      ['Amount due by 12 Jan 2027\n£290.00', '£290.00'],
      ['Total incl. 20% VAT £290.00', '£290.00'],
      ['Pay £290.00 by 12 January 2027', '£290.00'],
      ['Subtotal £241.67\nVAT 20% £48.33\nAmount due by 12 Jan 2027 £290.00', '£290.00'],
      // A PDF's label cell wrapped over two lines, the amount in the cell beside it.
      ['Subtotal £241.67\nVAT (20%) £48.33\nTotal incl. 20%\nVAT\n£290.00', '£290.00'],
    ]) {
      expect(found(text!), text).toContain('total');
      expect(analyseInvoice(invoice(text!)).amountDue.amount, text).toBe(amount);
    }
    // Another figure between a label and an amount is not a date or a rate: the amount is not the label's; nor is an
    // amount well after the date, in words about something else.
    expect(found('Total 3 items\n£290.00')).not.toContain('total');
    expect(analyseInvoice(invoice('Amount due £249.00\nPlease pay by 15 December 2026 to avoid a late fee of £10.')).amountDue.amount).toBe('£249.00');
  });

  it('"Amount overdue", "Overdue amount" and "Overdue balance" name the amount due', () => {
    for (const text of ['Amount overdue £290.00', 'Overdue amount: £290.00', 'Overdue balance\n£290.00', 'Total overdue £290.00']) {
      expect(found(text), text).toContain('total');
      expect(analyseInvoice(invoice(`Total £240.00\n${text}`)).amountDue.amount, text).toBe('£290.00');
    }
  });

  it('"Previous balance" alone is no amount due now', () => {
    expect(found('Previous balance £71.05\nPayments received £71.05')).not.toContain('total');
    expect(found('Previous balance £71.05\nBalance due £80.00')).toContain('total');
  });

  it('"Due on receipt" is when to pay: no due date is missing; "Net 30" still misses one', () => {
    for (const text of ['Terms: Due on receipt', 'Payment due upon receipt of this invoice.', 'Payable on receipt']) {
      const { essentials, missing } = analyseInvoice(invoice(`${without('due-date')}\n${text}`));
      expect(missing, text).toEqual([]);
      expect(essentials.find((e) => e.id === 'due-date'), text).toMatchObject({ found: false, waived: text });
    }
    expect(analyseInvoice(invoice(`${without('due-date')}\nTerms: Net 30`)).missing.map((e) => e.id)).toEqual(['due-date']);
  });

  it('line items without column heads are what is charged; totals and tax lines alone are not', () => {
    expect(found('Linen shirt (M)   £45.00\nDelivery   £4.95\nTotal £49.95')).toContain('charges');
    expect(found('Subtotal £45.00\nVAT £9.00\nTotal £54.00')).not.toContain('charges');
  });
});

describe('essentials from links, letterheads and more formats', () => {
  const analysed = (text: string, extra: Partial<ReadDocument> = {}) => analyseInvoice({ ...invoice(text), ...extra });
  const found = (text: string, extra: Partial<ReadDocument> = {}) => new Set(analysed(text, extra).essentials.filter((e) => e.found).map((e) => e.id));

  it('a "Pay online" button is a way to pay by its address; a link to the payment terms is not', () => {
    const pay = analysed('Amount due $29.00\nPay online', { links: [{ text: 'Pay online', href: 'https://pay.quillpad.example/i/7' }] });
    expect(pay.essentials.find((e) => e.id === 'how-to-pay')).toMatchObject({ found: true, evidence: '"Pay online", a link to https://pay.quillpad.example/i/7' });
    expect(found('Pay online', { links: [{ text: 'Payment terms', href: 'https://quillpad.example/terms' }] })).not.toContain('how-to-pay');
    expect(found('Pay online', { links: [{ text: 'Pay online', href: 'javascript:void(0)' }] })).not.toContain('how-to-pay');
    // A PDF's link over no words says where only by its address.
    expect(found('Invoice', { links: [{ text: '', href: 'https://billing.example/pay/7' }] })).toContain('how-to-pay');
    expect(found('Invoice', { links: [{ text: '', href: 'https://quillpad.example/help' }] })).not.toContain('how-to-pay');
  });

  it('an email or phone link is a way to reach the seller', () => {
    expect(found('Questions? Email us', { links: [{ text: 'Email us', href: 'mailto:billing@quillpad.example' }] })).toContain('contact');
    expect(found('Questions? Email us', { links: [{ text: 'Our blog', href: 'https://quillpad.example/blog' }] })).not.toContain('contact');
  });

  it('a business name set larger than the body is who it is from, wherever it is; a large heading of the invoice is not', () => {
    const items = (big: string) => [{ text: 'Am Anger 7 · 04109 Leipzig', fontSize: 9 }, { text: 'Invoice no. 2026-118', fontSize: 13 }, { text: big, fontSize: 20 }];
    const text = 'Am Anger 7 · 04109 Leipzig\nInvoice no. 2026-118\n';
    const seller = (big: string) => analyseInvoice({ ...invoice(`${text}${big}`, items(big)) }).essentials.find((e) => e.id === 'seller')!;
    expect(seller('Lindner Garden Care')).toMatchObject({ found: true, evidence: 'Lindner Garden Care (set at 20 px)' });
    for (const heading of ['Thank You', 'Amount Due', 'INVOICE', 'Bill To']) expect(seller(heading).found).toBe(false);
    // Under a larger heading of the invoice, a name set between it and the body is the letterhead still.
    const under = [{ text: 'Invoice 4410', fontSize: 28 }, { text: 'Copperleaf Books', fontSize: 22 }, { text: '14 Mill Lane, Hebden Bridge', fontSize: 16 }];
    expect(analyseInvoice(invoice(under.map((c) => c.text).join('\n'), under)).essentials.find((e) => e.id === 'seller')).toMatchObject({ found: true, evidence: 'Copperleaf Books (set at 22 px)' });
    // Table cells set larger than long small print are set alike: no letterhead.
    const cells = [{ text: 'TT-SC-01', fontSize: 16 }, { text: 'TIDE TABLES', fontSize: 16 }, { text: '25.00', fontSize: 16 }, { text: 'Settlement of the aggregate balance outstanding is required within thirty days.', fontSize: 12 }];
    expect(analyseInvoice(invoice(cells.map((c) => c.text).join('\n'), cells)).essentials.find((e) => e.id === 'seller')!.found).toBe(false);
  });

  it('"Invoice ID", an unlabelled phone number, a US or European address, "23-Nov-2026" and "2026/11/23" are read', () => {
    expect(found('Invoice ID: HLP-2291')).toContain('invoice-number');
    for (const contact of ['(503) 555-0142', '+44 20 7946 0958', 'Portland, OR 97209', 'San Francisco, California 94104', 'Am Anger 7\n04109 Leipzig']) {
      expect(found(contact)).toContain('contact');
    }
    // Amounts, dates and a line that only starts with a number are not a way to reach anyone.
    for (const other of ['Total $1,234.56', '+ VAT 20%', 'Invoice date 2026-11-23', '2026 Summary of charges for the year']) expect(found(other)).not.toContain('contact');
    expect(found('Invoice date 23-Nov-2026\nDue 07-Dec-2026')).toEqual(new Set(['invoice-date', 'due-date']));
    expect(found('Invoice date 2026/11/23')).toContain('invoice-date');
  });
});

describe('Swiss and Indian invoices', () => {
  const analysed = (text: string) => analyseInvoice(invoice(text));
  const found = (text: string) => new Set(analysed(text).essentials.filter((e) => e.found).map((e) => e.id));

  it("amounts with apostrophes (CHF 5'253.65), in lakhs (₹1,20,750.00) or after Rs. are amounts due", () => {
    expect(analysed("Subtotal CHF 4'860.00\nTotal CHF 5'253.65").amountDue.amount).toBe("CHF 5'253.65");
    expect(analysed('Total 160 pcs ₹1,20,750.00').amountDue.amount).toBe('₹1,20,750.00');
    expect(analysed('Amount due Rs. 4,500.00').amountDue.amount).toBe('Rs. 4,500.00');
  });

  it('a receipt is dated by its order ("placed 5 March 2026", "Purchased on"); a date to pay by is no invoice date', () => {
    expect(found('Order LV-2304, placed 5 March 2026')).toContain('invoice-date');
    expect(found('Purchased on 5 March 2026')).toContain('invoice-date');
    expect(found('Please pay by 5 March 2026')).not.toContain('invoice-date');
  });

  it('"Dated: 02-12-2026" is a date; a financial year in a reference ("SMT/26-27/0412") is not', () => {
    expect(found('Dated: 02-12-2026')).toContain('invoice-date');
    expect(found('Dated: SMT/26-27/0412')).not.toContain('invoice-date');
  });

  it('an IBAN by its form, or an account number with an IFSC code, is a way to pay', () => {
    expect(found('Account / Payable to\nCH44 3199 9123 0008 8901 2')).toContain('how-to-pay');
    expect(found('A/c No.: 501002345678\nBranch & IFSC Code: RS Puram & KAVB0000123')).toContain('how-to-pay');
    // A VAT number, a purchase order or a GSTIN is no way to pay.
    for (const other of ['VAT no. CHE-123.456.789 MWST', 'Your reference PO 55-2041', 'GSTIN: 33ABCDE1234F1Z5']) expect(found(other)).not.toContain('how-to-pay');
  });

  it('a company the invoice is issued to or for is not who it is from', () => {
    expect(found('INVOICE\nIssued 19 November 2026 to Quillon Events Inc., 455 Bay Street')).not.toContain('seller');
    expect(found('INVOICE\nPrepared for: Quillon Events Inc.')).not.toContain('seller');
    expect(found('INVOICE\nTrellis Forms Ltd, 2 Mill Lane')).toContain('seller');
  });

  it("the buyer's company on a \"Buyer (Bill to):\" line is not who the invoice is from", () => {
    expect(found('TAX INVOICE\nBuyer (Bill to): Harbour Lane Retail Pvt Ltd, 88 MG Road, Bengaluru')).not.toContain('seller');
  });
});

describe('totals in two columns side by side', () => {
  it('each label names its own amount when the labels come first and then as many amounts', () => {
    const text = 'Fernhill Books\nSubtotal\nGift card\nTotal paid\n£34.69\n-£10.00\n£24.69';
    expect(pairColumns(text)).toBe('Fernhill Books\nSubtotal £34.69\nGift card -£10.00\nTotal paid £24.69');
    expect(analyseInvoice(invoice(text)).amountDue.amount).toBe('£24.69');
  });

  it('a label may hold a code or a rate ("Discount NOEL10", "VAT 20 %"), an amount a minus sign (U+2212) or a hyphen', () => {
    for (const minus of ['−', '-', '– ']) {
      const text = `Subtotal\nDiscount NOEL10\nVAT 20 %\nAmount due\n£80.00\n${minus}£8.00\n£14.40\n£86.40\nThank you`;
      expect(pairColumns(text)).toBe(`Subtotal £80.00\nDiscount NOEL10 ${minus}£8.00\nVAT 20 % £14.40\nAmount due £86.40\nThank you`);
      expect(analyseInvoice(invoice(text)).amountDue.text).toBe('Amount due £86.40');
    }
  });

  it('two cells of one table row, read row by row, put the last label and the first amount on one line: paired all the same', () => {
    const text = 'Subtotal\nDiscount (WELCOME10)\nVAT at 20% (included)\nBalance due £88.95\n−£8.90\n£13.34\n£80.05\nHow to pay';
    expect(pairColumns(text)).toBe('Subtotal £88.95\nDiscount (WELCOME10) −£8.90\nVAT at 20% (included) £13.34\nBalance due £80.05\nHow to pay');
    expect(analyseInvoice(invoice(text)).amountDue.amount).toBe('£80.05');
    // Rows each with their own amount are left as they are.
    expect(pairColumns('Subtotal £88.95\nVAT £13.34\nBalance due £80.05')).toBe('Subtotal £88.95\nVAT £13.34\nBalance due £80.05');
  });

  it('runs of different lengths are left as they are: which amount is whose cannot be told', () => {
    const text = 'Items\nShirt\nSocks\n£10.00\nThank you';
    expect(pairColumns(text)).toBe(text);
    expect(pairColumns('Subtotal\n£34.69\nTotal\n£24.69')).toBe('Subtotal\n£34.69\nTotal\n£24.69');
  });
});

describe('a band of labels over their values, told by where they are set', () => {
  // Runs as a page or a PDF gives them, in reading order, each with its left and right edges.
  const run = (text: string, left: number, width = 60, fontSize = 12) => ({ text, fontSize, left, right: left + width });
  const head = [run('Hollin Tree Surgery', 20, 200, 22), run('hello@hollintree.example · 01632 960 412', 20, 260)];
  const band = [run('Invoice no.', 20), run('Date', 160, 30), run('Pay by', 300, 40), run('Amount due', 440)];
  const values = [run('HT-0912', 20, 55), run('5 December 2026', 160, 90), run('19 December 2026', 300, 95), run('£486.00', 440, 60, 20)];
  const doc = (runs: ReturnType<typeof run>[]) => {
    const text = [...head.map((r) => r.text), band.map((r) => r.text).join(' '), values.map((r) => r.text).join(' '), 'Crown reduction, oak', 'Pay by bank transfer: sort code 20-44-18, account 41207733.'].join('\n');
    return { ...invoice(text), items: [...runs, run('Crown reduction, oak', 20, 120), run('Pay by bank transfer: sort code 20-44-18, account 41207733.', 20, 330)] };
  };

  it('pairs each label with the value in its column: number, dates and amount due are read', () => {
    const analysis = analyseInvoice(doc([...head, ...band, ...values]));
    const evidence = (id: string) => analysis.essentials.find((e) => e.id === id)!.evidence;
    expect(analysis.missing).toEqual([]);
    expect(evidence('invoice-number')).toBe('Invoice no. HT-0912');
    expect(evidence('due-date')).toBe('Pay by 19 December 2026');
    expect(analysis.amountDue).toMatchObject({ text: 'Amount due £486.00', fontSize: 20, prominent: true });
  });

  it('values set right under right-set labels are in their columns too; a table of items under its heads is no band', () => {
    const right = [run('Invoice no.', 20), run('Amount due', 440, 80)];
    const rightValues = [run('HT-0912', 20, 55), run('£486.00', 470, 50)];
    const found = analyseInvoice(doc([...head, ...right, ...rightValues])).essentials;
    expect(found.find((e) => e.id === 'invoice-number')!.evidence).toBe('Invoice no. HT-0912');
    expect(found.find((e) => e.id === 'total')!.evidence).toBe('Amount due £486.00');
    const table = [run('Item', 20, 30), run('Total', 440, 30), run('Crown reduction', 20, 90), run('£400.00', 420, 50), run('Stump grinding', 20, 90), run('£86.00', 424, 46)];
    expect(analyseInvoice(doc([...head, ...table])).missing.map((e) => e.id)).toEqual(['invoice-number', 'invoice-date', 'total', 'due-date']);
  });
});

describe('credit notes and bills already paid', () => {
  const analysed = (text: string) => analyseInvoice(invoice(text));
  const essential = (text: string, id: string) => analysed(text).essentials.find((e) => e.id === id)!;

  it("a credit note's own number and date are its number and date, not the invoice it corrects", () => {
    const text = 'Credit note CN-20931\nCredit note date: 5 December 2026\nFor invoice INV-20417 of 21 November 2026';
    expect(essential(text, 'invoice-number').evidence).toBe('Credit note CN-20931');
    expect(essential(text, 'invoice-date').evidence).toBe('Credit note date: 5 December 2026');
    expect(essential('Credit note date: 5 December 2026', 'invoice-number').found).toBe(false);
  });

  it('a bill already paid, or a refund, needs no due date: not found, waived, and not missing', () => {
    for (const [text, why] of [
      ['Total paid: £16.48\nPaid on 3 December 2026 by Visa card ending 4242. Nothing more to pay.', 'Total paid: £16.48'],
      ['Total £95.47\nPaid with PayPal on 12/03/2026.', 'Paid with PayPal on 12/03/2026.'],
      ['Total EUR 539,50\nBalance EUR 0,00', 'Balance EUR 0,00'],
      ['Credit note CN-20931\nTotal refunded: £45.00', 'Credit note CN-20931'],
      ['VAT RECEIPT\nTOTAL £28.42', 'VAT RECEIPT'],
    ]) {
      expect(essential(text!, 'due-date'), text).toMatchObject({ found: false, waived: why });
      expect(analysed(text!).missing.map((e) => e.id), text).not.toContain('due-date');
    }
  });

  it('goods that stay the seller\'s "until paid in full" are not paid for: the bill still needs a due date and a way to pay', () => {
    for (const clause of ['Goods remain the property of Harbour & Finch Ltd until paid in full.', 'Title passes to you once the goods have been paid for in full.', 'The invoice must be paid in full by the due date.']) {
      const missing = analysed(`Total £290.00\n${clause}`).missing.map((e) => e.id);
      expect(missing, clause).toEqual(expect.arrayContaining(['due-date', 'how-to-pay']));
    }
    expect(essential('Total £290.00\nThis invoice has been paid in full. Thank you.', 'due-date').waived).toBe('This invoice has been paid in full. Thank you.');
  });

  it('a part paid, or a bill with only terms, still needs a due date', () => {
    for (const text of ['Total £100.00\nAmount paid £40.00\nBalance due £60.00', 'Total £50.00\nTerms: Net 30', 'Receipt\nAmount due £50.00\nPayment received after 30 days incurs a fee', 'Total £50.00\nFor a return we issue a credit note; refunds take 5 days.']) {
      expect(analysed(text).missing.map((e) => e.id), text).toContain('due-date');
    }
  });
});

describe("the customer's own details", () => {
  const contact = (text: string) => analyseInvoice(invoice(text)).essentials.find((e) => e.id === 'contact')!;

  it('an email, phone or address under "Bill to" is the customer\'s, no way to reach the seller', () => {
    expect(contact('Invoice INV-7\nBill to\nDana Whitmore\n12 Elm Row, Leeds LS6 2AB\ndana@mail.example\nTotal £20.00').found).toBe(false);
    expect(contact('Invoice INV-7\nShip to: Carla Mendes, 41 Ridgeview Rd, Burlington, VT 05401\nTotal $20.00').found).toBe(false);
  });

  it("the seller's own details after the customer's block, or before it, still count", () => {
    expect(contact('Ship to: Carla Mendes, 41 Ridgeview Rd\nQuestions? Email hello@willow.example').evidence).toBe('Questions? Email hello@willow.example');
    expect(contact('Quillpad Inc.\nSan Francisco, California 94104\nBill to\nDana Whitmore\ndana@mail.example').evidence).toBe('San Francisco, California 94104');
    expect(contact('Bill to\nDana Whitmore\nQuestions about this invoice? Please write to billing@quillpad.example and we will answer.').found).toBe(true);
  });

  it('the block under "Bill to" ends where it ends, not after so many lines: a sixth line is still theirs', () => {
    const block = 'Invoice INV-7\nBill to\nDana Whitmore\nWhitmore Dental\n12 Elm Row\nLeeds LS6 2AB\ndana@mail.example\n0113 496 0000';
    expect(contact(`${block}\nTotal £20.00`).found).toBe(false);
    // A field of the invoice's own ends it: the seller's email after that is theirs.
    expect(contact(`${block}\nInvoice date: 2 March 2026\nhello@whitmore-supplies.example`).evidence).toBe('hello@whitmore-supplies.example');
  });

  it('whom the customer pays is not whom the invoice is addressed to; a letterhead beside a larger "INVOICE" is who it is from', () => {
    const seller = (doc: ReadDocument) => analyseInvoice(doc).essentials.find((e) => e.id === 'seller')!;
    expect(seller(invoice('INVOICE 0419\nMake all checks payable to Bluefin Repairs LLC.')).evidence).toBe('Make all checks payable to Bluefin Repairs LLC.');
    expect(seller(invoice('INVOICE 0419\nIssued 3 May to Quillon Inc.')).found).toBe(false);
    const items = [{ text: 'Hollis & Park Tuning', fontSize: 19 }, { text: 'INVOICE', fontSize: 26 }, { text: 'Bill to Eleanor Vance, 4 School Lane', fontSize: 10 }, { text: 'Tuning £85.00', fontSize: 10 }];
    expect(seller(invoice('Hollis & Park Tuning INVOICE\nBill to Eleanor Vance, 4 School Lane\nTuning £85.00', items))).toMatchObject({ found: true, evidence: 'Hollis & Park Tuning (set at 19 px)' });
  });

  it('the seller\'s block under a heading of its own ("Sold by") right after the customer\'s is the seller\'s', () => {
    const text = 'Invoice QB-88213\nBILLED TO\nAda Lovelace\nada@example.com\nSOLD BY\nQuillpad Books Ltd\n22 Mill Road\nsupport@quillpad.example';
    const found = analyseInvoice(invoice(text)).essentials;
    expect(found.find((e) => e.id === 'seller')).toMatchObject({ found: true, evidence: 'SOLD BY Quillpad Books Ltd' });
    expect(found.find((e) => e.id === 'contact')).toMatchObject({ found: true, evidence: 'support@quillpad.example' });
    // Without it, the same lines are the customer's.
    expect(analyseInvoice(invoice(text.replace('SOLD BY\n', ''))).essentials.find((e) => e.id === 'seller')!.found).toBe(false);
  });

  it("the seller's details set in a column beside the customer's are the seller's; the customer's, in a column of their own, theirs", () => {
    // Bill to / Priya Shah / her email on the left; Harbour & Finch Ltd / accounts@… on the right: read one after the other.
    const lines: Array<[string, number, number]> = [
      ['Invoice HF-20931', 16, 200],
      ['Bill to', 16, 76],
      ['Priya Shah', 16, 96],
      ['priya.shah@example.com', 16, 200],
      ['Harbour & Finch Ltd', 420, 584],
      ['accounts@harbourfinch.example', 350, 584],
      ['Amount due £290.00', 16, 584],
    ];
    const text = lines.map(([line]) => line).join('\n');
    const placed = lines.map(([line, left, right]) => ({ text: line, fontSize: 16, left, right }));
    const found = analyseInvoice(invoice(text, placed)).essentials;
    expect(found.find((e) => e.id === 'seller')).toMatchObject({ found: true, evidence: 'Harbour & Finch Ltd' });
    expect(found.find((e) => e.id === 'contact')).toMatchObject({ found: true, evidence: 'accounts@harbourfinch.example' });
    // On a phone the seller's column wraps under the customer's, still set flush right: still the seller's.
    const phone = [[16, 329], [16, 72], [16, 101], [16, 224], [98, 280], [16, 280], [16, 114]].map(([left, right], i) => ({ text: lines[i]![0], fontSize: 16, left: left!, right: right! }));
    expect(analyseInvoice(invoice(text, phone)).essentials.find((e) => e.id === 'contact')).toMatchObject({ found: true, evidence: 'accounts@harbourfinch.example' });
    // Set flush left under one another, the same lines are the customer's, as they are with nothing to say where they are.
    const stacked = lines.map(([line]) => ({ text: line, fontSize: 16, left: 16, right: 16 + 8 * line.length }));
    expect(analyseInvoice(invoice(text, stacked)).essentials.find((e) => e.id === 'contact')!.found).toBe(false);
  });
});

describe('amounts grouped with a space', () => {
  const analysed = (text: string, items?: ReadDocument['items']) => analyseInvoice(invoice(text, items));

  it('are the whole figure, with a space, a no-break or a narrow no-break space between the thousands', () => {
    for (const [text, amount] of [
      ['Amount due\n1 234,50 €', '1 234,50 €'],
      ['Amount due €1 234.50', '€1 234.50'],
      ['Balance due GBP 1 234.50', 'GBP 1 234.50'],
      ['Amount due 1\u00A0234,50\u00A0€', '1\u00A0234,50\u00A0€'],
      ['Amount due €1\u202F234.50', '€1\u202F234.50'],
    ]) {
      expect(analysed(text!).amountDue.amount, text).toBe(amount);
      expect(analysed(text!).missing.map((e) => e.id), text).not.toContain('total');
    }
  });

  it('are measured on the run that shows the whole figure, never on a lone "1"', () => {
    const items = [{ text: 'Qty 1', fontSize: 40 }, { text: 'Amount due', fontSize: 14 }, { text: '1 234,50 €', fontSize: 26 }, { text: 'Please pay by 21 March 2026 by bank transfer.', fontSize: 14 }];
    expect(analysed('Qty 1\nAmount due\n1 234,50 €', items).amountDue).toMatchObject({ amount: '1 234,50 €', fontSize: 26, ratio: 1.86, prominent: true });
  });

  it('need a currency next to them and whole groups of three: a count, a reference or a date is no amount', () => {
    for (const text of ['Amount due 1 234,50', 'Total 1 234 items', 'Balance 12 34 56 €', 'Amount due: see 3 April 2026']) {
      expect(analysed(text).amountDue.text, text).toBeNull();
      expect(analysed(text).missing.map((e) => e.id), text).toContain('total');
    }
  });
});

describe('a Direct Debit notice', () => {
  const rest = Object.entries(LINES).filter(([key]) => key !== 'total' && key !== 'due-date').map(([, line]) => line);

  it('"Amount to be collected £42.10", "we will collect … on or after 3 April 2026" give the amount due and the due date', () => {
    const notice = [...rest, 'Amount to be collected', '£42.10', 'We will collect £42.10 by Direct Debit on or after 3 April 2026: you need do nothing.'].join('\n');
    const analysis = analyseInvoice(invoice(notice));
    expect(analysis.missing).toEqual([]);
    expect(analysis.amountDue.amount).toBe('£42.10');
    expect(analysis.essentials.find((e) => e.id === 'due-date')!.evidence).toBe('We will collect £42.10 by Direct Debit on or after 3 April 2026: you need do nothing.');
    expect(analyseInvoice(invoice([...rest, 'We will collect £42.10 from your account on or after 3 April 2026.'].join('\n'))).missing).toEqual([]);
  });

  it('without the amount and the date, both are still missing', () => {
    const notice = [...rest, 'We will collect it by Direct Debit, as usual, on or after the date of this notice.'].join('\n');
    expect(analyseInvoice(invoice(notice)).missing.map((e) => e.id)).toEqual(['total', 'due-date']);
  });
});

describe("a gift card's balance", () => {
  const receipt = (last: string) =>
    ['Receipt number R-2304-77', 'Order total £111.95', 'Paid with gift card £50.00', 'Paid with Visa ending 4421 £61.95', last, 'Thank you for your order!'].join('\n');

  it('is the customer\'s own money: a receipt "Paid in full" with one owes nothing, and its total is the amount', () => {
    for (const line of ['Gift card balance remaining: £12.00\nPaid in full.', 'Remaining balance on your gift card: £12.00\nPaid in full.', 'Voucher balance £5.00\nPaid in full.']) {
      const analysis = analyseInvoice(invoice(receipt(line)));
      expect(analysis.amountDue.amount, line).toBe('£111.95');
      expect(analysis.essentials.find((e) => e.id === 'due-date'), line).toMatchObject({ found: false, waived: 'Paid in full.' });
      expect(analysis.missing.map((e) => e.id), line).not.toContain('due-date');
    }
  });

  it('a balance still owed, with or without a gift card beside it, is the amount due and needs a due date', () => {
    for (const [line, amount] of [['Remaining balance £12.00', '£12.00'], ['Balance due £12.00 (gift card £50.00 applied)', '£12.00'], ['Balance £12.00, after your gift card', '£12.00']]) {
      const analysis = analyseInvoice(invoice(receipt(line!)));
      expect(analysis.amountDue.amount, line).toBe(amount);
      expect(analysis.missing.map((e) => e.id), line).toContain('due-date');
    }
  });
});

describe('due dates written as people write them', () => {
  const dueDate = (text: string) => analyseInvoice(invoice(text)).essentials.find((e) => e.id === 'due-date')!;

  it('a weekday before the date, a date without its year, "the 14th of March", "Due: Mar 14" are due dates', () => {
    for (const text of ['Total to pay £829.00\nPlease pay by Friday 14 March.', 'Please pay by Fri, 14 March.', 'Please pay by the 14th of March 2026.', 'Amount due $829.00\nDue: Mar 14']) {
      expect(dueDate(text), text).toMatchObject({ found: true });
    }
  });

  it('"Terms: 30 days net EOM" alone, or a weekday with no date, is no due date', () => {
    for (const text of ['Total to pay £829.00\nTerms: 30 days net EOM. E&OE.', 'Total to pay £829.00\nPlease pay by Friday.', 'Total to pay £829.00\nDue: on receipt']) {
      expect(dueDate(text), text).toMatchObject({ found: false, waived: null });
    }
  });
});

describe('threats the invoice says it never makes', () => {
  const threats = (text: string) => analyseInvoice(invoice(text)).threats.phrases;

  it('"We never charge interest or late fees", "no late fees", "we don\'t charge interest" are no threats', () => {
    for (const text of ['We never charge interest or late fees.', 'No late fees, ever.', "We don't charge interest.", 'There are no late payment fees or interest charges.', 'We will not add interest or a late fee.', "We don't charge you any interest.", 'Pay when you can, without any penalty.']) {
      expect(threats(text), text).toEqual([]);
    }
  });

  it('a fee or interest charged is a threat still, after words about the customer not paying too', () => {
    expect(threats('A late fee of £25 will be charged.')).toEqual(['late fee']);
    expect(threats('If you do not pay, a late fee of £25 will be charged.')).toEqual(['late fee']);
    expect(threats('If you do not pay interest will be charged at 8% a year.')).toEqual(['interest']);
    expect(threats('We do not charge late fees, but interest at 8% is charged on overdue sums.')).toEqual(['interest']);
  });
});

describe('thanks', () => {
  it('a "No thanks" button is not thanks; "Thanks for your order" is', () => {
    expect(analyseInvoice(invoice('Questions? Just give me a ring.\nGet seasonal boiler reminders: Sign me up No thanks')).thanks.count).toBe(0);
    expect(analyseInvoice(invoice('Get reminders? No, thank you')).thanks.count).toBe(0);
    // Two buttons side by side with nothing between them: the page's text runs the second into the first.
    expect(analyseInvoice(invoice('Tell us how we did: Take the surveyNo thanks')).thanks.count).toBe(0);
    expect(analyseInvoice(invoice('Thanks for your order.\nGet seasonal boiler reminders: Sign me up No thanks')).thanks).toEqual({ count: 1, phrases: ['Thanks'] });
  });
});

describe('an invoice with nothing to pay', () => {
  const lines = ['Larkspur & Vine', 'Invoice INV-2188', 'Invoice date: 12 February 2026', 'Herringbone wool throw £65.00', 'Gift voucher LOVE79 applied -£79.00', 'Email hello@larkspur.example'];

  it('is asked neither when nor how to pay', () => {
    const analysis = analyseInvoice(invoice([...lines, 'Total £0.00', 'Nothing to pay: your gift voucher covered the whole order.'].join('\n')));
    expect(analysis.missing).toEqual([]);
    expect(analysis.essentials.find((e) => e.id === 'how-to-pay')).toMatchObject({ found: false, waived: 'Nothing to pay: your gift voucher covered the whole order.' });
  });

  it('owing something, it still needs a way to pay', () => {
    const analysis = analyseInvoice(invoice([...lines, 'Total £14.00', 'Please pay by 26 February 2026.'].join('\n')));
    expect(analysis.missing.map((e) => e.id)).toEqual(['how-to-pay']);
  });
});

describe('a one-word business name as the letterhead', () => {
  const seller = (runs: Array<[string, number]>) => {
    const items = runs.map(([text, fontSize]) => ({ text, fontSize }));
    return analyseInvoice(invoice(items.map((item) => item.text).join('\n'), items)).essentials.find((e) => e.id === 'seller')!;
  };
  const body: Array<[string, number]> = [
    ['Invoice number ORB-7Q2K-0031', 10],
    ['Date of issue 1 March 2026', 10],
    ['£41.83 due 15 March 2026', 18],
    ['You added two seats on 10 March, so this invoice charges for the days you had them.', 10],
  ];

  it('says who the invoice is from when it is the largest text, at the top', () => {
    expect(seller([['Orbitly', 24], ['billing@orbitly.example', 10], ['Invoice', 14], ...body])).toMatchObject({ found: true, evidence: 'Orbitly (set at 24 px)' });
  });

  it('not when it is a heading of the invoice, nor smaller than other text, nor below a larger run', () => {
    for (const heading of ['Invoice', 'RECEIPT', 'Statement', 'Hello']) expect(seller([[heading, 24], ...body]).found, heading).toBe(false);
    expect(seller([['Orbitly', 16], ...body]).found).toBe(false);
    expect(seller([['Invoice', 14], ['Orbitly', 24], ...body]).found).toBe(false);
    expect(seller([['Orbitly', 24], ['Overdue', 24], ...body]).found).toBe(false);
  });
});
