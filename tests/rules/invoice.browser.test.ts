/**
 * The invoice rules in real Chromium, on an emulated Pixel 7: an invoice read as a page (`invoice: page`), as a
 * download (`invoice: { download }`) and as a local file (`invoice: { file }`), each rule's positive case with its
 * severity and evidence and its negative case, the reading time in the step's effort, invoices laid out as shops lay
 * them out (totals in two columns, cents set smaller, small print), and the demo shop's invoice.
 * good.pdf and bad.pdf are Chromium's `page.pdf({ format: 'A4' })` of good.html and bad.html.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOf, pageScenario, runYaml, savedArtifacts, startBrowser, useFixtures } from '../helpers/browser.js';
import { analyseInvoice } from '../../src/journeys/invoice-analysis.js';
import { startDemoShop } from '../../src/demo-shop/server.js';
import { pdfText } from '../../src/journeys/pdf-text.js';
import type { ScenarioResult } from '../../src/report/types.js';
import { readingTime } from '../../src/effort/model.js';

const fixtures = useFixtures();
const FOLDER = new URL('../fixtures/pages/invoice/', import.meta.url);
const RULES = ['invoice-readability', 'invoice-essentials', 'invoice-amount-hidden', 'invoice-no-thanks', 'invoice-threats'];

const step = (action: string) => `  - name: Read the invoice\n    invoice: ${action}\n`;
const run = (page: string, action: string) => fixtures.run(pageScenario('invoice', page, { steps: step(action) }));
const invoiceFindings = (result: ScenarioResult) => RULES.flatMap((rule) => findingsOf(result, rule));

/** Reading time the effort model gives a text: 238 words a minute (Brysbaert 2019). */
const reading = (text: string) => readingTime(text);
/** The text of a fixture page's header, main and footer, each element apart (as innerText puts it); not its menus. */
const mainText = (page: string) => {
  const html = readFileSync(new URL(page, FOLDER), 'utf8').replace(/<nav>[\s\S]*?<\/nav>/g, '');
  const parts = ['header', 'main', 'footer'].map((tag) => html.match(new RegExp(`<${tag}>([\\s\\S]*)</${tag}>`))?.[1] ?? '');
  return parts.join(' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
};
const pdfWords = async (file: string) => (await pdfText(readFileSync(new URL(file, FOLDER)))).text;
/** Within two words of the expected reading time: the page and the parsed source may split a word differently. */
const closeTo = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(2 * (60 / 238) + 1e-9);

/** What the bad invoice must yield, read from any source; `unit` is px for a page and pt for a PDF. */
function expectBadInvoice(result: ScenarioResult, unit: 'px' | 'pt', size: number) {
  const [hard] = findingsOf(result, 'invoice-readability');
  expect(hard).toMatchObject({ severity: 'medium', area: 'invoice', class: 'deterministic' });
  expect(hard!.evidence.measured).toMatch(/^Flesch-Kincaid grade \d+(\.\d)? \(reading ease .*, Gunning fog .*, SMOG .*, Coleman-Liau .*, ARI .*\)$/);
  expect(hard!.evidence.threshold).toBe('grade 8 or below');
  expect((hard!.evidence.scores as { fleschKincaidGrade: number }).fleschKincaidGrade).toBeGreaterThan(12);
  expect(hard!.source).toContain('GOV.UK aims for a reading age of 9');

  const missing = findingsOf(result, 'invoice-essentials');
  expect(missing.map((f) => [f.severity, f.evidence.essential])).toEqual([
    ['medium', 'seller'], ['medium', 'contact'], ['medium', 'due-date'], ['medium', 'how-to-pay'],
  ]);
  expect(missing[2]!.message).toBe('Not on the invoice: due date. The customer cannot find out by when to pay (a date, not "Net 14" or "within 14 days" to work out)');

  expect(findingsOf(result, 'invoice-amount-hidden').map((f) => [f.severity, f.evidence.text, f.evidence.measured])).toEqual([
    ['medium', 'balance outstanding, amounting to £45.00', `${size} ${unit} (1× body)`],
  ]);
  expect(findingsOf(result, 'invoice-no-thanks').map((f) => [f.severity, f.evidence.measured])).toEqual([['low', 'no thank-you found']]);
  const threats = findingsOf(result, 'invoice-threats');
  expect(threats.map((f) => [f.severity, f.evidence.measured])).toEqual([['medium', '6 threats, 0 offers of help']]);
  expect(threats[0]!.evidence.threats).toEqual(['late payment fee', 'interest', 'debt collection', 'legal proceedings', 'county court', 'costs being recoverable']);
}

describe('invoice: page', () => {
  it('a clear invoice is no finding, and reading it costs its words at 238 a minute', async () => {
    const result = await run('good.html', 'page');
    expect(result.steps[1]!.status).toBe('passed');
    expect(invoiceFindings(result)).toEqual([]);
    closeTo(result.steps[1]!.effortBreakdown.reading, reading(mainText('good.html')));
  });

  it('an invoice in German is not checked by the English-reading rules: no finding, and the step says it was not checked', async () => {
    const result = await run('rechnung.html', 'page');
    expect(result.steps[1]!.status).toBe('passed');
    expect(invoiceFindings(result)).toEqual([]);
    expect(result.steps[1]!.environment).toEqual(["invoice in German: cx-shop reads English invoices, so what it says was not checked"]);
  });

  it('a terse invoice on a page that declares its language Spanish (lang="es") is not checked either', async () => {
    const result = await run('factura.html', 'page');
    expect(result.steps[1]!.status).toBe('passed');
    expect(invoiceFindings(result)).toEqual([]);
    expect(result.steps[1]!.environment).toEqual(["invoice in Spanish: cx-shop reads English invoices, so what it says was not checked"]);
  });

  it('a hard, threatening invoice with the amount in small print is each rule\'s finding', async () => {
    const result = await run('bad.html', '{ page: { css: main } }');
    expectBadInvoice(result, 'px', 12);
    expect(findingsOf(result, 'invoice-amount-hidden')[0]!.evidence.threshold).toBe("the amount due at 15 px or more (1.25× the body's 12 px)");
    closeTo(result.steps[1]!.effortBreakdown.reading, reading(mainText('bad.html')));
  });

  it('`grade` sets the target: a clear invoice at about grade 6 is above grade 4, not above the default 8', async () => {
    const result = await run('small-print.html', '{ page: true, grade: 4 }');
    expect(findingsOf(result, 'invoice-readability').map((f) => [f.severity, f.evidence.threshold])).toEqual([['medium', 'grade 4 or below']]);
  });
});

describe('invoice layouts as shops set them', () => {
  const rulesOn = async (page: string) => invoiceFindings(await run(page, 'page')).map((f) => [f.rule, f.evidence.text ?? f.evidence.essential ?? null, f.evidence.measured]);

  it('the amount due set large in parts ("£112" then ".38"), whole at the body\'s size in the table below, stands out; its date on the line under it is the due date', async () => {
    expect(await rulesOn('amount-in-parts.html')).toEqual([]);
  });

  it("an English invoice's legal footer in German is not scored as English: no readability finding (it says no thanks: that one stands)", async () => {
    expect((await rulesOn('german-footer.html')).map(([rule]) => rule)).toEqual(['invoice-no-thanks']);
  });

  it('details set as two blocks side by side (the labels in one, the number and dates in the other) are on the invoice', async () => {
    expect(await rulesOn('details-beside.html')).toEqual([]);
  });

  it('what is charged said in a sentence (its price and a full stop ending it), or in words with no line of items, is on the invoice', async () => {
    for (const page of ['charged-in-a-sentence.html', 'charged-in-words.html', 'reminder-in-sentences.html']) expect([page, await rulesOn(page)]).toEqual([page, []]);
  });

  it('the amount due is measured where it is shown whole: the balance after a deposit, not inside the larger invoice total', async () => {
    expect(await rulesOn('balance-after-deposit.html')).toEqual([['invoice-amount-hidden', 'Balance due £110.00', '16 px (1× body)']]);
  });

  it('an amount whose cents are set smaller, in elements of their own, is measured at its euros: no finding', async () => {
    expect(await rulesOn('cents-set-smaller.html')).toEqual([]);
  });

  it('totals in two columns with a discount taken off by a minus sign pair each label with its amount: no finding', async () => {
    expect(await rulesOn('discount-minus-sign.html')).toEqual([]);
  });

  it('totals in one table row, labels stacked in one cell and amounts in the next, pair each label with its amount: no finding', async () => {
    const result = await run('stacked-totals.html', 'page');
    expect(invoiceFindings(result)).toEqual([]);
    // Read, and its amount due found where the page shows it: not the subtotal above it.
    const [invoice] = (await savedArtifacts(result)).steps.flatMap((s) => s.documents);
    expect(analyseInvoice(invoice!).amountDue.amount).toBe('£80.05');
  });

  it('the usual small print ("in the interest of", a right to go to court) is no threat: no finding', async () => {
    expect(await rulesOn('small-print.html')).toEqual([]);
  });

  it("the seller in the page's header and how to pay in its footer are on the invoice; its menus are not read", async () => {
    const result = await run('page-chrome.html', 'page');
    expect(invoiceFindings(result)).toEqual([]);
    closeTo(result.steps[1]!.effortBreakdown.reading, reading(mainText('page-chrome.html')));
  });

  it("the amount due and the Pay button in a side column beside the invoice are on it; an account menu's links there are not", async () => {
    const result = await run('side-box.html', 'page');
    expect(invoiceFindings(result)).toEqual([]);
    // What the customer reads: the invoice, its letterhead and the side box; not the account's menu.
    const html = readFileSync(new URL('side-box.html', FOLDER), 'utf8');
    const read = [/<header>([\s\S]*?)<\/header>/, /<main>([\s\S]*?)<\/main>/, /<aside class="due">([\s\S]*?)<\/aside>/].map((part) => html.match(part)![1]!);
    closeTo(result.steps[1]!.effortBreakdown.reading, reading(read.join(' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ')));
    // "Payment methods" in the account's menu is no way to pay this invoice.
    expect(await rulesOn('side-box.html?nopay')).toEqual([['invoice-essentials', 'how-to-pay', 'not found: how to pay']]);
  });

  it("an invoice that is a picture on the page is one finding that it has no text, whatever words the page's header and footer hold", async () => {
    const result = await run('pictured.html', 'page');
    expect(invoiceFindings(result).map((f) => [f.rule, f.evidence.measured])).toEqual([['invoice-essentials', '1 word of text']]);
  });

  it('an invoice opened in a window over the order page is what the customer reads, not the page behind it', async () => {
    const result = await fixtures.run(pageScenario('invoice', 'in-dialog.html', { steps: '  - name: Open the invoice\n    tap: View invoice\n' + step('page') }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(invoiceFindings(result)).toEqual([]);
  });

  it('an invoice shown in a frame, or drawn in a web component, is read as the customer sees it: no finding', async () => {
    expect(await rulesOn('in-frame.html')).toEqual([]);
    expect(await rulesOn('in-component.html')).toEqual([]);
  });
});

describe('invoice: { download }', () => {
  it('a clear PDF is no finding; the tap and the reading both count', async () => {
    const result = await run('download.html', '{ download: { role: link, name: Download invoice (PDF) } }');
    expect(result.steps[1]!.status).toBe('passed');
    expect(result.steps[1]!.actions.taps).toBe(1);
    expect(invoiceFindings(result)).toEqual([]);
    expect(findingsOf(result, 'dead-tap')).toEqual([]);
    closeTo(result.steps[1]!.effortBreakdown.reading, reading(await pdfWords('good.pdf')));
  });

  it('the bad PDF is each rule\'s finding, sizes in points', async () => {
    const result = await run('download.html', '{ download: { role: link, name: Download the old invoice (PDF) } }');
    expectBadInvoice(result, 'pt', 9);
    expect(findingsOf(result, 'invoice-essentials')[0]!.evidence.element).toBe('downloaded invoice bad.pdf');
  });

  it('a PDF the browser shows instead of saving (in a new tab, or in place) is read the same; its viewer is no page to judge', async () => {
    const steps = `${step('{ download: { role: link, name: View invoice (opens a new tab) } }')}  - name: Back
    back: true
    expect: { text: Your order INV-2001 }
${step('{ download: { role: link, name: View the old invoice } }')}`;
    const result = await fixtures.run(pageScenario('invoice', 'download.html', { steps }));
    expect(result.steps.map((s) => [s.status, s.url.replace(/^.*\/invoice\//, '')])).toEqual([
      ['passed', 'download.html'],
      ['passed', 'good.pdf'],
      ['passed', 'download.html'],
      ['passed', 'bad.pdf'],
    ]);
    // The clear one read whole, as the downloaded file is: no finding (the time it took aside), its reading time in
    // the effort.
    expect(result.steps[1]!.findings.filter((f) => f.class !== 'timing')).toEqual([]);
    closeTo(result.steps[1]!.effortBreakdown.reading, reading(await pdfWords('good.pdf')));
    // The bad one gives the invoice rules' findings, and nothing about the browser's viewer (its viewport, its markup).
    expect(new Set(result.steps[3]!.findings.filter((f) => f.class !== 'timing').map((f) => f.area))).toEqual(new Set(['invoice']));
    expect(findingsOf(result, 'invoice-essentials')[0]!.evidence.element).toBe('downloaded invoice bad.pdf');
  });

  it('a PDF the page fetches and opens in a new tab from a blob: address is read the same', async () => {
    const result = await run('blob-view.html', '{ download: { role: button, name: View invoice (PDF) } }');
    expect(result.steps[1]!.status).toBe('passed');
    expect(result.steps[1]!.findings.filter((f) => f.class !== 'timing')).toEqual([]);
    closeTo(result.steps[1]!.effortBreakdown.reading, reading(await pdfWords('good.pdf')));
  });

  it('an HTML download is read in the browser, with its real font sizes', async () => {
    const result = await run('download.html', '{ download: { role: link, name: Download invoice (web page) } }');
    expect(invoiceFindings(result)).toEqual([]);
  });

  it('a download the site never finishes sending blocks the step, naming the file, once the step has waited for it', async () => {
    const steps = `${step('{ download: { role: link, name: Download the delivery note } }')}    timeout: 2000\n`;
    const result = await fixtures.run(pageScenario('invoice', 'downloads-failing.html', { steps }));
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toBe('invoice: the download of good.pdf from link "Download the delivery note" failed: it did not finish within 2 s');
  });

  it('a link that downloads nothing blocks the step, naming the link', async () => {
    const steps = `${step('{ download: { role: link, name: Invoice (no download) } }')}    timeout: 2000\n`;
    const result = await fixtures.run(pageScenario('invoice', 'download.html', { steps }));
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toMatch(/tapping link "Invoice \(no download\)" started no download within 2 s/);
  });

  it('a download that is not a readable PDF blocks the step, naming the file', async () => {
    const result = await run('download.html', '{ download: { role: link, name: Download the damaged invoice } }');
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toContain('could not read the invoice broken.pdf as a PDF');
  });
});

describe('invoice: { file }', () => {
  const path = (file: string) => relative(process.cwd(), fileURLToPath(new URL(file, FOLDER)));

  it('a local PDF, resolved against the working directory: the bad one is each rule\'s finding', async () => {
    const result = await run('download.html', `{ file: ${path('bad.pdf')} }`);
    expectBadInvoice(result, 'pt', 9);
    expect(result.steps[1]!.actions.taps).toBe(0);
    closeTo(result.steps[1]!.effortBreakdown.reading, reading(await pdfWords('bad.pdf')));
  });

  it('a photo or a scan of the invoice (a PNG) is one finding that it has no text, as a scanned PDF is: its bytes are no words to read', async () => {
    const result = await run('download.html', `{ file: ${path('photo.png')} }`);
    expect(result.steps[1]!.status).toBe('passed');
    expect(invoiceFindings(result).map((f) => [f.rule, f.evidence.measured])).toEqual([['invoice-essentials', '0 words of text']]);
    expect(result.steps[1]!.effortBreakdown.reading).toBe(0);
  });

  it('a missing file blocks the step, naming the file', async () => {
    const result = await run('download.html', '{ file: ./no-such-invoice.pdf }');
    expect(result.steps[1]!.status).toBe('blocked');
    expect(result.steps[1]!.reason).toContain('could not read the invoice file ./no-such-invoice.pdf (ENOENT)');
  });
});

describe("the demo shop's invoice page", () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(() => browser?.close());

  const readInvoice = async (variant: 'shipped' | 'fixed') => {
    const shop = await startDemoShop({ variant });
    try {
      return await runYaml(browser!, shop.url, 'name: demo invoice\nsteps:\n  - name: Read the invoice\n    goto: /orders/HC-10421/invoice\n    invoice: page\n');
    } finally {
      await shop.close();
    }
  };

  it('shipped: hard to read, no due date or way to pay, the amount hidden, no thanks, threats', async () => {
    const result = await readInvoice('shipped');
    expect(findingsOf(result, 'invoice-readability')).toHaveLength(1);
    expect(findingsOf(result, 'invoice-essentials').map((f) => f.evidence.essential)).toEqual(expect.arrayContaining(['due-date', 'how-to-pay']));
    expect(findingsOf(result, 'invoice-amount-hidden').map((f) => f.evidence.measured)).toEqual(['12 px (1× body)']);
    expect(findingsOf(result, 'invoice-no-thanks')).toHaveLength(1);
    expect(findingsOf(result, 'invoice-threats')).toHaveLength(1);
  });

  it('fixed: none of these findings', async () => {
    const result = await readInvoice('fixed');
    expect(invoiceFindings(result)).toEqual([]);
  });
});
