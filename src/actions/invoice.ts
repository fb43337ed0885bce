import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Frame, Page, Response } from 'playwright';
import type { DocumentText } from '../journeys/pdf-text.js';
import type { TargetInfo } from '../artifacts/types.js';
import { LocatorSchema } from '../scenario/locator.js';
import { TargetSchema } from './tap.js';
import { ActionError, defineAction, type ActionContext } from './types.js';
import { firstLine } from '../errors.js';
import { timed } from '../limits.js';
import { ask, askElement } from '../browser/ask.js';

/** Grade 8 is the reading level most adults read with ease; GOV.UK writes for a reading age of 9. */
const DEFAULT_GRADE = 8;

const Grade = z.number().min(1).max(20).optional().describe(`Flesch-Kincaid grade the invoice should not exceed (default ${DEFAULT_GRADE})`);

const SOURCES = ['page', 'download', 'file'] as const;

const InvoiceSchema = z.union([
  z.literal('page').transform(() => ({ page: true as const, download: undefined, file: undefined, grade: undefined })),
  z
    .strictObject({
      page: z.union([z.literal(true), LocatorSchema]).optional().describe('The invoice on this page: true (its main) or an element'),
      download: TargetSchema.optional().describe('The link or button that downloads the invoice (a PDF, HTML or text)'),
      file: z.string().min(1).optional().describe('A local invoice file (PDF, HTML or text), relative to the working directory'),
      grade: Grade,
    })
    .superRefine((value, ctx) => {
      const given = SOURCES.filter((key) => value[key] !== undefined);
      if (given.length === 1) return;
      const message = given.length === 0 ? 'say where the invoice is: page, download or file' : `one invoice per action: ${given.join(' or ')}, not both`;
      ctx.addIssue({ code: 'custom', message });
    }),
]);

/** The page-text probe and the invoice analysis: loaded when an invoice is read, never by `validate`. */
async function readers() {
  const [{ pageText }, { bodyFontSize }] = await Promise.all([import('../probes/page-text.js'), import('../journeys/invoice-analysis.js')]);
  return { pageText, bodyFontSize };
}

const isPdf = (bytes: Uint8Array, name: string) =>
  /\.pdf$/i.test(name) || new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');

const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/** Shows HTML (or text) in a tab of its own, offline, and reads it with the page-text probe: real font sizes. */
async function renderText(ctx: ActionContext, raw: string): Promise<DocumentText> {
  const html = /<[a-z!][^>]*>/i.test(raw) ? raw : `<pre>${escapeHtml(raw)}</pre>`;
  const view = await ctx.page.context().newPage();
  try {
    await view.route('**/*', (route) => route.abort());
    await view.setContent(html, { waitUntil: 'domcontentloaded', timeout: ctx.timeout });
    const { pageText } = await readers();
    return await ask(view, pageText, null);
  } finally {
    await view.close();
  }
}

/** How the common picture formats begin: PNG, JPEG, GIF, WebP, TIFF (both byte orders), BMP, HEIC/AVIF. */
const PICTURE_STARTS = [/^\x89PNG/, /^\xFF\xD8\xFF/, /^GIF8/, /^RIFF....WEBP/s, /^II\*\x00/, /^MM\x00\*/, /^BM/, /^....ftyp(?:hei[cx]|mif1|avif)/s];
const isPicture = (bytes: Uint8Array) => {
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  return PICTURE_STARTS.some((format) => format.test(start));
};

/**
 * The text of a downloaded or local invoice: PDF through PDF.js, a picture of one (a photo, a scan) as no text at
 * all, as a scanned PDF is, anything else as HTML or plain text.
 */
async function documentText(ctx: ActionContext, bytes: Uint8Array, name: string): Promise<DocumentText> {
  if (isPicture(bytes)) return { text: '', items: [], links: [] };
  if (!isPdf(bytes, name)) return renderText(ctx, new TextDecoder().decode(bytes));
  try {
    // PDF.js is large: loaded only when an invoice is a PDF.
    const { pdfText } = await import('../journeys/pdf-text.js');
    return await pdfText(bytes);
  } catch (error) {
    throw new ActionError(`could not read the invoice ${name} as a PDF: ${firstLine(error)}`);
  }
}

/** A page's answer that is a PDF for the browser to show (its type says so, and it does not say to save it). */
function isPdfResponse(response: Response): boolean {
  const headers = response.headers();
  return /^application\/pdf\b/i.test(headers['content-type'] ?? '') && !/^\s*attachment/i.test(headers['content-disposition'] ?? '');
}

/**
 * The file name at the end of an address (`invoice.pdf` for …/orders/10442/invoice.pdf?token=…); `invoice.pdf` for a
 * file the page made itself, whose blob: address ends in a random id.
 */
function fileNameOf(url: string): string {
  if (!/^https?:/i.test(url)) return 'invoice.pdf';
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || 'invoice.pdf');
  } catch {
    return 'invoice.pdf';
  }
}

/**
 * The bytes of a PDF the browser shows: asked for again with the customer's cookies, or, for a file the page made
 * itself (a blob: or data: address, as a shop's script opens an invoice it fetched), read by the page that made it:
 * no request from outside the page can reach it.
 */
async function shownFile(page: Page, response: Response): Promise<Uint8Array> {
  const url = response.url();
  if (/^https?:/i.test(url)) return (await page.context().request.get(url)).body();
  const encoded = await page.evaluate(async (address) => {
    const blob = await (await fetch(address)).blob();
    return await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  }, url);
  return Buffer.from(encoded, 'base64');
}

