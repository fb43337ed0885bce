/**
 * Questions cx-shop asks a page (and what the page tells it back) carried as JSON text.
 *
 * Playwright carries an object into and out of a page with the page's own global `Map`, looked up when it is used. A
 * page that declares a `Map` of its own (a store finder's `function Map(el)` for its map) turns every object answer
 * into undefined and every object argument into an error, and cx-shop would see a page that shows nothing and takes
 * no taps. A string crosses untouched: the object is written as JSON in the page and read back outside it.
 */
import type { BrowserContext, ElementHandle, Frame, Locator, Page } from 'playwright';

/** Where a question about the whole document is asked: a page (its main frame) or one frame of it. */
type Document = Page | Frame;
/** Where a question about one element is asked: its handle, or a locator whose match answers it. */
type OneElement = ElementHandle | Locator;

/**
 * Runs in the page (its source is built once per question, see wrapped): the answer as JSON written with the page's
 * arrays left as arrays (see PageLib.plainJson), or undefined as it is.
 */
function answerBack(answer: unknown): unknown {
  const write = () => (answer === undefined ? undefined : JSON.stringify(answer));
  const lib = window.__cxShopLib;
  return lib ? lib.plainJson(write) : write();
}

/**
 * The wrappers built so far, by the question's source and whether it is about an element (pageText is asked both
 * ways): a question written in place (`() => ({ x: scrollX, y: scrollY })`) is a new function at every call, the same
 * source every time.
 */
const wrappers = new Map<string, (...args: never[]) => unknown>();

/**
 * The question as Playwright sends it to the page: a function of JSON text (after the element, for an element's
 * question) that answers JSON text, and waits for an answer that comes later (told by its `then`: a page may have
 * replaced the global Promise with a library's).
 */
function wrapped(question: (...args: never[]) => unknown, element: boolean): (...args: never[]) => unknown {
  const source = question.toString();
  const key = `${element ? 'element' : 'document'}\n${source}`;
  let wrapper = wrappers.get(key);
  if (!wrapper) {
    const params = element ? ['el', 'json'] : ['json'];
    const call = `(${source})(${element ? 'el, ' : ''}json === undefined ? undefined : JSON.parse(json))`;
    const body = `const back = ${answerBack.toString()};\nconst answer = ${call};\nreturn answer && typeof answer.then === 'function' ? answer.then(back) : back(answer);`;
    wrapper = new Function(...params, body) as (...args: never[]) => unknown;
    wrappers.set(key, wrapper);
  }
  return wrapper;
}

const read = <R>(text: unknown): R => (typeof text === 'string' ? (JSON.parse(text) as R) : (undefined as R));

/** Asks the document `question(arg)`: the answer as the page gave it, in plain data (see the file's note). */
export async function ask<R, A = undefined>(where: Document, question: (arg: A) => R, arg?: A): Promise<Awaited<R>> {
  return read<Awaited<R>>(await where.evaluate(wrapped(question as never, false) as never, JSON.stringify(arg)));
}

/** Asks the element `question(element, arg)`, as ask does; a locator's options (its timeout) are passed on. */
export async function askElement<R, A = undefined>(element: OneElement, question: (el: Element, arg: A) => R, arg?: A, options?: { timeout?: number }): Promise<Awaited<R>> {
  const [asked, json] = [wrapped(question as never, true) as never, JSON.stringify(arg)];
  return read<Awaited<R>>('count' in element ? await element.evaluate(asked, json, options) : await element.evaluate(asked, json));
}

/**
 * Exposes a binding the page calls with JSON text (see the file's note): `take` gets what the page sent, read back;
 * a call with anything else (the page's own, on a page that replaced the binding) is no message of cx-shop's.
 */
export async function exposeJsonBinding<T>(context: BrowserContext, name: string, take: (source: { page: Page; frame: Frame }, sent: T) => void): Promise<void> {
  await context.exposeBinding(name, (source: { page: Page; frame: Frame }, text: unknown) => {
    if (typeof text !== 'string') return;
    let sent: T;
    try {
      sent = JSON.parse(text) as T;
    } catch {
      return;
    }
    take(source, sent);
  });
}
