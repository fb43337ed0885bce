/**
 * Per-visitor state, kept in memory and keyed by the `cxsid` cookie, so parallel browser contexts never see each
 * other's carts and a fresh context always starts with an empty cart.
 */
import { randomUUID } from 'node:crypto';
import type { Size } from './catalog.js';

export const SESSION_COOKIE = 'cxsid';

export interface CartLine {
  slug: string;
  size: Size;
  qty: number;
}

export interface ConfirmedReturn {
  number: string;
  reason: string;
}

export interface Session {
  cart: CartLine[];
  /** The promo code applied to the cart, as the shop stores it (upper case). */
  promo?: string;
  /** Returns confirmed in this session (fixed variant). */
  returns: ConfirmedReturn[];
  /** Shipped: the cart taken out when the customer pressed Place order, before the payment went through. */
  pending?: CartLine[];
  /** The order number of the last placed order, for the thank-you page. */
  placedOrder?: string;
}

/** Oldest sessions are dropped past this, so a long-running demo server cannot grow without bound. */
const MAX_SESSIONS = 5000;

export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  /** The session for a cookie value; a new one (and its id) when there is none or it is unknown. */
  resolve(id: string | undefined): { id: string; session: Session; isNew: boolean } {
    if (id && /^[\w-]{8,64}$/.test(id)) {
      const existing = this.#sessions.get(id);
      if (existing) return { id, session: existing, isNew: false };
    }
    const fresh = randomUUID();
    const session: Session = { cart: [], returns: [] };
    this.#sessions.set(fresh, session);
    if (this.#sessions.size > MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
    return { id: fresh, session, isNew: true };
  }
}

/** How many items lines hold (a cart, an order). */
export function itemCount(lines: ReadonlyArray<{ qty: number }>): number {
  return lines.reduce((sum, line) => sum + line.qty, 0);
}

export function addToCart(session: Session, slug: string, size: Size, qty: number): void {
  const existing = session.cart.find((line) => line.slug === slug && line.size === size);
  if (existing) existing.qty = Math.min(existing.qty + qty, 9);
  else session.cart.push({ slug, size, qty });
}
