/**
 * The guide panel: a small box in the page that tells the shopper what to do in this step, with "Done" and "I could
 * not do it". It lives in a shadow root, so the site's styles do not reach into it and its nodes are not the page's; it is
 * marked as cx-shop's own, so the recorder never counts a press on it as the customer's or its changes as the page's.
 *
 * It never covers the site's own controls: it takes the first place (bottom, top, then the corners) where no link,
 * button or field of the site lies under it, looks again as the page scrolls and changes, and folds to a small
 * round button in a free corner when the whole screen is full of controls. Serialised by Playwright.
 */
import type { BrowserContext } from 'playwright';

/** What the panel shows: set by the guide for each step. */
export interface PanelState {
  step: number;
  of: number;
  name: string;
  lines: string[];
  /** cx-shop is looking at the page (a picture is being taken): the panel is not in it. */
  hidden: boolean;
  /** The step is over and the questions are in the terminal: no buttons to press. */
  asking?: boolean;
}

/** What the shopper said with the panel's buttons. */
export type PanelWord = 'done' | 'could-not';

declare global {
  interface Window {
    /** The panel's state as JSON text (see browser/ask.ts: a page's own global Map would stop an object crossing). */
    __cxShopGuideState?: () => Promise<string>;
    __cxShopGuideSay?: (word: PanelWord) => Promise<void>;
    __cxShopGuidePanel?: { refresh(): Promise<void>; place(): string };
  }
}

