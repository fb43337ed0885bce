/**
 * axe-core on the page as it is now: injects Deque's engine once per document, runs the WCAG 2.2 A/AA and
 * best-practice rules (target-size included, which axe leaves off by default) and returns the violations in
 * cx-shop's shape. The accessibility rule judges them; this file only collects.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import type { Page } from 'playwright';
import type { AccessibilityResult, AxeViolation } from '../artifacts/types.js';
import { evaluateScript } from '../browser/devtools.js';
import { firstLine } from '../errors.js';

/** The axe-core tags cx-shop runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Elements kept per violation; the last kept element's summary says how many more there were. */
export const MAX_NODES_PER_VIOLATION = 20;

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

interface RunArgs {
  exclude: string[];
  tags: string[];
  maxNodes: number;
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
  const results = await axe.run(args.exclude.length > 0 ? { exclude: args.exclude } : document, {
    runOnly: { type: 'tag', values: args.tags },
    // axe leaves target-size off in a default run; the wcag22aa tag selects it too, but say so in case tags change.
    rules: { 'target-size': { enabled: true } },
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
      return name ? `${role} "${name.slice(0, 60)}"` : role;
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
    return { url: results.url, engine: `axe-core ${axe.version}`, violations };
  } finally {
    axe.teardown();
  }
}

/**
 * What axe-core's answer depends on, as one string: the address, the whole markup (attributes, text and style
 * elements; the content of open shadow roots too) and which element has focus. Two page states with the same key
 * (on the same device) get the same answer from axe-core. Runs in the page; reads only.
 */
export function accessibilityStateKey(): string {
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
  return `${location.href}|${length}|${(fnv >>> 0).toString(16)}${(djb >>> 0).toString(16)}|${focus.join('<')}`;
}

/**
 * Runs axe-core on the page as it is now and returns its violations in cx-shop's shape: violations sorted by rule
 * id, elements by selector, at most MAX_NODES_PER_VIOLATION elements each (see countElements), boxes in document
 * coordinates. Only the top document is checked, not its frames.
 *
 * @param options.exclude CSS selectors of regions to leave out, such as third-party widgets.
 * @throws Error naming the page when axe cannot run there (the page navigated away mid-run, a bad selector).
 */
export async function checkAccessibility(page: Page, options: { exclude?: string[] } = {}): Promise<AccessibilityResult> {
  try {
    const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function');
    if (!loaded) await evaluateScript(page, axeScript());
    return await page.evaluate(runAxeInPage, { exclude: options.exclude ?? [], tags: AXE_TAGS, maxNodes: MAX_NODES_PER_VIOLATION });
  } catch (error) {
    const reason = firstLine(error).replace(/^page\.evaluate: /, '');
    throw new Error(`axe-core could not check ${page.url()}: ${reason}`);
  }
}
