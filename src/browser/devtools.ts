/**
 * A page's own DevTools session, opened once and kept with the page: what Playwright does not offer (a picture
 * painted beyond the view), or offers at a cost cx-shop pays on every step (a large script evaluated as it is).
 */
import type { CDPSession, Page } from 'playwright';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

export function devtoolsOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    // A session that could not open is asked for again next time.
    session.catch(() => sessions.delete(page));
    sessions.set(page, session);
  }
  return session;
}

/**
 * Evaluates a script in the page's current document, as it is: Playwright's page.evaluate of a source string parses
 * it twice (to tell an expression from a function), which for axe-core's half a megabyte is some 45 ms a document.
 *
 * @throws Error with the page's own message when the script throws.
 */
export async function evaluateScript(page: Page, source: string): Promise<void> {
  const session = await devtoolsOf(page);
  const result = (await session.send('Runtime.evaluate', { expression: source, silent: true })) as {
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description?.split('\n')[0] ?? result.exceptionDetails.text);
}
