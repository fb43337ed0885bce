/**
 * axe-core on the page as it is now: injects Deque's engine once per document, runs the WCAG 2.2 A/AA and
 * best-practice rules (but target-size, see AXE_NOT_RUN) and returns the violations in cx-shop's shape. The
 * accessibility rule judges them; this file only collects.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import type { Page } from 'playwright';
import type { AccessibilityResult, AxeViolation } from '../artifacts/types.js';
import { evaluateScript } from '../browser/devtools.js';
import { firstLine } from '../errors.js';
import { timed } from '../limits.js';
import { inPageScript } from '../recorder/parties.js';
import { ask } from '../browser/ask.js';

/** The axe-core tags cx-shop runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core rules of those tags cx-shop does not run. target-size (WCAG 2.5.8) is judged by cx-shop's own
 * tap-target-size, as the screen draws the targets, and the accessibility rule would leave axe-core's answer out so
 * as not to count one problem twice; axe-core's check compares each target with its neighbours, and its time grows
 * with the square of the page's links and buttons: 1 s of the page's main thread for 300 links in a line, 31 s for
 * 3,000, on a 2-core machine.
 */
export const AXE_NOT_RUN = ['target-size'];

/** Elements kept per violation; the last kept element's summary says how many more there were. */
export const MAX_NODES_PER_VIOLATION = 20;

/**
 * Most elements a page may have to be checked with every rule. axe-core's time grows with the whole page, not only
 * with what it checks (about 50 s for 20,000 plain elements on a 2-core machine, 44 s of it its colour-contrast rule):
 * on a bigger page it would hold the page's main thread long after a step, where the customer's next action meets it.
 * A bigger page is checked without the rules of AXE_LIMITED_LEFT_OUT.
 */
export const AXE_WHOLE_PAGE_MAX = 5000;

/** Most elements a page may have to be checked whole (without AXE_LIMITED_LEFT_OUT); a bigger one is checked in part. */
export const AXE_PART_ABOVE = 10_000;

/** Elements checked on a page checked in part: the ones on the screen first, then the first in page order. */
export const AXE_LIMITED_ELEMENTS = 2000;

/**
 * Most parts (whole subtrees) the check of a bigger page names: axe-core compares each element it checks with each
 * part, so a long list of small parts (the rows of a flat list of 20,000) costs more than the page.
 */
export const AXE_LIMITED_PARTS = 100;

/**
 * Rules left out on a page of more than AXE_WHOLE_PAGE_MAX elements, whose time grows with more of the page than
 * they check: colour contrast lays out a grid of the whole page, and link-in-text-block reads all the text of the
 * block around each link (each of 100 links in a feed of 30,000 read the whole feed: 12 of the 15 s a check of such
 * a page in part took).
 */
export const AXE_LIMITED_LEFT_OUT = ['color-contrast', 'link-in-text-block'];

const MORE_NODES = /\n\((\d+) more elements? not listed\)$/;

/** How many elements break the violation's rule, counting the ones left out beyond MAX_NODES_PER_VIOLATION. */
export function countElements(violation: AxeViolation): number {
  const last = violation.nodes.at(-1);
  return violation.nodes.length + Number(last?.summary.match(MORE_NODES)?.[1] ?? 0);
}