/** A box in viewport pixels. */
interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function guidePanelInPage(): void {
  if (window !== window.top || window.__cxShopGuidePanel) return;
  const MARGIN = 8;
  const PILL = 44;
  // An old library's Array.prototype.toJSON (Prototype.js) makes the browser refuse every call to cx-shop: made as if
  // it were not there (see pageLib.plainJson).
  const call = <T,>(binding: () => T): T => (window.__cxShopLib ? window.__cxShopLib.plainJson(binding) : binding());
  // The site's controls, and the messages it shows the customer (the panel must not hide "Added to your cart").
  const CONTROLS =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, label, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="tab"], [role="menuitem"], [role="switch"], [role="combobox"], [role="textbox"], [tabindex]:not([tabindex="-1"]), [onclick], [contenteditable="true"], ' +
    '[role="alert"], [role="status"], [aria-live="polite"], [aria-live="assertive"], output, dialog[open]';
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let state: PanelState | null = null;
  /** The shopper opened the folded panel: it stays open where it is until they fold it again. */
  let openedByShopper = false;
  let folded = false;

  const overlaps = (a: Rect, b: DOMRect) =>
    a.left < b.right + 4 && b.left - 4 < a.left + a.width && a.top < b.bottom + 4 && b.top - 4 < a.top + a.height;
  /** The site's controls on screen now, as boxes. */
  const controlBoxes = (): DOMRect[] => {
    const boxes: DOMRect[] = [];
    const all = document.querySelectorAll(CONTROLS);
    for (let i = 0; i < all.length && i < 3000; i += 1) {
      const el = all[i]!;
      if (el.closest('[data-cx-shop-own]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
      if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      boxes.push(box);
    }
    return boxes;
  };
  const collisions = (rect: Rect, boxes: DOMRect[]) => boxes.filter((box) => overlaps(rect, box)).length;

  const build = () => {
    host = document.createElement('cx-shop-guide');
    host.setAttribute('data-cx-shop-own', '');
    host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647; left: 0; top: 0; display: block;';
    root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>
      :host { all: initial; }
      * { box-sizing: border-box; font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
      .panel { background: #102a43; color: #fff; border-radius: 10px; padding: 10px 12px; box-shadow: 0 4px 16px rgba(0,0,0,.35); }
      .count { font-size: 12px; color: #bcccdc; display: flex; justify-content: space-between; align-items: center; }
      .name { font-weight: 700; margin: 2px 0 4px; }
      ul { margin: 0 0 8px; padding-left: 18px; }
      li { margin: 2px 0; }
      .buttons { display: flex; gap: 8px; }
      button { cursor: pointer; border: 0; border-radius: 6px; padding: 8px 12px; min-height: 36px; }
      .done { background: #3ebd93; color: #062e23; font-weight: 700; }
      .cannot { background: #f0b429; color: #3b2100; }
      .fold { background: transparent; color: #bcccdc; padding: 2px 8px; min-height: 24px; }
      .pill { width: ${PILL}px; height: ${PILL}px; border-radius: 50%; background: #102a43; color: #fff; font-weight: 700; box-shadow: 0 4px 16px rgba(0,0,0,.35); padding: 0; }
      .compact .count, .compact ul { display: none; }
      .compact { display: flex; align-items: center; gap: 8px; padding: 6px 8px; }
      .compact .name { flex: 1; margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      [hidden] { display: none !important; }
    </style>
    <div class="panel" role="complementary" aria-label="cx-shop guide">
      <div class="count"><span class="of"></span><button class="fold" aria-label="Fold the guide">–</button></div>
      <div class="name"></div>
      <ul class="lines"></ul>
      <div class="buttons"><button class="done">Done</button><button class="cannot">I could not do it</button></div>
    </div>
    <button class="pill" aria-label="Show the cx-shop guide" hidden></button>`;
    // The panel's own presses never reach the site's listeners.
    for (const type of ['click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend', 'keydown', 'keyup']) {
      root.addEventListener(type, (event) => event.stopPropagation());
    }
    const q = (selector: string) => root!.querySelector(selector) as HTMLElement;
    q('.done').addEventListener('click', () => void call(() => window.__cxShopGuideSay?.('done')));
    q('.cannot').addEventListener('click', () => void call(() => window.__cxShopGuideSay?.('could-not')));
    q('.fold').addEventListener('click', () => {
      openedByShopper = false;
      folded = true;
      place();
    });
    q('.pill').addEventListener('click', () => {
      openedByShopper = true;
      place();
    });
    document.documentElement.appendChild(host);
  };

  const render = () => {
    if (!host && document.documentElement) build();
    if (!host || !root) return;
    const q = (selector: string) => root!.querySelector(selector) as HTMLElement;
    host.style.display = !state || state.hidden ? 'none' : 'block';
    if (!state) return;
    q('.of').textContent = `cx-shop guide · step ${state.step} of ${state.of}`;
    q('.name').textContent = state.name;
    const list = q('.lines');
    list.replaceChildren(
      ...state.lines.map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        return li;
      }),
    );
    q('.pill').textContent = String(state.step);
    (q('.buttons') as HTMLElement).hidden = Boolean(state.asking);
    place();
  };

  /** Puts the panel where it covers none of the site's controls; returns where, for tests and the guide's checks. */
  function place(): string {
    if (!host || !root || !state || state.hidden) return 'hidden';
    const panel = root.querySelector('.panel') as HTMLElement;
    const pill = root.querySelector('.pill') as HTMLElement;
    const width = Math.min(360, innerWidth - 2 * MARGIN);
    panel.hidden = false;
    pill.hidden = true;
    // Measured whole: a slim strip from the last placement would make it seem to fit where it does not.
    panel.classList.remove('compact');
    panel.style.width = `${width}px`;
    const height = panel.getBoundingClientRect().height || 120;
    if (openedByShopper) {
      host.style.left = `${MARGIN}px`;
      host.style.top = `${innerHeight - height - MARGIN}px`;
      return 'opened';
    }
    const boxes = controlBoxes();
    const spots: Array<[string, Rect]> = [
      ['bottom', { left: (innerWidth - width) / 2, top: innerHeight - height - MARGIN, width, height }],
      ['top', { left: (innerWidth - width) / 2, top: MARGIN, width, height }],
      ['bottom-left', { left: MARGIN, top: innerHeight - height - MARGIN, width, height }],
      ['bottom-right', { left: innerWidth - width - MARGIN, top: innerHeight - height - MARGIN, width, height }],
      ['top-left', { left: MARGIN, top: MARGIN, width, height }],
      ['top-right', { left: innerWidth - width - MARGIN, top: MARGIN, width, height }],
    ];
    const free = folded ? undefined : spots.find(([, rect]) => collisions(rect, boxes) === 0);
    if (free) {
      host.style.left = `${free[1].left}px`;
      host.style.top = `${free[1].top}px`;
      return free[0];
    }
    // No room for it whole: the step's name and the buttons alone, at the top or the bottom.
    panel.classList.add('compact');
    const short = panel.getBoundingClientRect().height || 56;
    const compact: Array<[string, Rect]> = [
      ['compact bottom', { left: (innerWidth - width) / 2, top: innerHeight - short - MARGIN, width, height: short }],
      ['compact top', { left: (innerWidth - width) / 2, top: MARGIN, width, height: short }],
    ];
    const room = folded ? undefined : compact.find(([, rect]) => collisions(rect, boxes) === 0);
    if (room) {
      host.style.left = `${room[1].left}px`;
      host.style.top = `${room[1].top}px`;
      return room[0];
    }
    panel.classList.remove('compact');
    // No room for the whole panel: a small round button where it covers the fewest controls (none, when it can).
    panel.hidden = true;
    pill.hidden = false;
    const pills: Array<[string, Rect]> = [
      ['pill bottom-right', { left: innerWidth - PILL - MARGIN, top: innerHeight - PILL - MARGIN, width: PILL, height: PILL }],
      ['pill bottom-left', { left: MARGIN, top: innerHeight - PILL - MARGIN, width: PILL, height: PILL }],
      ['pill top-right', { left: innerWidth - PILL - MARGIN, top: MARGIN, width: PILL, height: PILL }],
      ['pill top-left', { left: MARGIN, top: MARGIN, width: PILL, height: PILL }],
      ['pill middle-right', { left: innerWidth - PILL - MARGIN, top: (innerHeight - PILL) / 2, width: PILL, height: PILL }],
      ['pill middle-left', { left: MARGIN, top: (innerHeight - PILL) / 2, width: PILL, height: PILL }],
    ];
    const best = pills.map(([name, rect]) => [name, rect, collisions(rect, boxes)] as const).sort((a, b) => a[2] - b[2])[0]!;
    host.style.left = `${best[1].left}px`;
    host.style.top = `${best[1].top}px`;
    return best[0];
  }

  let pending = false;
  const placeSoon = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      place();
    });
  };
  addEventListener('scroll', placeSoon, { capture: true, passive: true });
  addEventListener('resize', placeSoon, { passive: true });
  // The page changes under the panel (a menu opens, a banner arrives): look again twice a second.
  setInterval(placeSoon, 500);

  window.__cxShopGuidePanel = {
    async refresh() {
      const text = (await call(() => window.__cxShopGuideState?.())?.catch(() => null)) ?? null;
      state = typeof text === 'string' ? (JSON.parse(text) as PanelState | null) : null;
      folded = false;
      openedByShopper = false;
      render();
    },
    place,
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', () => void window.__cxShopGuidePanel?.refresh(), { once: true });
  else void window.__cxShopGuidePanel.refresh();
}

/** Adds the panel to every document of the context, with the two ways it talks to the guide. */
export async function installPanel(context: BrowserContext, handlers: { state(): PanelState | null; say(word: PanelWord): void }): Promise<void> {
  await context.exposeBinding('__cxShopGuideState', () => JSON.stringify(handlers.state()));
  await context.exposeBinding('__cxShopGuideSay', (_source, word: unknown) => {
    if (word === 'done' || word === 'could-not') handlers.say(word);
  });
  await context.addInitScript({ content: `(${guidePanelInPage.toString()})();` });
}
