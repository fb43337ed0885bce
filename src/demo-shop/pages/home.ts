/** `/`: the shop's front page, a short hero and the three products. */
import { PRODUCTS, type Product } from '../catalog.js';
import { html, money } from '../html.js';
import { htmlReply, type Handler } from '../http.js';
import { page } from '../layout.js';
import type { ShopVariant } from '../variant.js';

/** Where a product's picture is. Shipped: the rain jacket points at a file that was never uploaded (404). */
export function productImageUrl(product: Product, variant: ShopVariant): string {
  if (variant === 'shipped' && product.slug === 'rain-jacket') return `/img/${product.slug}.jpg`;
  return `/img/${product.slug}.svg`;
}

export const home: Handler = ({ variant }) =>
  htmlReply(
    page({
      variant,
      title: 'Clothes for the coast',
      banner: true,
      body: html`
<h1>Clothes for the coast</h1>
<p>Simple, hard-wearing clothes for days by the sea. Free delivery on every order and free returns within 30 days.</p>
<h2>Our favourites</h2>
<ul class="products">
${PRODUCTS.map(
  (product) => html`<li class="card">
<img src="${productImageUrl(product, variant)}" alt="" width="96" height="96">
<div>
<a href="/product/${product.slug}">${product.name}</a>
<p class="price">${money(product.price)}</p>
</div>
</li>`,
)}
</ul>`,
    }),
  );
