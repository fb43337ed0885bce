/** Pictures the shop draws itself (no external or binary assets): product pictures and the favicon, as SVG. */
import { escapeHtml } from './html.js';
import type { Product } from './catalog.js';

/** A garment silhouette on a soft background, in the product's colour. */
export function productSvg(product: Product): string {
  const colour = escapeHtml(product.colour);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">
<title>${escapeHtml(product.name)}</title>
<rect width="240" height="240" fill="#efe9df"/>
<path d="M84 40 L60 50 L24 86 L46 112 L66 96 L66 204 L174 204 L174 96 L194 112 L216 86 L180 50 L156 40 Q120 66 84 40 Z"
 fill="${colour}" stroke="#1d2430" stroke-width="3" stroke-linejoin="round"/>
<path d="M84 40 Q120 66 156 40" fill="none" stroke="#1d2430" stroke-width="3"/>
</svg>
`;
}

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">
<rect width="32" height="32" rx="6" fill="#173a5e"/>
<path d="M9 8v16M23 8v16M9 16h14" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/>
</svg>
`;
