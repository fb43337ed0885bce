/**
 * Applying a promo code. Shipped: the code must be typed exactly "SAVE10"; the same code in lower case or with
 * spaces crashes the endpoint (HTTP 500) and an unknown code only says "Invalid.". Fixed: the code is trimmed and
 * matched without regard to case, and every message names the field and what to do.
 */
import { PROMO_CODE, PROMO_PERCENT } from './cart-totals.js';
import type { Session } from './session.js';
import type { ShopVariant } from './variant.js';

export interface PromoOutcome {
  /** HTTP status of the apply endpoint. */
  status: number;
  ok: boolean;
  message: string;
}

export const PROMO_APPLIED_FIXED = `${PROMO_CODE} applied: ${PROMO_PERCENT}% off`;

function shipped(session: Session, code: string): PromoOutcome {
  if (code === PROMO_CODE) {
    session.promo = PROMO_CODE;
    return { status: 200, ok: true, message: 'Code applied.' };
  }
  // The campaign table is keyed by the exact code; a near miss falls through to a lookup that throws.
  if (code.trim().toUpperCase() === PROMO_CODE) return { status: 500, ok: false, message: 'Internal Server Error' };
  return { status: 200, ok: false, message: 'Invalid.' };
}

function fixed(session: Session, code: string): PromoOutcome {
  const cleaned = code.trim();
  if (cleaned === '') {
    return { status: 200, ok: false, message: 'Enter your code in the Promo code field, then choose Apply.' };
  }
  if (session.cart.length === 0) {
    return { status: 200, ok: false, message: 'Add something to your cart first, then apply your promo code.' };
  }
  if (cleaned.toUpperCase() === PROMO_CODE) {
    session.promo = PROMO_CODE;
    return { status: 200, ok: true, message: PROMO_APPLIED_FIXED };
  }
  return {
    status: 200,
    ok: false,
    message: `We don't recognise the code "${cleaned.slice(0, 40)}". Check the spelling in the Promo code field, or shop without it.`,
  };
}

export function applyPromo(variant: ShopVariant, session: Session, code: string): PromoOutcome {
  return variant === 'shipped' ? shipped(session, code) : fixed(session, code);
}

/** The message the cart shows when a code is already applied. */
export function appliedMessage(variant: ShopVariant): string {
  return variant === 'shipped' ? 'Code applied.' : PROMO_APPLIED_FIXED;
}