let axeSource: string | undefined;
function axeScript(): string {
  // The minified build is axe.source without the whitespace: half the bytes to send and parse per document.
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs in the page: makes what a page's old library added to every object or array (Object.prototype.extend)
 * not enumerable, and returns what puts it back as it was. Enumerable, such an addition turns up in axe-core's for-in
 * walks of its own rules and settings, as it loads and as it checks, and stops it ("Cannot read properties of
 * undefined"). The page can still use them meanwhile.
 */
function hideShared(): () => void {
  const hidden: Array<[object, string, PropertyDescriptor]> = [];
  for (const shared of [Object.prototype, Array.prototype]) {
    for (const key of Object.keys(shared)) {
      const own = Object.getOwnPropertyDescriptor(shared, key);
      if (!own?.configurable) continue;
      hidden.push([shared, key, own]);
      Object.defineProperty(shared, key, { ...own, enumerable: false });
    }
  }
  return () => {
    for (const [shared, key, own] of hidden) Object.defineProperty(shared, key, own);
  };
}

/** axe-core's source as cx-shop puts it in a page: loaded with the page's additions hidden, and hideShared kept for its checks. */
function axeLoader(): string {
  return [
    `const hideShared = ${hideShared.toString()};`,
    "Object.defineProperty(window, '__cxShopHideShared', { value: hideShared, configurable: true });",
    'const putBack = hideShared();',
    `try {\n${axeScript()}\n} finally {\n  putBack();\n}`,
  ].join('\n');
}

interface RunArgs {
  exclude: string[];
  tags: string[];
  notRun: string[];
  maxNodes: number;
  wholePageMax: number;
  partAbove: number;
  limitedElements: number;
  limitedParts: number;
  limitedLeftOut: string[];
}

/** The part of axe-core's page API used here (`commons` is only partly typed by the package). */
interface PageAxe {
  version: string;
  run(context: ElementContext, options: RunOptions): Promise<AxeResults>;
  setup(node: Document): unknown;
  teardown(): void;
  commons: { aria: { getRole(el: Element): string | null }; text: { accessibleText(el: Element): string }; dom: { isFocusable(el: Element): boolean } };
}

/** Runs in the page (serialised by Playwright): it may only use what a browser and axe-core have. */
async function runAxeInPage(args: RunArgs): Promise<AccessibilityResult> {
  const axe = (window as unknown as { axe: PageAxe }).axe;
  // The browser's own collections, not a global of the page's of the same name (see PageLib.natives).
  const { Map, Set } = window.__cxShopLib?.natives ?? window;
  // A big page is checked without the rules that lay out all of it; one too big to check whole in a few seconds gets a
  // check of a part of it, the same part for the same page state: the elements on the screen, then the first in page
  // order, up to a count, as whole subtrees where they fit.
  const elements = document.getElementsByTagName('*');
  const big = elements.length > args.wholePageMax;
  let include: Element[] | null = null;
  let checked = elements.length;
  if (elements.length > args.partAbove) {
    const size = new Map<Element, number>();
    for (let i = elements.length - 1; i >= 0; i -= 1) {
      const el = elements[i]!;
      let n = 1;
      for (const child of Array.from(el.children)) n += size.get(child) ?? 1;
      size.set(el, n);
    }
    const chosen: Element[] = [];
    const taken = new Set<Element>();
    const holds = new Set<Element>();
    let left = args.limitedElements;
    const onScreen = (el: Element) => {
      const r = el.getBoundingClientRect();
      const empty = r.width === 0 && r.height === 0;
      return empty || (r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth);
    };
    const walk = (root: Element, screenOnly: boolean) => {
      const stack = [root];
      while (stack.length > 0 && left > 0 && chosen.length < args.limitedParts) {
        const el = stack.pop()!;
        if (taken.has(el) || (screenOnly && !onScreen(el))) continue;
        const n = size.get(el) ?? 1;
        if (n <= left && !holds.has(el)) {
          chosen.push(el);
          taken.add(el);
          left -= n;
          for (let up = el.parentElement; up && !holds.has(up); up = up.parentElement) holds.add(up);
        } else {
          stack.push(...Array.from(el.children).reverse());
        }
      }
    };
    if (document.body) walk(document.body, true);
    walk(document.documentElement, false);
    // In page order, whatever pass chose them.
    include = chosen.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    checked = args.limitedElements - left;
  }
  const context: ElementContext = include ? { include, ...(args.exclude.length > 0 && { exclude: args.exclude }) } : args.exclude.length > 0 ? { exclude: args.exclude } : document;
  // While it checks and its answer is read (see hideShared, kept in the page when axe-core was put in).
  const putBack = (window as unknown as { __cxShopHideShared?: () => () => void }).__cxShopHideShared?.();
  try {
    return await checkHidden();
  } finally {
    putBack?.();
  }

  async function checkHidden(): Promise<AccessibilityResult> {
    const results = await axe.run(context, {
      runOnly: { type: 'tag', values: args.tags },
      // A rule a tag selects is run unless it is turned off by name (the wcag22aa tag selects target-size).
      rules: Object.fromEntries([...args.notRun, ...(big ? args.limitedLeftOut : [])].map((id) => [id, { enabled: false }])),
      resultTypes: ['violations'],
      // Frames are other documents (often third-party: payments, chat); their content has no box on this page.
      iframes: false,
      // Preloading fetches every stylesheet again, from the page: requests of cx-shop's, not the site's (only the
      // orientation-lock rule reads them, and it is not in the tags cx-shop runs).
      preload: false,
      elementRef: true,
    });

    const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const round = (n: number) => Math.round(n * 100) / 100;
    const describe = (el: Element | undefined): string => {
      if (!el) return 'element';
      const tag = el.tagName.toLowerCase();
      try {
        const role = axe.commons.aria.getRole(el) || tag;
        // Text is a fair name for static content (low-contrast text), never for a control that lacks a name.
        const name = clean(axe.commons.text.accessibleText(el)) || (axe.commons.dom.isFocusable(el) ? '' : clean((el as HTMLElement).innerText));
        // Cut as cx-shop cuts every name, marked "…": a secret the cut went through is masked from its start.
        return name ? `${role} "${name.length > 60 ? `${name.slice(0, 60)}…` : name}"` : role;
      } catch {
        return tag;
      }
    };
    const boxOf = (el: Element | undefined) => {
      if (!el || el.getClientRects().length === 0) return null;
      const r = el.getBoundingClientRect();
      return { x: round(r.x + scrollX), y: round(r.y + scrollY), width: round(r.width), height: round(r.height) };
    };
    const selectorOf = (target: Array<string | string[]>) => target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> ');

    // axe.run tears its tree down when it ends; roles and names need it again.
    // A skip link (an in-page link to a part that is there, before any link to another page) stands outside the
    // landmarks on purpose, and axe-core passes it; but it compares places in the document, and with the page's first
    // link in a component's shadow root (a header drawn as <site-header>), it no longer sees the skip link as first.
    const skipLink = (el: Element | undefined) => {
      if (!(el instanceof HTMLAnchorElement)) return false;
      const target = el.getAttribute('href') ?? '';
      if (!/^#./.test(target) || !document.getElementById(decodeURIComponent(target.slice(1)))) return false;
      return ![...document.querySelectorAll('a[href]:not([href^="#"])')].some((link) => link.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    };
    for (const v of results.violations) if (v.id === 'region') v.nodes = v.nodes.filter((node) => !skipLink(node.element));
    results.violations = results.violations.filter((v) => v.nodes.length > 0);
    axe.setup(document);
    try {
      const violations = results.violations.map((v): AxeViolation => {
        const nodes = v.nodes
          .map((node) => ({ node, selector: selectorOf(node.target) }))
          .sort((a, b) => (a.selector < b.selector ? -1 : a.selector > b.selector ? 1 : 0));
        const kept = nodes.slice(0, args.maxNodes).map(({ node, selector }) => ({
          element: describe(node.element),
          selector,
          html: node.html.length > 200 ? `${node.html.slice(0, 199)}…` : node.html,
          box: boxOf(node.element),
          summary: node.failureSummary ?? '',
        }));
        const more = nodes.length - kept.length;
        if (more > 0) kept[kept.length - 1]!.summary += `\n(${more} more element${more === 1 ? '' : 's'} not listed)`;
        const impact = v.impact === 'minor' || v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical' ? v.impact : null;
        return { id: v.id, impact, help: v.help, helpUrl: v.helpUrl, nodes: kept };
      });
      violations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return {
        url: results.url,
        engine: `axe-core ${axe.version}`,
        violations,
        ...(big && { limited: { elements: elements.length, checked, rulesLeftOut: args.limitedLeftOut } }),
      };
    } finally {
      axe.teardown();
    }
  }
}

/**
 * What axe-core's answer depends on, as one string: the address, the whole markup (attributes, text and style
 * elements; the content of open shadow roots too) and which element has focus (and, on a page too big to check
 * whole, where it is scrolled to). Two page states with the same key
 * (on the same device) get the same answer from axe-core. Runs in the page; reads only.
 */
export function accessibilityStateKey(partAbove: number): string {
  // Two 32-bit hashes of the markup (FNV-1a and djb2): a collision of both is not a worry for a run's page states.
  let fnv = 0x811c9dc5;
  let djb = 5381;
  let length = 0;
  const add = (text: string) => {
    length += text.length;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      fnv = Math.imul(fnv ^ c, 0x01000193);
      djb = (Math.imul(djb, 33) + c) | 0;
    }
  };
  add(document.documentElement.outerHTML);
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const root = el.shadowRoot;
    if (root) add(`\u0000${root.innerHTML}`);
  }
  const focus: string[] = [];
  for (let el = document.activeElement; el && el !== document.body; el = el.parentElement) focus.push(`${el.tagName}:${Array.from(el.parentElement?.children ?? []).indexOf(el)}`);
  // A page too big to check whole is checked from what is on the screen: where it is scrolled to is part of its state.
  const scrolled = document.getElementsByTagName('*').length > partAbove ? `|${Math.round(scrollX)},${Math.round(scrollY)}` : '';
  return `${location.href}|${length}|${(fnv >>> 0).toString(16)}${(djb >>> 0).toString(16)}|${focus.join('<')}${scrolled}`;
}

/** The page did not answer one of cx-shop's cheap questions before the check (see checkAccessibility's answerMs). */
export class PageNotAnswering extends Error {}

/**
 * Runs axe-core on the page as it is now and returns its violations in cx-shop's shape: violations sorted by rule
 * id, elements by selector, at most MAX_NODES_PER_VIOLATION elements each (see countElements), boxes in document
 * coordinates. Only the top document is checked, not its frames; a page of more than AXE_WHOLE_PAGE_MAX elements
 * without some rules, and one of more than AXE_PART_ABOVE only in part (see AccessibilityResult.limited).
 *
 * @param options.exclude CSS selectors of regions to leave out, such as third-party widgets.
 * @param options.answerMs How long the page may take to answer whether axe-core is in it already (a question that
 *   costs it nothing) before the check gives up with PageNotAnswering: nothing of cx-shop's has started in it then.
 * @throws Error naming the page when axe cannot run there (the page navigated away mid-run, a bad selector).
 */
export async function checkAccessibility(page: Page, options: { exclude?: string[]; answerMs?: number } = {}): Promise<AccessibilityResult> {
  try {
    const bounded = <T>(work: Promise<T>, ms: number | undefined) => (ms === undefined ? work : timed(work, ms, () => new PageNotAnswering(`the page did not answer within ${ms / 1000} s`)));
    const there = () => page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function');
    if (!(await bounded(there(), options.answerMs))) {
      // Loading axe-core takes the page a moment: asked again after it, so that the check starts on a page that has
      // just answered (one that froze meanwhile is not left waiting for the whole check).
      // As cx-shop's own script, with the browser's own collections (see inPageScript): a page's global named Set or
      // WeakMap would stop axe-core checking anything.
      await bounded(evaluateScript(page, inPageScript(axeLoader(), 'kept')), options.answerMs && 2 * options.answerMs);
      await bounded(there(), options.answerMs);
    }
    return await ask(page, runAxeInPage, {
      exclude: options.exclude ?? [],
      tags: AXE_TAGS,
      notRun: AXE_NOT_RUN,
      maxNodes: MAX_NODES_PER_VIOLATION,
      wholePageMax: AXE_WHOLE_PAGE_MAX,
      partAbove: AXE_PART_ABOVE,
      limitedElements: AXE_LIMITED_ELEMENTS,
      limitedParts: AXE_LIMITED_PARTS,
      limitedLeftOut: AXE_LIMITED_LEFT_OUT,
    });
  } catch (error) {
    if (error instanceof PageNotAnswering) throw error;
    const reason = firstLine(error).replace(/^page\.evaluate: /, '');
    throw new Error(`axe-core could not check ${page.url()}: ${reason}`);
  }
}
