/**
 * PDF.js in a thread of its own. Its legacy build (the one that runs on Node 20) brings polyfills that replace
 * globals of whatever loads it: JSON.stringify and JSON.parse, Array.prototype.push, TextEncoder, AbortSignal and
 * more, by slower code written in JavaScript. In cx-shop's own thread they would slow every step after the first
 * PDF invoice (Playwright's messages go through JSON), and change what the rest of the run runs on. In a worker
 * they change only the worker's globals.
 *
 * The worker does PDF.js's part only: each page's text items and link annotations, as PDF.js gives them. What they
 * say is worked out in pdf-text.ts. One worker serves the whole run; it does not keep the process alive when idle.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A run of text as PDF.js gives it: its transform holds its font scale and position (x, y). */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
}

/** A link annotation on a page: where it points and its rectangle, in PDF units. */
export interface PdfLink {
  url: string;
  rect: number[];
}

export interface PdfPage {
  items: PdfTextItem[];
  links: PdfLink[];
}

const require = createRequire(import.meta.url);
const PDFJS = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
// In Node, PDF.js reads the standard fonts (Helvetica and friends) from disk instead of fetching them.
const STANDARD_FONTS = `${pathToFileURL(join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')).pathname}/`;

/** The worker's code (plain JavaScript: a worker cannot load TypeScript). It answers each request by its id. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const pdfjs = import(${JSON.stringify(PDFJS)});
parentPort.on('message', async ({ id, data }) => {
  try {
    const { getDocument } = await pdfjs;
    const pdf = await getDocument({
      data,
      standardFontDataUrl: ${JSON.stringify(STANDARD_FONTS)},
      useWorkerFetch: false,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
    try {
      const pages = [];
      for (let number = 1; number <= pdf.numPages; number += 1) {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const items = content.items.filter((item) => 'str' in item).map(({ str, transform, width }) => ({ str, transform, width }));
        const links = (await page.getAnnotations())
          .filter((a) => a.subtype === 'Link' && typeof a.url === 'string')
          .map(({ url, rect }) => ({ url, rect }));
        page.cleanup();
        pages.push({ items, links });
      }
      parentPort.postMessage({ id, pages });
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error) });
  }
});
`;

type Answer = { id: number; pages: PdfPage[] } | { id: number; error: string };

/** Most time one PDF may take: a file PDF.js never finishes would hold every later read of the run behind it. */
export const READ_LIMIT_MS = 60_000;

/** A worker and what it has been asked and not yet answered. */
interface Reader {
  worker: Worker;
  pending: Map<number, { resolve(pages: PdfPage[]): void; reject(error: Error): void }>;
}

let current: Reader | null = null;
let nextId = 0;

function start(): Reader {
  const reader: Reader = { worker: new Worker(WORKER_SOURCE, { eval: true }), pending: new Map() };
  reader.worker.on('message', (answer: Answer) => {
    const waiting = reader.pending.get(answer.id);
    reader.pending.delete(answer.id);
    if (reader.pending.size === 0) reader.worker.unref();
    if (!waiting) return;
    if ('error' in answer) waiting.reject(new Error(answer.error));
    else waiting.resolve(answer.pages);
  });
  // A worker that fails (out of memory on a huge file) or is stopped fails what it was asked, and only that; the next
  // request starts a new one.
  const fail = (error: Error) => {
    if (current === reader) current = null;
    for (const waiting of reader.pending.values()) waiting.reject(error);
    reader.pending.clear();
  };
  reader.worker.on('error', fail);
  reader.worker.on('exit', (code) => fail(new Error(`the PDF reader stopped (exit code ${code})`)));
  return reader;
}

/**
 * Each page's text items and links, read by PDF.js in the worker. Rejects when PDF.js cannot read the bytes, or has
 * not finished within `limitMs`: then the worker is stopped (what else it was reading fails too) and the next read
 * starts a new one.
 */
export function readPdf(bytes: Uint8Array, limitMs = READ_LIMIT_MS): Promise<PdfPage[]> {
  const reader = (current ??= start());
  const id = (nextId += 1);
  // A copy for the worker to own: the caller's bytes stay usable.
  const data = new Uint8Array(bytes);
  let timer: NodeJS.Timeout | undefined;
  const answer = new Promise<PdfPage[]>((resolve, reject) => {
    reader.pending.set(id, { resolve, reject });
    timer = setTimeout(() => {
      const limit = limitMs >= 1000 ? `${Math.round(limitMs / 1000)} s` : `${limitMs} ms`;
      reader.pending.get(id)?.reject(new Error(`PDF.js did not finish reading it within ${limit}`));
      reader.pending.delete(id);
      if (current === reader) current = null;
      void reader.worker.terminate();
    }, limitMs);
  });
  reader.worker.ref();
  reader.worker.postMessage({ id, data }, [data.buffer]);
  return answer.finally(() => clearTimeout(timer));
}
