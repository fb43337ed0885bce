/**
 * The two versions of the demo shop. "shipped" carries realistic friction planted in every journey; "fixed" is
 * the same shop with that friction removed, so the same scenarios show the difference.
 */
export type ShopVariant = 'shipped' | 'fixed';

export const SHOP_VARIANTS: readonly ShopVariant[] = ['shipped', 'fixed'];

export function isShopVariant(value: unknown): value is ShopVariant {
  return value === 'shipped' || value === 'fixed';
}
