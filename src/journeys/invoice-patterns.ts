/**
 * The words an invoice uses for what a customer needs, in one table: English, case-insensitive unless a capital
 * matters, and never global (callers that count use matchAll on a copy). Each essential is found when any of its
 * patterns matches; it says what the customer cannot find out when none does.
 */

import type { DocumentLink } from '../artifacts/types.js';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/**
 * A calendar date: 26 May 2025, 26-May-2025, May 26, 2025, 2025-05-26, 2025/05/26, 26/05/2025, 26.05.2025,
 * 26-05-2025 (with dashes only with the whole year: "26-27" is a financial year in a reference). Relative terms
 * ("Net 14") are not dates.
 */
const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?(?:\\s+|-)${MONTH}\\.?,?(?:\\s+|-)\\d{4}|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{1,2}-\\d{1,2}-\\d{4}\\b)`;
/** A day and month without the year, as a due date is often written: 3 December, Dec 3rd, the 3rd of December. */
const DAY_MONTH = `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)`;
/** A day of the week written before a date: "by Friday 14 March", "on Fri, the 14th of March". */
const WEEKDAY = '(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\\.?,?';
/** A date to pay by, its weekday and its year perhaps left out: "Friday 14 March", "the 14th of March 2026". */
const PAY_DATE = `(?:${WEEKDAY}\\s+)?(?:the\\s+)?(?:${DATE}|${DAY_MONTH})`;
/** Currencies written as a code before or after the amount. */
const CURRENCY_CODES = 'GBP|EUR|USD|CHF|INR|JPY|AUD|CAD|NZD|SEK|NOK|DKK|PLN';
/**
 * Thousands grouped with a space (a no-break or a narrow no-break one as often): whole groups of three only, so a
 * reference ("12 34 56") or a date is no figure; read only with a currency next to it, as every amount is.
 */
const SPACED_THOUSANDS = `\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+`;
const SPACED_FIGURE = `${SPACED_THOUSANDS}(?:[.,]\\d{2})?(?!\\d)`;
/** A figure: digits, grouped in thousands (or lakhs), with or without cents. */
const FIGURE = `(?:${SPACED_FIGURE}|\\d+(?:[,.'’]\\d{2,3})*(?:[.,]\\d{2})?(?!\\d))`;
/**
 * An amount with its currency: a sign (£ $ € ¥ ₹ Rs.) or a code before it, or € or a code after it. Thousands are
 * grouped with commas, dots, apostrophes (CHF 5'253.65), spaces ("1 234,50 €") or in lakhs (₹1,20,750.00), the cents
 * after a dot or a comma whichever side the currency is written ("EUR 1.234,48" as well as "1.234,48 EUR").
 */
/** A line of a till receipt: something bought, then its price as a bare figure (not a total, a tax or a payment). */
const TILL_LINE = `(?![ \\t]*(?:sub-?total|total|vat|tax|amount|balance|previous|grand|paid|payments?|received|due|discount|net|change|cash|card|tip|gratuity|service charge|visa|mastercard|amex|contactless)\\b)[^\\n£$€]*?\\p{L}{3,}[^\\n]*?[ \\t]-?\\d{1,6}[.,]\\d{2}[ \\t]*`;
const MONEY_SOURCE = `(?:(?:[£$€¥₹]|\\bRs\\.?)\\s?${FIGURE}|\\b(?:${CURRENCY_CODES})\\s?${FIGURE}|\\b(?:${SPACED_THOUSANDS}|\\d[\\d.,'’]*)[.,]\\d{2}\\s?(?:€|(?:${CURRENCY_CODES})\\b))`;

/** An amount of money with its currency. */
export const MONEY = new RegExp(MONEY_SOURCE);
/** A line that holds a date and nothing more: "16/03/2026", "16 March 2026". */
export const DATE_LINE = new RegExp(`^${DATE}$`, 'i');

/** A label, then up to a short stretch of words (no figures) on the same or the next line, then what it labels. */
const labelled = (labels: string, value: string) => new RegExp(`\\b(?:${labels})\\b[^\\d£$€\\n]{0,40}\\n?[^\\d£$€\\n]{0,40}?${value}`, 'i');
/** A date or a rate that a label of an amount may hold: "Amount due by 12 Jan 2027", "Total incl. 20% VAT". */
const TERM = `(?:${DATE}|${DAY_MONTH}|\\d{1,2}(?:[.,]\\d{1,2})?\\s?%)`;
/**
 * A label of an amount, then what `labelled` allows, or words with a date or a rate in them and the amount close after
 * it (on the same line, or after a short line or two: a PDF's cell wrapped "Total incl. 20% / VAT / £290.00"): "Please
 * pay by 15 December 2026 to avoid a late fee of £10" names no amount due.
 */
const labelledAmount = (labels: string, or = '') =>
  new RegExp(`\\b(?:${labels})\\b(?:[^\\d£$€\\n]{0,40}${TERM}[^\\d£$€\\n]{0,12}(?:\\n[^\\d£$€\\n]{0,12}){0,2}|[^\\d£$€\\n]{0,40}\\n?[^\\d£$€\\n]{0,40}?)${MONEY_SOURCE}${or}`, 'i');
/** "Pay £290.00 by 12 January 2027": an amount with when to pay it after it is the amount asked for. */
const PAY_THEN_WHEN = `${MONEY_SOURCE}(?=\\s+(?:by|before|on|now|today)\\b)`;

/**
 * What the customer owes, most specific label first: "Amount due" wins over a "Total" further up a table.
 * A total that no label names is not found: the customer would have to guess which figure to pay.
 */
export const TOTAL: readonly RegExp[] = [
  labelledAmount('amount (?:due|owed|to pay|payable|overdue|to be (?:collected|debited|taken))|we(?: will|[\'’]ll) (?:collect|debit|take)|balance(?: (?:due|owed|outstanding|overdue|to pay))?|total (?:due|owed|overdue|payable|to pay)|(?:sum|amount) outstanding|(?:outstanding|overdue) (?:balance|amount)|you owe|please pay', `|\\bpay\\s+${PAY_THEN_WHEN}`),
  // A paid receipt's total is what was paid: "Amount paid £48.00" (an amount still due, above, wins).
  labelledAmount('grand total|invoice total|gross (?:amount|total)|total(?: amount)?(?: \\(?inc(?:l(?:uding)?)?\\.? VAT\\)?)?|amount (?:paid|charged)'),
  // A total row that also adds up the quantity: "Total   160 pcs   ₹1,20,750.00".
  new RegExp(`\\btotal\\b[^\\d£$€\\n]{0,20}\\d+\\s*(?:pcs|pieces|items?|units?|nos\\.?)[^\\d£$€\\n]{0,20}${MONEY_SOURCE}`, 'i'),
];

/**
 * A name set as a letterhead: two to six capitalised words, shown larger than the body text anywhere on the invoice
 * (a German-style letter opens with the address window's tiny sender line, so the name is not always first), and
 * not a heading of the document's own ("Invoice", "Amount Due", "Thank You").
 */
export const LETTERHEAD =
  /^(?!.*\b(?:INVOICE|Invoice|RECEIPT|Receipt|STATEMENT|Statement|BILL|Bill|FOLIO|Folio|ORDER|Order|TOTAL|Total|AMOUNT|Amount|BALANCE|Balance|DUE|Due|PAID|Paid|PAYMENT|Payment|THANK|Thank|SUMMARY|Summary|DETAILS|Details|CUSTOMER|Customer|SHIP|Ship|ACCOUNT|Account|PAGE|Page)\b)[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|&)){1,5}$/;

/**
 * A one-word business name set as a letterhead ("Orbitly"): a capitalised word of three letters or more. It says who
 * the invoice is from only when it is the largest text at the top (see invoice-analysis), and never when it is a
 * word of the document's own (DOCUMENT_WORD).
 */
export const ONE_WORD_NAME = /^[A-Z][\p{L}\d&'’.-]{2,}$/u;
/** A one-word heading of the document itself or a greeting: "Invoice", "RECEIPT", "Statement", "Hello". */
export const DOCUMENT_WORD =
  /^(?:invoices?|receipts?|statements?|bills?|folios?|orders?|totals?|amounts?|balances?|due|paid|unpaid|overdue|payments?|thanks|summary|details|customers?|accounts?|pages?|quotes?|quotations?|estimates?|reminders?|refunds?|credits?|notices?|confirmation|remittance|pro-?forma|tax|vat|draft|copy|original|duplicate|welcome|hello|dear)[.:!]?$/i;

/** A heading over the customer's own details: their name, address, email and phone follow it (or share its line). */
const CUSTOMER_HEADING = /^[ \t]*(?:bill(?:ed)? to|invoice to|sold to|ship(?:ped)? to|deliver(?:ed|y)? to|customer(?: details)?|client|recipient|buyer(?: \(bill to\))?)\b\)?[ \t]*:?[ \t]*/i;
/** A heading over the seller's own details: the customer's block above it ends there. */
const SELLER_HEADING = /^[ \t]*(?:sold by|seller|supplier|vendor|merchant|issued by|billed by|invoice from|from|pay(?:able)? to|remit(?:tance)? to)\b[ \t]*:?/i;
/** A line of more words than this is prose (a note to the customer), not part of an address block. */
const BLOCK_WORDS = 8;
/**
 * A line that is no part of anyone's address: a field of the invoice's own or a figure ("Invoice No: 10-2291", "Due
 * date", "Total £20.00", a table's "Description"). The customer's details have ended above it.
 */
const FIELD_LINE = new RegExp(
  `^[ \\t]*(?:invoice|receipt|statement|date|due|total|sub-?total|amount|balance|description|items?|qty|quantity|terms|payment|thank)\\b|${MONEY_SOURCE}`,
  'i',
);

/**
 * Whether the text at `index` follows "to" or "for" on its line: whom the invoice is for ("Issued 3 May to Quillon
 * Inc."); never whom the customer pays ("Make all checks payable to Bluefin IT Services LLC", "transfer to").
 */
function addressedTo(text: string, index: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
  return /\bfor[ \t]*:?[ \t]*$|(?<!\b(?:payable|pay|paid|made out|remit|transfer|send|mail(?:ed)?|post(?:ed)?)[ \t]+)\bto[ \t]*:?[ \t]*$/i.test(before);
}

/**
 * Where the text from `start` to `end` (a line) is set across the page, its left and right edges, when the document
 * says (a page's runs of text do); null when it does not.
 */
export type Across = (start: number, end: number) => { left: number; right: number } | null;

/** How near two edges of lines may be to count as one: the lines of a block are set flush to one edge, or centred. */
const ALIGNED_PX = 2;

/**
 * Whether the customer's details, from the line at `from` down to the line of `index`, run into a block set apart from
 * them: a line that shares no edge with their first line (neither its left, its right nor its centre), as the seller's
 * name and email set right in a column beside them ("Bill to / Priya Shah / her email" on the left, "Harbour & Finch
 * Ltd / accounts@…" on the right), or under them on a phone, which the text reads one after the other.
 */
function leavesBlock(text: string, from: number, index: number, across?: Across): boolean {
  if (!across) return false;
  let first: { left: number; right: number } | null = null;
  const near = (a: number, b: number) => Math.abs(a - b) <= ALIGNED_PX;
  for (let start = from; start <= index; ) {
    const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
    const box = across(start, end);
    if (box && first && !near(box.left, first.left) && !near(box.right, first.right) && !near(box.left + box.right, first.left + first.right)) return true;
    first ??= box;
    start = end + 1;
  }
  return false;
}

/**
 * Whether the text at `index` is among the customer's own details: on a line that starts "Ship to: …", or in the
 * block of short lines under a heading "Bill to" of its own, however many (a name, a company, two address lines, an
 * email, a phone). The block ends where it ends: at a heading of the seller's ("Sold by"), a line of prose, a field
 * of the invoice's own or a figure ("Invoice No:", "Total £20.00"), or a block set apart from the customer's details
 * that the text reads after them (when the document says where its lines are set).
 */
export function inCustomerBlock(text: string, index: number, across?: Across): boolean {
  const lines = text.slice(0, index).split('\n');
  const at = lines.length - 1;
  if (CUSTOMER_HEADING.test(lines[at]!)) return true;
  const lineAt = (i: number) => (i === at ? lines[at]! + text.slice(index).split('\n')[0] : lines[i]!);
  const prose = (line: string) => line.trim().split(/\s+/).length > BLOCK_WORDS;
  if (prose(lineAt(at))) return false;
  for (let i = at; i >= 0; i -= 1) {
    // The seller's block ("Sold by", "From") set right after the customer's is the seller's.
    if (SELLER_HEADING.test(lineAt(i))) return false;
    if (i === at) continue;
    const heading = CUSTOMER_HEADING.exec(lines[i]!);
    if (heading) {
      // The heading stands alone over the block.
      const alone = heading[0].length === lines[i]!.trimEnd().length || lines[i]!.slice(heading[0].length).trim() === '';
      // From the line under the heading: the heading itself may be set apart from the details (an icon before it).
      const from = lines.slice(0, i + 1).reduce((offset, line) => offset + line.length + 1, 0);
      return alone && !leavesBlock(text, from, index, across);
    }
    if (prose(lines[i]!) || FIELD_LINE.test(lines[i]!)) return false;
  }
  return false;
}

/** Whether the amount at `index` is an earlier bill's balance ("Previous balance"): never the amount due now. */
export const earlier = (text: string, index: number) =>
  /\b(?:previous|prior|last|opening|earlier)\s+(?:bill\s+|statement\s+)?$/i.test(text.slice(Math.max(0, index - 30), index));

export type EssentialId = 'invoice-number' | 'invoice-date' | 'seller' | 'contact' | 'charges' | 'total' | 'due-date' | 'how-to-pay';

/** GOV.UK's list of what an invoice must include, plus what a customer needs to act on it: when and how to pay. */
export const ESSENTIALS: ReadonlyArray<{
  id: EssentialId;
  label: string;
  need: string;
  patterns: readonly RegExp[];
  /** A link that gives the essential when no words do: its words may say only "Pay online", its address says where. */
  link?: (link: DocumentLink) => boolean;
  /**
   * A match that does not count (the customer's own email under "Bill to" is no way to reach the seller); `across`
   * says where a line is set, when the document says.
   */
  skip?: (text: string, index: number, across?: Across) => boolean;
  /** Needed only while something is owed: a receipt, an invoice paid in full or a refund has no date or way to pay. */
  onlyWhenOwed?: boolean;
  /** Words that make it needless while something is owed: "Due on receipt" is a date to pay by, today's. */
  needless?: RegExp;
}> = [
  {
    id: 'invoice-number',
    label: 'invoice number',
    need: 'which invoice this is, to quote when paying or asking about it',
    patterns: [
      // A credit note's own number, before the number of the invoice it corrects: "Credit note CN-20931".
      new RegExp(`\\bcredit (?:note|memo)\\s*(?:no\\.?|number|#)?\\s*:?\\s*(?!${DATE})(?=[A-Z0-9/-]*\\d)[A-Z0-9][A-Z0-9/-]{2,}\\b`, 'i'),
      /\b(?:invoice|bill|receipt|rcpt|folio)\s*(?:no\.?|number|num\.?|#|id|ref(?:erence)?\.?)\s*:?\s*(?:[A-Z]{1,4} )?[A-Z0-9][\w/-]*\d/i,
      /\bINV[-\s]?\d+/,
      // A heading that is the number: "INVOICE 2026-0113", "Invoice HC-10421" (a code with a digit, not a date); a
      // till's "RECEIPT 5521-0098-4412", "Rcpt 118-00452".
      new RegExp(`\\b(?:invoice|receipt|rcpt\\.?)\\s+(?!${DATE})(?=[A-Z0-9/-]*\\d)[A-Z0-9][A-Z0-9/-]{2,}\\b`, 'i'),
    ],
  },
  {
    id: 'invoice-date',
    label: 'invoice date',
    need: 'when the invoice was issued',
    // A receipt is dated by the order it is for: "Order LV-2304, placed 5 March 2026", "Purchased on 5 March 2026".
    patterns: [labelled('invoice date|date of (?:issue|invoice|bill|statement|credit note|purchase|order)|issue date|issued(?: on)?|tax point|dated|(?:bill|statement|receipt|order|credit note|document) date|(?:placed|ordered|purchased)(?: on)?|date paid|paid on', DATE), new RegExp(`^[ \\t]*date\\s*:?\\s*${DATE}`, 'im'), new RegExp(`${DATE},?\\s+\\d{1,2}:\\d{2}\\b`),
      // A date alone on its line, unlabelled (under the invoice number, as many write it), unless the line before
      // names it as a date to pay by.
      new RegExp(`(?<!\\b(?:due|pay(?:ment)?|payable|by|before|until|deadline|expires?)\\b[^\\n]{0,20}\\n)^[ \\t]*${DATE}[ \\t]*$`, 'im'),
    ],
  },
  {
    id: 'seller',
    label: 'who it is from',
    need: 'which business is asking to be paid',
    // Case matters here: a business name starts with a capital ("from Harbour & Co", not "from the customer").
    patterns: [
      /\b(?:[Ff]rom|FROM|[Ss]old by|SOLD BY|[Ss]eller:?|SELLER:?)\s+[A-Z][\w&'’-]*(?: [A-Z&][\w&'’.-]*){0,4}/,
      // The letterhead: a first line of two to six capitalised words that is not the document's title.
      /^(?![^\n]*\b(?:INVOICE|Invoice|RECEIPT|Receipt|STATEMENT|Statement|BILL|Bill|FOLIO|Folio|ORDER|Order|CREDIT NOTE|Credit [Nn]ote|REMINDER|Reminder)\b)[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|&)){1,5}(?=\n)/,
      /\b[A-Z][\w&'’-]*(?: (?:[A-Z&][\w&'’-]*|\([A-Z][\w&'’ -]*\))){0,4},? (?:Ltd|Limited|LLP|plc|PLC|Inc|LLC|GmbH|AG|Lda|SARL|S\.A|B\.V|Pty)\b/,
    ],
    // The customer's own company is not who is asking to be paid: under "Bill to", on a "Buyer (Bill to): … Pvt Ltd"
    // line, or named as whom the invoice is to or for.
    skip: (text, index, across) => inCustomerBlock(text, index, across) || addressedTo(text, index),
  },
  {
    id: 'contact',
    label: 'how to reach the seller',
    need: 'who to ask about the invoice, and how (email, phone or address)',
    patterns: [
      /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/,
      // "Call us on 0300 …", "Ph (02) 5550 4000": a number after a word that says it is one (an area code in brackets too).
      /\b(?:call|phone|ph|tel(?:ephone)?|ring|text)(?: us)?(?: on| at)?\.?:?\s*(?:\+|\()?\d[\d ()-]{6,}\d/i,
      // An international number written as one: +44 20 7946 0958, +1 503-555-0142.
      /\+\d{1,3}(?:[ .-]?\(?\d{2,5}\)?){2,4}(?!\d)/,
      // A North American number: (503) 555-0142.
      /\(\d{3}\) ?\d{3}[-. ]\d{4}\b/,
      // A postal address by its postcode: a UK postcode, a US town with its state and ZIP code ("Portland, OR 97209",
      // "San Francisco, California 94104"), or a line that is a European postcode and town ("04109 Leipzig").
      /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/,
      /\b[A-Z][a-z]+(?: [A-Z][a-z]+)*, (?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?) \d{5}(?:-\d{4})?\b/,
      /^[ \t]*(?:[A-Z]{1,2}-)?\d{4,5}(?: [A-Z]{2})? \p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?[ \t]*$/mu,
      /\b(?:write to|contact us|get in touch)\b/i,
    ],
    // "Email us", "Call us": the address or number is the link's.
    link: ({ href }) => /^(?:mailto|tel):./i.test(href),
    skip: inCustomerBlock,
  },
  {
    id: 'charges',
    label: 'what is charged',
    need: 'what they are paying for',
    // Column heads or a heading over the lines: an order number alone does not say what was bought. A head starts
    // its row (after a short "#" or "Pos." column at most): "Services" ending a name ("Halden Property Services"),
    // "service" in a sentence ("Our customer service team", "Date of service") or an address (service@…) heads nothing.
    patterns: [
      /^[ \t]*(?:(?!(?:of|for|the|our|your|and|to|by)[ \t])\S{1,5}[ \t]+){0,2}(?:description|desc|items?|products?|services?|what you bought|qty|quantity)(?![\w@-])/im,
      // A line that names a thing and its price, without column heads: "Linen shirt (M)   £45.00"; in a sentence too,
      // "Family membership, 2026 season: £420.00."
      new RegExp(`^(?!\\s*(?:sub-?total|total|vat|tax|amount|balance|grand|paid|due|discount|net)\\b)[^\\n£$€]*?\\p{L}{3,}[^\\n]*?(?:[ \\t]+|[ \\t]*\\n)${MONEY_SOURCE}[.;]?\\s*$`, 'imu'),
      // Said in words: "This invoice is for your family membership of the club", "your bill for the treatment on 9 May".
      /\b(?:this|our|the|your) (?:invoice|bill)(?: is)? for (?!(?:your |our )?(?:records|reference|information|convenience|attention|payment)\b)(?:your |the |our )?\p{L}{4,}/iu,
      // A till's lines, the price a bare figure: "CROISSANT ALMOND 3.25" over "BACON BAP 5.95" (a line between them
      // may hold the first one's price, after its quantity: "FLAT WHITE 2 x 3.40" then "6.80").
      new RegExp(`^${TILL_LINE}\\n(?:[^\\n]*\\n)?${TILL_LINE}$`, 'imu'),
    ],
  },
  // An earlier bill's balance ("Previous balance £71.05") is not what is owed now.
  { id: 'total', label: 'total amount due', need: 'how much they owe', patterns: TOTAL, skip: earlier },
  {
    id: 'due-date',
    label: 'due date',
    need: 'by when to pay (a date, not "Net 14" or "within 14 days" to work out)',
    onlyWhenOwed: true,
    needless: /\b(?:due|payable|payment due)(?: (?:up)?on| at)? (?:receipt|presentation)\b|\b(?:due|payable) (?:immediately|now)\b/i,
    patterns: [
      labelled('due date|date due|payment due|due(?: on| by)?|pay(?:ment)? by|payable by|pay before|pay no later than', DATE),
      // "Amount due: $129.00 by 3 December": the date after the amount, the year left to the reader.
      // "Please transfer the invoice total by 29.05.2026", "remit payment by", "settle this invoice by", "Please pay by
      // Friday 14 March", a Direct Debit's "We will collect £42.10 on or after 3 April 2026".
      new RegExp(`\\b(?:due|payable|pay(?:ment)?|collect(?:ed)?|debit(?:ed)?|charged?|take[n]?|transfer(?:red)?|remit(?:ted)?|settle[d]?)\\b[^\\n]{0,40}?\\b(?:by|on(?: or (?:after|about|around))?|before)\\s+${PAY_DATE}`, 'i'),
      // "Due: Mar 14", "Due date: Friday 14 March".
      new RegExp(`\\b(?:due(?: date)?|date due|payment due)\\s*:\\s*${PAY_DATE}`, 'i'),
      // A bill's summary, a line each: "Amount due" (or "You need to pay"), "£112.38", "by Tuesday 7 April".
      new RegExp(`\\b(?:due|owed|payable|to pay)\\b[^\\n]{0,40}\\n[ \\t]*${MONEY_SOURCE}[ \\t]*\\n[ \\t]*(?:by|before|on or before)\\s+${PAY_DATE}`, 'i'),
    ],
  },
  {
    id: 'how-to-pay',
    label: 'how to pay',
    need: 'how to pay it (card, bank details, a payment link, direct debit)',
    onlyWhenOwed: true,
    // A bare "Pay now" does not say how: a way to pay names a method, bank details or where to go.
    patterns: [
      /\bsort code\b[\s:]*\d{2}[- ]?\d{2}[- ]?\d{2}/i,
      /\bIBAN\b[\s:]*[A-Z]{2}\d{2}/i,
      // An IBAN by its form alone (a QR-bill's "Account / Payable to CH44 3199 9123 0008 8901 2").
      /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/,
      // Bank details as Indian invoices give them: an account number and the branch's IFSC code.
      /\bIFSC\b[^\n]{0,40}?\b[A-Z]{4}0[A-Z0-9]{6}\b/,
      /\b(?:a\/c|account) (?:no\.?|number)\s*:?\s*\d{6,}/i,
      // Methods by name, the world over: Australia's BPAY, PayID and Osko, the USA's Zelle, Venmo and Cash App,
      // Canada's Interac e-Transfer, India's UPI, Europe's SEPA, the UK's BACS.
      /\b(?:bank transfer|wire transfer|direct (?:debit|deposit)|standing order|paypal|apple pay|google pay|bpay|biller code|payid|osko|zelle|venmo|cash ?app|interac|e-transfer|upi(?: id)?|sepa|bacs)\b/i,
      // An Australian bank account: its BSB (bank and branch) and number.
      /\bBSB\b[\s:]*\d{3}[- ]?\d{3}\b/,
      /\bpay(?:ing|ment)? (?:by|with|using) (?:credit |debit )?card\b|\b(?:credit|debit) card\b/i,
      /\bpay(?: now| online)? (?:at|on|via) (?:https?:\/\/)?[\w-]+\.[\w./-]+/i,
      /\b(?:cheques?|checks?) (?:payable|made out) to\b/i,
      // "Pay by check to Cedar Ridge Exteriors LLC, or online at https://pay.…": each way in the one sentence.
      /\bpay(?:ing|ment)?(?: (?:by|with|in))? (?:cheques?|checks?|cash)\b/i,
      /\bpay\b[^.!?\n]{0,80}?\bonline at (?:https?:\/\/)?[\w-]+\.[\w./-]+/i,
      /\bACH\b|\b(?:routing|ABA)(?: number| no\.?)?:?\s*\d{9}\b/,
      /\b(?:visa|master ?card|maestro|amex|american express|discover)\b|\bcontactless\b|\bcard ending(?: in)? \d{4}\b/i,
    ],
    // "Pay online", "Pay this invoice", "Review and pay": a button to a web page where the customer pays. A PDF's link
    // that covers no words counts when its address says so.
    link: ({ text, href }) => /^https?:\/\//i.test(href) && (/\bpay\b|\bmake (?:a )?payment\b/i.test(text) || (text === '' && /\bpay/i.test(href.replace(/^https?:\/\//i, '')))),
  },
];

/**
 * Words that say nothing is left to pay: the amount paid, paid in full, a receipt, a refund or a credit note. They
 * count only when no amount is still owed ("Amount paid £40.00, Balance due £60.00" still asks for the rest).
 */
export const SETTLED: readonly RegExp[] = [
  /\b(?:total|amount) (?:paid|received|charged to your (?:card|account))\b/i,
  // Not a condition on the goods: "Goods remain the property of Harbour & Finch Ltd until paid in full".
  /(?<!\b(?:until|till|unless|once|when|if|upon|before|after|must|should|(?:to|will|shall) be) [^.!?\n]{0,60})(?:\bpaid in full\b|\bfully paid\b|\b(?:was|were|has been|have been) paid\b)/i,
  // A line that says how it was paid, or a "PAID" stamp: "Paid with PayPal on 12/03/2026", "Paid on 3 December".
  /^[ \t]*paid(?:[ \t]*$| (?:with|by|using|via|on)\b)/im,
  // The document's own title or number: a till receipt is paid at the till. ("Receipt" alone is also the part of a
  // Swiss QR-bill the customer keeps when paying at the counter.)
  /^[ \t]*(?:VAT|sales|till|cash) receipt[ \t]*$|\breceipt (?:no\.?|number|#)/im,
  // A card payment the terminal approved: its authorisation code, with the card's masked number or the terminal's
  // word for it ("AUTH CODE 774120" under "************5530 CONTACTLESS", "AUTH 083312 APPROVED").
  /^(?=[\s\S]*\bauth(?:ori[sz]ation)?\.?(?: code| no\.?)?[ \t]*:?[ \t]*(?=[A-Z0-9]*\d)[A-Z0-9]{4,}\b)(?=[\s\S]*(?:[*•xX]{4}[ *•xX]*\d{4}\b|\b(?:approved|contactless|chip (?:&|and) pin|pin verified)\b))/i,
  /\bnothing (?:more |further |else |left )?(?:to pay|(?:is )?(?:due|owing|owed|outstanding))\b/i,
  // A status, not a term ("Payment received after 30 days…"): "Payment received", "We have received your payment".
  /^[ \t]*payment (?:received|taken)\b|\bwe(?: have|'ve|’ve) received your payment\b/im,
  // A refund: a credit note by its title (not "we will issue a credit note"), the amount refunded.
  /^[ \t]*credit (?:note|memo)\b|\b(?:total|amount) refunded\b|\b(?:we(?: have|'ve|’ve)?|has been|have been|was|were) refunded\b/im,
];

/**
 * Saying thank you; a "No thanks" button (turning down a newsletter) is not, even run into the button before it
 * ("Take the surveyNo thanks": the page's text of two buttons side by side with nothing between them).
 */
export const THANKS: readonly RegExp[] = [/(?<!no[,.]?\s*)\bthank(?:s| you)\b/i, /\bwe appreciate your (?:business|order|custom)\b/i, /\bgrateful\b/i];

/**
 * Up to SENTENCE_CHARS characters of the same sentence (a stop inside a figure, "£25.00", ends nothing; a sentence
 * of a PDF may run over several lines, so a line's end does not either, but for a line that ends in a figure: a row
 * of a table, "Indoor court hire, 4 sessions / £48.00", is no sentence going on).
 */
const SENTENCE_CHARS = 200;
const IN_SENTENCE = `(?:[^.!?\\n]|[.!?](?!\\s)|(?<![\\d%])\\n){0,${SENTENCE_CHARS}}`;
/** Words that say the customer has not paid: what a threat of the courts is made over. */
const NOT_PAYING =
  "\\b(?:non-?payment|unpaid|overdue|arrears|late payments?|not (?:been )?(?:paid|received)|(?:do|does|did) not pay|don['’]t pay|fail(?:s|ure|ing)? to (?:pay|remit|settle)|outstanding|recover\\w*|debts?|default)\\b";
/** What is done with interest that makes it a charge, said before the word: "we will charge", "statutory". */
const CHARGING = '\\b(?:charg(?:e[sd]?|ing)|add(?:s|ed|ing)?|appl(?:y|ies|ied)|claim(?:s|ed)?|incur(?:s|red)?|statutory|late[- ]payment|default|subject to)\\s+(?:\\w+\\s+){0,2}';
/** ... or after it: "interest will be charged", "interest at 8%", "interest on overdue balances". */
const CHARGED =
  '\\s+(?:(?:is|will|may|shall|would|can)\\s+(?:be\\s+)?)?(?:charged|added|applied|payable|accru\\w*|calculated|charges?\\b|(?:at|of)\\s+(?:\\d|(?:the|a)\\s+rate)|on\\s+(?:the\\s+|all\\s+|any\\s+)?(?:late|overdue|unpaid|outstanding))';
/**
 * Interest as a charge on the customer; never the word's other senses ("in the interest of the environment", "our
 * legitimate interest") nor an offer ("interest-free", "no interest").
 */
const INTEREST_CHARGED = new RegExp(`\\binterest\\b(?:(?<=${CHARGING}interest)|(?=${CHARGED}))(?<!\\b(?:no|without|0%) interest)(?![- ]free)`, 'i');
/** The courts and their officers, named in a sentence about a sum not paid: not a consumer's own right to go to court. */
const LEGAL = '\\b(?:legal (?:action|proceedings)|proceedings|(?:county )?courts?(?! (?:hire|booking|sessions?|rental)\\b)|solicitors?|bailiffs?|enforcement)\\b';
const LEGAL_THREAT = new RegExp(`${LEGAL}(?:(?<=${NOT_PAYING}${IN_SENTENCE})|(?=${IN_SENTENCE}${NOT_PAYING}))`, 'i');

/** Threats: what happens to the customer if they do not pay. */
export const THREATS: readonly RegExp[] = [
  /\blate(?:[- ]payment)? (?:fee|charge|penalt(?:y|ies))s?\b/i,
  INTEREST_CHARGED,
  /\bpenalt(?:y|ies)\b/i,
  /\b(?:debt collect(?:ion|ors?)|collection agenc(?:y|ies)|collections)\b/i,
  LEGAL_THREAT,
  /\b(?:hereby demanded|final demand|failure to (?:pay|remit))\b/i,
  /\bcredit (?:rating|file|reference)\b/i,
  /\b(?:suspend|close|terminate)\w* your account\b/i,
  /\bcosts?\b[^.]{0,40}\brecoverable\b/i,
];

/** What a threat may be, named in a list after the word that says it is never charged. */
const THREAT_NOUN = '(?:interest|(?:late(?:[- ]payment)? )?(?:fees?|charges?|penalt(?:y|ies)))';
/**
 * The words before a threat that say it is never made: "We never charge interest or late fees", "no late fees",
 * "we don't charge interest", "without any penalty". Tested on the text before the threat, to its end; words about
 * the customer not paying ("If you do not pay, a late fee…") negate nothing.
 */
export const NOT_CHARGED = new RegExp(
  `\\b(?:no|never|without|zero|(?:do|does|will|would|shall|can)\\s+not|cannot|(?:don|doesn|won|wouldn|shan|can)['’]t)` +
    `(?:\\s+(?:ever|charge[sd]?|charging|add|apply|impose|levy|ask for|you))*` +
    `(?:(?:\\s+(?:a|an|any))?\\s+${THREAT_NOUN}(?:\\s*,|\\s+(?:or|and|nor)))*(?:\\s+(?:a|an|any))?\\s+$`,
  'i',
);

/** Offers of help: someone to ask, a way out when paying is hard. */
export const HELP: readonly RegExp[] = [
  /\blet us know\b/i,
  /\b(?:get in touch|contact us|talk to us|speak to us|call us|email us|write to us)\b/i,
  /\bquestions\b|\bquestions?\?/i,
  /\b(?:happy|here) to help\b/i,
  /\bwe(?:'ll|’ll| will| can) (?:help|work (?:something|it) out)\b/i,
  /\bpayment plans?\b|\binstal?lments?\b|\bpay in (?:parts|stages)\b/i,
  /\b(?:can(?:'|’)?t|cannot|unable to|struggling to) pay\b/i,
];
