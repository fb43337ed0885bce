/** What is in a visitor's cart and what it costs, with the promo discount applied. */
import { findProduct, type Product, type Size } from './catalog.js';
import { money } from './html.js';
import type { Session } from './session.js';

export const PROMO_CODE = 'SAVE10';
export const PROMO_PERCENT = 10;

export interface PricedLine {
  product: Product;
  size: Size;
  qty: number;
  /** Pence. */
  total: number;
}

export interface CartTotals {
  lines: PricedLine[];
  subtotal: number;
  discount: number;
  total: number;
}

export function cartTotals(session: Session): CartTotals {
  const lines: PricedLine[] = [];
  for (const line of session.cart) {
    const product = findProduct(line.slug);
    if (product) lines.push({ product, size: line.size, qty: line.qty, total: product.price * line.qty });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
  const discount = session.promo === PROMO_CODE ? Math.round((subtotal * PROMO_PERCENT) / 100) : 0;
  return { lines, subtotal, discount, total: subtotal - discount };
}

/** The totals as the cart page shows them, for the page's script to update in place. */
export function formattedTotals(totals: CartTotals): { subtotal: string; discount: string; total: string } {
  return { subtotal: money(totals.subtotal), discount: money(-totals.discount), total: money(totals.total) };
}