async function download(ctx: ActionContext, locator: z.infer<typeof TargetSchema>) {
  const { element, target } = await ctx.reach(locator);
  const page = ctx.page;
  // The file comes as a download, from the page or from a tab the tap opened for it; or the browser shows it, a PDF
  // served to be read in place (most shops' "Download invoice"), in this tab or a new one: its bytes are the answer.
  const inTab = page.waitForEvent('popup', { timeout: ctx.timeout }).then((tab) => tab.waitForEvent('download', { timeout: ctx.timeout }));
  const shown = page
    .context()
    .waitForEvent('response', { predicate: (response) => response.request().isNavigationRequest() && isPdfResponse(response), timeout: ctx.timeout });
  const downloaded = Promise.any([page.waitForEvent('download', { timeout: ctx.timeout }), inTab, shown]);
  // Awaited below; until then a timeout must not surface as an unhandled rejection.
  downloaded.catch(() => undefined);
  await ctx.tap(element);
  const file = await ctx.waiting(() => downloaded).catch(() => null);
  if (!file) throw new ActionError(`tapping ${target.description} started no download within ${ctx.timeout / 1000} s`);
  const name = 'suggestedFilename' in file ? file.suggestedFilename() : fileNameOf(file.url());
  const bytes = await ctx
    // A PDF the browser shows is asked for again with the customer's cookies: what the tab holds is the viewer. A
    // download the site never finishes sending is waited for as long as a step waits, on top of the tap's own wait.
    .waiting(async () => ('suggestedFilename' in file ? readFile(await timed(file.path(), ctx.timeout, () => new Error(`it did not finish within ${ctx.timeout / 1000} s`))) : shownFile(page, file)))
    .catch((error: Error) => {
      throw new ActionError(`the download of ${name} from ${target.description} failed: ${firstLine(error)}`);
    });
  const read = await documentText(ctx, bytes, name);
  await ctx.settle();
  return { read, location: name, target: { ...target, description: `downloaded ${name}` } };
}

async function localFile(ctx: ActionContext, file: string) {
  const path = resolve(process.cwd(), file);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new ActionError(`could not read the invoice file ${file} (${error.code ?? error.message})`);
  });
  const target: TargetInfo = { description: `file ${file}`, text: '', box: null, pageBox: null };
  return { read: await documentText(ctx, bytes, file), location: file, target };
}

/** A frame's least size to hold a document rather than a button, a badge or an advert's strip: half the view wide, 300 px tall. */
const DOCUMENT_FRAME = { share: 0.5, height: 300 };

/** The page's frames big enough to show a document, in the order the page has them. */
async function invoiceFrames(page: Page): Promise<Frame[]> {
  const width = page.viewportSize()?.width ?? 0;
  const frames: Frame[] = [];
  for (const frame of page.mainFrame().childFrames()) {
    const box = await frame.frameElement().then((el) => el.boundingBox()).catch(() => null);
    if (box && box.width >= width * DOCUMENT_FRAME.share && box.height >= DOCUMENT_FRAME.height) frames.push(frame);
  }
  return frames;
}

async function onPage(ctx: ActionContext, page: true | z.infer<typeof LocatorSchema>) {
  const { pageText } = await readers();
  if (page === true) {
    const read = await ask(ctx.page, pageText, null);
    // An invoice the page shows in a frame (a billing service's document viewer) is read where the page shows it.
    for (const frame of await invoiceFrames(ctx.page)) {
      const inner = await ask(frame, pageText, null).catch(() => null);
      if (!inner) continue;
      read.text = [read.text, inner.text].filter(Boolean).join('\n');
      read.items.push(...inner.items);
      read.links.push(...inner.links);
      read.pairs.push(...inner.pairs);
      read.lang ||= inner.lang;
    }
    return { read, location: ctx.page.url(), target: { description: 'the invoice page', text: read.text.slice(0, 80), box: null, pageBox: null } };
  }
  const { element, target } = await ctx.reach(page);
  return { read: await askElement(element, pageText), location: ctx.page.url(), target };
}

/** A page's labels paired with their values (see PageText.pairs); a file has none. */
const pairsOf = (read: object): string[] => ('pairs' in read && Array.isArray(read.pairs) ? (read.pairs as string[]) : []);
/** The language a page declares (see PageText.lang); '' for a PDF or a text file. */
const langOf = (read: object): string => ('lang' in read && typeof read.lang === 'string' ? read.lang : '');

export const invoice = defineAction({
  summary:
    'The customer reads an invoice as they get it: this page (`invoice: page`), a download (`{ download: <locator> }`) or a ' +
    'file (`{ file: ./invoice.pdf }`); its reading time counts, and the invoice rules judge it. `grade` sets the reading target.',
  schema: InvoiceSchema,
  async perform(ctx, args) {
    const source = args.download ? 'download' : args.file ? 'file' : 'page';
    const { read, location, target } = args.download
      ? await download(ctx, args.download)
      : args.file
        ? await localFile(ctx, args.file)
        : await onPage(ctx, args.page ?? true);
    const { bodyFontSize } = await readers();
    ctx.recordDocument(
      {
        kind: 'invoice',
        source,
        location,
        text: read.text,
        items: read.items,
        links: read.links,
        ...(pairsOf(read).length > 0 && { pairs: pairsOf(read) }),
        ...(langOf(read) && { lang: langOf(read) }),
        bodyFontSize: bodyFontSize(read.items),
        gradeTarget: args.grade ?? DEFAULT_GRADE,
      },
      target,
    );
  },
});
